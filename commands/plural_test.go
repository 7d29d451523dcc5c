package commands_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
)

// English counts read right: one job, two jobs (go-i18n's plural forms);
// Korean has one form, with its counter.
func TestRecordedReplyCountsJobsInTheRightNumber(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	one := h.run(manager, "add 1 youth date:2026-11-20", commands.OutcomeOK)
	mustContain(t, one.Title, ": 1 job for ")
	two := h.run(manager, "add 2 youth date:2026-11-20 confirm:yes", commands.OutcomeOK)
	mustContain(t, two.Title, ": 2 jobs for ")
	if n := h.yearTotal(); n != 3 {
		t.Errorf("year total %d; want the 3 jobs added", n)
	}
	ko := newHarness(t, commands.Korean)
	r := ko.run(manager, "추가 1 youth 날짜:2026-11-20", commands.OutcomeOK)
	mustContain(t, r.Title, " 1개")
}

// Counts of one read in the singular wherever English counts a noun: the
// entries and jobs a void took out, a department's live entries, the
// departments a reminder round goes to. Korean reads as it always did.
func TestEnglishCountsOfOneAreSingular(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run(manager, "/jobs dept add 도시재생과 <@UCITY>", commands.OutcomeOK)
	h.run("U1", "add 1 youth date:2026-10-30", commands.OutcomeOK)
	h.run("U1", "void 1 typed twice", commands.OutcomeOK)
	jobs := h.voidedSQL("realised")
	if jobs != 1 {
		t.Fatalf("voided jobs %d; want the 1 job voided", jobs)
	}
	mustContain(t, h.run("U1", "list voided", commands.OutcomeOK).Title, "Voided entries dated in 2026 (whenever voided): 1 entry, 1 job taken out")

	h.run("U1", "add 2 youth date:2026-10-30", commands.OutcomeOK)
	h.run("U1", "add 3 youth date:2026-10-30 confirm:yes", commands.OutcomeOK)
	h.run("U1", "void 3 typed twice", commands.OutcomeOK)
	mustContain(t, h.run("U1", "list voided", commands.OutcomeOK).Title, "Voided entries dated in 2026 (whenever voided): 2 entries, 4 jobs taken out")
	h.run("U1", "add 4 youth date:2026-10-30 confirm:yes", commands.OutcomeOK)
	var dept string
	if err := h.store.DB().GetContext(context.Background(), &dept, `SELECT department FROM entries WHERE id = 4`); err != nil {
		t.Fatal(err)
	}
	mustContain(t, h.run("U1", "list dept:"+dept, commands.OutcomeOK).Text(), dept+": 2 live entries, "+formatCount(h.deptJobs(dept))+" jobs")
	h.run("U1", "void 4 typed twice", commands.OutcomeOK)
	mustContain(t, h.run("U1", "list dept:"+dept, commands.OutcomeOK).Text(), dept+": 1 live entry, "+formatCount(h.deptJobs(dept))+" jobs")

	// Every department but the one added above reports in November.
	depts, err := h.store.Departments(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range depts {
		if d.Name != "도시재생과" {
			h.run("U1", "add 5 youth confirm:yes dept:"+d.Name, commands.OutcomeOK)
		}
	}
	r := h.run("U1", "remind preview", commands.OutcomeOK)
	mustContain(t, r.Title, "due 2026-11-25 10:00", ": 1 department")
	if strings.HasSuffix(r.Title, "departments") {
		t.Errorf("one silent department counted in the plural: %s", r.Title)
	}
	mustContain(t, r.Text(), "도시재생과 → @UCITY")

	ko := newHarness(t, commands.Korean)
	ko.run("U1", "추가 1 청년 날짜:2026-10-30", commands.OutcomeOK)
	ko.run("U1", "무효 1 중복 기록", commands.OutcomeOK)
	mustContain(t, ko.run("U1", "목록 무효", commands.OutcomeOK).Title, "2026년 무효 처리 실적(기준일 기준): 1건, 일자리 1개 제외")
}
