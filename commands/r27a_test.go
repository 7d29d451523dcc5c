package commands_test

import (
	"strconv"
	"strings"
	"testing"

	"jobsbot/commands"
)

// reportRowLines returns every line
// of text starting with label, in order: one per monthly table.
func reportRowLines(text, label string) []string {
	var out []string
	for l := range strings.SplitSeq(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), label) {
			out = append(out, l)
		}
	}
	return out
}

// Review r27 F5: the monthly report by program (the default 보고서) marks
// the month a program's department said 실적 없음 for, not the "-" of a
// month nobody reported, and says what the marks mean.
func TestR27aReportByProgramMarksSaidNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang          commands.Lang
		senior, women string
		cell, note    string
	}{
		{commands.Korean, "노인 일자리", "여성 일자리", "실적 없음", "실적 없음: 그 달 실적이 없다고 보고한 달입니다. -는 실적도, 실적 없음 보고도 없는 달입니다."},
		{commands.English, "Jobs for seniors", "Jobs for women", "none rep.", "none rep.: the department reported no jobs (실적 없음) for that month; - is a month with no jobs and no such report."},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tc.lang)
			h.run(manager, "실적없음 부서:노인복지과 2026-10", commands.OutcomeOK)
			h.run(manager, "추가 5 청년 날짜:2026-10-02", commands.OutcomeOK)
			if n := h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id WHERE p.code IN ('senior', 'women') AND e.voided_at IS NULL`); n != 0 {
				t.Fatalf("senior + women SUM = %d, want 0", n)
			}
			youth := h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id WHERE p.code = 'youth' AND e.voided_at IS NULL AND e.as_of BETWEEN '2026-10-01' AND '2026-10-31'`)
			text := h.run(manager, "보고서 10월", commands.OutcomeOK).Text()
			senior := reportRowLines(text, tc.senior)
			if len(senior) < 2 {
				t.Fatalf("no July–October row of %s:\n%s", tc.senior, text)
			}
			if !strings.HasSuffix(strings.TrimSpace(senior[1]), tc.cell) {
				t.Errorf("%s's October cell is not %q: %q\n%s", tc.senior, tc.cell, senior[1], text)
			}
			if strings.Count(senior[1], tc.cell) != 1 {
				t.Errorf("months the department did not say 실적 없음 for are marked: %q", senior[1])
			}
			for _, l := range reportRowLines(text, tc.women) {
				if strings.Contains(l, tc.cell) {
					t.Errorf("a department that said nothing is marked %q: %q", tc.cell, l)
				}
			}
			if y := reportRowLines(text, map[commands.Lang]string{commands.Korean: "청년일자리", commands.English: "Youth jobs"}[tc.lang]); len(y) < 2 || !strings.HasSuffix(strings.TrimSpace(y[1]), strconv.FormatInt(youth, 10)) {
				t.Errorf("youth's October is not the SQL SUM %d: %q", youth, y)
			}
			mustContain(t, text, tc.note)
		})
	}
}
