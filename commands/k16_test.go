package commands_test

import (
	"fmt"
	"testing"

	"jobsbot/commands"
)

// Tests of issue 19 findings S3 and S7 and the Friday month end (helper
// k16), typed through Service.Handle; every figure against a plain SQL SUM.

// S3: a 정정 of a 누계 report after a delta dated on its date was recorded
// says the ledger's 누계 through that date is the corrected figure plus the
// delta, naming the delta; the add of a 누계 after the delta states the
// ledger's own figure.
func TestK16CorrectCumulativeNamesLaterDeltas(t *testing.T) {
	for _, tc := range []struct {
		lang                   commands.Lang
		report, delta, correct string
		wants                  []string
		again                  string
		againWants             []string
	}{
		{commands.Korean, "추가 청년 누계 1,310 4월30일", "추가 청년 60 4월30일", "정정 %d %s 오타",
			[]string{"1,310개 → 1,320개", "#%d +60개", "장부의 2026. 4. 30.까지 누계는 정정한 수치가 아니라 1,380개입니다"},
			"추가 청년 누계 1,400 4월30일", []string{"2026. 4. 30. 기준 누계 1,400개", "증가분 10개"}},
		{commands.English, "add youth cumulative 1,310 date:2026-04-30", "add youth 60 date:2026-04-30", "correct %d %s typo",
			[]string{"1,310 → 1,320", "#%d +60", "the ledger's total through 2026-04-30 is 1,380, not the corrected figure alone"},
			"add youth cumulative 1,400 date:2026-04-30", []string{"stands at 1,400 through 2026-04-30, a difference of 10"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.report, commands.OutcomeOK)
			report := h.newestID()
			h.run(manager, tc.delta, commands.OutcomeOK)
			delta := h.newestID()
			r := h.run(manager, fmt.Sprintf(tc.correct, report, "1,320"), commands.OutcomeOK)
			if got := h.through("youth", "2026-04-30"); got != 1380 {
				t.Fatalf("SQL SUM through 4/30 = %d, want 1,380 (the corrected 1,320 and the delta's 60)", got)
			}
			wants := append([]string(nil), tc.wants...)
			wants[1] = fmt.Sprintf(wants[1], delta)
			mustContain(t, r.Text(), wants...)
			// A 정정 of the 정정 still names the delta: it was recorded
			// after the first report of the chain.
			r = h.run(manager, fmt.Sprintf(tc.correct, h.newestID(), "1,330"), commands.OutcomeOK)
			if got := h.through("youth", "2026-04-30"); got != 1390 {
				t.Fatalf("SQL SUM through 4/30 = %d after the second 정정, want 1,390", got)
			}
			mustContain(t, r.Text(), wants[1])
			// A 누계 added now is what the ledger holds through its date.
			r = h.run(manager, tc.again, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.againWants...)
			if got := h.through("youth", "2026-04-30"); got != 1400 {
				t.Errorf("SQL SUM through 4/30 = %d after the 누계 1,400", got)
			}
		})
	}
}
