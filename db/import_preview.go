package db

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
)

// An import's preview (Import with dryRun) runs the same code as its apply,
// inside a transaction that is always rolled back, so it finds every
// problem the apply would and counts the same figures. It differs in what
// it holds and uses up (issue 20, review X6):
//
//   - it takes no program write lock (Lock order step 1), neither the
//     import's own nor addEntry's: a typed add, a report, a void or a month
//     close goes on while a preview reads a large file. Without the locks
//     it reads what is committed when each statement runs (READ
//     COMMITTED), which is what "what would this add now" means; the apply
//     takes every lock and checks everything again;
//   - it claims no imports row (a preview of a file being applied
//     meanwhile says what the file would add, and the apply then finds the
//     file applied), and marks no import_entries;
//   - its simulated entries take IDs from a range of its own (previewIDs),
//     not from the entries sequence: a preview of 10,000 rows used up
//     10,000 entry numbers.
//
// What it still holds until it rolls back: the rows its simulated writes
// touch, that is the totals rows (program, department and employment days
// and months) of the programs and dates it has written so far, the entries
// a 무효 row voids, and the 실적 없음 lock of a department it added
// realised jobs to, shared. A typed add for one of those programs on one of
// those dates (or department months) waits for the preview to end; adds
// for other programs or other months do not.
//
// Without the program locks the Lock order's no-cycle argument does not
// cover a preview: it writes in many statements, each taking its totals
// rows in key order, but across statements it may hold a month row and then
// want a day row a concurrent add (one statement: day rows, then month
// rows) holds while waiting for that month row. PostgreSQL finds the cycle
// after deadlock_timeout (1 s) and aborts one side, which retries
// (retryConflicts, 40P01): no write is lost or wrong, but that add or the
// preview waits about a second more.

// previewKey marks a context as an import preview's.
type previewKey struct{}

// previewIDs hands out a preview's entry IDs. Every ID is at least 2^62,
// above any the sequence will give, so the simulated entries sort after
// the ledger's (newest last, as the apply's will), and the range holds the
// backend's process ID, so two previews running at once never share an ID
// (the second would otherwise wait on the first's uncommitted key).
type previewIDs struct {
	base, next int64
}

// take returns the ID before the first of n new entries' (insertEntries
// adds each row's ordinal, from 1).
func (p *previewIDs) take(n int) int64 {
	id := p.base + p.next
	p.next += int64(n)
	return id
}

// withPreview marks ctx as a preview's whose transaction is tx.
func withPreview(ctx context.Context, tx sqlx.ExtContext) (context.Context, error) {
	// One snapshot for the whole preview: it holds no program lock, so in
	// READ COMMITTED an add committed while it runs would count in its
	// "after" SUMs and be shown as the file's (review r40 M1). A
	// concurrent write to a totals row the preview also writes fails it
	// with a serialization error, which inTx runs again.
	if _, err := tx.ExecContext(ctx, `SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`); err != nil {
		return nil, fmt.Errorf("preview snapshot: %w", err)
	}
	var pid int64
	if err := sqlx.GetContext(ctx, tx, &pid, `SELECT pg_backend_pid()`); err != nil {
		return nil, fmt.Errorf("preview backend: %w", err)
	}
	return context.WithValue(ctx, previewKey{}, &previewIDs{base: 1<<62 + pid<<31}), nil
}

// previewFrom returns ctx's preview IDs; nil when ctx is not a preview's.
func previewFrom(ctx context.Context) *previewIDs {
	p, _ := ctx.Value(previewKey{}).(*previewIDs)
	return p
}

// previewInsertQuery is insertEntriesQuery giving each entry an explicit
// ID, $15 plus its ordinal, instead of the sequence's next value.
func previewInsertQuery() (string, error) {
	q := insertEntriesQuery
	for _, r := range [][2]string{
		{"INSERT INTO entries (program_id, count,", "INSERT INTO entries (id, program_id, count,"},
		{"SELECT program_id, count, reported_total,", "SELECT $16::bigint + ord, program_id, count, reported_total,"},
	} {
		if strings.Count(q, r[0]) != 1 {
			return "", errors.New("preview insert: insertEntriesQuery changed shape")
		}
		q = strings.Replace(q, r[0], r[1], 1)
	}
	return q, nil
}
