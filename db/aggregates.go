package db

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// RebuildAggregates recomputes the totals tables (program_, department_ and
// employment_ days and months) and departments from the ledger in one
// transaction, exactly as AddEntry and VoidEntry keep
// them: a row for every (program, day, status) and (department, day,
// program, status) that ever had an entry, voided ones included, holding the
// live jobs (0 once all were voided); every department that ever logged,
// with the as-of date of its newest live entry or NULL. Rows are written in
// day order, the order live writes leave them in, so a span's rows share
// pages. It blocks writers of entries while it runs; readers of the totals
// wait for it to commit.
func (s *Store) RebuildAggregates(ctx context.Context) error {
	return wrap("rebuild aggregates", s.inTx(ctx, func(tx *sqlx.Tx) error {
		return rebuildAggregates(ctx, tx)
	}))
}

// rebuildAggregates does RebuildAggregates' work inside tx.
func rebuildAggregates(ctx context.Context, tx sqlx.ExtContext) error {
	steps := []struct{ what, q string }{
		// SHARE lets readers of entries in but waits for, and then holds off,
		// every writer, so no entry lands between the sums and the commit.
		{"lock entries", `LOCK TABLE entries IN SHARE MODE`},
		// departments is the managed list: its rows stay.
		{"clear totals", `TRUNCATE program_days, program_months, department_days, department_months, employment_days, employment_months`},
		{"program totals", `
			INSERT INTO program_days (program_id, day, status, jobs, approx_jobs)
			SELECT program_id, as_of, status,
			       COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL), 0),
			       COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL AND approximate), 0)
			FROM entries
			GROUP BY program_id, as_of, status
			ORDER BY as_of, program_id, status`},
		{"program month totals", `
			INSERT INTO program_months (program_id, month, status, jobs, approx_jobs)
			SELECT program_id, date_trunc('month', day)::date, status, SUM(jobs), SUM(approx_jobs)
			FROM program_days
			GROUP BY 1, 2, 3
			ORDER BY 1, 2, 3`},
		{"department totals", `
			INSERT INTO department_days (department, day, program_id, status, jobs, approx_jobs)
			SELECT department, as_of, program_id, status,
			       COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL), 0),
			       COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL AND approximate), 0)
			FROM entries
			GROUP BY department, as_of, program_id, status
			ORDER BY as_of, department, program_id, status`},
		{"employment totals", `
			INSERT INTO employment_days (day, program_id, status, employment_type, jobs)
			SELECT as_of, program_id, status, employment_type,
			       COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL), 0)
			FROM entries
			GROUP BY as_of, program_id, status, employment_type
			ORDER BY 1, 2, 3, 4`},
		{"department month totals", `
			INSERT INTO department_months (department, month, program_id, status, jobs, approx_jobs)
			SELECT department, date_trunc('month', day)::date, program_id, status, SUM(jobs), SUM(approx_jobs)
			FROM department_days
			GROUP BY 1, 2, 3, 4
			ORDER BY 1, 2, 3, 4`},
		{"employment month totals", `
			INSERT INTO employment_months (month, program_id, status, employment_type, jobs)
			SELECT date_trunc('month', day)::date, program_id, status, employment_type, SUM(jobs)
			FROM employment_days
			GROUP BY 1, 2, 3, 4
			ORDER BY 1, 2, 3, 4`},
		{"departments listed", `
			INSERT INTO departments (department)
			SELECT DISTINCT department FROM entries
			ON CONFLICT (department) DO NOTHING`},
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st.q); err != nil {
			return fmt.Errorf("%s: %w", st.what, err)
		}
	}
	return nil
}
