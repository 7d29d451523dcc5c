package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// RecordLastAction keeps a as userID's last line that could write
// (migrations 00045, 00046), replacing the one before and clearing its undone mark,
// unless the row already keeps a newer line: the records of two lines may
// land in either order (each runs on its own after its line), and an older
// line's must never replace a newer one's (review r13 BREAK 1b). A line's
// own mark (markLine, at the same time) is replaced by its record.
func (s *Store) RecordLastAction(ctx context.Context, userID string, a commands.LastAction) error {
	const q = `
		INSERT INTO last_actions AS l (user_id, command, kind, entry_id, at, undone_at, entry_print) VALUES ($1, $2, $3, $4, $5, NULL, $6)
		ON CONFLICT (user_id) DO UPDATE SET command = EXCLUDED.command, kind = EXCLUDED.kind,
			entry_id = EXCLUDED.entry_id, at = EXCLUDED.at, undone_at = NULL, entry_print = EXCLUDED.entry_print,
			pending_at = CASE WHEN l.pending_at <= EXCLUDED.at THEN NULL ELSE l.pending_at END
		WHERE l.at <= EXCLUDED.at`
	id := sql.NullInt64{Int64: a.EntryID, Valid: a.EntryID != 0}
	pr := sql.NullString{String: a.Print, Valid: a.Print != ""}
	if _, err := s.db.ExecContext(ctx, q, userID, a.Command, a.Kind, id, a.At, pr); err != nil {
		return wrap("record last action", err)
	}
	return nil
}

// MarkLinePending marks that userID's line started at at is running
// (pending_at), keeping the newest mark, and returns the mark it found, the
// zero time for none: ClearLinePending puts that one back. The line's write
// (its in-transaction mark or RecordLastAction) clears it, or
// ClearLinePending.
func (s *Store) MarkLinePending(ctx context.Context, userID string, at time.Time) (time.Time, error) {
	const q = `
		WITH before AS (SELECT pending_at FROM last_actions WHERE user_id = $1)
		INSERT INTO last_actions AS l (user_id, command, kind, entry_id, at, undone_at, pending_at)
		VALUES ($1, '', 'other', NULL, to_timestamp(0), NULL, $2)
		ON CONFLICT (user_id) DO UPDATE SET pending_at = GREATEST(l.pending_at, EXCLUDED.pending_at)
		RETURNING (SELECT pending_at FROM before)`
	var before sql.NullTime
	if err := s.db.GetContext(ctx, &before, q, userID, at); err != nil {
		return time.Time{}, wrap("mark the line pending", err)
	}
	return before.Time, nil
}

// ClearLinePending takes back the pending mark of userID's line started at
// at, for a line that records nothing of its own (a redelivery answered
// from its first delivery, a dead button's press), and puts back the mark
// it found (before): that of an older line still running, which must go on
// holding 취소 back (review r19 F11: clearing every mark up to at let 취소
// reach past a line waiting on a lock). A mark newer than at is another
// line's and stays; one the older line's record has settled (not after the
// kept line's start) does not come back.
func (s *Store) ClearLinePending(ctx context.Context, userID string, at, before time.Time) error {
	const q = `
		UPDATE last_actions SET pending_at = CASE WHEN $3::timestamptz >= at THEN $3::timestamptz END
		WHERE user_id = $1 AND pending_at = $2`
	var restore sql.NullTime
	if !before.IsZero() {
		restore = sql.NullTime{Time: before, Valid: true}
	}
	if _, err := s.db.ExecContext(ctx, q, userID, at, restore); err != nil {
		return wrap("clear the pending line", err)
	}
	return nil
}

// pendingWindow is how long a pending mark holds 취소 back: a line runs
// within its deadline (seconds); a mark older than this was left by a
// replica that died mid-line, and must not refuse every 취소 after it.
const pendingWindow = 2 * time.Minute

// LastLine returns userID's last line as kept, nil for none.
func (s *Store) LastLine(ctx context.Context, userID string) (*commands.LastAction, error) {
	var row struct {
		lastRow
		Print sql.NullString `db:"entry_print"`
	}
	err := s.db.GetContext(ctx, &row, `SELECT command, kind, entry_id, at, undone_at, entry_print FROM last_actions WHERE user_id = $1`, userID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, wrap("read the last line", err)
	}
	return &commands.LastAction{Command: row.Command, Kind: row.Kind, EntryID: row.EntryID.Int64, At: row.At,
		Undone: row.UndoneAt.Valid, Print: row.Print.String}, nil
}

// markLine marks the line ctx carries, if any, as its user's last line, in
// tx: the write and the mark commit together, so once a line's write is in
// the ledger 취소 sees that line (kind written until keepLastAction records
// what it did), never the one before (review r13 BREAK 1a). It runs last in
// the transaction, so the last_actions row is the last lock a write takes
// (after the programs' locks; see UndoLast for the order).
func markLine(ctx context.Context, tx sqlx.ExtContext) error {
	l := commands.LineFrom(ctx)
	if l == nil {
		return nil
	}
	return markLines(ctx, tx, []commands.Line{*l})
}

// markLines is markLine for the lines of a batch of adds, in one statement:
// one row per user (their newest line), in user order, so two batches that
// share users lock their rows in the same order.
func markLines(ctx context.Context, tx sqlx.ExtContext, lines []commands.Line) error {
	newest := map[string]commands.Line{}
	for _, l := range lines {
		if n, ok := newest[l.UserID]; !ok || !l.At.Before(n.At) {
			newest[l.UserID] = l
		}
	}
	if len(newest) == 0 {
		return nil
	}
	users := slices.Sorted(maps.Keys(newest))
	commandsOf, at := make([]string, len(users)), make([]string, len(users))
	for i, u := range users {
		commandsOf[i], at[i] = newest[u].Command, newest[u].At.UTC().Format(time.RFC3339Nano)
	}
	const q = `
		INSERT INTO last_actions AS l (user_id, command, kind, entry_id, at, undone_at)
		SELECT u, c, 'written', NULL, a, NULL FROM unnest($1::text[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS x(u, c, a, n) ORDER BY n
		ON CONFLICT (user_id) DO UPDATE SET command = EXCLUDED.command, kind = EXCLUDED.kind,
			entry_id = NULL, at = EXCLUDED.at, undone_at = NULL, entry_print = NULL,
			pending_at = CASE WHEN l.pending_at <= EXCLUDED.at THEN NULL ELSE l.pending_at END
		WHERE l.at <= EXCLUDED.at`
	if _, err := tx.ExecContext(ctx, q, pq.Array(users), pq.Array(commandsOf), pq.Array(at)); err != nil {
		return fmt.Errorf("mark the last line: %w", err)
	}
	return nil
}

// lastRow is a user's last_actions row as UndoLast reads it.
type lastRow struct {
	Command  string        `db:"command"`
	Kind     string        `db:"kind"`
	EntryID  sql.NullInt64 `db:"entry_id"`
	At       time.Time     `db:"at"`
	UndoneAt sql.NullTime  `db:"undone_at"`
	Pending  sql.NullTime  `db:"pending_at"`
}

// errLastLineMoved makes UndoLast start over: the user's last line changed
// between its read and its lock.
var errLastLineMoved = commands.ErrLastLineMoved

// undoAttemptsLast bounds UndoLast's starts over; a user typing a line
// between each of its reads is the only way to use them up.
const undoAttemptsLast = 3

// UndoLast undoes userID's last line, once.
//
// Lock order (the one order every write path takes, see README "Lock
// order"): the programs' locks first, the user's last_actions row last.
// A write marks its line (markLine, markLines) as the last statement of its
// transaction, after its programs' locks; so UndoLast reads the row without
// a lock, takes the program lock of the entry that row names, and only then
// locks the row (FOR UPDATE) and checks that it still keeps the same line,
// starting over if not. Of two 취소 sent at once one undoes and the other
// finds the line used up; the void and the mark commit together.
//
// A line's write and its mark commit together, so 취소 never sees a line
// older than the newest that wrote: while the row says "written" (the
// line's record has not landed) or "unfinished" (the line ran out of time),
// 취소 writes nothing and says so. An entry written at or after since is
// voided (a 정정's replacement restores the original, restoreCorrection). A
// held question is dropped (its held_confirmations rows of that line or
// later), and the row keeps its entry print (entry_print) and the undone
// mark, so the line that answers it next (its old button) is refused
// (commands answersCancelled). Anything else writes nothing.
func (s *Store) UndoLast(ctx context.Context, userID, reason string, since, at time.Time) (commands.UndoResult, error) {
	var out commands.UndoResult
	var err error
	for range undoAttemptsLast {
		err = s.inTx(ctx, func(tx *sqlx.Tx) error {
			out = commands.UndoResult{}
			return undoLastOnce(ctx, tx, userID, reason, since, at, &out)
		})
		if !errors.Is(err, errLastLineMoved) {
			break
		}
	}
	if err != nil {
		return commands.UndoResult{}, wrap(fmt.Sprintf("undo the last line of %q", userID), err)
	}
	return out, nil
}

// undoLastOnce is one attempt of UndoLast in tx.
func undoLastOnce(ctx context.Context, tx *sqlx.Tx, userID, reason string, since, at time.Time, out *commands.UndoResult) error {
	const read = `SELECT command, kind, entry_id, at, undone_at, pending_at FROM last_actions WHERE user_id = $1`
	var seen lastRow
	err := sqlx.GetContext(ctx, tx, &seen, read, userID)
	if errors.Is(err, sql.ErrNoRows) {
		return namedNewest(ctx, tx, userID, out)
	}
	if err != nil {
		return err
	}
	undoable := seen.Kind == commands.LastEntry && seen.EntryID.Valid && !seen.UndoneAt.Valid && !seen.At.Before(since)
	if undoable { // the program's lock before the row's (lock order)
		e, err := entryByID(ctx, tx, seen.EntryID.Int64)
		if err != nil {
			return fmt.Errorf("entry %d of the last line: %w", seen.EntryID.Int64, err)
		}
		if err := lockProgram(ctx, tx, e.ProgramID); err != nil {
			return err
		}
	}
	var row lastRow
	if err := sqlx.GetContext(ctx, tx, &row, read+` FOR UPDATE`, userID); err != nil {
		return err
	}
	if row.Command != seen.Command || row.Kind != seen.Kind || row.EntryID != seen.EntryID || !row.At.Equal(seen.At) || row.UndoneAt.Valid != seen.UndoneAt.Valid {
		return errLastLineMoved
	}
	last := commands.LastAction{Command: row.Command, Kind: row.Kind, EntryID: row.EntryID.Int64, At: row.At, Undone: row.UndoneAt.Valid}
	out.Last = &last
	if row.Pending.Valid && !row.Pending.Time.Before(row.At) && row.Pending.Time.After(at.Add(-pendingWindow)) {
		// A newer line is still running (or its record has not landed):
		// the last line is not settled, so nothing is undone (r16 BREAK 2).
		out.Pending = true
		return nil
	}
	done := func() error {
		out.Done = true
		_, err := tx.ExecContext(ctx, `UPDATE last_actions SET undone_at = $2 WHERE user_id = $1`, userID, at)
		return err
	}
	switch {
	case last.Kind == commands.LastHeld && !last.Undone:
		if _, err := tx.ExecContext(ctx, `DELETE FROM held_confirmations WHERE user_id = $1 AND held_at >= $2`, userID, last.At); err != nil {
			return err
		}
		return done()
	case (last.Kind == commands.LastEntry || last.Kind == commands.LastVoid) && last.EntryID != 0:
		e, err := entryByID(ctx, tx, last.EntryID)
		if err != nil {
			return fmt.Errorf("entry %d of the last line: %w", last.EntryID, err)
		}
		out.Named = &e
		if !undoable || e.Voided() {
			return nil
		}
		if res, ok, err := restoreCorrection(ctx, tx, e.ID, userID, reason, at); err != nil {
			return err
		} else if ok {
			out.Void = res
			return done()
		}
		res, err := voidUnmarked(ctx, tx, e.ID, userID, reason, at)
		if errors.Is(err, commands.ErrAlreadyVoided) {
			return nil // voided meanwhile: named, nothing written
		}
		if err != nil {
			return err
		}
		out.Void = res
		return done()
	case last.Kind == commands.LastNothing, last.Kind == commands.LastWritten, last.Kind == commands.LastUnfinished:
		// The 실적 없음 is named by its number; a line whose outcome is
		// not known names no entry: which it wrote, if any, is in 목록.
		return nil
	}
	return namedNewest(ctx, tx, userID, out)
}

// namedNewest names the user's newest live entry in out: the entry 취소
// leaves alone when the last line wrote none.
func namedNewest(ctx context.Context, tx sqlx.ExtContext, userID string, out *commands.UndoResult) error {
	var r entryRow
	err := sqlx.GetContext(ctx, tx, &r, entrySelect+` WHERE e.logged_by = $1 AND e.voided_at IS NULL ORDER BY e.id DESC LIMIT 1`, userID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	e := r.entry()
	out.Named = &e
	return nil
}
