package slackpost_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/bot/slackpost"
)

func TestCallWaitsOutRateLimitsOnly(t *testing.T) {
	var waits []time.Duration
	calls := 0
	err := slackpost.Call(context.Background(), 3, time.Minute,
		func(_ error, w time.Duration) { waits = append(waits, w) },
		func(context.Context) error {
			calls++
			if calls == 1 {
				return &slack.RateLimitedError{RetryAfter: 0} // Slack said retry now: wait at least a second
			}
			return nil
		})
	if err != nil || calls != 2 || len(waits) != 1 || waits[0] != time.Second {
		t.Errorf("after one 429: err %v, %d calls, waits %v; want nil, 2, [1s]", err, calls, waits)
	}
	refused := errors.New("channel_not_found")
	calls = 0
	err = slackpost.Call(context.Background(), 3, time.Minute, nil, func(context.Context) error { calls++; return refused })
	if !errors.Is(err, refused) || calls != 1 {
		t.Errorf("a refusal was retried: %d calls, err %v", calls, err)
	}
	if w, ok := slackpost.RateLimitWait(&slack.RateLimitedError{RetryAfter: time.Hour}, 10*time.Minute); !ok || w != 10*time.Minute {
		t.Errorf("a long Retry-After is capped to %v (ok %v), want 10m", w, ok)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = slackpost.Call(ctx, 3, time.Minute, nil, func(context.Context) error { return &slack.RateLimitedError{RetryAfter: time.Minute} })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled wait returned %v", err)
	}
}
