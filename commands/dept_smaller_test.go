package commands_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"jobsbot/commands"
)

// department looks a department up by its exact name, retired ones too.
func (h *harness) department(name string) (commands.Department, bool) {
	h.t.Helper()
	depts, err := h.store.Departments(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	i := slices.IndexFunc(depts, func(d commands.Department) bool { return d.Name == name })
	if i < 0 {
		return commands.Department{}, false
	}
	return depts[i], true
}

// The same department target again writes no "300 → 300" revision and says
// nothing changed; a redelivered target command is answered as handled.
func TestDeptTargetUnchangedAndRedelivered(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	ctx := context.Background()
	revisions := func() int {
		var n int
		if err := h.store.DB().GetContext(ctx, &n, `SELECT count(*) FROM department_target_revisions`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	h.run(manager, "/jobs 부서 목표 일자리정책과 300", commands.OutcomeOK)
	before := revisions()
	r := h.run(manager, "/jobs 부서 목표 일자리정책과 300", commands.OutcomeOK)
	mustContain(t, r.Title, "일자리정책과의 2026년 목표는 이미 300", "바뀐 것이 없습니다.")
	if n := revisions(); n != before {
		t.Errorf("the same target again wrote %d revisions", n-before)
	}
	caller := commands.Caller{UserID: manager, Source: commands.SourceSlash, IdempotencyKey: "trigger-dept-target"}
	if r := h.svc.Handle(ctx, caller, "/jobs dept target 일자리정책과 400 reason:budget"); r.Outcome != commands.OutcomeOK {
		t.Fatalf("first delivery: %s", r.Text())
	}
	h.run(manager, "/jobs dept target 일자리정책과 500 reason:budget", commands.OutcomeOK)
	if r := h.svc.Handle(ctx, caller, "/jobs dept target 일자리정책과 400 reason:budget"); r.Outcome != commands.OutcomeRepeated {
		t.Errorf("the redelivered 400 after a 500: %q %s", r.Outcome, r.Text())
	}
	targets, err := h.store.DepartmentTargets(ctx, 2026)
	if err != nil || targets["일자리정책과"] != 500 {
		t.Errorf("target %d (%v), want 500: the redelivery must not put 400 back", targets["일자리정책과"], err)
	}
}

// Renaming a department to its own name is no rename, and says so rather
// than calling it retired; renaming to one of its aliases drops that alias.
func TestDeptRenameToItselfOrItsAlias(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "/jobs dept add 가과 aliases:가나과,가다과", commands.OutcomeOK)
	r := h.run(manager, "/jobs dept rename 가과 가과", commands.OutcomeRefused)
	mustContain(t, r.Title, "부서 이름이 이미 가과입니다")
	if strings.Contains(r.Text(), "폐지") {
		t.Errorf("a rename to its own name is called retired: %s", r.Text())
	}
	h.run(manager, "/jobs dept rename 가과 가나과", commands.OutcomeOK)
	d, ok := h.department("가나과")
	if !ok || slices.Contains(d.Aliases, "가나과") || !slices.Contains(d.Aliases, "가과") || !slices.Contains(d.Aliases, "가다과") {
		t.Errorf("after renaming to its alias: %+v (found %v); want aliases 가다과 and 가과 only", d, ok)
	}
}

// A department retired and added again keeps its aliases, except one
// another department took meanwhile.
func TestDeptReAddKeepsAliases(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "/jobs dept add 창업지원과 aliases:창업과,스타트업과", commands.OutcomeOK)
	h.run(manager, "/jobs dept remove 창업지원과", commands.OutcomeOK)
	h.run(manager, "/jobs dept add 복지정책과 aliases:스타트업과", commands.OutcomeOK)
	h.run(manager, "/jobs dept add 창업지원과 aliases:신규과", commands.OutcomeOK)
	d, ok := h.department("창업지원과")
	if !ok || !d.Active || !slices.Contains(d.Aliases, "창업과") || !slices.Contains(d.Aliases, "신규과") || slices.Contains(d.Aliases, "스타트업과") {
		t.Errorf("re-added: %+v; want active with 창업과 and 신규과, not 스타트업과 (복지정책과's now)", d)
	}
	h.run("USTAFF", "/jobs add 2 youth dept:창업과", commands.OutcomeOK)
	if got := h.deptJobs("창업지원과"); got != 2 {
		t.Errorf("an add through the kept alias credited %d to 창업지원과, want 2", got)
	}
}

// A Korean user's Undo of 실적 없음 records a Korean reason.
func TestNothingUndoReasonInKorean(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "/jobs dept add 도시재생과 <@UREPORTER>", commands.OutcomeOK)
	r := h.run("UREPORTER", "/jobs 실적없음", commands.OutcomeOK)
	if len(r.Actions) == 0 || r.Actions[0].ID != commands.ActionUndo {
		t.Fatalf("no Undo button: %+v", r.Actions)
	}
	h.run("UREPORTER", r.Actions[0].Command, commands.OutcomeOK)
	var reason string
	if err := h.store.DB().GetContext(context.Background(), &reason, `SELECT void_reason FROM nothing_reports`); err != nil {
		t.Fatal(err)
	}
	if reason != "기록 확인 메시지에서 취소" {
		t.Errorf("the Undo recorded %q", reason)
	}
}
