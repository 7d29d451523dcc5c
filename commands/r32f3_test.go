package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r32 F3: `메모:MOU 체결(11.19.)` on an entry of another day offered a
// line keeping the entry's day whose note was `MOU 체결(.)`: the date came
// out and its brackets stayed. The kept note leaves no empty brackets, and
// typed back it is stored as offered.
func TestKeptNoteLeavesNoEmptyBrackets(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-11-23")
			line := byLang(lang, "add 1500 invest status:agreed note:MOU 체결(11.19.)", "추가 1500 투자유치 상태:약정 메모:MOU 체결(11.19.)")
			// <11.19.> too (review r36 M3: `메모:<> 입사` was offered)
			if lang == commands.English {
				line = "add 1500 invest status:agreed note:MOU 체결<11.19.>"
			}
			offered := r32Offered(h.run(manager, line, commands.OutcomeRefused))
			if len(offered) != 2 {
				t.Fatalf("offered %q, want two lines", offered)
			}
			kept := offered[1]
			if strings.ContainsAny(kept, "(<") || !strings.HasSuffix(kept, "MOU 체결") {
				t.Fatalf("kept line %q: want the note MOU 체결 with no brackets left", kept)
			}
			h.run(manager, kept, commands.OutcomeOK)
			if got := h.sqlStr(`SELECT note || '|' || as_of::text FROM entries WHERE voided_at IS NULL`); got != "MOU 체결|2026-11-23" {
				t.Errorf("stored %q, want MOU 체결 on 2026-11-23", got)
			}
			if n := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'agreed'`); n != 1500 {
				t.Errorf("agreed SUM = %d, want 1500", n)
			}
		})
	}
}
