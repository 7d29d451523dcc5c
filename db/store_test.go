package db_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

func TestMigrateFreshAndRerun(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	// An empty database, migrated here: dbtest.New copies a template.
	s, err := db.Open(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("first Migrate: %v", err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	var version int64
	if err := s.DB().GetContext(ctx, &version, `SELECT max(version_id) FROM goose_db_version`); err != nil {
		t.Fatalf("reading goose version: %v", err)
	}
	if version < 5 {
		t.Errorf("schema version = %d, want at least 5", version)
	}
	var seeded int
	if err := s.DB().GetContext(ctx, &seeded, `SELECT count(*) FROM programs`); err != nil {
		t.Fatalf("counting programs: %v", err)
	}
	if seeded != 9 {
		t.Errorf("after re-running migrations there are %d programs, want the 9 seeded once", seeded)
	}
}

func TestMigrateConcurrently(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := dbtest.URL(t)
	const replicas = 2
	var wg sync.WaitGroup
	errs := make([]error, replicas)
	for i := range replicas {
		wg.Go(func() {
			s, err := db.Open(ctx, url)
			if err != nil {
				errs[i] = err
				return
			}
			defer s.Close()
			errs[i] = s.Migrate(ctx)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("replica %d: %v", i, err)
		}
	}
	s, err := db.Open(ctx, url)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	ps, err := s.Programs(ctx)
	if err != nil {
		t.Fatalf("Programs: %v", err)
	}
	if len(ps) != 9 {
		t.Errorf("after two concurrent migrations there are %d programs, want 9", len(ps))
	}
}

func TestOpenCreatesMissingDatabase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := dbtest.URL(t)
	// Drop it so Open has to create it, as on a first deployment.
	if err := db.RecreateDatabase(ctx, url); err != nil {
		t.Fatalf("RecreateDatabase: %v", err)
	}
	s, err := db.Open(ctx, url)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

func TestRecreateDatabaseEmptiesIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := dbtest.URL(t)
	s, err := db.Open(ctx, url)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	youth := programByCode(t, s, "youth")
	mustAdd(t, s, delta(youth.ID, 5, day(2026, 4, 30)))

	// The open pool is one of the sessions WITH (FORCE) must end.
	if err := db.RecreateDatabase(ctx, url); err != nil {
		t.Fatalf("RecreateDatabase: %v", err)
	}
	s.Close()
	s, err = db.Open(ctx, url)
	if err != nil {
		t.Fatalf("Open after recreate: %v", err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("Migrate after recreate: %v", err)
	}
	got, err := s.ListEntries(ctx, commands.EntryFilter{})
	if err != nil {
		t.Fatalf("ListEntries: %v", err)
	}
	if len(got) != 0 {
		t.Errorf("recreated database has %d entries, want 0", len(got))
	}
}

func TestRecreateDatabaseRefusesMaintenanceDatabase(t *testing.T) {
	t.Parallel()
	err := db.RecreateDatabase(context.Background(), dbtest.DefaultURL)
	if err == nil {
		t.Fatal("RecreateDatabase of the postgres database succeeded, want a refusal")
	}
}

func TestOpenUnreachableIsUnavailable(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// Nothing listens on port 1.
	_, err := db.Open(ctx, "postgres://postgres@127.0.0.1:1/jobsbot?sslmode=disable")
	if !errors.Is(err, commands.ErrUnavailable) {
		t.Fatalf("Open on a closed port: err = %v, want ErrUnavailable", err)
	}
}

func TestStoreRecoversAfterSessionsAreTerminated(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	if _, err := s.Programs(ctx); err != nil { // leaves an idle connection in the pool
		t.Fatalf("Programs: %v", err)
	}
	// As after a server restart or failover: every session of the database
	// is ended behind the pool's back.
	admin, err := db.Open(ctx, dbtest.ServerURL())
	if err != nil {
		t.Fatalf("Open admin: %v", err)
	}
	defer admin.Close()
	var name string
	if err := s.DB().GetContext(ctx, &name, `SELECT current_database()`); err != nil {
		t.Fatalf("current_database: %v", err)
	}
	if _, err := admin.DB().ExecContext(ctx,
		`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, name); err != nil {
		t.Fatalf("terminating sessions: %v", err)
	}
	// A pooled connection the server ended fails once, as ErrUnavailable
	// (or is retried by database/sql when the driver saw the FATAL message);
	// the pool then dials afresh.
	for attempt := 1; ; attempt++ {
		_, err := s.Programs(ctx)
		if err == nil {
			break
		}
		if !errors.Is(err, commands.ErrUnavailable) {
			t.Fatalf("Programs after the sessions were ended: %v, want ErrUnavailable", err)
		}
		if attempt > 20 {
			t.Fatalf("Programs still failing after %d attempts: %v", attempt, err)
		}
	}
}
