package dbtest

import (
	"context"
	"testing"

	"jobsbot/db"
)

// CheckTotals compares every running totals table, daily and monthly, with a
// plain SUM over the entries, and fails the test for each that differs.
func CheckTotals(t testing.TB, s *db.Store) {
	t.Helper()
	checks := map[string]string{
		"program_days": `
			SELECT count(*) FROM program_days d FULL JOIN (
				SELECT program_id, as_of, status, sum(count) FILTER (WHERE voided_at IS NULL) AS jobs,
				       sum(count) FILTER (WHERE voided_at IS NULL AND approximate) AS approx
				FROM entries GROUP BY 1, 2, 3
			) e ON (e.program_id, e.as_of, e.status) = (d.program_id, d.day, d.status)
			WHERE coalesce(d.jobs, -1) <> coalesce(e.jobs, 0) OR coalesce(d.approx_jobs, -1) <> coalesce(e.approx, 0)`,
		"program_months": `
			SELECT count(*) FROM program_months d FULL JOIN (
				SELECT program_id, date_trunc('month', as_of)::date AS month, status,
				       sum(count) FILTER (WHERE voided_at IS NULL) AS jobs,
				       sum(count) FILTER (WHERE voided_at IS NULL AND approximate) AS approx
				FROM entries GROUP BY 1, 2, 3
			) e ON (e.program_id, e.month, e.status) = (d.program_id, d.month, d.status)
			WHERE coalesce(d.jobs, -1) <> coalesce(e.jobs, 0) OR coalesce(d.approx_jobs, -1) <> coalesce(e.approx, 0)`,
		"department_days": `
			SELECT count(*) FROM department_days d FULL JOIN (
				SELECT department, program_id, as_of, status, sum(count) FILTER (WHERE voided_at IS NULL) AS jobs,
				       sum(count) FILTER (WHERE voided_at IS NULL AND approximate) AS approx
				FROM entries GROUP BY 1, 2, 3, 4
			) e ON (e.department, e.program_id, e.as_of, e.status) = (d.department, d.program_id, d.day, d.status)
			WHERE coalesce(d.jobs, -1) <> coalesce(e.jobs, 0) OR coalesce(d.approx_jobs, -1) <> coalesce(e.approx, 0)`,
		"employment_days": `
			SELECT count(*) FROM employment_days d FULL JOIN (
				SELECT program_id, as_of, status, employment_type, sum(count) FILTER (WHERE voided_at IS NULL) AS jobs
				FROM entries GROUP BY 1, 2, 3, 4
			) e ON (e.program_id, e.as_of, e.status, e.employment_type) = (d.program_id, d.day, d.status, d.employment_type)
			WHERE coalesce(d.jobs, -1) <> coalesce(e.jobs, 0)`,
		"department_months": `
			SELECT count(*) FROM department_months d FULL JOIN (
				SELECT department, program_id, date_trunc('month', as_of)::date AS month, status,
				       sum(count) FILTER (WHERE voided_at IS NULL) AS jobs,
				       sum(count) FILTER (WHERE voided_at IS NULL AND approximate) AS approx
				FROM entries GROUP BY 1, 2, 3, 4
			) e ON (e.department, e.program_id, e.month, e.status) = (d.department, d.program_id, d.month, d.status)
			WHERE coalesce(d.jobs, -1) <> coalesce(e.jobs, 0) OR coalesce(d.approx_jobs, -1) <> coalesce(e.approx, 0)`,
		"employment_months": `
			SELECT count(*) FROM employment_months d FULL JOIN (
				SELECT program_id, date_trunc('month', as_of)::date AS month, status, employment_type,
				       sum(count) FILTER (WHERE voided_at IS NULL) AS jobs
				FROM entries GROUP BY 1, 2, 3, 4
			) e ON (e.program_id, e.month, e.status, e.employment_type) = (d.program_id, d.month, d.status, d.employment_type)
			WHERE coalesce(d.jobs, -1) <> coalesce(e.jobs, 0)`,
		"departments": `
			SELECT count(*) FROM (SELECT DISTINCT department FROM entries) e
			LEFT JOIN departments d ON d.department = e.department
			WHERE d.department IS NULL`,
	}
	for table, q := range checks {
		var bad int
		if err := s.DB().GetContext(context.Background(), &bad, q); err != nil {
			t.Fatal(err)
		}
		if bad != 0 {
			t.Errorf("%s: %d rows differ from a plain SUM over entries", table, bad)
		}
	}
}
