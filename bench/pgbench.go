package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"jobsbot/commands"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// pgbenchScript is one transaction of the baseline: a single-row INSERT
// filling every column the bot fills, in autocommit, into pgbenchTable, a
// copy of entries with its columns, defaults, checks and indexes but not its
// triggers (which keep employment_days for the bot's writes) or foreign key.
// It is what the database can do at best for one /jobs add, without the
// running totals, the idempotency lookup or the reply. %s is the run's key
// prefix (hex, written into the script: pgbench has no quoting of variables).
const pgbenchScript = `\set pid random(:pmin, :pmax)
\set n random(1, 200)
\set back random(0, 30)
INSERT INTO ` + pgbenchTable + ` (program_id, count, reported_total, kind, as_of, approximate, status, employment_type, department, note, logged_by, source, idempotency_key) VALUES (:pid, :n, NULL, 'delta', current_date - :back, false, 'realised', '', '일자리정책과', 'pgbench baseline', 'U0PGBENCH', 'slash', '%s' || gen_random_uuid());
`

// pgbenchTable is made for the run and dropped after it, so the baseline's
// rows never touch the ledger.
const pgbenchTable = "bench_plain_entries"

// pgbenchConfig is what `bench pgbench` runs.
type pgbenchConfig struct {
	dbURL    string
	clients  int
	threads  int
	duration time.Duration
	keep     bool
}

// pgbenchResult is what pgbench measured.
type pgbenchResult struct {
	tps          float64
	transactions int64
	lat          latencies
}

// runPgbench answers `bench pgbench`.
func runPgbench(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("bench pgbench",
		"Usage: bench pgbench -db URL -c 32 -d 20s\n\n"+
			"Runs PostgreSQL's pgbench -n -c C -j 2 -T D with a custom script: one single-row INSERT\n"+
			"per transaction into a copy of entries with its indexes and checks but no triggers\n"+
			"(unique idempotency key from gen_random_uuid()), and prints\n"+
			"its tps and latency percentiles (from its per-transaction log). Flags:")
	var cfg pgbenchConfig
	fs.StringVar(&cfg.dbURL, "db", defaultDB, "database URL with the jobsbot schema (e.g. the bot's DATABASE_URL)")
	fs.IntVar(&cfg.clients, "c", 32, "concurrent clients (pgbench -c)")
	fs.IntVar(&cfg.threads, "j", 2, "pgbench worker threads (pgbench -j)")
	fs.DurationVar(&cfg.duration, "d", 20*time.Second, "duration, whole seconds (pgbench -T)")
	fs.BoolVar(&cfg.keep, "keep", false, "keep the table of inserted rows, "+pgbenchTable+" (by default it is dropped)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if err := cfg.check(); err != nil {
		return usageError{err}
	}
	_, err := runPgbenchOnce(ctx, cfg, stdout)
	return err
}

// check validates the configuration.
func (cfg pgbenchConfig) check() error {
	switch {
	case cfg.clients < 1 || cfg.clients > 1024:
		return errors.New("-c must be between 1 and 1024")
	case cfg.threads < 1 || cfg.threads > cfg.clients:
		return errors.New("-j must be between 1 and -c")
	case cfg.duration < time.Second || cfg.duration > 10*time.Minute:
		return errors.New("-d must be between 1s and 10m")
	}
	return loopbackURL(cfg.dbURL)
}

var (
	reTPS     = regexp.MustCompile(`tps = ([0-9.]+) \(without initial connection time\)`)
	reTxCount = regexp.MustCompile(`number of transactions actually processed: ([0-9]+)`)
	reFailed  = regexp.MustCompile(`number of failed transactions: ([0-9]+)`)
)

// runPgbenchOnce runs pgbench and prints and returns its figures.
func runPgbenchOnce(ctx context.Context, cfg pgbenchConfig, stdout io.Writer) (pgbenchResult, error) {
	bin, err := exec.LookPath("pgbench")
	if err != nil {
		return pgbenchResult{}, fmt.Errorf("pgbench is not installed (Debian: apt-get install postgresql-client): %w", err)
	}
	conn, err := sqlx.Open("postgres", cfg.dbURL)
	if err != nil {
		return pgbenchResult{}, err
	}
	defer conn.Close()
	var pmin, pmax, n int64
	if err := conn.QueryRowContext(ctx, `SELECT min(id), max(id), count(*) FROM programs`).Scan(&pmin, &pmax, &n); err != nil {
		return pgbenchResult{}, fmt.Errorf("programs (is the jobsbot schema there? run the bot or bench fill once): %w", err)
	}
	if n != pmax-pmin+1 {
		return pgbenchResult{}, fmt.Errorf("program IDs %d..%d have gaps; the script picks IDs in that range", pmin, pmax)
	}

	if _, err := conn.ExecContext(ctx, `DROP TABLE IF EXISTS `+pgbenchTable); err != nil {
		return pgbenchResult{}, fmt.Errorf("drop an earlier run's table: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE `+pgbenchTable+` (LIKE entries INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS INCLUDING INDEXES)`); err != nil {
		return pgbenchResult{}, fmt.Errorf("create the baseline's table: %w", err)
	}
	defer func() {
		if !cfg.keep {
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS `+pgbenchTable)
		}
	}()

	dir, err := os.MkdirTemp("", "bench-pgbench-")
	if err != nil {
		return pgbenchResult{}, err
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "insert.sql")
	keyPrefix := "pgbench-" + commands.RandomHex(6) + "-"
	if err := os.WriteFile(script, fmt.Appendf(nil, pgbenchScript, keyPrefix), 0o600); err != nil {
		return pgbenchResult{}, err
	}
	secs := int(cfg.duration.Round(time.Second) / time.Second)
	args := []string{
		"-n", "-c", strconv.Itoa(cfg.clients), "-j", strconv.Itoa(cfg.threads), "-T", strconv.Itoa(secs),
		"-f", script, "-D", fmt.Sprint("pmin=", pmin), "-D", fmt.Sprint("pmax=", pmax),
		"-l", "--log-prefix", filepath.Join(dir, "tx"), cfg.dbURL,
	}
	fmt.Fprintf(stdout, "pgbench %s\n", strings.Join(args[:len(args)-1], " "))
	cmd := exec.CommandContext(ctx, bin, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return pgbenchResult{}, fmt.Errorf("pgbench: %w\n%s", err, out)
	}
	res, failed, err := parsePgbenchOutput(out)
	if err != nil {
		return res, err
	}
	ds, err := readPgbenchLogs(dir)
	if err != nil {
		return res, err
	}
	res.lat = summarise(ds)
	fmt.Fprintf(stdout, "pgbench: %d transactions, %.1f tps, %s failed\nlatency %s\n", res.transactions, res.tps, failed, res.lat)

	return res, nil
}

// parsePgbenchOutput reads the tps, the transaction count and the failed
// transactions ("0" when pgbench does not say) from pgbench's summary.
func parsePgbenchOutput(out []byte) (res pgbenchResult, failed string, err error) {
	m := reTPS.FindSubmatch(out)
	if m == nil {
		return res, "", fmt.Errorf("pgbench printed no tps:\n%s", out)
	}
	res.tps, _ = strconv.ParseFloat(string(m[1]), 64)
	if m := reTxCount.FindSubmatch(out); m != nil {
		res.transactions, _ = strconv.ParseInt(string(m[1]), 10, 64)
	}
	failed = "0"
	if m := reFailed.FindSubmatch(out); m != nil {
		failed = string(m[1])
	}
	return res, failed, nil
}

// readPgbenchLogs reads the per-transaction latencies pgbench -l wrote: one
// file per thread, lines "client transaction latency_us script epoch us".
func readPgbenchLogs(dir string) ([]time.Duration, error) {
	files, err := filepath.Glob(filepath.Join(dir, "tx.*"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("pgbench wrote no transaction log in %s", dir)
	}
	var ds []time.Duration
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) < 3 {
				continue
			}
			us, err := strconv.ParseInt(fields[2], 10, 64)
			if err != nil {
				continue // "failed"/"skipped" transactions have no latency
			}
			ds = append(ds, time.Duration(us)*time.Microsecond)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return ds, nil
}
