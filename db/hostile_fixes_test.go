package db_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Store properties of the fixes to the hostile review (B3, B5).

// B3: a correction of an earlier agreement that would re-base a later
// agreed 누계 report below what its hires realised is refused, in its
// transaction, naming the report and its hires; nothing is written. Once
// the hires are voided, the same correction goes through.
func TestCorrectionRefusesToRebaseAReportBelowItsHires(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	senior := programByCode(t, s, "senior")
	at := time.Date(2026, 8, 27, 1, 0, 0, 0, time.UTC)
	first := delta(senior.ID, 4, day(2026, 8, 1))
	first.Status = commands.StatusAgreed
	a := mustAdd(t, s, first)
	report := cumulative(senior.ID, 10, day(2026, 8, 20))
	report.Status = commands.StatusAgreed
	r := mustAdd(t, s, report)
	if r.Entry.Count != 6 {
		t.Fatalf("the report records %d, want a difference of 6", r.Entry.Count)
	}
	hire, err := s.HireAgreement(ctx, commands.Hire{AgreementID: r.Entry.ID, Count: 6, AsOf: day(2026, 8, 25), By: "U_HIRER", Source: commands.SourceConsole})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.CorrectEntry(ctx, commands.Correction{OldID: a.Entry.ID, NewCount: 9, By: "U_TEST", Reason: "잘못 입력", Source: commands.SourceConsole, Key: "h2-b3-1", At: at})
	var below *commands.ReportBelowHiresError
	if !errors.As(err, &below) {
		t.Fatalf("CorrectEntry: %v, want ReportBelowHiresError", err)
	}
	if below.Report.ID != r.Entry.ID || below.NewCount != 1 || below.Hired != 6 || len(below.Hires) != 1 || below.Hires[0].ID != hire.Hire.Entry.ID {
		t.Fatalf("refusal %+v, want report #%d new count 1, hired 6 by hire #%d", below, r.Entry.ID, hire.Hire.Entry.ID)
	}
	if e, err := s.Entry(ctx, a.Entry.ID); err != nil || e.Voided() {
		t.Fatalf("the corrected agreement after the refusal: voided %v (%v)", e.Voided(), err)
	}
	if e, err := s.Entry(ctx, r.Entry.ID); err != nil || e.Count != 6 {
		t.Fatalf("the report after the refusal records %d (%v), want 6", e.Count, err)
	}
	if _, err := s.VoidEntry(ctx, hire.Hire.Entry.ID, "U_HIRER", "채용 철회", at); err != nil {
		t.Fatal(err)
	}
	res, err := s.CorrectEntry(ctx, commands.Correction{OldID: a.Entry.ID, NewCount: 9, By: "U_TEST", Reason: "잘못 입력", Source: commands.SourceConsole, Key: "h2-b3-2", At: at})
	if err != nil {
		t.Fatalf("the correction once the hires are voided: %v", err)
	}
	if len(res.Adjusted) != 1 || res.Adjusted[0].Report.Count != 1 {
		t.Fatalf("adjusted %+v, want the report re-based to 1", res.Adjusted)
	}
	dbtest.CheckTotals(t, s)
}
