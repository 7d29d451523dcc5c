package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// The goals of issue 14 for /jobs add at 32 clients.
const (
	ratioGoal     = 0.35 // of pgbench's single-row INSERT, measured in the same run
	ratioLongTerm = 0.5
	p99Goal       = 40 * time.Millisecond
)

func verdict(met bool) string {
	if met {
		return "met"
	}
	return "missed"
}

// runCompare answers `bench compare`: the bot's adds and pgbench's INSERT
// back to back, at the same concurrency, on the same database and machine.
func runCompare(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("bench compare",
		"Usage: bench compare -url http://127.0.0.1:3999 -secret S -db URL -c 32 -d 20s [-pid PID]\n\n"+
			"Runs `bench http -phase add` against the bot and then `bench pgbench` on the bot's\n"+
			"database with the same -c and -d, and prints the bot's throughput as a share of\n"+
			"pgbench's and both p99 latencies. Flags:")
	var cfg httpConfig
	httpFlags(fs, &cfg)
	pause := fs.Duration("pause", 5*time.Second, "pause between the two runs, to let checkpoints and the bot settle")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	cfg.phase = "add"
	if cfg.dbURL == "" {
		return usageError{errors.New("-db is required: pgbench runs on the bot's database")}
	}
	if err := cfg.check(); err != nil {
		return usageError{err}
	}
	pg := pgbenchConfig{dbURL: cfg.dbURL, clients: cfg.clients, threads: min(2, cfg.clients), duration: cfg.duration}
	if err := pg.check(); err != nil {
		return usageError{err}
	}

	bot, err := loadHTTP(ctx, cfg, stdout)
	if err != nil {
		return err
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(*pause):
	}
	base, err := runPgbenchOnce(ctx, pg, stdout)
	if err != nil {
		return err
	}
	ratio := bot.perSecond / base.tps
	fmt.Fprintf(stdout, "\ncompare at %d clients:\n", cfg.clients)
	fmt.Fprintf(stdout, "  bot /jobs add over HTTP  %8.1f req/s  p50 %s  p95 %s  p99 %s  errors %d\n",
		bot.perSecond, ms(bot.lat.p50), ms(bot.lat.p95), ms(bot.lat.p99), bot.errors)
	fmt.Fprintf(stdout, "  pgbench single INSERT   %8.1f tps    p50 %s  p95 %s  p99 %s\n",
		base.tps, ms(base.lat.p50), ms(base.lat.p95), ms(base.lat.p99))
	fmt.Fprintf(stdout, "  bot / pgbench = %.2f (goal >= %.2f: %s; long-term %.2f: %s); bot p99 %s (goal < %s: %s)\n",
		ratio, ratioGoal, verdict(ratio >= ratioGoal), ratioLongTerm, verdict(ratio >= ratioLongTerm),
		ms(bot.lat.p99), ms(p99Goal), verdict(bot.lat.p99 < p99Goal))
	return nil
}
