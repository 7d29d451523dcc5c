package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r22 F32: `추가 청년5 1/4`, the count glued to the program, was
// answered "no count found" naming nothing; the reply now gives the line
// spaced, and that line records. SQL SUM.
func TestCountGluedToTheProgramIsAnsweredSpaced(t *testing.T) {
	for _, c := range []struct {
		lang       commands.Lang
		line, want string
	}{
		{commands.Korean, "추가 청년5 11/25", "`추가 청년 5 11/25`"},
		{commands.Korean, "추가 청년5명 11/25", "`추가 청년 5명 11/25`"},
		{commands.English, "add youth5 date:2026-11-25", "`add youth 5 date:2026-11-25`"},
	} {
		t.Run(string(c.lang)+"/"+c.line, func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.refusedUntouched(manager, c.line, c.want)
			h.run(manager, c.want[1:len(c.want)-1], commands.OutcomeOK)
			if got := h.sum("true"); got != 5 {
				t.Errorf("SQL sum %d, want 5", got)
			}
		})
	}
}
