// Command jobsbot is a Slack bot and console for a city's job-creation ledger.
// Its subcommands (serve, console, digest, export, remind, migrate,
// healthcheck; see usage) only wire the packages together: configuration
// from the environment (config.go), the database (db), the command core
// (commands) and the transports (bot and its digest and reminder senders).
// One file per subcommand; shared flag helpers are in main.go.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/joho/godotenv"

	"jobsbot/bot"
	"jobsbot/commands"
	"jobsbot/db"
)

const usage = `jobsbot: the city's job-creation ledger on Slack.

Usage:
  jobsbot console [--user ID] [--manager] [--demo] [--lang ko|en]
                                                      type /jobs commands in a terminal
  jobsbot serve                                       run the Slack bot (Socket Mode or HTTP)
  jobsbot digest [--week 2026-W17] [--post] [--chart FILE] [--demo] [--today YYYY-MM-DD]
                                                      print, chart or post the weekly digest
  jobsbot export --format xlsx|csv [--year 2026] [--as-of 2026-04-30] [--what report|entries] -o FILE
                                                      write the report (as of a date) or the entries to a file
  jobsbot import [--dry-run] [--what entries|report] [--year 2025] [--lang ko|en] FILE
                                                      read an exported entries file, a report workbook or a
                                                      department template; preview, then apply it exactly once
  jobsbot remind [--month 2026-11] [--round 1|2] [--dry-run]
                                                      send (or list) a month-end reminder round, once
  jobsbot migrate [--rebuild-totals | --down-to N | --status]
                                                      create or upgrade the database, then exit;
                                                      --rebuild-totals recomputes every total from the entries;
                                                      --down-to N rolls the schema back to version N
  jobsbot healthcheck                                 exit 0 if the server on ADDR answers /healthz
  jobsbot --version                                   print the version and the commit

jobsbot SUBCOMMAND -h prints that subcommand's usage.

Settings come from the environment or a .env file; see .env.example.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: it returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if args[0] == "--version" || args[0] == "-version" || args[0] == "version" {
		fmt.Fprintln(stdout, readBuildInfo())
		return 0
	}
	// Help is answered before anything is read or opened: `serve --help`
	// must not start a server or create a database.
	if text, ok := subcommandUsage(args[0]); ok && wantsHelp(args[1:]) {
		fmt.Fprint(stdout, text)
		return 0
	}
	if args[0] == "healthcheck" {
		// Before any configuration is read: a health probe must not fail (or
		// exit 2, which Docker reserves) because of an unrelated setting.
		if err := runHealthcheck(ctx, os.Getenv); err != nil {
			fmt.Fprintf(stderr, "jobsbot healthcheck: %v\n", err)
			return 1
		}
		return 0
	}
	// A missing .env is normal; variables already set win over the file.
	if err := godotenv.Load(); err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(stderr, "jobsbot: .env: %v\n", err)
		return 2
	}
	cfg, err := loadConfig(os.Getenv)
	if err != nil {
		fmt.Fprintf(stderr, "jobsbot: %v\n", err)
		return 2
	}
	// Redacting: no log line, from any package, carries a response_url or token.
	logger := slog.New(bot.RedactingHandler(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel})))

	switch args[0] {
	case "console":
		err = runConsole(ctx, cfg, logger, args[1:], stdin, stdout)
	case "serve":
		err = runServe(ctx, cfg, logger)
	case "digest":
		err = runDigest(ctx, cfg, logger, args[1:], stdout)
	case "export":
		err = runExport(ctx, cfg, logger, args[1:], stdout)
	case "import":
		err = runImport(ctx, cfg, logger, args[1:], stdout)
	case "remind":
		err = runRemind(ctx, cfg, logger, args[1:], stdout)
	case "migrate":
		err = runMigrate(ctx, cfg, logger, args[1:], stdout)
	default:
		fmt.Fprintf(stderr, "jobsbot: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	var fe flagError
	switch {
	case errors.As(err, &fe):
		fmt.Fprintf(stderr, "jobsbot %s: %v\n", args[0], fe.err)
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "jobsbot %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

// flagError marks bad command-line flags (exit 2, like the flag package).
type flagError struct{ err error }

func (e flagError) Error() string { return e.err.Error() }

// openStore opens and migrates the database, explaining the usual newcomer
// trouble (no server running) in one sentence. create says whether a missing
// database may be created (config.CreateDatabase).
func openStore(ctx context.Context, databaseURL string, create bool) (*db.Store, error) {
	open := db.OpenExisting
	if create {
		open = db.Open
	}
	store, err := open(ctx, databaseURL)
	if err != nil {
		return nil, fmt.Errorf("cannot open the database (is PostgreSQL running? check DATABASE_URL): %w", err)
	}
	if err := store.Migrate(ctx); err != nil {
		store.Close()
		return nil, fmt.Errorf("migrating the database: %w", err)
	}
	return store, nil
}

// openLedger opens the configured database or, for a demo, recreates and
// opens the separate demo database so a demo never touches real data.
func openLedger(ctx context.Context, cfg config, demo bool) (*db.Store, error) {
	if !demo {
		return openStore(ctx, cfg.DatabaseURL, cfg.CreateDatabase)
	}
	databaseURL, err := demoDatabaseURL(cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	if err := db.RecreateDatabase(ctx, databaseURL); err != nil {
		return nil, fmt.Errorf("recreating the demo database (is PostgreSQL running? check DATABASE_URL): %w", err)
	}
	return openStore(ctx, databaseURL, true)
}

// runMigrate upgrades the schema (and optionally rebuilds the totals), rolls
// it back with --down-to, or reports it with --status.
func runMigrate(ctx context.Context, cfg config, logger *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlagSet("migrate")
	rebuild := fs.Bool("rebuild-totals", false, "")
	downTo := fs.Int64("down-to", 0, "")
	status := fs.Bool("status", false, "")
	const flags = "flags: --rebuild-totals, --down-to N, --status"
	if err := parseFlags(fs, args, flags); err != nil {
		return err
	}
	if *downTo != 0 || *status {
		if (*downTo != 0 && (*status || *rebuild)) || (*status && *rebuild) {
			return flagError{fmt.Errorf("use one of --rebuild-totals, --down-to N and --status")}
		}
		if *downTo < 0 || *downTo > db.LatestSchema() {
			return flagError{fmt.Errorf("--down-to %d: give a version from 1 to %d", *downTo, db.LatestSchema())}
		}
		return migrateDownOrStatus(ctx, cfg, logger, *downTo, stdout)
	}
	store, err := openStore(ctx, cfg.DatabaseURL, cfg.CreateDatabase)
	if err != nil {
		return err
	}
	defer store.Close()
	logger.Info("database migrated", "schema", db.LatestSchema(), "version", version)
	if *rebuild {
		// The repair for totals an older version left behind (an upgrade
		// that kept old replicas writing, deploy/README.md): it holds off
		// writers while it runs, and entries are the truth.
		if err := store.RebuildAggregates(ctx); err != nil {
			return fmt.Errorf("rebuilding the totals: %w", err)
		}
		logger.Info("totals rebuilt from the entries")
	}
	return nil
}

// serviceConfig is the command service's configuration from the
// environment; each subcommand adds what it wires (a clock, a poster, a
// file sender…) before commands.New builds the Service, once.
func serviceConfig(cfg config, store commands.Store, logger *slog.Logger) commands.Config {
	return commands.Config{
		Store:    store,
		Location: cfg.Location,
		Language: cfg.Language,
		Managers: cfg.Managers,
		Logger:   logger,

		WritesPerMinute:   cfg.WritesPerMinute,
		ExportConcurrency: cfg.ExportConcurrency,
		Reminders:         cfg.ReminderSchedule,
		ReportUnit:        cfg.ReportUnit,
		DBDeadline:        cfg.DBDeadline,
	}
}

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses a subcommand's flags and refuses any argument after
// them; both errors name the flags the subcommand takes. -h and --help never
// reach it: run answers them from help.go before anything is opened.
func parseFlags(fs *flag.FlagSet, args []string, flags string) error {
	if err := fs.Parse(args); err != nil {
		return flagError{fmt.Errorf("%w (%s)", err, flags)}
	}
	if fs.NArg() > 0 {
		return flagError{fmt.Errorf("unexpected %q (%s)", fs.Arg(0), flags)}
	}
	return nil
}

// todayClock reads --today YYYY-MM-DD into a clock that stands at noon of
// that day in loc (noon, so no time-zone step moves it to another date); ""
// is the real clock.
func todayClock(today string, loc *time.Location) (func() time.Time, error) {
	if today == "" {
		return time.Now, nil
	}
	day, err := time.ParseInLocation(time.DateOnly, today, loc)
	if err != nil {
		return nil, flagError{fmt.Errorf("--today %q: write the date as YYYY-MM-DD", today)}
	}
	return func() time.Time { return day.Add(12 * time.Hour) }, nil
}

// migrateDownOrStatus rolls the schema back to target (0: only report it)
// and prints the schema's version and the newest this binary knows.
func migrateDownOrStatus(ctx context.Context, cfg config, logger *slog.Logger, target int64, stdout io.Writer) error {
	store, err := db.OpenExisting(ctx, cfg.DatabaseURL)
	if err != nil {
		return fmt.Errorf("cannot open the database (is PostgreSQL running? check DATABASE_URL): %w", err)
	}
	defer store.Close()
	if target > 0 {
		if err := store.MigrateDownTo(ctx, target); err != nil {
			return err
		}
		logger.Info("database rolled back", "schema", target)
	}
	current, err := store.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "schema %d (this binary knows up to %d)\n", current, db.LatestSchema())
	return err
}
