package db

import (
	"context"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"jobsbot/commands"
)

// languageCache keeps each user's chosen reply language for cacheTTL, one
// user at a time. Every command asks for its caller's language, so the
// answer must come from memory; but a change (`lang`, which anyone may send
// as often as the write limit lets them) must cost one row, never a reload
// of every user's: the cache is per user, a change replaces only that user's
// entry, and concurrent loads of one user's row collapse into one query.
type languageCache struct {
	mu      sync.Mutex
	entries map[string]languageEntry
	// changes counts stored changes: a load that began before one may have
	// read the row as it was, and must not put it back over the change.
	changes uint64
	swept   time.Time
	loads   singleflight.Group
}

// languageEntry is one user's choice as last read or written.
type languageEntry struct {
	lang   commands.Lang
	chosen bool
	at     time.Time
}

// cached returns user's entry while it is fresh, and the change count to
// hand back to put after a load.
func (c *languageCache) cached(user string, now time.Time) (languageEntry, bool, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[user]
	return e, ok && now.Sub(e.at) < cacheTTL, c.changes
}

// put stores what a load read, unless a change was stored since it began.
func (c *languageCache) put(user string, e languageEntry, changesBefore uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.changes == changesBefore {
		c.store(user, e)
	}
}

// changed stores a change made through this Store: the user's next request
// reads it at once.
func (c *languageCache) changed(user string, e languageEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.changes++
	c.store(user, e)
}

// store sets an entry and, once a minute, forgets stale ones, so the map
// holds only users active in the last cacheTTL or so.
func (c *languageCache) store(user string, e languageEntry) {
	if c.entries == nil {
		c.entries = map[string]languageEntry{}
	}
	if e.at.Sub(c.swept) > time.Minute {
		for id, old := range c.entries {
			if e.at.Sub(old.at) >= cacheTTL {
				delete(c.entries, id)
			}
		}
		c.swept = e.at
	}
	c.entries[user] = e
}

// loadUserLanguage reads one user's row, however many requests ask at once.
func (s *Store) loadUserLanguage(ctx context.Context, userID string) (languageEntry, error) {
	e, fresh, changes := s.languages.cached(userID, time.Now())
	if fresh {
		return e, nil
	}
	v, err, _ := s.languages.loads.Do(userID, func() (any, error) {
		// Detached from the first asker's cancellation: the others waiting
		// on this load must not fail with it.
		lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), languageLoadTimeout)
		defer cancel()
		var langs []string
		err := s.db.SelectContext(lctx, &langs, `SELECT language FROM user_settings WHERE user_id = $1`, userID)
		if err != nil {
			return languageEntry{}, err
		}
		s.languageQueries.Add(1)
		s.languageRows.Add(int64(len(langs)))
		e := languageEntry{at: time.Now()}
		if len(langs) == 1 {
			e.lang, e.chosen = commands.Lang(langs[0]), true
		}
		s.languages.put(userID, e, changes)
		return e, nil
	})
	if err != nil {
		return languageEntry{}, err
	}
	return v.(languageEntry), nil
}

// languageLoadTimeout bounds one user's language read: a reply falls back to
// the default language rather than wait on it.
const languageLoadTimeout = 5 * time.Second
