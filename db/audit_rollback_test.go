package db_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/db/dbtest"
)

// review20 break 5: the audit record (closes, corrections, hires, target
// reasons) is no derived table; a rollback refuses to drop it while it holds
// rows, naming the table, and keeps it. Emptied (after a dump), it rolls back.
func TestRollbackRefusesToDropTheAuditRecord(t *testing.T) {
	ctx := context.Background()
	t.Parallel()
	store := dbtest.New(t)
	if _, _, err := store.CloseMonth(ctx, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), "UMGR"); err != nil {
		t.Fatal(err)
	}
	err := store.MigrateDownTo(ctx, 19)
	if err == nil || !strings.Contains(err.Error(), "month_closes") || !strings.Contains(err.Error(), "Dump it first") {
		t.Fatalf("rollback with a closed month: %v, want a refusal naming month_closes", err)
	}
	var closes int
	if err := store.DB().GetContext(ctx, &closes, `SELECT count(*) FROM month_closes`); err != nil || closes != 1 {
		t.Fatalf("month_closes after the refused rollback: %d rows (%v), want the close kept", closes, err)
	}
	if _, err := store.DB().ExecContext(ctx, `DELETE FROM month_closes; DELETE FROM month_close_history`); err != nil {
		t.Fatal(err)
	}
	if err := store.MigrateDownTo(ctx, 19); err != nil {
		t.Fatalf("rollback of an emptied audit record: %v", err)
	}
	if err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
}
