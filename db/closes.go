package db

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// Month close (마감). A close takes every program's write lock exclusively,
// in ascending ID order (Lock order step 1, totals.go), before it writes its
// month_closes row; every write dated in a month (a delta batch, a single
// add, a cumulative report, a void, a correction, a hire) reads month_closes
// only after it holds its program's lock, in a statement of its own. So a
// close waits for the writes in flight, and a write that waited for a close
// sees it: no entry lands in a month after it was closed.

// lockAllPrograms takes every program's write lock exclusively in ascending
// ID order.
func lockAllPrograms(ctx context.Context, tx sqlx.ExtContext) error {
	const q = `
		SELECT count(pg_advisory_xact_lock(` + programLockClass + `, (id % 2147483647)::int))
		FROM (SELECT id FROM programs ORDER BY id) p`
	if _, err := tx.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("lock every program: %w", err)
	}
	return nil
}

// lockAllProgramsShared takes every program's write lock shared in
// ascending ID order: a 실적 없음 and its void change a month's reporting
// state, which a close must wait for, without holding off the adds.
func lockAllProgramsShared(ctx context.Context, tx sqlx.ExtContext) error {
	const q = `
		SELECT count(pg_advisory_xact_lock_shared(` + programLockClass + `, (id % 2147483647)::int))
		FROM (SELECT id FROM programs ORDER BY id) p`
	if _, err := tx.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("lock every program shared: %w", err)
	}
	return nil
}

type closeRow struct {
	Month time.Time `db:"month"`
	By    string    `db:"closed_by"`
	At    time.Time `db:"closed_at"`
}

func (r closeRow) close() commands.MonthClose {
	return commands.MonthClose{Month: dateOf(r.Month), By: r.By, At: r.At.UTC()}
}

// firstOfMonth is the first day of d's month.
func firstOfMonth(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// closedMonths returns the closes of the months of days, by month. The
// caller holds the write locks of the programs it is about to write.
func closedMonths(ctx context.Context, tx sqlx.QueryerContext, days []time.Time) (map[time.Time]commands.MonthClose, error) {
	months := make([]string, len(days))
	for i, d := range days {
		months[i] = dateArg(firstOfMonth(d))
	}
	var rows []closeRow
	const q = `SELECT month, closed_by, closed_at FROM month_closes WHERE month = ANY($1::date[])`
	if err := sqlx.SelectContext(ctx, tx, &rows, q, pq.Array(months)); err != nil {
		return nil, fmt.Errorf("closed months: %w", err)
	}
	out := make(map[time.Time]commands.MonthClose, len(rows))
	for _, r := range rows {
		out[dateOf(r.Month)] = r.close()
	}
	return out, nil
}

// checkOpen refuses a write dated day in a closed month unless closeReason
// (a manager's) is given; it reports whether the month is closed.
func checkOpen(ctx context.Context, tx sqlx.QueryerContext, day time.Time, closeReason string) (bool, error) {
	closed, err := closedMonths(ctx, tx, []time.Time{day})
	if err != nil {
		return false, err
	}
	c, ok := closed[firstOfMonth(day)]
	if ok && closeReason == "" {
		return true, &commands.MonthClosedError{Close: c}
	}
	return ok, nil
}

// markAfterClose keeps a manager's change to a closed month, stamped at
// (the service's clock, so a --today replay dates it like the change
// itself; zero: the database's).
func markAfterClose(ctx context.Context, tx sqlx.ExtContext, e commands.Entry, change, by, reason string, at time.Time) error {
	const q = `
		INSERT INTO entry_after_close (entry_id, change, month, changed_by, reason, changed_at)
		VALUES ($1, $2, $3::date, $4, $5, COALESCE($6, now()))
		ON CONFLICT DO NOTHING`
	if _, err := tx.ExecContext(ctx, q, e.ID, change, dateArg(firstOfMonth(e.AsOf)), by, reason, nullTime(at)); err != nil {
		return fmt.Errorf("mark entry %d changed after close: %w", e.ID, err)
	}
	return nil
}

// CloseMonth closes the month starting on month, stamped at (the service's
// clock; zero: the database's); false means it was closed already, and the
// close returned is the standing one.
func (s *Store) CloseMonth(ctx context.Context, month time.Time, by string, at time.Time) (commands.MonthClose, bool, error) {
	var out commands.MonthClose
	var fresh bool
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockAllPrograms(ctx, tx); err != nil {
			return err
		}
		var r closeRow
		err := sqlx.GetContext(ctx, tx, &r, `
			INSERT INTO month_closes (month, closed_by, closed_at) VALUES ($1::date, $2, COALESCE($3, now()))
			ON CONFLICT (month) DO NOTHING
			RETURNING month, closed_by, closed_at`, dateArg(firstOfMonth(month)), by, nullTime(at))
		if errors.Is(err, sql.ErrNoRows) {
			fresh = false
			err = sqlx.GetContext(ctx, tx, &r, `SELECT month, closed_by, closed_at FROM month_closes WHERE month = $1::date`, dateArg(firstOfMonth(month)))
			out = r.close()
			return err
		}
		if err != nil {
			return err
		}
		fresh, out = true, r.close()
		_, err = tx.ExecContext(ctx, `INSERT INTO month_close_history (month, action, acted_by, acted_at) VALUES ($1::date, 'close', $2, COALESCE($3, now()))`,
			dateArg(firstOfMonth(month)), by, nullTime(at))
		return err
	})
	if err != nil {
		return commands.MonthClose{}, false, wrap("close month "+dateArg(month), err)
	}
	return out, fresh, nil
}

// ReopenMonth reopens a closed month (마감 해제), keeping who, when (at, the
// service's clock; zero: the database's) and why; ErrNotClosed if it is not
// closed. It returns the close it lifted.
func (s *Store) ReopenMonth(ctx context.Context, month time.Time, by, reason string, at time.Time) (commands.MonthClose, error) {
	var out commands.MonthClose
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockAllPrograms(ctx, tx); err != nil {
			return err
		}
		var r closeRow
		err := sqlx.GetContext(ctx, tx, &r, `DELETE FROM month_closes WHERE month = $1::date RETURNING month, closed_by, closed_at`,
			dateArg(firstOfMonth(month)))
		if errors.Is(err, sql.ErrNoRows) {
			return commands.ErrNotClosed
		}
		if err != nil {
			return err
		}
		out = r.close()
		_, err = tx.ExecContext(ctx, `INSERT INTO month_close_history (month, action, acted_by, reason, acted_at) VALUES ($1::date, 'reopen', $2, $3, COALESCE($4, now()))`,
			dateArg(firstOfMonth(month)), by, reason, nullTime(at))
		return err
	})
	if errors.Is(err, commands.ErrNotClosed) {
		return commands.MonthClose{}, err
	}
	if err != nil {
		return commands.MonthClose{}, wrap("reopen month "+dateArg(month), err)
	}
	return out, nil
}

// MonthClosesBetween returns the closed months starting in [from, to], oldest first.
func (s *Store) MonthClosesBetween(ctx context.Context, from, to time.Time) ([]commands.MonthClose, error) {
	var rows []closeRow
	err := sqlx.SelectContext(ctx, s.db, &rows, `
		SELECT month, closed_by, closed_at FROM month_closes
		WHERE month BETWEEN $1::date AND $2::date ORDER BY month`, dateArg(firstOfMonth(from)), dateArg(to))
	if err != nil {
		return nil, wrap("month closes", err)
	}
	out := make([]commands.MonthClose, len(rows))
	for i, r := range rows {
		out[i] = r.close()
	}
	return out, nil
}

// voidChecked voids entry id, whose program the caller has locked, unless
// its month is closed and no closeReason (a manager's) is given; a void in a
// closed month is marked 마감 후 정정. replacement is what the entry's count
// becomes for the later cumulative reports (0 for a plain void; a
// correction's new count).
func voidChecked(ctx context.Context, tx sqlx.ExtContext, id int64, by, reason, closeReason string, replacement int64, at time.Time) (commands.VoidResult, bool, error) {
	var asOf time.Time
	if err := sqlx.GetContext(ctx, tx, &asOf, `SELECT as_of FROM entries WHERE id = $1`, id); err != nil {
		return commands.VoidResult{}, false, err
	}
	closed, err := checkOpen(ctx, tx, dateOf(asOf), closeReason)
	if err != nil {
		return commands.VoidResult{}, false, err
	}
	res, err := voidLockedReplacing(ctx, tx, id, by, reason, replacement, at)
	if err != nil {
		return commands.VoidResult{}, false, err
	}
	if err := markAdjusted(ctx, tx, res.Adjusted, by, closeReason, at); err != nil {
		return commands.VoidResult{}, false, err
	}
	if closed {
		if err := markAfterClose(ctx, tx, res.Entry, "void", by, closeReason, at); err != nil {
			return commands.VoidResult{}, false, err
		}
	}
	return res, closed, nil
}

// VoidEntryAfterClose is a manager's void: like VoidEntry, but an entry in a
// closed month is voided too, with the reason, and marked 마감 후 정정
// (the bool).
func (s *Store) VoidEntryAfterClose(ctx context.Context, id int64, by, reason string, at time.Time) (commands.VoidResult, bool, error) {
	var out commands.VoidResult
	var closed bool
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var programID int64
		if err := sqlx.GetContext(ctx, tx, &programID, `SELECT program_id FROM entries WHERE id = $1`, id); err != nil {
			return err
		}
		if err := lockProgram(ctx, tx, programID); err != nil {
			return err
		}
		if err := refuseLiveHires(ctx, tx, id); err != nil {
			return err
		}
		var err error
		out, closed, err = voidChecked(ctx, tx, id, by, reason, reason, 0, at)
		return err
	})
	if err != nil {
		return commands.VoidResult{}, false, wrap(fmt.Sprintf("void entry %d", id), err)
	}
	return out, closed, nil
}

// AfterCloseChangesBetween returns the changes managers made to closed
// months within [from, to) (instants), oldest first.
func (s *Store) AfterCloseChangesBetween(ctx context.Context, from, to time.Time) ([]commands.AfterCloseChange, error) {
	var rows []struct {
		entryRow
		Change    string    `db:"change"`
		Month     time.Time `db:"month"`
		ChangedBy string    `db:"changed_by"`
		Reason    string    `db:"reason"`
		ChangedAt time.Time `db:"changed_at"`
		OldCount  int64     `db:"old_count"`
		NewCount  int64     `db:"new_count"`
	}
	// An 'adjust' is a re-basing of a 누계 report: entry_adjustments keeps
	// its increment before and after, stamped with the same moment.
	q := `
		SELECT e.id, e.program_id, p.code AS program_code, e.count, e.reported_total, e.kind,
		       e.as_of, e.approximate, e.status, e.employment_type, e.department, e.note,
		       e.logged_by, e.source, e.idempotency_key, e.created_at, e.voided_at, e.voided_by,
		       e.void_reason, a.change, a.month, a.changed_by, a.reason, a.changed_at,
		       COALESCE(j.old_count, 0) AS old_count, COALESCE(j.new_count, 0) AS new_count
		FROM entry_after_close a
		JOIN entries e ON e.id = a.entry_id
		JOIN programs p ON p.id = e.program_id
		LEFT JOIN LATERAL (
			SELECT old_count, new_count FROM entry_adjustments x
			WHERE a.change = 'adjust' AND x.entry_id = a.entry_id AND x.adjusted_at <= a.changed_at
			ORDER BY x.adjusted_at DESC, x.id DESC
			LIMIT 1
		) j ON true
		WHERE a.changed_at >= $1 AND a.changed_at < $2
		ORDER BY a.changed_at, a.entry_id`
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, from, to); err != nil {
		return nil, wrap("changes after close", err)
	}
	out := make([]commands.AfterCloseChange, len(rows))
	for i, r := range rows {
		out[i] = commands.AfterCloseChange{Entry: r.entry(), Change: r.Change, Month: dateOf(r.Month), By: r.ChangedBy,
			Reason: r.Reason, At: r.ChangedAt.UTC(), OldCount: r.OldCount, NewCount: r.NewCount}
	}
	// A manager's void of a closed month's 실적 없음 is one too (migration
	// 00037): its number and department ride in Entry, dated the month.
	var said []nothingRow
	const nothing = `SELECT ` + nothingColumns + ` FROM nothing_reports
		WHERE void_after_close AND voided_at >= $1 AND voided_at < $2`
	if err := sqlx.SelectContext(ctx, s.db, &said, nothing, from, to); err != nil {
		return nil, wrap("실적 없음 voided after close", err)
	}
	for _, r := range said {
		n := r.report()
		out = append(out, commands.AfterCloseChange{Entry: commands.Entry{ID: n.ID, Department: n.Department, AsOf: n.Month},
			Change: commands.ChangeVoidNothing, Month: n.Month, By: n.VoidedBy, Reason: n.VoidReason, At: n.VoidedAt})
	}
	slices.SortStableFunc(out, func(a, b commands.AfterCloseChange) int {
		return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.Entry.ID, b.Entry.ID))
	})
	return out, nil
}

// markAdjusted checks the months of the later cumulative reports a write
// re-based: each change is one to its own month, which may be closed (the
// transaction then rolls back, unless a manager gave a reason: marked
// 마감 후 정정, AfterClose set).
func markAdjusted(ctx context.Context, tx sqlx.ExtContext, adjusted []commands.Adjustment, by, closeReason string, at time.Time) error {
	for i, a := range adjusted {
		closedReport, err := checkOpen(ctx, tx, a.Report.AsOf, closeReason)
		if err != nil {
			return err
		}
		if closedReport { // a manager's change to a closed month, like any other: marked
			if err := markAfterClose(ctx, tx, a.Report, "adjust", by, closeReason, at); err != nil {
				return err
			}
			adjusted[i].AfterClose = true
		}
	}
	return nil
}
