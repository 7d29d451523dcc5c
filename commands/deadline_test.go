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
		replied <- svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceConsole}, "add 10 youth")
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

// An add whose COMMIT gets no answer by the deadline is answered "it may
// have been saved", which is the truth: here it commits once the stall ends.
func TestAddStalledAtCommitMayHaveBeenSaved(t *testing.T) {
	h := deadlineHarness(t)
	ctx := context.Background()
	// A deferred constraint trigger runs at COMMIT and waits for a lock
	// another session holds: COMMIT is sent and not answered.
	for _, q := range []string{
		`CREATE FUNCTION stall_commit() RETURNS trigger LANGUAGE plpgsql AS $$
		 BEGIN PERFORM pg_advisory_xact_lock_shared(777); RETURN NULL; END $$`,
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
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(777)`); err != nil {
		t.Fatal(err)
	}
	r := stalledAdd(t, h.svc, func() { _, _ = conn.ExecContext(ctx, `SELECT pg_advisory_unlock(777)`) })
	mustContain(t, r.Text(), "may have been", "/jobs list")
	if r.Outcome == commands.OutcomeOK {
		t.Errorf("an unconfirmed add was reported as saved:\n%s", r.Text())
	}
	settle(t, h)
	var n int
	if err := h.store.DB().GetContext(ctx, &n, `SELECT count(*) FROM entries`); err != nil || n != 2 {
		t.Errorf("%d entries (%v); the add whose COMMIT was sent should have committed once the stall ended", n, err)
	}
}
