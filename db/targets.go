package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// Targets returns the current targets of a year; Total is 0 and Programs
// empty (never nil) when none are set.
func (s *Store) Targets(ctx context.Context, year int) (commands.Targets, error) {
	var rows []struct {
		ProgramID sql.NullInt64 `db:"program_id"`
		Jobs      int64         `db:"jobs"`
	}
	const q = `SELECT program_id, jobs FROM targets WHERE year = $1`
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, year); err != nil {
		return commands.Targets{}, wrap(fmt.Sprintf("targets of %d", year), err)
	}
	out := commands.Targets{Year: year, Programs: map[int64]int64{}}
	for _, r := range rows {
		if r.ProgramID.Valid {
			out.Programs[r.ProgramID.Int64] = r.Jobs
		} else {
			out.Total = r.Jobs
		}
	}
	return out, nil
}

// SetTarget sets or revises a year's target (programID 0 for the total) and
// records the revision, old value included, in target_revisions; the same
// figure again changes nothing (Old == New). ErrNotFound if the program does
// not exist. at is when the revision is made (the service's clock, so a
// replayed session records its own dates).
func (s *Store) SetTarget(ctx context.Context, year int, programID, jobs int64, by string, at time.Time) (commands.TargetChange, error) {
	return s.reviseTarget(ctx, year, programID, jobs, by, "", at, false)
}

// ReviseTarget is SetTarget with the reason of the change (사유: 추경 반영),
// kept in target_revisions.reason (migration 00030).
// A revision of an existing target without a reason fails with
// *commands.TargetReasonError, decided inside the transaction, so two
// managers revising at once cannot slip a reasonless revision past the
// command's earlier check.
func (s *Store) ReviseTarget(ctx context.Context, year int, programID, jobs int64, by, reason string, at time.Time) (commands.TargetChange, error) {
	return s.reviseTarget(ctx, year, programID, jobs, by, reason, at, true)
}

// reviseTarget is SetTarget and ReviseTarget; needReason refuses a
// revision without a reason.
func (s *Store) reviseTarget(ctx context.Context, year int, programID, jobs int64, by, reason string, at time.Time, needReason bool) (commands.TargetChange, error) {
	change := commands.TargetChange{Year: year, ProgramID: programID, New: jobs, By: by, Reason: reason}
	program := sql.NullInt64{Int64: programID, Valid: programID != 0}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		old, err := setTarget(ctx, tx, year, program, jobs, by, at)
		if err != nil {
			return err
		}
		change.Old = old.Int64
		if old.Valid && old.Int64 == jobs {
			return nil // the same figure again is no revision: the history stays as it was
		}
		if needReason && old.Valid && reason == "" {
			return &commands.TargetReasonError{Old: old.Int64}
		}
		const q = `
			INSERT INTO target_revisions (year, program_id, old_jobs, new_jobs, changed_by, changed_at, reason)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			RETURNING changed_at`
		var stamped time.Time
		if err := sqlx.GetContext(ctx, tx, &stamped, q, year, program, old, jobs, by, at, reason); err != nil {
			return err
		}
		change.At = stamped.UTC()
		return nil
	})
	if err != nil {
		return commands.TargetChange{}, wrap(fmt.Sprintf("set target %d/%d", year, programID), err)
	}
	return change, nil
}

// setTarget writes the current target and returns the one it replaced, if
// any. It tries the insert first: when a concurrent writer is creating the
// same target, ON CONFLICT waits for its commit, and the row lock taken next
// then orders the two revisions, so neither loses the other's old value.
func setTarget(ctx context.Context, db sqlx.ExtContext, year int, program sql.NullInt64, jobs int64, by string, at time.Time) (sql.NullInt64, error) {
	const insert = `
		INSERT INTO targets (year, program_id, jobs, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (year, (COALESCE(program_id, 0))) DO NOTHING
		RETURNING id`
	var id int64
	err := sqlx.GetContext(ctx, db, &id, insert, year, program, jobs, by, at)
	if err == nil {
		return sql.NullInt64{}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return sql.NullInt64{}, err
	}
	const current = `
		SELECT id, jobs FROM targets
		WHERE year = $1 AND COALESCE(program_id, 0) = $2
		FOR UPDATE`
	var row struct {
		ID   int64 `db:"id"`
		Jobs int64 `db:"jobs"`
	}
	if err := sqlx.GetContext(ctx, db, &row, current, year, program.Int64); err != nil {
		return sql.NullInt64{}, err
	}
	if row.Jobs == jobs {
		return sql.NullInt64{Int64: row.Jobs, Valid: true}, nil
	}
	const update = `UPDATE targets SET jobs = $2, set_by = $3, set_at = $4 WHERE id = $1`
	if _, err := db.ExecContext(ctx, update, row.ID, jobs, by, at); err != nil {
		return sql.NullInt64{}, err
	}
	return sql.NullInt64{Int64: row.Jobs, Valid: true}, nil
}

// TargetHistory returns every revision of a year's target (programID 0 for
// the total), oldest first, so a reply can show 당초 → 변경.
func (s *Store) TargetHistory(ctx context.Context, year int, programID int64) ([]commands.TargetChange, error) {
	const q = `
		SELECT COALESCE(old_jobs, 0) AS old_jobs, new_jobs, changed_by, changed_at
		FROM target_revisions
		WHERE year = $1 AND COALESCE(program_id, 0) = $2
		ORDER BY id`
	var rows []struct {
		Old int64     `db:"old_jobs"`
		New int64     `db:"new_jobs"`
		By  string    `db:"changed_by"`
		At  time.Time `db:"changed_at"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, year, programID); err != nil {
		return nil, wrap(fmt.Sprintf("target history %d/%d", year, programID), err)
	}
	out := make([]commands.TargetChange, len(rows))
	for i, r := range rows {
		out[i] = commands.TargetChange{Year: year, ProgramID: programID, Old: r.Old, New: r.New, By: r.By, At: r.At.UTC()}
	}
	return out, nil
}
