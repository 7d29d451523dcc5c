package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/numbers"
)

// label9PeriodSQL defines a period's 실적 (review r41 F8): the live
// realised entries dated in [from, to], less every program's first 누계
// report of its year when that year began before from. Such a report is the
// program's first live realised entry of the year (nothing of it dated, or
// recorded the same day, before it), so its increment is the year to date
// through its date, not jobs of the period.
const label9PeriodSQL = `SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
	WHERE e.voided_at IS NULL AND e.status = 'realised' AND e.as_of BETWEEN $1::date AND $2::date
	  AND ($3 = '' OR p.code = $3)
	  AND NOT (` + label9FirstSQL + `)`

// label9LumpSQL is the part left out: those first 누계 reports' sum.
const label9LumpSQL = `SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
	WHERE e.voided_at IS NULL AND e.status = 'realised' AND e.as_of BETWEEN $1::date AND $2::date
	  AND ($3 = '' OR p.code = $3)
	  AND (` + label9FirstSQL + `)`

// label9FirstSQL: e is a 누계 report, its year began before the period's
// first day ($1), and no live realised entry of its program in its year
// comes before it (by date, then number) but deltas recorded after it
// (review r47 F1).
const label9FirstSQL = `e.kind = 'cumulative' AND date_trunc('year', e.as_of)::date < $1::date
	AND NOT EXISTS (SELECT 1 FROM entries f WHERE f.program_id = e.program_id AND f.voided_at IS NULL
	  AND f.status = 'realised' AND f.as_of >= date_trunc('year', e.as_of)::date AND (f.as_of, f.id) < (e.as_of, e.id)
	  AND (f.kind = 'cumulative' OR f.id < e.id))`

// label9YearSQL is the year's 누계 through $2: every live realised entry
// from 1 January, first 누계 reports included.
const label9YearSQL = `SELECT coalesce(sum(e.count), 0) FROM entries e
	WHERE e.voided_at IS NULL AND e.status = 'realised' AND e.as_of BETWEEN date_trunc('year', $1::date)::date AND $1::date`

// label9Fig writes n as the reply does, approximate or not.
func label9Fig(lang commands.Lang, n int64, approx bool) string {
	f := numbers.Format(n)
	switch {
	case approx && lang == commands.Korean:
		return f + "여개"
	case lang == commands.Korean:
		return f + "개"
	case approx:
		return "about " + f
	}
	return f
}

// Review r41 F8: a program's first 누계 of the year, dated in a later period,
// was counted whole as that period's 실적 (`4분기 실적 2,597여개` held a
// 10월말 첫 누계 of 1,200여 made from January on). Every period view (현황
// of a quarter, a month and this week, the program lines and 이번 주·이번
// 달, 보고서 <기간>'s 기간 실적, the weekly digest) now leaves such reports
// out and names them under the figure; the year's 누계 keeps them. Each
// figure is compared with the SQL above.
func TestLabel9FirstCumulativeIsNoPeriodsJobs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                                 commands.Lang
		lines                                []string
		quarter, week, month, report, digest string
		q4Head, weekHead, octHead            string
		senior, disabled, women              string // program line prefixes
		note, yearNote, approx               string
		partHeading, digestWeek, yearHead    string
	}{
		{
			lang: commands.Korean,
			lines: []string{
				"/jobs 목표 5,000 사업:노인",
				"/jobs 추가 청년 300 날짜:3/15",
				"/jobs 추가 청년 200 날짜:10/15",
				"/jobs 추가 노인 누계 1,200여 날짜:10/31",
				"/jobs 추가 장애인 누계 400 날짜:11/10",
				"/jobs 추가 노인 누계 2,130여 날짜:11/17",
				"/jobs 추가 여성 누계 50 날짜:11/17",
				"/jobs 추가 청년 97 날짜:11/18",
			},
			quarter: "/jobs 현황 4분기", week: "/jobs 현황 이번주", month: "/jobs 현황 10월", report: "/jobs 보고서 4분기", digest: "/jobs 주간보고",
			q4Head: "2026년 4분기 실적 ", weekHead: "2026년 47주차 (11. 16.~11. 22.) 실적 ", octHead: "2026년 10월 실적 ",
			senior: "노인 일자리 · 공공: ", disabled: "장애인 일자리 · 공공: ", women: "여성 일자리 · 공공: ",
			note: "실적에 넣지 않은 올해 첫 누계 보고", yearNote: "연간 누계에는 들어 있습니다", approx: "이 가운데 %s개는 '여'",
			partHeading: "누계 아님", digestWeek: "이번 주 %s개 (전주", yearHead: "누계 ",
		},
		{
			lang: commands.English,
			lines: []string{
				"/jobs target 5,000 program:senior",
				"/jobs add 300 youth date:2026-03-15",
				"/jobs add 200 youth date:2026-10-15",
				"/jobs add 1,200여 senior cumulative date:2026-10-31",
				"/jobs add 400 disabled cumulative date:2026-11-10",
				"/jobs add 2,130여 senior cumulative date:2026-11-17",
				"/jobs add 50 women cumulative date:2026-11-17",
				"/jobs add 97 youth date:2026-11-18",
			},
			quarter: "/jobs status q4", week: "/jobs status this week", month: "/jobs status october", report: "/jobs report q4", digest: "/jobs digest",
			q4Head: "Total in 2026 Q4: ", weekHead: "Total in week 47 of 2026 (Nov 16–22): ", octHead: "Total in 2026-10: ",
			senior: "Jobs for seniors (senior) · Public: ", disabled: "Jobs for disabled people (disabled) · Public: ", women: "Jobs for women (women) · Public: ",
			note: "the year's first cumulative reports", yearNote: "the year to date counts them", approx: "Includes %s reported as approximate",
			partHeading: "created in the period", digestWeek: "This week: %s jobs", yearHead: "",
		},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-11-20") // a Friday: week 47 is 11/16–11/22
			for _, line := range tc.lines {
				h.run(manager, line, commands.OutcomeOK)
			}
			period := func(from, to, code string) int64 { return h.sqlInt(label9PeriodSQL, from, to, code) }
			lump := func(from, to, code string) int64 { return h.sqlInt(label9LumpSQL, from, to, code) }
			firstID := func(code string) string {
				return "#" + numbers.Format(h.sqlInt(`SELECT min(e.id) FROM entries e JOIN programs p ON p.id = e.program_id
					WHERE p.code = $1 AND e.kind = 'cumulative'`, code))
			}

			// 현황 4분기: the headline and each program's line are the
			// period's own jobs; the three first 누계 reports are named.
			q := h.run(manager, tc.quarter, commands.OutcomeOK).Text()
			q4 := period("2026-10-01", "2026-11-20", "")
			if q4 != 1227 || lump("2026-10-01", "2026-11-20", "") != 1650 {
				t.Fatalf("SQL: 4분기 %d, first 누계 %d; the scenario wants 1,227 and 1,650", q4, lump("2026-10-01", "2026-11-20", ""))
			}
			mustContain(t, q, tc.q4Head+label9Fig(tc.lang, q4, true),
				tc.senior+label9Fig(tc.lang, period("2026-10-01", "2026-11-20", "senior"), true),
				tc.disabled+label9Fig(tc.lang, period("2026-10-01", "2026-11-20", "disabled"), false),
				tc.women+label9Fig(tc.lang, period("2026-10-01", "2026-11-20", "women"), false),
				tc.note, tc.yearNote, firstID("senior"), firstID("disabled"), firstID("women"),
				strings.Replace(tc.approx, "%s", numbers.Format(period("2026-10-01", "2026-11-20", "senior")), 1))
			// the 누계 report that is not the year's first stays in: its
			// increment since the report before is the quarter's
			mustContain(t, q, "#"+numbers.Format(h.sqlInt(`SELECT max(e.id) FROM entries e JOIN programs p ON p.id = e.program_id
				WHERE p.code = 'senior' AND e.kind = 'cumulative'`)))

			// 현황 이번주: the women's first 누계 of 11/17 is left out.
			w := h.run(manager, tc.week, commands.OutcomeOK).Text()
			week := period("2026-11-16", "2026-11-20", "")
			mustContain(t, w, tc.weekHead+label9Fig(tc.lang, week, true), tc.note, firstID("women"),
				tc.women+label9Fig(tc.lang, period("2026-11-16", "2026-11-20", "women"), false))
			if lump("2026-11-16", "2026-11-20", "") != 50 {
				t.Errorf("SQL: this week's first 누계 %d, want 50", lump("2026-11-16", "2026-11-20", ""))
			}
			if strings.Contains(w, firstID("senior")+" ") || strings.Contains(w, firstID("disabled")) {
				t.Errorf("this week names a first 누계 of another week:\n%s", w)
			}

			// 현황 10월: the 10월말 첫 누계 is no October job.
			o := h.run(manager, tc.month, commands.OutcomeOK).Text()
			mustContain(t, o, tc.octHead+label9Fig(tc.lang, period("2026-10-01", "2026-10-31", ""), false),
				tc.senior+label9Fig(tc.lang, period("2026-10-01", "2026-10-31", "senior"), false), tc.note, firstID("senior"))

			// 현황: the year's 누계 keeps every first 누계.
			y := h.run(manager, "/jobs status", commands.OutcomeOK).Text()
			year := h.sqlInt(label9YearSQL, "2026-11-20")
			if year != 3177 {
				t.Fatalf("SQL: year to date %d, want 3,177", year)
			}
			mustContain(t, y, label9Fig(tc.lang, year, true))
			if tc.yearHead != "" {
				mustContain(t, y, tc.yearHead+label9Fig(tc.lang, year, true))
			}
			if strings.Contains(y, tc.note) {
				// This week's women report is left out of 이번 주 and 이번
				// 달 only, and named so.
				mustContain(t, y, byLang(tc.lang, "this week and this month", "이번 주·이번 달"))
			}

			// 보고서 4분기: the 기간 실적 column's total row.
			rep := h.run(manager, tc.report, commands.OutcomeOK)
			found := false
			for _, sec := range rep.Sections {
				if !strings.Contains(sec.Heading, tc.partHeading) || len(sec.Lines) == 0 {
					continue
				}
				found = true
				last := strings.TrimSpace(sec.Lines[len(sec.Lines)-1])
				want := numbers.Format(q4)
				if tc.lang == commands.Korean {
					want += "여"
				} else {
					want = "about " + want
				}
				if !strings.HasSuffix(last, want) {
					t.Errorf("report's 기간 실적 total row %q, want it to end in %q (SQL)", last, want)
				}
			}
			if !found {
				t.Fatalf("report has no period section:\n%s", rep.Text())
			}
			mustContain(t, rep.Text(), tc.note, firstID("senior"), firstID("disabled"), firstID("women"))

			// 주간보고 (week 46, 11/9–11/15): the disabled first 누계 of
			// 11/10 is no job of the week.
			d := h.run(manager, tc.digest, commands.OutcomeOK).Text()
			dw := period("2026-11-09", "2026-11-15", "")
			mustContain(t, d, strings.Replace(tc.digestWeek, "%s", numbers.Format(dw), 1), tc.note, firstID("disabled"))
			if lump("2026-11-09", "2026-11-15", "") != 400 {
				t.Errorf("SQL: week 46's first 누계 %d, want 400", lump("2026-11-09", "2026-11-15", ""))
			}
		})
	}
}

// A period from 1 January (1분기, 상반기, a month of January) holds the
// whole span of the year's first 누계: nothing is left out, and no note.
func TestLabel9FirstCumulativeInAPeriodFromJanuary(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang            commands.Lang
		add, view, head string
		note            string
	}{
		{commands.Korean, "/jobs 추가 노인 누계 400 날짜:3/31", "/jobs 현황 1분기", "2026년 1분기 실적 ", "첫 누계 보고"},
		{commands.English, "/jobs add 400 senior cumulative date:2026-03-31", "/jobs status q1", "Total in 2026 Q1: ", "first cumulative"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, tc.lang, time.Date(2026, time.April, 10, 1, 0, 0, 0, time.UTC))
			h.run(manager, tc.add, commands.OutcomeOK)
			text := h.run(manager, tc.view, commands.OutcomeOK).Text()
			q1 := h.sqlInt(label9PeriodSQL, "2026-01-01", "2026-03-31", "")
			if q1 != 400 {
				t.Fatalf("SQL: 1분기 %d, want 400", q1)
			}
			mustContain(t, text, tc.head+label9Fig(tc.lang, q1, false))
			if strings.Contains(text, tc.note) {
				t.Errorf("a period from 1 January names a first 누계 apart:\n%s", text)
			}
		})
	}
}
