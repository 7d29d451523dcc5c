package db_test

import (
	"context"
	"errors"
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

// liveNothingBesideJobs counts live 실적 없음 reports whose department, by
// its name or as an alias of a managed department, has live realised jobs
// in the report's month under that managed department.
func liveNothingBesideJobs(t *testing.T, ctx context.Context, s interface {
	GetContext(context.Context, any, string, ...any) error
}) int {
	t.Helper()
	var both int
	if err := s.GetContext(ctx, &both, `
		SELECT count(*) FROM nothing_reports n
		JOIN departments d ON n.department = d.department OR n.department = ANY(d.aliases)
		WHERE n.voided_at IS NULL
		  AND EXISTS (SELECT 1 FROM entries e WHERE e.department = d.department AND e.voided_at IS NULL
		              AND e.status = 'realised' AND e.count > 0
		              AND e.as_of >= n.month AND e.as_of < n.month + interval '1 month')`); err != nil {
		t.Fatal(err)
	}
	return both
}

// review r2 B0: a 실적 없음 for the department being merged AWAY, sent while
// the merge is in flight, waits for the merge's 실적 없음 lock; it must then
// be checked against the surviving department's jobs (the name is an alias
// of it now), not recorded under the emptied old name beside them.
func TestNothingForMergedAwayDepartmentDuringMerge(t *testing.T) {
	ctx := context.Background()
	t.Parallel()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	senior := programByCode(t, s, "senior")
	mustAdd(t, s, delta(youth.ID, 5, day(2026, 10, 7))) // the surviving department's realised jobs; senior's has none

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
	go func() { // the name the command layer resolved before the merge
		_, err := s.AddNothing(ctx, commands.NothingReport{Department: senior.Department, Month: day(2026, 10, 1),
			LoggedBy: "U_X", Source: commands.SourceConsole, IdempotencyKey: "n-from"})
		nothing <- err
	}()
	waitFor(t, ctx, s.DB(), "the 실적 없음", `
		SELECT count(*) FROM pg_locks
		WHERE locktype = 'advisory' AND classid = 4869955 AND NOT granted
		  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`, nothing)
	if err := blocker.Rollback(); err != nil {
		t.Fatal(err)
	}
	if err := <-merged; err != nil {
		t.Fatalf("merge: %v", err)
	}
	nothingErr := <-nothing
	if n := liveNothingBesideJobs(t, ctx, s.DB()); n != 0 {
		t.Fatalf("%d live 실적 없음 beside the surviving department's realised jobs (AddNothing: %v)", n, nothingErr)
	}
	has, ok := errors.AsType[*commands.MonthHasJobsError](nothingErr)
	if !ok {
		t.Fatalf("AddNothing = %v, want MonthHasJobsError (%s has 5 October jobs)", nothingErr, youth.Department)
	}
	if has.Department != youth.Department || has.Jobs != 5 {
		t.Fatalf("refused for %q with %d jobs, want %q with 5", has.Department, has.Jobs, youth.Department)
	}
}

// review r2 B0, rename: a 실적 없음 whose department the command layer
// resolved before a rename is filed under the new name and checked against
// its jobs (the renamed department's own, moved with it).
func TestNothingResolvedBeforeRenameChecksRenamedDepartment(t *testing.T) {
	ctx := context.Background()
	t.Parallel()
	s := dbtest.New(t)
	senior := programByCode(t, s, "senior")
	youth := programByCode(t, s, "youth")
	mustAdd(t, s, delta(senior.ID, 5, day(2026, 10, 7)))
	mustAdd(t, s, delta(youth.ID, 2, day(2026, 9, 7)))

	// Hold one program's write lock so the 실적 없음 stops before its
	// resolution (it takes every program's lock shared first); the rename
	// takes no program lock and commits meanwhile.
	blocker, err := s.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer blocker.Rollback()
	if _, err := blocker.ExecContext(ctx, `SELECT pg_advisory_xact_lock(4869954, ($1::bigint % 2147483647)::int)`, youth.ID); err != nil {
		t.Fatal(err)
	}
	nothing := make(chan error, 1)
	go func() {
		_, err := s.AddNothing(ctx, commands.NothingReport{Department: senior.Department, Month: day(2026, 10, 1),
			LoggedBy: "U_X", Source: commands.SourceConsole, IdempotencyKey: "n-rename"})
		nothing <- err
	}()
	waitFor(t, ctx, s.DB(), "the 실적 없음", `
		SELECT count(*) FROM pg_locks
		WHERE locktype = 'advisory' AND classid = 4869954 AND NOT granted
		  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`, nothing)
	if _, err := s.RenameDepartment(ctx, senior.Department, "노인일자리과"); err != nil {
		t.Fatalf("rename: %v", err)
	}
	if err := blocker.Rollback(); err != nil {
		t.Fatal(err)
	}
	nothingErr := <-nothing
	if n := liveNothingBesideJobs(t, ctx, s.DB()); n != 0 {
		t.Fatalf("%d live 실적 없음 beside the renamed department's realised jobs (AddNothing: %v)", n, nothingErr)
	}
	has, ok := errors.AsType[*commands.MonthHasJobsError](nothingErr)
	if !ok || has.Department != "노인일자리과" {
		t.Fatalf("AddNothing = %v, want MonthHasJobsError naming 노인일자리과", nothingErr)
	}

	// A 실적 없음 for a month without jobs, under the old name, lands on
	// the new one.
	n, err := s.AddNothing(ctx, commands.NothingReport{Department: senior.Department, Month: day(2026, 9, 1),
		LoggedBy: "U_X", Source: commands.SourceConsole, IdempotencyKey: "n-rename-2"})
	if err != nil {
		t.Fatal(err)
	}
	if n.Department != "노인일자리과" {
		t.Fatalf("filed under %q, want 노인일자리과", n.Department)
	}
}
