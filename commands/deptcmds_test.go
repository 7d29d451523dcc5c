package commands_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// deptJobs is the plain sum of a department's live realised entries of 2026.
func (h *harness) deptJobs(dept string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `SELECT coalesce(sum(count), 0) FROM entries
		WHERE voided_at IS NULL AND status = 'realised' AND department = $1 AND as_of BETWEEN '2026-01-01' AND '2026-12-31'`, dept)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

func TestDeptAddShowAndReporters(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("USTAFF", "/jobs 부서 추가 창업지원과", commands.OutcomeRefused) // managers only
	h.run(manager, "/jobs dept add 창업지원과 <@U111|kim> <@U222> channel:<#C0123456|startup> aliases:창업과", commands.OutcomeOK)
	h.run(manager, "/jobs dept add 창업지원과 @lee", commands.OutcomeRefused) // plain text, no ID
	h.run(manager, "/jobs dept add 일자리정책과 <@U333>", commands.OutcomeOK)  // a seeded one gets reporters
	r := h.run("USTAFF", "/jobs 부서 보기 창업과", commands.OutcomeOK)
	mustContain(t, r.Text(), "창업지원과", "별칭: 창업과", "@U111 @U222", "#C0123456")
	depts, err := h.store.Departments(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(depts, func(d commands.Department) bool { return d.Name == "일자리정책과" })
	if i < 0 || !slices.Equal(depts[i].Reporters, []string{"U333"}) {
		t.Errorf("일자리정책과 = %+v", depts)
	}
	// The alias is now a department name for add, and an alias of another
	// department cannot take it.
	h.run("USTAFF", "/jobs add 3 youth dept:창업과", commands.OutcomeOK)
	if got := h.deptJobs("창업지원과"); got != 3 {
		t.Errorf("창업지원과 has %d jobs, want 3", got)
	}
	h.run(manager, "/jobs dept add 복지정책과 aliases:창업과", commands.OutcomeRefused)
	h.run(manager, "/jobs dept remove 창업지원과 <@U111>", commands.OutcomeOK)
	h.run(manager, "/jobs dept remove 일자리정책과", commands.OutcomeRefused) // youth still belongs to it
}

func TestDeptRenameAndMergeMoveTheFigures(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run(manager, "/jobs dept add 일자리경재과", commands.OutcomeOK) // a typo someone made a department
	h.run("USTAFF", "/jobs add 10 youth dept:일자리경재과", commands.OutcomeOK)
	h.run("USTAFF", "/jobs add 20 youth confirm:yes", commands.OutcomeOK)
	h.run(manager, "/jobs dept merge 일자리경재과 into 일자리정책과", commands.OutcomeOK)
	if got := h.deptJobs("일자리정책과"); got != 30 {
		t.Errorf("after merge 일자리정책과 has %d, want 30", got)
	}
	r := h.run("USTAFF", "/jobs status", commands.OutcomeOK)
	mustContain(t, r.Text(), "일자리정책과: 30")
	if strings.Contains(r.Text(), "일자리경재과") {
		t.Errorf("the merged department still shows:\n%s", r.Text())
	}
	h.run(manager, "/jobs dept rename 일자리정책과 일자리경제과", commands.OutcomeOK)
	h.run("USTAFF", "/jobs add 5 youth dept:일자리정책과", commands.OutcomeOK) // the old name still works
	if got := h.deptJobs("일자리경제과"); got != 35 {
		t.Errorf("after rename 일자리경제과 has %d, want 35", got)
	}
	r = h.run("USTAFF", "/jobs status", commands.OutcomeOK)
	mustContain(t, r.Text(), "일자리경제과: 35")
	var programDept string
	if err := h.store.DB().GetContext(context.Background(), &programDept, `SELECT department FROM programs WHERE code = 'youth'`); err != nil {
		t.Fatal(err)
	}
	if programDept != "일자리경제과" {
		t.Errorf("youth's department is %q after the rename", programDept)
	}
}

func TestDepartmentTargetsInStatusAndDigest(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang   commands.Lang
		status string
		digest string
	}{
		{commands.English, "복지정책과: 120 of 300 target (40%)", "Against department targets: 노인복지과 0 of 1,000 target (0%) · 복지정책과 120 of 300 target (40%)"},
		{commands.Korean, "복지정책과: 120개 / 목표 300개(달성률 40%)", "부서 목표 대비: 노인복지과 0개 / 목표 1,000개(달성률 0%) · 복지정책과 120개 / 목표 300개(달성률 40%)"},
	} {
		h := newHarness(t, tc.lang)
		h.run(manager, "/jobs target 300 dept:복지정책과", commands.OutcomeOK)
		h.run(manager, "/jobs dept target 노인복지과 1천", commands.OutcomeOK)
		h.run("USTAFF", "/jobs add 100 vulnerable date:2026-11-10", commands.OutcomeOK)
		h.run("USTAFF", "/jobs add 20 vulnerable date:2026-11-17", commands.OutcomeOK)
		if got := h.deptJobs("복지정책과"); got != 120 {
			t.Fatalf("복지정책과 has %d", got)
		}
		mustContain(t, h.run("USTAFF", "/jobs status", commands.OutcomeOK).Text(), tc.status)
		d, err := h.svc.Digest(context.Background(), time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		mustContain(t, h.svc.DigestReply(d).Text(), tc.digest)
	}
}

func TestNothingThisMonth(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "/jobs dept add 도시재생과 <@UREPORTER>", commands.OutcomeOK)
	r := h.run("UREPORTER", "/jobs 실적없음", commands.OutcomeOK) // their department, this month
	mustContain(t, r.Text(), "#1 기록: 도시재생과 2026년 11월 실적 없음")
	h.run("UREPORTER", "/jobs none", commands.OutcomeRepeated)
	h.run("USTAFF", "/jobs none 10월", commands.OutcomeRefused)            // reports for no department
	h.run("USTAFF", "/jobs none 10월 dept:도시재생과", commands.OutcomeRefused) // not its reporter
	h.run("UREPORTER", "/jobs none 10월 dept:도시재생과", commands.OutcomeOK)
	reported, err := h.store.ReportedDepartments(context.Background(), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !reported["도시재생과"] || len(reported) != 1 {
		t.Errorf("reported in November = %v", reported)
	}
	if h.yearTotal() != 0 {
		t.Errorf("a nothing report added jobs")
	}
	var id int64
	if err := h.store.DB().GetContext(context.Background(), &id,
		`SELECT id FROM nothing_reports WHERE month = '2026-11-01'`); err != nil {
		t.Fatal(err)
	}
	h.run("USTAFF", "/jobs void "+itoa(id), commands.OutcomeRefused) // not theirs
	h.run("UREPORTER", "/jobs void "+itoa(id)+" 실수", commands.OutcomeOK)
	h.run("UREPORTER", "/jobs void "+itoa(id), commands.OutcomeRepeated)
	reported, err = h.store.ReportedDepartments(context.Background(), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(reported) != 0 {
		t.Errorf("after the void, reported in November = %v", reported)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
