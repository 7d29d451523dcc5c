package main

import (
	"context"
	"fmt"
	"io"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // the database/sql driver for postgres:// URLs
)

// checkLedger compares the entries of one run (idempotency keys starting
// with prefix) with the adds the bot acknowledged: every acknowledged add
// must be there exactly once, under the entry number its reply gave, and the
// run must have written nothing else.
func checkLedger(ctx context.Context, dbURL, prefix string, acked map[string]int64, stdout io.Writer) error {
	conn, err := sqlx.Open("postgres", dbURL)
	if err != nil {
		return fmt.Errorf("ledger check: %w", err)
	}
	defer conn.Close()
	var rows []struct {
		Key string `db:"idempotency_key"`
		ID  int64  `db:"id"`
	}
	// starts_with, not LIKE: the prefix is literal text.
	const q = `SELECT idempotency_key, id FROM entries WHERE starts_with(idempotency_key, $1)`
	if err := sqlx.SelectContext(ctx, conn, &rows, q, prefix); err != nil {
		return fmt.Errorf("ledger check: %w", err)
	}
	inLedger := make(map[string]int64, len(rows))
	for _, r := range rows {
		inLedger[r.Key] = r.ID
	}
	var missing, wrongID, unacked int
	for key, id := range acked {
		got, ok := inLedger[key]
		switch {
		case !ok:
			missing++
		case got != id:
			wrongID++
		}
	}
	for key := range inLedger {
		if _, ok := acked[key]; !ok {
			unacked++
		}
	}
	fmt.Fprintf(stdout, "ledger: %d entries written by this run, %d adds acknowledged; "+
		"%d acknowledged but missing, %d under another number, %d written but not acknowledged\n",
		len(rows), len(acked), missing, wrongID, unacked)
	if len(rows) != len(acked) || missing > 0 || wrongID > 0 {
		return fmt.Errorf("ledger check failed: the ledger holds %d entries of this run for %d acknowledged adds", len(rows), len(acked))
	}
	fmt.Fprintln(stdout, "ledger: OK, every acknowledged add is recorded exactly once and nothing else was")
	return nil
}
