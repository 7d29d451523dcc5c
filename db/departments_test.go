package db_test

import (
	"context"
	"sync"
	"testing"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// Migration 00010 folds look-alike department names written before it into
// the department they imitate, keeps the totals, and retires a department
// whose entries were all voided (the issue 10 flood), so status stops listing it.
func TestManagedDepartmentsMigration(t *testing.T) {
	ctx := context.Background()
	s, err := db.Open(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.MigrateTo(ctx, 9); err != nil {
		t.Fatal(err)
	}
	// Rows as version 9's add and void left them, written in plain SQL: the
	// code of today's store speaks the schema of today.
	vulnerable := programByCode(t, s, "vulnerable")
	atVersion9 := func(dept string, jobs int64, asOf string, voided bool) {
		t.Helper()
		steps := []string{
			`INSERT INTO entries (program_id, count, kind, as_of, status, department, logged_by, source, idempotency_key, voided_at, voided_by, void_reason)
			 VALUES ($1, $2, 'delta', $3::date, 'realised', $4, 'U_TEST', 'console', gen_random_uuid()::text,
			         CASE WHEN $5::bool THEN now() END, CASE WHEN $5::bool THEN 'U_FLOOD' ELSE '' END, CASE WHEN $5::bool THEN 'undo' ELSE '' END)`,
			`INSERT INTO program_days (program_id, day, status, jobs, approx_jobs)
			 SELECT $1, $3::date, 'realised', CASE WHEN $5::bool THEN 0 ELSE $2::bigint END, 0 WHERE $4::text IS NOT NULL
			 ON CONFLICT (program_id, day, status) DO UPDATE SET jobs = program_days.jobs + EXCLUDED.jobs`,
			`INSERT INTO department_days (department, day, program_id, status, jobs, approx_jobs)
			 VALUES ($4, $3::date, $1, 'realised', CASE WHEN $5::bool THEN 0 ELSE $2::bigint END, 0)
			 ON CONFLICT (department, day, program_id, status) DO UPDATE SET jobs = department_days.jobs + EXCLUDED.jobs`,
			`INSERT INTO departments (department, last_logged_on)
			 SELECT $4, CASE WHEN $5::bool THEN NULL ELSE $3::date END WHERE $1::bigint > 0 AND $2::bigint > 0
			 ON CONFLICT (department) DO UPDATE SET last_logged_on = GREATEST(departments.last_logged_on, EXCLUDED.last_logged_on)`,
		}
		for _, q := range steps {
			if _, err := s.DB().ExecContext(ctx, q, vulnerable.ID, jobs, asOf, dept, voided); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, dept := range []string{"복지정책과", "복지\u200b정책과", "\u202e복지정책과"} {
		atVersion9(dept, 4, "2026-03-02", false)
	}
	for i := range 30 {
		atVersion9("Z"+string(rune('A'+i)), 1, "2026-03-03", true)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var names []string
	if err := s.DB().SelectContext(ctx, &names, `SELECT DISTINCT department FROM entries WHERE voided_at IS NULL`); err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 || names[0] != "복지정책과" {
		t.Errorf("live entries are credited to %q, want only 복지정책과", names)
	}
	got, err := s.DepartmentTotals(ctx, day(2026, 1, 1), day(2026, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	managed, err := s.Departments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(managed) {
		t.Errorf("status lists %d departments, the managed list has %d: %+v", len(got), len(managed), got)
	}
	for _, d := range got {
		if d.Department == "복지정책과" && d.Jobs != 12 {
			t.Errorf("복지정책과 has %d jobs after the migration, want 12", d.Jobs)
		}
		if d.Department[0] == 'Z' {
			t.Errorf("a flood department is listed: %+v", d)
		}
	}
	var zeros int
	if err := s.DB().GetContext(ctx, &zeros, `SELECT count(*) FROM departments WHERE department LIKE 'Z%' AND NOT active`); err != nil || zeros != 30 {
		t.Errorf("retired flood departments = %d (%v), want 30 kept as history", zeros, err)
	}
}

// A merge and a rename while adds (cumulative ones too) run on the same
// departments take locks in the add path's order: no deadlock, no lost job,
// and the daily totals still equal a plain SUM over the entries.
func TestDepartmentMovesUnderConcurrentWrites(t *testing.T) {
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth") // 일자리정책과
	for _, name := range []string{"일자리경재과", "청년정책과"} {
		if _, err := s.AddDepartment(ctx, commands.Department{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	typo := delta(youth.ID, 3, day(2026, 3, 2))
	typo.Department = "일자리경재과"
	mustAdd(t, s, typo)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := range 6 {
		wg.Go(func() {
			for i := range 15 {
				e := delta(youth.ID, 1, day(2026, 3, 1+i%20))
				if w%2 == 1 {
					e = cumulative(youth.ID, int64(1000*w+i+1), day(2026, 12, 31))
				}
				// Voids are left out: adds and voids alone still deadlock on
				// main (issue 10, break 2, fixed on its own branch); add them
				// here once that lands.
				_, err := s.AddEntry(ctx, e)
				if refusedReport(err) {
					continue
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Go(func() {
		if _, err := s.MergeDepartments(ctx, "일자리경재과", "일자리정책과"); err != nil {
			errs <- err
		}
		if _, err := s.RenameDepartment(ctx, "청년정책과", "청년일자리과"); err != nil {
			errs <- err
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write: %v", err)
	}
	var mismatches int
	const q = `
		SELECT count(*) FROM (
			SELECT department, SUM(count) FILTER (WHERE voided_at IS NULL) AS jobs FROM entries GROUP BY department) l
		FULL JOIN (SELECT department, SUM(jobs) AS jobs FROM department_days GROUP BY department) d USING (department)
		WHERE COALESCE(l.jobs, 0) <> COALESCE(d.jobs, 0)`
	if err := s.DB().GetContext(ctx, &mismatches, q); err != nil || mismatches != 0 {
		t.Errorf("%d departments whose daily totals differ from the entries (%v)", mismatches, err)
	}
	checkLedgerSums(t, s) // every totals table, the monthly ones included
	var left int
	if err := s.DB().GetContext(ctx, &left, `SELECT count(*) FROM entries WHERE department IN ('일자리경재과', '청년정책과')`); err != nil || left != 0 {
		t.Errorf("%d entries still credited to a moved name (%v)", left, err)
	}
}

// An add that still carries a department's old name (a replica's program
// cache, an add that waited behind the rename's lock) lands on the department
// that took the name over, never on a re-created retired row (review of issue 13).
func TestAddWithARenamedDepartmentLandsOnTheNewName(t *testing.T) {
	ctx := context.Background()
	s := dbtest.New(t)
	senior := programByCode(t, s, "senior")
	if _, err := s.RenameDepartment(ctx, senior.Department, "노인정책과"); err != nil {
		t.Fatal(err)
	}
	e := delta(senior.ID, 7, day(2026, 3, 2))
	e.Department = senior.Department // the name as a stale cache still has it
	got := mustAdd(t, s, e)
	if got.Entry.Department != "노인정책과" {
		t.Errorf("entry credited to %q, want 노인정책과", got.Entry.Department)
	}
	var stray int
	if err := s.DB().GetContext(ctx, &stray,
		`SELECT count(*) FROM department_days WHERE department = $1 AND jobs > 0`, senior.Department); err != nil || stray != 0 {
		t.Errorf("daily totals under the old name = %d (%v), want 0", stray, err)
	}
}
