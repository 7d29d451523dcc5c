package commands_test

import (
	"testing"

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
