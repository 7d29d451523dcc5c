package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// English counts read right: one job, two jobs (go-i18n's plural forms);
// Korean has one form, with its counter.
func TestRecordedReplyCountsJobsInTheRightNumber(t *testing.T) {
	h := newHarness(t, commands.English)
	one := h.run(manager, "add 1 youth date:2026-11-20", commands.OutcomeOK)
	mustContain(t, one.Title, ": 1 job for ")
	two := h.run(manager, "add 2 youth date:2026-11-20", commands.OutcomeOK)
	mustContain(t, two.Title, ": 2 jobs for ")
	if n := h.yearTotal(); n != 3 {
		t.Errorf("year total %d; want the 3 jobs added", n)
	}
	ko := newHarness(t, commands.Korean)
	r := ko.run(manager, "추가 1 youth 날짜:2026-11-20", commands.OutcomeOK)
	mustContain(t, r.Title, " 1개")
}
