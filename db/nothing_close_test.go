package db_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// review20 break 4: a 실적 없음 waits for a month close in flight (the close
// holds every program's lock) and then sees it: it is refused, never written
// into a month closed meanwhile.
func TestNothingWaitsForACloseAndSeesIt(t *testing.T) {
	ctx := context.Background()
	t.Parallel()
	store := dbtest.New(t)
	october := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	// A close in flight: every program's lock held exclusively, its row
	// written, not yet committed.
	tx, err := store.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT count(pg_advisory_xact_lock(4869954, (id % 2147483647)::int)) FROM (SELECT id FROM programs ORDER BY id) p`); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO month_closes (month, closed_by) VALUES ('2026-10-01', 'UMGR')`); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := store.AddNothing(ctx, commands.NothingReport{Department: "노인복지과", Month: october, LoggedBy: "U1",
			Source: commands.SourceConsole, IdempotencyKey: "none-oct"})
		done <- err
	}()
	// Wait until the 실적 없음 is seen waiting for a program lock (or it
	// has already finished, which the check below reports as the break).
	deadline := time.Now().Add(30 * time.Second)
	for waiting := 0; waiting == 0; {
		if err := store.DB().GetContext(ctx, &waiting, `
			SELECT count(*) FROM pg_locks
			WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-done:
			t.Fatalf("the 실적 없음 did not wait for the close in flight: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the 실적 없음 never waited for the close")
		}
		time.Sleep(5 * time.Millisecond) // between polls of an observed state, not a guess at timing
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	err = <-done
	if _, ok := errors.AsType[*commands.MonthClosedError](err); !ok {
		t.Fatalf("the 실적 없음 after the close: %v, want MonthClosedError", err)
	}
	var n int
	if err := store.DB().GetContext(ctx, &n, `SELECT count(*) FROM nothing_reports`); err != nil || n != 0 {
		t.Fatalf("nothing_reports = %d (%v), want none", n, err)
	}
}
