package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"jobsbot/commands"
	"jobsbot/export"
)

// exportLoad is `bench export -c`: a burst of Slack exports, as the hostile
// review sent them, against other users' adds.
type exportLoad struct {
	concurrent int // exports sent at once
	users      int // how many users send them (1: one staff member sends all)
	slots      int // EXPORT_CONCURRENCY
	adders     int // other users adding entries meanwhile
	adds       int // adds each adder makes alone, for the baseline
}

func exportLoadFlags(fs *flag.FlagSet, l *exportLoad) {
	fs.IntVar(&l.concurrent, "c", 0, "send this many /jobs export commands at once (0: one export, no load)")
	fs.IntVar(&l.users, "users", 1, "with -c: how many users send them")
	fs.IntVar(&l.slots, "slots", commands.DefaultExportConcurrency, "with -c: EXPORT_CONCURRENCY")
	fs.IntVar(&l.adders, "adders", 4, "with -c: other users adding entries meanwhile")
	fs.IntVar(&l.adds, "adds", 50, "with -c: adds each adder makes for the baseline")
}

// discardSender stands in for Slack's upload: it reads the whole file, as
// the upload does, and throws it away.
type discardSender struct{}

func (discardSender) SendFile(_ context.Context, _ string, f commands.File) error {
	_, err := io.Copy(io.Discard, f.Body)
	return err
}

func runExportLoad(ctx context.Context, dbURL, format, what string, l exportLoad, stdout io.Writer) error {
	if l.users < 1 || l.slots < 1 || l.adders < 0 || l.adds < 1 {
		return usageError{errors.New("-users, -slots and -adds must be positive, -adders not negative")}
	}
	store, err := openMigrated(ctx, dbURL)
	if err != nil {
		return err
	}
	defer store.Close()
	svc := commands.New(commands.Config{
		Store: store, Logger: slog.New(slog.DiscardHandler), Language: commands.Korean,
		ExportConcurrency: l.slots, Exporter: export.New(store, nil), FileSender: discardSender{},
	})
	today := commands.New(commands.Config{Store: store}).Today()

	// Baseline: the adders alone.
	alone := summarise(runAdders(ctx, svc, l.adders, today, func(n int) bool { return n < l.adds }))
	fmt.Fprintf(stdout, "adds alone (%d users): %s\n", l.adders, alone)

	// The burst, with the adders running until every export has answered.
	line := "export " + format + " " + what
	var done sync.WaitGroup
	var mu sync.Mutex
	outcomes := map[commands.Outcome]int{}
	var exportTimes []time.Duration
	stop := make(chan struct{})
	addTimes := make(chan []time.Duration, 1)
	go func() {
		addTimes <- runAdders(ctx, svc, l.adders, today, func(int) bool {
			select {
			case <-stop:
				return false
			default:
				return true
			}
		})
	}()
	start := time.Now()
	for i := range l.concurrent {
		done.Add(1)
		go func() {
			defer done.Done()
			caller := commands.Caller{UserID: fmt.Sprintf("UBENCHEXPORT%02d", i%l.users), Source: commands.SourceSlash}
			t := time.Now()
			r := svc.Handle(ctx, caller, line)
			mu.Lock()
			outcomes[r.Outcome]++
			if r.Outcome == commands.OutcomeOK {
				exportTimes = append(exportTimes, time.Since(t))
			}
			mu.Unlock()
		}()
	}
	done.Wait()
	elapsed := time.Since(start)
	close(stop)
	during := summarise(<-addTimes)
	fmt.Fprintf(stdout, "%d × `%s` from %d user(s), EXPORT_CONCURRENCY=%d: %d sent, %d told to wait, %d failed, in %s\n",
		l.concurrent, line, l.users, l.slots, outcomes[commands.OutcomeOK], outcomes[commands.OutcomeRefused],
		l.concurrent-outcomes[commands.OutcomeOK]-outcomes[commands.OutcomeRefused], elapsed.Round(time.Millisecond))
	fmt.Fprintf(stdout, "exports that ran: %s\n", summarise(exportTimes))
	fmt.Fprintf(stdout, "adds during the exports (%d users): %s\n", l.adders, during)
	return printMem(stdout, os.Getpid())
}

// runAdders has n users add entries, one after another each, while more(i)
// says the i-th add of a user should go; it returns every add's latency.
// They come from the console source: the write limit is not what is measured.
func runAdders(ctx context.Context, svc *commands.Service, n int, today time.Time, more func(i int) bool) []time.Duration {
	var mu sync.Mutex
	var all []time.Duration
	var wg sync.WaitGroup
	for u := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			gen := newTextGen(uint64(u+1), today)
			caller := commands.Caller{UserID: fmt.Sprintf("UBENCHADD%02d", u), Source: commands.SourceConsole}
			var mine []time.Duration
			for i := 0; more(i); i++ {
				t := time.Now()
				svc.Handle(ctx, caller, gen.add())
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all
}
