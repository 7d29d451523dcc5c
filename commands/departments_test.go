package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// addDepartment puts a department on the managed list.
func (h *harness) addDepartment(name string) {
	h.t.Helper()
	if _, err := h.store.AddDepartment(context.Background(), commands.Department{Name: name}); err != nil {
		h.t.Fatal(err)
	}
}

// entryCount is how many entries the ledger holds, voided ones included.
func (h *harness) entryCount() int {
	h.t.Helper()
	var n int
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM entries`); err != nil {
		h.t.Fatal(err)
	}
	return n
}

func TestMistypedDepartmentIsRefusedWithSuggestions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		wants []string
	}{
		{commands.English, []string{"`일자리경제과` is not a department on the list. Did you mean", "일자리정책과", "Usage:"}},
		{commands.Korean, []string{"`일자리경제과`: 부서 목록에 없는 부서입니다. 이름이 비슷한 부서:", "일자리정책과"}},
	} {
		h := newHarness(t, tc.lang)
		r := h.run("USTAFF", "/jobs add 10 youth dept:일자리경제과", commands.OutcomeRefused)
		mustContain(t, r.Text(), tc.wants...)
		if n := h.entryCount(); n != 0 {
			t.Errorf("%s: a refused add wrote %d entries", tc.lang, n)
		}
		// The form refuses it the same way, on the department field.
		_, errs := h.svc.SubmitAddForm(context.Background(), commands.Caller{UserID: "USTAFF", Source: commands.SourceModal},
			commands.AddForm{Program: "youth", Count: "10", Department: "일자리경제과"})
		if !strings.Contains(errs[commands.FieldDepartment], "일자리정책과") {
			t.Errorf("%s: form errors = %v, want a suggestion on the department field", tc.lang, errs)
		}
		if n := h.entryCount(); n != 0 {
			t.Errorf("%s: a refused form wrote %d entries", tc.lang, n)
		}
	}
}

func TestLookAlikeDepartmentMapsToTheSameDepartment(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run("USTAFF", "/jobs add 10 vulnerable dept:복지정책과", commands.OutcomeOK)
	// A right-to-left mark and decomposed jamo (ㅂ+ㅗ+ㄱ…) look like
	// 복지정책과 and must land on it; a zero-width space is refused as
	// typed (k34), writing nothing.
	decomposed := "\u1107\u1169\u11a8\u110c\u1175\u110c\u1165\u11bc\u110e\u1162\u11a8\u1100\u116a"
	h.run("USTAFF", "/jobs add 4 vulnerable dept:복지\u200b정책과", commands.OutcomeRefused)
	for i, typed := range []string{"\u200f복지정책과", decomposed, `"복지  정책과"`} {
		// A count of its own for each: the same entry twice waits for confirmation.
		h.run("USTAFF", fmt.Sprintf("/jobs add %d vulnerable dept:%s", 5+i, typed), commands.OutcomeOK)
	}
	var names []string
	if err := h.store.DB().SelectContext(context.Background(), &names, `SELECT DISTINCT department FROM entries`); err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 || names[0] != "복지정책과" {
		t.Errorf("entries are credited to %q, want only 복지정책과", names)
	}
	r := h.run("USTAFF", "/jobs status", commands.OutcomeOK)
	if got := strings.Count(r.Text(), "복지정책과:"); got != 1 {
		t.Errorf("status lists 복지정책과 %d times:\n%s", got, r.Text())
	}
	var sum int64
	if err := h.store.DB().GetContext(context.Background(), &sum, `SELECT sum(count) FROM entries WHERE department = '복지정책과'`); err != nil || sum != 28 {
		t.Fatalf("SQL sum %d (%v), want 10+5+6+7 = 28", sum, err)
	}
	mustContain(t, r.Text(), "복지정책과: 28")
}

// TestDepartmentFloodIsRefused is the abuse of issue 10: a non-manager adds
// and undoes entries with 300 new department names. Every add is refused,
// nothing is written and status lists no more departments than the managed list.
// 300, not the 2,500 of the report: nothing in the code counts departments
// (no cap, no bounded cache), so any add let through fails on the first
// name, and the flood's 5,000 commands were 228 s of a loaded CI run.
func TestDepartmentFloodIsRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	managed, err := h.store.Departments(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		h.run("USTAFF", fmt.Sprintf("/jobs add 1 youth dept:Z%04d", i), commands.OutcomeRefused)
		h.run("USTAFF", "/jobs undo", commands.OutcomeRefused)
	}
	if n := h.entryCount(); n != 0 {
		t.Fatalf("the flood wrote %d entries", n)
	}
	r := h.run("USTAFF", "/jobs status", commands.OutcomeOK)
	var lines []string
	for _, sec := range r.Sections {
		if sec.Heading == "By department" {
			lines = sec.Lines
		}
	}
	if len(lines) == 0 || len(lines) > len(managed) {
		t.Errorf("status lists %d departments, the managed list has %d:\n%s", len(lines), len(managed), r.Text())
	}
	if strings.Contains(r.Text(), "Z0") {
		t.Errorf("status shows a flood department:\n%s", r.Text())
	}
}

func TestStatusOfAnUnknownDepartmentSuggests(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	r := h.run("USTAFF", "/jobs status dept:복지정책", commands.OutcomeRefused)
	mustContain(t, r.Text(), "`복지정책`: 부서 목록에 없는 부서입니다. 이름이 비슷한 부서:", "복지정책과")
	h.run("USTAFF", "/jobs add 7 vulnerable", commands.OutcomeOK)
	mustContain(t, h.run("USTAFF", "/jobs status dept:복지\u200f정책과", commands.OutcomeOK).Text(), "2026년 · 복지정책과", "누계 7개")
}
