package db_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Store properties of the second hostile pass over issue 20's fixes.

// D: the store refuses to void an agreement with a live hire, whichever way
// the void comes (무효 by staff or a manager, 취소), and writes nothing.
func TestVoidOfAnAgreementWithLiveHiresIsRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	senior := programByCode(t, s, "senior")
	at := time.Date(2026, 8, 20, 1, 0, 0, 0, time.UTC)
	agreed := delta(senior.ID, 10, day(2026, 8, 3))
	agreed.Status = commands.StatusAgreed
	a, err := s.AddEntry(ctx, agreed)
	if err != nil {
		t.Fatal(err)
	}
	hire, err := s.HireAgreement(ctx, commands.Hire{AgreementID: a.Entry.ID, Count: 4, AsOf: day(2026, 8, 10), By: "U_HIRER", Source: commands.SourceConsole})
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, err error) {
		t.Helper()
		var has *commands.AgreementHasHiresError
		if !errors.As(err, &has) || has.Agreement.ID != a.Entry.ID || len(has.Hires) != 1 || has.Hires[0].ID != hire.Hire.Entry.ID {
			t.Fatalf("%s: %v, want AgreementHasHiresError naming hire #%d", what, err, hire.Hire.Entry.ID)
		}
	}
	_, err = s.VoidEntry(ctx, a.Entry.ID, "U_TEST", "철회", at)
	check("VoidEntry", err)
	_, _, err = s.VoidEntryAfterClose(ctx, a.Entry.ID, "U_M", "철회", at)
	check("VoidEntryAfterClose", err)
	if err := s.RecordLastAction(ctx, "U_TEST", commands.LastAction{Command: "add", Kind: commands.LastEntry, EntryID: a.Entry.ID, At: at}); err != nil {
		t.Fatal(err)
	}
	_, err = s.UndoLast(ctx, "U_TEST", "취소", at.Add(-time.Minute), at)
	check("UndoLast", err)
	if e, err := s.Entry(ctx, a.Entry.ID); err != nil || e.Voided() {
		t.Fatalf("the agreement after refused voids: voided %v (%v)", e.Voided(), err)
	}
	if _, err := s.VoidEntry(ctx, hire.Hire.Entry.ID, "U_HIRER", "철회", at); err != nil {
		t.Fatal(err)
	}
	if _, err := s.VoidEntry(ctx, a.Entry.ID, "U_TEST", "철회", at); err != nil {
		t.Fatalf("the agreement without live hires: %v", err)
	}
	dbtest.CheckTotals(t, s)
}

// E: the store keeps the newest question per user and entry, and reads it
// only within the window given.
func TestHeldConfirmationKeepsTheNewestQuestion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	at := time.Date(2026, 11, 26, 1, 0, 0, 0, time.UTC)
	const print = "0123456789abcdef"
	first, second := "aaaaaaaaaaaaaaaa"+print, "bbbbbbbbbbbbbbbb"+print
	if tok, err := s.HeldConfirmation(ctx, "U1", print, at.Add(-time.Hour)); err != nil || tok != "" {
		t.Fatalf("before any question: %q %v", tok, err)
	}
	if err := s.HoldConfirmation(ctx, "U1", print, first, at); err != nil {
		t.Fatal(err)
	}
	if err := s.HoldConfirmation(ctx, "U1", print, second, at.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if tok, err := s.HeldConfirmation(ctx, "U1", print, at); err != nil || tok != second {
		t.Fatalf("newest question: %q %v, want %q", tok, err, second)
	}
	if tok, err := s.HeldConfirmation(ctx, "U2", print, at); err != nil || tok != "" {
		t.Fatalf("another user's question: %q %v", tok, err)
	}
	if tok, err := s.HeldConfirmation(ctx, "U1", print, at.Add(time.Hour)); err != nil || tok != "" {
		t.Fatalf("a question older than the window: %q %v", tok, err)
	}
}

// H: a merge of a department with live entries in a closed month is
// refused by the store, naming the month; nothing moves.
func TestMergeRefusesAClosedMonthInTheStore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	if _, err := s.AddDepartment(ctx, commands.Department{Name: "일자리경재과"}); err != nil {
		t.Fatal(err)
	}
	e := delta(youth.ID, 10, day(2026, 9, 10))
	e.Department = "일자리경재과"
	if _, err := s.AddEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CloseMonth(ctx, day(2026, 9, 1), "U_M", time.Time{}); err != nil {
		t.Fatal(err)
	}
	_, err := s.MergeDepartments(ctx, "일자리경재과", "일자리정책과")
	var closed *commands.MergeClosedMonthsError
	if !errors.As(err, &closed) || len(closed.Months) != 1 || !closed.Months[0].Equal(day(2026, 9, 1)) {
		t.Fatalf("merge into a closed month: %v, want MergeClosedMonthsError naming 2026-09", err)
	}
	var n int
	if err := s.DB().GetContext(ctx, &n, `SELECT count(*) FROM entries WHERE department = '일자리경재과'`); err != nil || n != 1 {
		t.Fatalf("%d entries left in 일자리경재과 (%v), want 1", n, err)
	}
	dbtest.CheckTotals(t, s)
}
