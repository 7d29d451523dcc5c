package commands_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
)

// liveEntries counts the live entries, straight from the table.
func liveEntries(t *testing.T, h *harness) int {
	t.Helper()
	var n int
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM entries WHERE voided_at IS NULL`); err != nil {
		t.Fatal(err)
	}
	return n
}

// A process that dies between claiming a delivery and running its command
// leaves a claim with no outcome. Slack's redelivery after
// DeliveryRetryAfter runs the command; one that arrives sooner is told it
// is still being handled; once it ran, a redelivery is "already handled"
// however old the claim (issue 20, break 7).
func TestClaimWithoutOutcomeIsRunAgain(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	ctx := context.Background()
	h.run("U1", "add 10 youth", commands.OutcomeOK)
	h.run("U1", "add 20 youth confirm:yes", commands.OutcomeOK)
	undo := func(key string) commands.Reply {
		return h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceConsole, IdempotencyKey: key}, "undo")
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := h.store.DB().ExecContext(ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}

	// The trace of a crash a moment ago: the first run may still be going.
	exec(`INSERT INTO command_deliveries (idempotency_key, command) VALUES ('crashed', 'undo')`)
	if r := undo("crashed"); r.Outcome != commands.OutcomeRepeated || liveEntries(t, h) != 2 {
		t.Fatalf("a fresh claim was run again (%d live entries):\n%s", liveEntries(t, h), r.Text())
	}
	// Past DeliveryRetryAfter, the redelivery runs it.
	exec(`UPDATE command_deliveries SET claimed_at = now() - interval '1 minute' WHERE idempotency_key = 'crashed'`)
	if r := undo("crashed"); r.Outcome != commands.OutcomeOK || liveEntries(t, h) != 1 {
		t.Fatalf("the redelivery of a command lost in a crash did not run it (%d live entries):\n%s", liveEntries(t, h), r.Text())
	}
	// Ran and recorded: never again, however old the claim.
	exec(`UPDATE command_deliveries SET claimed_at = now() - interval '50 minutes' WHERE idempotency_key = 'crashed'`)
	if r := undo("crashed"); r.Outcome != commands.OutcomeRepeated || liveEntries(t, h) != 1 {
		t.Fatalf("a handled delivery ran twice (%d live entries):\n%s", liveEntries(t, h), r.Text())
	}
}

// The outcome is recorded by the command's own write, in its transaction: a
// second run of one delivery (a takeover racing a slow first run) finds it
// and its write is rolled back.
func TestDeliveryIsRecordedWithItsWrite(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	ctx := context.Background()
	h.run("U1", "add 10 youth", commands.OutcomeOK)
	h.run("U1", "add 20 youth confirm:yes", commands.OutcomeOK)
	first := commands.WithDelivery(ctx, &commands.Delivery{Key: "slow"})
	if res, err := h.store.UndoLast(first, "U1", "first run", fixedNow.Add(-time.Minute), fixedNow); err != nil || !res.Done {
		t.Fatalf("the first run of one undo: done %v, %v", res.Done, err)
	}
	second := commands.WithDelivery(ctx, &commands.Delivery{Key: "slow"})
	if _, err := h.store.UndoLast(second, "U1", "second run", fixedNow.Add(-time.Minute), fixedNow); !errors.Is(err, commands.ErrAlreadyHandled) {
		t.Fatalf("the second run of one delivery: %v, want ErrAlreadyHandled", err)
	}
	if n := liveEntries(t, h); n != 1 {
		t.Errorf("%d live entries after two runs of one undo, want 1", n)
	}

	// Raced from eight redeliveries at once: one undo.
	for i := range 6 {
		h.run("U1", fmt.Sprintf("add %d youth", i+1), commands.OutcomeOK)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			r := h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceConsole, IdempotencyKey: "burst"}, "undo")
			if r.Outcome != commands.OutcomeOK && r.Outcome != commands.OutcomeRepeated {
				t.Errorf("undo: %q\n%s", r.Outcome, r.Text())
			}
		})
	}
	wg.Wait()
	if n := liveEntries(t, h); n != 6 {
		t.Errorf("%d live entries after eight deliveries of one undo, want 6", n)
	}
}

// command_deliveries keeps about an hour of claims: each claim deletes a
// few older ones.
func TestDeliveriesArePruned(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	ctx := context.Background()
	if _, err := h.store.DB().ExecContext(ctx, `
		INSERT INTO command_deliveries (idempotency_key, command, claimed_at)
		SELECT 'old-' || i, 'void', now() - interval '2 hours' FROM generate_series(1, 5) i`); err != nil {
		t.Fatal(err)
	}
	h.run("U1", "add 10 youth", commands.OutcomeOK)
	if r := h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceConsole, IdempotencyKey: "new"}, "undo"); r.Outcome != commands.OutcomeOK {
		t.Fatalf("undo: %s", r.Text())
	}
	var keys []string
	if err := h.store.DB().SelectContext(ctx, &keys, `SELECT idempotency_key FROM command_deliveries ORDER BY 1`); err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 || keys[0] != "new" {
		t.Errorf("command_deliveries holds %v, want only the new claim", keys)
	}
}
