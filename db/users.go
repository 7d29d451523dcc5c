package db

import (
	"context"
	"database/sql"
	"errors"

	"jobsbot/commands"
)

// UserLanguage returns the reply language the user chose with `/jobs lang`;
// false means they chose none (or cleared it with `auto`).
func (s *Store) UserLanguage(ctx context.Context, userID string) (commands.Lang, bool, error) {
	var lang string
	err := s.db.GetContext(ctx, &lang, `SELECT language FROM user_settings WHERE user_id = $1`, userID)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, wrap("user language", err)
	}
	return commands.Lang(lang), true, nil
}

// SetUserLanguage stores the user's reply language; "" deletes the choice.
// One statement on one user_settings row: it takes no other lock, so it
// cannot join a lock-order cycle with the ledger's writes.
func (s *Store) SetUserLanguage(ctx context.Context, userID string, lang commands.Lang) error {
	if lang == "" {
		_, err := s.db.ExecContext(ctx, `DELETE FROM user_settings WHERE user_id = $1`, userID)
		return wrap("clear user language", err)
	}
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO user_settings (user_id, language) VALUES ($1, $2)
		ON CONFLICT (user_id) DO UPDATE SET language = EXCLUDED.language, updated_at = now()`,
		userID, string(lang))
	return wrap("set user language", err)
}
