package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// i43 (issue 20, r16): the 90% question asked about an ordinary second
// delta: `추가 청년 40` then `추가 청년 41` was held as a possible 누계. A
// delta near the year so far is now asked about only when it is also at
// least twice the program's largest earlier delta of the year: a 누계
// holds every earlier delta, so it is well above any one of them once the
// year has two. 41 after 40 and 75 after 40 are recorded at once; 80 after
// 40 is asked (as a 누계 it would say +40 new), and a 누계 typed as a delta
// after two months of deltas (85 after 40 and 41) is asked as before.
func TestOrdinarySecondDeltaIsNotAskedAsTotal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                             commands.Lang
		first, second, third, total, big string
	}{
		{commands.Korean, "추가 청년 40 11. 2.", "추가 청년 41 11. 9.", "추가 청년 75 11. 16.", "추가 청년 170 11. 23.", "추가 청년 300 11. 30."},
		{commands.English, "add youth 40 2026-11-02", "add youth 41 2026-11-09", "add youth 75 2026-11-16", "add youth 170 2026-11-23", "add youth 300 2026-11-30"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, k32Now)
			h.run(manager, tc.first, commands.OutcomeOK)
			h.run(manager, tc.second, commands.OutcomeOK) // 41 ≥ 90% of 40, but under twice 40
			if got := h.liveSQL("youth", "realised"); got != 81 {
				t.Fatalf("youth is %d, want 40 + 41", got)
			}
			h.run(manager, tc.third, commands.OutcomeOK) // 75 < 90% of 81
			// 170 ≥ 90% of 156 and ≥ twice 75: a 누계 written as a delta.
			h.run(manager, tc.total, commands.OutcomeRefused)
			if got := h.liveSQL("youth", "realised"); got != 156 {
				t.Fatalf("after the question youth is %d, want 156", got)
			}
			h.run(manager, tc.big, commands.OutcomeRefused) // 300 ≥ 156 and ≥ twice 75
			h.checkLedger(tc.lang)
		})
	}
}

// The second delta of a year made of one delta: at least twice it is
// asked (80 after 40: as a 누계 it adds +40), under twice it is not.
func TestSecondDeltaTwiceTheFirstIsAsked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                commands.Lang
		first, under, twice string
		says                string
	}{
		{commands.Korean, "추가 청년 40 11. 2.", "추가 청년 79 11. 9.", "추가 청년 240 11. 16.", "같거나 많아"},
		{commands.English, "add youth 40 2026-11-02", "add youth 79 2026-11-09", "add youth 240 2026-11-16", "as many as or more than"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, k32Now)
			h.run(manager, tc.first, commands.OutcomeOK)
			h.run(manager, tc.under, commands.OutcomeOK)
			r := h.run(manager, tc.twice, commands.OutcomeRefused) // 240 ≥ 119 and ≥ twice 79
			mustContain(t, r.Text(), tc.says)
			if got := h.liveSQL("youth", "realised"); got != 119 {
				t.Fatalf("youth is %d, want 40 + 79", got)
			}
			h.checkLedger(tc.lang)
		})
	}
}
