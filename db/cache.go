package db

import (
	"context"
	"slices"
	"sync"
	"time"
)

// listTTL is how long a cached list answers from memory. A change made
// through this Store is seen at once; one made by another replica within a
// second. An add that still carries a department name a rename just retired
// lands on the new name anyway (insertEntryQuery maps it through the aliases).
const listTTL = time.Second

// listCache keeps a small, rarely changed list (the programs, the managed
// departments) that every add and status reads, so the hot path skips a
// query for it.
type listCache[T any] struct {
	mu   sync.Mutex
	list []T
	at   time.Time
}

// get returns the cached list, loading it when it is missing or stale. The
// caller gets its own copy.
func (c *listCache[T]) get(ctx context.Context, load func(context.Context) ([]T, error)) ([]T, error) {
	c.mu.Lock()
	if c.list != nil && time.Since(c.at) < listTTL {
		out := slices.Clone(c.list)
		c.mu.Unlock()
		return out, nil
	}
	c.mu.Unlock()
	out, err := load(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.list, c.at = slices.Clone(out), time.Now()
	c.mu.Unlock()
	return out, nil
}

// forget drops the list after a change.
func (c *listCache[T]) forget() {
	c.mu.Lock()
	c.list = nil
	c.mu.Unlock()
}
