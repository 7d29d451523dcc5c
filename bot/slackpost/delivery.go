// Package slackpost is what the bot's Slack posts share: one Slack Web API
// client constructor (whose client waits out short rate limits itself), one
// helper that waits out longer ones (Retry-After), and the once-only record
// of scheduled posts (PostRuns) that the weekly digest and the month-end
// reminders both claim before they post and mark after. (A command's
// delivery, replayed by Slack, is another thing: commands/delivery.go.)
package slackpost

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/commands"
)

// NewSlackClient returns the Slack Web API client the whole bot uses (the
// transport, the digest and the reminders); apiURL, when set, replaces
// Slack's (fake servers in tests, SLACK_API_URL) and must end with "/".
// extra options come before the retries, so they may replace the HTTP
// client's 30 s timeout: with HTTPClient, which keeps the limit on the
// answer's size. See WatchedSlackClient for what the client retries.
func NewSlackClient(token, apiURL string, extra ...slack.Option) *slack.Client {
	return WatchedSlackClient(token, apiURL, nil, extra...)
}

// WatchedSlackClient is NewSlackClient that tells onRetry (which may be nil)
// of every wait, with the Web API method waited on.
//
// The client waits out Slack's rate limits itself (slack.OptionRetryConfig):
// a 429 whose Retry-After is at most MaxRetryAfter is retried up to
// RateLimitRetries times. A rate-limited call was not carried out, so calling
// again never does anything twice. A longer wait comes back to the caller as
// the *slack.RateLimitedError, for it to decide (a reply gives up, a
// scheduled post waits longer). Nothing else is retried here: a timeout or a
// 5xx may be a lost answer to a post that went out, and only the caller can
// check that before posting again (the digest poster does).
func WatchedSlackClient(token, apiURL string, onRetry func(method string, wait time.Duration), extra ...slack.Option) *slack.Client {
	opts := []slack.Option{slack.OptionHTTPClient(HTTPClient(30 * time.Second))}
	if apiURL != "" {
		opts = append(opts, slack.OptionAPIURL(apiURL))
	}
	opts = append(opts, extra...)
	// Last, so it wraps whichever HTTP client the options chose.
	cfg := slack.RetryConfig{MaxRetries: RateLimitRetries, RetryAfterDuration: time.Second}
	cfg.Handlers = []slack.RetryHandler{shortRateLimits{
		inner: slack.NewRateLimitErrorRetryHandler(cfg), limit: MaxRetryAfter, onRetry: onRetry,
	}}
	opts = append(opts, slack.OptionRetryConfig(cfg))
	return slack.New(token, opts...)
}

const (
	// RateLimitRetries bounds how often the client waits out a 429 on one call.
	RateLimitRetries = 3
	// MaxRetryAfter caps a wait the client takes on itself: a reply
	// delivered minutes late is worse than an error in the log.
	MaxRetryAfter = 30 * time.Second
)

// shortRateLimits is slack-go's 429 handler, declining waits past limit.
type shortRateLimits struct {
	inner   slack.RetryHandler
	limit   time.Duration
	onRetry func(method string, wait time.Duration)
}

// ShouldRetry implements slack.RetryHandler.
func (h shortRateLimits) ShouldRetry(state *slack.RetryState, req *http.Request, resp *http.Response, err error) (bool, time.Duration) {
	retry, wait := h.inner.ShouldRetry(state, req, resp, err)
	if !retry || wait > h.limit {
		return false, 0
	}
	if h.onRetry != nil {
		h.onRetry(methodOf(req), wait)
	}
	return true, wait
}

// methodOf is the Web API method a request calls (chat.postMessage), for
// logs. Anything else is named "response_url" and never by its path: a
// response_url's path is the secret that lets its holder post as the bot
// (review B6).
func methodOf(req *http.Request) string {
	m := path.Base(req.URL.Path)
	// /api/chat.postMessage; a hook's path is longer (/commands/T…/…/…).
	if strings.Contains(m, ".") && strings.Count(req.URL.Path, "/") <= 2 {
		return m
	}
	return "response_url"
}

// RateLimitWait says how long to wait before retrying after err: Slack's
// Retry-After for a 429, at least a second and at most limit. ok is false for
// any other error. A rate-limited call was not carried out, so waiting and
// calling again never does anything twice.
func RateLimitWait(err error, limit time.Duration) (wait time.Duration, ok bool) {
	var limited *slack.RateLimitedError
	if !errors.As(err, &limited) {
		return 0, false
	}
	return min(max(limited.RetryAfter, time.Second), limit), true
}

// Sleep waits d or until ctx ends.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Call runs fn, waiting out up to retries rate limits of at most limit each
// and giving up when ctx ends; onWait (may be nil) hears of every wait.
func Call(ctx context.Context, retries int, limit time.Duration, onWait func(err error, wait time.Duration), fn func(ctx context.Context) error) error {
	for attempt := 0; ; attempt++ {
		err := fn(ctx)
		if err == nil {
			return nil
		}
		wait, limited := RateLimitWait(err, limit)
		if !limited || attempt == retries {
			return err
		}
		if onWait != nil {
			onWait(err, wait)
		}
		if serr := Sleep(ctx, wait); serr != nil {
			return errors.Join(err, serr)
		}
	}
}

// PostRuns is the once-only record of scheduled posts: one row per (key, period), claimed
// before a post and marked posted (with Slack's message timestamp) or failed
// after. The digest's key is its channel and its period a week; a reminder's
// key names its round and department (ReminderKey) and its period a month.
// *db.Store implements it on the digest_runs table.
type PostRuns interface {
	ClaimPost(ctx context.Context, key string, period time.Time, owner string, staleAfter time.Duration) (bool, error)
	MarkPosted(ctx context.Context, key string, period time.Time, ts string) error
	MarkPostFailed(ctx context.Context, key string, period time.Time, errText string) error
	PostRun(ctx context.Context, key string, period time.Time) (commands.PostRun, error)
}

// Outcome is what Once did.
type Outcome string

// Outcomes of Once.
const (
	Posted     Outcome = "posted"         // this call posted
	Already    Outcome = "already_posted" // posted before: nothing sent
	InProgress Outcome = "in_progress"    // another run holds the claim: nothing sent
	Failed     Outcome = "failed"         // the post failed; the claim is released for a retry
)

// recordTimeout bounds the ledger write after a post, made even when the
// caller's context has ended: a message that went out must be recorded.
const recordTimeout = 10 * time.Second

// Once posts at most once per (key, period) across replicas and restarts:
// it claims the row, calls post, and records the outcome. A claim older than
// staleAfter is taken over (its holder died).
func Once(ctx context.Context, l PostRuns, key string, period time.Time, owner string, staleAfter time.Duration,
	post func(ctx context.Context) (ts string, err error)) (Outcome, error) {
	claimed, err := l.ClaimPost(ctx, key, period, owner, staleAfter)
	if err != nil {
		return Failed, fmt.Errorf("delivery: claim %s: %w", key, err)
	}
	if !claimed {
		run, err := l.PostRun(ctx, key, period)
		if err != nil {
			return Failed, fmt.Errorf("delivery: read %s: %w", key, err)
		}
		if run.Status == commands.PostRunPosted {
			return Already, nil
		}
		return InProgress, nil
	}
	ts, postErr := post(ctx)
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
	defer cancel()
	if postErr != nil {
		if err := l.MarkPostFailed(rctx, key, period, postErr.Error()); err != nil {
			postErr = errors.Join(postErr, err)
		}
		return Failed, postErr
	}
	if err := l.MarkPosted(rctx, key, period, ts); err != nil {
		return Posted, fmt.Errorf("delivery: posted %s but not recorded: %w", key, err)
	}
	return Posted, nil
}
