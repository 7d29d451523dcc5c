package commands_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
)

// holds2Sum is the plain SQL sum of the live entries' counts.
func holds2Sum(h *harness) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND kind = 'delta'`) +
		h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND kind <> 'delta'`)
}

// Review r39 F11 (jobsbot issue 20): on 2027-01-04 `추가 노인 누계 1,450여`
// after a 2026 누계 of 1,400여 is held as "작년 누계를 이어 적은 것일 수",
// offering the line dated 2026. 12. 31., the continued year's 누계 of 50여
// and the 확인:예 line: three readings of one report. Typing the first two
// recorded both (the same 50 jobs in December and in January). Whichever
// offered line records first, every other one is refused naming it and the
// 확인:다시 line for a separate report; the 누계 and the delta question alike.
func TestHolds2JanuaryCarryLinesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		prev, line string
	}{
		{commands.Korean, "추가 노인 누계 1,400여 2026. 12. 30. 확인:예", "추가 노인 누계 1,450여"},
		{commands.Korean, "추가 노인 누계 1,400여 2026. 12. 30. 확인:예", "추가 노인 1,450여"},
		{commands.English, "add 1400 youth cumulative date:2026-12-30 confirm:yes", "add 1450 youth cumulative"},
		{commands.English, "add 1400 youth cumulative date:2026-12-30 confirm:yes", "add 1450 youth"},
	} {
		for first := range 3 {
			t.Run(string(tc.lang)+"/"+tc.line+"/"+string(rune('0'+first)), func(t *testing.T) {
				t.Parallel()
				h := r32At(t, tc.lang, "2027-01-04")
				h.run(manager, tc.prev, commands.OutcomeOK)
				base := holds2Sum(h)
				offered := r32Offered(h.run(manager, tc.line, commands.OutcomeRefused))
				if len(offered) < 3 {
					t.Fatalf("%q offers %q, want three lines or more", tc.line, offered)
				}
				h.run(manager, offered[first], commands.OutcomeOK)
				after := holds2Sum(h)
				for i, l := range offered {
					if i == first {
						continue
					}
					r := h.svc.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceConsole}, l)
					if r.Outcome == commands.OutcomeOK {
						// the recorded reading typed again (날짜:12월말 beside
						// 2026. 12. 31.): the ledger agrees, nothing new
						mustContain(t, r.Text(), byLang(tc.lang, "nothing new was recorded", "새로 기록하지 않았습니다"))
					} else {
						mustContain(t, r.Text(), byLang(tc.lang, "Already recorded", "이미 기록했습니다"), byLang(tc.lang, "confirm:again", "확인:다시"))
					}
					if got := holds2Sum(h); got != after {
						t.Fatalf("SQL SUM %d after %q, want %d (one report recorded once)", got, l, after)
					}
				}
				if after == base {
					t.Fatalf("the first line %q recorded nothing", offered[first])
				}
				// 확인:다시: a genuinely separate report records
				for i, l := range offered {
					if i == first || strings.Contains(l, byLang(tc.lang, "confirm:", "확인:")) {
						continue
					}
					again := l + byLang(tc.lang, " confirm:again", " 확인:다시")
					h.run(manager, again, commands.OutcomeOK)
					break
				}
			})
		}
	}
}
