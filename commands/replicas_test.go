package commands_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Two replicas (two Services on one database) share each user's write
// allowance: a burst from both at once gets 20 writes in, not 40 (issue 20,
// break 5).
func TestWriteLimitIsSharedByReplicas(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	now := fixedNow
	clock := func() time.Time { return now }
	replicas := []*commands.Service{
		commands.New(commands.Config{DBDeadline: time.Minute, Store: store, Now: clock}),
		commands.New(commands.Config{DBDeadline: time.Minute, Store: store, Now: clock}),
	}
	ctx := context.Background()
	allowed := 0
	for i := range 40 {
		r := replicas[i%2].Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash}, fmt.Sprintf("add %d youth confirm:yes", i+1))
		switch r.Outcome {
		case commands.OutcomeOK:
			allowed++
		case commands.OutcomeRefused:
		default:
			t.Fatalf("write %d: %s", i+1, r.Text())
		}
	}
	var stored int
	if err := store.DB().GetContext(ctx, &stored, `SELECT count(*) FROM entries`); err != nil {
		t.Fatal(err)
	}
	if allowed != 20 || stored != 20 {
		t.Errorf("two replicas allowed %d writes in a burst and stored %d; want 20 and 20", allowed, stored)
	}
	// The sustained rate is shared too: two seconds later (30 a minute),
	// one more write, on whichever replica.
	now = now.Add(2 * time.Second)
	for i, want := range []commands.Outcome{commands.OutcomeOK, commands.OutcomeRefused} {
		if r := replicas[i].Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash}, fmt.Sprintf("add %d youth confirm:yes", 100+i)); r.Outcome != want {
			t.Errorf("after 2 s, write %d on replica %d: %q, want %q", i+1, i+1, r.Outcome, want)
		}
	}
}
