package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// The target in force on a date (issue 19): a 4월말 report made in June
// compares with the target that stood on April 30, not with one revised
// since. It is the latest revision made by the end of that day in the
// city's time zone. A date before the year's first setting takes that first
// (당초) target: the year's original, entered late. A target with no
// revision rows at all (none is ever written without one) stands as it is.

// endOfDay is the instant the day after day begins in loc: revisions made
// before it were in force on day.
func endOfDay(day time.Time, loc *time.Location) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, loc)
}

// inForceOrder orders a key's revisions so the one in force at $2 comes
// first: the latest made before $2, else the earliest.
const inForceOrder = `(changed_at < $2) DESC,
	CASE WHEN changed_at < $2 THEN changed_at END DESC, CASE WHEN changed_at < $2 THEN id END DESC,
	changed_at, id`

// TargetsOn returns the targets of year (the total and each program's) in
// force on day, read in loc; Total is 0 and Programs empty when none are set.
func (s *Store) TargetsOn(ctx context.Context, year int, day time.Time, loc *time.Location) (commands.Targets, error) {
	const q = `
		SELECT t.program_id, COALESCE(r.new_jobs, t.jobs) AS jobs
		FROM targets t
		LEFT JOIN (
			SELECT DISTINCT ON (COALESCE(program_id, 0)) COALESCE(program_id, 0) AS key, new_jobs
			FROM target_revisions
			WHERE year = $1
			ORDER BY COALESCE(program_id, 0), ` + inForceOrder + `
		) r ON r.key = COALESCE(t.program_id, 0)
		WHERE t.year = $1`
	var rows []struct {
		ProgramID sql.NullInt64 `db:"program_id"`
		Jobs      int64         `db:"jobs"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, year, endOfDay(day, loc)); err != nil {
		return commands.Targets{}, wrap(fmt.Sprintf("targets of %d on %s", year, dateArg(day)), err)
	}
	out := commands.Targets{Year: year, Programs: map[int64]int64{}}
	for _, r := range rows {
		if r.ProgramID.Valid {
			out.Programs[r.ProgramID.Int64] = r.Jobs
		} else {
			out.Total = r.Jobs
		}
	}
	return out, nil
}

// DepartmentTargetsOn returns the departments' targets of year in force on
// day, read in loc.
func (s *Store) DepartmentTargetsOn(ctx context.Context, year int, day time.Time, loc *time.Location) (map[string]int64, error) {
	const q = `
		SELECT t.department, COALESCE(r.new_jobs, t.jobs) AS jobs
		FROM department_targets t
		LEFT JOIN (
			SELECT DISTINCT ON (department) department, new_jobs
			FROM department_target_revisions
			WHERE year = $1
			ORDER BY department, ` + inForceOrder + `
		) r ON r.department = t.department
		WHERE t.year = $1`
	var rows []struct {
		Department string `db:"department"`
		Jobs       int64  `db:"jobs"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, year, endOfDay(day, loc)); err != nil {
		return nil, wrap(fmt.Sprintf("department targets of %d on %s", year, dateArg(day)), err)
	}
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[r.Department] = r.Jobs
	}
	return out, nil
}
