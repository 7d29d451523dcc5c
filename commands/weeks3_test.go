package commands_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// weeks3At is one harness whose clock can be moved (ONE harness per
// test): set *now to change the day typed.
func weeks3At(t *testing.T, lang commands.Lang, day string) (*harness, *time.Time) {
	t.Helper()
	h := newHarness(t, lang)
	now := weeks3Day(t, day)
	h.withClock(&now)
	return h, &now
}

func weeks3Day(t *testing.T, day string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		t.Fatal(err)
	}
	return d.Add(time.Hour) // 10:00 in Seoul
}

// weeks3Sum is the plain SUM of one user's live entries dated day.
func (h *harness) weeks3Sum(user, day string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE logged_by = $1 AND as_of = $2::date AND voided_at IS NULL`, user, day)
}

// weeks3UserSum is the plain SUM of one user's live entries.
func (h *harness) weeks3UserSum(user string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE logged_by = $1 AND voided_at IS NULL`, user)
}

// Review r41 F3: `11월 셋째 주 금요일` as the line's date was refused as
// the period 11월 with 금요일 already the date (the latest Friday), and
// following the advice (`금요일 메모:11월 셋째 주`) filed 11/27 for the
// week of 11/16–22. Now the words are that week's day, by the one week
// rule (the first week holds the month's first Thursday); a week whose
// day is not the month's n-th such weekday is asked, both days offered,
// and each line offered, typed back, files that day.
func TestWeeks3WeekdayOfAWeekOfAMonthIsTheDate(t *testing.T) {
	t.Parallel()
	h, now := weeks3At(t, commands.Korean, "2026-12-02")
	for i, tc := range []struct{ line, day string }{
		{"추가 철도 15 11월 셋째 주 금요일", "2026-11-20"},
		{"추가 철도 16 날짜:11월 셋째 주 금요일", "2026-11-20"},
		{"추가 철도 17 지난달 셋째 주 수요일", "2026-11-18"},
		{"추가 철도 18 11월 셋째주 금요일 메모:현장 채용", "2026-11-20"},
		{"추가 철도 19 11월 마지막 주 금요일", "2026-11-27"},
		{"추가 철도 21 이번 달 첫째 주 수요일", "2026-12-02"},
	} {
		user := fmt.Sprintf("UW3A%d", i)
		h.run(user, tc.line, commands.OutcomeOK)
		if got, all := h.weeks3Sum(user, tc.day), h.weeks3UserSum(user); got == 0 || got != all {
			t.Errorf("%q: %d on %s of %d recorded, want all on %s", tc.line, got, tc.day, all, tc.day)
		}
	}
	// 5월 첫째 주 금요일: the week of 5/4–10 holds 5/8, the month's first
	// Friday is 5/1: asked, both lines offered, nothing written
	r := h.refusedUntouched(manager, "추가 철도 30 5월 첫째 주 금요일", "2026. 5. 8.", "2026. 5. 1.")
	offered := r32Offered(r)
	if len(offered) != 2 {
		t.Fatalf("offered %q, want two lines: %s", offered, r.Text())
	}
	for i, want := range []string{"2026-05-08", "2026-05-01"} {
		user := fmt.Sprintf("UW3B%d", i)
		h.run(user, offered[i], commands.OutcomeOK)
		if got := h.weeks3Sum(user, want); got != 30 || h.weeks3UserSum(user) != 30 {
			t.Errorf("%q filed %d on %s, want 30", offered[i], got, want)
		}
	}
	// 12월 첫째 주 월요일: the week's Monday is 11/30, the month's first 12/7
	h.refusedUntouched(manager, "추가 철도 31 12월 첫째 주 월요일", "2026. 11. 30.", "2026. 12. 7.")
	h.refusedUntouched(manager, "추가 철도 32 날짜:11월 다섯째 주 금요일", "`11월 다섯째 주 금요일`")

	// 12-09: the reviewer's two lines
	*now = weeks3Day(t, "2026-12-09")
	h.run("UW3C1", "추가 철도 12 11월 둘째 주 금요일", commands.OutcomeOK)
	h.run("UW3C2", "추가 철도 13 지난달 셋째 주 수요일", commands.OutcomeOK)
	if a, b := h.weeks3Sum("UW3C1", "2026-11-13"), h.weeks3Sum("UW3C2", "2026-11-18"); a != 12 || b != 13 {
		t.Errorf("12-09: 11월 둘째 주 금요일 filed %d on 11/13 (want 12), 지난달 셋째 주 수요일 %d on 11/18 (want 13)", a, b)
	}
}

// Review r41 F4: a note naming another week of the entry's own month was
// not asked (`날짜:11/27 메모:11월 셋째 주 입사` recorded on 11/27), while a
// week number was. Now it is asked like 47주차: the week's days named, the
// line dated its last weekday and the line keeping the entry's date
// without the words; each typed back records that day. The importer's
// note-day check reads it the same way.
func TestWeeks3NoteWeekOfTheSameMonthAgreesOrAsks(t *testing.T) {
	t.Parallel()
	h, now := weeks3At(t, commands.Korean, "2026-12-02")
	r := h.refusedUntouched(manager, "추가 공동체 4 날짜:11/27 메모:11월 셋째 주 입사", "2026. 11. 16. ~ 2026. 11. 22.")
	offered := r32Offered(r)
	if len(offered) != 2 || !strings.Contains(offered[0], "2026. 11. 20.") || !strings.Contains(offered[1], "2026. 11. 27.") {
		t.Fatalf("offered %q, want lines dated 11. 20. and 11. 27.", offered)
	}
	for i, want := range []string{"2026-11-20", "2026-11-27"} {
		user := fmt.Sprintf("UW4A%d", i)
		h.run(user, offered[i], commands.OutcomeOK)
		if got := h.weeks3Sum(user, want); got != 4 || h.weeks3UserSum(user) != 4 {
			t.Errorf("%q filed %d on %s, want 4", offered[i], got, want)
		}
	}
	// a note naming the entry's own week agrees
	h.run("UW4B", "추가 공동체 5 날짜:2026. 11. 20. 메모:11월 셋째 주 입사", commands.OutcomeOK)
	if got := h.weeks3Sum("UW4B", "2026-11-20"); got != 5 {
		t.Errorf("own week: %d on 11/20, want 5", got)
	}
	// 지난달 셋째 주 typed on 12/2 on a 12/2 entry: the week 11/16–22, offered
	// on 11/20, never 11/30, and no line keeps `셋째 주` cut from 지난달 (F6)
	r = h.refusedUntouched(manager, "추가 공동체 6 날짜:2026. 12. 2. 메모:지난달 셋째 주", "2026. 11. 16. ~ 2026. 11. 22.")
	for _, line := range r32Offered(r) {
		if strings.Contains(line, "2026. 11. 30.") || strings.Contains(line, "메모:셋째 주") {
			t.Errorf("offered %q: outside the week or a cut phrase", line)
		}
	}
	if offered = r32Offered(r); len(offered) > 0 {
		h.run("UW4C", offered[0], commands.OutcomeOK)
		if got := h.weeks3Sum("UW4C", "2026-11-20"); got != 6 || h.weeks3UserSum("UW4C") != 6 {
			t.Errorf("%q filed %d on 11/20, want 6", offered[0], got)
		}
	}

	*now = weeks3Day(t, "2026-12-31")
	r = h.refusedUntouched(manager, "추가 여성 4 메모:12월 첫째 주 입사", "2026. 12. 1. ~ 2026. 12. 6.")
	offered = r32Offered(r)
	if len(offered) == 0 {
		t.Fatalf("no line offered: %s", r.Text())
	}
	h.run("UW4D", offered[0], commands.OutcomeOK)
	if got := h.weeks3Sum("UW4D", "2026-12-04"); got != 4 || h.weeks3UserSum("UW4D") != 4 {
		t.Errorf("%q filed %d on 12/4, want 4", offered[0], got)
	}

	// the importer's check: a 12-29 row noting 12월 첫째 주 입사
	day := time.Date(2026, 12, 29, 0, 0, 0, 0, time.UTC)
	if word, named, ok := commands.NoteNamesAnotherDay("12월 첫째 주 입사", day, day.AddDate(0, 0, 2)); !ok || word != "12월 첫째 주" || named.Day() != 4 {
		t.Errorf("importer note check: %q %v %v, want 12월 첫째 주 named 12-04", word, named, ok)
	}
	if _, _, ok := commands.NoteNamesAnotherDay("12월 첫째 주 입사", day.AddDate(0, 0, -25), day); ok {
		t.Errorf("importer note check asked a 12-04 row about its own week")
	}
}

// The same in English: `note:hired the third week of November` is that
// week, asked on another day of the month or another month.
func TestWeeks3NoteWeekOfAMonthInEnglish(t *testing.T) {
	t.Parallel()
	h, _ := weeks3At(t, commands.English, "2026-12-07")
	for i, line := range []string{"add rail 20 date:2026-11-27 note:hired the third week of November", "add rail 21 note:third week of November hires"} {
		r := h.refusedUntouched(manager, line, "2026-11-16 to 2026-11-22")
		offered := r32Offered(r)
		if len(offered) != 2 || !strings.Contains(offered[0], "date:2026-11-20") || strings.Contains(offered[1], "third week of hires") {
			t.Fatalf("%q offered %q", line, offered)
		}
		user := fmt.Sprintf("UW5A%d", i)
		h.run(user, offered[0], commands.OutcomeOK)
		if got := h.weeks3Sum(user, "2026-11-20"); got == 0 || got != h.weeks3UserSum(user) {
			t.Errorf("%q filed %d on 11/20 of %d", offered[0], got, h.weeks3UserSum(user))
		}
	}
	// week 49 (11/30–12/6) typed on 12/7: each month's line inside the week
	r := h.refusedUntouched(manager, "add rail 22 note:hired week 49", "2026-11-30 to 2026-12-06")
	offered := r32Offered(r)
	if len(offered) != 2 || !strings.Contains(offered[0], "date:2026-11-30") || !strings.Contains(offered[1], "date:2026-12-04") {
		t.Fatalf("week 49 offered %q", offered)
	}
	for i, want := range []string{"2026-11-30", "2026-12-04"} {
		user := fmt.Sprintf("UW5B%d", i)
		h.run(user, offered[i], commands.OutcomeOK)
		if got := h.weeks3Sum(user, want); got != 22 || h.weeks3UserSum(user) != 22 {
			t.Errorf("%q filed %d on %s, want 22", offered[i], got, want)
		}
	}
}

// Review r41 F6: a week over two months offered the later month's line
// on the entry's own date (12/7, outside week 49; 2027. 1. 4. for week 53
// of 2026), and `날짜:53주차` offered 2027. 1. 1. (신정) without asking
// which month's figure it is. Every day offered now lies in the week, on
// a working day where the month's part has one; typed back, each records.
func TestWeeks3WeekOverTwoMonthsOffersDaysInsideIt(t *testing.T) {
	t.Parallel()
	h, now := weeks3At(t, commands.Korean, "2026-12-07")
	for i, tc := range []struct {
		line string
		days []string
	}{
		{"추가 철도 20 메모:49주차 채용", []string{"2026-11-30", "2026-12-04"}},
		{"추가 철도 23 메모:지난주 채용", []string{"2026-11-30", "2026-12-04"}},
		// a date outside the week: asked as another week (offered3), the
		// week's last weekday or the date as typed without the week
		{"추가 철도 26 날짜:11/20 메모:49주차 채용", []string{"2026-12-04", "2026-11-20"}},
	} {
		line := tc.line
		count := int64(20 + 3*i) // distinct counts: rows do not see each other as duplicates
		r := h.refusedUntouched(manager, line, "2026. 11. 30. ~ 2026. 12. 6.")
		offered := r32Offered(r)
		if len(offered) != 2 || !strings.Contains(offered[0], "날짜:"+koreanDay(t, tc.days[0])) || !strings.Contains(offered[1], "날짜:"+koreanDay(t, tc.days[1])) {
			t.Fatalf("%q offered %q", line, offered)
		}
		for j, want := range tc.days {
			user := fmt.Sprintf("UW6A%d%d", i, j)
			h.run(user, offered[j], commands.OutcomeOK)
			if got := h.weeks3Sum(user, want); got != count || h.weeks3UserSum(user) != count {
				t.Errorf("%q filed %d on %s, want %d", offered[j], got, want, count)
			}
		}
	}

	*now = weeks3Day(t, "2027-01-04")
	r := h.refusedUntouched(manager, "추가 철도 7 메모:53주차 채용", "2026. 12. 28. ~ 2027. 1. 3.")
	offered := r32Offered(r)
	if len(offered) != 2 || strings.Contains(strings.Join(offered, " "), "2027. 1. 4.") {
		t.Fatalf("53주차 offered %q: %s", offered, r.Text())
	}
	for j, want := range []string{"2026-12-31", "2027-01-03"} {
		user := fmt.Sprintf("UW6B%d", j)
		h.run(user, offered[j], commands.OutcomeOK)
		if got := h.weeks3Sum(user, want); got != 7 || h.weeks3UserSum(user) != 7 {
			t.Errorf("%q filed %d on %s, want 7", offered[j], got, want)
		}
	}
	// 날짜:53주차: which month's, asked; 12월's last working day is 12/31,
	// never 신정
	r = h.refusedUntouched(manager, "추가 철도 8 날짜:53주차", "`날짜:2026. 12. 31.`", "`날짜:2027. 1. 3.`", "12월", "1월")
	if strings.Contains(r.Text(), "2027. 1. 1.") {
		t.Errorf("날짜:53주차 offers 신정: %s", r.Text())
	}
	h.run("UW6C", "추가 철도 8 날짜:2026. 12. 31.", commands.OutcomeOK)
	if got := h.weeks3Sum("UW6C", "2026-12-31"); got != 8 {
		t.Errorf("typed back: %d on 12/31, want 8", got)
	}

	// 날짜:52주차 typed 12/30: its last working day is 12/24 (12/25 성탄절)
	*now = weeks3Day(t, "2026-12-30")
	h.refusedUntouched(manager, "추가 철도 9 날짜:52주차", "`날짜:2026. 12. 24.`")
}

// koreanDay is an ISO day (2026-12-04) as the Korean replies write it
// (2026. 12. 4.).
func koreanDay(t *testing.T, iso string) string {
	t.Helper()
	d, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d. %d. %d.", d.Year(), d.Month(), d.Day())
}
