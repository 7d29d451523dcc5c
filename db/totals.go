package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// tally is a voided entry's (negative) contribution to the running totals;
// recording an entry adds its share in insertEntryQuery.
type tally struct {
	programID  int64
	department string
	day        time.Time
	status     commands.EntryStatus
	jobs       int64
	approx     int64
}

// subtractFromTotals applies a void's negative tally. It updates rather than
// upserts: PostgreSQL checks the proposed row of INSERT ... ON CONFLICT
// against CHECK (jobs >= 0) before it finds the conflict, and the rows exist
// anyway since the entry was added to them.
func subtractFromTotals(ctx context.Context, db sqlx.ExtContext, t tally) error {
	day := dateArg(t.day)
	const programDays = `
		UPDATE program_days SET jobs = jobs + $4, approx_jobs = approx_jobs + $5
		WHERE program_id = $1 AND day = $2::date AND status = $3`
	if err := updateOne(ctx, db, programDays, t.programID, day, string(t.status), t.jobs, t.approx); err != nil {
		return fmt.Errorf("program totals: %w", err)
	}
	const departmentDays = `
		UPDATE department_days SET jobs = jobs + $5, approx_jobs = approx_jobs + $6
		WHERE department = $1 AND day = $2::date AND program_id = $3 AND status = $4`
	if err := updateOne(ctx, db, departmentDays, t.department, day, t.programID, string(t.status), t.jobs, t.approx); err != nil {
		return fmt.Errorf("department totals: %w", err)
	}
	// The void may remove the department's latest entry. Lock the row first:
	// in READ COMMITTED the next statement then sees any entry committed by a
	// writer that held the lock, so the recomputed date cannot miss it.
	if _, err := db.ExecContext(ctx, `SELECT 1 FROM departments WHERE department = $1 FOR UPDATE`, t.department); err != nil {
		return fmt.Errorf("department last logged: %w", err)
	}
	const recompute = `
		UPDATE departments
		SET last_logged_on = (SELECT max(day) FROM department_days WHERE department = $1 AND jobs > 0)
		WHERE department = $1`
	if _, err := db.ExecContext(ctx, recompute, t.department); err != nil {
		return fmt.Errorf("department last logged: %w", err)
	}
	return nil
}

// updateOne runs an UPDATE that must change exactly one row; a missing
// totals row means the totals disagree with the ledger, which must not pass
// silently.
func updateOne(ctx context.Context, db sqlx.ExtContext, q string, args ...any) error {
	res, err := db.ExecContext(ctx, q, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n != 1 {
		return fmt.Errorf("updated %d rows, want 1: totals out of step with entries", n)
	}
	return nil
}

// yearTotal returns a program's live jobs of one status with as-of dates in
// the given year, read from program_days.
func yearTotal(ctx context.Context, db sqlx.ExtContext, programID int64, year int, status commands.EntryStatus) (int64, error) {
	const q = `
		SELECT COALESCE(SUM(jobs), 0)
		FROM program_days
		WHERE program_id = $1 AND status = $2 AND day BETWEEN $3::date AND $4::date`
	var total int64
	from, to := fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
	if err := sqlx.GetContext(ctx, db, &total, q, programID, string(status), from, to); err != nil {
		return 0, fmt.Errorf("year total: %w", err)
	}
	return total, nil
}

// ProgramTotals sums live entries with as-of dates in [from, to] per program,
// ordered by program ID; department "" means every department, otherwise
// only entries credited to that department count. Programs without live
// entries in the span are left out. It reads the daily totals, never entries,
// so its cost depends on the span, not on the size of the ledger.
func (s *Store) ProgramTotals(ctx context.Context, from, to time.Time, department string) ([]commands.ProgramTotal, error) {
	const sums = `
		SELECT program_id,
		       COALESCE(SUM(jobs) FILTER (WHERE status = 'realised'), 0)        AS jobs,
		       COALESCE(SUM(approx_jobs) FILTER (WHERE status = 'realised'), 0) AS approximate,
		       COALESCE(SUM(jobs) FILTER (WHERE status = 'agreed'), 0)          AS agreed`
	const tail = `
		GROUP BY program_id
		HAVING SUM(jobs) > 0
		ORDER BY program_id`
	var (
		rows []struct {
			ProgramID   int64 `db:"program_id"`
			Jobs        int64 `db:"jobs"`
			Approximate int64 `db:"approximate"`
			Agreed      int64 `db:"agreed"`
		}
		err error
	)
	if department == "" {
		q := sums + ` FROM program_days WHERE day BETWEEN $1::date AND $2::date` + tail
		err = sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(from), dateArg(to))
	} else {
		q := sums + ` FROM department_days WHERE department = $3 AND day BETWEEN $1::date AND $2::date` + tail
		err = sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(from), dateArg(to), department)
	}
	if err != nil {
		return nil, wrap("program totals", err)
	}
	out := make([]commands.ProgramTotal, len(rows))
	for i, r := range rows {
		out[i] = commands.ProgramTotal{ProgramID: r.ProgramID, Jobs: r.Jobs, Approximate: r.Approximate, Agreed: r.Agreed}
	}
	return out, nil
}

// DepartmentTotals sums live realised jobs in [from, to] per department,
// ordered by department, listing every active department of the managed list
// (with 0 when it logged nothing live in the span) and a retired one only
// while it has live jobs in the span, so status never lists more departments
// than the managed list holds.
func (s *Store) DepartmentTotals(ctx context.Context, from, to time.Time) ([]commands.DepartmentTotal, error) {
	const q = `
		SELECT d.department, COALESCE(t.jobs, 0) AS jobs, d.last_logged_on
		FROM departments d
		LEFT JOIN (
			SELECT department, SUM(jobs) AS jobs
			FROM department_days
			WHERE status = 'realised' AND day BETWEEN $1::date AND $2::date
			  AND program_id IN (SELECT id FROM programs WHERE unit <> '회') -- sessions are not jobs
			GROUP BY department
		) t ON t.department = d.department
		-- Managed departments only; a retired one while it has live jobs (issue 10).
		WHERE d.active OR t.jobs > 0
		ORDER BY d.department`
	var rows []struct {
		Department   string       `db:"department"`
		Jobs         int64        `db:"jobs"`
		LastLoggedOn sql.NullTime `db:"last_logged_on"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(from), dateArg(to)); err != nil {
		return nil, wrap("department totals", err)
	}
	out := make([]commands.DepartmentTotal, len(rows))
	for i, r := range rows {
		out[i] = commands.DepartmentTotal{Department: r.Department, Jobs: r.Jobs}
		if r.LastLoggedOn.Valid {
			out[i].LastLoggedOn = dateOf(r.LastLoggedOn.Time)
		}
	}
	return out, nil
}

// DailyJobs returns live realised jobs per as-of date in [from, to], every
// jobs-counting program summed (not those counted in sessions, 회), oldest first, only for days that have any.
func (s *Store) DailyJobs(ctx context.Context, from, to time.Time) ([]commands.DayTotal, error) {
	const q = `
		SELECT day, SUM(jobs) AS jobs
		FROM program_days
		WHERE status = 'realised' AND day BETWEEN $1::date AND $2::date
		  AND program_id IN (SELECT id FROM programs WHERE unit <> '회') -- sessions are not jobs
		GROUP BY day
		HAVING SUM(jobs) > 0
		ORDER BY day`
	var rows []struct {
		Day  time.Time `db:"day"`
		Jobs int64     `db:"jobs"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(from), dateArg(to)); err != nil {
		return nil, wrap("daily jobs", err)
	}
	out := make([]commands.DayTotal, len(rows))
	for i, r := range rows {
		out[i] = commands.DayTotal{Day: dateOf(r.Day), Jobs: r.Jobs}
	}
	return out, nil
}
