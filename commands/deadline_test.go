package commands_test

import (
	"context"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// stalledAdd runs "add 10 youth" while stall holds the database back on
// another connection, and returns the reply, failing the test if the reply
// came only after the stall was lifted (after at most 8 s).
func stalledAdd(t *testing.T, svc *commands.Service, lift func()) commands.Reply {
	t.Helper()
	replied := make(chan commands.Reply, 1)
	go func() {
		replied <- svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceConsole}, "add 10 youth confirm:yes")
	}()
	select {
	case r := <-replied:
		lift()
		return r
	case <-time.After(8 * time.Second):
		lift()
		r := <-replied
		t.Fatalf("the add was answered only once the stall was lifted, past its deadline:\n%s", r.Text())
		return r
	}
}

// settle waits until no other session of the test database is working, so
// a transaction abandoned at the deadline has ended one way or the other.
func settle(t *testing.T, h *harness) {
	t.Helper()
	for range 200 {
		var busy int
		if err := h.store.DB().GetContext(context.Background(), &busy, `
			SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid() AND state NOT IN ('idle')`); err != nil {
			t.Fatal(err)
		}
		if busy == 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("sessions still busy 10 s after the stall was lifted")
}

// deadlineHarness has one entry, added with the store's caches and prepared
// statement warmed up, and a service whose writes have a deadline of 2 s.
func deadlineHarness(t *testing.T) *harness {
	store := dbtest.New(t)
	h := &harness{t: t, store: store, svc: commands.New(commands.Config{Store: store, Now: func() time.Time { return fixedNow }})}
	h.run("U1", "add 1 youth", commands.OutcomeOK)
	h.svc = commands.New(commands.Config{Store: store, Now: func() time.Time { return fixedNow }, DBDeadline: 2 * time.Second})
	return h
}

// An add the database holds back past DB_DEADLINE is answered in time,
// "nothing was saved", and indeed never commits (issue 20, break 6).
func TestStalledAddIsAnsweredNotSavedAndNeverCommits(t *testing.T) {
	t.Parallel()
	h := deadlineHarness(t)
	ctx := context.Background()
	locker, err := h.store.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := locker.ExecContext(ctx, `LOCK TABLE entries IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	r := stalledAdd(t, h.svc, func() { _ = locker.Rollback() })
	if r.Outcome != commands.OutcomeFailed {
		t.Fatalf("stalled add: outcome %q:\n%s", r.Outcome, r.Text())
	}
	mustContain(t, r.Text(), "nothing was saved")
	settle(t, h)
	var n int
	if err := h.store.DB().GetContext(ctx, &n, `SELECT count(*) FROM entries`); err != nil || n != 1 {
		t.Errorf("%d entries (%v) after an add answered as not saved; want only the first", n, err)
	}
}

// stallCommits makes every COMMIT that inserted an entry wait, in a deferred
// constraint trigger, for advisory lock 777, which it holds on a connection
// of its own until lift is called. With ignoreCancel the trigger also sits
// out a cancel request (it waits again), as a COMMIT past its point of no
// return would: lib/pq sends one when the command's deadline ends (its
// BeginTx watches the context until COMMIT is answered).
func stallCommits(t *testing.T, h *harness, ignoreCancel bool) (lift func()) {
	t.Helper()
	ctx := context.Background()
	body := `BEGIN PERFORM pg_advisory_xact_lock_shared(777); RETURN NULL; END`
	if ignoreCancel {
		body = `BEGIN
		  LOOP
		    BEGIN
		      PERFORM pg_advisory_xact_lock_shared(777);
		      RETURN NULL;
		    EXCEPTION WHEN query_canceled THEN
		      NULL; -- a cancel request: wait again
		    END;
		  END LOOP;
		END`
	}
	for _, q := range []string{
		`CREATE FUNCTION stall_commit() RETURNS trigger LANGUAGE plpgsql AS $$ ` + body + ` $$`,
		`CREATE CONSTRAINT TRIGGER stall_commit AFTER INSERT ON entries
		 DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stall_commit()`,
	} {
		if _, err := h.store.DB().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	conn, err := h.store.DB().Connx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(777)`); err != nil {
		t.Fatal(err)
	}
	return func() { _, _ = conn.ExecContext(ctx, `SELECT pg_advisory_unlock(777)`) }
}

func countEntries(t *testing.T, h *harness) int {
	t.Helper()
	var n int
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM entries`); err != nil {
		t.Fatal(err)
	}
	return n
}

// An add whose COMMIT gets no answer by the deadline is answered "it may
// have been saved", which is the truth: here the COMMIT cannot be stopped
// (it sits out the cancel request sent at the deadline), and it commits once
// the stall ends.
func TestAddStalledAtCommitMayHaveBeenSaved(t *testing.T) {
	t.Parallel()
	h := deadlineHarness(t)
	lift := stallCommits(t, h, true)
	r := stalledAdd(t, h.svc, lift)
	mustContain(t, r.Text(), "may have been", "/jobs list")
	if r.Outcome == commands.OutcomeOK {
		t.Errorf("an unconfirmed add was reported as saved:\n%s", r.Text())
	}
	settle(t, h)
	if n := countEntries(t, h); n != 2 {
		t.Errorf("%d entries; the add whose COMMIT went on should have committed once the stall ended", n)
	}
}

// The same stall, but a COMMIT the cancel request can stop (it is still in
// a deferred trigger): at the deadline lib/pq sends the cancel, the server
// rolls the COMMIT back, and the add is not saved. "It may have been saved"
// was still the true answer when it was given (the COMMIT had been sent and
// not answered); it must not be "saved". This was the flake of
// TestAddStalledAtCommitMayHaveBeenSaved under load: it lifted the stall
// as the reply came, and the cancel request sometimes won the race. Here
// the stall is lifted only once the stalled transaction has ended.
func TestAddStalledAtCommitIsCancelledAtTheDeadline(t *testing.T) {
	t.Parallel()
	h := deadlineHarness(t)
	lift := stallCommits(t, h, false)
	r := stalledAdd(t, h.svc, func() {})
	mustContain(t, r.Text(), "may have been", "/jobs list")
	if r.Outcome == commands.OutcomeOK {
		t.Errorf("an unconfirmed add was reported as saved:\n%s", r.Text())
	}
	settle(t, h) // the cancelled COMMIT has ended, the stall still held
	lift()
	settle(t, h)
	if n := countEntries(t, h); n != 1 {
		t.Errorf("%d entries; the COMMIT cancelled at the deadline should not have committed", n)
	}
}
