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
