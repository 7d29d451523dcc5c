package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r35 B6: a 누계 line's span (`누계 1~11월 650 11/30`, r31 F10) was
// read by its months alone: `누계 2025년 1~11월 650 11/30` typed in 2026 was
// filed as the 2026-11-30 누계 of 650, the year gone. A span naming another
// year than the line's date is refused, nothing written; this year's span
// is read as before.
func TestCumulativeSpanOfAnotherYearIsRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-04")
			for _, line := range []string{
				"추가 노인 누계 2025년 1~11월 650 11/30",
				"추가 노인 누계 2024년 1월~10월 600 10/31",
				"추가 노인 누계 2027년 1~11월 650 11/30",
				"추가 노인 누계 2025년 1~12월 700",
			} {
				h.run(manager, line, commands.OutcomeRefused)
				if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
					t.Fatalf("%q wrote %d entries", line, n)
				}
			}
			h.run(manager, "추가 노인 누계 2026년 1~11월 650 11/30", commands.OutcomeOK)
			if got := h.sqlStr(`SELECT as_of::text || '|' || reported_total FROM entries WHERE voided_at IS NULL`); got != "2026-11-30|650" {
				t.Errorf("stored %q, want the 2026-11-30 누계 of 650", got)
			}
			if n := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`); n != 650 {
				t.Errorf("SQL SUM %d, want 650", n)
			}
		})
	}
}
