package commands_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Tests of 정정 of 누계 reports (issue 19): the reply names each later
// report's increment as it truly was and is, the 정정 history shows what
// was reported, and 취소 of a 정정 restores the original as if the 정정
// had never happened. Every figure is checked against a plain SQL SUM.

// through is the plain SUM of a program's live realised entries of 2026
// dated on or before day.
func (h *harness) through(code, day string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE p.code = $1 AND e.voided_at IS NULL AND e.status = 'realised'
		  AND e.as_of BETWEEN '2026-01-01' AND $2::date`, code, day)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// countOf is the difference an entry records, straight from its row.
func (h *harness) countOf(id int64) int64 {
	h.t.Helper()
	var n int64
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count FROM entries WHERE id = $1`, id); err != nil {
		h.t.Fatal(err)
	}
	return n
}

var checkDays = []string{"2026-03-31", "2026-04-15", "2026-04-30", "2026-05-15", "2026-05-31", "2026-12-31"}

// sums is the SQL SUM through each of checkDays.
func (h *harness) sums(code string) []int64 {
	out := make([]int64, len(checkDays))
	for i, d := range checkDays {
		out[i] = h.through(code, d)
	}
	return out
}

// A 정정 of a 4월말 누계 names the 5월말 report it re-bases with the
// increment it recorded before the 정정 and records now (500 → 400), not
// the intermediate figure of the void half of the 정정.
func TestCorrectCumulativeNamesLaterReportsNetIncrement(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		add1, add2 string
		correct    string
		want       string
		wrong      string
	}{
		{commands.Korean, "추가 1000 노인 누계 4월말", "추가 1500 노인 누계 5월말", "정정 %d 1100 오기",
			"이후 누계 보고 #2(2026. 5. 31. 기준 누계 1,500개)의 증가분을 +500개에서 +400개로 조정", "+1,500개"},
		{commands.English, "add 1000 senior cumulative date:2026-04-30", "add 1500 senior cumulative date:2026-05-31", "correct %d 1100 typo",
			"Later cumulative report #2 (2026-05-31, cumulative 1,500) now records +400 instead of +500", "+1,500"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.add1, commands.OutcomeOK)
			h.run(manager, tc.add2, commands.OutcomeOK)
			r := h.run(manager, fmt.Sprintf(tc.correct, 1), commands.OutcomeOK)
			mustContain(t, r.Text(), tc.want)
			if got := h.countOf(2); got != 400 {
				t.Errorf("#2 records %d, want 400", got)
			}
			if got := h.through("senior", "2026-05-31"); got != 1500 {
				t.Errorf("SQL sum through 5월말 %d, want 1500", got)
			}
			if got := h.through("senior", "2026-04-30"); got != 1100 {
				t.Errorf("SQL sum through 4월말 %d, want 1100", got)
			}
			for _, l := range r.Sections[0].Lines {
				if slices.Contains([]string{tc.wrong + "개로", tc.wrong + " instead"}, l) {
					t.Errorf("reply names an increment nobody has: %s", l)
				}
			}
		})
	}
}

// The 정정 history (`목록 무효`) shows a 누계 report as reported, with the
// increment the ledger derived only labelled as such.
func TestCorrectionHistoryShowsReportedTotal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		add1, add2 string
		correct    string
		list       string
		want       []string
		digest     string
		wantDigest string
	}{
		{commands.Korean, "추가 1000 노인 누계 4월말", "추가 1500 노인 누계 5월말", "정정 2 1600 오기", "목록 무효",
			[]string{"누계 1,500개(계산된 증가분 500개) → 누계 1,600개(계산된 증가분 600개)", "바뀐 보고 누계(그 보고 날짜까지): 노인 일자리 2026. 5. 31. 기준 +100개"},
			"주간보고 2026년 48주차", "#2 노인 일자리 누계 1,500개(계산된 증가분 500개) → 누계 1,600개(계산된 증가분 600개)"},
		{commands.English, "add 1000 senior cumulative date:2026-04-30", "add 1500 senior cumulative date:2026-05-31", "correct 2 1600 typo", "list voided",
			[]string{"cumulative 1,500 (increment derived: 500) → cumulative 1,600 (increment derived: 600)", "as of 2026-05-31 +100"},
			"digest 2026-W48", "#2 senior cumulative 1,500 (increment derived: 500) → cumulative 1,600 (increment derived: 600)"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.add1, commands.OutcomeOK)
			h.run(manager, tc.add2, commands.OutcomeOK)
			h.run(manager, tc.correct, commands.OutcomeOK)
			if got := h.through("senior", "2026-05-31"); got != 1600 {
				t.Fatalf("SQL sum %d, want 1600", got)
			}
			r := h.run(manager, tc.list, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.want...)
			next := h.svc.WithClock(func() time.Time { return time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC) })
			r = next.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceConsole}, tc.digest)
			mustContain(t, r.Text(), tc.wantDigest)
		})
	}
}

// 취소 of a 정정 brings the original back and undoes every re-basing the
// 정정 made, as if it had never happened: the SQL sums through every date
// equal those of a ledger where the same other writes happened without the
// 정정, in both orders of those writes (a delta dated before the reports,
// a 누계 between them, a 누계 dated before the corrected one).
func TestUndoCorrectionRestoresTheOriginal(t *testing.T) {
	t.Parallel()
	others := []string{"추가 50 노인 4/15 누계포함:아니오", "추가 1300 노인 누계 5/15", "추가 600 노인 누계 3월말"}
	othersEn := []string{"add 50 senior date:2026-04-15 within:no", "add 1300 senior cumulative date:2026-05-15", "add 600 senior cumulative date:2026-03-31"}
	for _, tc := range []struct {
		name   string
		lang   commands.Lang
		others []string
		setup  []string
		fix    string
		undo   string
		want   string
	}{
		{"ko", commands.Korean, others, []string{"추가 1000 노인 누계 4월말", "추가 1500 노인 누계 5월말"}, "정정 1 1100 오기", "취소",
			"#3 정정을 취소했습니다. #1(2026. 4. 30. 노인 일자리 누계 1,000개)을 되살리고"},
		{"ko reversed", commands.Korean, reversed(others), []string{"추가 1000 노인 누계 4월말", "추가 1500 노인 누계 5월말"}, "정정 1 1100 오기", "취소",
			"#3 정정을 취소했습니다."},
		{"en", commands.English, othersEn, []string{"add 1000 senior cumulative date:2026-04-30", "add 1500 senior cumulative date:2026-05-31"}, "correct 1 1100 typo", "undo",
			"Undid the correction #3: #1 (senior, 2026-04-30, cumulative 1,000) is back"},
		{"en reversed", commands.English, reversed(othersEn), []string{"add 1000 senior cumulative date:2026-04-30", "add 1500 senior cumulative date:2026-05-31"}, "correct 1 1100 typo", "undo",
			"Undid the correction #3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, tc.lang)   // 정정, others, 취소
			ref := newHarness(t, tc.lang) // others only
			for _, l := range tc.setup {
				h.run(manager, l, commands.OutcomeOK)
				ref.run(manager, l, commands.OutcomeOK)
			}
			before := h.sums("senior")
			h.run(manager, tc.fix, commands.OutcomeOK)
			for _, l := range tc.others {
				h.run("UOTHER", l, commands.OutcomeOK)
				ref.run("UOTHER", l, commands.OutcomeOK)
			}
			r := h.run(manager, tc.undo, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.want)
			if got, want := h.sums("senior"), ref.sums("senior"); !slices.Equal(got, want) {
				t.Errorf("SQL sums through %v after 정정+취소 %v, without the 정정 %v", checkDays, got, want)
			}
			if !h.voided(3) || h.voided(1) {
				t.Errorf("want #3 void and #1 live: #1 voided %v, #3 voided %v", h.voided(1), h.voided(3))
			}
			dbtest.CheckTotals(t, h.store)
			// Without other writes, 정정 then 취소 is the ledger before.
			h2 := newHarness(t, tc.lang)
			for _, l := range tc.setup {
				h2.run(manager, l, commands.OutcomeOK)
			}
			h2.run(manager, tc.fix, commands.OutcomeOK)
			h2.run(manager, tc.undo, commands.OutcomeOK)
			if got := h2.sums("senior"); !slices.Equal(got, before) {
				t.Errorf("SQL sums after 정정+취소 %v, before the 정정 %v", got, before)
			}
			if got := h2.countOf(2); got != 500 {
				t.Errorf("#2 records %d after 정정+취소, want 500 as before", got)
			}
			var links int
			if err := h2.store.DB().GetContext(context.Background(), &links, `SELECT count(*) FROM entry_corrections`); err != nil {
				t.Fatal(err)
			}
			if links != 0 {
				t.Errorf("%d correction links left after the 정정 was undone", links)
			}
		})
	}
}

func reversed(s []string) []string {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}

// 취소 of a 정정 of a delta restores it and the later report it re-based.
func TestUndoCorrectionOfDelta(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 7 노인 11/9", commands.OutcomeOK)
	h.run(manager, "추가 100 노인 누계 11/20", commands.OutcomeOK)
	before := h.sums("senior")
	h.run(manager, "정정 1 10 오기 누계포함:예", commands.OutcomeOK) // inside #2 (review r13 S6 asks)
	if got := h.countOf(2); got != 90 {
		t.Fatalf("#2 records %d after the 정정, want 90", got)
	}
	r := h.run(manager, "취소", commands.OutcomeOK)
	mustContain(t, r.Text(), "#3 정정을 취소했습니다. #1(2026. 11. 9. 노인 일자리 7개)을 되살리고 #3(10개)은 무효 처리",
		"+90개에서 +93개로", "노인 일자리 2026년 누계(정정 취소 후): 100개")
	if got := h.sums("senior"); !slices.Equal(got, before) {
		t.Errorf("SQL sums %v, before the 정정 %v", got, before)
	}
	if got := h.liveSum("senior", "realised"); got != 100 {
		t.Errorf("SQL sum %d, want 100", got)
	}
}

// 취소 of a 정정 is refused, naming why, with nothing written, when the
// month has been closed since or hires were recorded on the replacement.
func TestUndoCorrectionRefusedWhenUnsafe(t *testing.T) {
	t.Parallel()
	t.Run("closed", func(t *testing.T) {
		for _, tc := range []struct {
			lang           commands.Lang
			add, fix, undo string
			want           string
		}{
			{commands.Korean, "추가 7 노인 4/9", "정정 1 10 오기", "취소", "2026년 4월은 마감되었습니다"},
			{commands.English, "add 7 senior date:2026-04-09", "correct 1 10 typo", "undo", "2026-04 is closed"},
		} {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.add, commands.OutcomeOK)
			h.run("U1", tc.fix, commands.OutcomeOK)
			h.run(manager, "마감 2026-04", commands.OutcomeOK)
			r := h.run("U1", tc.undo, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.want)
			if got := h.liveSum("senior", "realised"); got != 10 || h.voided(2) || !h.voided(1) {
				t.Errorf("after a refused 취소: SQL sum %d (want 10), #2 voided %v, #1 voided %v", got, h.voided(2), h.voided(1))
			}
		}
	})
	t.Run("hires", func(t *testing.T) {
		for _, tc := range []struct {
			lang                 commands.Lang
			add, fix, hire, undo string
			want                 []string
		}{
			{commands.Korean, "추가 50 투자 11/20 상태:약정", "정정 1 60 오기", "채용 2 10", "취소",
				[]string{"#2는 #1을 정정한 기록이지만, 정정 뒤에 #2에 채용(#3(10개))이 입력되어 정정을 취소하지 않았습니다", "아무것도 바꾸지 않았습니다"}},
			{commands.English, "add 50 invest date:2026-11-20 status:agreed", "correct 1 60 typo", "hire 2 10", "undo",
				[]string{"#2 is the correction of #1, but hires were recorded on #2 since (#3 (10", "Nothing was changed"}},
		} {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.add, commands.OutcomeOK)
			h.run(manager, tc.fix, commands.OutcomeOK)
			h.run("UOTHER", tc.hire, commands.OutcomeOK)
			r := h.run(manager, tc.undo, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.want...)
			if got := h.liveSum("invest", "agreed"); got != 60 || h.voided(2) || !h.voided(1) {
				t.Errorf("after a refused 취소: agreed SQL sum %d (want 60), #2 voided %v, #1 voided %v", got, h.voided(2), h.voided(1))
			}
			if got := h.realisedBy(2); got != 10 {
				t.Errorf("#2 realised %d, want 10", got)
			}
		}
	})
	t.Run("hires moved back", func(t *testing.T) {
		h := newHarness(t, commands.Korean)
		h.run(manager, "추가 50 투자 11/20 상태:약정", commands.OutcomeOK)
		h.run("UOTHER", "채용 1 10", commands.OutcomeOK)
		h.run(manager, "정정 1 60 오기", commands.OutcomeOK)
		h.run(manager, "취소", commands.OutcomeOK)
		if got := h.realisedBy(1); got != 10 {
			t.Errorf("#1 realised %d after 정정+취소, want 10", got)
		}
		if got := h.liveSum("invest", "agreed"); got != 50 {
			t.Errorf("agreed SQL sum %d, want 50", got)
		}
	})
}
