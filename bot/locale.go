package bot

import (
	"context"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/commands"
)

// Locale lookups (users.info with include_locale). A reply must not wait on
// Slack for long, so a lookup that takes longer than localeTimeout is given
// up and the reply uses the default language; a failure is remembered for
// localeRetry so a missing users:read scope costs one call a minute per
// user, not one per command.
const (
	localeTimeout  = 300 * time.Millisecond
	localeTTL      = time.Hour
	localeRetry    = time.Minute
	localeCacheMax = 10000
)

// localeCache remembers users' Slack locales ("" for a failed lookup) until
// each entry's deadline. It is bounded: when full, expired entries go first,
// then arbitrary ones, so a workspace of any size costs at most max entries.
type localeCache struct {
	mu    sync.Mutex
	max   int
	now   func() time.Time
	items map[string]localeItem
}

type localeItem struct {
	locale string
	until  time.Time
}

func newLocaleCache(max int, now func() time.Time) *localeCache {
	return &localeCache{max: max, now: now, items: make(map[string]localeItem)}
}

// get returns the cached locale of user, if there is a fresh one.
func (c *localeCache) get(user string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	it, ok := c.items[user]
	if !ok || !c.now().Before(it.until) {
		return "", false
	}
	return it.locale, true
}

// put caches user's locale for ttl.
func (c *localeCache) put(user, locale string, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if _, ok := c.items[user]; !ok && len(c.items) >= c.max {
		for u, it := range c.items {
			if !now.Before(it.until) {
				delete(c.items, u)
			}
		}
		for u := range c.items {
			if len(c.items) < c.max {
				break
			}
			delete(c.items, u)
		}
	}
	c.items[user] = localeItem{locale: locale, until: now.Add(ttl)}
}

// userLocale returns the user's Slack locale ("ko-KR"), from the cache or
// users.info; "" when Slack does not tell within localeTimeout. A failure is
// logged at debug only: the reply simply falls back to the default language.
func (b *Bot) userLocale(ctx context.Context, userID string) string {
	if userID == "" {
		return ""
	}
	if locale, ok := b.locales.get(userID); ok {
		return locale
	}
	lookupCtx, cancel := context.WithTimeout(ctx, localeTimeout)
	defer cancel()
	u, err := b.api.GetUserInfoContext(lookupCtx, userID, slack.GetUserInfoOptionIncludeLocale(true))
	if err != nil {
		b.metrics.apiErrors.WithLabelValues("users.info").Inc()
		b.log.DebugContext(ctx, "no Slack locale for the user; replying in the default language", "user", userID, "err", err)
		b.locales.put(userID, "", localeRetry)
		return ""
	}
	b.locales.put(userID, u.Locale, localeTTL)
	return u.Locale
}

// forUser is the one place a Slack request gets its language: it adds the
// user's Slack locale to the caller and returns a view of the bot whose
// service and labels speak the caller's language (stored choice, locale,
// then BOT_LANGUAGE; see commands.Service.ReplyLanguage).
func (b *Bot) forUser(ctx context.Context, c commands.Caller) (*Bot, commands.Caller) {
	c.Locale = b.userLocale(ctx, c.UserID)
	return b.speaking(b.svc.ReplyLanguage(ctx, c)), c
}

// speaking returns a shallow copy of the bot that writes in lang: its
// service is pinned to lang, and b.t reads the service's language. Every
// other field is shared (they are pointers or read-only), so the copy serves
// one request and is dropped.
func (b *Bot) speaking(lang commands.Lang) *Bot {
	v := *b
	v.svc = b.svc.WithLanguage(lang)
	return &v
}
