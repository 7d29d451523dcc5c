package commands_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// parseLines are representative /jobs lines: every number and date form, a
// Korean command word, options, quoted values and a long note.
var parseLines = []string{
	"add 180 youth",
	"/jobs add 2,400여 invest cumulative date:2026-04-30",
	"추가 청년 35 dept:일자리정책과 note:job fair hires",
	"add 6백여 rail date:4월말 status:agreed type:temporary",
	`add 1만2000 social dept:"사회적경제과 2팀" note:하반기 채용분 it's the "second" batch`,
	"status 상반기 민간",
	"list mine youth 2026-04",
	"void #12 counted twice",
	"target 2만500 program:invest",
}

// TestBenchmarkLinesParse keeps BenchmarkParse's lines valid: the suite
// runs no benchmarks, so a rule that starts refusing one would otherwise
// break the benchmark unseen.
func TestBenchmarkLinesParse(t *testing.T) {
	t.Parallel()
	today := time.Date(2026, time.November, 26, 0, 0, 0, 0, time.UTC)
	for _, line := range parseLines {
		if _, err := commands.Parse(line, today); err != nil {
			t.Errorf("Parse(%q): %v", line, err)
		}
	}
}

// BenchmarkParse parses the representative lines, one per iteration.
func BenchmarkParse(b *testing.B) {
	today := time.Date(2026, time.November, 26, 0, 0, 0, 0, time.UTC)
	i := 0
	for b.Loop() {
		if _, err := commands.Parse(parseLines[i%len(parseLines)], today); err != nil {
			b.Fatalf("Parse(%q): %v", parseLines[i%len(parseLines)], err)
		}
		i++
	}
}

// benchEntries is the size of the ledger BenchmarkStatus reads; bench fill
// and bench status measure 1M and 10M.
const benchEntries = 100_000

// BenchmarkStatus answers `/jobs status` on a database of benchEntries
// synthetic entries over ten years (filled once, set-based).
func BenchmarkStatus(b *testing.B) {
	ctx := context.Background()
	store := dbtest.New(b)
	if err := dbtest.FillSynthetic(ctx, store, benchEntries, 1, nil); err != nil {
		b.Fatalf("FillSynthetic: %v", err)
	}
	svc := commands.New(commands.Config{Store: store, Language: commands.English})
	caller := commands.Caller{UserID: "U_BENCH", Source: commands.SourceSlash}
	for _, line := range []string{"status", "status q1", "status youth"} {
		b.Run(line, func(b *testing.B) {
			for b.Loop() {
				if r := svc.Handle(ctx, caller, line); r.Outcome != commands.OutcomeOK {
					b.Fatalf("%q: %s %s", line, r.Outcome, r.Title)
				}
			}
		})
	}
}

// addLines are the lines the add benchmarks record, %d the count: deltas
// only, dated today, yesterday and back in April (a day, not a month's end,
// so nothing reads like a 누계), each program's count new each time
// (addLine), so no add repeats an earlier one and each runs every guard's
// reads without a question: the repeat, the size, the 누계-like delta
// (totalAsDelta) and the later 누계 (askInsideLaterReport).
var addLines = []string{"add %d youth", "add %d여 청년 date:어제", "add %d invest", "add %d social date:4/30",
	"add %d senior status:agreed", "add %d rail note:job fair hires"}

// addLine is the n-th line the add benchmarks send.
func addLine(n int64) string {
	return fmt.Sprintf(addLines[n%int64(len(addLines))], 1+n/int64(len(addLines)))
}

// BenchmarkAdd records `/jobs add` lines through the command core from 32
// concurrent callers, as at a month-end rush: parsing, the program lookup,
// the guards' reads, the insert with its running totals in one transaction,
// the reply and the last line kept for 취소.
func BenchmarkAdd(b *testing.B) {
	ctx := context.Background()
	store := dbtest.New(b)
	// The load is far above any person's write rate: no limit.
	svc := commands.New(commands.Config{Store: store, Language: commands.English, WritesPerMinute: -1})
	var seq atomic.Int64
	b.SetParallelism(16) // 32 callers on two cores
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			n := seq.Add(1)
			caller := commands.Caller{UserID: "U_BENCH", Source: commands.SourceSlash, IdempotencyKey: fmt.Sprintf("bench-add-%d", n)}
			if r := svc.Handle(ctx, caller, addLine(n)); r.Outcome != commands.OutcomeOK {
				b.Errorf("%s: %s", r.Outcome, r.Title)
				return
			}
		}
	})
}

// BenchmarkAddOne records one `/jobs add` at a time on benchEntries
// synthetic entries: the latency of an add as a person sees it, less Slack,
// every read of the guards and the write one after another.
func BenchmarkAddOne(b *testing.B) {
	ctx := context.Background()
	store := dbtest.New(b)
	if err := dbtest.FillSynthetic(ctx, store, benchEntries, 1, nil); err != nil {
		b.Fatalf("FillSynthetic: %v", err)
	}
	// This year's synthetic 누계 reports go (the trigger keeps the totals):
	// a back-dated add before one is rightly asked about, and the benchmark
	// times adds that are recorded. Earlier years' stay, as does the rest.
	if _, err := store.DB().ExecContext(ctx, `DELETE FROM entries WHERE kind = 'cumulative' AND as_of >= date_trunc('year', now())`); err != nil {
		b.Fatalf("dropping this year's 누계: %v", err)
	}
	svc := commands.New(commands.Config{Store: store, Language: commands.English, WritesPerMinute: -1})
	run := time.Now().UnixNano()
	var n int64
	for b.Loop() {
		n++
		caller := commands.Caller{UserID: "U_BENCH", Source: commands.SourceSlash, IdempotencyKey: fmt.Sprintf("bench-one-%d-%d", run, n)}
		if r := svc.Handle(ctx, caller, addLine(n)); r.Outcome != commands.OutcomeOK {
			b.Fatalf("%q: %s %s", addLine(n), r.Outcome, r.Title)
		}
	}
}
