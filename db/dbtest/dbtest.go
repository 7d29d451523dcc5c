// Package dbtest gives each test its own freshly created PostgreSQL database,
// so tests run in parallel against a real server without seeing each other's
// rows, and drops it when the test ends. FillSynthetic (synthetic.go) fills a
// database with millions of synthetic entries for benchmarks (bench fill and
// the db package's benchmarks and tests); it lives here, not in db, so production code does
// not carry it.
package dbtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/lib/pq"
	"github.com/lib/pq/pqerror"

	"jobsbot/commands"
	"jobsbot/db"
)

// DefaultURL is the server tests use when TEST_DATABASE_URL is not set: the
// local PostgreSQL with trust authentication.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// New returns a Store on a new, migrated database that is dropped when the
// test ends. It fails the test (never skips it) when the server cannot be
// reached, so a missing database is noticed rather than silently untested.
//
// The database is a copy of a template migrated once (CREATE DATABASE …
// TEMPLATE, see template.go), not migrated anew: running the 38 migrations
// for every test was most of the commands package's run. Tests of the
// migrations themselves take an empty database from URL and migrate it.
func New(t testing.TB) *db.Store {
	t.Helper()
	if p := activePool.Load(); p != nil {
		return p.store(t)
	}
	u := newDatabase(t, true)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := db.Open(ctx, u)
	if err != nil {
		t.Fatalf("dbtest: open %s: %v", redact(u), err)
	}
	// Registered after newDatabase's cleanup, so it runs first: close the
	// pool before the database is dropped.
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// URL creates a new, empty database and returns its URL without connecting
// to it, for end-to-end tests that hand the URL to the binary. The database
// is dropped, sessions and all, when the test ends.
func URL(t testing.TB) string {
	t.Helper()
	return newDatabase(t, false)
}

// MigratedURL creates a new database, a copy of the migrated template, and
// returns its URL without connecting to it, for end-to-end tests that hand
// the URL to the binary and are not about the migrations: the binary finds
// the schema current, as on any start after the first. Migrating an empty
// database took a fifth of such a test on the two-CPU CI machine; tests of
// the migrations themselves, and of a first start, take URL. The database
// is dropped, sessions and all, when the test ends.
func MigratedURL(t testing.TB) string {
	t.Helper()
	return newDatabase(t, true)
}

// newDatabase creates a database, a copy of the migrated template when
// migrated is set, else empty, drops it when the test ends and returns
// its URL.
func newDatabase(t testing.TB, migrated bool) string {
	t.Helper()
	server := ServerURL()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	admin := mustAdmin(ctx, t, server)
	defer admin.Close()

	name := "jobsbot_test_" + randomHex(8)
	var err error
	if migrated {
		err = createFromTemplate(ctx, admin, server, name)
	} else {
		// DDL takes no bind parameters; the name is ours and quoted anyway.
		_, err = admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(name))
	}
	if err != nil {
		t.Fatalf("dbtest: create database %s: %v", name, err)
	}
	t.Cleanup(func() { drop(t, server, name) })
	return mustDatabaseURL(t, server, name)
}

// mustAdmin connects to the server tests create their databases on, or
// fails the test saying how to start PostgreSQL.
func mustAdmin(ctx context.Context, t testing.TB, server string) *sql.DB {
	t.Helper()
	admin, err := sql.Open("postgres", server)
	if err == nil {
		err = admin.PingContext(ctx)
	}
	if pq.As(err, pqerror.TooManyConnections) != nil {
		t.Fatalf("PostgreSQL at %s has no connection left (%v): the suite runs tests side by side; "+
			"raise max_connections (ALTER SYSTEM SET max_connections = 300, then restart the server) "+
			"or run with a lower -parallel.", redact(server), err)
	}
	if err != nil {
		t.Fatalf("PostgreSQL is not reachable at %s: %v. Start it (on Debian: "+
			"pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) "+
			"or set TEST_DATABASE_URL.", redact(server), err)
	}
	return admin
}

func mustDatabaseURL(t testing.TB, server, name string) string {
	t.Helper()
	u, err := databaseURL(server, name)
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	return u
}

// databaseURL is server's URL naming database name instead.
func databaseURL(server, name string) (string, error) {
	u, err := url.Parse(server)
	if err != nil {
		return "", fmt.Errorf("TEST_DATABASE_URL %q is not a URL: %w", redact(server), err)
	}
	u.Path = "/" + name
	u.RawPath = ""
	return u.String(), nil
}

// ServerURL returns the database tests connect to in order to create their
// own: TEST_DATABASE_URL, or DefaultURL when it is unset.
func ServerURL() string {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u
	}
	return DefaultURL
}

// drop removes a test database. WITH (FORCE) ends sessions a test left open,
// such as a binary still shutting down. Two minutes: on a two-CPU machine
// running the whole suite beside other work a drop took over 30 s and was
// cancelled, failing a test that had passed. A nil t (the pool dropping
// its databases after the tests) ignores a failure: the next run drops
// what is left as stale.
func drop(t testing.TB, server, name string) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	admin, err := sql.Open("postgres", server)
	if err == nil {
		defer admin.Close()
		_, err = admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(name)+` WITH (FORCE)`)
	}
	if err != nil && t != nil {
		t.Errorf("dbtest: drop database %s: %v", name, err)
	}
}

// redact returns the URL without its password, fit for a test log.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "the configured database URL"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	return u.String()
}

func randomHex(n int) string { return commands.RandomHex(n) }
