package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// departmentRow is one row of departments.
type departmentRow struct {
	Name      string         `db:"department"`
	Aliases   pq.StringArray `db:"aliases"`
	Active    bool           `db:"active"`
	Reporters pq.StringArray `db:"reporters"`
	Channel   string         `db:"channel"`
}

func (r departmentRow) department() commands.Department {
	return commands.Department{Name: r.Name, Aliases: []string(r.Aliases), Active: r.Active,
		Reporters: []string(r.Reporters), Channel: r.Channel}
}

const departmentColumns = `department, aliases, active, reporters, channel`

// Departments returns the active departments, ordered by name.
func (s *Store) Departments(ctx context.Context) ([]commands.Department, error) {
	var rows []departmentRow
	q := `SELECT ` + departmentColumns + ` FROM departments WHERE active ORDER BY department`
	if err := sqlx.SelectContext(ctx, s.db, &rows, q); err != nil {
		return nil, wrap("departments", err)
	}
	out := make([]commands.Department, len(rows))
	for i, r := range rows {
		out[i] = r.department()
	}
	return out, nil
}

// AddDepartment adds d to the managed list. A retired row of the same name
// (or one the add statement created for an unchecked name) is reactivated
// with d's fields, keeping its last-logged date; an active one is a conflict.
func (s *Store) AddDepartment(ctx context.Context, d commands.Department) (commands.Department, error) {
	const q = `
		INSERT INTO departments (department, aliases, active, reporters, channel)
		VALUES ($1, $2, true, $3, $4)
		ON CONFLICT (department) DO UPDATE
		SET aliases = EXCLUDED.aliases, active = true, reporters = EXCLUDED.reporters,
		    channel = EXCLUDED.channel, updated_at = now()
		WHERE NOT departments.active
		RETURNING ` + departmentColumns
	var r departmentRow
	err := sqlx.GetContext(ctx, s.db, &r, q, d.Name, aliasArray(d.Aliases), aliasArray(d.Reporters), d.Channel)
	if errors.Is(err, sql.ErrNoRows) {
		// ON CONFLICT skipped the update: the department is already active.
		return commands.Department{}, fmt.Errorf("db: add department %q: %w", d.Name, commands.ErrConflict)
	}
	if err != nil {
		return commands.Department{}, wrap(fmt.Sprintf("add department %q", d.Name), err)
	}
	return r.department(), nil
}

// UpdateDepartment saves the aliases, reporters, channel and active flag of
// the department named d.Name.
func (s *Store) UpdateDepartment(ctx context.Context, d commands.Department) (commands.Department, error) {
	const q = `
		UPDATE departments
		SET aliases = $2, reporters = $3, channel = $4, active = $5, updated_at = now()
		WHERE department = $1
		RETURNING ` + departmentColumns
	var r departmentRow
	err := sqlx.GetContext(ctx, s.db, &r, q, d.Name, aliasArray(d.Aliases), aliasArray(d.Reporters), d.Channel, d.Active)
	if err != nil {
		return commands.Department{}, wrap(fmt.Sprintf("update department %q", d.Name), err)
	}
	return r.department(), nil
}
