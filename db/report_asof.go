package db

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// targetsAsOfQuery reads, for every target of a year, the first setting
// (당초: the value before the first revision, or the first revision's) and
// the one in force before an instant (the last revision made before it).
// A target first set after the instant (its first revision has no old
// value and was made at or after it) was not yet set then: there was no
// target in force, so it is marked not_yet and in_force carries today's
// value, which the views show labelled as the current target (현재 목표),
// never as the target of that date (당시 목표). A target without revision
// rows stands as it is. The same text serves program targets and
// department targets (%[1]s is the key column, %[2]s the revisions table,
// %[3]s the current targets table).
const targetsAsOfQuery = `
	SELECT t.key,
	       COALESCE(first.old_jobs, first.new_jobs, t.jobs) AS original,
	       CASE WHEN first.old_jobs IS NULL AND first.changed_at >= $2 THEN t.jobs
	            ELSE COALESCE(last.new_jobs, first.old_jobs, first.new_jobs, t.jobs) END AS in_force,
	       COALESCE(first.old_jobs IS NULL AND first.changed_at >= $2, false) AS not_yet
	FROM (SELECT %[1]s AS key, jobs FROM %[3]s WHERE year = $1) t
	LEFT JOIN LATERAL (
		SELECT old_jobs, new_jobs, changed_at FROM %[2]s r
		WHERE r.year = $1 AND %[1]s = t.key ORDER BY r.id LIMIT 1) first ON true
	LEFT JOIN LATERAL (
		SELECT new_jobs FROM %[2]s r
		WHERE r.year = $1 AND %[1]s = t.key AND r.changed_at < $2 ORDER BY r.id DESC LIMIT 1) last ON true`

// TargetsInForceOn returns a year's targets as they stood just before the
// instant before (the start of the day after a report date, in the city's
// time zone): the first setting of each (당초) and the one in force.
// TargetsOn and DepartmentTargetsOn read the same.
func (s *Store) TargetsInForceOn(ctx context.Context, year int, before time.Time) (commands.TargetsOn, error) {
	out := commands.TargetsOn{
		Original:     commands.Targets{Year: year, Programs: map[int64]int64{}},
		InForce:      commands.Targets{Year: year, Programs: map[int64]int64{}, NotYet: map[int64]bool{}},
		DeptOriginal: map[string]int64{}, DeptInForce: map[string]int64{}, DeptNotYet: map[string]bool{},
	}
	var programs []struct {
		Key      int64 `db:"key"`
		Original int64 `db:"original"`
		InForce  int64 `db:"in_force"`
		NotYet   bool  `db:"not_yet"`
	}
	q := fmt.Sprintf(targetsAsOfQuery, "COALESCE(program_id, 0)", "target_revisions", "targets")
	if err := sqlx.SelectContext(ctx, s.db, &programs, q, year, before); err != nil {
		return out, wrap(fmt.Sprintf("targets of %d in force", year), err)
	}
	for _, r := range programs {
		if r.NotYet {
			out.InForce.NotYet[r.Key] = true
		}
		if r.Key == 0 {
			out.Original.Total, out.InForce.Total = r.Original, r.InForce
			continue
		}
		out.Original.Programs[r.Key], out.InForce.Programs[r.Key] = r.Original, r.InForce
	}
	var depts []struct {
		Key      string `db:"key"`
		Original int64  `db:"original"`
		InForce  int64  `db:"in_force"`
		NotYet   bool   `db:"not_yet"`
	}
	q = fmt.Sprintf(targetsAsOfQuery, "department", "department_target_revisions", "department_targets")
	if err := sqlx.SelectContext(ctx, s.db, &depts, q, year, before); err != nil {
		return out, wrap(fmt.Sprintf("department targets of %d in force", year), err)
	}
	for _, r := range depts {
		out.DeptOriginal[r.Key], out.DeptInForce[r.Key] = r.Original, r.InForce
		if r.NotYet {
			out.DeptNotYet[r.Key] = true
		}
	}
	return out, nil
}

// ReportingMonths returns, per department and month, whether the department
// has a live entry dated in [from, to] in that month, and whether it filed a
// live 실적 없음 for the month; pairs with neither are left out (미보고).
func (s *Store) ReportingMonths(ctx context.Context, from, to time.Time) ([]commands.DepartmentMonth, error) {
	const q = `
		SELECT department, month, bool_or(logged) AS logged, bool_or(nothing) AS nothing
		FROM (
			SELECT department, date_trunc('month', as_of)::date AS month, true AS logged, false AS nothing
			FROM entries
			WHERE voided_at IS NULL AND as_of BETWEEN $1::date AND $2::date
			GROUP BY 1, 2
			UNION ALL
			SELECT department, month, false, true
			FROM nothing_reports
			WHERE voided_at IS NULL AND month BETWEEN date_trunc('month', $1::date) AND $2::date
		) x
		GROUP BY department, month
		ORDER BY department, month`
	var rows []struct {
		Department string    `db:"department"`
		Month      time.Time `db:"month"`
		Logged     bool      `db:"logged"`
		Nothing    bool      `db:"nothing"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(from), dateArg(to)); err != nil {
		return nil, wrap("reporting months", err)
	}
	out := make([]commands.DepartmentMonth, len(rows))
	for i, r := range rows {
		out[i] = commands.DepartmentMonth{Department: r.Department, Month: dateOf(r.Month), Logged: r.Logged, SaidNothing: r.Nothing}
	}
	return out, nil
}
