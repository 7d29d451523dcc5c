package dbtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lib/pq"

	"jobsbot/db"
)

// Why a pool: every test used to copy the template and drop its copy at the
// end, and on PostgreSQL 15 DROP DATABASE forces a checkpoint. With some
// 1,900 databases in the commands package alone, the copies and drops took
// most of a CI run's CPU (commands 850 s on two CPUs, against about 60 s of
// tests), and tests under that load ran past their database deadlines.
//
// A package whose TestMain calls Main gets a pool: a test's database is
// emptied when the test ends (every table's rows deleted, the template's
// own rows put back, sequences set back) and handed to the next test, and
// the pool's databases are dropped when the package's tests end. A database
// a test changed the schema of, or filled past poolMaxGrowth, is dropped
// instead of reused, so no test sees another's leftovers. Packages without
// Main copy and drop as before.
const (
	poolPrefix = "jobsbot_pool_"
	// poolMaxGrowth is how far a database may grow past the template and
	// still be emptied row by row; a bigger one (benchmark fills) is dropped.
	poolMaxGrowth = 32 << 20
	// poolStaleAge: a pooled database older than this belongs to a test
	// process that was killed before Main could drop it.
	poolStaleAge = 3 * time.Hour
)

// activePool is the pool Main set up for this test binary, nil without
// Main. It is the one piece of package state in dbtest: a pool must outlive
// the tests that share it, and a test binary's TestMain is the only owner
// those tests have in common.
var activePool atomic.Pointer[pool]

// Main runs a package's tests (m.Run) with a pool of migrated databases,
// drops the pool's databases and exits with the tests' code. Call it from
// TestMain.
func Main(m *testing.M) {
	p := &pool{server: ServerURL()}
	p.dropStale()
	activePool.Store(p)
	code := m.Run()
	activePool.Store(nil)
	p.dropAll()
	os.Exit(code)
}

type pool struct {
	server string

	mu       sync.Mutex
	idle     []string  // emptied databases ready for a test
	owned    []string  // every database the pool created and has not dropped
	baseline *baseline // read from the first fresh copy; nil until then
	off      bool      // emptying cannot work on this server: copy and drop
}

// baseline is what an emptied database must look like again: the
// template's schema fingerprint and size, and the statements that empty it
// and put back the rows and sequence values the migrations left.
type baseline struct {
	fingerprint string
	size        int64
	reset       string
}

// store opens a Store on a pooled database for test t and gives the
// database back when t ends.
func (p *pool) store(t testing.TB) *db.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	admin := mustAdmin(ctx, t, p.server)
	name, err := p.take(ctx, admin)
	admin.Close()
	if err != nil {
		t.Fatalf("dbtest: create database: %v", err)
	}
	u := mustDatabaseURL(t, p.server, name)
	s, err := db.Open(ctx, u)
	if err != nil {
		p.forget(name)
		drop(t, p.server, name)
		t.Fatalf("dbtest: open %s: %v", redact(u), err)
	}
	t.Cleanup(func() {
		// Emptied through the test's own connections, whose catalog
		// caches are warm: a new connection's first catalog reads cost
		// more than the emptying itself.
		p.give(t, name, s.DB().DB)
		_ = s.Close()
	})
	return s
}

// take returns the name of a migrated database for one test: an emptied
// one from the pool, or a new copy of the template.
func (p *pool) take(ctx context.Context, admin *sql.DB) (string, error) {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		name := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return name, nil
	}
	p.mu.Unlock()
	name := poolPrefix + randomHex(8)
	if err := createFromTemplate(ctx, admin, p.server, name); err != nil {
		return "", err
	}
	// The creation time, read by dropStale.
	if _, err := admin.ExecContext(ctx, `COMMENT ON DATABASE `+pq.QuoteIdentifier(name)+` IS `+
		pq.QuoteLiteral(strconv.FormatInt(time.Now().Unix(), 10))); err != nil {
		drop(nil, p.server, name)
		return "", fmt.Errorf("comment on %s: %w", name, err)
	}
	p.mu.Lock()
	p.owned = append(p.owned, name)
	needBaseline := p.baseline == nil && !p.off
	p.mu.Unlock()
	if needBaseline {
		// Read from a copy no test has touched yet. Two tests may both read
		// one; they read the same thing.
		b, err := readBaseline(ctx, p.server, name)
		p.mu.Lock()
		if err != nil {
			p.off = true
		} else if p.baseline == nil {
			p.baseline = b
		}
		p.mu.Unlock()
	}
	return name, nil
}

// give takes a database back when its test has ended: emptied (through
// conn, or a connection of its own when conn is nil) and kept for the next
// test, or dropped when it cannot be emptied safely. A failed drop fails
// t, as it did before the pool.
func (p *pool) give(t testing.TB, name string, conn *sql.DB) {
	p.mu.Lock()
	b, off := p.baseline, p.off
	p.mu.Unlock()
	if !off && b != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		err := b.emptyDatabase(ctx, p.server, name, conn)
		cancel()
		if err == nil {
			p.mu.Lock()
			p.idle = append(p.idle, name)
			p.mu.Unlock()
			return
		}
	}
	if conn != nil {
		_ = conn.Close() // DROP … WITH (FORCE) would end its sessions anyway
	}
	p.forget(name)
	drop(t, p.server, name)
}

func (p *pool) forget(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, n := range p.owned {
		if n == name {
			p.owned = append(p.owned[:i], p.owned[i+1:]...)
			return
		}
	}
}

// dropAll drops the pool's databases, all at once: each DROP DATABASE
// waits for a checkpoint, and drops waiting together share one.
func (p *pool) dropAll() {
	p.mu.Lock()
	names := p.owned
	p.owned, p.idle = nil, nil
	p.mu.Unlock()
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Go(func() { drop(nil, p.server, name) })
	}
	wg.Wait()
}

// dropStale drops pooled databases left by test processes killed before
// Main could drop them (a test binary's -timeout panic).
func (p *pool) dropStale() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	admin, err := sql.Open("postgres", p.server)
	if err != nil {
		return
	}
	defer admin.Close()
	rows, err := admin.QueryContext(ctx, `SELECT datname, coalesce(shobj_description(oid, 'pg_database'), '')
		FROM pg_database WHERE datname LIKE $1`, strings.ReplaceAll(poolPrefix, "_", `\_`)+"%")
	if err != nil {
		return // an unreachable server fails the first test, with the message saying how to start it
	}
	var stale []string
	for rows.Next() {
		var name, made string
		if rows.Scan(&name, &made) != nil {
			break
		}
		if at, err := strconv.ParseInt(made, 10, 64); err != nil || time.Since(time.Unix(at, 0)) > poolStaleAge {
			stale = append(stale, name)
		}
	}
	rows.Close()
	for _, name := range stale {
		drop(nil, p.server, name)
	}
}

// fingerprintSQL sums up a database's schema cheaply: how many relations,
// functions, triggers, constraints, column defaults, types, schemas and
// live columns it has and the highest object id of each (every object a
// test creates takes a new, higher one), which triggers are enabled, the
// sequences' parameters, the migrations applied and per-database settings.
// A test that changes any of them (a stalling trigger, a dropped column)
// leaves a database that is dropped, not reused. Names and bodies are not
// compared: a test that replaced a function's body in place would go
// unseen, and none does.
const fingerprintSQL = `SELECT concat_ws(' ',
	(SELECT count(*) || '/' || max(oid::text::bigint) FROM pg_class),
	(SELECT count(*) || '/' || max(oid::text::bigint) FROM pg_proc),
	(SELECT count(*) || '/' || coalesce(max(oid::text::bigint), 0) || '/' || coalesce(string_agg(tgenabled::text, '' ORDER BY oid), '') FROM pg_trigger),
	(SELECT count(*) || '/' || max(oid::text::bigint) FROM pg_constraint),
	(SELECT count(*) || '/' || coalesce(max(oid::text::bigint), 0) FROM pg_attrdef),
	(SELECT count(*) || '/' || max(oid::text::bigint) FROM pg_type),
	(SELECT count(*) || '/' || max(oid::text::bigint) FROM pg_namespace),
	(SELECT count(*) FROM pg_attribute WHERE NOT attisdropped AND attnum > 0),
	(SELECT string_agg(increment_by || ':' || min_value || ':' || max_value || ':' || cycle, ',' ORDER BY sequencename) FROM pg_sequences),
	(SELECT count(*) || ':' || coalesce(max(version_id), 0) FROM goose_db_version),
	(SELECT array_to_string(setconfig, ',') FROM pg_db_role_setting
		WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())))`

// readBaseline reads, from a fresh copy of the template, what emptying a
// database must restore. The rows the migrations left (programs,
// departments, holidays …) are kept as JSON and put back with
// json_populate_recordset, which restores every column's type as it was.
func readBaseline(ctx context.Context, server, name string) (*baseline, error) {
	conn, err := openDatabase(ctx, server, name)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	b := &baseline{}
	// Emptying needs a superuser (session_replication_role); a server
	// reached as another role copies and drops as before.
	if _, err := conn.ExecContext(ctx, `BEGIN; SET LOCAL session_replication_role = replica; ROLLBACK`); err != nil {
		return nil, fmt.Errorf("baseline: emptying needs a superuser: %w", err)
	}
	if err := conn.QueryRowContext(ctx, fingerprintSQL).Scan(&b.fingerprint); err != nil {
		return nil, fmt.Errorf("baseline fingerprint: %w", err)
	}
	if err := conn.QueryRowContext(ctx, `SELECT pg_database_size(current_database())`).Scan(&b.size); err != nil {
		return nil, fmt.Errorf("baseline size: %w", err)
	}
	tables, err := queryStrings(ctx, conn, `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename)
		FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'goose_db_version' ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("baseline tables: %w", err)
	}
	var reset strings.Builder
	// replica: no triggers and no foreign-key checks while every table is
	// emptied and the migrations' rows go back, in any order.
	reset.WriteString("BEGIN;\nSET LOCAL session_replication_role = replica;\n")
	for _, table := range tables {
		reset.WriteString("DELETE FROM " + table + ";\n")
	}
	for _, table := range tables {
		var rows sql.NullString
		if err := conn.QueryRowContext(ctx, `SELECT json_agg(t)::text FROM `+table+` t`).Scan(&rows); err != nil {
			return nil, fmt.Errorf("baseline rows of %s: %w", table, err)
		}
		if !rows.Valid {
			continue
		}
		cols, err := queryStrings(ctx, conn, `SELECT quote_ident(attname) FROM pg_attribute
			WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`, table)
		if err != nil {
			return nil, fmt.Errorf("baseline columns of %s: %w", table, err)
		}
		list := strings.Join(cols, ", ")
		fmt.Fprintf(&reset, "INSERT INTO %s (%s) OVERRIDING SYSTEM VALUE SELECT %s FROM json_populate_recordset(NULL::%s, %s);\n",
			table, list, list, table, pq.QuoteLiteral(rows.String))
	}
	setvals, err := queryStrings(ctx, conn, `SELECT format('SELECT setval(%L, %s, %s);',
			quote_ident(schemaname) || '.' || quote_ident(sequencename), coalesce(last_value, start_value), (last_value IS NOT NULL)::text)
		FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("baseline sequences: %w", err)
	}
	reset.WriteString(strings.Join(setvals, "\n"))
	reset.WriteString("\nCOMMIT;")
	b.reset = reset.String()
	return b, nil
}

var (
	errSchemaChanged = errors.New("the test changed the schema")
	errGrown         = errors.New("the test filled the database past the pool's limit")
)

// emptyDatabase makes database name look like a fresh copy of the
// template again, through conn (nil: a connection of its own), or says why
// it cannot (then the database is dropped).
func (b *baseline) emptyDatabase(ctx context.Context, server, name string, conn *sql.DB) error {
	if conn != nil && conn.PingContext(ctx) != nil {
		conn = nil // the test closed its Store (an outage test)
	}
	if conn == nil {
		own, err := openDatabase(ctx, server, name)
		if err != nil {
			return err
		}
		defer own.Close()
		conn = own
	}
	// Sessions a test left open (another process's pool, a stalled
	// connection) would see the next test's rows or hold its locks.
	if _, err := conn.ExecContext(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid()`); err != nil {
		return err
	}
	var fingerprint string
	var size int64
	if err := conn.QueryRowContext(ctx, fingerprintSQL).Scan(&fingerprint); err != nil {
		return err
	}
	if fingerprint != b.fingerprint {
		return errSchemaChanged
	}
	if err := conn.QueryRowContext(ctx, `SELECT pg_database_size(current_database())`).Scan(&size); err != nil {
		return err
	}
	if size > b.size+poolMaxGrowth {
		return errGrown
	}
	// No parameters: the simple protocol runs the whole script in one round trip.
	_, err := conn.ExecContext(ctx, b.reset)
	return err
}

// openDatabase opens database name on server with one connection: SET
// LOCAL in the reset script needs no session of its own, and one
// connection is all a reset uses.
func openDatabase(ctx context.Context, server, name string) (*sql.DB, error) {
	u, err := databaseURL(server, name)
	if err != nil {
		return nil, err
	}
	conn, err := sql.Open("postgres", u)
	if err != nil {
		return nil, err
	}
	conn.SetMaxOpenConns(1)
	if err := conn.PingContext(ctx); err != nil {
		_ = conn.Close()
		return nil, err
	}
	return conn, nil
}

func queryStrings(ctx context.Context, conn *sql.DB, query string, args ...any) ([]string, error) {
	rows, err := conn.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
