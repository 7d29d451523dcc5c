package db

import (
	"context"
	"time"

	"jobsbot/commands"
)

// UserLanguage returns the reply language the user chose with `/jobs lang`;
// false means they chose none (or cleared it with `auto`). Every command
// asks, so the answer comes from the per-user cache (languages.go).
func (s *Store) UserLanguage(ctx context.Context, userID string) (commands.Lang, bool, error) {
	e, err := s.loadUserLanguage(ctx, userID)
	if err != nil {
		return "", false, wrap("user language", err)
	}
	return e.lang, e.chosen, nil
}

// SetUserLanguage stores the user's reply language; "" deletes the choice.
// One statement on one user_settings row: it takes no other lock, so it
// cannot join a lock-order cycle with the ledger's writes. The cache learns
// the new choice for this user only; other users' entries stay.
func (s *Store) SetUserLanguage(ctx context.Context, userID string, lang commands.Lang) error {
	if lang == "" {
		if _, err := s.db.ExecContext(ctx, `DELETE FROM user_settings WHERE user_id = $1`, userID); err != nil {
			return wrap("clear user language", err)
		}
		s.languages.changed(userID, languageEntry{at: time.Now()})
		return nil
	}
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO user_settings (user_id, language) VALUES ($1, $2)
		ON CONFLICT (user_id) DO UPDATE SET language = EXCLUDED.language, updated_at = now()`,
		userID, string(lang))
	if err != nil {
		return wrap("set user language", err)
	}
	s.languages.changed(userID, languageEntry{lang: lang, chosen: true, at: time.Now()})
	return nil
}

// LanguageReads is how many queries have read users' languages and how many
// rows they returned, for tests and the bench: a language change must cost
// one user's row, not everyone's.
func (s *Store) LanguageReads() (queries, rows int64) {
	return s.languageQueries.Load(), s.languageRows.Load()
}
