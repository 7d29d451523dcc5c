package db

import (
	"context"
	"io/fs"

	"github.com/pressly/goose/v3"
)

// MigrateTo brings the schema up to version only, so a test can load data
// the way an older release stored it and then run the later migrations.
func (s *Store) MigrateTo(ctx context.Context, version int64) error {
	fsys, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	provider, err := goose.NewProvider(goose.DialectPostgres, s.db.DB, fsys, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return err
	}
	_, err = provider.UpTo(ctx, version)
	return err
}
