package commands_test

import (
	"fmt"
	"testing"

	"jobsbot/commands"
)

// Tests of the second Korean-official review, findings S3 and S6 (issue
// 19: corrections undone), typed through Service.Handle and checked against
// a plain SQL SUM of the live entries.

// S3: a 정정 of a 누계 report that only adds 여 keeps the later delta
// dated before it (added to that report) counted: the total after is the
// corrected report's total plus that delta.
func TestKO2CorrectCumulativeKeepsLateDelta(t *testing.T) {
	h := newHarness(t, commands.Korean) // today 2026-11-26
	h.run(manager, "추가 10 노인 11/4", commands.OutcomeOK)
	h.run(manager, "추가 100 노인 누계 11/8", commands.OutcomeOK)
	report := h.newestID()
	h.run(manager, "추가 5 노인 11/7", commands.OutcomeOK)
	if got := h.liveSum("senior", "realised"); got != 105 {
		t.Fatalf("before the 정정 the SQL sum is %d, want 105", got)
	}
	h.run(manager, fmt.Sprintf("정정 %d 100여 어림수임", report), commands.OutcomeOK)
	if got := h.liveSum("senior", "realised"); got != 105 {
		t.Errorf("after the 정정 the SQL sum is %d, want 105 (the late 5 still counted)", got)
	}
	// A 정정 that changes the figure moves the total by the change only.
	h.run(manager, fmt.Sprintf("정정 %d 120 확정", h.newestID()), commands.OutcomeOK)
	if got := h.liveSum("senior", "realised"); got != 125 {
		t.Errorf("after the second 정정 the SQL sum is %d, want 125", got)
	}
}

// S6: 취소 right after a 정정 never voids the correction and leaves the
// entry it replaced void too: it is refused, names the original and says
// to correct again; the jobs stay counted and nothing is written.
func TestKO2UndoCorrectionRefusedKeepsJobs(t *testing.T) {
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 7 노인 11/9", commands.OutcomeOK)
	orig := h.newestID()
	h.run(manager, fmt.Sprintf("정정 %d 약 10 어림", orig), commands.OutcomeOK)
	corr := h.newestID()
	if got := h.liveSum("senior", "realised"); got != 10 {
		t.Fatalf("after the 정정 the SQL sum is %d, want 10", got)
	}
	r := h.run(manager, "취소", commands.OutcomeRefused)
	if got := h.liveSum("senior", "realised"); got != 10 {
		t.Errorf("after the refused 취소 the SQL sum is %d, want 10", got)
	}
	if h.voided(corr) {
		t.Errorf("#%d was voided by a refused 취소", corr)
	}
	mustContain(t, r.Text(), fmt.Sprintf("#%d는 #%d을 정정한 기록이어서 취소하지 않았습니다", corr, orig))
	mustContain(t, r.Text(), fmt.Sprintf("`정정 %d 7 정정 취소`", corr))
	// Correcting again, as the reply says, brings the figure back.
	h.run(manager, fmt.Sprintf("정정 %d 7 정정 취소", corr), commands.OutcomeOK)
	if got := h.liveSum("senior", "realised"); got != 7 {
		t.Errorf("after correcting back the SQL sum is %d, want 7", got)
	}
	// A 누계 report corrected, then 취소: refused too, the figure typed named.
	h.run(manager, "추가 300여 청년 누계 11/20", commands.OutcomeOK)
	rep := h.newestID()
	h.run(manager, fmt.Sprintf("정정 %d 320 확정", rep), commands.OutcomeOK)
	r = h.run(manager, "취소", commands.OutcomeRefused)
	mustContain(t, r.Text(), fmt.Sprintf("`정정 %d 300여 정정 취소`", h.newestID()))
	if got := h.liveSum("youth", "realised"); got != 320 {
		t.Errorf("청년 SQL sum %d, want 320", got)
	}
}
