package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// SchemaNewerError is the refusal to run on a schema that a newer release
// migrated: an older binary does not know the newer tables (a monthly total it
// does not update reads low), so it must not serve beside them.
type SchemaNewerError struct {
	Database int64 // the highest version in goose's table
	Known    int64 // the highest migration embedded in this binary
}

func (e *SchemaNewerError) Error() string {
	return fmt.Sprintf("the database schema is at version %d, newer than this binary knows (%d): "+
		"run the release that migrated it, or roll the schema back with that release's "+
		"`jobsbot migrate --down-to %d` (deploy/README.md, Rolling back)", e.Database, e.Known, e.Known)
}

// provider returns goose's migration runner over the embedded files.
func (s *Store) provider() (*goose.Provider, error) {
	fsys, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	// Probe the lock every second for up to ten minutes, rather than goose's
	// default of every five seconds, so a waiting replica starts promptly.
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 600))
	if err != nil {
		return nil, err
	}
	return goose.NewProvider(goose.DialectPostgres, s.db.DB, fsys,
		goose.WithSessionLocker(locker),
		// Go migrations registered globally by other packages are not ours.
		goose.WithDisableGlobalRegistry(true),
	)
}

// SchemaVersions is every migration version embedded in this binary, in
// ascending order (numbers other branches reserved may be missing).
func SchemaVersions() []int64 {
	names, _ := fs.Glob(migrationFiles, "migrations/*.sql") // the pattern is valid
	versions := make([]int64, 0, len(names))
	for _, name := range names {
		if v, err := goose.NumericComponent(name); err == nil {
			versions = append(versions, v)
		}
	}
	slices.Sort(versions)
	return versions
}

// SchemaDigest is a hex SHA-256 of every embedded migration file, names and
// contents: tests name the migrated template database they copy by it
// (dbtest), so a changed or added migration builds a new template.
func SchemaDigest() string {
	h := sha256.New()
	names, _ := fs.Glob(migrationFiles, "migrations/*.sql") // the pattern is valid; sorted
	for _, name := range names {
		body, _ := fs.ReadFile(migrationFiles, name) // embedded: cannot fail
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(body))
		h.Write(body)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// LatestSchema is the highest migration version embedded in this binary.
func LatestSchema() int64 {
	versions := SchemaVersions()
	if len(versions) == 0 {
		return 0
	}
	return versions[len(versions)-1]
}

// SchemaVersion returns the highest migration version recorded in the
// database, 0 for a database jobsbot never migrated. It takes no lock.
func (s *Store) SchemaVersion(ctx context.Context) (int64, error) {
	var exists bool
	if err := s.db.GetContext(ctx, &exists, `SELECT to_regclass('goose_db_version') IS NOT NULL`); err != nil {
		return 0, wrap("schema version", err)
	}
	if !exists {
		return 0, nil
	}
	var v int64
	err := s.db.GetContext(ctx, &v, `SELECT coalesce(max(version_id), 0) FROM goose_db_version WHERE is_applied`)
	return v, wrap("schema version", err)
}

// checkSchema refuses a schema newer than this binary (SchemaNewerError).
func (s *Store) checkSchema(ctx context.Context) error {
	current, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if latest := LatestSchema(); current > latest {
		return &SchemaNewerError{Database: current, Known: latest}
	}
	return nil
}

// Migrate brings the schema up to date. A PostgreSQL session advisory lock
// makes replicas that start together take turns: one migrates, the others wait
// for it and then find nothing left to do. It refuses a schema newer than
// this binary knows (SchemaNewerError) and changes nothing then.
func (s *Store) Migrate(ctx context.Context) error {
	if err := s.checkSchema(ctx); err != nil {
		return fmt.Errorf("db: migrate: %w", err)
	}
	provider, err := s.provider()
	if err != nil {
		return fmt.Errorf("db: migrate: %w", err)
	}
	if _, err := provider.Up(ctx); err != nil {
		return wrap("migrate", err)
	}
	return nil
}

// MigrateDownTo rolls the schema back to version (>= 1), running each newer
// migration's Down section, newest applied first, under the same lock as
// Migrate. The ledger (entries, targets, candidates) survives; what later
// versions derive from it is dropped and rebuilt when they run again.
//
// The whole path runs in one transaction, with goose's bookkeeping (the
// version rows deleted) in it: goose's DownTo runs each migration in its own
// transaction, so a Down that refuses (an audit table that holds rows,
// 00051's correction_undos) left the schema half way, the newer ones already
// reverted (review r44 M2). Now a refusal leaves the schema as it was.
func (s *Store) MigrateDownTo(ctx context.Context, version int64) error {
	if version < 1 {
		return errors.New("db: migrate down: the lowest version to keep is 1")
	}
	if err := s.checkSchema(ctx); err != nil {
		return fmt.Errorf("db: migrate down: %w", err)
	}
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 600))
	if err != nil {
		return fmt.Errorf("db: migrate down: %w", err)
	}
	conn, err := s.db.DB.Conn(ctx)
	if err != nil {
		return wrap("migrate down", err)
	}
	defer conn.Close()
	if err := locker.SessionLock(ctx, conn); err != nil {
		return wrap("migrate down: lock", err)
	}
	err = downInOneTransaction(ctx, conn, version)
	if unlockErr := locker.SessionUnlock(context.WithoutCancel(ctx), conn); unlockErr != nil && err == nil {
		err = fmt.Errorf("unlock: %w", unlockErr)
	}
	return wrap("migrate down", err)
}

// downInOneTransaction reverts every applied version above target, in the
// order goose would (the latest applied first), in one transaction on conn.
// A Down section is sent whole: PostgreSQL's simple query protocol runs its
// statements in turn, and goose's annotations are SQL comments. A migration
// marked NO TRANSACTION is refused (none of ours is).
func downInOneTransaction(ctx context.Context, conn *sql.Conn, target int64) (err error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback() // the error that stopped it is the one to report
		}
	}()
	rows, err := tx.QueryContext(ctx, `SELECT version_id FROM goose_db_version WHERE version_id > $1 AND is_applied ORDER BY id DESC`, target)
	if err != nil {
		return err
	}
	var versions []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return err
		}
		versions = append(versions, v)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, v := range versions {
		down, err := downSection(v)
		if err != nil {
			return err
		}
		if strings.TrimSpace(down) != "" {
			if _, err := tx.ExecContext(ctx, down); err != nil {
				return fmt.Errorf("version %d: %w", v, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM goose_db_version WHERE version_id = $1`, v); err != nil {
			return fmt.Errorf("version %d: %w", v, err)
		}
	}
	return tx.Commit()
}

// downSection is the text of version's embedded migration after its
// "-- +goose Down" line.
func downSection(version int64) (string, error) {
	names, _ := fs.Glob(migrationFiles, "migrations/*.sql") // the pattern is valid
	for _, name := range names {
		if v, err := goose.NumericComponent(name); err != nil || v != version {
			continue
		}
		body, err := fs.ReadFile(migrationFiles, name)
		if err != nil {
			return "", err
		}
		text := string(body)
		if strings.Contains(text, "+goose NO TRANSACTION") {
			return "", fmt.Errorf("%s runs outside a transaction: roll it back with goose", name)
		}
		for i, line := range strings.SplitAfter(text, "\n") {
			if strings.TrimSpace(line) == "-- +goose Down" {
				return strings.Join(strings.SplitAfter(text, "\n")[i+1:], ""), nil
			}
		}
		return "", fmt.Errorf("%s has no Down section", name)
	}
	return "", fmt.Errorf("version %d is applied but this binary embeds no migration for it", version)
}
