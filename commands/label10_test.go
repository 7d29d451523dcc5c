package commands_test

import (
	"regexp"
	"strings"
	"testing"

	"jobsbot/commands"
)

// label10WeekMonth matches the 이번 주·이번 달 line as status writes it
// (a week cut at 1 January says so in parentheses).
func label10WeekMonth(lang commands.Lang, week, month int64) *regexp.Regexp {
	w, m := "This week", "This month"
	if lang == commands.Korean {
		w, m = "이번 주", "이번 달"
	}
	return regexp.MustCompile("(?m)^" + w + "(?: ?\\([^)]*\\))? " + regexp.QuoteMeta(label9Fig(lang, week, false)) +
		" · " + m + " " + regexp.QuoteMeta(label9Fig(lang, month, false)) + "$")
}

// Review r45 L1: on 2027. 1. 5., 현황 said "이번 주·이번 달 실적에 넣지
// 않은 올해 첫 누계 보고: 청년일자리 #32" over "이번 주 0개 · 이번 달 39개",
// and 39 held the 30 it said it left out. January starts with the year, so
// the year's first 누계 is January's own (its jobs of 1–4 January): only
// this week (from Monday 1/4) leaves it out, and the note names this week
// alone. A report left out of this month but dated before this week is
// named under this month alone; a week that began in December counts from
// 1 January in the year's view and keeps a first 누계 of 2 January.
func TestLabel10NoteNamesOnlyThePeriodsThatLeaveTheReportOut(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, lang, today string
		lines, views      []string
		weekFrom, monthTo string
		named, notNamed   []string // note openings that must and must not appear
		leftOut           string   // the program whose first 누계 is named, "" for none
	}{
		{
			name: "january", lang: "ko", today: "2027-01-05",
			lines:    []string{"/jobs 목표 5만", "/jobs 추가 청년 누계 30 날짜:1/4", "/jobs 추가 노인 9 날짜:1/2"},
			views:    []string{"/jobs 현황", "/jobs 현황 1월"},
			weekFrom: "2027-01-04", monthTo: "2027-01-05",
			named: []string{"이번 주 실적에 넣지 않은 올해 첫 누계 보고", "이번 주에 새로 만들어진"}, notNamed: []string{"이번 달 실적에 넣지", "이번 달에 새로", "이번 주·"},
			leftOut: "youth",
		},
		{
			name: "january", lang: "en", today: "2027-01-05",
			lines:    []string{"/jobs target 50,000", "/jobs add 30 youth cumulative date:2027-01-04", "/jobs add 9 senior date:2027-01-02"},
			views:    []string{"/jobs status", "/jobs status january"},
			weekFrom: "2027-01-04", monthTo: "2027-01-05",
			named: []string{"Left out of this week:", "not jobs of this week;"}, notNamed: []string{"this month", "this week and"},
			leftOut: "youth",
		},
		{
			name: "month-only", lang: "ko", today: "2027-02-10",
			lines:    []string{"/jobs 목표 5만", "/jobs 추가 노인 9 날짜:1/20", "/jobs 추가 청년 누계 40 날짜:2/3"},
			views:    []string{"/jobs 현황"},
			weekFrom: "2027-02-08", monthTo: "2027-02-10",
			named: []string{"이번 달 실적에 넣지 않은 올해 첫 누계 보고", "이번 달에 새로 만들어진"}, notNamed: []string{"이번 주 실적에 넣지", "이번 주·"},
			leftOut: "youth",
		},
		{
			name: "month-only", lang: "en", today: "2027-02-10",
			lines:    []string{"/jobs target 50,000", "/jobs add 9 senior date:2027-01-20", "/jobs add 40 youth cumulative date:2027-02-03"},
			views:    []string{"/jobs status"},
			weekFrom: "2027-02-08", monthTo: "2027-02-10",
			named: []string{"Left out of this month:", "not jobs of this month;"}, notNamed: []string{"Left out of this week", "this week and"},
			leftOut: "youth",
		},
		{
			// week 53 of 2026 runs 12/28–1/3; the year's view counts it
			// from 1 January, which holds the report's whole span
			name: "week-across-years", lang: "ko", today: "2027-01-02",
			lines:    []string{"/jobs 목표 5만", "/jobs 추가 청년 누계 30 날짜:1/2"},
			views:    []string{"/jobs 현황", "/jobs 현황 1월"},
			weekFrom: "2027-01-01", monthTo: "2027-01-02",
			notNamed: []string{"첫 누계 보고"},
		},
		{
			name: "week-across-years", lang: "en", today: "2027-01-02",
			lines:    []string{"/jobs target 50,000", "/jobs add 30 youth cumulative date:2027-01-02"},
			views:    []string{"/jobs status", "/jobs status january"},
			weekFrom: "2027-01-01", monthTo: "2027-01-02",
			notNamed: []string{"first cumulative"},
		},
	} {
		t.Run(tc.name+"/"+tc.lang, func(t *testing.T) {
			t.Parallel()
			lang := commands.Lang(tc.lang)
			h := r32At(t, lang, tc.today)
			for _, line := range tc.lines {
				h.run(manager, line, commands.OutcomeOK)
			}
			monthFrom := tc.monthTo[:8] + "01"
			week := h.sqlInt(label9PeriodSQL, tc.weekFrom, tc.today, "")
			month := h.sqlInt(label9PeriodSQL, monthFrom, tc.monthTo, "")
			plainMonth := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL
				AND status = 'realised' AND as_of BETWEEN $1::date AND $2::date`, monthFrom, tc.monthTo)
			if tc.name == "january" && (month != plainMonth || month != 39 || week != 0) {
				t.Fatalf("SQL: January %d (plain sum %d), this week %d; the scenario wants 39, 39 and 0", month, plainMonth, week)
			}
			if tc.name == "month-only" && (month != 0 || plainMonth != 40) {
				t.Fatalf("SQL: February %d (plain sum %d); the scenario wants 0 and 40", month, plainMonth)
			}
			for _, view := range tc.views {
				text := h.run(manager, view, commands.OutcomeOK).Text()
				if re := label10WeekMonth(lang, week, month); !re.MatchString(text) {
					t.Errorf("%s: no line matches %s (SQL):\n%s", view, re, text)
				}
				mustContain(t, text, tc.named...)
				for _, bad := range tc.notNamed {
					if strings.Contains(text, bad) {
						t.Errorf("%s: names %q:\n%s", view, bad, text)
					}
				}
				if tc.leftOut != "" {
					id := h.sqlInt(`SELECT e.id FROM entries e JOIN programs p ON p.id = e.program_id
						WHERE p.code = $1 AND e.kind = 'cumulative'`, tc.leftOut)
					mustContain(t, text, "#"+strings.TrimSpace(label9Fig(commands.English, id, false)))
				}
			}
		})
	}
}
