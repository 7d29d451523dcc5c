package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

type nothingRow struct {
	ID             int64        `db:"id"`
	Department     string       `db:"department"`
	Month          time.Time    `db:"month"`
	LoggedBy       string       `db:"logged_by"`
	Source         string       `db:"source"`
	IdempotencyKey string       `db:"idempotency_key"`
	CreatedAt      time.Time    `db:"created_at"`
	VoidedAt       sql.NullTime `db:"voided_at"`
	VoidedBy       string       `db:"voided_by"`
	VoidReason     string       `db:"void_reason"`
	AfterClose     bool         `db:"void_after_close"`
}

const nothingColumns = `id, department, month, logged_by, source, idempotency_key, created_at, voided_at, voided_by, void_reason, void_after_close`

func (r nothingRow) report() commands.NothingReport {
	out := commands.NothingReport{ID: r.ID, Department: r.Department, Month: dateOf(r.Month), LoggedBy: r.LoggedBy,
		Source: commands.Source(r.Source), CreatedAt: r.CreatedAt.UTC(), VoidedBy: r.VoidedBy, VoidReason: r.VoidReason,
		VoidedAfterClose: r.AfterClose}
	if r.VoidedAt.Valid {
		out.VoidedAt = r.VoidedAt.Time.UTC()
	}
	return out
}

// AddNothing records that a department had nothing to report for a month. A
// repeated idempotency key returns the first report with Duplicate set;
// ErrConflict if the month already has a live one.
func (s *Store) AddNothing(ctx context.Context, n commands.NothingReport) (commands.NothingReport, error) {
	const q = `
		INSERT INTO nothing_reports (department, month, logged_by, source, idempotency_key, created_at)
		VALUES ($1, $2::date, $3, $4, $5, COALESCE($6, now()))
		ON CONFLICT (idempotency_key) DO NOTHING
		RETURNING ` + nothingColumns
	var r nothingRow
	filed := n.Department
	// In a transaction, as every write is, so its deadline's answer is true
	// (inTx).
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockAllProgramsShared(ctx, tx); err != nil {
			return err
		}
		if first, err := nothingByKey(ctx, tx, n.IdempotencyKey); err == nil { // a redelivery answers as before, closed or not
			r = first
			return sql.ErrNoRows
		}
		// A month's reporting state is part of what was closed: nobody
		// changes it by a 실적 없음; a manager reopens the month (마감
		// 해제, with a reason) first.
		if _, err := checkOpen(ctx, tx, n.Month, ""); err != nil {
			return err
		}
		name, err := lockNothingDepartment(ctx, tx, n.Department)
		if err != nil {
			return err
		}
		filed = name
		return sqlx.GetContext(ctx, tx, &r, q, name, dateArg(n.Month), n.LoggedBy, string(n.Source), n.IdempotencyKey, nullTime(n.CreatedAt))
	})
	if errors.Is(err, sql.ErrNoRows) {
		err = sqlx.GetContext(ctx, s.db, &r, `SELECT `+nothingColumns+` FROM nothing_reports WHERE idempotency_key = $1`, n.IdempotencyKey)
		out := r.report()
		out.Duplicate = true
		return out, wrap("repeated nothing report", err)
	}
	if closed, ok := errors.AsType[*commands.MonthClosedError](err); ok {
		return commands.NothingReport{}, closed
	}
	if err != nil {
		err = wrap(fmt.Sprintf("nothing report of %q", n.Department), err)
		if has, ok := errors.AsType[*commands.MonthHasJobsError](err); ok {
			has.Department = filed // the department whose jobs refused it, after a rename or merge
		}
		return commands.NothingReport{}, err
	}
	return r.report(), nil
}

// lockNothingDepartment takes the 실적 없음 lock (lock order step 7,
// totals.go) of the department a 실적 없음 names and returns the managed
// department it belongs to now, holding that one's lock too. The command
// layer resolved the name before this transaction: a rename or merge may
// have moved it away since, or while this waited for the lock (a move holds
// the 실적 없음 locks of both departments until it commits), leaving the
// name an alias of the surviving department. The report is filed under that
// one, so its trigger (migration 00038) checks that department's jobs, not
// the moved-away name's, which has none left (review r2 B0). Locks taken
// after the first are out of key order only when a move committed in
// between; a deadlock that closes through that is retried (inTx).
func lockNothingDepartment(ctx context.Context, tx *sqlx.Tx, typed string) (string, error) {
	const lock = `SELECT pg_advisory_xact_lock(4869955, nothing_lock_key($1))`
	const resolve = `
		SELECT COALESCE((SELECT m.department FROM departments m
		                 WHERE m.active AND (m.department = $1 OR $1 = ANY(m.aliases))
		                 ORDER BY m.department = $1 DESC, m.department LIMIT 1), $1)`
	held := map[string]bool{}
	name := typed
	for range 8 {
		if !held[name] {
			if _, err := tx.ExecContext(ctx, lock, name); err != nil {
				return "", fmt.Errorf("lock 실적 없음 of %q: %w", name, err)
			}
			held[name] = true
		}
		var now string
		if err := sqlx.GetContext(ctx, tx, &now, resolve, typed); err != nil {
			return "", fmt.Errorf("department of %q: %w", typed, err)
		}
		if held[now] {
			return now, nil
		}
		name = now
	}
	return "", fmt.Errorf("department of %q kept moving: %w", typed, commands.ErrConflict)
}

// nothingByKey returns the report recorded with an idempotency key.
func nothingByKey(ctx context.Context, tx sqlx.QueryerContext, key string) (nothingRow, error) {
	var r nothingRow
	err := sqlx.GetContext(ctx, tx, &r, `SELECT `+nothingColumns+` FROM nothing_reports WHERE idempotency_key = $1`, key)
	return r, err
}

// NothingReport returns one report, voided or not.
func (s *Store) NothingReport(ctx context.Context, id int64) (commands.NothingReport, error) {
	var r nothingRow
	err := sqlx.GetContext(ctx, s.db, &r, `SELECT `+nothingColumns+` FROM nothing_reports WHERE id = $1`, id)
	if err != nil {
		return commands.NothingReport{}, wrap(fmt.Sprintf("nothing report %d", id), err)
	}
	return r.report(), nil
}

// VoidNothing voids a "nothing" report at the instant at (the service's
// clock; zero means the database's); ErrAlreadyVoided if it was. In a closed
// month it is refused (*commands.MonthClosedError) unless closeReason (a
// manager's) is given; it holds every program's write lock shared, so a
// close waits for it and it sees a close it waited for.
func (s *Store) VoidNothing(ctx context.Context, id int64, by, reason, closeReason string, at time.Time) (commands.NothingReport, error) {
	const q = `
		UPDATE nothing_reports SET voided_at = COALESCE($4, now()), voided_by = $2, void_reason = $3, void_after_close = $5
		WHERE id = $1 AND voided_at IS NULL
		RETURNING ` + nothingColumns
	var r nothingRow
	err := s.inTx(ctx, func(tx *sqlx.Tx) error { // records a delivery with it
		if err := lockAllProgramsShared(ctx, tx); err != nil {
			return err
		}
		var month time.Time
		if err := sqlx.GetContext(ctx, tx, &month, `SELECT month FROM nothing_reports WHERE id = $1 AND voided_at IS NULL`, id); err != nil {
			return err
		}
		closed, err := checkOpen(ctx, tx, dateOf(month), closeReason)
		if err != nil {
			return err
		}
		return sqlx.GetContext(ctx, tx, &r, q, id, by, reason, nullTime(at), closed) // closed: a manager's 마감 후 정정
	})
	if closed, ok := errors.AsType[*commands.MonthClosedError](err); ok {
		return commands.NothingReport{}, closed
	}
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := s.NothingReport(ctx, id); err != nil {
			return commands.NothingReport{}, err
		}
		return commands.NothingReport{}, fmt.Errorf("db: void nothing report %d: %w", id, commands.ErrAlreadyVoided)
	}
	if err != nil {
		return commands.NothingReport{}, wrap(fmt.Sprintf("void nothing report %d", id), err)
	}
	return r.report(), nil
}

// SaidNothing returns the departments with a live "nothing this month"
// report (실적 없음) for the month starting on month.
func (s *Store) SaidNothing(ctx context.Context, month time.Time) (map[string]bool, error) {
	var names []string
	err := sqlx.SelectContext(ctx, s.db, &names,
		`SELECT department FROM nothing_reports WHERE month = $1::date AND voided_at IS NULL`, dateArg(month))
	if err != nil {
		return nil, wrap("departments that said nothing", err)
	}
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out, nil
}

// ReportedDepartments returns the departments that reported for the month
// starting on month: a live entry dated in it, or a live "nothing" report.
func (s *Store) ReportedDepartments(ctx context.Context, month time.Time) (map[string]bool, error) {
	const q = `
		SELECT DISTINCT department FROM department_days
		WHERE day BETWEEN $1::date AND ($1::date + interval '1 month' - interval '1 day')::date AND jobs > 0
		UNION
		SELECT department FROM nothing_reports WHERE month = $1::date AND voided_at IS NULL`
	var names []string
	if err := sqlx.SelectContext(ctx, s.db, &names, q, dateArg(month)); err != nil {
		return nil, wrap("reported departments", err)
	}
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out, nil
}

// NothingReports returns the 실적 없음 reports, voided ones included, whose
// month overlaps f.From-f.To (zero: unbounded), of f.Department and
// f.LoggedBy when set, latest month first; f.Limit 0 returns them all.
// f.ProgramID is not a filter of theirs: the caller leaves them out.
func (s *Store) NothingReports(ctx context.Context, f commands.EntryFilter) ([]commands.NothingReport, error) {
	return s.nothingReports(ctx, f, false)
}

// NothingReportsBetween returns every 실적 없음 report, voided ones
// included, for the months from from's month through to, oldest month first
// (then by department).
func (s *Store) NothingReportsBetween(ctx context.Context, from, to time.Time) ([]commands.NothingReport, error) {
	return s.nothingReports(ctx, commands.EntryFilter{From: from, To: to}, true)
}

// nothingReports is the one query behind NothingReports (a list, newest
// first) and NothingReportsBetween (an export, oldest first): the months
// from f.From's month through f.To (zero: unbounded), f.Department and
// f.LoggedBy when set, f.Limit when positive.
func (s *Store) nothingReports(ctx context.Context, f commands.EntryFilter, oldestFirst bool) ([]commands.NothingReport, error) {
	q := `SELECT ` + nothingColumns + ` FROM nothing_reports
		WHERE ($1::date IS NULL OR month >= date_trunc('month', $1::date)::date)
		  AND ($2::date IS NULL OR month <= $2::date)
		  AND ($3 = '' OR department = $3)
		  AND ($4 = '' OR logged_by = $4)`
	if oldestFirst {
		q += ` ORDER BY month, department, id`
	} else {
		q += ` ORDER BY month DESC, id DESC`
	}
	args := []any{optDate(f.From), optDate(f.To), f.Department, f.LoggedBy}
	if f.Limit > 0 {
		q += ` LIMIT $5`
		args = append(args, f.Limit)
	}
	var rows []nothingRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, args...); err != nil {
		return nil, wrap("nothing reports", err)
	}
	out := make([]commands.NothingReport, len(rows))
	for i, r := range rows {
		out[i] = r.report()
	}
	return out, nil
}

// optDate is a date parameter, NULL for the zero time (unbounded).
func optDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return dateArg(t)
}
