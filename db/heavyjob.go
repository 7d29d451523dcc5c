package db

import (
	"context"
	"database/sql/driver"
	"time"
)

// heavyJobLockClass is the first key of the per-user heavy-job lock (an
// import or an export), beside programLockClass (4869954) and the 실적 없음
// and department lock (4869955). The second key is hashtext(user): a
// collision would only make two users share one slot.
const heavyJobLockClass = `4869956`

// heavyJobUnlockTimeout bounds the unlock at the end of a job, which runs
// even when the job's own context is done.
const heavyJobUnlockTimeout = 5 * time.Second

// TryHoldHeavyJob takes the user's heavy-job lock, a session advisory lock
// held on a connection of its own for the job's duration, so every replica
// on the database sees it: held is false when another job of the user (on
// any replica) holds it. release must be called when held; it unlocks and
// returns the connection. A session that dies (a replica killed mid-job)
// frees its lock with it.
func (s *Store) TryHoldHeavyJob(ctx context.Context, user string) (release func(), held bool, err error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, false, wrap("heavy job lock", err)
	}
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock(`+heavyJobLockClass+`, hashtext($1))`, user).Scan(&held); err != nil {
		_ = conn.Close()
		return nil, false, wrap("heavy job lock", err)
	}
	if !held {
		_ = conn.Close()
		return nil, false, nil
	}
	return func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), heavyJobUnlockTimeout)
		defer cancel()
		var unlocked bool
		err := conn.QueryRowContext(ctx, `SELECT pg_advisory_unlock(`+heavyJobLockClass+`, hashtext($1))`, user).Scan(&unlocked)
		if err != nil || !unlocked {
			// A session still holding the lock must not go back to the pool,
			// where it would keep the user's slot taken: discard it.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		_ = conn.Close()
	}, true, nil
}
