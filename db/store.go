// Package db is jobsbot's PostgreSQL storage: Store implements commands.Store
// with sqlx and lib/pq, one file per entity, migrations embedded as numbered
// goose SQL files. Driver errors are translated once, in wrap, into the
// domain errors of package commands, so users always get a sentence.
package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	"github.com/lib/pq/pqerror"

	"jobsbot/commands"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is the PostgreSQL implementation of commands.Store. It is safe for
// concurrent use; every method that writes runs in one transaction.
type Store struct {
	db *sqlx.DB

	// insert is insertEntriesQuery prepared once, so the hot path of /jobs
	// add skips parsing and planning.
	insertMu sync.Mutex
	insert   *sqlx.Stmt

	// lanes group concurrent delta adds into batches (batch.go).
	lanes *addLanes

	// programs and departments cache those lists for cacheTTL: every add and
	// status reads them, and they change a few times a year.
	programs    cache[[]commands.Program]
	departments cache[[]commands.Department]
	// languages caches each user's chosen reply language (languages.go).
	languages languageCache

	// languageReads counts the queries that read user_settings and the rows
	// they returned (LanguageReads).
	languageQueries, languageRows atomic.Int64

	// conflicts counts transactions that failed with a deadlock or a
	// serialization failure and were retried (ConflictRetries).
	conflicts atomic.Int64
}

var _ commands.Store = (*Store)(nil)

// Pool limits. A Slack bot needs few connections; capping them keeps several
// replicas under the server's max_connections, and recycling them lets a
// failed-over server or a changed DNS name take effect.
const (
	maxOpenConns    = 16
	maxIdleConns    = maxOpenConns // fewer would close and reopen connections under load
	connMaxLifetime = 30 * time.Minute
	connMaxIdleTime = 5 * time.Minute
	// connectTimeout bounds the first connection when ctx has no deadline, so
	// an unreachable host fails fast instead of waiting for the TCP timeout.
	connectTimeout = 10 * time.Second
	// maintenanceDB is the database every PostgreSQL server has, used to
	// create and drop the application's own.
	maintenanceDB = "postgres"
)

// Open connects to the database at databaseURL (a postgres:// URL), creating
// the database first if it does not exist, and checks that it answers.
func Open(ctx context.Context, databaseURL string) (*Store, error) {
	return open(ctx, databaseURL, true)
}

// OpenExisting is Open for a database that must exist already: a missing
// one is an error saying how to create it, and nothing is created.
func OpenExisting(ctx context.Context, databaseURL string) (*Store, error) {
	return open(ctx, databaseURL, false)
}

func open(ctx context.Context, databaseURL string, create bool) (*Store, error) {
	conn, err := connect(ctx, databaseURL)
	if pq.As(err, pqerror.InvalidCatalogName) != nil && !create {
		name, _, _ := splitURL(databaseURL)
		return nil, fmt.Errorf("db: open: the database %q does not exist; create it (createdb %s) or set DATABASE_URL: %w", name, name, err)
	}
	if pq.As(err, pqerror.InvalidCatalogName) != nil {
		if err := createDatabase(ctx, databaseURL); err != nil {
			return nil, wrap("create database", err)
		}
		conn, err = connect(ctx, databaseURL)
	}
	if err != nil {
		return nil, wrap("open", err)
	}
	return &Store{db: conn, lanes: newAddLanes()}, nil
}

// connect opens a pool with sane limits and pings it.
func connect(ctx context.Context, databaseURL string) (*sqlx.DB, error) {
	conn, err := sqlx.Open("postgres", withConnectTimeout(databaseURL))
	if err != nil {
		return nil, err
	}
	conn.SetMaxOpenConns(maxOpenConns)
	conn.SetMaxIdleConns(maxIdleConns)
	conn.SetConnMaxLifetime(connMaxLifetime)
	conn.SetConnMaxIdleTime(connMaxIdleTime)
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, connectTimeout)
		defer cancel()
	}
	if err := conn.PingContext(ctx); err != nil {
		_ = conn.Close()
		return nil, err
	}
	return conn, nil
}

// dialTimeout bounds every new connection unless the URL sets its own
// connect_timeout: when the server vanishes from the network, a command must
// fail within Slack's 3 seconds with a clear message instead of hanging on
// the TCP handshake.
const dialTimeout = "2"

// withConnectTimeout adds connect_timeout to a postgres:// URL that has none.
func withConnectTimeout(databaseURL string) string {
	u, err := url.Parse(databaseURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return databaseURL // key=value DSNs and bad URLs pass through; Open reports the latter
	}
	q := u.Query()
	if q.Get("connect_timeout") != "" {
		return databaseURL
	}
	q.Set("connect_timeout", dialTimeout)
	u.RawQuery = q.Encode()
	return u.String()
}

// createDatabase creates the database named in databaseURL through the
// server's maintenance database. Another replica creating it at the same time
// is not an error.
func createDatabase(ctx context.Context, databaseURL string) error {
	name, maintenance, err := splitURL(databaseURL)
	if err != nil {
		return err
	}
	admin, err := connect(ctx, maintenance)
	if err != nil {
		return err
	}
	defer admin.Close()
	return createIfMissing(ctx, admin, name)
}

// createIfMissing runs CREATE DATABASE, tolerating a concurrent creator.
func createIfMissing(ctx context.Context, admin *sqlx.DB, name string) error {
	// DDL takes no bind parameters; the name is quoted as an identifier.
	stmt := `CREATE DATABASE ` + pq.QuoteIdentifier(name)
	for attempt := 0; ; attempt++ {
		_, err := admin.ExecContext(ctx, stmt)
		switch {
		case err == nil:
			return nil
		// 42P04 when the other creator has committed; 23505 when both raced
		// on pg_database's unique index.
		case pq.As(err, pqerror.DuplicateDatabase, pqerror.UniqueViolation) != nil:
			return nil
		// 55006: the template database is briefly in use, e.g. by a
		// concurrent CREATE DATABASE on an older server; worth a retry.
		case pq.As(err, pqerror.ObjectInUse) != nil && attempt < 10:
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(200 * time.Millisecond):
			}
		default:
			return err
		}
	}
}

// RecreateDatabase drops the database named in databaseURL, disconnecting its
// sessions, and creates it empty. The console uses it for a fresh demo.
func RecreateDatabase(ctx context.Context, databaseURL string) error {
	name, maintenance, err := splitURL(databaseURL)
	if err != nil {
		return wrap("recreate database", err)
	}
	if name == maintenanceDB || strings.HasPrefix(name, "template") {
		return fmt.Errorf("db: recreate database: refusing to drop %q", name)
	}
	admin, err := connect(ctx, maintenance)
	if err != nil {
		return wrap("recreate database", err)
	}
	defer admin.Close()
	// WITH (FORCE) ends other sessions (a running bot, a psql) instead of
	// failing because the database is in use.
	if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(name)+` WITH (FORCE)`); err != nil {
		return wrap("recreate database: drop", err)
	}
	if err := createIfMissing(ctx, admin, name); err != nil {
		return wrap("recreate database: create", err)
	}
	return nil
}

// splitURL returns the database name of a postgres:// URL and the URL of the
// maintenance database on the same server with the same credentials.
func splitURL(databaseURL string) (name, maintenance string, err error) {
	u, err := url.Parse(databaseURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return "", "", errors.New("database URL must look like postgres://user@host:5432/name")
	}
	name = strings.TrimPrefix(u.Path, "/")
	if name == "" {
		return "", "", errors.New("database URL names no database")
	}
	u.Path = "/" + maintenanceDB
	u.RawPath = ""
	return name, u.String(), nil
}

// Ping checks that the database answers; ErrUnavailable if it does not.
func (s *Store) Ping(ctx context.Context) error {
	return wrap("ping", s.db.PingContext(ctx))
}

// Close refuses new adds, waits for the batches of adds already queued to be
// written and answered, and closes the connection pool.
func (s *Store) Close() error {
	s.lanes.close()
	s.insertMu.Lock()
	if s.insert != nil {
		_ = s.insert.Close()
	}
	s.insertMu.Unlock()
	return s.db.Close()
}

// DB returns the connection pool, for tests that check the ledger with plain
// SQL and for the benchmark fill (dbtest.FillSynthetic), which load or read
// data directly. Production code goes through the Store's methods.
func (s *Store) DB() *sqlx.DB {
	return s.db
}

// inTx runs fn in a transaction and commits it, rolling back if fn fails, so a
// method never leaves a partial write behind. The outcome of the command
// delivery ctx carries, if any, is recorded in the same transaction
// (recordDelivery), and so is the line ctx carries as its user's last line
// (markLine), which 취소 reads. When ctx ends first, inTx returns at once: with
// commands.ErrMaybeSaved if COMMIT was sent, else with an error after which
// the transaction never commits (deadline.go). A transaction that fails with a
// deadlock or a serialization failure is run again from the start (see
// retryConflicts); fn must therefore set its results afresh on every run.
func (s *Store) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	var gate commitGate // ctx's deadline bounds the wait for all of it (deadline.go)
	return gate.await(ctx, func() error {
		return s.retryConflicts(ctx, func() error {
			tx, err := s.db.BeginTxx(ctx, nil)
			if err != nil {
				return err
			}
			if err := fn(tx); err != nil {
				_ = tx.Rollback()
				return err
			}
			if err := markLine(ctx, tx); err != nil {
				_ = tx.Rollback()
				return err
			}
			if err := recordDelivery(ctx, tx); err != nil {
				_ = tx.Rollback()
				return err
			}
			if err := gate.commit(tx); err != nil {
				return err
			}
			if d := commands.DeliveryFrom(ctx); d != nil {
				d.MarkRecorded()
			}
			return nil
		})
	})
}

// Retries of a transaction that lost a deadlock or a serialization check.
// The lock order (totals.go) leaves no deadlock among jobsbot's own writes;
// this covers what it cannot see, such as an operator's session holding rows.
const (
	conflictAttempts = 4
	conflictBackoff  = 20 * time.Millisecond
)

// retryConflicts runs fn until it succeeds, fails otherwise, or has failed
// conflictAttempts times with 40P01 or 40001, waiting a jittered, growing
// pause in between so the contenders do not collide again in step.
func (s *Store) retryConflicts(ctx context.Context, fn func() error) error {
	for attempt := 1; ; attempt++ {
		err := fn()
		if err == nil || !conflict(err) {
			return err
		}
		s.conflicts.Add(1)
		if attempt == conflictAttempts {
			return err
		}
		pause := conflictBackoff << (attempt - 1)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause/2 + mrand.N(pause)):
		}
	}
}

// ConflictRetries returns how many transactions failed with a deadlock or a
// serialization failure since the store was opened: zero when the lock order
// holds, which the concurrency tests check.
func (s *Store) ConflictRetries() int64 {
	return s.conflicts.Load()
}

// conflict reports whether err is a deadlock or serialization failure, which
// PostgreSQL resolves by aborting one transaction that may simply run again.
func conflict(err error) bool {
	return pq.As(err, pqerror.TRDeadlockDetected, pqerror.TRSerializationFailure) != nil
}

// wrap names the failed operation and translates driver errors into the
// domain errors of package commands, keeping the driver error in the chain.
func wrap(what string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("db: %s: %w", what, commands.ErrNotFound)
	case exclusionError(err) != nil:
		return fmt.Errorf("db: %s: %w: %w", what, exclusionError(err), err)
	case pq.As(err, pqerror.UniqueViolation) != nil:
		return fmt.Errorf("db: %s: %w: %w", what, commands.ErrConflict, err)
	case pq.As(err, pqerror.ForeignKeyViolation) != nil:
		// Only a missing program can break a foreign key: nothing is deleted.
		return fmt.Errorf("db: %s: %w: %w", what, commands.ErrNotFound, err)
	case unavailable(err):
		return fmt.Errorf("db: %s: %w: %w", what, commands.ErrUnavailable, err)
	}
	return fmt.Errorf("db: %s: %w", what, err)
}

// unavailable reports whether err means the server could not be reached or
// went away, as opposed to refusing a statement.
func unavailable(err error) bool {
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	// A deadline that passes usually means the server or the network stalled
	// (while dialling, or waiting on a dead connection).
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	if _, ok := errors.AsType[net.Error](err); ok {
		return true
	}
	if e := pq.As(err); e != nil {
		switch e.Code {
		case pqerror.AdminShutdown, pqerror.CrashShutdown, pqerror.CannotConnectNow, pqerror.TooManyConnections:
			return true
		}
		return e.Code.Class() == pqerror.ClassConnectionException
	}
	return false
}

// newKey returns a random idempotency key for a caller that gave none, so
// such writes are never mistaken for repeats of each other.
func newKey() string { return "auto:" + commands.RandomHex(16) }

// dateArg renders a calendar date for a date parameter. It takes the date in
// the time's own location, so midnight UTC and midnight in Seoul both name the
// day meant, and avoids the server converting a timestamp in its time zone.
func dateArg(t time.Time) string {
	return t.Format(time.DateOnly)
}

// dateOf turns a scanned date into midnight UTC, the form commands uses; lib/pq
// returns dates in a fixed +0000 zone that is not time.UTC.
func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
