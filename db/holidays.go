package db

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// Holidays returns the holidays in [from, to], oldest first.
func (s *Store) Holidays(ctx context.Context, from, to time.Time) ([]commands.Holiday, error) {
	var rows []struct {
		Day  time.Time `db:"day"`
		Name string    `db:"name"`
	}
	const q = `SELECT day, name FROM holidays WHERE day BETWEEN $1::date AND $2::date ORDER BY day`
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(from), dateArg(to)); err != nil {
		return nil, wrap("holidays", err)
	}
	out := make([]commands.Holiday, len(rows))
	for i, r := range rows {
		out[i] = commands.Holiday{Day: dateOf(r.Day), Name: r.Name}
	}
	return out, nil
}

// SetHoliday adds a holiday or renames one.
func (s *Store) SetHoliday(ctx context.Context, h commands.Holiday) error {
	const q = `INSERT INTO holidays (day, name) VALUES ($1::date, $2) ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name`
	if _, err := s.db.ExecContext(ctx, q, dateArg(h.Day), h.Name); err != nil {
		return wrap(fmt.Sprintf("set holiday %s", dateArg(h.Day)), err)
	}
	return nil
}

// RemoveHoliday removes a holiday; false if the day was none.
func (s *Store) RemoveHoliday(ctx context.Context, day time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM holidays WHERE day = $1::date`, dateArg(day))
	if err != nil {
		return false, wrap("remove holiday", err)
	}
	n, err := res.RowsAffected()
	return n == 1, wrap("remove holiday", err)
}
