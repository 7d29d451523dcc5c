package db_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// TestMigrateDownAndUpKeepsFigures is deploy/README's rollback, for every
// version this binary embeds (so a migration added later is covered without
// editing the test): from the newest schema it steps down to N, records what
// the database holds there, goes up again and checks that status and every
// totals table read as before, then goes down to N again and checks that the
// database holds exactly what it held at N the first time. N runs down to 1,
// so every Down section executes, and its Up runs again after it.
func TestMigrateDownAndUpKeepsFigures(t *testing.T) {
	ctx := context.Background()
	t.Parallel()
	store := dbtest.New(t)
	// The fill first: it adds programs behind the store's program cache.
	if err := dbtest.FillSynthetic(ctx, store, 3000, 25, nil); err != nil {
		t.Fatalf("FillSynthetic: %v", err)
	}
	svc := ledgerWithDemo(t, store)
	want := statusFigures(ctx, t, svc)
	dbtest.CheckTotals(t, store)
	latest := db.LatestSchema()
	if got, err := store.SchemaVersion(ctx); err != nil || got != latest {
		t.Fatalf("SchemaVersion = %d, %v; want the latest embedded, %d", got, err, latest)
	}
	versions := db.SchemaVersions()
	for i := len(versions) - 2; i >= 0; i-- {
		n := versions[i]
		if err := store.MigrateDownTo(ctx, n); err != nil {
			t.Fatalf("migrate down to %d: %v", n, err)
		}
		atN := schemaFingerprint(ctx, t, store)
		if got, _ := store.SchemaVersion(ctx); got != n {
			t.Fatalf("after down to %d the schema is at %d", n, got)
		}
		if err := store.Migrate(ctx); err != nil {
			t.Fatalf("migrate up from %d: %v", n, err)
		}
		if n >= ledgerSince {
			if got := statusFigures(ctx, t, svc); got != want {
				t.Errorf("status after down to %d and up again differs:\n got %s\nwant %s", n, got, want)
			}
		}
		dbtest.CheckTotals(t, store)
		if err := store.MigrateDownTo(ctx, n); err != nil {
			t.Fatalf("migrate down to %d the second time: %v", n, err)
		}
		if n < 2 {
			// Version 1 has no entries: the first trip down dropped them, so
			// the seeded programs they held (kept by 00005's Down) go only
			// on this second trip. Nothing is left to compare there.
			continue
		}
		again := schemaFingerprint(ctx, t, store)
		for table, sum := range atN {
			if again[table] != sum {
				t.Errorf("at version %d after a round trip up, %s differs:\n got %s\nwant %s", n, table, again[table], sum)
			}
		}
		for table := range again {
			if _, ok := atN[table]; !ok {
				t.Errorf("at version %d after a round trip up, %s is left behind", n, table)
			}
		}
	}
	if err := store.Migrate(ctx); err != nil {
		t.Fatalf("migrate up from 1: %v", err)
	}
}

// ledgerSince is the lowest version a rollback can reach with status reading
// the same after the upgrade again: 00010's Down drops the managed
// departments' settings (active, aliases, reporters), and lower Downs drop
// the ledger's own tables, which only a restore brings back.
const ledgerSince = 10

// ledgerWithDemo loads the console's demo into store through the commands a
// user types and returns the service that answers them.
// offeredLine is a line a reply offers to type again, in backquotes.
var offeredLine = regexp.MustCompile("`((?:add|추가) [^`]+)`") // a Korean reply offers its words (추가 …)

func ledgerWithDemo(t *testing.T, store *db.Store) *commands.Service {
	t.Helper()
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: store, Managers: []string{"UMGR"}, Language: commands.Korean,
		Now: func() time.Time { return now }, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	script := append(commands.DemoScript(), commands.DemoLastYear(2026)...)
	for i, line := range script {
		// The demo runs over a synthetic fill here, so a demo add may be
		// asked about (at least its program's year total so far; dated
		// before a synthetic 누계): it is answered as a user would, with
		// the line the reply offers as separate jobs or confirmed.
		r := svc.Handle(context.Background(), commands.Caller{UserID: "UMGR", Source: commands.SourceConsole, IdempotencyKey: fmt.Sprint("demo-", i)}, line)
		for try := 0; try < 3 && r.Outcome == commands.OutcomeRefused; try++ {
			offered := ""
			for _, m := range offeredLine.FindAllStringSubmatch(r.Text(), -1) {
				if strings.Contains(m[1], "누계포함:아니오") || strings.Contains(m[1], "확인:예") {
					offered = m[1]
				}
			}
			if offered == "" {
				break
			}
			r = svc.Handle(context.Background(), commands.Caller{UserID: "UMGR", Source: commands.SourceConsole, IdempotencyKey: fmt.Sprint("demo-", i, "-", try)}, offered)
		}
		if r.Outcome != "" && r.Outcome != commands.OutcomeOK {
			t.Fatalf("demo %q: %s\n%s", line, r.Outcome, r.Text())
		}
	}
	return svc
}

// statusFigures is what a manager reads: this year's and last year's status.
func statusFigures(ctx context.Context, t *testing.T, svc *commands.Service) string {
	t.Helper()
	var b strings.Builder
	for _, line := range []string{"status", "status 2025", "status by dept"} {
		r := svc.Handle(ctx, commands.Caller{UserID: "UMGR", Source: commands.SourceConsole}, line)
		b.WriteString(r.Text())
		b.WriteString("\n")
	}
	return b.String()
}

// schemaFingerprint is every table's columns and rows (an md5 over them in a
// fixed order) by name, goose's own table aside, so two fingerprints are
// equal only when the schema holds the same tables with the same contents.
// An updated_at column is left out: an Up that touches a row stamps it, and
// no Down can give the old stamp back.
func schemaFingerprint(ctx context.Context, t *testing.T, store *db.Store) map[string]string {
	t.Helper()
	var tables []string
	if err := store.DB().SelectContext(ctx, &tables, `
		SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relname <> 'goose_db_version'
		ORDER BY 1`); err != nil {
		t.Fatalf("list tables: %v", err)
	}
	fingerprint := map[string]string{}
	for _, table := range tables {
		var cols, sum string
		if err := store.DB().GetContext(ctx, &cols, `
			SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum)
			FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'updated_at'`, table); err != nil {
			t.Fatalf("columns of %s: %v", table, err)
		}
		// The rows' text in their own sort order; a table name is ours.
		q := fmt.Sprintf(`SELECT coalesce(md5(string_agg(r::text, E'\n' ORDER BY r::text)), '') FROM (SELECT %s FROM %q) r`,
			columnNames(cols), table)
		if err := store.DB().GetContext(ctx, &sum, q); err != nil {
			t.Fatalf("rows of %s: %v", table, err)
		}
		fingerprint[table] = "(" + cols + ") " + sum
	}
	return fingerprint
}

// columnNames turns "a bigint, b text" into "a, b".
func columnNames(cols string) string {
	var names []string
	for _, c := range strings.Split(cols, ", ") {
		names = append(names, strings.Fields(c)[0])
	}
	return strings.Join(names, ", ")
}

// TestMigrateRefusesNewerSchema is an older binary started on a database a
// newer release migrated: it changes nothing and names both versions.
func TestMigrateRefusesNewerSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := dbtest.New(t)
	newer := db.LatestSchema() + 1
	if _, err := store.DB().ExecContext(ctx, `INSERT INTO goose_db_version (version_id, is_applied) VALUES ($1, true)`, newer); err != nil {
		t.Fatal(err)
	}
	for name, run := range map[string]func() error{
		"migrate":      func() error { return store.Migrate(ctx) },
		"migrate down": func() error { return store.MigrateDownTo(ctx, 10) },
	} {
		err := run()
		var newerErr *db.SchemaNewerError
		if !errors.As(err, &newerErr) || newerErr.Database != newer || newerErr.Known != newer-1 {
			t.Fatalf("%s on schema %d: %v; want SchemaNewerError{%d, %d}", name, newer, err, newer, newer-1)
		}
		for _, want := range []string{fmt.Sprint(newer), fmt.Sprint(newer - 1)} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %q does not name version %s", name, err, want)
			}
		}
	}
	if got, _ := store.SchemaVersion(ctx); got != newer {
		t.Errorf("schema version after the refusals = %d; want %d untouched", got, newer)
	}
}
