package db_test

import (
	"context"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// waitFor polls cond (a count over pg_locks or pg_stat_activity) until it is
// positive, or fails the test after 30 s. It polls an observed state; it
// does not guess at timing.
func waitFor(t *testing.T, ctx context.Context, s interface {
	GetContext(context.Context, any, string, ...any) error
}, what, cond string, early <-chan error) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for n := 0; n == 0; {
		if err := s.GetContext(ctx, &n, cond); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		select {
		case err := <-early:
			t.Fatalf("%s: finished instead of waiting: %v", what, err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: never seen waiting", what)
		}
		time.Sleep(5 * time.Millisecond) // between polls of an observed state
	}
}

// review_hostile2 N3: a department merge voids the target's 실적 없음 where
// it brings realised jobs; a 실적 없음 of the target sent while the merge is
// in flight must not stay live beside the merged jobs. The merge is held
// at its last statement (DELETE FROM departments) by a row lock on the
// merged-away department, the 실적 없음 is sent then, and the lock is
// released: the 실적 없음 waits for the merge's 실적 없음 lock and is then
// refused (its trigger sees the moved jobs), so no month has both.
func TestMergeVsNothingLeavesNoMonthWithBoth(t *testing.T) {
	ctx := context.Background()
	t.Parallel()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	senior := programByCode(t, s, "senior")
	if youth.Department == senior.Department {
		t.Fatalf("youth and senior share %q", youth.Department)
	}
	mustAdd(t, s, delta(senior.ID, 5, day(2026, 10, 7))) // the merged-away department's realised jobs in October

	blocker, err := s.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer blocker.Rollback()
	if _, err := blocker.ExecContext(ctx, `SELECT 1 FROM departments WHERE department = $1 FOR KEY SHARE`, senior.Department); err != nil {
		t.Fatal(err)
	}
	merged := make(chan error, 1)
	go func() {
		_, err := s.MergeDepartments(ctx, senior.Department, youth.Department)
		merged <- err
	}()
	waitFor(t, ctx, s.DB(), "the merge", `
		SELECT count(*) FROM pg_stat_activity
		WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM departments%'`, merged)

	nothing := make(chan error, 1)
	go func() {
		_, err := s.AddNothing(ctx, commands.NothingReport{Department: youth.Department, Month: day(2026, 10, 1),
			LoggedBy: "U_X", Source: commands.SourceConsole, IdempotencyKey: "n-race"})
		nothing <- err
	}()
	// With the fix the 실적 없음 waits for the merge's 실적 없음 lock. Without
	// it, it finishes at once; the invariant below then reports the break.
	var nothingErr error
	nothingDone := false
	deadline := time.Now().Add(30 * time.Second)
	for waiting := 0; waiting == 0 && !nothingDone; {
		if err := s.DB().GetContext(ctx, &waiting, `
			SELECT count(*) FROM pg_locks
			WHERE locktype = 'advisory' AND classid = 4869955 AND NOT granted
			  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`); err != nil {
			t.Fatal(err)
		}
		select {
		case nothingErr = <-nothing:
			nothingDone = true
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the 실적 없음 neither finished nor waited")
		}
		if waiting == 0 && !nothingDone {
			time.Sleep(5 * time.Millisecond) // between polls of an observed state
		}
	}
	if err := blocker.Rollback(); err != nil {
		t.Fatal(err)
	}
	if err := <-merged; err != nil {
		t.Fatalf("merge: %v", err)
	}
	if !nothingDone {
		nothingErr = <-nothing
	}

	var both int
	if err := s.DB().GetContext(ctx, &both, `
		SELECT count(*) FROM nothing_reports n
		WHERE n.department = $1 AND n.voided_at IS NULL
		  AND EXISTS (SELECT 1 FROM entries e
		              WHERE e.department = $1 AND e.voided_at IS NULL AND e.status = 'realised' AND e.count > 0
		                AND e.as_of >= n.month AND e.as_of < n.month + interval '1 month')`, youth.Department); err != nil {
		t.Fatal(err)
	}
	if both != 0 {
		t.Fatalf("%d month(s) of %s hold a live 실적 없음 beside live realised jobs (AddNothing: %v)", both, youth.Department, nothingErr)
	}
	if nothingErr == nil {
		t.Fatal("the 실적 없음 sent during the merge was recorded; want it refused (the merged jobs are realised)")
	}
	var jobs int64
	if err := s.DB().GetContext(ctx, &jobs, `
		SELECT COALESCE(SUM(count), 0) FROM entries
		WHERE department = $1 AND voided_at IS NULL AND status = 'realised' AND as_of >= '2026-10-01' AND as_of < '2026-11-01'`, youth.Department); err != nil {
		t.Fatal(err)
	}
	if jobs < 5 {
		t.Fatalf("%s's October realised jobs = %d, want the merged 5 among them", youth.Department, jobs)
	}
}
