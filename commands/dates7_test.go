package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// dates7Sum is the plain SUM of one user's live entries.
func (h *harness) dates7Sum(user string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE logged_by = $1 AND voided_at IS NULL`, user)
}

// dates7Refused runs line as user, wants it refused naming wants, and
// nothing of user's stored (a plain SUM over entries).
func (h *harness) dates7Refused(user, line string, wants ...string) commands.Reply {
	h.t.Helper()
	r := h.run(user, line, commands.OutcomeRefused)
	mustContain(h.t, r.Text(), wants...)
	if got := h.dates7Sum(user); got != 0 {
		h.t.Fatalf("%q was refused but stored %d", line, got)
	}
	return r
}

// Issue 19 (dates7 item 1): `날짜:작년 초` read 작년 alone and refused it
// as the whole of 2025, `초` lost; now the words are read whole as the
// start of 2025 (January), refused as 연초 is, in both languages.
func TestDates7StartOfLastYearAsTheDateIsReadWhole(t *testing.T) {
	t.Parallel()
	h, _ := weeks3At(t, commands.Korean, "2026-12-03")
	for i, tc := range []struct{ line, want, suggest string }{
		{"추가 청년 3 날짜:작년 초", "`작년 초`는 2025년 초(2025. 1. 1. ~ 2025. 1. 31.)", "날짜:2025. 1. 31."},
		{"추가 청년 3 날짜:지난해 초 메모:x", "`지난해 초`는 2025년 초", "날짜:2025. 1. 31."},
		{"추가 청년 3 날짜:올해 초", "`올해 초`는 2026년 초(2026. 1. 1. ~ 2026. 1. 31.)", "날짜:2026. 1. 30."},
		{"추가 청년 3 날짜:연초", "`연초`는 2026년 초", "날짜:2026. 1. 30."},
	} {
		h.dates7Refused(fmt.Sprintf("UD7A%d", i), tc.line, tc.want, tc.suggest)
	}
	e, _ := weeks3At(t, commands.English, "2026-12-03")
	e.dates7Refused("UD7AE0", "add 3 youth date:early last year", "`early last year` is the start of 2025 (2025-01-01 to 2025-01-31)", "date:2025-01-31")
	e.dates7Refused("UD7AE1", "add 3 youth date:start of last year", "`start of last year` is the start of 2025", "date:2025-01-31")
}

// Issue 19 (dates7 item 3): days listed with `·` (12/9·10·11) as the line's
// date were refused as no date without saying why, and in a note 10·11
// was read as 10. 11., the note's days a period from October. As the date
// they are refused naming the days and asking for a line a day; in a note
// they are three December days, asked as other note days are.
func TestDates7DaysListedAreDaysOfTheirMonth(t *testing.T) {
	t.Parallel()
	h, _ := weeks3At(t, commands.Korean, "2026-12-12")
	h.dates7Refused("UD7B0", "추가 청년 3 날짜:12/9·10·11", "`12/9·10·11`은 여러 날(2026. 12. 9. ~ 2026. 12. 11.)", "하루에 한 줄씩", "날짜:2026. 12. 9.")
	r := h.dates7Refused("UD7B1", "추가 청년 3 날짜:2026. 12. 1. 메모:12/9·10·11 합산", "`12/9·10·11`", "2026. 12. 9.부터 2026. 12. 11.까지")
	if text := r.Text(); dates7Has(text, "10. 11.", "2026. 12. 10. 메모") {
		t.Errorf("a day of the list read as October or the list cut short:\n%s", text)
	}
	offered := r32Offered(r)
	if len(offered) != 2 {
		t.Fatalf("offered %q, want two lines: %s", offered, r.Text())
	}
	// the first line offered, typed back, files the list's last day
	h.run("UD7B2", offered[0], commands.OutcomeOK)
	if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE logged_by = 'UD7B2' AND as_of = '2026-12-11'`); got != 3 || h.dates7Sum("UD7B2") != 3 {
		t.Errorf("%q filed %d on 2026-12-11 of %d, want 3", offered[0], got, h.dates7Sum("UD7B2"))
	}
	// on the list's last day the note is the entry's own: kept
	h.run("UD7B3", "추가 청년 4 날짜:2026. 12. 11. 메모:12/9·10·11 합산", commands.OutcomeOK)
	if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE logged_by = 'UD7B3' AND as_of = '2026-12-11'`); got != 4 {
		t.Errorf("the list's last day filed %d, want 4", got)
	}
	e, _ := weeks3At(t, commands.English, "2026-12-12")
	e.dates7Refused("UD7BE0", "add 3 youth date:12/9·10·11", "`12/9·10·11` lists several days (2026-12-09 to 2026-12-11)", "one line per day", "date:2026-12-09")
	r = e.dates7Refused("UD7BE1", "add 3 youth date:2026-12-01 note:12/9·10·11 total", "`12/9·10·11`", "2026-12-09", "2026-12-11")
	if dates7Has(r.Text(), "2026-10-11") {
		t.Errorf("10·11 read as October:\n%s", r.Text())
	}
}

// dates7Has says s holds one of words.
func dates7Has(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Issue 19 (dates7 items 2 and 5): a week of a month in a note still to
// come by the day typed is a start to come (NoteStartsLater): `12월 셋째 주
// 입사` on an entry of 12. 2. was filed unasked, and `12월 첫째 주 채용` on
// 11. 27. typed 11. 30. was asked as December 2025's week.
func TestDates7NoteWeekOfAMonthAheadIsNotHiredYet(t *testing.T) {
	t.Parallel()
	h, now := weeks3At(t, commands.Korean, "2026-12-02")
	h.dates7Refused("UD7C0", "추가 청년 3 날짜:2026. 12. 2. 메모:12월 셋째 주 입사", "`12월 셋째 주`", "입사 전")
	h.dates7Refused("UD7C1", "추가 청년 3 날짜:2026. 12. 1. 메모:12월 3주차 입사", "`12월 3주차`", "입사 전")
	// a week of the month already past is no start to come
	h.run("UD7C2", "추가 청년 3 날짜:2026. 12. 2. 메모:12월 첫째 주 입사", commands.OutcomeOK)
	if got := h.dates7Sum("UD7C2"); got != 3 {
		t.Errorf("this week's hires filed %d, want 3", got)
	}
	*now = weeks3Day(t, "2026-11-30")
	r := h.dates7Refused("UD7C3", "추가 청년 3 날짜:11/27 메모:12월 첫째 주 채용", "`12월 첫째 주`", "2026")
	if dates7Has(r.Text(), "2025") {
		t.Errorf("the week read as December 2025:\n%s", r.Text())
	}
	e, enow := weeks3At(t, commands.English, "2026-12-02")
	e.dates7Refused("UD7CE0", "add 3 youth date:2026-12-02 note:12월 셋째 주 입사", "`12월 셋째 주`")
	*enow = weeks3Day(t, "2026-11-30")
	r = e.dates7Refused("UD7CE1", "add 3 youth date:2026-11-27 note:12월 첫째 주 채용", "`12월 첫째 주`")
	if dates7Has(r.Text(), "2025") {
		t.Errorf("the week read as December 2025:\n%s", r.Text())
	}
}

// Issue 19 (dates7 item 4): `이번 주 입사` on an entry of 2026. 11. 20.
// typed 12. 3. was filed unasked; this week (11. 30. ~ 12. 6.) is another
// week than the entry's: asked as 지난주 is, the line offered dated the
// week's last weekday come by the day typed. On an entry of this week the
// note agrees.
func TestDates7NoteThisWeekOnAnotherWeeksEntryIsAsked(t *testing.T) {
	t.Parallel()
	h, _ := weeks3At(t, commands.Korean, "2026-12-03")
	r := h.dates7Refused("UD7D0", "추가 청년 3 날짜:2026. 11. 20. 메모:이번 주 입사", "`이번 주`", "2026. 11. 30. ~ 2026. 12. 6.")
	offered := r32Offered(r)
	if len(offered) != 2 {
		t.Fatalf("offered %q, want two lines: %s", offered, r.Text())
	}
	h.run("UD7D1", offered[0], commands.OutcomeOK)
	if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE logged_by = 'UD7D1' AND as_of = '2026-12-03'`); got != 3 || h.dates7Sum("UD7D1") != 3 {
		t.Errorf("%q filed %d on 2026-12-03, want 3", offered[0], got)
	}
	h.run("UD7D2", "추가 청년 5 날짜:2026. 12. 1. 메모:이번 주 입사", commands.OutcomeOK)
	if got := h.dates7Sum("UD7D2"); got != 5 {
		t.Errorf("a note agreeing with its date filed %d, want 5", got)
	}
	e, _ := weeks3At(t, commands.English, "2026-12-03")
	e.dates7Refused("UD7DE0", "add 3 youth date:2026-11-20 note:hired this week", "`this week`", "2026-11-30")
	e.run("UD7DE1", "add 4 youth date:2026-12-02 note:hired this week", commands.OutcomeOK)
	if got := e.dates7Sum("UD7DE1"); got != 4 {
		t.Errorf("this week's entry filed %d, want 4", got)
	}
}

// Issue 19 (dates7 item 6): English week places as the line's date
// (`third week of November`, `last week of November`, `week 47`) were
// refused naming only their first word; now read as `11월 셋째 주` and
// `47주차` are, the week named by its days. `11월 마지막 주` was read as
// 11월 alone: now that month's last week.
func TestDates7EnglishWeekPlacesAsTheDate(t *testing.T) {
	t.Parallel()
	e, _ := weeks3At(t, commands.English, "2026-12-03")
	for i, tc := range []struct{ line, typed, from, to, suggest string }{
		{"add 3 youth date:third week of November", "third week of November", "2026-11-16", "2026-11-22", "2026-11-20"},
		{"add 3 youth date:the third week of Nov 2026", "the third week of Nov 2026", "2026-11-16", "2026-11-22", "2026-11-20"},
		{"add 3 youth date:last week of November", "last week of November", "2026-11-23", "2026-11-29", "2026-11-27"},
		{"add 3 youth date:week 47", "week 47", "2026-11-16", "2026-11-22", "2026-11-20"},
		{"add 3 youth date:2nd week of October note:x", "2nd week of October", "2026-10-05", "2026-10-11", "2026-10-08"}, // 10. 9. is 한글날,
	} {
		e.dates7Refused(fmt.Sprintf("UD7E%d", i), tc.line, "`"+tc.typed+"`", tc.from, tc.to, "date:"+tc.suggest)
	}
	h, _ := weeks3At(t, commands.Korean, "2026-12-03")
	h.dates7Refused("UD7EK0", "추가 청년 3 날짜:11월 마지막 주", "`11월 마지막 주`", "2026. 11. 23.", "2026. 11. 29.", "날짜:2026. 11. 27.")
	h.dates7Refused("UD7EK1", "추가 청년 3 날짜:11월 셋째 주", "`11월 셋째 주`", "2026. 11. 16.", "2026. 11. 22.", "날짜:2026. 11. 20.")
}
