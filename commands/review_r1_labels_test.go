package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// Review r1 W1: the 채용 reply showed the year total with 여 after an
// exact 누계 had cleared it; status showed none. One rule serves both.
func TestHireReplyShowsYeoAsStatusDoes(t *testing.T) {
	for _, c := range []struct {
		lang        commands.Lang
		lines       []string
		hire, total string
	}{
		{commands.Korean, []string{"추가 1200여 투자 2/28", "추가 투자 누계 1500 3/31", "추가 100 투자 11/20 상태:약정"}, "채용 3 10", "1,510개"},
		{commands.English, []string{"add ~1200 invest 2026-02-28", "add 1500 invest cumulative date:2026-03-31", "add 100 invest 2026-11-20 status:agreed"}, "hire 3 10", "1,510"},
	} {
		h := newHarness(t, c.lang)
		for _, l := range c.lines {
			h.run(manager, l, commands.OutcomeOK)
		}
		r := h.run(manager, c.hire, commands.OutcomeOK).Text()
		mustContain(t, r, c.total)
		if strings.Contains(r, "1,510여") || strings.Contains(r, "about 1,510") {
			t.Errorf("hire reply shows 여 on an exact total:\n%s", r)
		}
		if got := h.sumSQL("invest", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != 1510 {
			t.Errorf("SQL sum %d, want 1510", got)
		}
	}
}
