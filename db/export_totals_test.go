package db

import (
	"context"
	"io/fs"

	"github.com/pressly/goose/v3"
)

// TotalsMigrateDownTo rolls the schema back to version, so a test can check
// that migration 00022's Down restores the previous totals mechanism.
func TotalsMigrateDownTo(ctx context.Context, s *Store, version int64) error {
	fsys, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	provider, err := goose.NewProvider(goose.DialectPostgres, s.db.DB, fsys, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return err
	}
	_, err = provider.DownTo(ctx, version)
	return err
}

// MaxQueuedAdds is how many adds one lane holds before more wait for room.
const MaxQueuedAdds = maxQueued
