package db_test

import (
	"context"
	"testing"
	"time"

	"jobsbot/db/dbtest"
)

// A held question's key counts as answered once an entry was recorded
// under it.
func TestEntryKeyRecorded(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	p := programByCode(t, s, "youth")
	e := delta(p.ID, 5, day(2026, time.November, 20))
	e.IdempotencyKey = "confirm:0123456789abcdef0123456789abcdef"
	if got, err := s.EntryKeyRecorded(ctx, e.IdempotencyKey); err != nil || got {
		t.Fatalf("before the entry: %v %v", got, err)
	}
	mustAdd(t, s, e)
	if got, err := s.EntryKeyRecorded(ctx, e.IdempotencyKey); err != nil || !got {
		t.Fatalf("after the entry: %v %v", got, err)
	}
	if got, err := s.EntryKeyRecorded(ctx, "confirm:other"); err != nil || got {
		t.Fatalf("another key: %v %v", got, err)
	}
}
