package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// defaultListLimit caps ListEntries when the filter gives no limit: a reply
// can show only so much, and the ledger grows to millions of rows.
const defaultListLimit = 100

// entryRow is an entries row joined with its program's code.
type entryRow struct {
	ID             int64         `db:"id"`
	ProgramID      int64         `db:"program_id"`
	ProgramCode    string        `db:"program_code"`
	Count          int64         `db:"count"`
	ReportedTotal  sql.NullInt64 `db:"reported_total"`
	Kind           string        `db:"kind"`
	AsOf           time.Time     `db:"as_of"`
	Approximate    bool          `db:"approximate"`
	Status         string        `db:"status"`
	EmploymentType string        `db:"employment_type"`
	Department     string        `db:"department"`
	Note           string        `db:"note"`
	LoggedBy       string        `db:"logged_by"`
	Source         string        `db:"source"`
	IdempotencyKey string        `db:"idempotency_key"`
	CreatedAt      time.Time     `db:"created_at"`
	VoidedAt       sql.NullTime  `db:"voided_at"`
	VoidedBy       string        `db:"voided_by"`
	VoidReason     string        `db:"void_reason"`
}

func (r entryRow) entry() commands.Entry {
	e := commands.Entry{
		ID:             r.ID,
		ProgramID:      r.ProgramID,
		ProgramCode:    r.ProgramCode,
		Count:          r.Count,
		ReportedTotal:  r.ReportedTotal.Int64,
		Kind:           commands.EntryKind(r.Kind),
		AsOf:           dateOf(r.AsOf),
		Approximate:    r.Approximate,
		Status:         commands.EntryStatus(r.Status),
		EmploymentType: r.EmploymentType,
		Department:     r.Department,
		Note:           r.Note,
		LoggedBy:       r.LoggedBy,
		Source:         commands.Source(r.Source),
		IdempotencyKey: r.IdempotencyKey,
		CreatedAt:      r.CreatedAt.UTC(),
		VoidedBy:       r.VoidedBy,
		VoidReason:     r.VoidReason,
	}
	if r.VoidedAt.Valid {
		t := r.VoidedAt.Time.UTC()
		e.VoidedAt = &t
	}
	return e
}

const entrySelect = `
	SELECT e.id, e.program_id, p.code AS program_code, e.count, e.reported_total, e.kind,
	       e.as_of, e.approximate, e.status, e.employment_type, e.department, e.note,
	       e.logged_by, e.source, e.idempotency_key, e.created_at, e.voided_at, e.voided_by,
	       e.void_reason
	FROM entries e
	JOIN programs p ON p.id = e.program_id`

// AddEntry records an entry and adds it to the running totals in the same
// transaction. A cumulative entry is stored as the difference from the
// program's total for the as-of date's year (same status), computed while
// holding the program row's lock so that two concurrent cumulative reports
// cannot both subtract the same total. An entry without a department is
// credited to its program's department. An empty idempotency key gets a
// random one.
func (s *Store) AddEntry(ctx context.Context, e commands.NewEntry) (commands.AddResult, error) {
	if e.IdempotencyKey == "" {
		e.IdempotencyKey = newKey()
	}
	var res commands.AddResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		res, err = addEntry(ctx, tx, e)
		return err
	})
	if err != nil {
		return commands.AddResult{}, wrap(fmt.Sprintf("add entry for program %d", e.ProgramID), err)
	}
	return res, nil
}

// addEntry does AddEntry's work inside tx.
func addEntry(ctx context.Context, tx sqlx.ExtContext, e commands.NewEntry) (commands.AddResult, error) {
	cumulative := e.Kind == commands.KindCumulative
	// Lock before looking for the key: a retried cumulative report must find
	// its first copy, not compute a difference from the total it produced.
	_, department, err := programForEntry(ctx, tx, e.ProgramID, cumulative)
	if err != nil {
		return commands.AddResult{}, err
	}
	if first, err := entryByKey(ctx, tx, e.IdempotencyKey); err == nil {
		return duplicate(ctx, tx, first)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return commands.AddResult{}, err
	}
	if e.Department == "" {
		e.Department = department
	}
	year := e.AsOf.Year()
	count, reported := e.Count, sql.NullInt64{}
	if cumulative {
		current, err := yearTotal(ctx, tx, e.ProgramID, year, e.Status)
		if err != nil {
			return commands.AddResult{}, err
		}
		if e.Count <= current {
			return commands.AddResult{}, &commands.CumulativeBelowError{Current: current, Reported: e.Count}
		}
		count, reported = e.Count-current, sql.NullInt64{Int64: e.Count, Valid: true}
	} else if count <= 0 {
		return commands.AddResult{}, fmt.Errorf("count %d is not positive", count)
	}

	const q = `
		INSERT INTO entries (program_id, count, reported_total, kind, as_of, approximate, status,
		                     employment_type, department, note, logged_by, source, idempotency_key)
		VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (idempotency_key) DO NOTHING
		RETURNING id`
	var id int64
	err = sqlx.GetContext(ctx, tx, &id, q, e.ProgramID, count, reported, string(e.Kind), dateArg(e.AsOf),
		e.Approximate, string(e.Status), e.EmploymentType, e.Department, e.Note, e.LoggedBy,
		string(e.Source), e.IdempotencyKey)
	if errors.Is(err, sql.ErrNoRows) {
		// A concurrent request with the same key committed first.
		first, err := entryByKey(ctx, tx, e.IdempotencyKey)
		if err != nil {
			return commands.AddResult{}, err
		}
		return duplicate(ctx, tx, first)
	}
	if err != nil {
		return commands.AddResult{}, err
	}

	t := tally{programID: e.ProgramID, department: e.Department, day: e.AsOf, status: e.Status, jobs: count}
	if e.Approximate {
		t.approx = count
	}
	if err := addToTotals(ctx, tx, t); err != nil {
		return commands.AddResult{}, err
	}
	total, err := yearTotal(ctx, tx, e.ProgramID, year, e.Status)
	if err != nil {
		return commands.AddResult{}, err
	}
	entry, err := entryByID(ctx, tx, id)
	if err != nil {
		return commands.AddResult{}, err
	}
	return commands.AddResult{Entry: entry, ProgramTotal: total}, nil
}

// duplicate is AddEntry's answer to a repeated idempotency key.
func duplicate(ctx context.Context, db sqlx.ExtContext, first commands.Entry) (commands.AddResult, error) {
	total, err := yearTotal(ctx, db, first.ProgramID, first.AsOf.Year(), first.Status)
	if err != nil {
		return commands.AddResult{}, err
	}
	return commands.AddResult{Entry: first, ProgramTotal: total, Duplicate: true}, nil
}

// Entry returns one entry, voided or not; ErrNotFound if there is none.
func (s *Store) Entry(ctx context.Context, id int64) (commands.Entry, error) {
	e, err := entryByID(ctx, s.db, id)
	if err != nil {
		return commands.Entry{}, wrap(fmt.Sprintf("entry %d", id), err)
	}
	return e, nil
}

// LatestLiveEntryBy returns the newest entry by the user that is not voided;
// ErrNotFound if there is none.
func (s *Store) LatestLiveEntryBy(ctx context.Context, userID string) (commands.Entry, error) {
	q := entrySelect + ` WHERE e.logged_by = $1 AND e.voided_at IS NULL ORDER BY e.id DESC LIMIT 1`
	var r entryRow
	if err := sqlx.GetContext(ctx, s.db, &r, q, userID); err != nil {
		return commands.Entry{}, wrap(fmt.Sprintf("latest live entry by %q", userID), err)
	}
	return r.entry(), nil
}

// ListEntries returns entries newest first (by ID), voided ones included. A
// filter without a limit returns at most defaultListLimit entries.
func (s *Store) ListEntries(ctx context.Context, f commands.EntryFilter) ([]commands.Entry, error) {
	var (
		where []string
		args  []any
	)
	add := func(cond string, arg any) {
		args = append(args, arg)
		where = append(where, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if f.LoggedBy != "" {
		add("e.logged_by = ?", f.LoggedBy)
	}
	if f.ProgramID != 0 {
		add("e.program_id = ?", f.ProgramID)
	}
	if !f.From.IsZero() {
		add("e.as_of >= ?::date", dateArg(f.From))
	}
	if !f.To.IsZero() {
		add("e.as_of <= ?::date", dateArg(f.To))
	}
	limit := f.Limit
	if limit <= 0 {
		limit = defaultListLimit
	}
	q := entrySelect
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	args = append(args, limit)
	q += ` ORDER BY e.id DESC LIMIT $` + strconv.Itoa(len(args))

	var rows []entryRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, args...); err != nil {
		return nil, wrap("list entries", err)
	}
	return entries(rows), nil
}

// VoidEntry marks a live entry voided with who and why, and takes it out of
// the running totals in the same transaction; ErrAlreadyVoided if it was
// voided before, ErrNotFound if it does not exist.
func (s *Store) VoidEntry(ctx context.Context, id int64, by, reason string) (commands.Entry, error) {
	var out commands.Entry
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// The WHERE clause makes concurrent voids of one entry safe: the loser
		// waits for the winner's commit and then matches no row.
		const q = `
			UPDATE entries
			SET voided_at = now(), voided_by = $2, void_reason = $3
			WHERE id = $1 AND voided_at IS NULL
			RETURNING program_id, department, as_of, status, count, approximate`
		var r struct {
			ProgramID   int64     `db:"program_id"`
			Department  string    `db:"department"`
			AsOf        time.Time `db:"as_of"`
			Status      string    `db:"status"`
			Count       int64     `db:"count"`
			Approximate bool      `db:"approximate"`
		}
		err := sqlx.GetContext(ctx, tx, &r, q, id, by, reason)
		if errors.Is(err, sql.ErrNoRows) {
			var voided bool
			if err := sqlx.GetContext(ctx, tx, &voided, `SELECT voided_at IS NOT NULL FROM entries WHERE id = $1`, id); err != nil {
				return err
			}
			return commands.ErrAlreadyVoided
		}
		if err != nil {
			return err
		}
		t := tally{
			programID:  r.ProgramID,
			department: r.Department,
			day:        dateOf(r.AsOf),
			status:     commands.EntryStatus(r.Status),
			jobs:       -r.Count,
		}
		if r.Approximate {
			t.approx = -r.Count
		}
		if err := addToTotals(ctx, tx, t); err != nil {
			return err
		}
		out, err = entryByID(ctx, tx, id)
		return err
	})
	if err != nil {
		return commands.Entry{}, wrap(fmt.Sprintf("void entry %d", id), err)
	}
	return out, nil
}

// VoidedBetween returns entries voided within [from, to), oldest void first.
func (s *Store) VoidedBetween(ctx context.Context, from, to time.Time) ([]commands.Entry, error) {
	q := entrySelect + ` WHERE e.voided_at >= $1 AND e.voided_at < $2 ORDER BY e.voided_at, e.id`
	var rows []entryRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, from, to); err != nil {
		return nil, wrap("voided between", err)
	}
	return entries(rows), nil
}

// entryByID returns one entry with its program code.
func entryByID(ctx context.Context, db sqlx.ExtContext, id int64) (commands.Entry, error) {
	var r entryRow
	if err := sqlx.GetContext(ctx, db, &r, entrySelect+` WHERE e.id = $1`, id); err != nil {
		return commands.Entry{}, err
	}
	return r.entry(), nil
}

// entryByKey returns the entry recorded with an idempotency key.
func entryByKey(ctx context.Context, db sqlx.ExtContext, key string) (commands.Entry, error) {
	var r entryRow
	if err := sqlx.GetContext(ctx, db, &r, entrySelect+` WHERE e.idempotency_key = $1`, key); err != nil {
		return commands.Entry{}, err
	}
	return r.entry(), nil
}

func entries(rows []entryRow) []commands.Entry {
	out := make([]commands.Entry, len(rows))
	for i, r := range rows {
		out[i] = r.entry()
	}
	return out
}
