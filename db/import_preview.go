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
// It reads one snapshot (REPEATABLE READ), so its figures (the live SUMs
// after the file less those before it) are the file's alone: an add another
// user commits meanwhile is not in them (review r40 M1). In that snapshot it
// writes only rows no one else writes: its simulated entries (IDs of its
// own), with the totals triggers off (SET LOCAL jobsbot.preview, migration
// 00052). Its writes used to upsert the program, department and employment
// totals rows of their days and months, the rows every add of the same
// program updates, and an add committed after the snapshot made that upsert
// fail with a serialization error, on every retry while adds went on: a
// busy program could not be previewed (review r42 B3). The preview reads no
// totals row: what a cumulative row is compared with (totalThrough) it sums
// from entries, its own simulated ones included. Migration 00052 also fails
// the COMMIT of any transaction that wrote entries so marked: the totals can
// never fall behind the ledger through a preview.
//
// What it still holds until it rolls back: the entries a 무효 row voids or a
// 누계 row re-bases (an add or void of those very entries meanwhile fails
// the preview's write with a serialization error, retried by inTx), and the
// 실적 없음 lock of a department it added realised jobs to, shared: a 실적
// 없음 for that department waits for the preview to end. Typed adds, of any
// program and date, wait for nothing the preview holds.

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
	// "after" SUMs and be shown as the file's (review r40 M1). In it, the
	// totals triggers are off (migration 00052): the totals rows are the
	// rows concurrent adds write (review r42 B3).
	if _, err := tx.ExecContext(ctx, `SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`); err != nil {
		return nil, fmt.Errorf("preview snapshot: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `SET LOCAL jobsbot.preview = 'on'`); err != nil {
		return nil, fmt.Errorf("preview totals: %w", err)
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
// Its year totals (read from program_months, which a preview does not
// keep) are not the preview's: no import reads them, only the entries.
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
