package db

import (
	"context"
	"slices"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// cacheTTL is how long a cached value answers from memory. A change made
// through this Store is seen at once; one made by another replica within a
// second. An add that still carries a department name a rename just retired
// lands on the new name anyway (insertEntriesQuery maps it through the aliases).
const cacheTTL = time.Second

// cache keeps a small, rarely changed value that every command reads (the
// programs, the managed departments, every user's chosen language), so the
// hot path skips a query for it. Callers must not change what get returns.
type cache[T any] struct {
	mu     sync.Mutex
	value  T
	loaded bool
	at     time.Time
	// generation counts forgets: a load that began before one must not put
	// back what it read, or a change made here would be hidden for cacheTTL.
	generation uint64
	// loads collapses the reloads of callers who find the value stale at
	// once into one query: an expiry must not send every command to the
	// database together.
	loads singleflight.Group
}

// cacheLoadTimeout bounds one reload. It runs detached from the first
// caller's cancellation, since every caller waiting on it shares its answer.
const cacheLoadTimeout = 5 * time.Second

// get returns the cached value, loading it when it is missing or stale.
func (c *cache[T]) get(ctx context.Context, load func(context.Context) (T, error)) (T, error) {
	c.mu.Lock()
	if c.loaded && time.Since(c.at) < cacheTTL {
		v := c.value
		c.mu.Unlock()
		return v, nil
	}
	generation := c.generation
	c.mu.Unlock()
	// The key is the generation: a caller who comes after a forget must not
	// be handed a load that began before it.
	r, err, _ := c.loads.Do(strconv.FormatUint(generation, 10), func() (any, error) {
		lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cacheLoadTimeout)
		defer cancel()
		v, err := load(lctx)
		if err != nil {
			return v, err
		}
		c.mu.Lock()
		if c.generation == generation {
			c.value, c.loaded, c.at = v, true, time.Now()
		}
		c.mu.Unlock()
		return v, nil
	})
	return r.(T), err
}

// forget drops the value after a change.
func (c *cache[T]) forget() {
	c.mu.Lock()
	var zero T
	c.value, c.loaded = zero, false
	c.generation++
	c.mu.Unlock()
}

// getList is get for a cached list: the caller gets its own copy.
func getList[T any](ctx context.Context, c *cache[[]T], load func(context.Context) ([]T, error)) ([]T, error) {
	list, err := c.get(ctx, load)
	return slices.Clone(list), err
}
