package db_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// importRowOf is an entries file's row recording one realised delta entry.
func importRowOf(p commands.Program, line int, count int64, asOf, logged time.Time, key string) commands.ImportRow {
	return commands.ImportRow{Line: line, Program: p.Code, LoggedAt: logged, Entry: commands.NewEntry{
		ProgramID: p.ID, Count: count, Kind: commands.KindDelta, AsOf: asOf, Status: commands.StatusRealised,
		LoggedBy: "U_X", Source: commands.SourceImport, IdempotencyKey: "import:entry:" + key, RecordedAt: logged}}
}

func entriesFile(n int, rows ...commands.ImportRow) commands.ImportFile {
	return commands.ImportFile{Name: fmt.Sprintf("f%d.csv", n), SHA256: fmt.Sprintf("%064x", n), Kind: commands.ImportEntries,
		By: "U_M", Rows: rows}
}

func problemIDs(ps []commands.ImportProblem) string {
	var ids []string
	for _, p := range ps {
		ids = append(ids, fmt.Sprintf("%d:%s", p.Line, p.ID))
	}
	return strings.Join(ids, ",")
}

func liveSum(t *testing.T, s *db.Store, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := s.DB().GetContext(context.Background(), &n, q, args...); err != nil {
		t.Fatal(err)
	}
	return n
}

// B2: an import's 무효 row goes through the typed void's checks: an
// agreement with a live hire is not voided; the file is refused by line and
// nothing of it is written.
func TestImportVoidOfAnAgreementWithLiveHiresIsAProblem(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	senior := programByCode(t, s, "senior")
	logged := time.Date(2026, 8, 3, 1, 0, 0, 0, time.UTC)
	row := importRowOf(senior, 2, 10, day(2026, 8, 3), logged, "agreement")
	row.Entry.Status = commands.StatusAgreed
	if _, err := s.Import(ctx, entriesFile(1, row), false); err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := s.DB().GetContext(ctx, &id, `SELECT id FROM entries WHERE idempotency_key = 'import:entry:agreement'`); err != nil {
		t.Fatal(err)
	}
	hire, err := s.HireAgreement(ctx, commands.Hire{AgreementID: id, Count: 4, AsOf: day(2026, 8, 10), By: "U_HIRER", Source: commands.SourceConsole})
	if err != nil {
		t.Fatal(err)
	}
	row.Voided, row.VoidedAt, row.VoidedBy, row.VoidReason = true, logged.Add(time.Hour), "U_X", "철회"
	other := importRowOf(senior, 3, 2, day(2026, 8, 4), logged.Add(2*time.Hour), "other")
	res, err := s.Import(ctx, entriesFile(2, row, other), false)
	if err != nil {
		t.Fatal(err)
	}
	if got := problemIDs(res.Problems); got != "2:import.problem.agreement_has_hires" {
		t.Fatalf("problems %q, want line 2's agreement_has_hires", got)
	}
	if a, err := s.Entry(ctx, id); err != nil || a.Voided() {
		t.Fatalf("agreement voided %v (%v), want live", a.Voided(), err)
	}
	if h, err := s.Entry(ctx, hire.Hire.Entry.ID); err != nil || h.Voided() {
		t.Fatalf("hire voided %v (%v)", h.Voided(), err)
	}
	if n := liveSum(t, s, `SELECT count(*) FROM entries WHERE idempotency_key = 'import:entry:other'`); n != 0 {
		t.Fatalf("the refused file's other row was written (%d)", n)
	}
	if done, _ := s.Imported(ctx, entriesFile(2).SHA256); done {
		t.Fatal("the refused file is marked imported")
	}
	dbtest.CheckTotals(t, s)
}

// B4: an import's 무효 row in an open month that would recompute a later
// 누계 report in a closed month is refused as the typed void is: closed
// months change only by a manager's marked change.
func TestImportVoidThatWouldChangeAClosedMonthIsAProblem(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	logged := time.Date(2026, 10, 5, 1, 0, 0, 0, time.UTC)
	row := importRowOf(youth, 2, 10, day(2026, 10, 5), logged, "h5")
	if _, err := s.Import(ctx, entriesFile(1, row), false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddEntry(ctx, cumulative(youth.ID, 100, day(2026, 11, 10))); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CloseMonth(ctx, day(2026, 11, 1), "U_M", time.Time{}); err != nil {
		t.Fatal(err)
	}
	november := `SELECT COALESCE(SUM(count), 0) FROM entries WHERE program_id = $1 AND voided_at IS NULL AND as_of BETWEEN '2026-11-01' AND '2026-11-30'`
	before := liveSum(t, s, november, youth.ID)
	row.Voided, row.VoidedAt, row.VoidedBy, row.VoidReason = true, logged.Add(time.Hour), "U_X", "중복"
	res, err := s.Import(ctx, entriesFile(2, row), false)
	if err != nil {
		t.Fatal(err)
	}
	if got := problemIDs(res.Problems); got != "2:import.problem.void_changes_closed_month" {
		t.Fatalf("problems %q, want line 2's void_changes_closed_month", got)
	}
	if after := liveSum(t, s, november, youth.ID); after != before {
		t.Fatalf("closed November went %d -> %d through an import", before, after)
	}
	if n := liveSum(t, s, `SELECT count(*) FROM entries WHERE voided_at IS NOT NULL`); n != 0 {
		t.Fatalf("%d entries voided by a refused import", n)
	}
	dbtest.CheckTotals(t, s)
}

// B6: an import row in a department-month with a live 실적 없음 is a
// problem on its line (preview and apply alike), not a failure.
func TestImportRowInAMonthReportedNothingIsAProblem(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	nothing, err := s.AddNothing(ctx, commands.NothingReport{Department: youth.Department, Month: day(2026, 10, 1), LoggedBy: "U_X",
		Source: commands.SourceConsole, IdempotencyKey: "n1"})
	if err != nil {
		t.Fatal(err)
	}
	logged := time.Date(2026, 9, 5, 1, 0, 0, 0, time.UTC)
	var rows []commands.ImportRow
	rows = append(rows, importRowOf(youth, 2, 1, day(2026, 9, 5), logged, "sep"))
	for i := range 3 {
		r := importRowOf(youth, 3+i, 1, day(2026, 10, 5), logged.Add(time.Duration(i+1)*time.Minute), fmt.Sprint("oct", i))
		r.Entry.Department = youth.Department
		rows = append(rows, r)
	}
	cum := importRowOf(youth, 6, 50, day(2026, 10, 20), logged.Add(time.Hour), "cum")
	cum.Entry.Kind, cum.Entry.Department = commands.KindCumulative, youth.Department
	for _, dry := range []bool{true, false} {
		for _, f := range []commands.ImportFile{entriesFile(1, rows...), entriesFile(2, rows[0], cum)} {
			res, err := s.Import(ctx, f, dry)
			if err != nil {
				t.Fatalf("dry %v %s: %v", dry, f.Name, err)
			}
			if len(res.Problems) == 0 {
				t.Fatalf("dry %v %s: no problem", dry, f.Name)
			}
			for _, p := range res.Problems {
				if p.ID != "import.problem.month_reported_nothing" || p.Line < 3 {
					t.Fatalf("dry %v %s: problem %+v", dry, f.Name, p)
				}
				if !strings.Contains(p.Text(commands.Korean), fmt.Sprintf("#%d", nothing.ID)) {
					t.Fatalf("problem text %q does not name 실적 없음 #%d", p.Text(commands.Korean), nothing.ID)
				}
			}
		}
	}
	if n := liveSum(t, s, `SELECT count(*) FROM entries`); n != 0 {
		t.Fatalf("%d entries written by refused imports", n)
	}
	dbtest.CheckTotals(t, s)
}

// A panic while reading the file (on the scan's own goroutine) fails the
// import cleanly: an error, nothing written, the process alive.
func TestImportScanPanicIsAnError(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	logged := time.Date(2026, 3, 1, 1, 0, 0, 0, time.UTC)
	f := entriesFile(1)
	f.Scan = func(sink commands.ImportSink) error {
		sink.Kind(commands.ImportEntries)
		if err := sink.Row(importRowOf(youth, 2, 1, day(2026, 3, 1), logged, "before-panic")); err != nil {
			return err
		}
		panic("a crafted workbook")
	}
	if _, err := s.Import(ctx, f, false); err == nil || !strings.Contains(err.Error(), "panicked") {
		t.Fatalf("import whose scan panics: %v", err)
	}
	if n := liveSum(t, s, `SELECT count(*) FROM entries`); n != 0 {
		t.Fatalf("%d entries written by a failed import", n)
	}
	if done, _ := s.Imported(ctx, f.SHA256); done {
		t.Fatal("a failed import is marked imported")
	}
}
