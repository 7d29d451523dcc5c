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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
	for _, tc := range []struct {
		lang                commands.Lang
		agree, report, hire string
		up, tooLow          string
		wantLow             []string
	}{
		{commands.Korean, "추가 120 invest 상태:약정 날짜:2026-08-10", "추가 150 invest 누계 상태:약정 날짜:2026-08-20", "채용 2 10 2026. 8. 25.",
			"정정 2 160 재집계", "정정 4 125 재집계",
			[]string{"#4", "이미 채용 전환", "5개", "130개", "`정정 4 130 <사유>`"}},
		{commands.English, "add 120 invest status:agreed date:2026-08-10", "add 150 invest cumulative status:agreed date:2026-08-20", "hire 2 10 2026-08-25",
			"correct 2 160 recount", "correct 4 125 recount",
			[]string{"#4", "hired already", "add only 5", "lowest figure it can take is 130", "`correct 4 130 <reason>`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.agree, commands.OutcomeOK)   // #1
			h.run("U1", tc.report, commands.OutcomeOK)  // #2
			h.run("U1", tc.hire, commands.OutcomeOK)    // #3 hire (10 of #2)
			r := h.run("U1", tc.up, commands.OutcomeOK) // #4 = 160, +40
			if strings.Contains(r.Text(), "줄일 수 없") || strings.Contains(r.Text(), "cannot become") {
				t.Errorf("a raise is called a reduction:\n%s", r.Text())
			}
			if got := h.countOf(4); got != 40 || h.realisedBy(4) != 10 {
				t.Fatalf("#4 +%d with %d hired, want +40 with 10", got, h.realisedBy(4))
			}
			r = h.run("U1", tc.tooLow, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.wantLow...)
			if h.voided(4) || h.liveSum("invest", "agreed") != 160 {
				t.Errorf("after the refusal: #4 voided %v, agreed SUM %d; want live, 160", h.voided(4), h.liveSum("invest", "agreed"))
			}
			// A reduction down to the hired count of the increment is allowed.
			h.run("U1", strings.Replace(tc.tooLow, "125", "130", 1), commands.OutcomeOK) // +10
			now := h.newestID()
			if h.countOf(now) != 10 || h.realisedBy(now) != 10 || h.liveSum("invest", "agreed") != 130 {
				t.Errorf("after 130: #%d +%d with %d hired, agreed SUM %d; want +10, 10, 130", now, h.countOf(now), h.realisedBy(now), h.liveSum("invest", "agreed"))
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// W1: a delta of the same day as a 누계 whose increment it equals is most
// likely that increase retyped: the question says "the same day", offers
// 누계포함:예 first, and that answer records nothing.
func TestDeltaEqualToSameDayReportIncrement(t *testing.T) {
	t.Parallel()
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

// S6: a 정정 of a delta that a later 누계 (another department's) counted
// asks the add's 누계포함 question, naming the report and whose figure
// moves; 예 keeps the report's total, 아니오 raises it; 취소 of either
// restores every figure.
func TestCorrectionOfDeltaBeforeLaterReportAsks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                   commands.Lang
		delta, report, correct string
		yes, no, undo          string
		want                   []string
	}{
		{commands.Korean, "추가 12 senior 날짜:2026-10-18 부서:가과", "추가 3290 senior 누계 날짜:2026-10-31 부서:나과 확인:예", "정정 1 20 시니어인턴 재확인",
			"정정 1 20 시니어인턴 재확인 누계포함:예", "정정 1 20 시니어인턴 재확인 누계포함:아니오", "취소",
			[]string{"#1(2026. 10. 18., 가과 12개)을 20개로 정정하면(+8개)", "누계 #2(나과, 3,290개)", "3,290개 유지, 증가분 3,278개 → 3,270개: 나과 실적 -8개, 가과 실적 +8개",
				"`정정 1 20 시니어인턴 재확인 누계포함:예`", "누계 3,290개 → 3,298개", "`정정 1 20 시니어인턴 재확인 누계포함:아니오`"}},
		{commands.English, "add 12 senior date:2026-10-18 dept:가과", "add 3290 senior cumulative date:2026-10-31 dept:나과 confirm:yes", "correct 1 20 recount",
			"correct 1 20 recount within:yes", "correct 1 20 recount within:no", "undo",
			[]string{"Correcting #1 (2026-10-18, 가과, 12) to 20 (+8)", "report #2 (2026-10-31, 나과, 3,290 in total)", "나과's figure moves -8 and 가과's +8",
				"`correct 1 20 recount within:yes`", "3,290 → 3,298", "`correct 1 20 recount within:no`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.addDepartment("가과")
			h.addDepartment("나과")
			h.run("U1", tc.delta, commands.OutcomeOK)  // #1
			h.run("U2", tc.report, commands.OutcomeOK) // #2, +3,278
			r := h.run("U1", tc.correct, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.want...)
			if h.voided(1) || h.through("senior", "2026-10-31") != 3290 {
				t.Fatalf("the question wrote: #1 voided %v, SUM %d", h.voided(1), h.through("senior", "2026-10-31"))
			}
			// 예: the report keeps 3,290.
			h.run("U1", tc.yes, commands.OutcomeOK) // #3
			if got := h.through("senior", "2026-10-31"); got != 3290 || h.countOf(2) != 3270 {
				t.Errorf("after 예: SUM %d, #2 +%d; want 3,290, +3,270", got, h.countOf(2))
			}
			h.run("U1", tc.undo, commands.OutcomeOK)
			if got := h.through("senior", "2026-10-31"); got != 3290 || h.countOf(2) != 3278 || h.voided(1) {
				t.Errorf("after 취소 of 예: SUM %d, #2 +%d, #1 voided %v; want 3,290, +3,278, live", got, h.countOf(2), h.voided(1))
			}
			// 아니오: the report keeps its increment, the total rises by 8.
			h.run("U1", tc.no, commands.OutcomeOK) // #4
			if got := h.through("senior", "2026-10-31"); got != 3298 || h.countOf(2) != 3278 {
				t.Errorf("after 아니오: SUM %d, #2 +%d; want 3,298, +3,278", got, h.countOf(2))
			}
			h.run("U1", tc.undo, commands.OutcomeOK)
			if got := h.through("senior", "2026-10-31"); got != 3290 || h.countOf(2) != 3278 || h.voided(1) {
				t.Errorf("after 취소 of 아니오: SUM %d, #2 +%d, #1 voided %v; want 3,290, +3,278, live", got, h.countOf(2), h.voided(1))
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// A12, A9, W7: a 누계 at or below the ledger. A department's own 누계 (부서:)
// and a type's own 누계 (고용형태:) are compared with that share, and never
// told to void entries that are part of the figure; a lower 누계 of a date
// with a 누계 report names it and offers its 정정.
func TestCumulativeAtOrBelowTheLedgerAdvice(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		setup       []string
		line        string
		outcome     commands.Outcome
		want, wrong []string
	}{
		// A12: the 10/31 누계 #2 re-sent lower.
		{commands.Korean, []string{"추가 100 senior 날짜:2026-10-10", "추가 3290 senior 누계 날짜:2026-10-31"},
			"추가 3280 senior 누계 날짜:2026-10-31", commands.OutcomeRefused,
			[]string{"같은 날짜의 누계 보고는 #2(2026. 10. 31., 3,290개)", "`정정 2 3280 <사유>`"}, nil},
		{commands.English, []string{"add 100 senior date:2026-10-10", "add 3290 senior cumulative date:2026-10-31"},
			"add 3280 senior cumulative date:2026-10-31", commands.OutcomeRefused,
			[]string{"#2 (2026-10-31, 3,290)", "`correct 2 3280 <reason>`"}, nil},
		// A9: 나과's own 노인 is 12 of 3,290; its own 누계 of 20.
		{commands.Korean, []string{"추가 12 senior 날짜:2026-10-10 부서:나과", "추가 3290 senior 누계 날짜:2026-10-31 부서:가과 확인:예"},
			"추가 20 senior 누계 날짜:2026-11-02 부서:나과", commands.OutcomeRefused,
			[]string{"그중 나과는 12개", "8개가 빠져 있습니다", "`추가 8 노인 11/2 부서:나과`"}, []string{"무효", "#2"}},
		{commands.English, []string{"add 12 senior date:2026-10-10 dept:나과", "add 3290 senior cumulative date:2026-10-31 dept:가과 confirm:yes"},
			"add 20 senior cumulative date:2026-11-02 dept:나과", commands.OutcomeRefused,
			[]string{"of which 나과 holds 12", "8 are missing", "`add 8 senior date:11/2 dept:나과`"}, []string{"void"}},
		// W7: 상용 37 of 60; a 상용 누계 of 60, then of 40.
		{commands.Korean, []string{"추가 32 senior 날짜:2026-10-10 고용형태:상용", "추가 5 senior 날짜:2026-10-11 고용형태:상용", "추가 23 senior 날짜:2026-10-12"},
			"추가 60 senior 누계 날짜:2026-11-02 고용형태:상용", commands.OutcomeRefused,
			[]string{"그중 상용은 37개", "23개가 빠져", "`추가 23 노인 11/2 고용형태:상용`"}, []string{"장부가 같아", "무효"}},
		{commands.Korean, []string{"추가 32 senior 날짜:2026-10-10 고용형태:상용", "추가 5 senior 날짜:2026-10-11 고용형태:상용", "추가 23 senior 날짜:2026-10-12"},
			"추가 40 senior 누계 날짜:2026-11-02 고용형태:상용", commands.OutcomeRefused,
			[]string{"그중 상용은 37개", "`추가 3 노인 11/2 고용형태:상용`"}, []string{"#1", "무효"}},
		{commands.English, []string{"add 32 senior date:2026-10-10 type:regular", "add 5 senior date:2026-10-11 type:regular", "add 23 senior date:2026-10-12"},
			"add 60 senior cumulative date:2026-11-02 type:regular", commands.OutcomeRefused,
			[]string{"holds 37", "23 are missing", "type:"}, []string{"agrees", "void"}},
		{commands.Korean, []string{"추가 32 senior 날짜:2026-10-10 고용형태:상용", "추가 23 senior 날짜:2026-10-12"},
			"추가 32 senior 누계 날짜:2026-11-02 고용형태:상용", commands.OutcomeOK,
			[]string{"상용 실적은 32개로 보고하신 수치와 같아", "사업 전체 누계는 55개"}, nil},
	} {
		t.Run(string(tc.lang)+" "+tc.line, func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.addDepartment("가과")
			h.addDepartment("나과")
			for _, l := range tc.setup {
				h.run("U1", l, commands.OutcomeOK)
			}
			n, sum := h.liveEntries()
			r := h.run("U1", tc.line, tc.outcome)
			mustContain(t, r.Text(), tc.want...)
			for _, w := range tc.wrong {
				if strings.Contains(r.Text(), w) {
					t.Errorf("the reply says %q:\n%s", w, r.Text())
				}
			}
			if n2, sum2 := h.liveEntries(); n2 != n || sum2 != sum {
				t.Errorf("entries %d (SUM %d) → %d (SUM %d): something was written", n, sum, n2, sum2)
			}
		})
	}
}

// A 정정 answered 누계포함:아니오 (separate from the later 누계) and one of an
// agreement before a later agreed 누계 survive an entries export imported
// into an empty ledger: the same plain SQL SUMs.
func TestK46CorrectionsSurviveARoundTrip(t *testing.T) {
	t.Parallel()
	lang := commands.Korean
	a, b := newHarness(t, lang), newHarness(t, lang)
	a.run(manager, "추가 12 senior 날짜:2026-10-18", commands.OutcomeOK)
	a.run(manager, "추가 3290 senior 누계 날짜:2026-10-31", commands.OutcomeOK)
	a.run(manager, "정정 1 20 재확인 누계포함:아니오", commands.OutcomeOK)
	a.run(manager, "추가 120 invest 상태:약정 날짜:2026-08-10", commands.OutcomeOK)
	a.run(manager, "추가 150 invest 누계 상태:약정 날짜:2026-08-20", commands.OutcomeOK)
	a.run(manager, "정정 4 100 협약 축소", commands.OutcomeOK)
	if a.through("senior", "2026-12-31") != 3298 || a.liveSum("invest", "agreed") != 130 {
		t.Fatalf("A: senior %d, agreed %d; want 3,298, 130", a.through("senior", "2026-12-31"), a.liveSum("invest", "agreed"))
	}
	name, data := a.exportEntries(lang, "csv")
	p, r := b.importFile(lang, name, data)
	if got, agreed := b.through("senior", "2026-12-31"), b.liveSum("invest", "agreed"); got != 3298 || agreed != 130 {
		t.Errorf("B after A's export: senior %d, agreed %d; want 3,298, 130\npreview:\n%s\napplied:\n%s", got, agreed, p, r)
	}
}
