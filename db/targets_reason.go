package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// ReviseTarget is SetTarget with the reason of the change (사유: 추경 반영),
// kept in target_revisions.reason (migration 00030).
func (s *Store) ReviseTarget(ctx context.Context, year int, programID, jobs int64, by, reason string) (commands.TargetChange, error) {
	change := commands.TargetChange{Year: year, ProgramID: programID, New: jobs, By: by, Reason: reason}
	program := sql.NullInt64{Int64: programID, Valid: programID != 0}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		old, err := setTarget(ctx, tx, year, program, jobs, by)
		if err != nil {
			return err
		}
		change.Old = old.Int64
		if old.Valid && old.Int64 == jobs {
			return nil // the same figure again is no revision
		}
		const q = `
			INSERT INTO target_revisions (year, program_id, old_jobs, new_jobs, changed_by, reason)
			VALUES ($1, $2, $3, $4, $5, $6)
			RETURNING changed_at`
		var at time.Time
		if err := sqlx.GetContext(ctx, tx, &at, q, year, program, old, jobs, by, reason); err != nil {
			return err
		}
		change.At = at.UTC()
		return nil
	})
	if err != nil {
		return commands.TargetChange{}, wrap(fmt.Sprintf("revise target %d/%d", year, programID), err)
	}
	return change, nil
}
