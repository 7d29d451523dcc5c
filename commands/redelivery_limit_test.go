package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// TestRedeliveriesSpendNoWriteAllowance: Slack delivers one command several
// times (same idempotency key) to two replicas. The delivery claim answers
// the redeliveries before the write limit is consulted, so they spend none
// of the user's allowance: the user still has the whole burst for real
// commands afterwards (review r6 m-10).
func TestRedeliveriesSpendNoWriteAllowance(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	clock := func() time.Time { return fixedNow }
	cfg := commands.Config{DBDeadline: time.Minute, Store: store, Now: clock, Managers: []string{"U1"}}
	replicas := []*commands.Service{commands.New(cfg), commands.New(cfg)}
	ctx := context.Background()
	caller := func(key string, lang commands.Lang) commands.Caller {
		return commands.Caller{UserID: "U1", Source: commands.SourceSlash, IdempotencyKey: key, Lang: lang}
	}
	writes := 0
	for i := range 5 {
		if r := replicas[i%2].Handle(ctx, caller(fmt.Sprintf("add-%d", i), commands.English), fmt.Sprintf("add %d youth confirm:yes", i+1)); r.Outcome != commands.OutcomeOK {
			t.Fatalf("add %d: %s", i+1, r.Text())
		}
		writes++
	}
	// Three guarded commands, each delivered six times across the replicas.
	// The undo first: it takes back only the line right before it (add #5).
	for i, line := range []string{"undo", "void 1 dup", "void 2 dup"} {
		key := fmt.Sprintf("cmd-%d", i)
		ok, repeated := 0, 0
		for d := range 6 {
			r := replicas[d%2].Handle(ctx, caller(key, commands.English), line)
			switch r.Outcome {
			case commands.OutcomeOK:
				ok++
			case commands.OutcomeRepeated:
				repeated++
			default:
				t.Errorf("%q delivery %d: %q %s", line, d+1, r.Outcome, r.Text())
			}
		}
		if ok != 1 || repeated != 5 {
			t.Errorf("%q delivered 6 times: %d ran, %d answered as repeated; want 1 and 5", line, ok, repeated)
		}
		writes++
	}
	// The burst is 20: what is left goes to real commands, on either replica.
	for i := writes; i < 20; i++ {
		if r := replicas[i%2].Handle(ctx, caller(fmt.Sprintf("real-%d", i), commands.Korean), fmt.Sprintf("추가 %d 청년 확인:예", 100+i)); r.Outcome != commands.OutcomeOK {
			t.Fatalf("real write %d of 20 (after the redeliveries): %q %s", i+1, r.Outcome, r.Text())
		}
	}
	// The limit itself still holds, in either language.
	for _, tc := range []struct {
		lang commands.Lang
		line string
		want string
	}{{commands.Korean, "추가 1 청년", "너무"}, {commands.English, "add 1 youth", "faster than the bot takes them"}} {
		r := replicas[0].Handle(ctx, caller("over-"+string(tc.lang), tc.lang), tc.line)
		if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), tc.want) {
			t.Errorf("write 21 (%s): %q %s; want refused with %q", tc.lang, r.Outcome, r.Text(), tc.want)
		}
	}
	var entries, voided int
	if err := store.DB().GetContext(ctx, &entries, `SELECT count(*) FROM entries`); err != nil {
		t.Fatal(err)
	}
	if err := store.DB().GetContext(ctx, &voided, `SELECT count(*) FROM entries WHERE voided_at IS NOT NULL AND id IN (1, 2, 5)`); err != nil {
		t.Fatal(err)
	}
	// 5 adds + 12 real adds; void 1, void 2 and the undo (of add #5) ran once each.
	if entries != 17 || voided != 3 {
		t.Errorf("%d entries, %d voided; want 17 and 3 (#1, #2, #5)", entries, voided)
	}
}
