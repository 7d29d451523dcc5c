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
	t.Parallel()
	for _, c := range []struct {
		lang        commands.Lang
		lines       []string
		hire, total string
	}{
		{commands.Korean, []string{"추가 1200여 투자 2/28", "추가 투자 누계 1500 3/31", "추가 100 투자 11/20 상태:약정"}, "채용 3 10", "1,510개"},
		{commands.English, []string{"add 1200여 invest 2026-02-28", "add 1500 invest cumulative date:2026-03-31", "add 100 invest 2026-11-20 status:agreed"}, "hire 3 10", "1,510"},
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

// Review r1 S10: a date typed in a 정정 line is never kept as its reason
// while the entry keeps its old date without a word.
func TestCorrectionWithADateIsRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 17 여성 11/25", commands.OutcomeOK)
	r := h.run(manager, "정정 1 7 11/24 날짜도 틀림", commands.OutcomeRefused)
	mustContain(t, r.Text(), "정정은 수만 바로잡으므로", "`무효 1 <사유>`", "사유:")
	if n := h.voidedCount(); n != 0 {
		t.Fatalf("a refused 정정 voided %d entries", n)
	}
	h.run(manager, "정정 1 7 사유:11/24 보고 오기", commands.OutcomeOK)
	if got := h.sumSQL("", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != 7 {
		t.Fatalf("SQL sum %d after the 정정, want 7", got)
	}

	en := newHarness(t, commands.English)
	en.run(manager, "add 17 women 2026-11-25", commands.OutcomeOK)
	r = en.run(manager, "correct 1 7 2026-11-24 wrong date", commands.OutcomeRefused)
	mustContain(t, r.Text(), "changes only the figure")
}

// Review r1 S10 (related): 정규직 전환 is an existing worker's new
// contract, not a new job; it was stored as 10 new 상용 jobs.
func TestConversionToPermanentIsAsked(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	for _, line := range []string{"추가 10 노인 11/20 정규직 전환", "추가 10 노인 11/20 정규직전환", "추가 10 노인 11/20 무기계약전환"} {
		r := h.run(manager, line, commands.OutcomeRefused)
		mustContain(t, r.Text(), "정규직 전환", "메모:")
	}
	if n := h.entriesStored(); n != 0 {
		t.Fatalf("%d entries stored from refused lines", n)
	}
	h.run(manager, "추가 10 노인 11/20 정규직 메모:정규직 전환 아닌 신규 채용", commands.OutcomeOK)
	en := newHarness(t, commands.English)
	mustContain(t, en.run(manager, "add 10 senior 2026-11-20 정규직 전환", commands.OutcomeRefused).Text(), "not a new job")
}
