package commands_test

import (
	"fmt"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r29 B7: a held line's 확인:예 line typed twice recorded the jobs
// twice: the second yes found its question answered and was taken for a
// separate report, with no question. Now it names the entry the first yes
// recorded and writes nothing; 확인:다시 records a genuinely new batch; a
// new question (the line typed again without 확인) is answered anew. Every
// figure is checked against a plain SQL SUM.
func TestHoldlockTypedYesTwiceRecordsOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang             commands.Lang
		line, yes, again string
		said             []string
	}{
		{commands.Korean, "추가 청년 5 날짜:2026-11-20", " 확인:예", " 확인:다시",
			[]string{"이미 기록했습니다", "기록하지 않았습니다", "`추가 청년 5 날짜:2026-11-20 확인:다시`"}},
		{commands.English, "add youth 5 date:2026-11-20", " confirm:yes", " confirm:again",
			[]string{"Already recorded", "recorded nothing", "`add youth 5 date:2026-11-20 confirm:again`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tc.lang)
			stored := func(want int, when string) {
				t.Helper()
				if n := h.entriesStored(); n != want {
					t.Fatalf("%s: %d entries, want %d", when, n, want)
				}
				if got := h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id WHERE p.code = 'youth' AND e.status = 'realised' AND e.voided_at IS NULL`); got != int64(5*want) {
					t.Fatalf("%s: youth = %d by SQL, want %d", when, got, 5*want)
				}
			}
			h.runAs("U1", "a1", tc.line, commands.OutcomeOK)
			h.runAs("U1", "a2", tc.line, commands.OutcomeRefused) // held: the same entry again
			h.runAs("U1", "a3", tc.line+tc.yes, commands.OutcomeOK)
			first := h.newestID()
			stored(2, "the held line confirmed")
			r := h.runAs("U1", "a4", tc.line+tc.yes, commands.OutcomeRefused) // the yes line sent twice
			mustContain(t, r.Text(), append([]string{fmt.Sprintf("#%d", first)}, tc.said...)...)
			stored(2, "the yes line typed twice")
			// A genuinely new batch: 확인:다시.
			h.runAs("U1", "a5", tc.line+tc.again, commands.OutcomeOK)
			stored(3, "confirm again")
			h.runAs("U1", "a5", tc.line+tc.again, commands.OutcomeRepeated) // redelivered
			stored(3, "confirm again redelivered")
			// Or the line again: a new question, which a yes answers once.
			h.runAs("U1", "a6", tc.line, commands.OutcomeRefused)
			h.runAs("U1", "a7", tc.line+tc.yes, commands.OutcomeOK)
			h.runAs("U1", "a8", tc.line+tc.yes, commands.OutcomeRefused)
			stored(4, "a new question answered, its yes typed twice")
			dbtest.CheckTotals(t, h.store)
		})
	}
}
