package db_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// openPools opens n stores on one migrated test database, each with its own
// connection pool, as n replicas of the bot would.
func openPools(t *testing.T, n int) []*db.Store {
	t.Helper()
	ctx := context.Background()
	url := dbtest.URL(t)
	stores := make([]*db.Store, n)
	for i := range stores {
		s, err := db.Open(ctx, url)
		if err != nil {
			t.Fatalf("Open #%d: %v", i, err)
		}
		t.Cleanup(func() { _ = s.Close() })
		stores[i] = s
	}
	if err := stores[0].Migrate(ctx); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	return stores
}

// claimTogether has every store claim the same week at once and returns the
// owners that won.
func claimTogether(t *testing.T, stores []*db.Store, channel string, week time.Time, staleAfter time.Duration) []string {
	t.Helper()
	var (
		start   = make(chan struct{})
		mu      sync.Mutex
		winners []string
		wg      sync.WaitGroup
	)
	for i, s := range stores {
		wg.Go(func() {
			owner := fmt.Sprintf("replica-%d", i)
			<-start
			ok, err := s.ClaimPost(context.Background(), channel, week, owner, staleAfter)
			if err != nil {
				t.Errorf("ClaimPost by %s: %v", owner, err)
				return
			}
			if ok {
				mu.Lock()
				winners = append(winners, owner)
				mu.Unlock()
			}
		})
	}
	close(start)
	wg.Wait()
	return winners
}

func TestClaimDigestConcurrentlyHasOneWinner(t *testing.T) {
	stores := openPools(t, 8)
	week := day(2026, 11, 16)
	for round := range 5 {
		channel := fmt.Sprintf("C%d", round)
		if winners := claimTogether(t, stores, channel, week, time.Hour); len(winners) != 1 {
			t.Fatalf("round %d: %d replicas claimed the same week (%v); want exactly 1", round, len(winners), winners)
		}
	}
}

func TestClaimDigestTakesOverFailedOnce(t *testing.T) {
	stores := openPools(t, 6)
	ctx := context.Background()
	week := day(2026, 12, 28) // ISO week 2026-W53, across the year end
	s := stores[0]
	if ok, err := s.ClaimPost(ctx, "C1", week, "first", time.Hour); err != nil || !ok {
		t.Fatalf("first claim = %v, %v; want true", ok, err)
	}
	if err := s.MarkPostFailed(ctx, "C1", week, "slack: channel_not_found"); err != nil {
		t.Fatalf("MarkPostFailed: %v", err)
	}
	run, err := s.PostRun(ctx, "C1", week)
	if err != nil || run.Status != commands.PostRunFailed || run.LastError != "slack: channel_not_found" {
		t.Fatalf("after failure: %+v, %v", run, err)
	}
	if winners := claimTogether(t, stores, "C1", week, time.Hour); len(winners) != 1 {
		t.Fatalf("%d replicas took over the failed week (%v); want exactly 1", len(winners), winners)
	}
	run, err = s.PostRun(ctx, "C1", week)
	if err != nil || run.Status != commands.PostRunClaimed || run.Attempts != 2 || !run.WeekStart.Equal(week) {
		t.Fatalf("after takeover: %+v, %v; want claimed, attempt 2, week %s", run, err, week)
	}
}

func TestClaimDigestStaleClaim(t *testing.T) {
	s := dbtest.New(t)
	ctx := context.Background()
	week := day(2026, 11, 16)
	if ok, _ := s.ClaimPost(ctx, "C1", week, "crashed", time.Hour); !ok {
		t.Fatal("first claim refused")
	}
	if ok, err := s.ClaimPost(ctx, "C1", week, "other", time.Hour); err != nil || ok {
		t.Fatalf("claim of a fresh claim = %v, %v; want false", ok, err)
	}
	// The claimer died an hour and a half ago.
	if _, err := s.DB().ExecContext(ctx, `UPDATE digest_runs SET claimed_at = now() - interval '90 minutes'`); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.ClaimPost(ctx, "C1", week, "other", time.Hour); err != nil || !ok {
		t.Fatalf("claim of a stale claim = %v, %v; want true", ok, err)
	}
	run, _ := s.PostRun(ctx, "C1", week)
	if run.ClaimedBy != "other" || run.Attempts != 2 {
		t.Fatalf("after takeover: %+v", run)
	}
}

func TestPostedDigestStaysPosted(t *testing.T) {
	s := dbtest.New(t)
	ctx := context.Background()
	week := day(2026, 11, 16)
	if ok, _ := s.ClaimPost(ctx, "C1", week, "a", time.Hour); !ok {
		t.Fatal("claim refused")
	}
	if err := s.MarkPosted(ctx, "C1", week, "1764000000.000100"); err != nil {
		t.Fatalf("MarkPosted: %v", err)
	}
	// A slow replica's late reports change nothing.
	if err := s.MarkPostFailed(ctx, "C1", week, "timeout"); err != nil {
		t.Fatalf("MarkPostFailed on a posted week: %v", err)
	}
	if err := s.MarkPosted(ctx, "C1", week, "1764000000.999999"); err != nil {
		t.Fatalf("second MarkPosted: %v", err)
	}
	if _, err := s.DB().ExecContext(ctx, `UPDATE digest_runs SET claimed_at = now() - interval '1 day'`); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.ClaimPost(ctx, "C1", week, "b", 0); err != nil || ok {
		t.Fatalf("claim of a posted week = %v, %v; want false", ok, err)
	}
	run, err := s.PostRun(ctx, "C1", week)
	if err != nil || run.Status != commands.PostRunPosted || run.MessageTS != "1764000000.000100" || run.PostedAt == nil || run.LastError != "" {
		t.Fatalf("posted run = %+v, %v", run, err)
	}
	// Another channel's digest of the same week is its own.
	if ok, err := s.ClaimPost(ctx, "C2", week, "b", time.Hour); err != nil || !ok {
		t.Fatalf("claim in another channel = %v, %v; want true", ok, err)
	}
}

func TestDigestRunNotFound(t *testing.T) {
	s := dbtest.New(t)
	ctx := context.Background()
	week := day(2026, 11, 16)
	if _, err := s.PostRun(ctx, "C1", week); !errors.Is(err, commands.ErrNotFound) {
		t.Fatalf("PostRun of an unclaimed week: %v; want ErrNotFound", err)
	}
	if err := s.MarkPosted(ctx, "C1", week, "1.2"); !errors.Is(err, commands.ErrNotFound) {
		t.Fatalf("MarkPosted of an unclaimed week: %v; want ErrNotFound", err)
	}
	if err := s.MarkPostFailed(ctx, "C1", week, "x"); !errors.Is(err, commands.ErrNotFound) {
		t.Fatalf("MarkPostFailed of an unclaimed week: %v; want ErrNotFound", err)
	}
}
