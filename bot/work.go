package bot

import (
	"context"
	"fmt"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
)

// tracker runs goroutines that outlive the request that started them and
// lets a shutdown wait for them. Once closed it starts nothing new, so a
// WaitGroup never gains work while someone waits on it.
type tracker struct {
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

// Go runs f in a goroutine and reports true, or reports false without running
// it once the tracker is closed.
func (t *tracker) Go(f func()) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return false
	}
	t.wg.Go(f)
	return true
}

// Close stops new work.
func (t *tracker) Close() {
	t.mu.Lock()
	t.closed = true
	t.mu.Unlock()
}

// Wait waits for started work to finish, or for ctx to end.
func (t *tracker) Wait(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		t.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// background runs f with a context bounded by workTimeout and the bot's
// lifetime, in a tracked goroutine; when the bot is shutting down it runs f
// right away in the caller instead, so accepted work is never dropped.
func (b *Bot) background(f func(ctx context.Context)) {
	job := func() {
		ctx, cancel := context.WithTimeout(b.workCtx, workTimeout)
		defer cancel()
		f(ctx)
	}
	if !b.work.Go(job) {
		job()
	}
}

// deliveryContext is ctx while it lasts; once it has ended (shutdown
// cancelled the work after it was done), a context of its own bounded by
// replyTimeout, so a finished command's reply is still delivered.
func deliveryContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if ctx.Err() == nil {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(context.WithoutCancel(ctx), replyTimeout)
}

// seenSet remembers IDs of deliveries already handled (Socket Mode envelope
// IDs, Events API event IDs) for ttl, so a redelivery is acknowledged but not
// run again. It is bounded by golang-lru: past max entries the least recently
// recorded go. Each entry keeps its own time rather than using the expirable
// LRU, whose cleanup goroutine runs for ever once started.
type seenSet struct {
	mu  sync.Mutex // makes first's check-and-record one step
	ttl time.Duration
	at  *lru.Cache[string, time.Time]
}

func newSeenSet(ttl time.Duration, max int) *seenSet {
	at, err := lru.New[string, time.Time](max)
	if err != nil {
		panic(fmt.Sprintf("seen set of %d entries: %v", max, err)) // max is a constant > 0
	}
	return &seenSet{ttl: ttl, at: at}
}

// first records id and reports whether it is new; "" is always new.
func (s *seenSet) first(id string) bool {
	if id == "" {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if at, ok := s.at.Peek(id); ok && now.Sub(at) < s.ttl {
		return false
	}
	s.at.Add(id, now)
	return true
}
