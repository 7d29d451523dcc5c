package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r30 B8: lines whose note names the entry's own day by a weekday
// or by days counted back (`목요일 입사` on a Thursday, `3일 전 입사` dated
// three days back) are recorded as typed, but their entries export was
// refused on import ("the file does not say the day the note was
// written"), though every exported row carries its 기록 일시. A row with a
// 기록 식별자 and 기록 일시 was read by the typed checks on that day: the
// copy imports, SUMs equal.
func TestExportOfNotesNamingTheirOwnDayImports(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string
	}{
		{commands.Korean, []string{"추가 청년 5 메모:목요일 입사", "추가 청년 6 날짜:11/23 메모:3일 전 입사"}},
		{commands.English, []string{"add youth 7 note:hired on Thursday"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang) // today 2026-11-26, a Thursday
			for _, l := range tc.lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			for _, format := range []string{"csv", "xlsx"} {
				name, data := h.exportEntries(tc.lang, format)
				b := newHarness(t, tc.lang)
				if preview, applied := b.importFile(tc.lang, name, data); applied == "" {
					t.Fatalf("%s: the export was not imported:\n%s", format, preview)
				}
				if s, c := h.liveSumAll(), b.liveSumAll(); s != c || s == 0 {
					t.Errorf("%s: SQL sums source %d, copy %d", format, s, c)
				}
			}
		})
	}
}

// Review r31 F5: on 2027-01-04 `추가 여성 4 12/30 메모:1월 보고분` read the
// note's 1월 as January 2026 (the latest January not after the entry's
// date) and the lines offered filed the jobs 11 months back. A month
// alone is read as of the day typed when that names a month after the
// entry's and not after today: January 2027, asked about; never a line
// dated in 2026's January. SQL SUMs.
func TestNoteMonthAfterTheEntrysIsThisYears(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, want string
		kept       string
	}{
		{commands.Korean, "추가 여성 4 12/30 메모:1월 보고분", "2027년 1월", "추가 여성 4 날짜:2026. 12. 30. 메모:보고분"},
		{commands.English, "add women 4 date:2026-12-30 note:1월 보고분", "2027", "add women 4 date:2026-12-30 note:보고분"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, time.Date(2027, time.January, 4, 1, 0, 0, 0, time.UTC))
			r := h.refusedUntouched(manager, tc.line, tc.want, tc.kept)
			if strings.Contains(r.Text(), "2026. 1. 31.") || strings.Contains(r.Text(), "2026-01-31") {
				t.Errorf("the reply offers January 2026:\n%s", r.Text())
			}
			h.run(manager, tc.kept, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-12-30'`); got != 4 {
				t.Errorf("SQL sum on 2026-12-30 %d, want 4", got)
			}
			if got := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of < '2026-12-01'`); got != 0 {
				t.Errorf("%d entries before December", got)
			}
		})
	}
}
