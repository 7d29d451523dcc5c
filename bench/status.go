package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// runStatus answers `bench status`: /jobs status and the digest, in process.
// It is a script of three timed measurements read top to bottom; each step
// is a few lines around timeCalls, so splitting it would only scatter them.
func runStatus(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("bench status",
		"Usage: bench status -db URL -n 200\n\n"+
			"Times N `/jobs status` calls through commands.Service (no HTTP), then N builds of\n"+
			"the digest of the last complete week (Service.Digest, and Digest + DigestReply). Flags:")
	dbURL := fs.String("db", defaultDB, "database URL, e.g. one filled by bench fill")
	n := fs.Int("n", 200, "number of timed calls of each kind")
	warm := fs.Int("warmup", 5, "untimed calls first, to warm caches and the pool")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if *n <= 0 || *n > 100_000 {
		return usageError{errors.New("-n must be between 1 and 100000")}
	}
	store, err := openMigrated(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer store.Close()
	var entries int64
	if err := store.DB().QueryRowContext(ctx, `SELECT count(*) FROM entries`).Scan(&entries); err != nil {
		return fmt.Errorf("count entries: %w", err)
	}
	svc := commands.New(commands.Config{
		Store:  store,
		Logger: slog.New(slog.DiscardHandler),
	})
	fmt.Fprintf(stdout, "database holds %d entries\n", entries)

	caller := commands.Caller{UserID: "U_BENCH", Source: commands.SourceSlash}
	status := func() error {
		r := svc.Handle(ctx, caller, "status")
		if r.Outcome != commands.OutcomeOK {
			return fmt.Errorf("status replied %s: %s", r.Outcome, r.Title)
		}
		return nil
	}
	st, err := timeCalls(*warm, *n, status)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "/jobs status        %s\n", st)

	week := dates.LastCompleteWeek(dates.Today(time.Now(), svc.Location()))
	var d commands.Digest
	gather := func() error {
		var err error
		d, err = svc.Digest(ctx, week)
		return err
	}
	dg, err := timeCalls(*warm, *n, gather)
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	fmt.Fprintf(stdout, "digest (gather)     %s  week of %s: %d jobs, %d programs, %d voided\n",
		dg, week.Format(time.DateOnly), d.Week.Jobs, len(d.Programs), len(d.Voided))
	full, err := timeCalls(*warm, *n, func() error {
		d, err := svc.Digest(ctx, week)
		if err != nil {
			return err
		}
		_ = svc.DigestReply(d)
		return nil
	})
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	fmt.Fprintf(stdout, "digest (+ reply)    %s\n", full)
	return nil
}

// timeCalls runs fn warm times untimed, then n times timed, one after the
// other, and summarises the timings; the first error stops it.
func timeCalls(warm, n int, fn func() error) (latencies, error) {
	for range warm {
		if err := fn(); err != nil {
			return latencies{}, err
		}
	}
	ds := make([]time.Duration, 0, n)
	for range n {
		start := time.Now()
		if err := fn(); err != nil {
			return latencies{}, err
		}
		ds = append(ds, time.Since(start))
	}
	return summarise(ds), nil
}
