package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/slack-go/slack"
	"golang.org/x/sync/singleflight"

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

// localeCache remembers users' Slack locales and names ("" for a failed
// lookup; one users.info call serves both) until each entry's deadline. It
// is bounded by golang-lru: when full, the least recently used entry goes,
// so a workspace of any size costs at most max entries. Expiry is each
// entry's own deadline on the cache's clock (a failure is kept a minute, a
// locale an hour), which the expirable LRU cannot do: it has one TTL per
// cache, reads time.Now, and starts a cleanup goroutine it never stops.
type localeCache struct {
	now   func() time.Time
	items *lru.Cache[string, localeItem]
	// lookups collapses concurrent users.info calls for one user into one.
	lookups singleflight.Group
}

type localeItem struct {
	locale string
	name   string // display name, else real name; "" if unknown
	until  time.Time
}

func newLocaleCache(max int, now func() time.Time) *localeCache {
	items, err := lru.New[string, localeItem](max)
	if err != nil {
		panic(fmt.Sprintf("locale cache of %d entries: %v", max, err)) // max is a constant > 0
	}
	return &localeCache{now: now, items: items}
}

// get returns the cached locale of user, if there is a fresh one.
func (c *localeCache) get(user string) (string, bool) {
	it, ok := c.item(user)
	return it.locale, ok
}

// item returns the cached locale and name of user, if fresh.
func (c *localeCache) item(user string) (localeItem, bool) {
	// Peek first: an expired entry is not made recent, so it goes first
	// when the cache is full.
	if it, ok := c.items.Peek(user); !ok || !c.now().Before(it.until) {
		return localeItem{}, false
	}
	it, ok := c.items.Get(user)
	if !ok {
		return localeItem{}, false
	}
	return it, true
}

// put caches user's locale for ttl.
func (c *localeCache) put(user, locale string, ttl time.Duration) {
	c.putItem(user, localeItem{locale: locale}, ttl)
}

// putItem caches user's locale and name for ttl.
func (c *localeCache) putItem(user string, item localeItem, ttl time.Duration) {
	item.until = c.now().Add(ttl)
	c.items.Add(user, item)
}

// userLocale returns the user's Slack locale ("ko-KR"), from the cache or
// users.info; "" when Slack does not tell within localeTimeout. A failure is
// logged at debug only: the reply simply falls back to the default language.
func (b *Bot) userLocale(ctx context.Context, userID string) string {
	return b.userInfo(ctx, userID).locale
}

// userInfo returns the user's Slack locale and name from the cache or one
// users.info call; empty fields when Slack does not tell within
// localeTimeout.
func (b *Bot) userInfo(ctx context.Context, userID string) localeItem {
	if userID == "" {
		return localeItem{}
	}
	if it, ok := b.locales.item(userID); ok {
		return it
	}
	// One users.info call per user however many of their requests arrive
	// together; it is bounded by localeTimeout, not by the first asker.
	v, _, _ := b.locales.lookups.Do(userID, func() (any, error) {
		lookupCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), localeTimeout)
		defer cancel()
		return b.lookupUser(lookupCtx, userID), nil
	})
	return v.(localeItem)
}

// lookupUser asks Slack for the user's locale and name and caches the answer
// (a failure for localeRetry).
func (b *Bot) lookupUser(ctx context.Context, userID string) localeItem {
	u, err := b.api.GetUserInfoContext(ctx, userID, slack.GetUserInfoOptionIncludeLocale(true))
	if err != nil {
		b.metrics.apiErrors.WithLabelValues("users.info").Inc()
		b.log.DebugContext(ctx, "no Slack locale for the user; replying in the default language", "user", userID, "err", err)
		b.locales.put(userID, "", localeRetry)
		return localeItem{}
	}
	it := localeItem{locale: u.Locale, name: strings.TrimSpace(u.Profile.DisplayName)}
	if it.name == "" {
		it.name = strings.TrimSpace(u.Profile.RealName)
	}
	if it.name == "" {
		it.name = strings.TrimSpace(u.RealName)
	}
	b.locales.putItem(userID, it, localeTTL)
	return it
}

// People returns the bot's names of Slack users (one cache with the
// locales), for services built before the bot: the digest poster, reminders.
func (b *Bot) People() commands.PeopleNames { return slackNames{b} }

// slackNames names users for the command core (commands.PeopleNames) from
// the same cache and users.info call as the locale; a failure gives the ID.
type slackNames struct{ b *Bot }

// NameOf implements commands.PeopleNames.
func (n slackNames) NameOf(ctx context.Context, userID string) string {
	if name := n.b.userInfo(ctx, userID).name; name != "" {
		return name
	}
	return userID
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
