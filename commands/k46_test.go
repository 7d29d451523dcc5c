package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// k46 (review r13): 정정 and later 누계 reports.

// S4: a 정정 of one agreement (약정) must not change the size of a later
// agreed 누계 report, whose increment is another company's agreement with
// hires on it. The later report keeps its increment; its total moves; the
// reply names it and the 정정 that keeps its total instead.
func TestCorrectingAnAgreementKeepsLaterAgreementsSize(t *testing.T) {
	for _, tc := range []struct {
		lang                 commands.Lang
		agree, report, hire  string
		correct, hireTooMany string
		want                 []string
	}{
		{commands.Korean, "추가 120 invest 상태:약정 날짜:2026-08-10", "추가 150 invest 누계 상태:약정 날짜:2026-08-20",
			"채용 2 10 2026. 8. 25.", "정정 1 100 협약 규모 축소", "채용 2 25 2026. 8. 26.",
			[]string{"#2(2026. 8. 20., 보고 당시 누계 150개)의 증가분 +30개는", "그대로 두었습니다", "약정 누계는 이제 130개", "+50개라면", "`정정 2 150 <사유>`"}},
		{commands.English, "add 120 invest status:agreed date:2026-08-10", "add 150 invest cumulative status:agreed date:2026-08-20",
			"hire 2 10 2026-08-25", "correct 1 100 MOU reduced", "hire 2 25 2026-08-26",
			[]string{"report #2 (2026-08-20, reported as 150) keeps its increment of +30", "does not change its size", "now 130", "`correct 2 150 <reason>`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.agree, commands.OutcomeOK)  // #1
			h.run("U1", tc.report, commands.OutcomeOK) // #2, +30
			h.run("U1", tc.hire, commands.OutcomeOK)   // #3
			r := h.run("U1", tc.correct, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.want...)
			if got := h.countOf(2); got != 30 {
				t.Errorf("#2 records +%d after the 정정 of #1, want +30 (its own agreement)", got)
			}
			if got := h.liveSum("invest", "agreed"); got != 130 {
				t.Errorf("SQL SUM of live agreements = %d, want 130", got)
			}
			// 취소 of the 정정 restores #1 and leaves #2 as it is.
			h.run("U1", map[commands.Lang]string{commands.Korean: "취소", commands.English: "undo"}[tc.lang], commands.OutcomeOK)
			if h.voided(1) || h.countOf(2) != 30 || h.liveSum("invest", "agreed") != 150 {
				t.Errorf("after 취소: #1 voided %v, #2 +%d, agreed SUM %d; want live, +30, 150", h.voided(1), h.countOf(2), h.liveSum("invest", "agreed"))
			}
			// #2's agreement is 30 with 10 hired: 25 more do not fit.
			h.run("U1", tc.hireTooMany, commands.OutcomeRefused)
			if got := h.realisedBy(2); got != 10 {
				t.Errorf("hired on #2 = %d, want 10", got)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// S4 for an agreed 누계 corrected before a later one: the later keeps its
// increment too.
func TestCorrectingAnAgreedCumulativeKeepsLaterAgreementsSize(t *testing.T) {
	for _, tc := range []struct {
		lang                   commands.Lang
		first, report, correct string
		want                   string
	}{
		{commands.Korean, "추가 120 invest 누계 상태:약정 날짜:2026-08-10", "추가 150 invest 누계 상태:약정 날짜:2026-08-20", "정정 1 100 재집계", "`정정 2 150 <사유>`"},
		{commands.English, "add 120 invest cumulative status:agreed date:2026-08-10", "add 150 invest cumulative status:agreed date:2026-08-20", "correct 1 100 recount", "`correct 2 150 <reason>`"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.first, commands.OutcomeOK)
			h.run("U1", tc.report, commands.OutcomeOK)
			r := h.run("U1", tc.correct, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.want)
			if got := h.countOf(2); got != 30 {
				t.Errorf("#2 records +%d, want +30", got)
			}
			if got := h.liveSum("invest", "agreed"); got != 130 {
				t.Errorf("SQL SUM of live agreements = %d, want 130", got)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// W6: an agreed 누계 with hires can be corrected while its increment still
// holds the hires (a raise always does); below that the refusal says the
// increment and the lowest figure, and never calls a raise a reduction.
func TestCorrectingAnAgreedCumulativeWithHires(t *testing.T) {
	for _, tc := range []struct {
		lang                commands.Lang
		agree, report, hire string
		up, down, tooLow    string
		wantLow             []string
	}{
		{commands.Korean, "추가 120 invest 상태:약정 날짜:2026-08-10", "추가 150 invest 누계 상태:약정 날짜:2026-08-20", "채용 2 10 2026. 8. 25.",
			"정정 2 160 재집계", "정정 3 140 재집계", "정정 4 125 재집계",
			[]string{"#4", "이미 채용 전환", "5개", "130개", "`정정 4 130 <사유>`"}},
		{commands.English, "add 120 invest status:agreed date:2026-08-10", "add 150 invest cumulative status:agreed date:2026-08-20", "hire 2 10 2026-08-25",
			"correct 2 160 recount", "correct 3 140 recount", "correct 4 125 recount",
			[]string{"#4", "hired already", "add only 5", "lowest figure it can take is 130", "`correct 4 130 <reason>`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.agree, commands.OutcomeOK)  // #1
			h.run("U1", tc.report, commands.OutcomeOK) // #2
			h.run("U1", tc.hire, commands.OutcomeOK)   // #3 hire (10 of #2)
			// #4 hire entry is #3... entries: #1 agree, #2 report, #3 hire.
			r := h.run("U1", tc.up, commands.OutcomeOK) // #4 = 160, +40
			if strings.Contains(r.Text(), "줄일 수 없") || strings.Contains(r.Text(), "cannot become") {
				t.Errorf("a raise is called a reduction:\n%s", r.Text())
			}
			if got := h.countOf(4); got != 40 || h.realisedBy(4) != 10 {
				t.Fatalf("#4 +%d with %d hired, want +40 with 10", got, h.realisedBy(4))
			}
			_ = tc.down
			r = h.run("U1", tc.tooLow, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.wantLow...)
			if h.voided(4) || h.liveSum("invest", "agreed") != 160 {
				t.Errorf("after the refusal: #4 voided %v, agreed SUM %d; want live, 160", h.voided(4), h.liveSum("invest", "agreed"))
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// W1: a delta of the same day as a 누계 whose increment it equals is most
// likely that increase retyped: the question says "the same day", offers
// 누계포함:예 first, and that answer records nothing.
func TestDeltaEqualToSameDayReportIncrement(t *testing.T) {
	for _, tc := range []struct {
		lang                      commands.Lang
		first, report, delta, yes string
		want                      []string
		wrong                     []string
		done                      string
	}{
		{commands.Korean, "추가 1240 senior 날짜:2026-10-15", "추가 1310 senior 누계 날짜:2026-10-31", "추가 70 senior 날짜:2026-10-31",
			"추가 70 senior 날짜:2026-10-31 누계포함:예",
			[]string{"같은 날짜", "70개로 이 실적과 같아", "1,310개 유지", "`추가 70 senior 날짜:2026-10-31 누계포함:예`", "누계포함:아니오"},
			[]string{"앞선 날짜", "포함될 수는 없"}, "새로 기록하지 않았습니다"},
		{commands.English, "add 1240 senior date:2026-10-15", "add 1310 senior cumulative date:2026-10-31", "add 70 senior date:2026-10-31",
			"add 70 senior date:2026-10-31 within:yes",
			[]string{"same day", "added exactly 70", "stays 1,310", "within:yes`"},
			[]string{"cannot be inside"}, "nothing new was recorded"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.first, commands.OutcomeOK)
			h.run("U1", tc.report, commands.OutcomeOK)
			r := h.run("U1", tc.delta, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.want...)
			for _, w := range tc.wrong {
				if strings.Contains(r.Text(), w) {
					t.Errorf("the question says %q:\n%s", w, r.Text())
				}
			}
			if yes := strings.Index(r.Text(), tc.yes); yes < 0 || yes > strings.Index(r.Text(), "누계포함:아니오")+strings.Index(r.Text(), "within:no")+1 {
				t.Errorf("the 누계포함:예 line is not offered first:\n%s", r.Text())
			}
			r = h.run("U1", tc.yes, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.done)
			if got := h.through("senior", "2026-12-31"); got != 1310 {
				t.Errorf("SQL SUM = %d, want 1,310", got)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}
