package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// deptSumSQL is a plain SUM of the live realised jobs of 2026 of one
// program credited to dept ("" for every department).
func (h *harness) deptSumSQL(code, dept string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE e.voided_at IS NULL AND e.status = 'realised' AND p.code = $1 AND ($2 = '' OR e.department = $2)
		  AND e.as_of BETWEEN '2026-01-01' AND '2026-12-31'`, code, dept)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// A department's status shows its own programs against their targets, and
// another department's program only where it has jobs there, named as that
// department's and without its target: 청년일자리 0/500 (0%) in
// 노인복지과's status read as its shortfall (review r4 L3). Its own
// program's 달성률 counts the whole program, as its target does.
func TestDepartmentStatusShowsOnlyItsOwnTargets(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		for _, line := range []string{
			"target 20000",
			"target 500 program:youth",
			"target 1000 program:senior",
			"dept target 노인복지과 300",
			"add 100 senior date:2026-05-03",
			"add 50 senior date:2026-05-03 dept:일자리정책과",
			"add 200 youth date:2026-05-04",
			"add 30 youth date:2026-05-05 dept:노인복지과",
		} {
			h.run(manager, line, commands.OutcomeOK)
		}
		names := map[string]string{"youth": "Youth jobs", "senior": "Jobs for seniors", "rail": "Rail-side redevelopment"}
		if lang == commands.Korean {
			names = map[string]string{"youth": "청년일자리", "senior": "노인 일자리", "rail": "고속철도변 정비사업"}
		}
		lineOf := func(text, code string) string {
			for _, l := range strings.Split(text, "\n") {
				if strings.HasPrefix(l, names[code]+" ") && strings.Contains(l, ": ") { // English adds the code: "Youth jobs (youth) · Public: …"
					return l
				}
			}
			return ""
		}
		whole := func(code string) string {
			if lang == commands.Korean {
				return "사업 전체 " + formatCount(h.deptSumSQL(code, "")) + "개"
			}
			return "whole program " + formatCount(h.deptSumSQL(code, ""))
		}
		for _, c := range []struct{ dept, own, other, otherDept string }{
			{"노인복지과", "senior", "youth", "일자리정책과"},
			{"일자리정책과", "youth", "senior", "노인복지과"},
		} {
			text := h.run("U1", "status dept:"+c.dept, commands.OutcomeOK).Text()
			own := lineOf(text, c.own)
			target := map[string]int64{"youth": 500, "senior": 1000}[c.own]
			rate := fmt.Sprintf("%d%%", (h.deptSumSQL(c.own, "")*100+target/2)/target)
			mustContain(t, own, formatCount(h.deptSumSQL(c.own, c.dept)), whole(c.own), formatCount(target), rate)
			other := lineOf(text, c.other)
			mustContain(t, other, formatCount(h.deptSumSQL(c.other, c.dept)), c.otherDept)
			if strings.Contains(other, "%") || strings.Contains(other, formatCount(map[string]int64{"youth": 500, "senior": 1000}[c.other])) {
				t.Errorf("%s %s: another department's program shows its target: %q", lang, c.dept, other)
			}
			if l := lineOf(text, "rail"); l != "" {
				t.Errorf("%s %s: a program of 도시재생과 without its jobs is listed: %q", lang, c.dept, l)
			}

			// One program and one department: the department's part is
			// not compared with the program's target; the whole program
			// is, for its own program, and another's is named as such.
			text = h.run("U1", "status "+c.own+" dept:"+c.dept, commands.OutcomeOK).Text()
			wholeLine := "Whole program (every department): " + formatCount(h.deptSumSQL(c.own, ""))
			if lang == commands.Korean {
				wholeLine = "사업 전체(모든 부서): " + formatCount(h.deptSumSQL(c.own, "")) + "개"
			}
			mustContain(t, text, formatCount(h.deptSumSQL(c.own, c.dept)), wholeLine, formatCount(target), rate)
			if strings.Contains(text, fmt.Sprintf("%d%%", (h.deptSumSQL(c.own, c.dept)*100+target/2)/target)) {
				t.Errorf("%s %s %s: the department's part is compared with the program's target:\n%s", lang, c.own, c.dept, text)
			}
			text = h.run("U1", "status "+c.other+" dept:"+c.dept, commands.OutcomeOK).Text()
			mustContain(t, text, formatCount(h.deptSumSQL(c.other, c.dept)), c.otherDept)
			if strings.Contains(text, "%") {
				t.Errorf("%s %s %s: another department's program shows a rate:\n%s", lang, c.other, c.dept, text)
			}
		}
	}
}
