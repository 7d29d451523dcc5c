package db

import (
	"context"

	"jobsbot/commands"
)

// UserLanguage returns the reply language the user chose with `/jobs lang`;
// false means they chose none (or cleared it with `auto`). Every command asks,
// so the answer comes from all users' choices read at most once per cacheTTL.
func (s *Store) UserLanguage(ctx context.Context, userID string) (commands.Lang, bool, error) {
	langs, err := s.languages.get(ctx, func(ctx context.Context) (map[string]commands.Lang, error) {
		var rows []struct {
			UserID   string `db:"user_id"`
			Language string `db:"language"`
		}
		if err := s.db.SelectContext(ctx, &rows, `SELECT user_id, language FROM user_settings`); err != nil {
			return nil, err
		}
		out := make(map[string]commands.Lang, len(rows))
		for _, r := range rows {
			out[r.UserID] = commands.Lang(r.Language)
		}
		return out, nil
	})
	if err != nil {
		return "", false, wrap("user language", err)
	}
	lang, ok := langs[userID]
	return lang, ok, nil
}

// SetUserLanguage stores the user's reply language; "" deletes the choice.
// One statement on one user_settings row: it takes no other lock, so it
// cannot join a lock-order cycle with the ledger's writes.
func (s *Store) SetUserLanguage(ctx context.Context, userID string, lang commands.Lang) error {
	if lang == "" {
		_, err := s.db.ExecContext(ctx, `DELETE FROM user_settings WHERE user_id = $1`, userID)
		s.languages.forget()
		return wrap("clear user language", err)
	}
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO user_settings (user_id, language) VALUES ($1, $2)
		ON CONFLICT (user_id) DO UPDATE SET language = EXCLUDED.language, updated_at = now()`,
		userID, string(lang))
	s.languages.forget()
	return wrap("set user language", err)
}
