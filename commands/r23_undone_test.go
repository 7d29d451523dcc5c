package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r23 B3: the ledger's own entries export, taken after a 정정 and
// imported after that 정정's 취소, voided the restored original again and
// left neither it nor its replacement live (100 → 88 in SQL). The import
// now refuses that row, naming both entries; nothing of the file is
// written and the SQL SUM stays.
func TestImportAfterAnUndoneCorrectionIsRefused(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang                    commands.Lang
		lines                   []string
		undo, want, wantApplied string
	}{
		{commands.Korean, []string{"추가 여성 10 11/5", "추가 여성 누계 100 11/10", "정정 1 12 오기 누계포함:예"}, "취소",
			"정정은 파일을 내보낸 뒤 취소되어", "가져왔습니다"},
		{commands.English, []string{"add 10 women date:2026-11-05", "add women cumulative 100 date:2026-11-10", "correct 1 12 typo within:yes"}, "undo",
			"that correction was taken back (undo) after the file was exported", "Imported"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			for _, l := range c.lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			names, files := map[string]string{}, map[string][]byte{}
			for _, format := range []string{"csv", "xlsx"} {
				names[format], files[format] = h.exportEntries(c.lang, format)
			}
			h.run(manager, c.undo, commands.OutcomeOK)
			for _, format := range []string{"csv", "xlsx"} {
				before := h.liveSumAll()
				preview, applied := h.importFile(c.lang, names[format], files[format])
				if !strings.Contains(preview, c.want) || strings.Contains(applied, c.wantApplied) {
					t.Errorf("%s: the import after the 취소 was not refused so:\n%s\n%s", format, preview, applied)
				}
				if got := h.liveSumAll(); got != before || got != 100 {
					t.Errorf("%s: SQL sum %d after the import, want %d (and 100)", format, got, before)
				}
			}
		})
	}
}
