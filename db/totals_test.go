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

// TestTotalsMatchTheLedger writes a few hundred random entries (deltas and
// cumulative reports, back-dated across two years, realised and agreed,
// approximate or not, several departments) from concurrent writers, voids
// some, and checks every total the store keeps against a plain SUM over the
// entries.
func TestTotalsMatchTheLedger(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	programs, err := s.Programs(ctx)
	if err != nil {
		t.Fatalf("Programs: %v", err)
	}
	departments := []string{"", "일자리정책과", "복지정책과", "O'Brien 과"}
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)

	const writers, perWriter = 4, 90
	var (
		mu  sync.Mutex
		ids []int64
		wg  sync.WaitGroup
	)
	for w := range writers {
		rng := rand.New(rand.NewPCG(uint64(seed), uint64(w)))
		wg.Go(func() {
			for range perWriter {
				p := programs[rng.IntN(len(programs))]
				asOf := day(2025, time.January, 1).AddDate(0, 0, rng.IntN(730))
				e := delta(p.ID, 1+rng.Int64N(50), asOf)
				e.Department = departments[rng.IntN(len(departments))]
				e.Approximate = rng.IntN(4) == 0
				e.LoggedBy = fmt.Sprintf("U%d", w)
				if rng.IntN(4) == 0 {
					e.Status = commands.StatusAgreed
				}
				switch r := rng.IntN(10); {
				case r < 2: // a cumulative report, sometimes below the total
					e.Kind = commands.KindCumulative
					e.Count = rng.Int64N(3000)
				case r < 3 && len(snapshot(&mu, ids)) > 0: // void an earlier entry
					all := snapshot(&mu, ids)
					_, err := s.VoidEntry(ctx, all[rng.IntN(len(all))], e.LoggedBy, "random void", time.Now())
					if _, dep := errors.AsType[*commands.DependentReportError](err); err != nil && !dep && !errors.Is(err, commands.ErrAlreadyVoided) {
						t.Errorf("VoidEntry: %v", err)
					}
					continue
				}
				res, err := s.AddEntry(ctx, e)
				switch {
				case refusedReport(err):
					continue
				case err != nil:
					t.Errorf("AddEntry(%+v): %v", e, err)
					continue
				case res.Agrees:
					continue
				}
				if res.Entry.Count <= 0 {
					t.Errorf("entry %+v records %d jobs", res.Entry, res.Entry.Count)
				}
				mu.Lock()
				ids = append(ids, res.Entry.ID)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	var live, voided int
	if err := s.DB().GetContext(ctx, &live, `SELECT count(*) FROM entries WHERE voided_at IS NULL`); err != nil {
		t.Fatal(err)
	}
	if err := s.DB().GetContext(ctx, &voided, `SELECT count(*) FROM entries WHERE voided_at IS NOT NULL`); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d live and %d voided entries", live, voided)
	if live < 200 || voided == 0 {
		t.Fatalf("workload too small to mean anything: %d live, %d voided", live, voided)
	}

	spans := [][2]time.Time{
		{day(2025, 1, 1), day(2025, 12, 31)},
		{day(2026, 1, 1), day(2026, 12, 31)},
		{day(2025, 3, 15), day(2026, 2, 10)},
		{day(2026, 4, 1), day(2026, 4, 30)},
		{day(2025, 7, 4), day(2025, 7, 4)},
		{day(2024, 1, 1), day(2027, 12, 31)},
		{day(2030, 1, 1), day(2030, 12, 31)},
	}
	for _, span := range spans {
		name := span[0].Format(time.DateOnly) + ".." + span[1].Format(time.DateOnly)
		for _, dept := range append(departments[1:], "", "nobody") {
			checkProgramTotals(t, s, name, span[0], span[1], dept)
		}
		checkDepartmentTotals(t, s, name, span[0], span[1])
		checkDailyJobs(t, s, name, span[0], span[1])
	}
	// Every year's total, as AddEntry reports it, matches the ledger too.
	for _, p := range programs {
		for _, status := range []commands.EntryStatus{commands.StatusRealised, commands.StatusAgreed} {
			for _, year := range []int{2025, 2026} {
				var want int64
				q := `SELECT COALESCE(SUM(count), 0) FROM entries
				      WHERE voided_at IS NULL AND program_id = $1 AND status = $2 AND extract(year FROM as_of) = $3`
				if err := s.DB().GetContext(ctx, &want, q, p.ID, string(status), year); err != nil {
					t.Fatal(err)
				}
				e := delta(p.ID, 1, day(year, 6, 1))
				e.Status = status
				res := mustAdd(t, s, e)
				if res.ProgramTotal != want+1 {
					t.Errorf("%s %s %d: ProgramTotal %d after +1, ledger says %d", p.Code, status, year, res.ProgramTotal, want+1)
				}
				if _, err := s.VoidEntry(ctx, res.Entry.ID, "U_CHECK", "probe", time.Now()); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

func snapshot(mu *sync.Mutex, ids []int64) []int64 {
	mu.Lock()
	defer mu.Unlock()
	return slices.Clone(ids)
}

func checkProgramTotals(t *testing.T, s *db.Store, span string, from, to time.Time, dept string) {
	t.Helper()
	ctx := context.Background()
	got, err := s.ProgramTotals(ctx, from, to, dept)
	if err != nil {
		t.Fatalf("ProgramTotals(%s, %q): %v", span, dept, err)
	}
	q := `
		SELECT program_id,
		       COALESCE(SUM(count) FILTER (WHERE status = 'realised'), 0) AS jobs,
		       COALESCE(SUM(count) FILTER (WHERE status = 'realised' AND ` + approxNowOracle("$2::date") + `), 0) AS approximate,
		       COALESCE(SUM(count) FILTER (WHERE status = 'agreed'), 0) AS agreed,
		       -- an approximate live agreement makes the agreed sum approximate (r20 G24)
		       COALESCE(bool_or(status = 'agreed' AND approximate), false) AS agreedapproximate
		FROM entries e
		WHERE voided_at IS NULL AND as_of BETWEEN $1 AND $2 AND ($3 = '' OR department = $3)
		GROUP BY program_id
		ORDER BY program_id`
	var rows []struct {
		ProgramID    int64 `db:"program_id"`
		Jobs         int64 `db:"jobs"`
		Approximate  int64 `db:"approximate"`
		Agreed       int64 `db:"agreed"`
		AgreedApprox bool  `db:"agreedapproximate"`
	}
	if err := s.DB().SelectContext(ctx, &rows, q, from, to, dept); err != nil {
		t.Fatal(err)
	}
	want := []commands.ProgramTotal{}
	for _, r := range rows {
		want = append(want, commands.ProgramTotal{ProgramID: r.ProgramID, Jobs: r.Jobs, Approximate: r.Approximate, Agreed: r.Agreed, AgreedApproximate: r.AgreedApprox})
	}
	if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Errorf("ProgramTotals(%s, %q)\n got %+v\nwant %+v", span, dept, got, want)
	}
}

func checkDepartmentTotals(t *testing.T, s *db.Store, span string, from, to time.Time) {
	t.Helper()
	ctx := context.Background()
	got, err := s.DepartmentTotals(ctx, from, to)
	if err != nil {
		t.Fatalf("DepartmentTotals(%s): %v", span, err)
	}
	// Every active department of the managed list, and any other with live
	// realised jobs in the span.
	q := `
		WITH ledger AS (
			SELECT department,
			       COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL AND status = 'realised'
			                                   AND as_of BETWEEN $1 AND $2), 0) AS jobs,
			       max(as_of) FILTER (WHERE voided_at IS NULL) AS last
			FROM entries
			GROUP BY department)
		SELECT department, COALESCE(l.jobs, 0) AS jobs, l.last
		FROM ledger l FULL JOIN (SELECT department FROM departments WHERE active) m USING (department)
		WHERE m.department IS NOT NULL OR l.jobs > 0
		ORDER BY department`
	var rows []struct {
		Department string     `db:"department"`
		Jobs       int64      `db:"jobs"`
		Last       *time.Time `db:"last"`
	}
	if err := s.DB().SelectContext(ctx, &rows, q, from, to); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows) {
		t.Fatalf("DepartmentTotals(%s) lists %d departments, ledger has %d: %+v", span, len(got), len(rows), got)
	}
	for i, r := range rows {
		g := got[i]
		var last time.Time
		if r.Last != nil {
			last = day(r.Last.Year(), r.Last.Month(), r.Last.Day())
		}
		if g.Department != r.Department || g.Jobs != r.Jobs || !g.LastLoggedOn.Equal(last) {
			t.Errorf("DepartmentTotals(%s)[%d] = %+v, ledger says %q %d last %v", span, i, g, r.Department, r.Jobs, last)
		}
	}
}

func checkDailyJobs(t *testing.T, s *db.Store, span string, from, to time.Time) {
	t.Helper()
	ctx := context.Background()
	got, err := s.DailyJobs(ctx, from, to)
	if err != nil {
		t.Fatalf("DailyJobs(%s): %v", span, err)
	}
	q := `
		SELECT as_of, SUM(count) AS jobs
		FROM entries
		WHERE voided_at IS NULL AND status = 'realised' AND as_of BETWEEN $1 AND $2
		GROUP BY as_of
		ORDER BY as_of`
	var rows []struct {
		AsOf time.Time `db:"as_of"`
		Jobs int64     `db:"jobs"`
	}
	if err := s.DB().SelectContext(ctx, &rows, q, from, to); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows) {
		t.Fatalf("DailyJobs(%s) has %d days, ledger has %d", span, len(got), len(rows))
	}
	for i, r := range rows {
		want := commands.DayTotal{Day: day(r.AsOf.Year(), r.AsOf.Month(), r.AsOf.Day()), Jobs: r.Jobs}
		if got[i] != want {
			t.Errorf("DailyJobs(%s)[%d] = %+v, ledger says %+v", span, i, got[i], want)
		}
	}
}

func TestDepartmentTotalsKeepSilentDepartments(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	for _, name := range []string{"조용한과", "취소된과"} {
		if _, err := s.AddDepartment(ctx, commands.Department{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	old := delta(youth.ID, 4, day(2025, 11, 30))
	old.Department = "조용한과"
	mustAdd(t, s, old)
	// Managed or not, a department whose entries were all voided has no date;
	// only the managed one still shows.
	for _, name := range []string{"취소된과", "관리안된과"} {
		gone := delta(youth.ID, 4, day(2026, 3, 31))
		gone.Department = name
		if _, err := s.VoidEntry(ctx, mustAdd(t, s, gone).Entry.ID, "U_M", "wrong department", time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.DepartmentTotals(ctx, day(2026, 1, 1), day(2026, 12, 31))
	if err != nil {
		t.Fatalf("DepartmentTotals: %v", err)
	}
	byName := map[string]commands.DepartmentTotal{}
	for _, d := range got {
		byName[d.Department] = d
	}
	if d := byName["조용한과"]; d != (commands.DepartmentTotal{Department: "조용한과", LastLoggedOn: day(2025, 11, 30)}) {
		t.Errorf("silent managed department = %+v", d)
	}
	if d, ok := byName["취소된과"]; !ok || d.Jobs != 0 || !d.LastLoggedOn.IsZero() {
		t.Errorf("managed department with only voided entries = %+v (listed %v)", d, ok)
	}
	if _, ok := byName["관리안된과"]; ok {
		t.Errorf("an unmanaged department with only voided entries is listed: %+v", got)
	}
}
