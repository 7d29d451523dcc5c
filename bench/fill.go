package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// defaultDB is the benchmark database on the local server.
const defaultDB = "postgres://postgres@127.0.0.1:5432/jobsbot_bench?sslmode=disable"

// runFill answers `bench fill`.
func runFill(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("bench fill",
		"Usage: bench fill -db URL -n 1000000 [-seed 1]\n\n"+
			"Adds N synthetic entries over ten years (30 programs, 200 departments, voids,\n"+
			"cumulative reports, back-dated entries) with set-based SQL, rebuilds the running\n"+
			"totals from the ledger and vacuums. Flags:")
	dbURL := fs.String("db", defaultDB, "database URL (created and migrated if missing)")
	n := fs.Int64("n", 1_000_000, "number of synthetic entries to add")
	seed := fs.Int64("seed", 1, "seed of the synthetic figures")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if *n <= 0 {
		return usageError{errors.New("-n must be positive")}
	}
	store, err := openMigrated(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer store.Close()

	start := time.Now()
	err = dbtest.FillSynthetic(ctx, store, *n, *seed, func(done int64) {
		fmt.Fprintf(stdout, "  %d entries written (%s)\n", done, time.Since(start).Round(time.Second))
	})
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	var total, voided, cumulative int64
	const q = `SELECT count(*), count(*) FILTER (WHERE voided_at IS NOT NULL), count(*) FILTER (WHERE kind = 'cumulative') FROM entries`
	if err := store.DB().QueryRowContext(ctx, q).Scan(&total, &voided, &cumulative); err != nil {
		return fmt.Errorf("count entries: %w", err)
	}
	fmt.Fprintf(stdout, "filled %d entries in %s (%.0f entries/s); the ledger now holds %d (%d voided, %d cumulative)\n",
		*n, elapsed.Round(time.Millisecond), float64(*n)/elapsed.Seconds(), total, voided, cumulative)
	return nil
}

// openMigrated opens the database, creating and migrating it as the bot does;
// a URL that is not on this machine is a usage error (see loopbackURL).
func openMigrated(ctx context.Context, dbURL string) (*db.Store, error) {
	if err := loopbackURL(dbURL); err != nil {
		return nil, usageError{err}
	}
	store, err := db.Open(ctx, dbURL)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dbURL, err)
	}
	if err := store.Migrate(ctx); err != nil {
		store.Close()
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return store, nil
}
