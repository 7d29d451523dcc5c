package commands

import (
	"context"
	"errors"
	"sync/atomic"
	"time"
)

// Exactly-once for commands that write without a key of their own (Guarded
// in the command table). Handle claims the delivery first, so a redelivery
// that arrives while the command runs, or after it ran, is answered without
// running it. The claim's outcome is recorded by the command's own write, in
// its transaction (the store reads the Delivery from the context): a write
// and its record commit together or not at all. A claim left with no
// outcome (the process died between claiming and writing, or the write
// failed) is taken over by a redelivery after DeliveryRetryAfter, and the
// command runs again; should the first run's write still commit first, the
// second finds the outcome recorded and its write is refused with
// ErrAlreadyHandled, so no command writes twice.
const (
	// DeliveryRetryAfter is how long a claim with no outcome holds off a
	// redelivery: longer than any command's database work (DB_DEADLINE).
	DeliveryRetryAfter = 30 * time.Second
	// DeliveryKeptFor is how long a claim is kept: past Slack's redelivery
	// window (an event is retried for minutes, a button or form not at all).
	DeliveryKeptFor = time.Hour
)

// ErrAlreadyHandled: the delivery's outcome was recorded by another run of
// the same delivery; this run's write was rolled back.
var ErrAlreadyHandled = errors.New("delivery already handled")

// DeliveryClaim is what claiming a delivery found.
type DeliveryClaim int

const (
	// DeliveryClaimed: this run is to handle it (a first delivery, or one
	// whose earlier claim recorded no outcome within DeliveryRetryAfter).
	DeliveryClaimed DeliveryClaim = iota
	// DeliveryDone: its command ran and recorded an outcome.
	DeliveryDone
	// DeliveryInProgress: another run claimed it moments ago.
	DeliveryInProgress
)

// Delivery is a claimed delivery that a command's write records as done.
type Delivery struct {
	Key string
	// recorded is set once a transaction that recorded the outcome committed;
	// the command's later transactions then record nothing.
	recorded atomic.Bool
}

// Recorded reports whether a committed transaction recorded the outcome.
func (d *Delivery) Recorded() bool { return d.recorded.Load() }

// MarkRecorded notes that a transaction recording the outcome committed.
func (d *Delivery) MarkRecorded() { d.recorded.Store(true) }

type deliveryKey struct{}

// WithDelivery returns ctx carrying d, for the store's write transactions.
func WithDelivery(ctx context.Context, d *Delivery) context.Context {
	return context.WithValue(ctx, deliveryKey{}, d)
}

// DeliveryFrom returns the delivery ctx carries, or nil.
func DeliveryFrom(ctx context.Context) *Delivery {
	d, _ := ctx.Value(deliveryKey{}).(*Delivery)
	return d
}

// WithoutDelivery returns ctx carrying no delivery: for work done on behalf
// of many requests (a batch of adds), which records none of theirs.
func WithoutDelivery(ctx context.Context) context.Context {
	if DeliveryFrom(ctx) == nil {
		return ctx
	}
	return context.WithValue(ctx, deliveryKey{}, (*Delivery)(nil))
}

// guarded runs a Guarded command once per delivery key.
// limit, when set, is consulted once the delivery is claimed: its refusal
// settles the claim as any refusal does.
func (s *Service) guarded(ctx context.Context, c Caller, cmd Command, limit func(context.Context) *Reply) Reply {
	claim, err := s.store.ClaimDelivery(ctx, c.IdempotencyKey, cmd.Name)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	switch claim {
	case DeliveryDone:
		return Reply{Command: cmd.Name, Outcome: OutcomeRepeated, Title: s.msg("handle.that_request_was_already")}
	case DeliveryInProgress:
		return Reply{Command: cmd.Name, Outcome: OutcomeRepeated, Title: s.msg("delivery.still_being_handled")}
	}
	d := &Delivery{Key: c.IdempotencyKey}
	var r Reply
	if refused := limitReply(ctx, limit); refused != nil {
		r = *refused
	} else {
		r = s.run(WithDelivery(ctx, d), c, cmd)
	}
	if d.Recorded() {
		return r
	}
	// No write recorded the outcome. Detached from ctx, so a cancelled
	// request still settles its claim, but bounded: a write whose commit is
	// still in flight holds the claim's row, and then the claim is left for
	// DeliveryRetryAfter, which is safe either way.
	settle, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	if r.Outcome == OutcomeFailed {
		// Let a retry run now. A write that may have committed recorded the
		// outcome with it, and a claim with one is never released.
		err = s.store.ReleaseDelivery(settle, c.IdempotencyKey)
	} else {
		// A refusal or an answer that wrote nothing: a redelivery gets
		// "already handled".
		err = s.store.FinishDelivery(settle, c.IdempotencyKey)
	}
	if err != nil {
		s.log.WarnContext(ctx, "settling a delivery claim", "command", cmd.Name, "err", err)
	}
	return r
}

// DeliveryStore keeps the idempotency records of deliveries, so a command
// delivered twice is recorded once.
type DeliveryStore interface {
	// ClaimDelivery claims the delivery with this idempotency key, or says
	// why not (DeliveryClaim): its outcome is recorded, or another run claimed
	// it less than DeliveryRetryAfter ago. Every write transaction run with a
	// Delivery in its context records the outcome in the same transaction,
	// or fails with ErrAlreadyHandled if another run recorded it first.
	ClaimDelivery(ctx context.Context, key, command string) (DeliveryClaim, error)
	// FinishDelivery records the outcome of a claimed delivery whose command
	// wrote nothing.
	FinishDelivery(ctx context.Context, key string) error
	// ReleaseDelivery forgets a claim with no recorded outcome, so a retry
	// may run now.
	ReleaseDelivery(ctx context.Context, key string) error
}

// limitReply is limit's answer, nil when there is no limit or it allows.
func limitReply(ctx context.Context, limit func(context.Context) *Reply) *Reply {
	if limit == nil {
		return nil
	}
	return limit(ctx)
}
