package db

import (
	"context"
	"fmt"
	"strconv"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// deliveryPruneBatch is how many claims past commands.DeliveryKeptFor each
// new claim deletes: more than one, so the table shrinks back after a burst,
// and few, so no claim waits on a long delete.
const deliveryPruneBatch = 8

// ClaimDelivery claims the delivery with this key (see commands/delivery.go):
// a new key, or a claim with no recorded outcome older than
// commands.DeliveryRetryAfter, which it takes over. The same statement
// deletes a few claims past commands.DeliveryKeptFor, oldest first, skipping
// rows another claim is deleting, so command_deliveries holds about an
// hour of claims.
func (s *Store) ClaimDelivery(ctx context.Context, key, command string) (commands.DeliveryClaim, error) {
	q := `
		WITH pruned AS (
			DELETE FROM command_deliveries WHERE idempotency_key IN (
				SELECT idempotency_key FROM command_deliveries
				WHERE claimed_at < now() - $3 * interval '1 second' AND idempotency_key <> $1
				ORDER BY claimed_at LIMIT ` + strconv.Itoa(deliveryPruneBatch) + `
				FOR UPDATE SKIP LOCKED)
		), claimed AS (
			INSERT INTO command_deliveries AS d (idempotency_key, command) VALUES ($1, $2)
			ON CONFLICT (idempotency_key) DO UPDATE SET claimed_at = now(), command = EXCLUDED.command
			WHERE d.done_at IS NULL AND d.claimed_at < now() - $4 * interval '1 second'
			RETURNING 1
		)
		SELECT count(*) FROM claimed`
	var n int
	err := sqlx.GetContext(ctx, s.db, &n, q, key, command,
		commands.DeliveryKeptFor.Seconds(), commands.DeliveryRetryAfter.Seconds())
	if err != nil {
		return 0, wrap("claim delivery", err)
	}
	if n == 1 {
		return commands.DeliveryClaimed, nil
	}
	var done bool
	err = sqlx.GetContext(ctx, s.db, &done, `SELECT done_at IS NOT NULL FROM command_deliveries WHERE idempotency_key = $1`, key)
	if err != nil {
		return 0, wrap("claimed delivery", err)
	}
	if done {
		return commands.DeliveryDone, nil
	}
	return commands.DeliveryInProgress, nil
}

// recordDelivery records, inside a write transaction, the outcome of the
// delivery ctx carries, if any and not yet recorded: the claim then commits
// with the write or not at all. It is the last thing the transaction locks
// (Lock order, totals.go). ErrAlreadyHandled if another run of the same
// delivery recorded it first; the caller rolls back.
func recordDelivery(ctx context.Context, tx sqlx.ExtContext) error {
	d := commands.DeliveryFrom(ctx)
	if d == nil || d.Recorded() {
		return nil
	}
	res, err := tx.ExecContext(ctx, `
		INSERT INTO command_deliveries AS d (idempotency_key, command, done_at) VALUES ($1, '', now())
		ON CONFLICT (idempotency_key) DO UPDATE SET done_at = now() WHERE d.done_at IS NULL`, d.Key)
	if err != nil {
		return fmt.Errorf("record delivery: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("record delivery: %w", err)
	} else if n == 0 {
		return fmt.Errorf("record delivery: %w", commands.ErrAlreadyHandled)
	}
	return nil
}

// FinishDelivery records the outcome of a claim whose command wrote nothing.
func (s *Store) FinishDelivery(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE command_deliveries SET done_at = now() WHERE idempotency_key = $1 AND done_at IS NULL`, key)
	return wrap("finish delivery", err)
}

// ReleaseDelivery forgets a claim with no recorded outcome, so a retry may
// run now. A claim whose write recorded it (even one still committing: the
// delete waits for it) is kept.
func (s *Store) ReleaseDelivery(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM command_deliveries WHERE idempotency_key = $1 AND done_at IS NULL`, key)
	return wrap("release delivery", err)
}
