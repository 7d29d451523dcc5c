package db_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// heldBatch sends adds while the program's lane is held, waits until all of
// them queue, and then lets one batch write them; it returns each add's
// result and error in the order given.
func heldBatch(t *testing.T, s *db.Store, programID int64, adds []commands.NewEntry) ([]commands.AddResult, []error) {
	t.Helper()
	queued, release := s.HoldBatches(programID)
	results, errs := make([]commands.AddResult, len(adds)), make([]error, len(adds))
	var wg sync.WaitGroup
	for i, e := range adds {
		wg.Go(func() { results[i], errs[i] = s.AddEntry(context.Background(), e) })
		// One at a time, so the queue holds them in the order given.
		for deadline := time.Now().Add(5 * time.Second); queued() < i+1; {
			if time.Now().After(deadline) {
				t.Fatalf("add %d never queued", i)
			}
			time.Sleep(time.Millisecond)
		}
	}
	release()
	wg.Wait()
	return results, errs
}

// One batch of adds answers each with its own entry, and each entry's year
// total is the program's total before the batch plus the batch's entries up
// to it, in arrival order, per status and year: what one-by-one adds give.
func TestBatchAnswersEachAddWithItsOwnRunningTotal(t *testing.T) {
	t.Parallel()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	before := mustAdd(t, s, delta(youth.ID, 100, day(2026, 3, 2))).ProgramTotal

	adds := []commands.NewEntry{
		delta(youth.ID, 5, day(2026, 11, 20)),
		delta(youth.ID, 7, day(2026, 11, 20)),
		delta(youth.ID, 11, day(2025, 12, 31)), // another year
		delta(youth.ID, 13, day(2026, 1, 1)),
		delta(youth.ID, 17, day(2026, 11, 20)),
	}
	adds[1].Approximate = true
	adds[3].Status = commands.StatusAgreed
	results, errs := heldBatch(t, s, youth.ID, adds)
	want := []struct {
		total  int64
		approx bool
	}{{before + 5, false}, {before + 12, true}, {11, false}, {13, false}, {before + 29, true}}
	for i, r := range results {
		if errs[i] != nil {
			t.Fatalf("add %d: %v", i, errs[i])
		}
		if r.Duplicate || r.Entry.Count != adds[i].Count || r.Entry.IdempotencyKey != adds[i].IdempotencyKey {
			t.Errorf("add %d answered with %+v", i, r)
		}
		if r.ProgramTotal != want[i].total || r.ProgramApproximate != want[i].approx {
			t.Errorf("add %d: year total %d (approximate %v), want %d (%v)", i, r.ProgramTotal, r.ProgramApproximate, want[i].total, want[i].approx)
		}
		if i > 0 && r.Entry.ID <= results[i-1].Entry.ID {
			t.Errorf("entry IDs out of arrival order: #%d after #%d", r.Entry.ID, results[i-1].Entry.ID)
		}
	}
	var transactions int
	if err := s.DB().GetContext(context.Background(), &transactions,
		`SELECT count(DISTINCT xmin::text) FROM entries WHERE id >= $1`, results[0].Entry.ID); err != nil {
		t.Fatal(err)
	}
	if transactions != 1 {
		t.Errorf("the batch's entries were written in %d transactions, want 1", transactions)
	}
	checkLedgerSums(t, s)
}

// A batch with a repeated idempotency key writes the add once and answers
// the repeat as a duplicate of it; a batch the database refuses as a whole
// (here, an employment type the schema does not know) costs only the bad
// add: the others are recorded one by one.
func TestBatchWithRepeatsAndARefusedAdd(t *testing.T) {
	t.Parallel()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	first := delta(youth.ID, 4, day(2026, 11, 20))
	bad := delta(youth.ID, 9, day(2026, 11, 20))
	bad.EmploymentType = "bogus"
	last := delta(youth.ID, 6, day(2026, 11, 20))
	results, errs := heldBatch(t, s, youth.ID, []commands.NewEntry{first, first, bad, last})
	if errs[0] != nil || errs[1] != nil || errs[3] != nil {
		t.Fatalf("good adds failed: %v", errs)
	}
	if errs[2] == nil {
		t.Errorf("the bad add was recorded: %+v", results[2])
	}
	if results[0].Duplicate == results[1].Duplicate || results[0].Entry.ID != results[1].Entry.ID {
		t.Errorf("a repeated key gave %+v and %+v, want one entry and one duplicate", results[0], results[1])
	}
	// After the refused batch each add is written on its own, concurrently:
	// the year total counts the other one only if it committed first.
	if r := results[3]; r.Entry.Count != 6 || (r.ProgramTotal != 6 && r.ProgramTotal != 10) {
		t.Errorf("last add: %+v, want 6 jobs and a year total of 6 or 10", r)
	}
	var n int
	if err := s.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM entries`); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("%d entries written, want 2", n)
	}
	checkLedgerSums(t, s)
}

// An add whose caller gives up before a batch takes it is never written; one
// a batch took is written and answered. Either way the caller's answer is
// the truth about the ledger.
func TestAbandonedAddIsNeverWritten(t *testing.T) {
	t.Parallel()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	var written int
	for i := range 100 {
		// Deadlines from already past to a few milliseconds: some adds are
		// abandoned while queued, some after a batch took them.
		ctx, cancel := context.WithTimeout(context.Background(), time.Duration(i%8)*400*time.Microsecond)
		e := delta(youth.ID, 1, day(2026, 11, 20))
		_, err := s.AddEntry(ctx, e)
		cancel()
		if err == nil {
			written++
		}
		var n int
		if err := s.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM entries WHERE idempotency_key = $1`, e.IdempotencyKey); err != nil {
			t.Fatal(err)
		}
		if (err == nil) != (n == 1) {
			t.Fatalf("AddEntry answered %v, and the ledger holds %d copies", err, n)
		}
	}
	t.Logf("%d of 100 adds were recorded", written)
	checkLedgerSums(t, s)
}

// 32 callers add to one program and day at once (month-end), while others
// void entries and file cumulative reports for that day: every acknowledged
// add is stored exactly once, under the ID it was answered with, and every
// running total, the status figures and each cumulative report equal plain
// SUMs over the entries afterwards. Run with -race (CI does).
func TestConcurrentAddsVoidsAndReportsMatchPlainSums(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	senior := programByCode(t, s, "senior")
	monthEnd := day(2026, 11, 30)

	const adders, perAdder = 32, 25
	var (
		mu    sync.Mutex
		acked = map[int64]commands.NewEntry{} // entry ID → what was sent
		wg    sync.WaitGroup
	)
	for w := range adders {
		rng := rand.New(rand.NewPCG(uint64(w), 14))
		wg.Go(func() {
			for range perAdder {
				program := youth.ID
				if rng.IntN(8) == 0 {
					program = senior.ID
				}
				e := delta(program, 1+rng.Int64N(30), monthEnd)
				e.LoggedBy = fmt.Sprintf("U%02d", w)
				e.Approximate = rng.IntN(5) == 0
				e.EmploymentType = []string{"", "regular", "temporary", "daily"}[rng.IntN(4)]
				res, err := s.AddEntry(ctx, e)
				if err != nil {
					t.Errorf("AddEntry: %v", err)
					return
				}
				mu.Lock()
				if _, seen := acked[res.Entry.ID]; seen {
					t.Errorf("two adds answered with entry #%d", res.Entry.ID)
				}
				acked[res.Entry.ID] = e
				mu.Unlock()
			}
		})
	}
	// Voids of acknowledged adds and cumulative reports for the same day,
	// at the same time.
	var voided, reports []int64
	wg.Go(func() {
		rng := rand.New(rand.NewPCG(7, 7))
		for i := range 40 {
			if i%4 == 3 {
				total := int64(0)
				if err := s.DB().GetContext(ctx, &total, `SELECT coalesce(sum(count), 0) FROM entries
					WHERE program_id = $1 AND voided_at IS NULL AND status = 'realised' AND as_of BETWEEN '2026-01-01' AND $2`,
					youth.ID, monthEnd); err != nil {
					t.Error(err)
					return
				}
				res, err := s.AddEntry(ctx, cumulative(youth.ID, total+5000, monthEnd))
				if err != nil && !refusedReport(err) {
					t.Errorf("cumulative report: %v", err)
				} else if err == nil && !res.Agrees {
					reports = append(reports, res.Entry.ID)
				}
				continue
			}
			mu.Lock()
			ids := make([]int64, 0, len(acked))
			for id := range acked {
				ids = append(ids, id)
			}
			mu.Unlock()
			if len(ids) == 0 {
				time.Sleep(5 * time.Millisecond) // nothing to void yet: let the adders start
				continue
			}
			slices.Sort(ids)
			id := ids[rng.IntN(len(ids))]
			_, err := s.VoidEntry(ctx, id, "U_MANAGER", "concurrency test", time.Now())
			if _, dep := errors.AsType[*commands.DependentReportError](err); err != nil && !dep && !errors.Is(err, commands.ErrAlreadyVoided) {
				t.Errorf("VoidEntry(%d): %v", id, err)
			} else if err == nil {
				voided = append(voided, id)
			}
		}
	})
	wg.Wait()
	if t.Failed() {
		return
	}
	if len(voided) == 0 || len(reports) == 0 {
		t.Fatalf("workload too small to mean anything: %d voids, %d cumulative reports", len(voided), len(reports))
	}

	// Every acknowledged add is there once, as sent, and nothing else is.
	var stored []struct {
		ID    int64  `db:"id"`
		Key   string `db:"idempotency_key"`
		Count int64  `db:"count"`
	}
	if err := s.DB().SelectContext(ctx, &stored, `SELECT id, idempotency_key, count FROM entries WHERE kind = 'delta'`); err != nil {
		t.Fatal(err)
	}
	if len(stored) != len(acked) {
		t.Errorf("%d delta entries stored, %d adds acknowledged", len(stored), len(acked))
	}
	for _, e := range stored {
		sent, ok := acked[e.ID]
		if !ok || sent.IdempotencyKey != e.Key || sent.Count != e.Count {
			t.Errorf("entry #%d (%s, %d jobs) is not the add answered with that number", e.ID, e.Key, e.Count)
		}
	}
	var transactions int
	if err := s.DB().GetContext(ctx, &transactions, `SELECT count(DISTINCT xmin::text) FROM entries WHERE kind = 'delta'`); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d adds in %d transactions, %d voids, %d cumulative reports", len(acked), transactions, len(voided), len(reports))
	if transactions >= len(acked) {
		t.Errorf("no two concurrent adds shared a transaction (%d adds, %d transactions)", len(acked), transactions)
	}
	if n := s.ConflictRetries(); n != 0 {
		t.Errorf("%d transactions hit a deadlock or serialization failure", n)
	}
	checkLedgerSums(t, s)

	// Each live cumulative report still states the total through its date of
	// the entries recorded up to it.
	for _, id := range reports {
		var live bool
		var stated, through int64
		if err := s.DB().QueryRowxContext(ctx, `SELECT voided_at IS NULL, reported_total FROM entries WHERE id = $1`, id).Scan(&live, &stated); err != nil {
			t.Fatal(err)
		}
		if !live {
			continue
		}
		if err := s.DB().GetContext(ctx, &through, `SELECT sum(count) FROM entries WHERE program_id = $1 AND status = 'realised'
			AND voided_at IS NULL AND as_of BETWEEN '2026-01-01' AND $2 AND id <= $3`, youth.ID, monthEnd, id); err != nil {
			t.Fatal(err)
		}
		if through != stated {
			t.Errorf("cumulative report #%d states %d, the entries up to it sum to %d", id, stated, through)
		}
	}
}

// checkLedgerSums compares every running total, and what status reads, with
// plain SUMs over the live entries.
func checkLedgerSums(t *testing.T, s *db.Store) {
	t.Helper()
	ctx := context.Background()
	dbtest.CheckTotals(t, s)
	// What status reads: each program's year, through the store.
	var years []struct {
		ProgramID int64 `db:"program_id"`
		Year      int   `db:"year"`
		Jobs      int64 `db:"jobs"`
		Agreed    int64 `db:"agreed"`
	}
	if err := s.DB().SelectContext(ctx, &years, `
		SELECT program_id, extract(year FROM as_of)::int AS year,
		       coalesce(sum(count) FILTER (WHERE status = 'realised'), 0) AS jobs,
		       coalesce(sum(count) FILTER (WHERE status = 'agreed'), 0) AS agreed
		FROM entries WHERE voided_at IS NULL GROUP BY 1, 2`); err != nil {
		t.Fatal(err)
	}
	for _, y := range years {
		got, err := s.ProgramYearTotal(ctx, y.ProgramID, y.Year)
		if err != nil {
			t.Fatal(err)
		}
		if got.Jobs != y.Jobs || got.Agreed != y.Agreed {
			t.Errorf("program %d, %d: year total %+v, plain SUM %d realised and %d agreed", y.ProgramID, y.Year, got, y.Jobs, y.Agreed)
		}
		list, err := s.ProgramTotals(ctx, day(y.Year, 1, 1), day(y.Year, 12, 31), "")
		if err != nil {
			t.Fatal(err)
		}
		for _, pt := range list {
			if pt.ProgramID == y.ProgramID && (pt.Jobs != y.Jobs || pt.Agreed != y.Agreed) {
				t.Errorf("program %d, %d: status totals %+v, plain SUM %d realised and %d agreed", y.ProgramID, y.Year, pt, y.Jobs, y.Agreed)
			}
		}
	}
}

// An add whose batch waited for its program's lock while a cumulative report
// held it answers with a year total that counts the report: the figure
// equals a plain SUM over the entries numbered up to it.
func TestBatchYearTotalCountsAReportItWaitedFor(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	mustAdd(t, s, delta(youth.ID, 100, day(2026, 3, 2)))

	// Hold the program's write lock as a void or a cumulative report does.
	holder, err := s.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback()
	if _, err := holder.ExecContext(ctx, `SELECT pg_advisory_xact_lock(4869954, ($1::bigint % 2147483647)::int)`, youth.ID); err != nil {
		t.Fatal(err)
	}
	waiting := func(n int) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
			var got int
			if err := s.DB().GetContext(ctx, &got, `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`); err != nil {
				t.Fatal(err)
			}
			if got >= n {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d writers wait for the program's lock, want %d", got, n)
			}
		}
	}
	var report, add commands.AddResult
	var reportErr, addErr error
	var wg sync.WaitGroup
	wg.Go(func() { report, reportErr = s.AddEntry(ctx, cumulative(youth.ID, 500, day(2026, 3, 31))) })
	waiting(1) // the report queues first...
	wg.Go(func() { add, addErr = s.AddEntry(ctx, delta(youth.ID, 10, day(2026, 4, 1))) })
	waiting(2) // ...then the batch
	if err := holder.Rollback(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if reportErr != nil || addErr != nil {
		t.Fatalf("report: %v; add: %v", reportErr, addErr)
	}
	var want int64
	if err := s.DB().GetContext(ctx, &want, `SELECT sum(count) FROM entries WHERE program_id = $1 AND voided_at IS NULL
		AND status = 'realised' AND as_of BETWEEN '2026-01-01' AND '2026-12-31' AND id <= $2`, youth.ID, add.Entry.ID); err != nil {
		t.Fatal(err)
	}
	t.Logf("report #%d, add #%d", report.Entry.ID, add.Entry.ID)
	if add.ProgramTotal != want {
		t.Errorf("the add's year total is %d; the entries up to #%d sum to %d", add.ProgramTotal, add.Entry.ID, want)
	}
	checkLedgerSums(t, s)
}
