package commands_test

import (
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// A numeric date glued to the word after it (11/30오후 입사, 11.30오전 입사,
// 11/30동안 교육) or in square brackets (입사[12/3]) names a day as the
// spaced and round-bracketed forms do: another day's note is refused with
// its two lines, nothing written (review r36 B3: recorded in December).
func TestHoldlock3GluedAndBracketedNoteDatesAreRead(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string
	}{
		{commands.Korean, []string{"추가 노인 43 메모:11/30오후 입사", "추가 노인 52 메모:11.30오후 입사", "추가 노인 53 메모:11/30오전 입사",
			"추가 노인 38 메모:11/30동안 교육", "추가 노인 32 메모:입사[12/3]"}},
		{commands.English, []string{"add senior 43 note:11/30오후 입사", "add senior 52 note:11.30오후 입사", "add senior 53 note:11/30오전 입사",
			"add senior 38 note:11/30동안 교육", "add senior 32 note:hired [12/3]"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			for _, line := range tc.lines {
				h.run(manager, line, commands.OutcomeRefused)
				if got := h.liveSumAll(); got != 0 {
					t.Fatalf("after %q: %d jobs by SQL, want 0", line, got)
				}
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}
