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

// RecordLastAction keeps a as userID's last line that could write
// (migration 00045), replacing the one before and clearing its undone mark.
func (s *Store) RecordLastAction(ctx context.Context, userID string, a commands.LastAction) error {
	const q = `
		INSERT INTO last_actions (user_id, command, kind, entry_id, at, undone_at) VALUES ($1, $2, $3, $4, $5, NULL)
		ON CONFLICT (user_id) DO UPDATE SET command = EXCLUDED.command, kind = EXCLUDED.kind,
			entry_id = EXCLUDED.entry_id, at = EXCLUDED.at, undone_at = NULL`
	id := sql.NullInt64{Int64: a.EntryID, Valid: a.EntryID != 0}
	if _, err := s.db.ExecContext(ctx, q, userID, a.Command, a.Kind, id, a.At); err != nil {
		return wrap("record last action", err)
	}
	return nil
}

// UndoLast undoes userID's last line, once. The row that keeps the line is
// locked first (FOR UPDATE), so of two 취소 sent at once one undoes and the
// other finds the line used up; the void and the mark commit together. An
// entry written at or after since is voided (a 정정's replacement restores
// the original, restoreCorrection) under its program's lock, taken after
// the row: nothing takes a last_actions row while holding a program lock
// (the line is recorded after its command committed), so no cycle. A held
// question is dropped (its held_confirmations rows of that line or later),
// so its button asks again. Anything else writes nothing.
func (s *Store) UndoLast(ctx context.Context, userID, reason string, since, at time.Time) (commands.UndoResult, error) {
	var out commands.UndoResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		out = commands.UndoResult{}
		var row struct {
			Command  string        `db:"command"`
			Kind     string        `db:"kind"`
			EntryID  sql.NullInt64 `db:"entry_id"`
			At       time.Time     `db:"at"`
			UndoneAt sql.NullTime  `db:"undone_at"`
		}
		err := sqlx.GetContext(ctx, tx, &row, `
			SELECT command, kind, entry_id, at, undone_at FROM last_actions WHERE user_id = $1 FOR UPDATE`, userID)
		if errors.Is(err, sql.ErrNoRows) {
			return namedNewest(ctx, tx, userID, &out)
		}
		if err != nil {
			return err
		}
		last := commands.LastAction{Command: row.Command, Kind: row.Kind, EntryID: row.EntryID.Int64, At: row.At, Undone: row.UndoneAt.Valid}
		out.Last = &last
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
			if last.Kind != commands.LastEntry || last.Undone || last.At.Before(since) || e.Voided() {
				return nil
			}
			if err := lockProgram(ctx, tx, e.ProgramID); err != nil {
				return err
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
		case last.Kind == commands.LastNothing:
			return nil // the 실적 없음 is named by its number
		}
		return namedNewest(ctx, tx, userID, &out)
	})
	if err != nil {
		return commands.UndoResult{}, wrap(fmt.Sprintf("undo the last line of %q", userID), err)
	}
	return out, nil
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
