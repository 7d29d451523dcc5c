package db

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// HoldConfirmation keeps token as the answer to the newest question the bot
// asked userID before recording the entry fingerprinted print (migration
// 00037), replacing an older one, and drops that user's rows older than
// commands.AnswerWindow: every row (a question's token, a typed answer's
// key, a refusal's offered line and its siblings) is read only within that
// window, so older ones answer nothing (review r45 M1, M2: they were
// dropped after a day, so a Friday question was forgotten by Monday). It
// writes outside any delivery's transaction: asking records no command's
// outcome.
func (s *Store) HoldConfirmation(ctx context.Context, userID, print, token string, at time.Time) error {
	const q = `
		WITH old AS (DELETE FROM held_confirmations WHERE user_id = $1 AND entry_print <> $2 AND held_at < $5::timestamptz)
		INSERT INTO held_confirmations (user_id, entry_print, token, held_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (user_id, entry_print) DO UPDATE SET token = EXCLUDED.token, held_at = EXCLUDED.held_at`
	if _, err := s.db.ExecContext(ctx, q, userID, print, token, at, at.Add(-commands.AnswerWindow)); err != nil {
		return wrap("hold confirmation", err)
	}
	return nil
}

// HeldConfirmation returns the token of the newest question asked userID
// since since about the entry fingerprinted print, or "" if none.
func (s *Store) HeldConfirmation(ctx context.Context, userID, print string, since time.Time) (string, error) {
	var token string
	const q = `SELECT token FROM held_confirmations WHERE user_id = $1 AND entry_print = $2 AND held_at >= $3`
	err := sqlx.GetContext(ctx, s.db, &token, q, userID, print, since)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", wrap("held confirmation", err)
	}
	return token, nil
}

// HeldConfirmations is HeldConfirmation for several prints in one query:
// the token kept under each print asked since since (prints with none are
// left out).
func (s *Store) HeldConfirmations(ctx context.Context, userID string, prints []string, since time.Time) (map[string]string, error) {
	var rows []struct {
		Print string `db:"entry_print"`
		Token string `db:"token"`
	}
	const q = `SELECT entry_print, token FROM held_confirmations WHERE user_id = $1 AND entry_print = ANY($2) AND held_at >= $3`
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, userID, pq.Array(prints), since); err != nil {
		return nil, wrap("held confirmations", err)
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Print] = r.Token
	}
	return out, nil
}

// EntryKeyRecorded reports whether an entry, live or voided, was recorded
// under the idempotency key (through the key's unique index).
func (s *Store) EntryKeyRecorded(ctx context.Context, key string) (bool, error) {
	var found bool
	const q = `SELECT EXISTS (SELECT 1 FROM entries WHERE idempotency_key = $1)`
	if err := sqlx.GetContext(ctx, s.db, &found, q, key); err != nil {
		return false, wrap("entry key recorded", err)
	}
	return found, nil
}

// EntryByKey returns the entry, live or voided, recorded under the
// idempotency key, or ok=false when there is none: which entry answered a
// held question, so its other answer can name it (review r23 M5).
func (s *Store) EntryByKey(ctx context.Context, key string) (commands.Entry, bool, error) {
	var r entryRow
	err := sqlx.GetContext(ctx, s.db, &r, entrySelect+` WHERE e.idempotency_key = $1`, key)
	if errors.Is(err, sql.ErrNoRows) {
		return commands.Entry{}, false, nil
	}
	if err != nil {
		return commands.Entry{}, false, wrap("entry by key", err)
	}
	return r.entry(), true, nil
}

// AnsweredEntry returns the newest live entry of e's person, program and
// day recorded under a question's key (confirm:…) whose key ends in one of
// prints (commands.answeredLine). It reads the few live rows of that
// person, program and day (the entries_by_as_of index, the day's rows
// narrowed by program and person), not the key's unique index, which
// cannot look up a suffix; it runs only when a 확인:예 finds no question.
func (s *Store) AnsweredEntry(ctx context.Context, e commands.NewEntry, prints []string) (commands.Entry, bool, error) {
	var r entryRow
	const q = entrySelect + ` WHERE e.as_of = $1 AND e.program_id = $2 AND e.logged_by = $3 AND e.voided_at IS NULL
		AND e.idempotency_key LIKE 'confirm:%'
		AND EXISTS (SELECT 1 FROM unnest($4::text[]) p WHERE right(e.idempotency_key, char_length(p)) = p)
		AND e.count = $5 AND e.approximate = $6 AND e.employment_type = $7
		ORDER BY e.id DESC LIMIT 1`
	err := sqlx.GetContext(ctx, s.db, &r, q, e.AsOf.Format(time.DateOnly), e.ProgramID, e.LoggedBy, pq.Array(prints),
		e.Count, e.Approximate, e.EmploymentType)
	if errors.Is(err, sql.ErrNoRows) {
		return commands.Entry{}, false, nil
	}
	if err != nil {
		return commands.Entry{}, false, wrap("answered entry", err)
	}
	return r.entry(), true, nil
}
