package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r38 B6: `12.1.2026` in a note is refused offering a line dated
// 2026. 12. 1. and one dated 2026. 1. 12.; typed one after the other, both
// were recorded, the same people counted twice. The two lines answer one
// question: once one records, the other is refused naming it.
func TestR38AmbiguousNoteDateLinesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2027-01-05")
			offered := r32Offered(h.run(manager, "추가 노인 5 메모:12.1.2026 입사", commands.OutcomeRefused))
			if len(offered) != 2 {
				t.Fatalf("offered %q, want two lines", offered)
			}
			h.run(manager, offered[0], commands.OutcomeOK) // 2026. 12. 1.: last December, typed in January
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL`); n != 1 {
				t.Fatalf("%d live entries after the first line, want 1", n)
			}
			second := h.run(manager, offered[1], commands.OutcomeRefused)
			// whatever the reply offers short of 확인:다시 (a 확인:예 of its
			// year question) records nothing either
			for _, l := range r32Offered(second) {
				if !strings.Contains(l, "다시") && !strings.Contains(l, "again") {
					h.run(manager, l, commands.OutcomeRefused)
				}
			}
			if n := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); n != 5 {
				t.Errorf("SQL SUM %d after both lines, want 5", n)
			}
		})
	}
}
