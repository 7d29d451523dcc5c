package db_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// review r44 M2: a Down that refuses (00051 while correction_undos holds
// rows, 00024 while a month is closed) left the schema half way, the newer
// versions already reverted. The whole path now runs in one transaction: a
// refusal leaves every version, and what they made, as it was.
func TestUndo9RefusedRollbackLeavesTheSchema(t *testing.T) {
	ctx := context.Background()
	t.Parallel()
	store := dbtest.New(t)
	if err := dbtest.FillSynthetic(ctx, store, 20, 3, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := store.DB().ExecContext(ctx, `
		INSERT INTO correction_undos (replacement_entry_id, original_entry_id)
		SELECT max(id), min(id) FROM entries`); err != nil {
		t.Fatal(err)
	}
	latest := db.LatestSchema()
	previewTrigger := func() int {
		t.Helper()
		var n int
		if err := store.DB().GetContext(ctx, &n, `SELECT count(*) FROM pg_trigger WHERE tgname = 'entries_preview_never_commits'`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if previewTrigger() != 1 {
		t.Fatal("00052's trigger is missing before the rollback")
	}
	for _, to := range []int64{50, 19} {
		err := store.MigrateDownTo(ctx, to)
		if err == nil || !strings.Contains(err.Error(), "correction_undos") {
			t.Fatalf("down to %d with correction_undos rows: %v, want a refusal naming it", to, err)
		}
		if got, err := store.SchemaVersion(ctx); err != nil || got != latest {
			t.Fatalf("after the refused down to %d the schema is at %d (%v), want %d as it was", to, got, err, latest)
		}
		if previewTrigger() != 1 {
			t.Fatalf("the refused down to %d dropped 00052's trigger", to)
		}
	}
	// A refusal further down (00024, a closed month) keeps every newer version too.
	if _, err := store.DB().ExecContext(ctx, `DELETE FROM correction_undos`); err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.CloseMonth(ctx, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), "UMGR", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := store.MigrateDownTo(ctx, 19); err == nil || !strings.Contains(err.Error(), "month_closes") {
		t.Fatalf("down to 19 with a closed month: %v, want a refusal naming month_closes", err)
	}
	if got, err := store.SchemaVersion(ctx); err != nil || got != latest {
		t.Fatalf("after the refused down to 19 the schema is at %d (%v), want %d", got, err, latest)
	}
	var undosTable bool
	if err := store.DB().GetContext(ctx, &undosTable, `SELECT to_regclass('correction_undos') IS NOT NULL`); err != nil || !undosTable {
		t.Fatalf("correction_undos after the refused rollback: %v (%v), want it kept", undosTable, err)
	}
	// Allowed, it goes all the way, and up again.
	if err := store.MigrateDownTo(ctx, 50); err != nil {
		t.Fatalf("down to 50 with correction_undos empty: %v", err)
	}
	if got, _ := store.SchemaVersion(ctx); got != 50 {
		t.Fatalf("after down to 50 the schema is at %d", got)
	}
	if err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := store.SchemaVersion(ctx); got != latest || previewTrigger() != 1 {
		t.Fatalf("after migrating up again: schema %d, trigger %d", got, previewTrigger())
	}
}
