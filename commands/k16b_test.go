package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// r5 S6 / r6 X5: a 정정 of a 누계 says the total through its date is the
// figure typed. After a delta dated before the report and recorded after
// it, the replacement records the figure less the other live entries
// through the date (60 → 70 with +10 and a back-dated +20: +40), the
// ledger's 3월말 누계 is 70 (not 90), the later 4월말 report keeps its
// total, a figure below the other entries is refused with the figure typed
// naming the back-dated entry, and 취소 restores the ledger exactly.
func TestK16bCorrectCumulativeIsTheTotal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                       commands.Lang
		first, report, late, april string
		correct, below, undo       string
		wants, belowWants          []string
	}{
		{commands.Korean, "추가 투자 10 날짜:3월 1일", "추가 투자 60 누계 날짜:3월 31일", "추가 투자 20 날짜:3월 15일 누계포함:아니오 확인:예",
			"추가 투자 100 누계 날짜:4월 30일", "정정 %d 70 보고 오기 누계포함:예", "정정 %d 25 오기 누계포함:예", "취소",
			[]string{"60개 → 70개", "장부의 2026. 3. 31.까지 누계는 이제 70개입니다", "(#%d +20개)", "이 보고의 증가분은 +40개"},
			[]string{"이미 30개", "보고하신 누계 25개", "#%d(2026. 3. 15., +20개)"}},
		{commands.English, "add 10 invest date:2026-03-01", "add 60 invest cumulative date:2026-03-31", "add 20 invest date:2026-03-15 within:no confirm:yes",
			"add 100 invest cumulative date:2026-04-30", "correct %d 70 report typo within:yes", "correct %d 25 typo within:yes", "undo",
			[]string{"60 → 70", "The ledger's total through 2026-03-31 is now 70", "(#%d +20)", "this report now records +40"},
			[]string{"already has 30 jobs", "cumulative figure of 25", "#%d (2026-03-15, +20)"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.first, commands.OutcomeOK)
			h.run(manager, tc.report, commands.OutcomeOK)
			report := h.newestID()
			h.run(manager, tc.late, commands.OutcomeOK)
			late := h.newestID()
			h.run(manager, tc.april, commands.OutcomeOK)
			before := []int64{h.through("invest", "2026-03-31"), h.through("invest", "2026-04-30")}
			if before[0] != 80 || before[1] != 100 {
				t.Fatalf("SQL SUM before the 정정: %v, want [80 100]", before)
			}
			r := h.run(manager, fmt.Sprintf(tc.correct, report), commands.OutcomeOK)
			wants := append([]string(nil), tc.wants...)
			wants[2] = fmt.Sprintf(wants[2], late)
			mustContain(t, r.Text(), wants...)
			repl := h.newestID()
			if got := h.through("invest", "2026-03-31"); got != 70 {
				t.Errorf("SQL SUM through 3/31 = %d after 정정 to 70, want 70", got)
			}
			if got := h.through("invest", "2026-04-30"); got != 100 {
				t.Errorf("SQL SUM through 4/30 = %d, want the 4월말 report's 100", got)
			}
			if got := h.countOf(repl); got != 40 {
				t.Errorf("the replacement records %d, want 70 − 10 − 20 = 40", got)
			}
			// 취소 of the 정정, the line right before it: the ledger as
			// before it.
			h.run(manager, tc.undo, commands.OutcomeOK)
			after := []int64{h.through("invest", "2026-03-31"), h.through("invest", "2026-04-30")}
			if after[0] != before[0] || after[1] != before[1] {
				t.Errorf("SQL SUM after 취소 = %v, want %v", after, before)
			}
			// Below what the other entries add up to: refused with the
			// figure typed, naming the back-dated entry; nothing written.
			// (Before k31 this ran before the 취소, which then reached past
			// the refused line to undo the 정정: review F21.)
			stored := h.entriesStored()
			r = h.run(manager, fmt.Sprintf(tc.below, report), commands.OutcomeRefused)
			belowWants := append([]string(nil), tc.belowWants...)
			belowWants[2] = fmt.Sprintf(belowWants[2], late)
			mustContain(t, r.Text(), belowWants...)
			if h.entriesStored() != stored || h.through("invest", "2026-03-31") != 80 {
				t.Fatalf("a refused 정정 wrote something")
			}
			h.run(manager, tc.undo, commands.OutcomeRefused) // the refused line saved nothing to undo
			if got := h.countOf(report); got != 50 {
				t.Errorf("the original report records %d after 취소, want 50", got)
			}
		})
	}
}

// r5 S6, the 철도 sequence: 정정 of the 2월말 누계 (200 → 210), a delta
// dated 2/10 added after (215), then 정정 of the corrected report to 220:
// the 2월말 누계 is 220, not 225, and the 3월말 figure stays what it was
// (260 and the 2/10 delta added to it).
func TestK16bCorrectCumulativeRailSequence(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 200 철도 누계 날짜:2월 27일", commands.OutcomeOK)
	first := h.newestID()
	h.run(manager, "추가 30 철도 날짜:3월 5일", commands.OutcomeOK)
	h.run(manager, "추가 260 철도 누계 날짜:3월 31일", commands.OutcomeOK)
	h.run(manager, fmt.Sprintf("정정 %d 210 집계 오류", first), commands.OutcomeOK)
	corrected := h.newestID()
	if got := h.through("rail", "2026-02-27"); got != 210 {
		t.Fatalf("2월말 = %d after 정정 to 210", got)
	}
	h.run(manager, "추가 5 철도 날짜:2월 10일 누계포함:아니오", commands.OutcomeOK)
	if got := h.through("rail", "2026-02-27"); got != 215 {
		t.Fatalf("2월말 = %d after the 2/10 delta, want 215", got)
	}
	r := h.run(manager, fmt.Sprintf("정정 %d 220 재집계 누계포함:예", corrected), commands.OutcomeOK)
	mustContain(t, r.Text(), "210개 → 220개", "장부의 2026. 2. 27.까지 누계는 이제 220개입니다", "이 보고의 증가분은 +215개")
	if got := h.through("rail", "2026-02-27"); got != 220 {
		t.Errorf("2월말 = %d after 정정 to 220, want 220", got)
	}
	if got := h.through("rail", "2026-03-31"); got != 265 {
		t.Errorf("3월말 = %d, want 265 as before the 정정", got)
	}
}

// r5 L7: a 정정 of a back-dated delta names the 누계 reports it moves (the
// reports recorded before the delta, which did not count it), as the add
// did; a report recorded after the delta is re-based and named as such,
// and a report after that one, whose total does not move, is not named.
func TestK16bCorrectBackdatedDeltaNamesMovedReports(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                     commands.Lang
		r1, r2, delta, correct   string
		wants                    []string
		r3, r4, delta2, correct2 string
		unwanted                 string
	}{
		{commands.Korean, "추가 50 공동체 누계 날짜:7월 6일", "추가 80 공동체 누계 날짜:7월 9일", "추가 4 공동체 날짜:7월 5일 누계포함:아니오", "정정 %d 2 오기",
			[]string{"2026. 7. 6. 누계 #%d: 54개 → 52개", "2026. 7. 9. 누계 #%d: 84개 → 82개"},
			"추가 100 공동체 누계 날짜:8월 10일", "추가 150 공동체 누계 날짜:8월 20일", "추가 5 공동체 날짜:8월 5일", "정정 %d 9 오기 누계포함:예",
			"누계 #%d:"},
		{commands.English, "add 50 community cumulative date:2026-07-06", "add 80 community cumulative date:2026-07-09", "add 4 community date:2026-07-05 within:no", "correct %d 2 typo",
			[]string{"later cumulative report #%d (2026-07-06): the total through its date goes from 54 to 52", "later cumulative report #%d (2026-07-09): the total through its date goes from 84 to 82"},
			"add 100 community cumulative date:2026-08-10", "add 150 community cumulative date:2026-08-20", "add 5 community date:2026-08-05", "correct %d 9 typo within:yes",
			"later cumulative report #%d ("},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.r1, commands.OutcomeOK)
			r1 := h.newestID()
			h.run(manager, tc.r2, commands.OutcomeOK)
			r2 := h.newestID()
			h.run(manager, tc.delta, commands.OutcomeOK)
			r := h.run(manager, fmt.Sprintf(tc.correct, h.newestID()), commands.OutcomeOK)
			mustContain(t, r.Text(), fmt.Sprintf(tc.wants[0], r1), fmt.Sprintf(tc.wants[1], r2))
			if a, b := h.through("community", "2026-07-06"), h.through("community", "2026-07-09"); a != 52 || b != 82 {
				t.Errorf("SQL SUM through 7/6, 7/9 = %d, %d; want 52, 82", a, b)
			}
			// Reports recorded after the delta counted it: the first is
			// re-based, the one after it keeps its total and is not named.
			h.run(manager, tc.delta2, commands.OutcomeOK)
			delta2 := h.newestID()
			h.run(manager, tc.r3, commands.OutcomeOK)
			h.run(manager, tc.r4, commands.OutcomeOK)
			r4 := h.newestID()
			before := h.through("community", "2026-08-20")
			r = h.run(manager, fmt.Sprintf(tc.correct2, delta2), commands.OutcomeOK)
			if got := h.through("community", "2026-08-20"); got != before || got != 150 {
				t.Errorf("SQL SUM through 8/20 = %d, want 150 as before (%d)", got, before)
			}
			if got := h.through("community", "2026-08-10"); got != 100 {
				t.Errorf("SQL SUM through 8/10 = %d, want the report's 100", got)
			}
			if text := r.Text(); strings.Contains(text, fmt.Sprintf(tc.unwanted, r4)) {
				t.Errorf("the reply names #%d, whose total did not move:\n%s", r4, text)
			}
		})
	}
}

// r5 A13: re-sending a 누계 below the ledger names first the entry the
// earlier report of that date did not count (a back-dated delta recorded
// after it), not only the latest by date, which the 과 knows are right.
func TestK16bBelowReportNamesWhatTheReportDidNotCount(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                             commands.Lang
		r1, d1, r2, late, resend, wantFm string
		current                          string
	}{
		{commands.Korean, "추가 50 공동체 누계 날짜:7월 6일", "추가 15 공동체 날짜:7월 8일", "추가 80 공동체 누계 날짜:7월 9일",
			"추가 2 공동체 날짜:7월 5일 누계포함:아니오", "추가 80 공동체 누계 날짜:7월 9일", "확인할 실적: #%d(2026. 7. 5., +2개)", "이미 82개"},
		{commands.English, "add 50 community cumulative date:2026-07-06", "add 15 community date:2026-07-08", "add 80 community cumulative date:2026-07-09",
			"add 2 community date:2026-07-05 within:no", "add 80 community cumulative date:2026-07-09", "Entries to check: #%d (2026-07-05, +2)", "already has 82 jobs"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			for _, line := range []string{tc.r1, tc.d1, tc.r2, tc.late} {
				h.run(manager, line, commands.OutcomeOK)
			}
			late := h.newestID()
			if got := h.through("community", "2026-07-09"); got != 82 {
				t.Fatalf("SQL SUM through 7/9 = %d, want 82", got)
			}
			stored := h.entriesStored()
			r := h.run(manager, tc.resend, commands.OutcomeRefused)
			mustContain(t, r.Text(), fmt.Sprintf(tc.wantFm, late), tc.current)
			if h.entriesStored() != stored {
				t.Errorf("a refused 누계 wrote an entry")
			}
		})
	}
}

// r5 L2: `목록 무효` labels what 정정s of 누계 reports changed as the
// reported totals through their dates, not as realised jobs (+20 while the
// year's 실적 did not change); a delta's 정정 is still counted as 실적.
func TestK16bListVoidedLabelsReportCorrections(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                           commands.Lang
		r1, d1, r2, correct, late      string
		correct2, delta, correct3, cmd string
		wants, wrong                   []string
	}{
		{commands.Korean, "추가 200 철도 누계 날짜:2월 27일", "추가 30 철도 날짜:3월 5일", "추가 260 철도 누계 날짜:3월 31일",
			"정정 %d 210 집계 오류", "추가 5 철도 날짜:2월 10일 누계포함:아니오", "정정 %d 220 재집계 누계포함:예", "", "", "목록 무효 철도",
			[]string{"누계 보고의 정정으로 바뀐 보고 누계(그 보고 날짜까지): 고속철도변 정비사업 2026. 2. 27. 기준 +20개", "뒤에 누계 보고가 있으면 그 보고의 누계는 그대로입니다"},
			[]string{"정정으로 바뀐 채용 실적"}},
		{commands.English, "add 200 rail cumulative date:2026-02-27", "add 30 rail date:2026-03-05", "add 260 rail cumulative date:2026-03-31",
			"correct %d 210 miscount", "add 5 rail date:2026-02-10 within:no", "correct %d 220 recount within:yes", "add 7 rail date:2026-04-02", "correct %d 9 typo", "list voided rail",
			[]string{"changed realised jobs by +2", "Corrections of cumulative reports are not in that figure", "as of 2026-02-27 +20"},
			[]string{"changed realised jobs by +22", "changed realised jobs by +20"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.r1, commands.OutcomeOK)
			first := h.newestID()
			h.run(manager, tc.d1, commands.OutcomeOK)
			h.run(manager, tc.r2, commands.OutcomeOK)
			year := h.through("rail", "2026-12-31")
			h.run(manager, fmt.Sprintf(tc.correct, first), commands.OutcomeOK)
			corrected := h.newestID()
			h.run(manager, tc.late, commands.OutcomeOK)
			h.run(manager, fmt.Sprintf(tc.correct2, corrected), commands.OutcomeOK)
			if got := h.through("rail", "2026-12-31"); got != year+5 {
				t.Fatalf("SQL SUM of the year = %d, want %d (only the 2/10 delta added)", got, year+5)
			}
			if tc.delta != "" {
				h.run(manager, tc.delta, commands.OutcomeOK)
				h.run(manager, fmt.Sprintf(tc.correct3, h.newestID()), commands.OutcomeOK)
			}
			text := h.run(manager, tc.cmd, commands.OutcomeOK).Text()
			mustContain(t, text, tc.wants...)
			for _, w := range tc.wrong {
				if strings.Contains(text, w) {
					t.Errorf("%q says %q:\n%s", tc.cmd, w, text)
				}
			}
		})
	}
}
