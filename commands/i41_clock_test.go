package commands_test

import (
	"fmt"
	"testing"
	"time"

	"jobsbot/commands"
)

// Issue 19 §6: the service's clock (--today in a console replay) is the
// time of everything the bot records. A 정정's entry_corrections row, and
// each re-basing of a later 누계 (entry_adjustments) a 정정, a void or a
// 취소 makes, are stamped with the command's time, not the database's.
func TestCorrectionAndAdjustmentStampsFollowTheClock(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                               commands.Lang
		setup                              []string
		correct, void, undo, delta, report string
	}{
		{commands.Korean, []string{"추가 1000 노인 누계 4월말", "추가 1500 노인 누계 5월말"}, "정정 1 1100 오기", "무효 #%d 중복", "취소", "추가 40 노인 5/10 누계포함:아니오", "추가 1700 노인 누계 6월말"},
		{commands.English, []string{"add 1000 senior cumulative date:2026-04-30", "add 1500 senior cumulative date:2026-05-31"}, "correct 1 1100 typo", "void #%d duplicate", "undo", "add 40 senior date:2026-05-10 within:no", "add 1700 senior cumulative date:2026-06-30"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			now := time.Date(2026, time.October, 5, 7, 30, 0, 0, time.UTC)
			h.withClock(&now)
			for _, l := range tc.setup {
				h.run(manager, l, commands.OutcomeOK)
			}
			// stamped checks the rows step added carry the step's time.
			stamped := func(step string, at time.Time, wantCorr, wantAdj int64) {
				t.Helper()
				if n := h.sqlInt(`SELECT count(*) FROM entry_corrections WHERE corrected_at = $1`, at); n != wantCorr {
					t.Errorf("%s: %d entry_corrections stamped %s, want %d (stamps: %d rows in all)", step, n, at, wantCorr,
						h.sqlInt(`SELECT count(*) FROM entry_corrections`))
				}
				if n := h.sqlInt(`SELECT count(*) FROM entry_adjustments WHERE adjusted_at = $1`, at); n != wantAdj {
					t.Errorf("%s: %d entry_adjustments stamped %s, want %d (%d rows in all)", step, n, at, wantAdj,
						h.sqlInt(`SELECT count(*) FROM entry_adjustments`))
				}
			}
			now = now.Add(26 * time.Hour)
			h.run(manager, tc.correct, commands.OutcomeOK)
			stamped("정정", now, 1, h.sqlInt(`SELECT count(*) FROM entry_adjustments`))
			if h.sqlInt(`SELECT count(*) FROM entry_adjustments`) == 0 {
				t.Fatal("the 정정 re-based no later 누계: the test checks nothing")
			}

			now = now.Add(3 * time.Minute) // 취소 takes back only within 10 minutes
			before := h.sqlInt(`SELECT count(*) FROM entry_adjustments`)
			h.run(manager, tc.undo, commands.OutcomeOK)
			stamped("취소", now, 0, h.sqlInt(`SELECT count(*) FROM entry_adjustments`)-before)

			// A delta, then a 6월말 report that counts it, then the delta
			// voided: the void re-bases the report it was counted in.
			now = now.Add(26 * time.Hour)
			h.run(manager, tc.delta, commands.OutcomeOK)
			id := h.sqlInt(`SELECT max(id) FROM entries`)
			h.run(manager, tc.report, commands.OutcomeOK)
			now = now.Add(26 * time.Hour)
			before = h.sqlInt(`SELECT count(*) FROM entry_adjustments`)
			h.run(manager, fmt.Sprintf(tc.void, id), commands.OutcomeOK)
			if h.sqlInt(`SELECT count(*) FROM entry_adjustments`) == before {
				t.Fatal("the void re-based no later 누계: the test checks nothing")
			}
			stamped("무효", now, 0, h.sqlInt(`SELECT count(*) FROM entry_adjustments`)-before)
			if n := h.sqlInt(`SELECT count(*) FROM entry_adjustments WHERE adjusted_at > $1`, now); n != 0 {
				t.Errorf("%d entry_adjustments stamped after the clock (the database's time)", n)
			}
			// The figures are those of the commands: plain SQL sums.
			for date, want := range map[string]int64{"2026-05-31": 1500, "2026-06-30": 1700} {
				if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND as_of <= $1::date`, date); got != want {
					t.Errorf("SQL sum through %s %d, want %d", date, got, want)
				}
			}
		})
	}
}
