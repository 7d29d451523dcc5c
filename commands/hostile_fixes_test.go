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

// B3: a staff correction (정정) of an earlier agreement no longer re-bases
// a later agreed 누계 report at all (review r13 S4): the later report's
// increment is an agreement of its own, with hires on it, and keeps its
// size; the reply names it and the 정정 that keeps its total instead.
func TestCorrectionCannotRebaseAReportBelowItsHires(t *testing.T) {
	t.Parallel()
	const staff = "USTAFF"
	for _, tc := range []struct {
		lang    commands.Lang
		correct string
		want    []string
	}{
		{commands.Korean, "정정 1 9 잘못 입력", []string{"#2(2026. 8. 20., 보고 당시 누계 10개)의 증가분 +6개는", "`정정 2 10 <사유>`"}},
		{commands.English, "correct 1 9 typo", []string{"report #2 (2026-08-20, reported as 10) keeps its increment of +6", "`correct 2 10 <reason>`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(staff, "add 4 senior status:agreed date:2026-08-01", commands.OutcomeOK)             // #1
			h.run(staff, "add 10 senior cumulative status:agreed date:2026-08-20", commands.OutcomeOK) // #2, +6
			h.run(staff, "hire 2 6 2026-08-25", commands.OutcomeOK)                                    // #3
			r := h.run(staff, tc.correct, commands.OutcomeOK)
			noBadVerbs(t, r)
			mustContain(t, r.Text(), tc.want...)
			if !h.voided(1) || h.agreedNow(2) != 6 || h.realisedBy(2) != 6 {
				t.Fatalf("after the 정정: #1 voided %v, #2 agrees %d with %d hired; want voided, 6, 6", h.voided(1), h.agreedNow(2), h.realisedBy(2))
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Smaller findings: a negative department target is refused for its count,
// not by calling the department no number.
func TestNegativeDepartmentTargetNamesTheCount(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		line  string
		want  string
		wrong string
	}{
		{commands.Korean, "부서 목표 일자리정책과 -5", "목표는 1 이상이어야 합니다", "수가 아닙니다"},
		{commands.Korean, "dept target 일자리정책과 -5", "목표는 1 이상이어야 합니다", "수가 아닙니다"},
		{commands.English, "dept target 일자리정책과 -5", "A target is at least 1 job", "not a number"},
		{commands.English, "dept target 일자리정책과 0", "A target is at least 1 job", "not a number"},
	} {
		t.Run(string(tc.lang)+" "+tc.line, func(t *testing.T) {
			h := newHarness(t, tc.lang)
			r := h.run(manager, tc.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.want)
			if strings.Contains(r.Text(), tc.wrong) {
				t.Errorf("the refusal blames the department:\n%s", r.Text())
			}
			var n int
			if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM department_targets`); err != nil || n != 0 {
				t.Fatalf("%d department targets (%v), want none", n, err)
			}
		})
	}
}

// Smaller findings: report and press are totals from January 1 through a
// date. A span crossing years, or a typed span starting after January 1,
// cannot be read that way: it is refused, naming the span and saying what
// to type. A span from January 1 is read through its end.
func TestReportAndPressRefuseSpansTheyCannotHonour(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		line string
		want []string
	}{
		{commands.Korean, "report 2025-06-01~2026-05-31", []string{"2025. 6. 1. ~ 2026. 5. 31.", "두 해에 걸쳐", "2026. 5. 31."}},
		{commands.Korean, "보고서 2025-06-01~2026-05-31", []string{"2025. 6. 1. ~ 2026. 5. 31.", "두 해에 걸쳐"}},
		{commands.Korean, "보도자료 2025-06-01~2026-05-31", []string{"2025. 6. 1. ~ 2026. 5. 31.", "두 해에 걸쳐"}},
		{commands.Korean, "report 2000-01-01~2100-12-31", []string{"두 해에 걸쳐"}},
		{commands.Korean, "보도 2026-03-01~2026-03-31", []string{"2026. 3. 1. ~ 2026. 3. 31.", "1월 1일부터", "2026. 3. 31."}},
		{commands.Korean, "보고서 2026-03-01~2026-06-30", []string{"1월 1일부터", "2026. 6. 30."}},
		{commands.English, "report 2025-06-01~2026-05-31", []string{"2025-06-01", "2026-05-31", "crosses"}},
		{commands.English, "press 2026-03-01~2026-03-31", []string{"January 1", "2026-03-31"}},
	} {
		t.Run(string(tc.lang)+" "+tc.line, func(t *testing.T) {
			h := newHarness(t, tc.lang)
			r := h.run(manager, tc.line, commands.OutcomeRefused)
			noBadVerbs(t, r)
			mustContain(t, r.Text(), tc.want...)
			if tc.lang == commands.Korean && (strings.Contains(r.Text(), "2026-0") || strings.Contains(r.Text(), "2025-0")) {
				t.Errorf("the refusal shows an ISO date:\n%s", r.Text())
			}
		})
	}
	h := newHarness(t, commands.Korean)
	h.run(manager, "add 7 senior date:2026-03-10", commands.OutcomeOK)
	h.run(manager, "add 5 senior date:2026-07-10", commands.OutcomeOK)
	mustContain(t, h.run(manager, "report 2026-01-01~2026-06-30", commands.OutcomeOK).Text(), "2026. 6. 30. 기준")
	// the date the refusal suggests, typed as shown
	mustContain(t, h.run(manager, "보고서 2026. 5. 31.", commands.OutcomeOK).Text(), "2026. 5. 31. 기준")
	press := h.run(manager, "press 2026-01-01~2026-06-30", commands.OutcomeOK).Text()
	mustContain(t, press, "2026. 6. 30. 기준", "정확한 누계: 7개")
	mustContain(t, h.run(manager, "press 6월", commands.OutcomeOK).Text(), "정확한 누계: 7개")
	mustContain(t, h.run(manager, "press", commands.OutcomeOK).Text(), "정확한 누계: 12개")
}

// A back-dated agreed 누계 that would re-base a later agreed report below
// what its hires realised is refused like a correction is, and nothing is
// written.
func TestBackDatedReportCannotRebaseAReportBelowItsHires(t *testing.T) {
	t.Parallel()
	const staff = "USTAFF"
	h := newHarness(t, commands.Korean)
	h.run(staff, "add 10 senior cumulative status:agreed date:2026-08-20", commands.OutcomeOK) // #1
	h.run(staff, "hire 1 6 2026-08-25", commands.OutcomeOK)                                    // #2
	r := h.run(staff, "add 5 senior cumulative status:agreed date:2026-08-01", commands.OutcomeRefused)
	noBadVerbs(t, r)
	mustContain(t, r.Text(), "#1", "#2(6개)", "아무것도 바꾸지 않았습니다")
	var n int
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM entries`); err != nil || n != 2 {
		t.Fatalf("%d entries (%v) after the refusal; want the report and the hire", n, err)
	}
	if h.agreedNow(1) != 10 || h.realisedBy(1) != 6 {
		t.Fatalf("#1 agrees %d with %d hired; want 10 and 6", h.agreedNow(1), h.realisedBy(1))
	}
	dbtest.CheckTotals(t, h.store)
}
