package db

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// programRow is a programs row as scanned.
type programRow struct {
	ID             int64          `db:"id"`
	Code           string         `db:"code"`
	Aliases        pq.StringArray `db:"aliases"`
	NameKo         string         `db:"name_ko"`
	NameEn         string         `db:"name_en"`
	Sector         string         `db:"sector"`
	DisclosureType string         `db:"disclosure_type"`
	Department     string         `db:"department"`
	Unit           string         `db:"unit"`
	Active         bool           `db:"active"`
}

func (r programRow) program() commands.Program {
	p := commands.Program{
		ID:             r.ID,
		Code:           r.Code,
		NameKo:         r.NameKo,
		NameEn:         r.NameEn,
		Sector:         commands.Sector(r.Sector),
		DisclosureType: r.DisclosureType,
		Department:     r.Department,
		Unit:           r.Unit,
		Active:         r.Active,
	}
	if len(r.Aliases) > 0 {
		p.Aliases = []string(r.Aliases)
	}
	return p
}

const programColumns = `id, code, aliases, name_ko, name_en, sector, disclosure_type, department, unit, active`

// Programs returns every program, inactive ones included, ordered by code,
// from memory for up to cacheTTL.
func (s *Store) Programs(ctx context.Context) ([]commands.Program, error) {
	return getList(ctx, &s.programs, s.loadPrograms)
}

// forgetPrograms drops the cached programs after a change.
func (s *Store) forgetPrograms() { s.programs.forget() }

// loadPrograms reads every program from the database.
func (s *Store) loadPrograms(ctx context.Context) ([]commands.Program, error) {
	var rows []programRow
	q := `SELECT ` + programColumns + ` FROM programs ORDER BY code`
	if err := sqlx.SelectContext(ctx, s.db, &rows, q); err != nil {
		return nil, wrap("programs", err)
	}
	out := make([]commands.Program, len(rows))
	for i, r := range rows {
		out[i] = r.program()
	}
	return out, nil
}

// AddProgram stores a new program; ErrConflict if its code or one of its
// aliases is already the code or an alias of a program (ignoring case).
func (s *Store) AddProgram(ctx context.Context, p commands.Program) (commands.Program, error) {
	const q = `
		INSERT INTO programs (code, aliases, name_ko, name_en, sector, disclosure_type, department, unit, active)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		RETURNING ` + programColumns
	out, err := s.saveProgram(ctx, q, p, false)
	if err != nil {
		return commands.Program{}, wrap(fmt.Sprintf("add program %q", p.Code), err)
	}
	return out, nil
}

// UpdateProgram saves every field of an existing program but its ID (code and
// disclosure type included); ErrNotFound if it does not exist, ErrConflict if
// its code or an alias names another program.
func (s *Store) UpdateProgram(ctx context.Context, p commands.Program) (commands.Program, error) {
	const q = `
		UPDATE programs
		SET code = $2, aliases = $3, name_ko = $4, name_en = $5, sector = $6,
		    disclosure_type = $7, department = $8, unit = $9, active = $10, updated_at = now()
		WHERE id = $1
		RETURNING ` + programColumns
	out, err := s.saveProgram(ctx, q, p, true)
	if err != nil {
		return commands.Program{}, wrap(fmt.Sprintf("update program %d", p.ID), err)
	}
	return out, nil
}

// saveProgram runs an insert or update of a program row and claims its names
// in the same transaction; an update first gives up the names it held. q
// takes the program's fields as its parameters, after its ID for an update.
func (s *Store) saveProgram(ctx context.Context, q string, p commands.Program, update bool) (commands.Program, error) {
	defer s.forgetPrograms()
	args := []any{p.Code, aliasArray(p.Aliases), p.NameKo, p.NameEn,
		string(p.Sector), p.DisclosureType, p.Department, p.Unit, p.Active}
	if update {
		args = append([]any{p.ID}, args...)
	}
	var out commands.Program
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var r programRow
		if err := sqlx.GetContext(ctx, tx, &r, q, args...); err != nil {
			return err
		}
		if update {
			if _, err := tx.ExecContext(ctx, `DELETE FROM program_names WHERE program_id = $1`, r.ID); err != nil {
				return err
			}
		}
		if err := claimNames(ctx, tx, r.ID, r.Code, r.Aliases); err != nil {
			return err
		}
		out = r.program()
		return nil
	})
	return out, err
}

// claimNames records the program's code and aliases, lowercased, in
// program_names; a name another program holds fails with a unique violation.
func claimNames(ctx context.Context, db sqlx.ExtContext, programID int64, code string, aliases []string) error {
	const q = `
		INSERT INTO program_names (name, program_id)
		SELECT DISTINCT lower(btrim(n)), $1::bigint
		FROM unnest($2::text[]) AS n
		WHERE btrim(n) <> ''`
	names := append([]string{code}, aliases...)
	_, err := db.ExecContext(ctx, q, programID, pq.StringArray(names))
	return err
}

// aliasArray drops blank aliases and never returns nil, which lib/pq would
// send as NULL into a NOT NULL column.
func aliasArray(aliases []string) pq.StringArray {
	out := pq.StringArray{}
	for _, a := range aliases {
		if strings.TrimSpace(a) != "" {
			out = append(out, a)
		}
	}
	return out
}

// programForEntry returns the code and department of a program. It takes no
// lock: writers serialise on the program's write lock (lockProgram), which,
// unlike a row lock, costs a shared delta add no write to the programs row.
func programForEntry(ctx context.Context, db sqlx.ExtContext, id int64) (code, department string, err error) {
	const q = `SELECT code, department FROM programs WHERE id = $1`
	var r struct {
		Code       string `db:"code"`
		Department string `db:"department"`
	}
	if err := sqlx.GetContext(ctx, db, &r, q, id); err != nil {
		return "", "", err
	}
	return r.Code, r.Department, nil
}

// ClosedMonthJobsOfProgram returns the closed months in which the program
// has live realised jobs, oldest first, with those jobs: the months whose
// filed 공공/민간 split a change of the program's sector re-sorts (review
// r25 F16).
func (s *Store) ClosedMonthJobsOfProgram(ctx context.Context, programID int64) ([]commands.MonthJobs, error) {
	const q = `
		SELECT c.month, sum(e.count) AS jobs FROM month_closes c
		JOIN entries e ON e.program_id = $1 AND e.voided_at IS NULL AND e.status = 'realised'
		 AND e.as_of >= c.month AND e.as_of < c.month + interval '1 month'
		GROUP BY c.month HAVING sum(e.count) <> 0
		ORDER BY c.month`
	var rows []struct {
		Month time.Time `db:"month"`
		Jobs  int64     `db:"jobs"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, programID); err != nil {
		return nil, wrap(fmt.Sprintf("closed months of program %d", programID), err)
	}
	out := make([]commands.MonthJobs, len(rows))
	for i, r := range rows {
		out[i] = commands.MonthJobs{Month: dateOf(r.Month), Jobs: r.Jobs}
	}
	return out, nil
}
