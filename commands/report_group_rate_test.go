package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// Review r3 L1: `보고서 기준:부문` divided the whole 공공 row (programs
// with and without a target) by the one program target it had: 233%. A
// group row's rate counts only its programs with a target, marked * with
// the parts in a note, as subtotals already were.
func TestSectorRowRateCountsOnlyTargetedPrograms(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang             commands.Lang
		lines            []string
		report           string
		row, rate, parts string
	}{
		{commands.Korean, []string{"목표 2만", "목표 3000 사업:노인", "추가 2000 노인 11/20", "추가 5000 여성 11/20"},
			"보고서 기준:부문", "공공", "66%*", "2,000개 ÷ 그 목표의 합 3,000개"},
		{commands.English, []string{"target 20000", "target 3000 program:senior", "add 2000 senior 2026-11-20", "add 5000 women 2026-11-20"},
			"report by:sector", "Public", "66%*", "2,000"},
	} {
		h := newHarness(t, c.lang)
		for _, l := range c.lines {
			h.run(manager, l, commands.OutcomeOK)
		}
		text := h.run(manager, c.report, commands.OutcomeOK).Text()
		var row string
		for _, l := range strings.Split(text, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), c.row) {
				row = l // the last one: the table against the target
			}
		}
		if !strings.Contains(row, c.rate) || strings.Contains(row, "233%") {
			t.Errorf("%s row %q, want rate %s:\n%s", c.row, row, c.rate, text)
		}
		mustContain(t, text, c.parts)
		if got := h.sumSQL("senior", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != 2000 {
			t.Errorf("SQL senior %d", got)
		}
		if got := h.sumSQL("", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != 7000 {
			t.Errorf("SQL all %d", got)
		}
	}
}
