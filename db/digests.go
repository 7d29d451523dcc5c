package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// The digest ledger: one row per channel and week, claimed before the digest
// is posted and marked posted with Slack's message timestamp after. The unique
// key (channel, week_start) is what lets several replicas fire at the same
// moment and post once; the conditional UPDATE below is what lets a later run
// take over a week whose post failed or whose replica died mid-post.

// ClaimPost claims the digest of week (its Monday) for channel on behalf
// of owner. It returns true when the caller may post: the week had no row, or
// its row is failed, or it has been claimed for longer than staleAfter (the
// claimer crashed). A posted week, or one claimed recently by someone else,
// gives false. Concurrent callers never both get true for one claim.
func (s *Store) ClaimPost(ctx context.Context, channel string, week time.Time, owner string, staleAfter time.Duration) (bool, error) {
	const insert = `
		INSERT INTO digest_runs (channel, week_start, status, claimed_by, claimed_at, attempts)
		VALUES ($1, $2::date, 'claimed', $3, now(), 1)
		ON CONFLICT (channel, week_start) DO NOTHING`
	res, err := s.db.ExecContext(ctx, insert, channel, dateArg(week), owner)
	if err != nil {
		return false, wrap("claim digest", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return false, wrap("claim digest", err)
	} else if n == 1 {
		return true, nil
	}
	// In READ COMMITTED a second UPDATE racing for the same row waits for the
	// first to commit and then re-checks the WHERE clause against the row the
	// first one wrote (now claimed, just now), so only one takeover succeeds.
	// The age is measured by the server's clock, the one that wrote
	// claimed_at, so replicas with skewed clocks agree on what is stale.
	const takeOver = `
		UPDATE digest_runs
		SET status = 'claimed', claimed_by = $3, claimed_at = now(), attempts = attempts + 1
		WHERE channel = $1 AND week_start = $2::date
		  AND (status = 'failed'
		       OR (status = 'claimed' AND claimed_at < now() - make_interval(secs => $4)))`
	res, err = s.db.ExecContext(ctx, takeOver, channel, dateArg(week), owner, staleAfter.Seconds())
	if err != nil {
		return false, wrap("claim digest", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, wrap("claim digest", err)
	}
	return n == 1, nil
}

// MarkPosted records that the week's digest was posted as message ts.
// It never un-posts: a row already posted keeps its first timestamp.
// ErrNotFound if the week was never claimed.
func (s *Store) MarkPosted(ctx context.Context, channel string, week time.Time, ts string) error {
	const q = `
		UPDATE digest_runs
		SET status = 'posted', message_ts = $3, posted_at = now(), last_error = ''
		WHERE channel = $1 AND week_start = $2::date AND status <> 'posted'`
	return s.markDigest(ctx, "mark digest posted", q, channel, week, ts)
}

// MarkPostFailed records that posting failed with errText, releasing the
// claim so a later run retries. A posted row is left alone: a late failure
// report from a slow replica must not invite a second post.
// ErrNotFound if the week was never claimed.
func (s *Store) MarkPostFailed(ctx context.Context, channel string, week time.Time, errText string) error {
	const q = `
		UPDATE digest_runs
		SET status = 'failed', last_error = left($3, 2000)
		WHERE channel = $1 AND week_start = $2::date AND status = 'claimed'`
	return s.markDigest(ctx, "mark digest failed", q, channel, week, errText)
}

// markDigest runs one of the mark updates; a row that exists but is already
// in a final state is not an error, a missing row is.
func (s *Store) markDigest(ctx context.Context, what, q, channel string, week time.Time, arg string) error {
	res, err := s.db.ExecContext(ctx, q, channel, dateArg(week), arg)
	if err != nil {
		return wrap(what, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return wrap(what, err)
	} else if n == 1 {
		return nil
	}
	if _, err := s.PostRun(ctx, channel, week); err != nil {
		return fmt.Errorf("db: %s: %w", what, err)
	}
	return nil
}

// PostRun returns the ledger row of one channel and week; ErrNotFound if
// the week was never claimed there.
func (s *Store) PostRun(ctx context.Context, channel string, week time.Time) (commands.PostRun, error) {
	const q = `
		SELECT channel, week_start, status, claimed_by, claimed_at, attempts, message_ts, posted_at, last_error
		FROM digest_runs
		WHERE channel = $1 AND week_start = $2::date`
	var r struct {
		Channel   string       `db:"channel"`
		WeekStart time.Time    `db:"week_start"`
		Status    string       `db:"status"`
		ClaimedBy string       `db:"claimed_by"`
		ClaimedAt time.Time    `db:"claimed_at"`
		Attempts  int          `db:"attempts"`
		MessageTS string       `db:"message_ts"`
		PostedAt  sql.NullTime `db:"posted_at"`
		LastError string       `db:"last_error"`
	}
	if err := sqlx.GetContext(ctx, s.db, &r, q, channel, dateArg(week)); err != nil {
		return commands.PostRun{}, wrap("digest run", err)
	}
	run := commands.PostRun{
		Channel: r.Channel, WeekStart: dateOf(r.WeekStart), Status: commands.PostRunStatus(r.Status),
		ClaimedBy: r.ClaimedBy, ClaimedAt: r.ClaimedAt, Attempts: r.Attempts, MessageTS: r.MessageTS, LastError: r.LastError,
	}
	if r.PostedAt.Valid {
		t := r.PostedAt.Time
		run.PostedAt = &t
	}
	return run, nil
}

// DigestFirstRun returns when the digest first ran for channel, recording
// now (the scheduler's clock) if this is the first time. The scheduler
// catches up only on firings after it, so a new installation never posts a
// week from before it ran.
func (s *Store) DigestFirstRun(ctx context.Context, channel string, now time.Time) (time.Time, error) {
	const q = `
		WITH added AS (
			INSERT INTO digest_channels (channel, first_run_at) VALUES ($1, $2)
			ON CONFLICT (channel) DO NOTHING
			RETURNING first_run_at
		)
		SELECT first_run_at FROM added
		UNION ALL
		SELECT first_run_at FROM digest_channels WHERE channel = $1`
	var first time.Time
	err := s.db.GetContext(ctx, &first, q, channel, now)
	return first, wrap("digest first run", err)
}
