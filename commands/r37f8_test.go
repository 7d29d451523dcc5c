package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r37 F8: on 2027-01-12, `추가 7 여성 26.1.9 메모:1.9. 입사` was
// filed on 2026-01-09 with no year question: the earlier-year question was
// skipped because the note named the entry's own month, though without a
// year. It is asked; a note that says the year (`2026년 1월분`) is the
// answer already and is recorded.
func TestR37NoteRepeatingTheDayDoesNotAnswerTheYear(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2027-01-12")
			for _, line := range []string{"추가 7 여성 26.1.9 메모:1.9. 입사", "추가 7 여성 26.1.8 메모:1.8.(금) 입사"} {
				h.run("U2", line, commands.OutcomeRefused)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("held lines wrote %d entries", n)
			}
			h.run("U2", "추가 7 여성 26.1.9 메모:2026년 1월분", commands.OutcomeOK)
			if got := h.sqlStr(`SELECT as_of::text FROM entries WHERE voided_at IS NULL`); got != "2026-01-09" {
				t.Errorf("stored on %q, want 2026-01-09", got)
			}
			if n := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND as_of < '2027-01-01'`); n != 7 {
				t.Errorf("2026 SQL SUM %d, want 7", n)
			}
		})
	}
}

// Review r40 B3: the r37 F8 fix read a note's `11.9.` (month 11, day 9) as
// `25.11.` (year 25, month 11): on 2027-11-20 `추가 청년 6 26.11.9 메모:11.9.
// 입사` was filed in 2026 unasked, as was `add youth 7 26.12.9 note:12.9.
// hired` on 2027-12-20. A two-figure first part that can be a month is a
// month; a note saying the year (`2026년 11월분`, `'26년 10월분`) is the
// answer already.
func TestR40NoteMonthDayIsNoYear(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		today, line string
		said        string // a line whose note says the year: recorded
		asOf        string
	}{
		{commands.Korean, "2027-11-20", "추가 청년 6 26.11.9 메모:11.9. 입사", "추가 청년 6 26.11.9 메모:2026년 11월분", "2026-11-09"},
		{commands.Korean, "2027-11-20", "추가 청년 6 26.10.9 메모:10.9. 입사", "추가 청년 6 26.10.9 메모:'26년 10월분", "2026-10-09"},
		{commands.English, "2027-12-20", "add youth 7 26.12.9 note:12.9. hired", "add youth 7 26.12.9 note:2026년 12월분", "2026-12-09"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, tc.today)
			h.run("U2", tc.line, commands.OutcomeRefused)
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("%q wrote %d entries unasked", tc.line, n)
			}
			h.run("U2", tc.said, commands.OutcomeOK)
			if got := h.sqlStr(`SELECT as_of::text FROM entries WHERE voided_at IS NULL`); got != tc.asOf {
				t.Errorf("stored on %q, want %s", got, tc.asOf)
			}
		})
	}
}
