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

// SetHoliday adds a holiday or renames one. In a transaction, so a claimed
// delivery (commands/delivery.go) is recorded with the write.
func (s *Store) SetHoliday(ctx context.Context, h commands.Holiday) error {
	const q = `INSERT INTO holidays (day, name) VALUES ($1::date, $2) ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name`
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, q, dateArg(h.Day), h.Name)
		return err
	})
	if err != nil {
		return wrap(fmt.Sprintf("set holiday %s", dateArg(h.Day)), err)
	}
	return nil
}

// RemoveHoliday removes a holiday; false if the day was none. In a
// transaction, so a claimed delivery is recorded with the write.
func (s *Store) RemoveHoliday(ctx context.Context, day time.Time) (bool, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM holidays WHERE day = $1::date`, dateArg(day))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return false, wrap("remove holiday", err)
	}
	return n == 1, nil
}
