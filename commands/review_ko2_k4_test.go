package commands_test

import (
	"context"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// Tests of the second Korean-official review (review_ko2 findings 1, 2 and
// 11), typed through Service.Handle as a 주무관 types them.

// newestKind is the newest entry's kind, reported total and date, read
// straight from the table.
func (h *harness) newestKind() (kind string, reported int64, asOf time.Time, note string) {
	h.t.Helper()
	var row struct {
		Kind     string    `db:"kind"`
		Reported *int64    `db:"reported_total"`
		AsOf     time.Time `db:"as_of"`
		Note     string    `db:"note"`
	}
	if err := h.store.DB().GetContext(context.Background(), &row,
		`SELECT kind, reported_total, as_of, note FROM entries ORDER BY id DESC LIMIT 1`); err != nil {
		h.t.Fatal(err)
	}
	if row.Reported != nil {
		reported = *row.Reported
	}
	return row.Kind, reported, row.AsOf, row.Note
}

// Finding 1: a date in brackets or quotes, and 어제분/그제분/전일분, is
// read as the entry's date (and 누계 inside the bracket as the marker),
// never left in the note with the entry dated today.
func TestKO2BracketedDatesAndDayWordsWithBun(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean) // today 2026-11-26
	for _, tc := range []struct {
		line string
		kind string
		day  int
	}{
		{"추가 1,300 청년 (11/25 기준 누계)", "cumulative", 25},
		{"추가 9 노인 (11/24)", "delta", 24},
		{"추가 11 노인 [11/23]", "delta", 23},
		{"추가 12 노인 (11.23.) 확인:예", "delta", 23},
		{"추가 13 노인 ‘11/22’", "delta", 22},
		{"추가 14 노인 '11/22'", "delta", 22},
		{"추가 8 여성 (11/25)", "delta", 25}, // (11/25 기준) is asked about (k32)
		{"추가 5 노인 어제분", "delta", 25},
		{"추가 4 여성 그제분", "delta", 24},
		{"추가 6 여성 전일분", "delta", 25},
		{"추가 7 노인 11/25 (수)", "delta", 25},
	} {
		h.run(manager, confirmed(tc.line), commands.OutcomeOK)
		kind, _, asOf, note := h.newestKind()
		if kind != tc.kind || !asOf.Equal(dates.On(2026, 11, tc.day)) || note != "" {
			t.Errorf("%q stored kind %s, as of %s, note %q; want %s on 11/%d and no note", tc.line, kind, asOf.Format(time.DateOnly), note, tc.kind, tc.day)
		}
	}
	// A bracketed note that is no date stays the note.
	h.run(manager, "추가 15 노인 메모:(경로당)", commands.OutcomeOK)
	if _, _, _, note := h.newestKind(); note != "(경로당)" {
		t.Errorf("note %q, want (경로당)", note)
	}
}

// Finding 2: the 누계 words officials write besides 누계/누적 mark a
// cumulative report; the figure is never added again as new jobs.
func TestKO2CumulativeWords(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	for i, w := range []string{"누계실적", "누적실적", "누적치", "누적인원", "누계치", "연간누계", "총계", "현재까지"} {
		n := int64(100 + 10*i)
		line := "추가 " + itoa(n) + " 청년 10월말 " + w
		h.run(manager, line, commands.OutcomeOK)
		kind, reported, asOf, note := h.newestKind()
		if kind != "cumulative" || reported != n || !asOf.Equal(dates.On(2026, 10, 31)) || note != "" {
			t.Errorf("%q stored %s %d as of %s, note %q; want a 누계 of %d on 10/31 and no note", line, kind, reported, asOf.Format(time.DateOnly), note, n)
		}
	}
	if got := h.yearTotal(); got != 170 {
		t.Errorf("year total %d, want the last 누계 170", got)
	}
}

// Finding 11: on 2027-01-05 the year-end figures arrive written without a
// year; 12월말, 12. 31., 현황 12월, 현황 4분기 and 마감 12월 are 2026's, not
// a December eleven months away.
func TestKO2YearEndIsLastYear(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.svc = h.with(func(c *commands.Config) {
		c.Now = func() time.Time { return time.Date(2027, 1, 5, 1, 0, 0, 0, time.UTC) }
	})
	h.run(manager, "추가 4,100 노인 누계 12월말", commands.OutcomeOK)
	if kind, reported, asOf, _ := h.newestKind(); kind != "cumulative" || reported != 4100 || !asOf.Equal(dates.On(2026, 12, 31)) {
		t.Errorf("stored %s %d as of %s, want a 누계 of 4100 on 2026-12-31", kind, reported, asOf.Format(time.DateOnly))
	}
	h.run(manager, "추가 20 청년 12. 30.", commands.OutcomeOK)
	if _, _, asOf, _ := h.newestKind(); !asOf.Equal(dates.On(2026, 12, 30)) {
		t.Errorf("12. 30. stored as of %s, want 2026-12-30", asOf.Format(time.DateOnly))
	}
	r := h.run(manager, "현황 12월", commands.OutcomeOK)
	mustContain(t, r.Text(), "2026년 12월")
	r = h.run(manager, "현황 4분기", commands.OutcomeOK)
	mustContain(t, r.Text(), "2026년 4분기")
	r = h.run(manager, "마감 12월", commands.OutcomeOK)
	mustContain(t, r.Text(), "2026년 12월")
}
