package commands

import (
	"context"
	"jobsbot/commands/i18n"
	"math"
	"time"
)

// Per-user limits on writes from Slack, against a runaway script or a stuck
// key: a person logging by hand never comes near them. Only Slack sources
// (commands, buttons, the add form) are limited: whoever runs the console
// has the database anyway, and demo and scripted loads (RunScript) go
// through it. The allowance is kept in the database (Store.TakeWrite), so
// replicas share it: two replicas allow one burst, not two.
const (
	// DefaultWritesPerMinute is each user's sustained write rate (WRITE_RATE_LIMIT).
	DefaultWritesPerMinute = 30
	// writeBurst is how many writes a user may make at once before the rate applies.
	writeBurst = 20
)

// writeLimited answers a write refused by the rate limit, or returns nil when
// the write may go ahead.
func (s *Service) writeLimited(ctx context.Context, c Caller, command string) *Reply {
	if s.writesPerMinute <= 0 || (c.Source != SourceSlash && c.Source != SourceModal) {
		return nil
	}
	d, err := s.store.TakeWrite(ctx, c.UserID, s.now(), time.Minute/time.Duration(s.writesPerMinute), writeBurst)
	if err != nil {
		r := s.storageFailure(ctx, command, err) // nothing was written
		return &r
	}
	if d == 0 {
		return nil
	}
	secs := int(math.Ceil(d.Seconds()))
	s.log.WarnContext(ctx, "write rate limit", "user", c.UserID, "command", command, "retry_after_s", secs)
	return &Reply{Command: command, Outcome: OutcomeRefused, Title: s.msg("ratelimit.you_are_sending_changes", "Secs", secs, "PerMinute", s.writesPerMinute, i18n.PluralCount, secs)}
}

// RateLimitStore keeps each user's write allowance, shared by replicas.
type RateLimitStore interface {
	// TakeWrite takes one write from the user's allowance, shared by every
	// replica: one write every interval, bursts of burst. It returns 0 when
	// the write may go ahead, else how long until it could.
	TakeWrite(ctx context.Context, user string, now time.Time, interval time.Duration, burst int) (time.Duration, error)
}
