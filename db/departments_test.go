package db_test

import (
	"context"
	"testing"

	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// Migration 00010 folds look-alike department names written before it into
// the department they imitate, keeps the totals, and retires a department
// whose entries were all voided (the issue 10 flood), so status stops listing it.
func TestManagedDepartmentsMigration(t *testing.T) {
	ctx := context.Background()
	s, err := db.Open(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.MigrateTo(ctx, 9); err != nil {
		t.Fatal(err)
	}
	vulnerable := programByCode(t, s, "vulnerable")
	for _, dept := range []string{"복지정책과", "복지\u200b정책과", "\u202e복지정책과"} {
		e := delta(vulnerable.ID, 4, day(2026, 3, 2))
		e.Department = dept
		mustAdd(t, s, e)
	}
	for i := range 30 {
		e := delta(vulnerable.ID, 1, day(2026, 3, 3))
		e.Department = "Z" + string(rune('A'+i))
		if _, err := s.VoidEntry(ctx, mustAdd(t, s, e).Entry.ID, "U_FLOOD", "undo"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var names []string
	if err := s.DB().SelectContext(ctx, &names, `SELECT DISTINCT department FROM entries WHERE voided_at IS NULL`); err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 || names[0] != "복지정책과" {
		t.Errorf("live entries are credited to %q, want only 복지정책과", names)
	}
	got, err := s.DepartmentTotals(ctx, day(2026, 1, 1), day(2026, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	managed, err := s.Departments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(managed) {
		t.Errorf("status lists %d departments, the managed list has %d: %+v", len(got), len(managed), got)
	}
	for _, d := range got {
		if d.Department == "복지정책과" && d.Jobs != 12 {
			t.Errorf("복지정책과 has %d jobs after the migration, want 12", d.Jobs)
		}
		if d.Department[0] == 'Z' {
			t.Errorf("a flood department is listed: %+v", d)
		}
	}
	var zeros int
	if err := s.DB().GetContext(ctx, &zeros, `SELECT count(*) FROM departments WHERE department LIKE 'Z%' AND NOT active`); err != nil || zeros != 30 {
		t.Errorf("retired flood departments = %d (%v), want 30 kept as history", zeros, err)
	}
}
