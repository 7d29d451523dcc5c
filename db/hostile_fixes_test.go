package db_test

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Store properties of the fixes to the hostile review (B3, B5).

// B3, as review r13 S4 changed it: a correction of an earlier agreement
// does not re-base a later agreed 누계 report at all (its increment is an
// agreement of its own, with hires on it), so nothing can fall below its
// hires: the correction goes through and the report keeps its +6.
func TestCorrectionRefusesToRebaseAReportBelowItsHires(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	senior := programByCode(t, s, "senior")
	at := time.Date(2026, 8, 27, 1, 0, 0, 0, time.UTC)
	first := delta(senior.ID, 4, day(2026, 8, 1))
	first.Status = commands.StatusAgreed
	a := mustAdd(t, s, first)
	report := cumulative(senior.ID, 10, day(2026, 8, 20))
	report.Status = commands.StatusAgreed
	r := mustAdd(t, s, report)
	if r.Entry.Count != 6 {
		t.Fatalf("the report records %d, want a difference of 6", r.Entry.Count)
	}
	if _, err := s.HireAgreement(ctx, commands.Hire{AgreementID: r.Entry.ID, Count: 6, AsOf: day(2026, 8, 25), By: "U_HIRER", Source: commands.SourceConsole}); err != nil {
		t.Fatal(err)
	}
	res, err := s.CorrectEntry(ctx, commands.Correction{OldID: a.Entry.ID, NewCount: 9, By: "U_TEST", Reason: "잘못 입력", Source: commands.SourceConsole, Key: "h2-b3-1", At: at})
	if err != nil {
		t.Fatalf("CorrectEntry: %v", err)
	}
	if len(res.Adjusted) != 0 {
		t.Fatalf("adjusted %+v, want no later agreement re-based", res.Adjusted)
	}
	if e, err := s.Entry(ctx, r.Entry.ID); err != nil || e.Count != 6 {
		t.Fatalf("the report after the correction records %d (%v), want 6", e.Count, err)
	}
	dbtest.CheckTotals(t, s)
}

// B5: two managers setting a department's first target at once. The test
// holds a SHARE lock on department_targets (which lets a row lock through
// but no insert), starts both sets, waits until both are blocked on their
// insert, then lets them go: so both have read the target before either
// wrote it, the interleaving that let both succeed without a reason. One
// must set the target and the other must be asked for a reason (it now
// revises a set target), or find it unchanged when it sets the same figure;
// history holds one first target.
func TestTwoFirstDepartmentTargetsAtOnce(t *testing.T) {
	t.Parallel()
	t.Run("different", func(t *testing.T) { firstTargetsAtOnce(t, 300, 400) })
	t.Run("same", func(t *testing.T) { firstTargetsAtOnce(t, 300, 300) })
}

func firstTargetsAtOnce(t *testing.T, a, b int64) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	const dept = "일자리정책과"
	at := time.Date(2026, 11, 26, 1, 0, 0, 0, time.UTC)
	gate, err := s.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = gate.Rollback() }()
	if _, err := gate.ExecContext(ctx, `LOCK TABLE department_targets IN SHARE MODE`); err != nil {
		t.Fatal(err)
	}
	errs := make([]error, 2)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() {
			_, _, errs[i] = s.SetDepartmentTarget(ctx, 2027, dept, []int64{a, b}[i], "U_M"+strconv.Itoa(i), "", at)
		})
	}
	go func() { wg.Wait(); close(done) }()
	// Both sets wait on the gate's lock: neither has written.
	waitCtx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	for {
		var waiting int
		err := s.DB().GetContext(waitCtx, &waiting, `
			SELECT count(*) FROM pg_locks
			WHERE NOT granted AND relation = 'department_targets'::regclass
			  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`)
		if err != nil {
			t.Fatalf("waiting for both sets to block: %v (finished early: %v)", err, errs)
		}
		if waiting == 2 {
			break
		}
		select {
		case <-done:
			t.Fatalf("the sets finished without waiting on the insert: %v", errs)
		default:
		}
	}
	if err := gate.Commit(); err != nil {
		t.Fatal(err)
	}
	<-done
	var reasons, ok int
	for _, err := range errs {
		var need *commands.TargetReasonError
		switch {
		case err == nil:
			ok++
		case errors.As(err, &need):
			reasons++
		default:
			t.Fatalf("SetDepartmentTarget: %v", err)
		}
	}
	wantOK, wantReasons := 1, 1
	if a == b { // the second finds the figure set: nothing to revise
		wantOK, wantReasons = 2, 0
	}
	if ok != wantOK || reasons != wantReasons {
		t.Fatalf("%d sets succeeded and %d were asked for a reason, want %d and %d (%v)", ok, reasons, wantOK, wantReasons, errs)
	}
	var revisions []struct {
		Old sql.NullInt64 `db:"old_jobs"`
		New int64         `db:"new_jobs"`
	}
	if err := s.DB().SelectContext(ctx, &revisions, `SELECT old_jobs, new_jobs FROM department_target_revisions WHERE year = 2027 AND department = $1 ORDER BY id`, dept); err != nil {
		t.Fatal(err)
	}
	var jobs int64
	if err := s.DB().GetContext(ctx, &jobs, `SELECT jobs FROM department_targets WHERE year = 2027 AND department = $1`, dept); err != nil {
		t.Fatal(err)
	}
	if len(revisions) != 1 || revisions[0].Old.Valid || revisions[0].New != jobs {
		t.Fatalf("revisions %+v with the target at %d, want one first target of %d", revisions, jobs, jobs)
	}
}
