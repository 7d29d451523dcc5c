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

// candidateRow is a candidates row as scanned.
type candidateRow struct {
	ID             int64     `db:"id"`
	Name           string    `db:"name"`
	Kind           string    `db:"kind"`
	Representative string    `db:"representative"`
	Department     string    `db:"department"`
	Mission        string    `db:"mission"`
	Note           string    `db:"note"`
	Stage          string    `db:"stage"`
	CreatedBy      string    `db:"created_by"`
	CreatedAt      time.Time `db:"created_at"`
	UpdatedAt      time.Time `db:"updated_at"`
}

func (r candidateRow) candidate() commands.Candidate {
	return commands.Candidate{
		ID:             r.ID,
		Name:           r.Name,
		Kind:           commands.CandidateKind(r.Kind),
		Representative: r.Representative,
		Department:     r.Department,
		Mission:        commands.Mission(r.Mission),
		Note:           r.Note,
		Stage:          commands.Stage(r.Stage),
		CreatedBy:      r.CreatedBy,
		CreatedAt:      r.CreatedAt.UTC(),
		UpdatedAt:      r.UpdatedAt.UTC(),
	}
}

const candidateColumns = `id, name, kind, representative, department, mission, note, stage, created_by, created_at, updated_at`

// moveRow is a candidate_moves row joined with the candidate's name.
type moveRow struct {
	CandidateID   int64          `db:"candidate_id"`
	CandidateName string         `db:"candidate_name"`
	From          sql.NullString `db:"from_stage"`
	To            string         `db:"to_stage"`
	By            string         `db:"moved_by"`
	At            time.Time      `db:"moved_at"`
	Note          string         `db:"note"`
}

func (r moveRow) move() commands.StageMove {
	return commands.StageMove{
		CandidateID:   r.CandidateID,
		CandidateName: r.CandidateName,
		From:          commands.Stage(r.From.String),
		To:            commands.Stage(r.To),
		By:            r.By,
		At:            r.At.UTC(),
		Note:          r.Note,
	}
}

const moveSelect = `
	SELECT m.candidate_id, c.name AS candidate_name, m.from_stage, m.to_stage, m.moved_by,
	       m.moved_at, m.note
	FROM candidate_moves m
	JOIN candidates c ON c.id = m.candidate_id`

// AddCandidate stores a candidate at StageDiscovered together with the
// history row of its creation. A repeated idempotency key writes nothing and
// returns the first candidate; an empty key gets a random one.
func (s *Store) AddCandidate(ctx context.Context, c commands.NewCandidate) (commands.Candidate, error) {
	if c.IdempotencyKey == "" {
		c.IdempotencyKey = newKey()
	}
	var out commands.Candidate
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		const q = `
			INSERT INTO candidates (name, kind, representative, department, mission, note, stage,
			                        created_by, idempotency_key, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10, now()), COALESCE($10, now()))
			ON CONFLICT (idempotency_key) DO NOTHING
			RETURNING ` + candidateColumns
		var r candidateRow
		err := sqlx.GetContext(ctx, tx, &r, q, c.Name, string(c.Kind), c.Representative, c.Department,
			string(c.Mission), c.Note, string(commands.StageDiscovered), c.CreatedBy, c.IdempotencyKey, nullTime(c.CreatedAt))
		if errors.Is(err, sql.ErrNoRows) {
			// Seen before: the first request already wrote the history row.
			const first = `SELECT ` + candidateColumns + ` FROM candidates WHERE idempotency_key = $1`
			if err := sqlx.GetContext(ctx, tx, &r, first, c.IdempotencyKey); err != nil {
				return err
			}
			out = r.candidate()
			return nil
		}
		if err != nil {
			return err
		}
		if err := addMove(ctx, tx, r.ID, "", commands.StageDiscovered, c.CreatedBy, c.Note, c.CreatedAt); err != nil {
			return err
		}
		out = r.candidate()
		return nil
	})
	if err != nil {
		return commands.Candidate{}, wrap(fmt.Sprintf("add candidate %q", c.Name), err)
	}
	return out, nil
}

// Candidates lists candidates newest first; stage "" means every stage.
func (s *Store) Candidates(ctx context.Context, stage commands.Stage) ([]commands.Candidate, error) {
	var (
		rows []candidateRow
		err  error
	)
	if stage == "" {
		q := `SELECT ` + candidateColumns + ` FROM candidates ORDER BY id DESC`
		err = sqlx.SelectContext(ctx, s.db, &rows, q)
	} else {
		q := `SELECT ` + candidateColumns + ` FROM candidates WHERE stage = $1 ORDER BY id DESC`
		err = sqlx.SelectContext(ctx, s.db, &rows, q, string(stage))
	}
	if err != nil {
		return nil, wrap("candidates", err)
	}
	out := make([]commands.Candidate, len(rows))
	for i, r := range rows {
		out[i] = r.candidate()
	}
	return out, nil
}

// Candidate returns one candidate with its history, oldest move first;
// ErrNotFound if there is none.
func (s *Store) Candidate(ctx context.Context, id int64) (commands.Candidate, []commands.StageMove, error) {
	var r candidateRow
	q := `SELECT ` + candidateColumns + ` FROM candidates WHERE id = $1`
	if err := sqlx.GetContext(ctx, s.db, &r, q, id); err != nil {
		return commands.Candidate{}, nil, wrap(fmt.Sprintf("candidate %d", id), err)
	}
	var moves []moveRow
	if err := sqlx.SelectContext(ctx, s.db, &moves, moveSelect+` WHERE m.candidate_id = $1 ORDER BY m.id`, id); err != nil {
		return commands.Candidate{}, nil, wrap(fmt.Sprintf("candidate %d history", id), err)
	}
	return r.candidate(), stageMoves(moves), nil
}

// MoveCandidate moves a candidate that is still at stage from to stage to and
// records the move. ErrConflict if it has moved meanwhile (someone else acted
// on the same stale view), ErrNotFound if it does not exist. at is when (the
// service's clock; zero means the database's).
func (s *Store) MoveCandidate(ctx context.Context, id int64, from, to commands.Stage, by, note string, at time.Time) (commands.Candidate, error) {
	var out commands.Candidate
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// Comparing the stage in the WHERE clause is the optimistic check: of
		// two concurrent moves from one stage, the second matches no row.
		q := `
			UPDATE candidates SET stage = $3, updated_at = COALESCE($4, now())
			WHERE id = $1 AND stage = $2
			RETURNING ` + candidateColumns
		var r candidateRow
		err := sqlx.GetContext(ctx, tx, &r, q, id, string(from), string(to), nullTime(at))
		if errors.Is(err, sql.ErrNoRows) {
			var stage string
			if err := sqlx.GetContext(ctx, tx, &stage, `SELECT stage FROM candidates WHERE id = $1`, id); err != nil {
				return err
			}
			return fmt.Errorf("candidate is at %s, not %s: %w", stage, from, commands.ErrConflict)
		}
		if err != nil {
			return err
		}
		if err := addMove(ctx, tx, id, from, to, by, note, at); err != nil {
			return err
		}
		out = r.candidate()
		return nil
	})
	if err != nil {
		return commands.Candidate{}, wrap(fmt.Sprintf("move candidate %d", id), err)
	}
	return out, nil
}

// StageCounts counts candidates per current stage; stages without any are
// absent from the map.
func (s *Store) StageCounts(ctx context.Context) (map[commands.Stage]int, error) {
	var rows []struct {
		Stage string `db:"stage"`
		N     int    `db:"n"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, `SELECT stage, count(*) AS n FROM candidates GROUP BY stage`); err != nil {
		return nil, wrap("stage counts", err)
	}
	out := make(map[commands.Stage]int, len(rows))
	for _, r := range rows {
		out[commands.Stage(r.Stage)] = r.N
	}
	return out, nil
}

// StageMovesBetween returns history rows made within [from, to), oldest
// first, creations included.
func (s *Store) StageMovesBetween(ctx context.Context, from, to time.Time) ([]commands.StageMove, error) {
	var rows []moveRow
	q := moveSelect + ` WHERE m.moved_at >= $1 AND m.moved_at < $2 ORDER BY m.moved_at, m.id`
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, from, to); err != nil {
		return nil, wrap("stage moves between", err)
	}
	return stageMoves(rows), nil
}

// addMove appends one row to a candidate's history; from "" records creation.
func addMove(ctx context.Context, db sqlx.ExtContext, candidateID int64, from, to commands.Stage, by, note string, at time.Time) error {
	const q = `
		INSERT INTO candidate_moves (candidate_id, from_stage, to_stage, moved_by, note, moved_at)
		VALUES ($1, NULLIF($2, ''), $3, $4, $5, COALESCE($6, now()))`
	_, err := db.ExecContext(ctx, q, candidateID, string(from), string(to), by, note, nullTime(at))
	return err
}

// nullTime is t as a query argument, NULL when zero (the database's clock).
func nullTime(t time.Time) sql.NullTime { return sql.NullTime{Time: t, Valid: !t.IsZero()} }

// StageCountsAt counts candidates per stage as their history stood just
// before the instant at: a past week's digest shows the pipeline of that
// week, not today's. Candidates created later are left out.
func (s *Store) StageCountsAt(ctx context.Context, at time.Time) (map[commands.Stage]int, error) {
	const q = `
		SELECT stage, count(*) AS n FROM (
			SELECT DISTINCT ON (candidate_id) to_stage AS stage
			FROM candidate_moves
			WHERE moved_at < $1
			ORDER BY candidate_id, moved_at DESC, id DESC
		) s
		GROUP BY stage`
	var rows []struct {
		Stage string `db:"stage"`
		N     int    `db:"n"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, at); err != nil {
		return nil, wrap("stage counts at", err)
	}
	out := make(map[commands.Stage]int, len(rows))
	for _, r := range rows {
		out[commands.Stage(r.Stage)] = r.N
	}
	return out, nil
}

func stageMoves(rows []moveRow) []commands.StageMove {
	out := make([]commands.StageMove, len(rows))
	for i, r := range rows {
		out[i] = r.move()
	}
	return out
}
