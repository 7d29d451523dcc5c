package commands

import (
	"context"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Per-user limits on writes from Slack, against a runaway script or a stuck
// key: a person logging by hand never comes near them. Only Slack sources
// (commands, buttons, the add form) are limited: whoever runs the console
// has the database anyway, and demo and scripted loads (RunScript) go
// through it.
const (
	// DefaultWritesPerMinute is each user's sustained write rate (WRITE_RATE_LIMIT).
	DefaultWritesPerMinute = 30
	// writeBurst is how many writes a user may make at once before the rate applies.
	writeBurst = 20
	// limiterIdle is when a user's bucket is forgotten: by then it is full
	// again, the same as a new one.
	limiterIdle = 10 * time.Minute
)

// limiter keeps a token bucket per user: the write limit and the export
// limit are two of them.
type limiter struct {
	every rate.Limit
	burst int
	mu    sync.Mutex
	users map[string]*userBucket
	swept time.Time
}

// writeLimiter is the write limit: a limiter and its rate in words.
type writeLimiter struct {
	*limiter
	perMinute int
}

// rateEvery is one event per d.
func rateEvery(d time.Duration) rate.Limit { return rate.Every(d) }

func newLimiter(every rate.Limit, burst int) *limiter {
	return &limiter{every: every, burst: burst, users: map[string]*userBucket{}}
}

type userBucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newWriteLimiter(perMinute int) *writeLimiter {
	if perMinute <= 0 {
		return nil
	}
	return &writeLimiter{limiter: newLimiter(rate.Limit(float64(perMinute)/60), writeBurst), perMinute: perMinute}
}

// wait takes one write from user's bucket at now; it returns 0 when the write
// may go ahead, else how long until it could.
func (l *limiter) wait(user string, now time.Time) time.Duration {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > limiterIdle {
		for id, b := range l.users {
			if now.Sub(b.seen) > limiterIdle {
				delete(l.users, id)
			}
		}
		l.swept = now
	}
	b, ok := l.users[user]
	if !ok {
		b = &userBucket{lim: rate.NewLimiter(l.every, l.burst)}
		l.users[user] = b
	}
	b.seen = now
	r := b.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return d
	}
	return 0
}

// writeLimited answers a write refused by the rate limit, or returns nil when
// the write may go ahead.
func (s *Service) writeLimited(ctx context.Context, c Caller, command string) *Reply {
	if c.Source != SourceSlash && c.Source != SourceModal {
		return nil
	}
	if s.limiter == nil {
		return nil
	}
	d := s.limiter.wait(c.UserID, s.now())
	if d == 0 {
		return nil
	}
	secs := int(math.Ceil(d.Seconds()))
	s.log.WarnContext(ctx, "write rate limit", "user", c.UserID, "command", command, "retry_after_s", secs)
	return &Reply{Command: command, Outcome: OutcomeRefused, Title: s.msg("ratelimit.you_are_sending_changes", "Secs", secs, "PerMinute", s.limiter.perMinute)}
}
