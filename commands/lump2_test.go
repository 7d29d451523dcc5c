package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// lump2Sum is a plain SUM of the live realised entries of program code dated
// in [from, to], less the entries listed in except (the expected exclusions).
func (h *harness) lump2Sum(code, from, to string, except ...int64) int64 {
	h.t.Helper()
	n := h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE p.code = $1 AND e.voided_at IS NULL AND e.status = 'realised' AND e.as_of BETWEEN $2::date AND $3::date`,
		code, from, to)
	for _, id := range except {
		n -= h.sqlInt(`SELECT count FROM entries WHERE id = $1`, id)
	}
	return n
}

// Review r47 F1: a program's year's first 누계 report (800여 through
// 10월말) stopped being the year's first once a delta was back-dated before
// it (5 on 10. 15., 누계포함:예): `현황 10월` then counted its increment, every
// job from 1 January, as October's 실적 (800여개) without the first-누계
// note, `보고서 4분기` held the whole year, and the report's 10월 cell lost
// its ※ 1~10월 mark. A delta recorded after the report does not change what
// the report stated: it stays the year's first in every view, department
// filter included; the year to date still counts it.
func TestLump2BackdatedDeltaKeepsTheFirstReport(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                        commands.Lang
		lines                       []string
		month, quarter, dept, year  string
		monthHead, quarterHead      string
		deptHead, yearHead          string
		note, yearNote, spanNote    string
		lumpItem                    string // %s: the report's increment
		wrongIncrementNote          string
		reportHead, reportLumpIntro string
	}{
		{
			lang:  commands.Korean,
			lines: []string{"추가 여성 누계 800여 날짜:10/31", "추가 여성 5 날짜:2026. 10. 15. 누계포함:예", "추가 청년 40 날짜:11/3"},
			month: "현황 10월", quarter: "보고서 4분기", dept: "현황 4분기 부서:여성가족과", year: "현황",
			monthHead: "2026년 10월 실적 ", quarterHead: "2026년 4분기", deptHead: "2026년 4분기 실적 ", yearHead: "누계 ",
			note: "실적에 넣지 않은 올해 첫 누계 보고", yearNote: "연간 누계에는 들어 있습니다",
			spanNote:           "※ 여성 일자리 10월: 1월~10월 누계 보고분(#1)으로",
			lumpItem:           "여성 일자리 #1(2026. 10. 31.까지 %s)",
			wrongIncrementNote: "증가분)로 넣었습니다",
		},
		{
			lang:  commands.English,
			lines: []string{"add 800여 women cumulative date:2026-10-31", "add 5 women date:2026-10-15 within:yes", "add 40 youth date:2026-11-03"},
			month: "status october", quarter: "report q4", dept: "status q4 dept:여성가족과", year: "status",
			monthHead: "Total in 2026-10: ", quarterHead: "2026 Q4", deptHead: "Total in 2026 Q4: ", yearHead: "",
			note: "the year's first cumulative reports", yearNote: "the year to date counts them",
			spanNote:           "※ Jobs for women, Oct: includes the Jan–Oct 누계 report #1",
			lumpItem:           "women #1 (%s through 2026-10-31)",
			wrongIncrementNote: "as its increment",
		},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-11-06")
			for _, l := range tc.lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			first := h.sqlInt(`SELECT min(id) FROM entries WHERE kind = 'cumulative'`)
			if first != 1 || h.sqlInt(`SELECT count FROM entries WHERE id = 1`) != 795 {
				t.Fatalf("SQL: the 누계 is #%d with increment %d; the scenario wants #1 with 795", first, h.sqlInt(`SELECT count FROM entries WHERE id = 1`))
			}
			lumpItem := strings.Replace(tc.lumpItem, "%s", label9Fig(tc.lang, 795, true), 1)

			// October's 실적 is the back-dated delta alone (여: the latest
			// 누계 through October says 800여): the report is named.
			oct := h.lump2Sum("women", "2026-10-01", "2026-10-31", first)
			if oct != 5 {
				t.Fatalf("SQL: October without the first report %d, want 5", oct)
			}
			text := h.run(manager, tc.month, commands.OutcomeOK).Text()
			mustContain(t, text, tc.monthHead+label9Fig(tc.lang, oct, true), tc.note, lumpItem, tc.yearNote)
			if strings.Contains(text, tc.wrongIncrementNote) {
				t.Errorf("October counts the year's first report by its increment:\n%s", text)
			}

			// 보고서 4분기: 기간 실적 leaves it out and names it.
			q4 := h.lump2Sum("women", "2026-10-01", "2026-11-06", first) + h.lump2Sum("youth", "2026-10-01", "2026-11-06")
			text = h.run(manager, tc.quarter, commands.OutcomeOK).Text()
			mustContain(t, text, tc.quarterHead, tc.note, lumpItem)
			women := reportRowLines(text, map[commands.Lang]string{commands.Korean: "여성 일자리", commands.English: "Jobs for women"}[tc.lang])
			// (its lines: the months, the period's 실적, the 누계 table)
			if wq4 := h.lump2Sum("women", "2026-10-01", "2026-11-06", first); len(women) < 2 ||
				!strings.HasSuffix(strings.TrimSpace(women[1]), " "+strings.TrimSuffix(label9Fig(tc.lang, wq4, true), "개")) {
				t.Errorf("the Q4 report's women row holds the first report (%q); Q4's own jobs are %d\n%s", women, q4, text)
			}

			// The department filter reads the same rule.
			dq4 := h.lump2Sum("women", "2026-10-01", "2026-11-06", first)
			text = h.run(manager, tc.dept, commands.OutcomeOK).Text()
			mustContain(t, text, tc.deptHead+label9Fig(tc.lang, dq4, true), tc.note, lumpItem)

			// The year to date keeps it.
			ytd := h.lump2Sum("women", "2026-01-01", "2026-11-06") + h.lump2Sum("youth", "2026-01-01", "2026-11-06")
			text = h.run(manager, tc.year, commands.OutcomeOK).Text()
			mustContain(t, text, tc.yearHead+label9Fig(tc.lang, ytd, true))

			// The report's 10월 cell holds it, marked as the 1~10월 report.
			text = h.run(manager, "보고서 10월말", commands.OutcomeOK).Text()
			mustContain(t, text, tc.spanNote, strings.TrimSuffix(label9Fig(tc.lang, h.lump2Sum("women", "2026-10-01", "2026-10-31"), true), "개")+"※")
		})
	}
}

// Review r47 F8: on 2027-01-04 `현황 지난주` (2026. 12. 28.~2027. 1. 3.)
// compared 140여개, 2027's jobs included, with 2026's annual target (1%
// 미만). A span crossing the year is compared with neither year's target;
// the headline says why, and no program line gives a share of one.
func TestLump2WeekAcrossTheYearHasNoAnnualShare(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang          commands.Lang
		lines         []string
		status, head  string
		why, wrong    string
		programTarget string
	}{
		{commands.Korean, []string{"목표 20,500", "목표 5,000 사업:청년", "추가 청년 100 날짜:2026-12-29"}, "현황 지난주",
			"2026년 53주차 (12. 28.~1. 3.) 실적 ", "2026년과 2027년에 걸친 기간이어서 한 해의 연간 목표와 비교하지 않았습니다", "연간 목표 20,500개의", "연간 목표 5,000개의"},
		{commands.English, []string{"target 20,500", "target 5,000 program:youth", "add 100 youth date:2026-12-29"}, "status last week",
			"Total in week 53 of 2026 (Dec 28–Jan 3): ", "the span runs from 2026 into 2027, so it is not compared with one year's annual target", "of the year's 20,500 target", "5,000"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := time.Date(2026, 12, 30, 1, 0, 0, 0, time.UTC)
			h := r32At(t, tc.lang, "2026-12-30")
			h.withClock(&now)
			for _, l := range tc.lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			now = time.Date(2027, 1, 4, 1, 0, 0, 0, time.UTC)
			h.run(manager, map[commands.Lang]string{commands.Korean: "추가 청년 40 날짜:2027-01-02", commands.English: "add 40 youth date:2027-01-02"}[tc.lang], commands.OutcomeOK)
			week := h.lump2Sum("youth", "2026-12-28", "2027-01-03")
			if week != 140 {
				t.Fatalf("SQL: the week holds %d, want 140", week)
			}
			text := h.run(manager, tc.status, commands.OutcomeOK).Text()
			mustContain(t, text, tc.head+label9Fig(tc.lang, week, false)+" ("+tc.why+")")
			if strings.Contains(text, tc.wrong) || strings.Contains(text, tc.programTarget) {
				t.Errorf("a week across the year is compared with 2026's target:\n%s", text)
			}
		})
	}
}

// Review r47 F9: an approximate report's increment lost its 여: the 누계포함
// question and its reply said `800여개 유지(증가분 800개 → 795개)`, and a
// period's note `누계 1,650여개 → 증가분 108개` beside a program line of
// 108여개. The increment is part of the report's approximate figure and
// carries 여 (English: about) wherever it is printed.
func TestLump2ApproximateIncrementKeepsItsYeo(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                 commands.Lang
		report, ask, answer  string
		asked, kept          string
		second, status, note string
	}{
		{commands.Korean, "추가 여성 누계 800여 날짜:10/31", "추가 여성 5 날짜:2026. 10. 15.", "추가 여성 5 날짜:2026. 10. 15. 누계포함:예",
			"800여개 → 795여개", "800여개 유지(증가분 800여개 → 795여개)",
			"추가 여성 누계 900여 날짜:11/3", "현황 11월", "누계 900여개 → 증가분 100여개"},
		{commands.English, "add 800여 women cumulative date:2026-10-31", "add 5 women date:2026-10-15", "add 5 women date:2026-10-15 within:yes",
			"about 795", "about 795",
			"add 900여 women cumulative date:2026-11-03", "status november", "→ +about 100"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-11-06")
			h.run(manager, tc.report, commands.OutcomeOK)
			asked := h.svc.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceConsole}, tc.ask).Text()
			mustContain(t, asked, tc.asked)
			mustContain(t, h.run(manager, tc.answer, commands.OutcomeOK).Text(), tc.kept)
			h.run(manager, tc.second, commands.OutcomeOK)
			if inc := h.sqlInt(`SELECT count FROM entries WHERE kind = 'cumulative' AND as_of = '2026-11-03'`); inc != 100 {
				t.Fatalf("SQL: the second report's increment is %d, want 100", inc)
			}
			mustContain(t, h.run(manager, tc.status, commands.OutcomeOK).Text(), tc.note)
		})
	}
}
