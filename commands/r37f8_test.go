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
