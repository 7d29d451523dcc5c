package db

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// RebuildAggregates recomputes the totals tables (program_, department_ and
// employment_ days and months) and the departments list from the ledger in
// one transaction, through the SQL function rebuild_totals (migration 00022):
// the same figures the entries trigger keeps. It blocks writers of entries
// while it runs; readers of the totals wait for it to commit.
func (s *Store) RebuildAggregates(ctx context.Context) error {
	return wrap("rebuild aggregates", s.inTx(ctx, func(tx *sqlx.Tx) error {
		return rebuildTotals(ctx, tx)
	}))
}

// rebuildTotals runs rebuild_totals inside tx.
func rebuildTotals(ctx context.Context, tx sqlx.ExecerContext) error {
	_, err := tx.ExecContext(ctx, `SELECT rebuild_totals()`)
	return err
}
