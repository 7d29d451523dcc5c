package commands

import (
	"context"
	"strings"
	"time"

	"jobsbot/commands/i18n"
)

// langAuto is the `lang auto` choice: forget the stored language and follow
// the Slack locale (or the default) again. It is never stored.
const langAuto Lang = "auto"

// langWords are the values `lang` takes, in English and Korean.
var langWords = vocab[Lang]{"vocab.lang", []word[Lang]{
	{Korean, []string{"kr", "kor", "한국말", "한글", "국문"}},
	{English, []string{"eng", "영문"}},
	{langAuto, []string{"default", "기본", "slack", "reset"}},
}}

// supported reports whether replies can be written in l.
func supported(l Lang) bool { return l == English || l == Korean }

// languageFor decides the language of one request's reply, in this order:
// the user's stored choice (`lang ko|en`), the caller's language (c.Lang),
// the caller's Slack locale, then the service default (BOT_LANGUAGE). A
// pinned Service (a channel post, or the copy a request runs on) keeps its
// own language whoever asks.
func (s *Service) languageFor(ctx context.Context, c Caller) Lang {
	if s.pinned {
		return s.lang
	}
	if c.UserID != "" {
		l, ok, err := s.store.UserLanguage(ctx, c.UserID)
		switch {
		case err != nil:
			// The command itself will meet the same trouble and say so;
			// the reply language just falls back.
			s.log.WarnContext(ctx, "reading the user's language", "user", c.UserID, "err", err)
		case ok && supported(l):
			return l
		}
	}
	return s.unchosenLanguage(c)
}

// unchosenLanguage is the language of a caller who stored no choice: their
// own (c.Lang), else their Slack locale's, else the service default.
func (s *Service) unchosenLanguage(c Caller) Lang {
	if supported(c.Lang) {
		return c.Lang
	}
	if l := LangOfLocale(c.Locale); l != "" {
		return l
	}
	return s.defaultLang
}

// LangOfLocale maps a Slack locale to a reply language: Korean for ko-KR (any
// "ko" locale), English for any other known locale, "" for none.
func LangOfLocale(locale string) Lang {
	locale = strings.ToLower(strings.TrimSpace(locale))
	switch {
	case locale == "":
		return ""
	case locale == "ko" || strings.HasPrefix(locale, "ko-") || strings.HasPrefix(locale, "ko_"):
		return Korean
	}
	return English
}

// ReplyLanguage is the language c's replies are written in, for transports
// that word labels of their own around a reply (the Slack modal, App Home).
func (s *Service) ReplyLanguage(ctx context.Context, c Caller) Lang { return s.languageFor(ctx, c) }

// WithLanguage returns a Service that writes every reply in lang, whoever
// asks: the stored choices and locales of users are not consulted. Channel
// posts (the digest, a shared status) use it with DIGEST_LANGUAGE, and each
// request runs on such a copy in its caller's language. An unsupported lang
// keeps the current language. It is the one way a language is chosen: the
// copy's catalogue printer (s.msg) and every helper method speak lang.
func (s *Service) WithLanguage(lang Lang) *Service {
	c := *s
	if supported(lang) && lang != s.lang {
		c.lang = lang
		c.tr = i18n.Default().Printer(lang)
	}
	c.pinned = true
	return &c
}

// parseLang reads `lang ko|en|auto` (`언어 한국어|영어|자동`).
func parseLang(cmd *Command, ts []token, _ time.Time) error {
	if len(ts) == 0 {
		return usageErr(cmd.Name, "language.which")
	}
	l, ok := lookup(langWords, textJoin(ts))
	if !ok {
		return usageErr(cmd.Name, "language.unknown", "Text", textJoin(ts))
	}
	cmd.Lang = l
	return nil
}

// chooseLanguage stores (or, for auto, clears) the caller's reply language and
// answers in the language now in effect, so the user sees the change at once.
func (s *Service) chooseLanguage(ctx context.Context, c Caller, cmd Command) Reply {
	stored := cmd.Lang
	if stored == langAuto {
		stored = ""
	}
	if err := s.store.SetUserLanguage(ctx, c.UserID, stored); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if cmd.Lang == langAuto {
		r := s.WithLanguage(s.unchosenLanguage(c))
		return Reply{Title: r.msg("language.cleared")}
	}
	r := s.WithLanguage(cmd.Lang)
	return Reply{Title: r.msg("language.chosen")}
}

// LanguageStore keeps the reply language each user chose with `lang`.
type LanguageStore interface {
	// UserLanguage returns the reply language the user chose with `lang`;
	// false means none is stored.
	UserLanguage(ctx context.Context, userID string) (Lang, bool, error)
	// SetUserLanguage stores the user's reply language; "" deletes the choice.
	SetUserLanguage(ctx context.Context, userID string, lang Lang) error
}
