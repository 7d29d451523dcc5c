package commands_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Tests of the fixes to the hostile review (B3, the smaller findings).

// agreedNow is what agreement id agrees now, straight from the entries.
func (h *harness) agreedNow(id int64) int64 {
	h.t.Helper()
	var n int64
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count FROM entries WHERE id = $1`, id); err != nil {
		h.t.Fatal(err)
	}
	return n
}

// B3: a staff correction (정정) of an earlier agreement that would re-base a
// later agreed 누계 report below what its hires realised is refused, naming
// the report and its hires and saying to void them first; nothing changes.
// With the hires voided, the correction goes through.
func TestCorrectionCannotRebaseAReportBelowItsHires(t *testing.T) {
	const staff = "USTAFF"
	for _, tc := range []struct {
		lang              commands.Lang
		correct, voidHire string
		want              []string
	}{
		{commands.Korean, "정정 1 9 잘못 입력", "무효 3 채용 철회",
			[]string{"누계 약정 보고 #2", "2026. 8. 20.", "6개에서 1개로", "6개보다 적어집니다", "#3(6개)", "/jobs 무효 <번호> <사유>", "아무것도 바꾸지 않았습니다"}},
		{commands.English, "correct 1 9 typo", "void 3 hire withdrawn",
			[]string{"report #2", "agree 1 instead of 6", "the 6 already hired", "#3 (6)", "/jobs void <number> <reason>", "Nothing was changed"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(staff, "add 4 senior status:agreed date:2026-08-01", commands.OutcomeOK)             // #1
			h.run(staff, "add 10 senior cumulative status:agreed date:2026-08-20", commands.OutcomeOK) // #2, +6
			h.run(staff, "hire 2 6 2026-08-25", commands.OutcomeOK)                                    // #3
			r := h.run(staff, tc.correct, commands.OutcomeRefused)
			noBadVerbs(t, r)
			mustContain(t, r.Text(), tc.want...)
			if tc.lang == commands.Korean && strings.Contains(r.Text(), "2026-08") {
				t.Errorf("the refusal shows an ISO date:\n%s", r.Text())
			}
			if h.voided(1) || h.agreedNow(2) != 6 || h.realisedBy(2) != 6 {
				t.Fatalf("after the refusal: #1 voided %v, #2 agrees %d with %d hired; want live, 6, 6", h.voided(1), h.agreedNow(2), h.realisedBy(2))
			}
			h.run(staff, tc.voidHire, commands.OutcomeOK)
			h.run(staff, tc.correct, commands.OutcomeOK)
			if !h.voided(1) || h.agreedNow(2) != 1 {
				t.Fatalf("after voiding the hire: #1 voided %v, #2 agrees %d; want voided, 1", h.voided(1), h.agreedNow(2))
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}
