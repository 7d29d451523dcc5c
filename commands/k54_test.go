package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r20 F14: after `정정 1 52` (#2 replaces #1) and a refused line,
// 취소 advised `무효 2 <사유>`; following it voided #2 and left #1 void:
// 0 jobs where the official meant to go back to 25. The 취소 hint now says
// how to go back to the figure before the 정정, and that 무효 removes the
// jobs altogether; the 무효 reply says #1 stays void and the total drops
// by the whole figure.
func TestK54RefusedUndoAfterACorrectionNamesTheWayBack(t *testing.T) {
	for _, c := range []struct {
		lang                                    commands.Lang
		add, correct, refused, undo, back, void string
		undoWants, voidWants                    []string
	}{
		{commands.Korean, "추가 25 취약계층 11.24. 일용", "정정 1 52 오타", "정정 1 25→52 오타", "취소", "정정 2 25 오타", "무효 2 중복",
			[]string{"직전 입력은 거절되어", "#2", "#1", "`정정 2 25 <사유>`", "`무효 2 <사유>`", "#1은 무효 상태로 남습니다"},
			[]string{"#2 실적", "#1", "무효 상태로 남습니다", "52개"}},
		{commands.English, "add 25 vulnerable date:2026-11-24", "correct 1 52 typo", "correct 1 25->52 typo", "undo", "correct 2 25 typo", "void 2 duplicate",
			[]string{"Your last line was refused", "#2", "#1", "`correct 2 25 <reason>`", "`void 2 <reason>`", "#1 stays void"},
			[]string{"entry #2", "#1 stays void", "52"}},
	} {
		t.Run(string(c.lang)+"/back", func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.run("U1", c.add, commands.OutcomeOK)
			h.run("U1", c.correct, commands.OutcomeOK)
			h.refusedUntouched("U1", c.refused)
			h.refusedUntouched("U1", c.undo, c.undoWants...)
			h.run("U1", c.back, commands.OutcomeOK)
			if got := h.liveSum("vulnerable", "realised"); got != 25 {
				t.Fatalf("SQL sum %d after going back, want 25", got)
			}
		})
		t.Run(string(c.lang)+"/void", func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.run("U1", c.add, commands.OutcomeOK)
			h.run("U1", c.correct, commands.OutcomeOK)
			h.refusedUntouched("U1", c.refused)
			h.refusedUntouched("U1", c.undo)
			r := h.run("U1", c.void, commands.OutcomeOK)
			mustContain(t, r.Text(), c.voidWants...)
			if !h.voided(1) || !h.voided(2) {
				t.Fatal("#1 and #2 should both be void")
			}
			if got := h.liveSum("vulnerable", "realised"); got != 0 {
				t.Fatalf("SQL sum %d, want 0", got)
			}
		})
	}
}
