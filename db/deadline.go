package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// A write's deadline (issue 20). lib/pq does not return while the server
// holds its statement, even once ctx has ended (it asks the server to cancel
// and waits for the answer), nor while it waits for the answer to COMMIT,
// which takes no context at all. So a transaction runs on a goroutine of its
// own and its caller waits for it only until ctx ends. What the caller then
// says must be true, and a commitGate makes it so: the goroutine sends COMMIT
// only if the caller has not given up, and the caller, giving up, knows
// whether COMMIT was sent. Before it, nothing was saved and nothing ever
// will be (the goroutine rolls back); after it, the write may have been
// saved (commands.ErrMaybeSaved).
type commitGate struct {
	state atomic.Int32
}

const (
	gateOpen       int32 = iota // the transaction runs; COMMIT not sent
	gateCommitting              // COMMIT sent, no answer yet
	gateAbandoned               // the caller gave up first: COMMIT is never sent
)

// errAbandoned is the goroutine's own error once its caller gave up.
var errAbandoned = errors.New("the caller gave up before COMMIT")

// await runs work, which commits through g, and returns its error; or, if
// ctx ends first, an error saying what is true then. Without a deadline or
// cancellation on ctx it runs work on the caller's goroutine.
func (g *commitGate) await(ctx context.Context, work func() error) error {
	if ctx.Done() == nil {
		return work()
	}
	done := make(chan error, 1)
	go func() { done <- work() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	select {
	case err := <-done: // finished as ctx ended: its own answer is the truth
		return err
	default:
	}
	if g.state.CompareAndSwap(gateOpen, gateAbandoned) {
		return fmt.Errorf("gave up before COMMIT: %w", ctx.Err())
	}
	return fmt.Errorf("%w: no answer to COMMIT in time: %w", commands.ErrMaybeSaved, ctx.Err())
}

// commit sends COMMIT unless the caller gave up; an error after it was sent
// that does not say the server rolled back is commands.ErrMaybeSaved.
func (g *commitGate) commit(tx *sqlx.Tx) error {
	if !g.state.CompareAndSwap(gateOpen, gateCommitting) {
		_ = tx.Rollback()
		return errAbandoned
	}
	err := tx.Commit()
	if err == nil {
		return nil
	}
	if notCommitted(err) {
		g.state.CompareAndSwap(gateCommitting, gateOpen) // a retry may commit
		return err
	}
	return fmt.Errorf("%w: %w", commands.ErrMaybeSaved, err)
}

// notCommitted reports whether a failed COMMIT certainly did not commit:
// database/sql or lib/pq refused it before sending it (ctx ended, a failed
// transaction), or the server answered it with an error of its own (a
// serialization failure, a deferred constraint). A broken connection or a
// server shutting down may have committed first.
func notCommitted(err error) bool {
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded),
		errors.Is(err, sql.ErrTxDone), errors.Is(err, pq.ErrInFailedTransaction):
		return true
	case pq.As(err) != nil:
		return !unavailable(err)
	}
	return false
}
