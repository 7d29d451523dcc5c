package commands_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"jobsbot/commands"
)

// 실적 없음 and jobs for one department and month exclude each other in
// either order: an add after a 실적 없음 is refused with a reply naming the
// record and how to void it, and nothing is written (issue 20, break 1).
func TestAddIsRefusedInAMonthThatSaidNothing(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		h.run(manager, "none 2026-10 dept:노인복지과", commands.OutcomeOK)
		var id int64
		if err := h.store.DB().GetContext(context.Background(), &id, `SELECT id FROM nothing_reports WHERE voided_at IS NULL`); err != nil {
			t.Fatal(err)
		}
		r := h.run(manager, "add 10 senior date:2026-10-15", commands.OutcomeRefused)
		mustContain(t, r.Text(), fmt.Sprintf("#%d", id), "노인복지과", fmt.Sprintf("%d <", id))
		var n int
		if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM entries WHERE as_of >= '2026-10-01' AND as_of < '2026-11-01'`); err != nil || n != 0 {
			t.Fatalf("%s: entries in October = %d (%v), want 0", lang, n, err)
		}
		// Voided, the month takes jobs again.
		h.run(manager, fmt.Sprintf("void %d there were jobs after all", id), commands.OutcomeOK)
		h.run(manager, "add 10 senior date:2026-10-15", commands.OutcomeOK)
	}
}

// Raced from both sides, through the batch of concurrent adds, a month never
// ends with both a live 실적 없음 and live jobs.
func TestNothingAndJobsNeverBothLiveUnderConcurrency(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	ctx := context.Background()
	const months, addsPerMonth = 10, 4
	var wg sync.WaitGroup
	for m := 1; m <= months; m++ {
		for i := range addsPerMonth + 1 {
			wg.Go(func() {
				line := fmt.Sprintf("add %d senior date:2026-%02d-15", i+1, m)
				if i == addsPerMonth/2 { // the 실적 없음 races from the middle
					line = fmt.Sprintf("none 2026-%02d dept:노인복지과", m)
				}
				r := h.svc.Handle(ctx, commands.Caller{UserID: manager, Source: commands.SourceConsole}, line)
				if r.Outcome != commands.OutcomeOK && r.Outcome != commands.OutcomeRefused {
					t.Errorf("%q: outcome %q:\n%s", line, r.Outcome, r.Text())
				}
			})
		}
	}
	wg.Wait()
	var both []string
	err := h.store.DB().SelectContext(ctx, &both, `
		SELECT to_char(n.month, 'YYYY-MM') FROM nothing_reports n
		WHERE n.voided_at IS NULL AND EXISTS (
			SELECT 1 FROM entries e
			WHERE e.department = n.department AND e.voided_at IS NULL
			  AND date_trunc('month', e.as_of) = n.month)`)
	if err != nil {
		t.Fatal(err)
	}
	if len(both) > 0 {
		t.Errorf("months with both a live 실적 없음 and live jobs: %v", both)
	}
	var covered int
	if err := h.store.DB().GetContext(ctx, &covered, `
		SELECT count(DISTINCT m) FROM (
			SELECT date_trunc('month', as_of) AS m FROM entries WHERE voided_at IS NULL
			UNION ALL SELECT month FROM nothing_reports WHERE voided_at IS NULL) x`); err != nil || covered != months {
		t.Errorf("months with a live record = %d (%v), want %d: every month has jobs or 실적 없음", covered, err, months)
	}
}

// Merging a department with jobs in a month into one that said it had
// nothing that month leaves the jobs and voids the 실적 없음.
func TestMergeVoidsANothingTheJobsContradict(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run(manager, "dept add 창업지원과", commands.OutcomeOK)
	h.run(manager, "dept add 투자유치과", commands.OutcomeOK)
	h.run(manager, "none 2026-10 dept:투자유치과", commands.OutcomeOK)
	h.run(manager, "add 5 senior date:2026-10-15 dept:창업지원과", commands.OutcomeOK)
	h.run(manager, "dept merge 창업지원과 into 투자유치과", commands.OutcomeOK)
	var live int
	if err := h.store.DB().GetContext(context.Background(), &live, `SELECT count(*) FROM nothing_reports WHERE voided_at IS NULL`); err != nil || live != 0 {
		t.Errorf("live 실적 없음 after merging jobs into its month: %d (%v), want 0", live, err)
	}
	var jobs int
	if err := h.store.DB().GetContext(context.Background(), &jobs, `SELECT COALESCE(SUM(count), 0) FROM entries WHERE department = '투자유치과' AND voided_at IS NULL`); err != nil || jobs != 5 {
		t.Errorf("jobs of the merged department: %d (%v), want 5", jobs, err)
	}
}
