package commands_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// Review r31 F7: a 정정 after close voids the original and records its
// replacement, and both were counted as changes (마감 후 정정 2건, two
// digest lines for one correction). Each change is counted once: the
// correction is one line, old → new.
func TestKeptCorrectionAfterCloseCountsOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                    commands.Lang
		status, count, line     string
		plainCount, plainStatus string
	}{
		{commands.Korean, "현황 2026-10", "마감 후 정정 1건: #2(#3으로 정정)", "#2 → #3 · 2026년 10월 · 정정 5개 → 6개 · UMANAGER · 사유: 오기 수정",
			"마감 후 정정 3건: #2(#3으로 정정), #4, #5", "현황 2026-10"},
		{commands.English, "status 2026-10", "Changed after close: 1 (#2 corrected by #3)", "#2 → #3 · 2026-10 · corrected 5 → 6 · UMANAGER · reason: typo",
			"Changed after close: 3 (#2 corrected by #3, #4, #5)", "status 2026-10"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "추가 5 youth 날짜:2026-11-02", commands.OutcomeOK) // #1
			h.run(manager, "추가 5 youth 날짜:2026-10-20", commands.OutcomeOK) // #2
			h.run(manager, pickWord(tc.lang, "close 2026-10", "마감 2026-10"), commands.OutcomeOK)
			h.run(manager, pickWord(tc.lang, "correct 2 6 reason:typo", "정정 2 6 사유:오기 수정"), commands.OutcomeOK) // #3
			text := h.run(manager, tc.status, commands.OutcomeOK).Text()
			mustContain(t, text, tc.count)
			d, err := h.svc.Digest(context.Background(), dates.Today(fixedNow, dates.Seoul()))
			if err != nil {
				t.Fatal(err)
			}
			digest := h.svc.DigestReply(d).Text()
			mustContain(t, digest, tc.line)
			if n := strings.Count(digest, "UMANAGER · "+pickWord(tc.lang, "reason", "사유")); n != 1 {
				t.Errorf("digest lists %d changes after close, want the one correction:\n%s", n, digest)
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of BETWEEN '2026-10-01' AND '2026-10-31'`); got != 6 {
				t.Errorf("October SQL sum %d, want 6", got)
			}
			// a plain add and a plain void after close are each their own change
			h.run(manager, pickWord(tc.lang, "add 4 youth date:2026-10-21 reason:late", "추가 4 youth 날짜:2026-10-21 사유:늦은 보고"), commands.OutcomeOK) // #4
			h.run(manager, pickWord(tc.lang, "add 3 youth date:2026-10-22 reason:late", "추가 3 youth 날짜:2026-10-22 사유:늦은 보고"), commands.OutcomeOK) // #5
			mustContain(t, h.run(manager, tc.plainStatus, commands.OutcomeOK).Text(), tc.plainCount)
		})
	}
}
