package commands_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// BenchmarkK41AddManyUsers is BenchmarkAdd with the adds spread over 64
// users and no two alike (BenchmarkAdd's one user repeats its six lines,
// which the repeat hold now asks about): what each add's mark of its line
// (last_actions, in its transaction) and its record cost.
func BenchmarkK41AddManyUsers(b *testing.B) {
	ctx := context.Background()
	store := dbtest.New(b)
	svc := commands.New(commands.Config{Store: store, Language: commands.English, WritesPerMinute: -1})
	var seq atomic.Int64
	b.SetParallelism(16) // 32 callers on two cores
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			n := seq.Add(1)
			caller := commands.Caller{UserID: fmt.Sprintf("U_BENCH_%d", n%64), Source: commands.SourceSlash, IdempotencyKey: fmt.Sprintf("bench-add-%d", n)}
			if r := svc.Handle(ctx, caller, fmt.Sprintf("add %d youth confirm:yes", n)); r.Outcome != commands.OutcomeOK {
				b.Errorf("%s: %s", r.Outcome, r.Title)
				return
			}
		}
	})
}
