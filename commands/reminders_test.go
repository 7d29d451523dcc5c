package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// January 2027 ends on a weekend (30th, 31st); with the 29th a holiday, the
// last working day is Thursday the 28th, and three working days before it is
// Monday the 25th. The seeded holidays move September 2026 too: the 24th–25th
// and the 28th are 추석, so three working days before the 30th (29th, 23rd,
// 22nd) is the 22nd.
func TestReminderDaysSkipHolidaysAndWeekends(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("USTAFF", "/jobs holiday add 2027-01-29 임시공휴일", commands.OutcomeRefused) // managers only
	h.run(manager, "/jobs 공휴일 추가 2027-01-29 임시공휴일", commands.OutcomeOK)
	mustContain(t, h.run("USTAFF", "/jobs 공휴일 2027", commands.OutcomeOK).Text(), "임시공휴일")
	for _, tc := range []struct {
		month       time.Time
		first, last time.Time
	}{
		{day(2027, 1, 1), day(2027, 1, 25), day(2027, 1, 28)},
		{day(2026, 9, 1), day(2026, 9, 22), day(2026, 9, 30)},
		{day(2026, 11, 1), day(2026, 11, 25), day(2026, 11, 30)},
	} {
		first, last, err := h.svc.ReminderDays(context.Background(), tc.month)
		if err != nil {
			t.Fatal(err)
		}
		if !first.Equal(tc.first) || !last.Equal(tc.last) {
			t.Errorf("%s: rounds on %s and %s, want %s and %s", tc.month.Format("2006-01"),
				first.Format(time.DateOnly), last.Format(time.DateOnly), tc.first.Format(time.DateOnly), tc.last.Format(time.DateOnly))
		}
	}
	h.run(manager, "/jobs holiday remove 2027-01-29", commands.OutcomeOK)
	if _, last, _ := h.svc.ReminderDays(context.Background(), day(2027, 1, 1)); !last.Equal(day(2027, 1, 29)) {
		t.Errorf("after removing the holiday the last working day is %s", last.Format(time.DateOnly))
	}
}

func TestRemindPreview(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run(manager, "/jobs dept add 도시재생과 <@UCITY>", commands.OutcomeOK)
	h.run("USTAFF", "/jobs add 5 youth", commands.OutcomeOK)
	r := h.run("USTAFF", "/jobs remind preview", commands.OutcomeOK)
	mustContain(t, r.Text(), "Reminder round 1 for November 2026, due 2026-11-25 10:00", "도시재생과 → @UCITY")
	if got := r.Text(); strings.Contains(got, "일자리정책과") {
		t.Errorf("a department that reported is in the preview:\n%s", got)
	}
	h.run(manager, "/jobs remind send", commands.OutcomeRefused) // no sender configured
}
