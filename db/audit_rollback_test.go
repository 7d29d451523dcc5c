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
	if _, _, err := store.CloseMonth(ctx, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), "UMGR", time.Time{}); err != nil {
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

// The reasons of target revisions, program (00030) and department (00027),
// are audit record too: the rollback stops at the first of them, naming it.
func TestRollbackRefusesToDropTargetReasons(t *testing.T) {
	ctx := context.Background()
	t.Parallel()
	at := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ table, clear string }{
		{"target_revisions.reason", `UPDATE target_revisions SET reason = ''`},
		{"department_target_revisions.reason", `UPDATE department_target_revisions SET reason = ''`},
	} {
		store := dbtest.New(t)
		var err error
		if strings.HasPrefix(tc.table, "department") {
			if _, _, err = store.SetDepartmentTarget(ctx, 2026, "복지정책과", 100, "UMGR", "", at); err == nil {
				_, _, err = store.SetDepartmentTarget(ctx, 2026, "복지정책과", 200, "UMGR", "추경 반영", at.Add(time.Hour))
			}
		} else {
			if _, err = store.ReviseTarget(ctx, 2026, 0, 100, "UMGR", "", at); err == nil {
				_, err = store.ReviseTarget(ctx, 2026, 0, 200, "UMGR", "추경 반영", at.Add(time.Hour))
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		err = store.MigrateDownTo(ctx, 19)
		if err == nil || !strings.Contains(err.Error(), tc.table) {
			t.Fatalf("rollback with a %s: %v, want a refusal naming it", tc.table, err)
		}
		if _, err := store.DB().ExecContext(ctx, tc.clear); err != nil {
			t.Fatal(err)
		}
		if err := store.MigrateDownTo(ctx, 19); err != nil {
			t.Fatalf("rollback after clearing %s: %v", tc.table, err)
		}
	}
}
