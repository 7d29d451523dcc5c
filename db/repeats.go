package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// repeatLockClass is the advisory lock class of an entry's fingerprint
// (Lock order step 1a in totals.go): an add held as a repeat
// (NewEntry.HoldRepeat) takes it, after its program's write lock and before
// it writes entries, and looks for the identical delta in a statement of its
// own, so its snapshot sees what an identical add it waited for committed.
const repeatLockClass = `4869956`

// identicalWhere selects the live deltas that record what an add would:
// $1 program, $2 date, $3 count, $4 status, $5 department, and not the
// add's own request ($6, its idempotency key: a redelivery is answered
// "already recorded" by the insert, not held).
const identicalWhere = ` WHERE e.program_id = $1 AND e.as_of = $2 AND e.count = $3 AND e.status = $4
	AND e.department = $5 AND e.kind = 'delta' AND e.voided_at IS NULL
	AND NOT EXISTS (SELECT 1 FROM entries k WHERE k.idempotency_key = $6)
	ORDER BY e.id DESC LIMIT 1`

// IdenticalEntry returns the newest live delta recording what e would
// (program, date, count, status and department), whenever it was recorded;
// ok=false when there is none, or when e's own request is recorded already.
// It reads the row directly (review r6 X7: a scan of the day's newest 50
// entries missed it on a busy month-end day).
func (s *Store) IdenticalEntry(ctx context.Context, e commands.NewEntry) (commands.Entry, bool, error) {
	o, ok, err := identicalEntry(ctx, s.db, e)
	if err != nil {
		return commands.Entry{}, false, wrap("identical entry", err)
	}
	return o, ok, nil
}

func identicalEntry(ctx context.Context, db sqlx.QueryerContext, e commands.NewEntry) (commands.Entry, bool, error) {
	if e.Kind != commands.KindDelta {
		return commands.Entry{}, false, nil
	}
	var r entryRow
	err := sqlx.GetContext(ctx, db, &r, entrySelect+identicalWhere,
		e.ProgramID, e.AsOf.Format(time.DateOnly), e.Count, e.Status, e.Department, e.IdempotencyKey)
	if errors.Is(err, sql.ErrNoRows) {
		return commands.Entry{}, false, nil
	}
	if err != nil {
		return commands.Entry{}, false, err
	}
	return r.entry(), true, nil
}

// repeatKey is the advisory lock key of an entry's fingerprint: the fields
// IdenticalEntry compares. Two different fingerprints may share a key; they
// then only wait for each other.
func repeatKey(e commands.NewEntry) int32 {
	h := fnv.New32a()
	fmt.Fprintf(h, "%d\x00%s\x00%d\x00%s\x00%s", e.ProgramID, e.AsOf.Format(time.DateOnly), e.Count, e.Status, e.Department)
	return int32(h.Sum32())
}

// holdsRepeat says whether an add is checked for an identical delta while
// it is written.
func holdsRepeat(e commands.NewEntry) bool {
	return e.HoldRepeat && e.Kind == commands.KindDelta
}

// lockRepeats takes the fingerprint locks of the adds held as repeats
// (Lock order step 1a), in ascending key order (unnest of a sorted array,
// as lockProgramsShared), in a statement of its own.
func lockRepeats(ctx context.Context, tx sqlx.ExecerContext, es []commands.NewEntry) error {
	var keys []int32
	for _, e := range es {
		if holdsRepeat(e) {
			keys = append(keys, repeatKey(e))
		}
	}
	if err := lockKeys(ctx, tx, repeatLockClass, keys); err != nil {
		return fmt.Errorf("lock entry fingerprints: %w", err)
	}
	return nil
}

// lockKeys takes the transaction-scoped advisory locks (class, k) of keys,
// each once, in ascending key order, in one statement: two writers asking
// for overlapping sets take them in the same order and cannot deadlock.
func lockKeys(ctx context.Context, tx sqlx.ExecerContext, class string, keys []int32) error {
	if len(keys) == 0 {
		return nil
	}
	keys = slices.Compact(slices.Sorted(slices.Values(keys)))
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprint(k)
	}
	q := `SELECT count(pg_advisory_xact_lock(` + class + `, k)) FROM unnest('{` +
		strings.Join(parts, ",") + `}'::int[]) AS k`
	_, err := tx.ExecContext(ctx, q)
	return err
}

// refuseRepeat answers an add held as a repeat whose identical delta is
// recorded: *commands.RepeatError. The caller holds the fingerprint's lock.
func refuseRepeat(ctx context.Context, tx sqlx.QueryerContext, e commands.NewEntry) error {
	if !holdsRepeat(e) {
		return nil
	}
	o, ok, err := identicalEntry(ctx, tx, e)
	if err != nil {
		return fmt.Errorf("identical entry: %w", err)
	}
	if ok {
		return &commands.RepeatError{Entry: o}
	}
	return nil
}
