package db

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

// limitNow is TakeWrite's time: $2, the caller's clock, capped by the
// database's.
const limitNow = `LEAST($2::timestamptz, statement_timestamp())`

// TakeWrite takes one write from user's allowance, shared by every replica
// through the write_limits table (migration 00021): a sustained rate of one
// write every interval, with bursts of burst. It returns 0 when the write may
// go ahead, else how long until it could; a refused write takes nothing.
//
// An allowed write costs one upsert. The time is the caller's clock (the
// service's, which tests set), but never later than the database's
// (limitNow): a replica whose clock runs ahead cannot refill an allowance
// early, and one whose clock runs behind draws on the allowance the others
// left (tat never moves back), so clock skew cannot lend a burst.
func (s *Store) TakeWrite(ctx context.Context, user string, now time.Time, interval time.Duration, burst int) (time.Duration, error) {
	const take = `
		INSERT INTO write_limits AS w (user_id, tat) VALUES ($1, ` + limitNow + ` + $3 * interval '1 microsecond')
		ON CONFLICT (user_id) DO UPDATE SET tat = GREATEST(w.tat, ` + limitNow + `) + $3 * interval '1 microsecond'
		WHERE w.tat <= ` + limitNow + ` + $4 * interval '1 microsecond'
		RETURNING true`
	tolerance := time.Duration(burst-1) * interval
	var allowed bool
	err := sqlx.GetContext(ctx, s.db, &allowed, take, user, now, interval.Microseconds(), tolerance.Microseconds())
	if err == nil {
		return 0, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, wrap("take a write", err)
	}
	var tat time.Time
	if err := sqlx.GetContext(ctx, s.db, &tat, `SELECT tat FROM write_limits WHERE user_id = $1`, user); err != nil {
		return 0, wrap("write allowance", err)
	}
	return max(tat.Sub(now)-tolerance, time.Microsecond), nil
}
