package db_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// A lane holds at most db.MaxQueuedAdds adds: one more waits for room and,
// when its caller gives up first, writes nothing. Close writes and answers
// every add the lanes hold before it closes the pool, and refuses adds that
// come after it.
func TestLaneIsBoundedAndCloseWritesWhatItHolds(t *testing.T) {
	ctx := context.Background()
	url := dbtest.URL(t)
	s, err := db.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	youth := programByCode(t, s, "youth")

	queued, release := s.HoldBatches(youth.ID)
	results := make([]commands.AddResult, db.MaxQueuedAdds)
	errs := make([]error, db.MaxQueuedAdds)
	var wg sync.WaitGroup
	for i := range db.MaxQueuedAdds {
		wg.Go(func() { results[i], errs[i] = s.AddEntry(ctx, delta(youth.ID, 1, day(2026, 11, 30))) })
	}
	for deadline := time.Now().Add(10 * time.Second); queued() < db.MaxQueuedAdds; {
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d adds queued", queued(), db.MaxQueuedAdds)
		}
		time.Sleep(time.Millisecond)
	}

	// The lane is full and held: this add cannot get in before its
	// deadline, and nothing of it is written.
	extra := delta(youth.ID, 1, day(2026, 11, 30))
	waitCtx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	_, err = s.AddEntry(waitCtx, extra)
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("an add past the bound answered %v, want its deadline", err)
	}
	if got := queued(); got != db.MaxQueuedAdds {
		t.Fatalf("the lane holds %d adds, want %d", got, db.MaxQueuedAdds)
	}

	release()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	wg.Wait() // every caller has its answer once Close returned
	for i, err := range errs {
		if err != nil || results[i].Entry.ID == 0 {
			t.Fatalf("add %d: %+v, %v", i, results[i], err)
		}
	}
	if _, err := s.AddEntry(ctx, delta(youth.ID, 1, day(2026, 11, 30))); !errors.Is(err, commands.ErrUnavailable) {
		t.Fatalf("an add after Close answered %v, want ErrUnavailable", err)
	}

	reopened, err := db.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	var n, extraN int
	if err := reopened.DB().GetContext(ctx, &n, `SELECT count(*) FROM entries`); err != nil {
		t.Fatal(err)
	}
	if err := reopened.DB().GetContext(ctx, &extraN, `SELECT count(*) FROM entries WHERE idempotency_key = $1`, extra.IdempotencyKey); err != nil {
		t.Fatal(err)
	}
	if n != db.MaxQueuedAdds || extraN != 0 {
		t.Errorf("the ledger holds %d entries (the refused add %d times), want %d (and 0)", n, extraN, db.MaxQueuedAdds)
	}
	dbtest.CheckTotals(t, reopened)
}
