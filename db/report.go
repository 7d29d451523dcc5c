package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// MonthTotals sums live entries with as-of dates in [from, to] per month,
// program, department, employment type and status, ordered by month and
// program, with the part approximate as of to (approximate.go) and the part
// approximate as of its own month's end (monthReportCTE). It reads
// entries (the running totals keep no employment type) through the covering
// index entries_by_as_of.
func (s *Store) MonthTotals(ctx context.Context, from, to time.Time) ([]commands.MonthTotal, error) {
	// The approximate part as of to, by the rule of approximate.go.
	q := `
		WITH ` + latestReportCTE("$1::date", "$2::date") + `, ` + monthReportCTE("$1::date", "$2::date") + `
		SELECT date_trunc('month', e.as_of)::date AS month, e.program_id, e.department, e.employment_type, e.status,
		       SUM(e.count) AS jobs,
		       SUM(` + approxNow("e.as_of", "e.count", "CASE WHEN e.approximate THEN e.count ELSE 0 END", outsideEntry("lr")) + `) AS approximate,
		       SUM(CASE WHEN mr.as_of >= e.as_of THEN CASE WHEN mr.approximate THEN e.count ELSE ` + outsideEntry("mr") + ` END
		                ELSE CASE WHEN e.approximate THEN e.count ELSE 0 END END) AS month_approximate,
		       SUM(` + approxNowByType("lr", "e.as_of", "e.count", "CASE WHEN e.approximate THEN e.count ELSE 0 END", "e.employment_type", outsideEntry("lr")) + `) AS type_approximate,
		       SUM(` + approxNowByType("mr", "e.as_of", "e.count", "CASE WHEN e.approximate THEN e.count ELSE 0 END", "e.employment_type", outsideEntry("mr")) + `) AS type_month_approximate
		FROM entries e` + joinLatestReport("e", "as_of") + `
		LEFT JOIN month_report mr ON mr.program_id = e.program_id AND mr.status = e.status
			AND mr.month = date_trunc('month', e.as_of)::date
		WHERE e.voided_at IS NULL AND e.as_of BETWEEN $1::date AND $2::date
		GROUP BY 1, e.program_id, e.department, e.employment_type, e.status
		ORDER BY 1, e.program_id, e.department, e.employment_type, e.status`
	var rows []struct {
		Month          time.Time `db:"month"`
		ProgramID      int64     `db:"program_id"`
		Department     string    `db:"department"`
		EmploymentType string    `db:"employment_type"`
		Status         string    `db:"status"`
		Jobs           int64     `db:"jobs"`
		Approximate    int64     `db:"approximate"`
		MonthApprox    int64     `db:"month_approximate"`
		TypeApprox     int64     `db:"type_approximate"`
		TypeMonth      int64     `db:"type_month_approximate"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(from), dateArg(to)); err != nil {
		return nil, wrap("month totals", err)
	}
	out := make([]commands.MonthTotal, len(rows))
	for i, r := range rows {
		out[i] = commands.MonthTotal{Month: dateOf(r.Month), ProgramID: r.ProgramID, Department: r.Department,
			EmploymentType: r.EmploymentType, Status: commands.EntryStatus(r.Status), Jobs: r.Jobs, Approximate: r.Approximate, MonthApproximate: r.MonthApprox,
			TypeApproximate: r.TypeApprox, TypeMonthApproximate: r.TypeMonth}
	}
	return out, nil
}

// TargetRevisions returns every revision of a year's targets, the year's
// total (ProgramID 0) and each program's, oldest first.
func (s *Store) TargetRevisions(ctx context.Context, year int) ([]commands.TargetChange, error) {
	const q = `
		SELECT COALESCE(program_id, 0) AS program_id, '' AS department, COALESCE(old_jobs, 0) AS old_jobs, new_jobs,
		       changed_by, changed_at, reason
		FROM target_revisions
		WHERE year = $1
		UNION ALL
		SELECT 0, department, COALESCE(old_jobs, 0), new_jobs, changed_by, changed_at, reason
		FROM department_target_revisions
		WHERE year = $1
		ORDER BY changed_at`
	var rows []struct {
		ProgramID int64     `db:"program_id"`
		Dept      string    `db:"department"`
		Old       int64     `db:"old_jobs"`
		New       int64     `db:"new_jobs"`
		By        string    `db:"changed_by"`
		At        time.Time `db:"changed_at"`
		Reason    string    `db:"reason"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, year); err != nil {
		return nil, wrap(fmt.Sprintf("target revisions of %d", year), err)
	}
	out := make([]commands.TargetChange, len(rows))
	for i, r := range rows {
		out[i] = commands.TargetChange{Year: year, ProgramID: r.ProgramID, Dept: r.Dept, Old: r.Old, New: r.New, By: r.By, At: r.At.UTC(), Reason: r.Reason}
	}
	return out, nil
}

// EachEntry streams every entry, voided ones included, with as-of dates in
// [from, to] (zero means unbounded) in ID order, calling fn for each. Rows are
// read one at a time from the open cursor, so memory stays flat however many
// entries there are.
func (s *Store) EachEntry(ctx context.Context, from, to time.Time, fn func(commands.Entry) error) error {
	lo, hi := "-infinity", "infinity"
	if !from.IsZero() {
		lo = dateArg(from)
	}
	if !to.IsZero() {
		hi = dateArg(to)
	}
	q := entrySelect + ` WHERE e.as_of BETWEEN $1::date AND $2::date ORDER BY e.id`
	rows, err := s.db.QueryxContext(ctx, q, lo, hi)
	if err != nil {
		return wrap("each entry", err)
	}
	defer rows.Close()
	var r entryRow
	for rows.Next() {
		r = entryRow{}
		if err := rows.StructScan(&r); err != nil {
			return wrap("each entry", err)
		}
		if err := fn(r.entry()); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil && err != sql.ErrNoRows {
		return wrap("each entry", err)
	}
	return nil
}

// EmploymentTotals sums live jobs in [from, to] per program, employment type
// and status; department "" means every department. The whole ledger is
// read from employment_months and employment_days (kept by triggers on
// entries), a department's share from its entries.
func (s *Store) EmploymentTotals(ctx context.Context, from, to time.Time, department string) ([]commands.EmploymentTotal, error) {
	// Whole months from employment_months, the days around them from
	// employment_days (splitMonths).
	q := `
		SELECT program_id, employment_type, status, SUM(jobs) AS jobs
		FROM (
			SELECT program_id, employment_type, status, jobs FROM employment_months
			WHERE month BETWEEN $3::date AND $4::date
			UNION ALL
			SELECT program_id, employment_type, status, jobs FROM employment_days
			WHERE day BETWEEN $1::date AND $2::date OR day BETWEEN $5::date AND $6::date
		) t
		GROUP BY program_id, employment_type, status
		HAVING SUM(jobs) > 0`
	args := splitMonths(from, to).args()
	if department != "" {
		q = `
		SELECT program_id, employment_type, status, SUM(count) AS jobs
		FROM entries
		WHERE voided_at IS NULL AND department = $1 AND as_of BETWEEN $2::date AND $3::date
		GROUP BY program_id, employment_type, status`
		args = []any{department, dateArg(from), dateArg(to)}
	}
	var rows []struct {
		ProgramID      int64  `db:"program_id"`
		EmploymentType string `db:"employment_type"`
		Status         string `db:"status"`
		Jobs           int64  `db:"jobs"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, args...); err != nil {
		return nil, wrap("employment totals", err)
	}
	out := make([]commands.EmploymentTotal, len(rows))
	for i, r := range rows {
		out[i] = commands.EmploymentTotal{ProgramID: r.ProgramID, EmploymentType: r.EmploymentType,
			Status: commands.EntryStatus(r.Status), Jobs: r.Jobs}
	}
	return out, nil
}

// EmploymentApproximate returns, per program, employment type and status,
// the part of the live jobs dated in [from, to] (of one department when
// department is not "") that is approximate now by the rule of
// approximate.go as a breakdown by type reads it (approxNowByType), so the employment-type line of status carries 여 where its
// figure holds approximate jobs (review r11). Only rows that can be
// approximate are read: entries carrying 여, or of a program whose latest
// report carries it.
func (s *Store) EmploymentApproximate(ctx context.Context, from, to time.Time, department string) ([]commands.EmploymentTotal, error) {
	q := `
		WITH ` + latestReportCTE("$1::date", "$2::date") + `
		SELECT e.program_id, e.employment_type, e.status,
		       SUM(` + approxNowByType("lr", "e.as_of", "e.count", "CASE WHEN e.approximate THEN e.count ELSE 0 END", "e.employment_type", outsideEntry("lr")) + `) AS jobs
		FROM entries e` + joinLatestReport("e", "as_of") + `
		WHERE e.voided_at IS NULL AND e.as_of BETWEEN $1::date AND $2::date
		  AND ($3::text = '' OR e.department = $3::text)
		  AND (e.approximate OR lr.approximate)
		GROUP BY e.program_id, e.employment_type, e.status`
	var rows []struct {
		ProgramID      int64  `db:"program_id"`
		EmploymentType string `db:"employment_type"`
		Status         string `db:"status"`
		Jobs           int64  `db:"jobs"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(from), dateArg(to), department); err != nil {
		return nil, wrap("employment approximate", err)
	}
	out := make([]commands.EmploymentTotal, 0, len(rows))
	for _, r := range rows {
		if r.Jobs > 0 {
			out = append(out, commands.EmploymentTotal{ProgramID: r.ProgramID, EmploymentType: r.EmploymentType,
				Status: commands.EntryStatus(r.Status), Jobs: r.Jobs})
		}
	}
	return out, nil
}
