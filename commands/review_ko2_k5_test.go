package commands_test

import (
	"fmt"
	"testing"

	"jobsbot/commands"
)

// Tests of the second Korean-official review, findings S3 and S6 (issue
// 19: corrections undone), typed through Service.Handle and checked against
// a plain SQL SUM of the live entries.

// S3, as re-decided by review r5 S6 / r6 X5: a 정정 of a 누계 report says
// the total through its date is the figure typed, so a later delta dated
// before it (which added to the report) is inside the corrected figure, as
// the import's replay of the same history reads it; the reply names it.
func TestKO2CorrectCumulativeKeepsLateDelta(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean) // today 2026-11-26
	h.run(manager, "추가 10 노인 11/4", commands.OutcomeOK)
	h.run(manager, "추가 100 노인 누계 11/8", commands.OutcomeOK)
	report := h.newestID()
	h.run(manager, "추가 5 노인 11/7 누계포함:아니오", commands.OutcomeOK)
	if got := h.liveSum("senior", "realised"); got != 105 {
		t.Fatalf("before the 정정 the SQL sum is %d, want 105", got)
	}
	late := h.newestID()
	r := h.run(manager, fmt.Sprintf("정정 %d 100여 어림수임 누계포함:예", report), commands.OutcomeOK)
	if got := h.liveSum("senior", "realised"); got != 100 {
		t.Errorf("after the 정정 the SQL sum is %d, want 100 (the late 5 inside the 누계)", got)
	}
	mustContain(t, r.Text(), fmt.Sprintf("(#%d +5개)", late), "이 보고의 증가분은 +85개")
	// A 정정 that changes the figure makes it the total through the date.
	h.run(manager, fmt.Sprintf("정정 %d 120 확정", h.newestID()), commands.OutcomeOK)
	if got := h.liveSum("senior", "realised"); got != 120 {
		t.Errorf("after the second 정정 the SQL sum is %d, want 120", got)
	}
}

// S6: 취소 right after a 정정 never voids the correction and leaves the
// entry it replaced void too: it undoes the 정정, bringing the original
// back, so the jobs stay counted at the figure before the 정정.
func TestKO2UndoCorrectionRestoresTheOriginal(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 7 노인 11/9", commands.OutcomeOK)
	orig := h.newestID()
	h.run(manager, fmt.Sprintf("정정 %d 10여 어림", orig), commands.OutcomeOK)
	corr := h.newestID()
	if got := h.liveSum("senior", "realised"); got != 10 {
		t.Fatalf("after the 정정 the SQL sum is %d, want 10", got)
	}
	r := h.run(manager, "취소", commands.OutcomeOK)
	if got := h.liveSum("senior", "realised"); got != 7 {
		t.Errorf("after the 취소 the SQL sum is %d, want 7", got)
	}
	if !h.voided(corr) || h.voided(orig) {
		t.Errorf("want #%d void and #%d live", corr, orig)
	}
	mustContain(t, r.Text(), fmt.Sprintf("#%d 정정을 취소했습니다. #%d(2026. 11. 9. 노인 일자리 7개)을 되살리고", corr, orig))
	// A 누계 report corrected, then 취소: the report typed is back.
	h.run(manager, "추가 300여 청년 누계 11/20", commands.OutcomeOK)
	rep := h.newestID()
	h.run(manager, fmt.Sprintf("정정 %d 320 확정", rep), commands.OutcomeOK)
	r = h.run(manager, "취소", commands.OutcomeOK)
	mustContain(t, r.Text(), fmt.Sprintf("#%d(2026. 11. 20. 청년일자리 누계 300여개)", rep))
	if got := h.liveSum("youth", "realised"); got != 300 {
		t.Errorf("청년 SQL sum %d, want 300", got)
	}
}
