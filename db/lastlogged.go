package db

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// LastLoggedThrough returns, per department, the as-of date of its latest
// live entry dated on or before through: the department's last report as it
// stood on that day; a digest of a past week must not count a report sent
// later. DepartmentTotals reads the same rule without the bound.
func (s *Store) LastLoggedThrough(ctx context.Context, through time.Time) (map[string]time.Time, error) {
	// One probe of department_days' primary key per department, from the
	// end, rather than a scan of every day of every department.
	const q = `
		SELECT d.department, m.day
		FROM departments d,
		     LATERAL (SELECT max(dd.day) AS day FROM department_days dd
		              WHERE dd.department = d.department AND dd.jobs > 0 AND dd.day <= $1::date) m
		WHERE m.day IS NOT NULL`
	var rows []struct {
		Department string    `db:"department"`
		Day        time.Time `db:"day"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(through)); err != nil {
		return nil, wrap("last logged", err)
	}
	out := make(map[string]time.Time, len(rows))
	for _, r := range rows {
		out[r.Department] = dateOf(r.Day)
	}
	return out, nil
}
