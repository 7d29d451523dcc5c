package db

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// LastLoggedThrough returns, per department, the as-of date of its latest
// live entry dated on or before through: the department's last report as it
// stood on that day. departments.last_logged_on answers the same question for
// today only; a digest of a past week must not count a report sent later.
// The rule (a live entry with jobs) is the one that keeps last_logged_on.
func (s *Store) LastLoggedThrough(ctx context.Context, through time.Time) (map[string]time.Time, error) {
	const q = `
		SELECT department, max(day) AS day
		FROM department_days
		WHERE jobs > 0 AND day <= $1::date
		GROUP BY department`
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
