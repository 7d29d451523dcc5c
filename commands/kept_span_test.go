package commands_test

import (
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r31 F10: `추가 청년 누계 1~12월 700 12월말` was refused as a period
// whose words hold a figure (700 called a note number). On a 누계 line a
// range of months from January to the line's month is the 누계's span
// (the year to date): the 누계 is recorded, 700 in total on 12월말, no note.
// A range that is not the year to date, or on a line that is no 누계, is
// still refused, nothing written.
func TestKeptCumulativeSpanIsTheYearToDate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang          commands.Lang
		line, refused string
		refusedWant   string
	}{
		{commands.Korean, "추가 청년 누계 1~12월 700 12월말", "추가 청년 누계 1~11월 700 12월말", "`1~11월`"},
		{commands.Korean, "추가 청년 누계 1월~12월 700 날짜:12/31", "추가 청년 1~12월 700 12월말", "`1~12월`"},
		{commands.English, "add youth cumulative 1~12월 700 2026-12-31", "add youth 1~12월 700 2026-12-31", "`1~12월`"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 31, 1, 0, 0, 0, time.UTC))
			h.refusedUntouched(manager, tc.refused, tc.refusedWant)
			h.run(manager, tc.line, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND as_of = '2026-12-31' AND reported_total = 700 AND kind = 'cumulative' AND note = ''`); got != 1 {
				t.Errorf("%d 누계 of 700 on 2026-12-31 without a note, want 1", got)
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`); got != 700 {
				t.Errorf("SQL sum %d, want 700", got)
			}
		})
	}
}
