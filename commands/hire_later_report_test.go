package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// A 채용 dated on or before a later 누계 report of the program raises that
// report's ledger total just as an 추가 does; the hire reply names the
// report it changes with the same line the add reply uses (review r3 S6).
// Asked whether it is inside the report (review r5 A4), the hires here are
// additional: 누계포함:아니오.
func TestHireNamesTheLaterReportItChanges(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                              commands.Lang
		agree, report, hire, hire2, after string
		wants, wants2                     []string
		quiet                             string
	}{
		{commands.Korean,
			"추가 50 invest 상태:약정 날짜:2026-03-02", "추가 420 invest 누계 날짜:2026-09-30",
			"채용 1 10 2026. 9. 30. 누계포함:아니오", "채용 1 5 9월 28일 누계포함:아니오", "채용 1 3 2026. 10. 2.",
			[]string{"이 실적으로 이후 누계 보고가 바뀝니다: 2026. 9. 30. 누계 #2: 420개 → 430개"},
			[]string{"2026. 9. 30. 누계 #2: 430개 → 435개"},
			"이후 누계 보고가 바뀝니다"},
		{commands.English,
			"add 50 invest status:agreed date:2026-03-02", "add 420 invest cumulative date:2026-09-30",
			"hire 1 10 2026-09-30 within:no", "hire 1 5 2026-09-28 within:no", "hire 1 3 2026-10-02",
			[]string{"This changes the later cumulative report #2", "(2026-09-30): the total through its date goes from 420 to 430."},
			[]string{"goes from 430 to 435."},
			"changes the later cumulative report"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.agree, commands.OutcomeOK)  // #1
			h.run("U1", tc.report, commands.OutcomeOK) // #2
			r := h.run("U1", tc.hire, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.wants...)
			if got := h.through("invest", "2026-09-30"); got != 430 {
				t.Errorf("SQL total through 9/30 = %d, want 430", got)
			}
			r = h.run("U1", tc.hire2, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.wants2...)
			if got := h.through("invest", "2026-09-30"); got != 435 {
				t.Errorf("SQL total through 9/30 = %d, want 435", got)
			}
			// A hire after the report changes no report and says nothing of one.
			r = h.run("U1", tc.after, commands.OutcomeOK)
			if strings.Contains(r.Text(), tc.quiet) {
				t.Errorf("a hire after the report names one:\n%s", r.Text())
			}
			if got := h.through("invest", "2026-12-31"); got != 438 {
				t.Errorf("SQL year total = %d, want 438", got)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}
