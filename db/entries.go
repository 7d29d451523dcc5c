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
	if e.Kind == commands.KindDelta && e.Count > 0 {
		// The commonest write in one prepared statement, no transaction:
		// the statement itself is atomic and a delta needs no lock.
		stmt, err := s.insertEntryStmt(ctx)
		if err == nil {
			var res commands.AddResult
			res, err = insertEntry(ctx, stmt, e, e.Count, sql.NullInt64{})
			if err == nil {
				return res, nil
			}
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return commands.AddResult{}, wrap(fmt.Sprintf("add entry for program %d", e.ProgramID), err)
		}
		// Nothing written: a repeated key or a missing program, which the
		// general path below answers.
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

	res, err := insertEntry(ctx, unprepared{tx, insertEntryQuery}, e, count, reported)
	if errors.Is(err, sql.ErrNoRows) {
		// A concurrent request with the same key committed first.
		first, err := entryByKey(ctx, tx, e.IdempotencyKey)
		if err != nil {
			return commands.AddResult{}, err
		}
		return duplicate(ctx, tx, first)
	}
	return res, err
}

// insertEntryQuery records an entry and adds it to program_days,
// department_days and departments in one statement, which PostgreSQL runs
// atomically: one round trip instead of several for every /jobs add. The
// data-modifying parts touch the tables in the order subtractFromTotals
// does, so adds and voids cannot deadlock. The year total is the snapshot
// before the statement plus the entry itself. An empty department is the
// program's; a repeated idempotency key or a missing program returns no row.
const insertEntryQuery = `
	WITH p AS (
		SELECT id, code, department FROM programs WHERE id = $1
	), ins AS (
		INSERT INTO entries (program_id, count, reported_total, kind, as_of, approximate, status,
		                     employment_type, department, note, logged_by, source, idempotency_key)
		SELECT p.id, $2, $3, $4, $5::date, $6, $7, $8, COALESCE(NULLIF($9, ''), p.department), $10, $11, $12, $13
		FROM p
		ON CONFLICT (idempotency_key) DO NOTHING
		RETURNING *
	), program_total AS (
		INSERT INTO program_days (program_id, day, status, jobs, approx_jobs)
		SELECT program_id, as_of, status, count, CASE WHEN approximate THEN count ELSE 0 END FROM ins
		ON CONFLICT (program_id, day, status) DO UPDATE
		SET jobs = program_days.jobs + EXCLUDED.jobs, approx_jobs = program_days.approx_jobs + EXCLUDED.approx_jobs
	), department_total AS (
		INSERT INTO department_days (department, day, program_id, status, jobs, approx_jobs)
		SELECT department, as_of, program_id, status, count, CASE WHEN approximate THEN count ELSE 0 END FROM ins
		ON CONFLICT (department, day, program_id, status) DO UPDATE
		SET jobs = department_days.jobs + EXCLUDED.jobs, approx_jobs = department_days.approx_jobs + EXCLUDED.approx_jobs
	), logged AS (
		-- GREATEST ignores NULL, so a department whose entries were all voided gets the new date.
		INSERT INTO departments (department, last_logged_on) SELECT department, as_of FROM ins
		ON CONFLICT (department) DO UPDATE
		SET last_logged_on = GREATEST(departments.last_logged_on, EXCLUDED.last_logged_on)
	)
	SELECT ins.id, ins.program_id, p.code AS program_code, ins.count, ins.reported_total, ins.kind,
	       ins.as_of, ins.approximate, ins.status, ins.employment_type, ins.department, ins.note,
	       ins.logged_by, ins.source, ins.idempotency_key, ins.created_at, ins.voided_at, ins.voided_by,
	       ins.void_reason,
	       ins.count + (SELECT COALESCE(SUM(jobs), 0) FROM program_days
	                    WHERE program_id = ins.program_id AND status = ins.status
	                      AND day BETWEEN date_trunc('year', ins.as_of)::date
	                                  AND (date_trunc('year', ins.as_of) + interval '1 year - 1 day')::date) AS year_total
	FROM ins, p`

// insertEntry runs insertEntryQuery, recording count (and, for a cumulative
// report, the figure typed) for e; sql.ErrNoRows when it wrote nothing.
func insertEntry(ctx context.Context, q getter, e commands.NewEntry, count int64, reported sql.NullInt64) (commands.AddResult, error) {
	var r struct {
		entryRow
		YearTotal int64 `db:"year_total"`
	}
	err := q.GetContext(ctx, &r, e.ProgramID, count, reported, string(e.Kind), dateArg(e.AsOf), e.Approximate,
		string(e.Status), e.EmploymentType, e.Department, e.Note, e.LoggedBy, string(e.Source), e.IdempotencyKey)
	if err != nil {
		return commands.AddResult{}, err
	}
	return commands.AddResult{Entry: r.entry(), ProgramTotal: r.YearTotal}, nil
}

// getter runs one query into dest: a prepared *sqlx.Stmt, or unprepared.
type getter interface {
	GetContext(ctx context.Context, dest any, args ...any) error
}

// unprepared runs a query text on a connection or transaction, for the rare
// paths where preparing would cost more than it saves.
type unprepared struct {
	db    sqlx.QueryerContext
	query string
}

func (u unprepared) GetContext(ctx context.Context, dest any, args ...any) error {
	return sqlx.GetContext(ctx, u.db, dest, u.query, args...)
}

// insertEntryStmt prepares insertEntryQuery once per Store; a failure (the
// database down at the first add) is not kept, so the next add tries again.
func (s *Store) insertEntryStmt(ctx context.Context) (*sqlx.Stmt, error) {
	s.insertMu.Lock()
	defer s.insertMu.Unlock()
	if s.insert == nil {
		stmt, err := s.db.PreparexContext(ctx, insertEntryQuery)
		if err != nil {
			return nil, err
		}
		s.insert = stmt
	}
	return s.insert, nil
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
	if f.Department != "" {
		add("e.department = ?", f.Department)
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
		if err := subtractFromTotals(ctx, tx, t); err != nil {
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
