package db

// Lock order. Every write path (delta add, cumulative report, void, undo,
// rebuild, department rename and merge, and any plain INSERT, UPDATE or
// DELETE of entries) takes its locks in this order, and within one table in
// ascending key order, so no two writers can ever wait for each other in a
// cycle:
//
//  1. the program's write lock, a transaction advisory lock keyed by program
//     ID (lockProgram): shared for a delta add, exclusive for a cumulative
//     report, a void and an undo, so a report's total through its date and a
//     void's recomputation of later reports see no add in flight. A batch of
//     delta adds (batch.go) takes the lock of each of its programs, shared,
//     in ascending program ID order, before it writes anything;
//     1a. the fingerprint lock of a delta add held as a repeat
//     (NewEntry.HoldRepeat, repeats.go): a transaction advisory lock keyed
//     by a hash of the entry's program, date, count, status and department,
//     exclusive, taken after every program lock of the add (or batch), in
//     ascending key order, and followed by the look for the identical
//     delta in a statement of its own. Only such adds take it, and they
//     take nothing of step 1 after it, so no cycle closes through it;
//     1b. the answer locks of an add answering a held question that has
//     other answers (NewEntry.Answers, answers.go: a date hold's other
//     line, a figure question's 누계 lines; a 채용 answering one,
//     HireAgreement, takes them after its program's lock and before it
//     locks the agreement's row): transaction advisory locks
//     keyed by a hash of the add's idempotency key and of each other
//     answer's, exclusive, in ascending key order, after steps 1 and 1a,
//     followed by the look for a live entry of another answer in a
//     statement of its own (review r29 B7). Only such adds take them, and
//     they take nothing of steps 1 or 1a after them;
//  2. entries: the table in ROW EXCLUSIVE mode, then rows by ascending id;
//  3. program_days rows by (program_id, day, status), then program_months
//     rows by (program_id, month, status);
//  4. department_days rows by (department, day, program_id, status), then
//     department_months rows by (department, month, program_id, status);
//  5. departments rows by department (a write of entries only makes sure
//     its row exists, ON CONFLICT DO NOTHING, which locks no existing row:
//     the date a department last logged is read from department_days, so no
//     add updates a row every add of the department would queue on);
//  6. employment_days rows by (day, program_id, status, employment_type),
//     then employment_months rows by (month, program_id, status,
//     employment_type);
//  7. the 실적 없음 lock of each department the statement added live
//     realised jobs to (an agreement takes none: it is not 실적, migration
//     00038), shared, in ascending key order, taken by the entries' statement
//     trigger entries_refuse_nothing_month (migration 00020; PostgreSQL
//     fires a table's AFTER triggers in name order, so it runs just before
//     entries_totals, steps 3 to 6: safe either way). A 실적 없음
//     (AddNothing) takes every program's write lock shared
//     (step 1, ascending ID order, so a month close waits for it and it
//     sees a close it waited for) and then this lock exclusively. It can
//     wait for adds, but no add waits for a lock it holds while it waits:
//     adds take their program locks shared too, and a writer that takes a
//     program lock exclusively takes no 실적 없음 lock before it. No cycle.
//     A 실적 없음's void takes the program locks shared and nothing more.
//     A department rename or merge takes this lock too, exclusively, for
//     both departments (see the department-move paragraph below); a
//     실적 없음 takes the lock of the name it was sent for, then resolves
//     that name (a move may have made it an alias meanwhile) and takes the
//     surviving department's lock too, filing the report under it
//     (lockNothingDepartment, nothing.go; review r2 B0);
//  7b. the last_actions row of each user the transaction writes a line for
//     (markLine, markLines, last_actions.go: the line is marked its user's
//     last, committed with its write), in ascending user_id order; taken
//     after every lock above. UndoLast (취소) keeps the order: it reads the
//     row without a lock, takes the program lock of the entry it names
//     (step 1), and only then locks the row (FOR UPDATE), starting over if
//     the row changed meanwhile. keepLastAction's record of a line is a
//     statement of its own that holds nothing else;
//  8. the command_deliveries row of the command's delivery, if it carries
//     one (recordDelivery, deliveries.go): last, just before COMMIT. Two
//     runs of one delivery meet only there, the later one after taking
//     every lock above in the same order.
//
// Steps 3 to 6 are the statement trigger entries_totals (migration 00022):
// no Go code writes a totals table. It fires at the end of every statement
// that writes entries, after that statement's step 2, and applies the
// statement's change to each table in the order above, in key order. A void
// is several such statements (the void, then each later cumulative report it
// recomputes, which locks more entries rows after the first trigger ran):
// out of this order, but no cycle can close through it, since every totals
// row is per program and a void holds its program's lock exclusively, so no
// other write of that program's rows is in flight. A cumulative report
// dated before later ones (adjustments.go) locks those reports' rows, in
// ascending ID order, before its insert, and re-bases them after it, under
// its program's exclusive lock: the same argument holds.
//
// A month close or reopening (closes.go) takes every program's write lock
// exclusively, in ascending ID order (step 1), and only then writes
// month_closes; every write dated in a month reads month_closes after its
// own program lock, in a statement of its own, so none lands in a month
// closed meanwhile. A correction (corrections.go) and a hire (hires.go) hold
// their program's lock exclusively, then lock entries rows (step 2: the
// corrected entry or the agreement) before inserting; their link tables
// (entry_corrections, agreement_hires, entry_after_close) come after every
// totals table.
//
// An import (imports.go) first inserts its file's row in imports (a second
// import of the same file waits there, holding nothing else), then takes
// the write lock of every program of the file exclusively, in ascending ID
// order, before step 2, and then writes as a cumulative report and a void
// do (its delta rows go in insertEntriesQuery batches). Its preview (a dry
// run, rolled back) takes no program lock and no imports row, and writes no
// totals row (the triggers are off in it, migration 00052): see
// import_preview.go for what it holds instead.
//
// RebuildAggregates (the SQL function rebuild_totals) takes no program lock:
// it locks entries in SHARE mode, which waits for and then holds off every
// writer, and then the totals tables in the order above. (The batch
// statement of delta adds takes its tables' ROW EXCLUSIVE locks as it
// starts, after step 1; those conflict only with the rebuild, which holds no
// program lock, so no cycle can close through them.) A department rename or
// merge (departments.go) locks every programs row (FOR NO KEY UPDATE, which
// an add's foreign-key check does not wait for) and then entries in SHARE
// ROW EXCLUSIVE mode, which waits for adds in flight and holds off new ones;
// then the 실적 없음 lock (step 7) of the department moved and of the one it
// moves into, exclusively, in ascending key order, before it writes: the
// move voids and moves 실적 없음 reports, so a 실적 없음 in flight for
// either finishes first and is seen, and a later one waits for the move's
// commit and sees the moved jobs (review_hostile2 N3; it holds only program
// locks, shared, while it waits, and the move takes none);
// a merge then takes month_closes in SHARE mode (a close in flight, which
// holds no lock a move waits for, finishes first; none starts until the
// merge commits) to refuse moving a closed month's figures; its UPDATE of
// entries then moves the department totals through the trigger. An add that carried the old name lands on the new one
// (insertEntriesQuery maps it through the department's aliases). A
// transaction that still fails with a deadlock or a serialization failure is
// retried a few times (Store.inTx).

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// programLockClass is the first key of the program write lock, as SQL text:
// the advisory lock space is shared with goose's migration lock, which uses
// one bigint key. 4869954 is 0x4a4f42, "JOB".
const programLockClass = `4869954`

// programLockKey is the second key: the program ID folded into int4 (IDs are
// far below 2^31; a collision would only serialize two programs' writes).
const programLockKey = `($1::bigint % 2147483647)::int`

// lockProgram takes the program's write lock exclusively until the end of
// the transaction (lock order step 1), and then entries in ROW EXCLUSIVE
// mode (step 2), before the caller reads any totals.
func lockProgram(ctx context.Context, db sqlx.ExtContext, programID int64) error {
	if previewFrom(ctx) != nil {
		return nil // an import preview takes no program lock (import_preview.go)
	}
	const q = `SELECT pg_advisory_xact_lock(` + programLockClass + `, ` + programLockKey + `)`
	if _, err := db.ExecContext(ctx, q, programID); err != nil {
		return fmt.Errorf("lock program %d: %w", programID, err)
	}
	if _, err := db.ExecContext(ctx, `LOCK TABLE entries IN ROW EXCLUSIVE MODE`); err != nil {
		return fmt.Errorf("lock entries: %w", err)
	}
	return nil
}

// monthSpan divides a span of days [from, to] between the monthly totals
// tables and the daily ones: the whole months inside it come from the
// monthly rows (first days monthFrom through monthTo), the days before and
// after them from the daily rows. A part with nothing in it is an empty
// range (its start after its end), so every query takes all six bounds.
type monthSpan struct {
	headFrom, headTo, monthFrom, monthTo, tailFrom, tailTo string
}

func splitMonths(from, to time.Time) monthSpan {
	first := monthOf(from) // the first whole month starts here...
	if from.Day() != 1 {
		first = first.AddDate(0, 1, 0) // ...or a month later
	}
	end := monthOf(to).AddDate(0, 1, 0) // the day after the last whole month
	if to.AddDate(0, 0, 1).Day() != 1 {
		end = monthOf(to)
	}
	if !first.Before(end) { // no whole month: every day from the daily rows
		after := dateArg(to.AddDate(0, 0, 1))
		return monthSpan{dateArg(from), dateArg(to), after, dateArg(to), after, dateArg(to)}
	}
	return monthSpan{
		headFrom: dateArg(from), headTo: dateArg(first.AddDate(0, 0, -1)),
		monthFrom: dateArg(first), monthTo: dateArg(end.AddDate(0, -1, 0)),
		tailFrom: dateArg(end), tailTo: dateArg(to),
	}
}

// args are the six bounds, for queries that number them $1…$6 in this order.
func (m monthSpan) args() []any {
	return []any{m.headFrom, m.headTo, m.monthFrom, m.monthTo, m.tailFrom, m.tailTo}
}

// monthOf is the first day of d's month.
func monthOf(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// yearTotal returns a program's live jobs of one status with as-of dates in
// the given year, read from program_days.
func yearTotal(ctx context.Context, db sqlx.ExtContext, programID int64, year int, status commands.EntryStatus) (int64, error) {
	return totalThrough(ctx, db, programID, time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC), status)
}

// totalThrough returns a program's live jobs of one status with as-of dates
// from 1 January of through's year up to through, read from program_days:
// what a cumulative report dated through is compared with.
//
// An import preview keeps no totals (import_preview.go): there it sums the
// live entries themselves, its simulated ones included.
func totalThrough(ctx context.Context, db sqlx.ExtContext, programID int64, through time.Time, status commands.EntryStatus) (int64, error) {
	q := `
		SELECT COALESCE(SUM(jobs), 0)
		FROM program_days
		WHERE program_id = $1 AND status = $2 AND day BETWEEN $3::date AND $4::date`
	if previewFrom(ctx) != nil {
		q = `
		SELECT COALESCE(SUM(count), 0)
		FROM entries
		WHERE program_id = $1 AND status = $2 AND as_of BETWEEN $3::date AND $4::date AND voided_at IS NULL`
	}
	var total int64
	from := fmt.Sprintf("%04d-01-01", through.Year())
	if err := sqlx.GetContext(ctx, db, &total, q, programID, string(status), from, dateArg(through)); err != nil {
		return 0, fmt.Errorf("total through %s: %w", dateArg(through), err)
	}
	return total, nil
}

// ProgramTotals sums live entries with as-of dates in [from, to] per program,
// ordered by program ID; department "" means every department, otherwise
// only entries credited to that department count. Programs without live
// entries in the span are left out. It reads the totals tables, never
// entries, and whole months from the monthly ones (splitMonths), so its cost
// depends on the span, not on the size of the ledger.
func (s *Store) ProgramTotals(ctx context.Context, from, to time.Time, department string) ([]commands.ProgramTotal, error) {
	// The jobs from the totals tables; their approximate part as of to by
	// the rule of approximate.go, from the daily rows of the span.
	days, where, next, dept := "program_days", "", 7, ""
	parts := `
			SELECT program_id, status, jobs FROM program_months WHERE month BETWEEN $3::date AND $4::date
			UNION ALL
			SELECT program_id, status, jobs FROM program_days
			WHERE day BETWEEN $1::date AND $2::date OR day BETWEEN $5::date AND $6::date`
	if department != "" {
		days, where, next, dept = "department_days", "d.department = $7 AND ", 8, "d.department"
		parts = `
			SELECT program_id, status, jobs FROM department_months
			WHERE department = $7 AND month BETWEEN $3::date AND $4::date
			UNION ALL
			SELECT program_id, status, jobs FROM department_days
			WHERE department = $7 AND (day BETWEEN $1::date AND $2::date OR day BETWEEN $5::date AND $6::date)`
	}
	lo, hi := fmt.Sprintf("$%d::date", next), fmt.Sprintf("$%d::date", next+1)
	agreedDept := ""
	if department != "" {
		agreedDept = "e.department = $7 AND "
	}
	q := `
		WITH ` + latestReportCTE(lo, hi) + `, approx AS (
			SELECT d.program_id, SUM(` + approxNow("d.day", "d.jobs", "d.approx_jobs", outsideDays("d", dept)) + `) AS approximate
			FROM ` + days + ` d` + joinLatestReport("d", "day") + `
			WHERE ` + where + `d.status = 'realised' AND d.day BETWEEN ` + lo + ` AND ` + hi + `
			GROUP BY d.program_id
		), sums AS (
			SELECT program_id,
			       COALESCE(SUM(jobs) FILTER (WHERE status = 'realised'), 0) AS jobs,
			       COALESCE(SUM(jobs) FILTER (WHERE status = 'agreed'), 0)   AS agreed
			FROM (` + parts + `
			) t
			GROUP BY program_id
			HAVING SUM(jobs) > 0
		)
		SELECT s.program_id, s.jobs, COALESCE(a.approximate, 0) AS approximate, s.agreed,
		       -- an approximate agreement (100여) makes the agreed sum approximate (r20 G24)
		       s.agreed > 0 AND EXISTS (SELECT 1 FROM entries e
		               WHERE ` + agreedDept + `e.program_id = s.program_id AND e.status = 'agreed' AND e.approximate
		                 AND e.voided_at IS NULL AND e.as_of BETWEEN ` + lo + ` AND ` + hi + `) AS agreedapproximate
		FROM sums s LEFT JOIN approx a ON a.program_id = s.program_id
		ORDER BY s.program_id`
	var rows []struct {
		ProgramID    int64 `db:"program_id"`
		Jobs         int64 `db:"jobs"`
		Approximate  int64 `db:"approximate"`
		Agreed       int64 `db:"agreed"`
		AgreedApprox bool  `db:"agreedapproximate"`
	}
	args := splitMonths(from, to).args()
	if department != "" {
		args = append(args, department)
	}
	args = append(args, dateArg(from), dateArg(to))
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, args...); err != nil {
		return nil, wrap("program totals", err)
	}
	out := make([]commands.ProgramTotal, len(rows))
	for i, r := range rows {
		out[i] = commands.ProgramTotal{ProgramID: r.ProgramID, Jobs: r.Jobs, Approximate: r.Approximate, Agreed: r.Agreed, AgreedApproximate: r.AgreedApprox}
	}
	return out, nil
}

// ProgramYearTotal sums one program's live entries with as-of dates in the
// year, read from program_months (at most 24 rows), with the approximate part
// by the rule of approximate.go from its daily rows.
func (s *Store) ProgramYearTotal(ctx context.Context, programID int64, year int) (commands.ProgramTotal, error) {
	q := `
		WITH ` + latestReportCTE("$2::date", "$3::date") + `
		SELECT COALESCE(SUM(jobs) FILTER (WHERE status = 'realised'), 0) AS jobs,
		       COALESCE(SUM(jobs) FILTER (WHERE status = 'agreed'), 0)   AS agreed,
		       (SELECT COALESCE(SUM(` + approxNow("d.day", "d.jobs", "d.approx_jobs", outsideDays("d", "")) + `), 0)
		        FROM program_days d` + joinLatestReport("d", "day") + `
		        WHERE d.program_id = $1 AND d.status = 'realised' AND d.day BETWEEN $2::date AND $3::date) AS approximate,
		       -- an approximate agreement (약 300 약정) makes the pipeline approximate (r15 F8)
		       EXISTS (SELECT 1 FROM entries e
		               WHERE e.program_id = $1 AND e.status = 'agreed' AND e.approximate AND e.voided_at IS NULL
		                 AND e.as_of BETWEEN $2::date AND $3::date) AS agreedapproximate
		FROM program_months
		WHERE program_id = $1 AND month BETWEEN $2::date AND $3::date`
	t := commands.ProgramTotal{ProgramID: programID}
	from, to := fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
	if err := sqlx.GetContext(ctx, s.db, &t, q, programID, from, to); err != nil {
		return commands.ProgramTotal{}, wrap(fmt.Sprintf("year total of program %d", programID), err)
	}
	return t, nil
}

// DepartmentTotals sums live realised jobs in [from, to] per department,
// ordered by department, listing every active department of the managed list
// (with 0 when it logged nothing live in the span) and a retired one only
// while it has live jobs in the span, so status never lists more departments
// than the managed list holds.
func (s *Store) DepartmentTotals(ctx context.Context, from, to time.Time) ([]commands.DepartmentTotal, error) {
	q := `
		WITH ` + latestReportCTE("$7::date", "$8::date") + `,
		approx AS (
			-- The approximate-now part (approximate.go), from the days of
			-- the span that can have one.
			SELECT dd.department, SUM(` + approxNow("dd.day", "dd.jobs", "dd.approx_jobs", outsideDays("dd", "dd.department")) + `) AS jobs
			FROM department_days dd` + joinLatestReport("dd", "day") + `
			WHERE dd.status = 'realised' AND dd.day BETWEEN $7::date AND $8::date
			  AND (dd.approx_jobs > 0 OR lr.approximate)
			  AND dd.program_id IN (SELECT id FROM programs WHERE unit <> '회')
			GROUP BY dd.department
		)
		SELECT d.department, COALESCE(t.jobs, 0) AS jobs, COALESCE(a.jobs, 0) AS approximate,
		       -- The newest day with live jobs: a probe of department_days'
		       -- primary key from its end, so no add has to keep a hot row.
		       (SELECT max(dd.day) FROM department_days dd
		        WHERE dd.department = d.department AND dd.jobs > 0) AS last_logged_on
		FROM departments d
		LEFT JOIN (
			SELECT department, SUM(jobs) AS jobs
			FROM (
				-- Whole months from department_months, the days around them
				-- from department_days (splitMonths).
				SELECT department, program_id, jobs FROM department_months
				WHERE status = 'realised' AND month BETWEEN $3::date AND $4::date
				UNION ALL
				SELECT department, program_id, jobs FROM department_days
				WHERE status = 'realised' AND (day BETWEEN $1::date AND $2::date OR day BETWEEN $5::date AND $6::date)
			) s
			WHERE program_id IN (SELECT id FROM programs WHERE unit <> '회') -- sessions are not jobs
			GROUP BY department
		) t ON t.department = d.department
		LEFT JOIN approx a ON a.department = d.department
		-- Managed departments only; a retired one while it has live jobs (issue 10).
		WHERE d.active OR t.jobs > 0
		ORDER BY d.department`
	var rows []struct {
		Department   string       `db:"department"`
		Jobs         int64        `db:"jobs"`
		Approximate  int64        `db:"approximate"`
		LastLoggedOn sql.NullTime `db:"last_logged_on"`
	}
	args := append(splitMonths(from, to).args(), dateArg(from), dateArg(to))
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, args...); err != nil {
		return nil, wrap("department totals", err)
	}
	out := make([]commands.DepartmentTotal, len(rows))
	for i, r := range rows {
		out[i] = commands.DepartmentTotal{Department: r.Department, Jobs: r.Jobs, Approximate: r.Approximate}
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
	return s.dayTotals(ctx, "daily jobs", q, from, to)
}

// CumulativeJobsByDay returns live realised jobs recorded by cumulative
// reports per as-of date in [from, to], jobs-counting programs only, oldest
// first, from the partial index of live cumulative reports by as-of date
// alone: a week at 10M entries holds some 20,000 entries, few of them reports.
func (s *Store) CumulativeJobsByDay(ctx context.Context, from, to time.Time) ([]commands.DayTotal, error) {
	const q = `
		SELECT as_of AS day, SUM(count) AS jobs, bool_or(approximate) AS approximate
		FROM entries
		WHERE kind = 'cumulative' AND voided_at IS NULL AND status = 'realised'
		  AND as_of BETWEEN $1::date AND $2::date
		  AND program_id IN (SELECT id FROM programs WHERE unit <> '회') -- sessions are not jobs
		GROUP BY as_of
		ORDER BY as_of`
	var rows []struct {
		Day         time.Time `db:"day"`
		Jobs        int64     `db:"jobs"`
		Approximate bool      `db:"approximate"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(from), dateArg(to)); err != nil {
		return nil, wrap("cumulative jobs by day", err)
	}
	out := make([]commands.DayTotal, len(rows))
	for i, r := range rows {
		out[i] = commands.DayTotal{Day: dateOf(r.Day), Jobs: r.Jobs, Approximate: r.Approximate}
	}
	return out, nil
}

// dayTotals runs a query of (day, jobs) rows over [from, to] ($1, $2).
func (s *Store) dayTotals(ctx context.Context, what, q string, from, to time.Time) ([]commands.DayTotal, error) {
	var rows []struct {
		Day  time.Time `db:"day"`
		Jobs int64     `db:"jobs"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(from), dateArg(to)); err != nil {
		return nil, wrap(what, err)
	}
	out := make([]commands.DayTotal, len(rows))
	for i, r := range rows {
		out[i] = commands.DayTotal{Day: dateOf(r.Day), Jobs: r.Jobs}
	}
	return out, nil
}

// ProgramDepartmentJobs sums one program's live realised jobs with as-of
// dates in [from, to] per department (누계 increments included), ordered by
// department; departments without jobs in the span are left out.
func (s *Store) ProgramDepartmentJobs(ctx context.Context, programID int64, from, to time.Time) ([]commands.DepartmentTotal, error) {
	q := `
		SELECT department, SUM(jobs) AS jobs
		FROM department_days
		WHERE program_id = $1 AND status = 'realised' AND day BETWEEN $2::date AND $3::date
		GROUP BY department
		HAVING SUM(jobs) <> 0
		ORDER BY department`
	var rows []struct {
		Department string `db:"department"`
		Jobs       int64  `db:"jobs"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, programID, dateArg(from), dateArg(to)); err != nil {
		return nil, wrap(fmt.Sprintf("department jobs of program %d", programID), err)
	}
	out := make([]commands.DepartmentTotal, len(rows))
	for i, r := range rows {
		out[i] = commands.DepartmentTotal{Department: r.Department, Jobs: r.Jobs}
	}
	return out, nil
}
