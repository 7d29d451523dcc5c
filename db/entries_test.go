package db_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

func TestAddDeltaAndProgramTotal(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")

	before := time.Now().Add(-time.Minute)
	first := mustAdd(t, s, delta(youth.ID, 35, day(2026, 4, 30)))
	e := first.Entry
	if e.ID == 0 || e.ProgramID != youth.ID || e.ProgramCode != "youth" || e.Count != 35 ||
		e.Kind != commands.KindDelta || !e.AsOf.Equal(day(2026, 4, 30)) || e.ReportedTotal != 0 || e.Voided() {
		t.Errorf("entry = %+v", e)
	}
	if e.CreatedAt.Location() != time.UTC || e.CreatedAt.Before(before) {
		t.Errorf("CreatedAt = %v, want a recent UTC time", e.CreatedAt)
	}
	if e.AsOf.Location() != time.UTC {
		t.Errorf("AsOf = %v, want midnight UTC", e.AsOf)
	}
	if first.ProgramTotal != 35 || first.Duplicate {
		t.Errorf("first add: total %d duplicate %v, want 35 false", first.ProgramTotal, first.Duplicate)
	}
	if got := mustAdd(t, s, delta(youth.ID, 10, day(2026, 5, 2))).ProgramTotal; got != 45 {
		t.Errorf("ProgramTotal after +10 = %d, want 45", got)
	}
	// Another year and another status have totals of their own.
	if got := mustAdd(t, s, delta(youth.ID, 7, day(2025, 12, 31))).ProgramTotal; got != 7 {
		t.Errorf("ProgramTotal of 2025 = %d, want 7", got)
	}
	agreed := delta(youth.ID, 100, day(2026, 4, 30))
	agreed.Status = commands.StatusAgreed
	if got := mustAdd(t, s, agreed).ProgramTotal; got != 100 {
		t.Errorf("agreed ProgramTotal = %d, want 100", got)
	}

	totals, err := s.ProgramTotals(ctx, day(2026, 1, 1), day(2026, 12, 31), "")
	if err != nil {
		t.Fatalf("ProgramTotals: %v", err)
	}
	want := []commands.ProgramTotal{{ProgramID: youth.ID, Jobs: 45, Agreed: 100}}
	if !slices.Equal(totals, want) {
		t.Errorf("ProgramTotals = %+v, want %+v", totals, want)
	}
}

func TestAddEntryStoresTextVerbatim(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	social := programByCode(t, s, "social")
	in := delta(social.ID, 12, day(2026, 4, 30))
	in.Note = `4월말 현재 "대전형" 일자리 '여' 포함'; DROP TABLE entries; -- 🎉 \n ok`
	in.Department = "사회적경제과 O'Brien"
	in.LoggedBy = "U012AB3CD"
	in.EmploymentType = "regular"
	in.Approximate = true
	in.Source = commands.SourceModal
	res := mustAdd(t, s, in)
	got, err := s.Entry(ctx, res.Entry.ID)
	if err != nil {
		t.Fatalf("Entry: %v", err)
	}
	for _, e := range []commands.Entry{res.Entry, got} {
		if e.Note != in.Note || e.Department != in.Department || e.LoggedBy != in.LoggedBy ||
			e.EmploymentType != in.EmploymentType || !e.Approximate || e.Source != in.Source ||
			e.IdempotencyKey != in.IdempotencyKey || e.ProgramCode != "social" {
			t.Errorf("entry = %+v, want the fields of %+v", e, in)
		}
	}
}

func TestAddEntryCreditsProgramDepartmentWhenNoneGiven(t *testing.T) {
	t.Parallel()
	s := dbtest.New(t)
	senior := programByCode(t, s, "senior")
	res := mustAdd(t, s, delta(senior.ID, 3, day(2026, 3, 31)))
	if res.Entry.Department != senior.Department {
		t.Errorf("Department = %q, want the program's %q", res.Entry.Department, senior.Department)
	}
}

func TestAddEntryWithoutKeyIsNeverADuplicate(t *testing.T) {
	t.Parallel()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	for range 2 {
		e := delta(youth.ID, 1, day(2026, 1, 5))
		e.IdempotencyKey = ""
		if res := mustAdd(t, s, e); res.Duplicate || res.Entry.IdempotencyKey == "" {
			t.Errorf("add without a key: %+v", res)
		}
	}
}

func TestAddEntryRefusesBadInput(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	if _, err := s.AddEntry(ctx, delta(999999, 5, day(2026, 4, 30))); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("entry for a missing program: err = %v, want ErrNotFound", err)
	}
	for _, n := range []int64{0, -5} {
		if _, err := s.AddEntry(ctx, delta(youth.ID, n, day(2026, 4, 30))); err == nil {
			t.Errorf("delta of %d was accepted", n)
		}
	}
	bad := delta(youth.ID, 5, day(2026, 4, 30))
	bad.Status = "promised"
	if _, err := s.AddEntry(ctx, bad); err == nil {
		t.Error("an entry with an unknown status was accepted")
	}
	if got, _ := s.ListEntries(ctx, commands.EntryFilter{}); len(got) != 0 {
		t.Errorf("refused entries left %d rows", len(got))
	}
}

func TestAddEntryIdempotent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	in := delta(youth.ID, 35, day(2026, 4, 30))
	first := mustAdd(t, s, in)
	again := in
	again.Count = 99 // a retry carries the same key; its content does not matter
	second := mustAdd(t, s, again)
	if !second.Duplicate || second.Entry.ID != first.Entry.ID || second.Entry.Count != 35 || second.ProgramTotal != 35 {
		t.Errorf("repeat = %+v, want the first entry (ID %d, 35 jobs) marked Duplicate", second, first.Entry.ID)
	}
	if second.Entry.ProgramCode != "youth" {
		t.Errorf("duplicate's ProgramCode = %q", second.Entry.ProgramCode)
	}

	// A retried cumulative report is a duplicate too, not a figure below the
	// total it produced itself.
	cum := cumulative(youth.ID, 100, day(2026, 5, 31))
	firstCum := mustAdd(t, s, cum)
	retry := mustAdd(t, s, cum)
	if !retry.Duplicate || retry.Entry.ID != firstCum.Entry.ID || retry.ProgramTotal != 100 {
		t.Errorf("retried cumulative = %+v, want duplicate of entry %d with total 100", retry, firstCum.Entry.ID)
	}
	totals, err := s.ProgramTotals(ctx, day(2026, 1, 1), day(2026, 12, 31), "")
	if err != nil {
		t.Fatalf("ProgramTotals: %v", err)
	}
	if len(totals) != 1 || totals[0].Jobs != 100 {
		t.Errorf("ProgramTotals = %+v, want youth at 100", totals)
	}
}

func TestAddEntryIdempotentUnderConcurrency(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	in := delta(youth.ID, 5, day(2026, 4, 30))
	const n = 8
	results := make([]commands.AddResult, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { results[i], errs[i] = s.AddEntry(ctx, in) })
	}
	wg.Wait()
	fresh := 0
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("AddEntry %d: %v", i, errs[i])
		}
		if !results[i].Duplicate {
			fresh++
		}
	}
	if fresh != 1 {
		t.Errorf("%d of %d identical requests were recorded, want 1", fresh, n)
	}
	totals, _ := s.ProgramTotals(ctx, day(2026, 1, 1), day(2026, 12, 31), "")
	if len(totals) != 1 || totals[0].Jobs != 5 {
		t.Errorf("ProgramTotals = %+v, want youth at 5", totals)
	}
}

func TestCumulativeStoresDifference(t *testing.T) {
	t.Parallel()
	s := dbtest.New(t)
	invest := programByCode(t, s, "invest")
	mustAdd(t, s, delta(invest.ID, 400, day(2026, 2, 28)))
	res := mustAdd(t, s, cumulative(invest.ID, 2400, day(2026, 4, 30)))
	e := res.Entry
	if e.Kind != commands.KindCumulative || e.Count != 2000 || e.ReportedTotal != 2400 || res.ProgramTotal != 2400 {
		t.Errorf("cumulative 2,400 over 400: entry %+v total %d, want count 2000 reported 2400 total 2400", e, res.ProgramTotal)
	}
	// The year is the as-of date's: last year's total starts from zero.
	if res := mustAdd(t, s, cumulative(invest.ID, 600, day(2025, 12, 31))); res.Entry.Count != 600 {
		t.Errorf("cumulative in 2025 recorded %d, want 600", res.Entry.Count)
	}
	// Agreed jobs have a running total of their own.
	agreed := cumulative(invest.ID, 50, day(2026, 4, 30))
	agreed.Status = commands.StatusAgreed
	if res := mustAdd(t, s, agreed); res.Entry.Count != 50 || res.ProgramTotal != 50 {
		t.Errorf("agreed cumulative: %+v", res)
	}
}

func TestCumulativeBelowWritesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	rail := programByCode(t, s, "rail")
	mustAdd(t, s, cumulative(rail.ID, 600, day(2026, 4, 30)))
	_, err := s.AddEntry(ctx, cumulative(rail.ID, 500, day(2026, 5, 31)))
	var below *commands.CumulativeBelowError
	if !errors.As(err, &below) {
		t.Fatalf("cumulative 500 under 600: err = %v, want *CumulativeBelowError", err)
	}
	if below.Current != 600 || below.Reported != 500 || len(below.Entries) != 1 || below.Entries[0].ReportedTotal != 600 {
		t.Errorf("CumulativeBelowError = %+v, want current 600 reported 500 naming the 600 report", below)
	}
	// Equal: the ledger already agrees; nothing is written and nothing refused.
	res, err := s.AddEntry(ctx, cumulative(rail.ID, 600, day(2026, 5, 31)))
	if err != nil || !res.Agrees || res.Entry.ID != 0 || res.ProgramTotal != 600 {
		t.Errorf("cumulative 600 equal to the total: %+v, %v; want Agrees", res, err)
	}
	got, err := s.ListEntries(ctx, commands.EntryFilter{})
	if err != nil {
		t.Fatalf("ListEntries: %v", err)
	}
	if len(got) != 1 {
		t.Errorf("%d entries after refused reports, want 1", len(got))
	}
	totals, _ := s.ProgramTotals(ctx, day(2026, 1, 1), day(2026, 12, 31), "")
	if len(totals) != 1 || totals[0].Jobs != 600 {
		t.Errorf("ProgramTotals = %+v, want rail at 600", totals)
	}
}

func TestConcurrentCumulativeReportsNeverDoubleCount(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	vulnerable := programByCode(t, s, "vulnerable")
	mustAdd(t, s, delta(vulnerable.ID, 100, day(2026, 1, 31)))

	// Round one: everyone reports the same figure; exactly one must win.
	// Round two: different figures; the total must end at the largest.
	rounds := [][]int64{
		{7100, 7100, 7100, 7100, 7100, 7100, 7100, 7100},
		{7200, 7900, 7300, 7800, 7400, 7700, 7500, 7600},
	}
	for r, figures := range rounds {
		results := make([]commands.AddResult, len(figures))
		errs := make([]error, len(figures))
		var wg sync.WaitGroup
		for i, f := range figures {
			wg.Go(func() {
				results[i], errs[i] = s.AddEntry(ctx, cumulative(vulnerable.ID, f, day(2026, 4, 30)))
			})
		}
		wg.Wait()
		wins := 0
		for i := range figures {
			var below *commands.CumulativeBelowError
			switch {
			case errs[i] == nil && results[i].Agrees:
				if results[i].Entry.ReportedTotal != figures[i] {
					t.Errorf("round %d: agreement with %d reported as %+v", r, figures[i], results[i])
				}
			case errs[i] == nil:
				wins++
				if results[i].ProgramTotal != figures[i] {
					t.Errorf("round %d: report of %d left the total at %d", r, figures[i], results[i].ProgramTotal)
				}
			case errors.As(errs[i], &below):
				if below.Current < below.Reported {
					t.Errorf("round %d: refused %d although the total was only %d", r, below.Reported, below.Current)
				}
			default:
				t.Fatalf("round %d: AddEntry(%d): %v", r, figures[i], errs[i])
			}
		}
		if r == 0 && wins != 1 {
			t.Errorf("round 0: %d identical reports were recorded, want 1", wins)
		}
		wantTotal := slices.Max(figures)
		totals, err := s.ProgramTotals(ctx, day(2026, 1, 1), day(2026, 12, 31), "")
		if err != nil {
			t.Fatalf("ProgramTotals: %v", err)
		}
		if len(totals) != 1 || totals[0].Jobs != wantTotal {
			t.Errorf("round %d: ProgramTotals = %+v, want %d", r, totals, wantTotal)
		}
	}
}

func TestVoidEntry(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	women := programByCode(t, s, "women")
	keep := mustAdd(t, s, delta(women.ID, 20, day(2026, 4, 1))).Entry
	wrong := mustAdd(t, s, delta(women.ID, 300, day(2026, 4, 2))).Entry

	start := time.Now().Add(-time.Minute)
	res, err := s.VoidEntry(ctx, wrong.ID, "U_MANAGER", "30을 300으로 잘못 입력", time.Now())
	voided := res.Entry
	if err != nil {
		t.Fatalf("VoidEntry: %v", err)
	}
	if !voided.Voided() || voided.VoidedBy != "U_MANAGER" || voided.VoidReason != "30을 300으로 잘못 입력" ||
		voided.VoidedAt.Location() != time.UTC || voided.VoidedAt.Before(start) || voided.ProgramCode != "women" {
		t.Errorf("voided entry = %+v", voided)
	}
	totals, _ := s.ProgramTotals(ctx, day(2026, 1, 1), day(2026, 12, 31), "")
	if len(totals) != 1 || totals[0].Jobs != 20 {
		t.Errorf("after the void ProgramTotals = %+v, want women at 20", totals)
	}
	if _, err := s.VoidEntry(ctx, wrong.ID, "U_OTHER", "again", time.Now()); !errors.Is(err, commands.ErrAlreadyVoided) {
		t.Errorf("second void: err = %v, want ErrAlreadyVoided", err)
	}
	if got, _ := s.Entry(ctx, wrong.ID); got.VoidedBy != "U_MANAGER" {
		t.Errorf("a refused second void changed the entry: %+v", got)
	}
	if _, err := s.VoidEntry(ctx, 999999, "U_MANAGER", "no such", time.Now()); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("void of a missing entry: err = %v, want ErrNotFound", err)
	}
	// The newest live entry is the one left.
	latest, err := s.LatestLiveEntryBy(ctx, "U_TEST")
	if err != nil || latest.ID != keep.ID {
		t.Errorf("LatestLiveEntryBy = %+v, %v; want entry %d", latest, err, keep.ID)
	}
	// A cumulative report now starts from the reduced total.
	if res := mustAdd(t, s, cumulative(women.ID, 50, day(2026, 4, 30))); res.Entry.Count != 30 {
		t.Errorf("cumulative 50 after the void recorded %d, want 30", res.Entry.Count)
	}
}

func TestConcurrentVoidsOfOneEntry(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	e := mustAdd(t, s, delta(youth.ID, 9, day(2026, 4, 30))).Entry
	mustAdd(t, s, delta(youth.ID, 1, day(2026, 4, 30)))
	const n = 6
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { _, errs[i] = s.VoidEntry(ctx, e.ID, fmt.Sprintf("U%d", i), "dup", time.Now()) })
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, commands.ErrAlreadyVoided):
			t.Errorf("VoidEntry: %v", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d voids succeeded, want 1", ok)
	}
	totals, _ := s.ProgramTotals(ctx, day(2026, 1, 1), day(2026, 12, 31), "")
	if len(totals) != 1 || totals[0].Jobs != 1 {
		t.Errorf("ProgramTotals = %+v, want youth at 1", totals)
	}
}

func TestLatestLiveEntryByNobody(t *testing.T) {
	t.Parallel()
	s := dbtest.New(t)
	if _, err := s.LatestLiveEntryBy(context.Background(), "U_NOBODY"); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
	if _, err := s.Entry(context.Background(), 1); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("Entry(1) on an empty ledger: err = %v, want ErrNotFound", err)
	}
}

func TestListEntries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	senior := programByCode(t, s, "senior")
	var ids []int64
	for i, spec := range []struct {
		program int64
		user    string
		asOf    time.Time
	}{
		{youth.ID, "U_A", day(2026, 1, 31)},
		{senior.ID, "U_A", day(2026, 2, 28)},
		{youth.ID, "U_B", day(2026, 3, 31)},
		{youth.ID, "U_A", day(2026, 4, 30)},
	} {
		e := delta(spec.program, int64(i+1), spec.asOf)
		e.LoggedBy = spec.user
		ids = append(ids, mustAdd(t, s, e).Entry.ID)
	}
	if _, err := s.VoidEntry(ctx, ids[3], "U_A", "typo", time.Now()); err != nil {
		t.Fatalf("VoidEntry: %v", err)
	}
	tests := []struct {
		name string
		f    commands.EntryFilter
		want []int64
	}{
		{"everything, newest first, voided included", commands.EntryFilter{}, []int64{ids[3], ids[2], ids[1], ids[0]}},
		{"by user", commands.EntryFilter{LoggedBy: "U_A"}, []int64{ids[3], ids[1], ids[0]}},
		{"by program", commands.EntryFilter{ProgramID: youth.ID}, []int64{ids[3], ids[2], ids[0]}},
		{"from", commands.EntryFilter{From: day(2026, 3, 31)}, []int64{ids[3], ids[2]}},
		{"to, inclusive", commands.EntryFilter{To: day(2026, 2, 28)}, []int64{ids[1], ids[0]}},
		{"span and program", commands.EntryFilter{ProgramID: youth.ID, From: day(2026, 2, 1), To: day(2026, 3, 31)}, []int64{ids[2]}},
		{"limit", commands.EntryFilter{Limit: 2}, []int64{ids[3], ids[2]}},
	}
	for _, tt := range tests {
		got, err := s.ListEntries(ctx, tt.f)
		if err != nil {
			t.Fatalf("%s: ListEntries: %v", tt.name, err)
		}
		var gotIDs []int64
		for _, e := range got {
			gotIDs = append(gotIDs, e.ID)
			if e.ProgramCode == "" {
				t.Errorf("%s: entry %d without ProgramCode", tt.name, e.ID)
			}
		}
		if !slices.Equal(gotIDs, tt.want) {
			t.Errorf("%s: ids %v, want %v", tt.name, gotIDs, tt.want)
		}
	}
}

func TestVoidedBetween(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	var ids []int64
	for range 3 {
		ids = append(ids, mustAdd(t, s, delta(youth.ID, 1, day(2026, 4, 30))).Entry.ID)
	}
	start := time.Now().Add(-time.Second)
	for _, id := range []int64{ids[2], ids[0]} {
		if _, err := s.VoidEntry(ctx, id, "U_M", "test", time.Now()); err != nil {
			t.Fatalf("VoidEntry: %v", err)
		}
	}
	end := time.Now().Add(time.Second)
	got, err := s.VoidedBetween(ctx, start, end)
	if err != nil {
		t.Fatalf("VoidedBetween: %v", err)
	}
	if len(got) != 2 || got[0].ID != ids[2] || got[1].ID != ids[0] {
		t.Errorf("VoidedBetween = %+v, want entries %d then %d", got, ids[2], ids[0])
	}
	if got, _ := s.VoidedBetween(ctx, end, end.Add(time.Hour)); len(got) != 0 {
		t.Errorf("VoidedBetween a later span = %d entries, want 0", len(got))
	}
}

// The indexes on entries are exactly those migration 00017 lists with the
// query each serves, 00033's partial index of the latest report (the 여
// rule) and 00041's unique index of origins (기록 식별자: an import finds
// the entries it already holds by it, and it keeps one entry per origin):
// every other one would cost each add for nothing.
func TestEntriesIndexesServeAQuery(t *testing.T) {
	t.Parallel()
	s := dbtest.New(t)
	var got []string
	err := s.DB().SelectContext(context.Background(), &got,
		`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'entries' ORDER BY indexname`)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"entries_by_as_of", "entries_by_program", "entries_by_user", "entries_idempotency_key_key",
		"entries_live_cumulative", "entries_live_cumulative_by_as_of", "entries_live_cumulative_latest", "entries_origin", "entries_pkey", "entries_voided_at"}
	if !slices.Equal(got, want) {
		t.Errorf("indexes on entries = %v, want %v (see migrations 00017, 00033 and 00041)", got, want)
	}
}
