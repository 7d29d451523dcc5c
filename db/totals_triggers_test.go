package db_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// Whoever writes entries, the totals follow: every statement below is what
// an operator could type in psql, none goes through the store, and after
// each one every totals table equals a plain SUM over entries (CheckTotals),
// and the store's own figures agree.
func TestPlainSQLWritesKeepEveryTotal(t *testing.T) {
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	rail := programByCode(t, s, "rail")
	// Some entries through the store first, so the plain statements meet
	// totals rows that exist.
	for i := range 6 {
		e := delta(youth.ID, int64(5+i), day(2026, time.March, 30+i%3))
		if i%2 == 1 {
			e.ProgramID, e.Approximate, e.EmploymentType = rail.ID, true, "daily"
		}
		mustAdd(t, s, e)
	}
	dbtest.CheckTotals(t, s)

	exec := func(q string, args ...any) int64 {
		t.Helper()
		res, err := s.DB().ExecContext(ctx, q, args...)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	// yearTotal is what the store answers for a program's realised jobs of
	// 2026, and want the plain SUM over entries.
	checkYear := func(stage string, programID int64) {
		t.Helper()
		got, err := s.ProgramYearTotal(ctx, programID, 2026)
		if err != nil {
			t.Fatal(err)
		}
		var want, approx int64
		err = s.DB().QueryRowContext(ctx, `
			SELECT COALESCE(SUM(count), 0), COALESCE(SUM(count) FILTER (WHERE approximate), 0) FROM entries
			WHERE program_id = $1 AND status = 'realised' AND voided_at IS NULL
			  AND as_of BETWEEN '2026-01-01' AND '2026-12-31'`, programID).Scan(&want, &approx)
		if err != nil {
			t.Fatal(err)
		}
		if got.Jobs != want || got.Approximate != approx {
			t.Errorf("%s: program %d's 2026 total is %d (%d approximate), the ledger sums to %d (%d)",
				stage, programID, got.Jobs, got.Approximate, want, approx)
		}
	}
	step := func(stage string) {
		t.Helper()
		dbtest.CheckTotals(t, s)
		checkYear(stage, youth.ID)
		checkYear(stage, rail.ID)
		if t.Failed() {
			t.FailNow()
		}
	}

	// A multi-row insert, as an import would: two rows on one key, one
	// voided from the start, an approximate one, one in a department no one
	// registered, one agreed.
	if n := exec(`
		INSERT INTO entries (program_id, count, kind, as_of, approximate, status, employment_type, department,
		                     logged_by, source, idempotency_key, voided_at, voided_by, void_reason)
		VALUES ($1, 7, 'delta', '2026-04-01', false, 'realised', 'regular', '청년정책과', 'U_PSQL', 'console', 'psql-1', NULL, '', ''),
		       ($1, 3, 'delta', '2026-04-01', false, 'realised', 'regular', '청년정책과', 'U_PSQL', 'console', 'psql-2', NULL, '', ''),
		       ($1, 9, 'delta', '2026-04-02', false, 'realised', '', '청년정책과', 'U_PSQL', 'console', 'psql-3', now(), 'U_PSQL', 'typo'),
		       ($2, 12, 'delta', '2026-04-30', true, 'realised', 'temporary', '수입과', 'U_PSQL', 'console', 'psql-4', NULL, '', ''),
		       ($2, 4, 'delta', '2026-05-01', false, 'agreed', '', '철도과', 'U_PSQL', 'console', 'psql-5', NULL, '', '')`,
		youth.ID, rail.ID); n != 5 {
		t.Fatalf("inserted %d rows, want 5", n)
	}
	step("after a plain multi-row insert")
	var listed bool
	if err := s.DB().GetContext(ctx, &listed, `SELECT EXISTS (SELECT 1 FROM departments WHERE department = '수입과')`); err != nil || !listed {
		t.Fatalf("a department first seen in an insert is listed: %v, %v", listed, err)
	}

	// Voids and an un-void, as a psql fix would write them.
	if n := exec(`UPDATE entries SET voided_at = now(), voided_by = 'U_PSQL', void_reason = 'fix'
		WHERE idempotency_key IN ('psql-1', 'psql-4')`); n != 2 {
		t.Fatalf("voided %d rows, want 2", n)
	}
	step("after a plain void of two entries")
	exec(`UPDATE entries SET voided_at = NULL, voided_by = '', void_reason = '' WHERE idempotency_key = 'psql-3'`)
	step("after a plain un-void")

	// An update of a field no total counts locks no totals row: another
	// session can lock them all without waiting while it is open.
	tx, err := s.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE entries SET note = 'checked' WHERE logged_by = 'U_PSQL'`); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"program_days", "program_months", "department_days", "department_months", "employment_days", "employment_months"} {
		if _, err := s.DB().ExecContext(ctx, `SELECT 1 FROM `+table+` FOR UPDATE NOWAIT`); err != nil {
			t.Errorf("%s is locked by an update of notes: %v", table, err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	step("after a plain update of notes")

	// Every field the totals are keyed or summed by, changed at once:
	// count, date (across a month), approximate, status, employment type.
	exec(`UPDATE entries SET count = count + 2, as_of = as_of + 1, approximate = NOT approximate,
		status = CASE WHEN status = 'realised' THEN 'agreed' ELSE 'realised' END, employment_type = 'daily'
		WHERE logged_by = 'U_PSQL' AND idempotency_key IN ('psql-2', 'psql-5')`)
	exec(`UPDATE entries SET count = 1 WHERE program_id = $1 AND logged_by = 'U_TEST'`, rail.ID)
	step("after plain updates of counts, dates, flags and status")

	// A department renamed by hand, then one merged into another.
	if n := exec(`UPDATE entries SET department = '청년일자리과' WHERE department = '청년정책과'`); n == 0 {
		t.Fatal("no entry of 청년정책과 to rename")
	}
	step("after a plain department rename")
	exec(`UPDATE entries SET department = '청년일자리과' WHERE department = '수입과'`)
	step("after a plain department merge")

	// Deletes: a live entry, a voided one, then every entry of a program.
	if n := exec(`DELETE FROM entries WHERE idempotency_key IN ('psql-3', 'psql-1')`); n != 2 {
		t.Fatalf("deleted %d rows, want 2", n)
	}
	step("after a plain delete")
	exec(`DELETE FROM entries WHERE program_id = $1`, rail.ID)
	step("after deleting a program's entries")

	// And the emptied ledger (CASCADE: entry_adjustments refers to it).
	exec(`TRUNCATE entries CASCADE`)
	step("after TRUNCATE")
	var left int64
	if err := s.DB().GetContext(ctx, &left, `SELECT (SELECT count(*) FROM program_days) + (SELECT count(*) FROM department_months) + (SELECT count(*) FROM employment_months)`); err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Errorf("%d totals rows left after the ledger was emptied", left)
	}
}

// Migration 00022 goes down to the previous mechanism and up again: down
// leaves the triggers of migrations 00012 and 00018 (which the previous
// release expects to keep employment_days and employment_months) and none of
// 00022's; up again keeps every total right.
func TestTotalsTriggersMigrateDownAndUp(t *testing.T) {
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	mustAdd(t, s, delta(youth.ID, 11, day(2026, time.June, 1)))
	triggers := func() []string {
		t.Helper()
		var names []string
		err := s.DB().SelectContext(ctx, &names, `
			SELECT tgname FROM pg_trigger WHERE tgrelid = 'entries'::regclass AND NOT tgisinternal ORDER BY tgname`)
		if err != nil {
			t.Fatal(err)
		}
		return names
	}
	if err := db.TotalsMigrateDownTo(ctx, s, 21); err != nil {
		t.Fatalf("down to 21: %v", err)
	}
	// entries_refuse_nothing_month is migration 00020's (실적 없음 excludes
	// jobs), below 21: it stays.
	if got, want := triggers(), []string{"employment_days_insert", "employment_days_update", "entries_refuse_nothing_month"}; !slices.Equal(got, want) {
		t.Fatalf("after down, triggers on entries = %v, want %v", got, want)
	}
	dbtest.CheckTotals(t, s)
	// The previous mechanism's employment triggers work as they did.
	if _, err := s.DB().ExecContext(ctx, `
		INSERT INTO entries (program_id, count, kind, as_of, status, employment_type, department, logged_by, source, idempotency_key)
		SELECT id, 2, 'delta', '2026-06-01', 'realised', 'daily', department, 'U_PSQL', 'console', 'down-1'
		FROM programs WHERE id = $1`, youth.ID); err != nil {
		t.Fatal(err)
	}
	var daily int64
	if err := s.DB().GetContext(ctx, &daily, `SELECT jobs FROM employment_months WHERE program_id = $1 AND employment_type = 'daily'`, youth.ID); err != nil || daily != 2 {
		t.Fatalf("after down, employment_months keeps a plain insert: %d, %v", daily, err)
	}
	// What the previous release would have written beside its insert.
	if _, err := s.DB().ExecContext(ctx, `
		WITH p AS (UPDATE program_days SET jobs = jobs + 2 WHERE program_id = $1 AND day = '2026-06-01' AND status = 'realised'),
		     m AS (UPDATE program_months SET jobs = jobs + 2 WHERE program_id = $1 AND month = '2026-06-01' AND status = 'realised'),
		     d AS (UPDATE department_days SET jobs = jobs + 2 WHERE program_id = $1 AND day = '2026-06-01' AND status = 'realised')
		UPDATE department_months SET jobs = jobs + 2 WHERE program_id = $1 AND month = '2026-06-01' AND status = 'realised'`, youth.ID); err != nil {
		t.Fatal(err)
	}
	dbtest.CheckTotals(t, s)

	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	// entries_preview_never_commits is migration 00052's (an import
	// preview's writes never commit, review r42 B3).
	if got, want := triggers(), []string{"entries_preview_never_commits", "entries_refuse_nothing_month", "entries_totals_delete", "entries_totals_insert", "entries_totals_truncate", "entries_totals_update", "entries_void_seq"}; !slices.Equal(got, want) {
		t.Fatalf("after up, triggers on entries = %v, want %v", got, want)
	}
	mustAdd(t, s, delta(youth.ID, 5, day(2026, time.June, 2)))
	dbtest.CheckTotals(t, s)
}

// Totals already out of step (a row someone deleted by hand) are never made
// silently worse: a statement that must lower the missing row fails, naming
// the repair, and writes nothing; the rebuild then puts everything right.
func TestLoweringAMissingTotalsRowFails(t *testing.T) {
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	res := mustAdd(t, s, delta(youth.ID, 4, day(2026, time.July, 1)))
	if _, err := s.DB().ExecContext(ctx, `DELETE FROM program_days WHERE program_id = $1`, youth.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.DB().ExecContext(ctx, `UPDATE entries SET voided_at = now() WHERE id = $1`, res.Entry.ID)
	if err == nil || !strings.Contains(err.Error(), "program_days is out of step with entries") {
		t.Fatalf("a void that must lower a missing row answered %v", err)
	}
	var voided bool
	if err := s.DB().GetContext(ctx, &voided, `SELECT voided_at IS NOT NULL FROM entries WHERE id = $1`, res.Entry.ID); err != nil || voided {
		t.Fatalf("the failed void was written: %v, %v", voided, err)
	}
	if err := s.RebuildAggregates(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.VoidEntry(ctx, res.Entry.ID, "U_TEST", "typo", time.Time{}); err != nil {
		t.Fatalf("void after the rebuild: %v", err)
	}
	dbtest.CheckTotals(t, s)
}
