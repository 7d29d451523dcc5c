package db

import (
	"context"
	"io/fs"
	"time"

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

// HoldBatches makes the program's lane look busy, so the adds that arrive
// queue up, until the returned release starts writing them: a test can then
// form one batch of exactly the adds it sent. queued reports how many wait.
func (s *Store) HoldBatches(programID int64) (queued func() int, release func()) {
	lane := &s.lanes.lanes[uint64(programID)%laneCount]
	// An add the test made just before may have been answered while its
	// writer is still finishing: wait for the lane to go idle.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		lane.mu.Lock()
		if !lane.writing {
			break
		}
		lane.mu.Unlock()
		if time.Now().After(deadline) {
			panic("HoldBatches: the lane is still writing after 5 s")
		}
	}
	lane.writing = true
	s.lanes.writers.Add(1) // writeLane's, started by release
	lane.mu.Unlock()
	queued = func() int {
		lane.mu.Lock()
		defer lane.mu.Unlock()
		return len(lane.queue)
	}
	return queued, func() { go s.writeLane(lane) }
}
