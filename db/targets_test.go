package db_test

import (
	"context"
	"errors"
	"maps"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

func TestTargetsAndRevisions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	social := programByCode(t, s, "social")

	empty, err := s.Targets(ctx, 2026)
	if err != nil {
		t.Fatalf("Targets: %v", err)
	}
	if empty.Year != 2026 || empty.Total != 0 || empty.Programs == nil || len(empty.Programs) != 0 {
		t.Errorf("Targets of a year without any = %+v, want zero total and an empty map", empty)
	}

	start := time.Now().Add(-time.Minute)
	first, err := s.SetTarget(ctx, 2026, 0, 20500, "U_MANAGER", time.Now())
	if err != nil {
		t.Fatalf("SetTarget: %v", err)
	}
	if first.Old != 0 || first.New != 20500 || first.By != "U_MANAGER" || first.ProgramID != 0 || first.Year != 2026 ||
		first.At.Before(start) || first.At.Location() != time.UTC {
		t.Errorf("first target = %+v", first)
	}
	revised, err := s.SetTarget(ctx, 2026, 0, 21000, "U_DIRECTOR", time.Now())
	if err != nil {
		t.Fatalf("SetTarget: %v", err)
	}
	if revised.Old != 20500 || revised.New != 21000 || revised.By != "U_DIRECTOR" {
		t.Errorf("revision = %+v, want 20500 → 21000 by U_DIRECTOR", revised)
	}
	if _, err := s.SetTarget(ctx, 2026, social.ID, 1700, "U_MANAGER", time.Now()); err != nil {
		t.Fatalf("SetTarget of a program: %v", err)
	}
	if _, err := s.SetTarget(ctx, 2025, 0, 19000, "U_MANAGER", time.Now()); err != nil {
		t.Fatalf("SetTarget of another year: %v", err)
	}

	got, err := s.Targets(ctx, 2026)
	if err != nil {
		t.Fatalf("Targets: %v", err)
	}
	if got.Total != 21000 || !maps.Equal(got.Programs, map[int64]int64{social.ID: 1700}) {
		t.Errorf("Targets(2026) = %+v, want total 21000 and social 1700", got)
	}

	same, err := s.SetTarget(ctx, 2026, 0, 21000, "U_OTHER", time.Now())
	if err != nil {
		t.Fatalf("SetTarget of the same figure: %v", err)
	}
	if same.Old != 21000 || same.New != 21000 {
		t.Errorf("same figure again = %+v, want Old == New == 21000", same)
	}

	history, err := s.TargetHistory(ctx, 2026, 0)
	if err != nil {
		t.Fatalf("TargetHistory: %v", err)
	}
	if len(history) != 2 || history[0].Old != 0 || history[0].New != 20500 ||
		history[1].Old != 20500 || history[1].New != 21000 || history[1].By != "U_DIRECTOR" {
		t.Errorf("history = %+v, want 0 → 20500 then 20500 → 21000", history)
	}

	if _, err := s.SetTarget(ctx, 2026, 999999, 10, "U_MANAGER", time.Now()); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("target of a missing program: err = %v, want ErrNotFound", err)
	}
}

func TestConcurrentTargetRevisionsChain(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() { _, errs[i] = s.SetTarget(ctx, 2026, 0, int64(1000*(i+1)), "U_MANAGER", time.Now()) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatalf("SetTarget: %v", err)
		}
	}
	history, err := s.TargetHistory(ctx, 2026, 0)
	if err != nil {
		t.Fatalf("TargetHistory: %v", err)
	}
	if len(history) != n || history[0].Old != 0 {
		t.Fatalf("history = %+v, want %d revisions starting from none", history, n)
	}
	// Each revision's old value is the previous one's new value: none lost.
	for i := 1; i < n; i++ {
		if history[i].Old != history[i-1].New {
			t.Errorf("revision %d starts from %d, previous ended at %d", i, history[i].Old, history[i-1].New)
		}
	}
	got, _ := s.Targets(ctx, 2026)
	if got.Total != history[n-1].New {
		t.Errorf("current total %d, last revision %d", got.Total, history[n-1].New)
	}
}

// A revision without a reason is refused inside the store's transaction,
// so a manager whose command checked before another manager set the target
// cannot store a reasonless revision (second hostile pass, C). The first
// setting needs none; the refused revision writes nothing.
func TestReviseTargetRefusesARevisionWithoutAReason(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	at := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	if _, err := s.ReviseTarget(ctx, 2026, 0, 100, "U_M1", "", at); err != nil {
		t.Fatalf("first setting: %v", err)
	}
	_, err := s.ReviseTarget(ctx, 2026, 0, 200, "U_M2", "", at)
	var need *commands.TargetReasonError
	if !errors.As(err, &need) || need.Old != 100 {
		t.Fatalf("a revision without a reason: %v, want TargetReasonError{Old: 100}", err)
	}
	targets, err := s.Targets(ctx, 2026)
	if err != nil || targets.Total != 100 {
		t.Fatalf("target after the refused revision: %d (%v), want 100", targets.Total, err)
	}
	var revisions int
	if err := s.DB().GetContext(ctx, &revisions, `SELECT count(*) FROM target_revisions WHERE new_jobs = 200`); err != nil || revisions != 0 {
		t.Fatalf("%d revisions to 200 (%v), want none", revisions, err)
	}
	if _, err := s.ReviseTarget(ctx, 2026, 0, 200, "U_M2", "추경 반영", at); err != nil {
		t.Fatalf("a revision with a reason: %v", err)
	}
}

// A department target's revision without a reason is refused inside the
// store's transaction, as a program target's is: a manager whose command
// read the targets before another manager set this one cannot store a
// reasonless revision (second hostile pass, C). The refused revision writes
// nothing; the same figure again is no revision and needs no reason.
func TestSetDepartmentTargetRefusesARevisionWithoutAReason(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	at := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	if _, _, err := s.SetDepartmentTarget(ctx, 2026, "복지정책과", 100, "U_M1", "", at); err != nil {
		t.Fatalf("first setting: %v", err)
	}
	_, _, err := s.SetDepartmentTarget(ctx, 2026, "복지정책과", 200, "U_M2", "", at)
	var need *commands.TargetReasonError
	if !errors.As(err, &need) || need.Old != 100 {
		t.Fatalf("a revision without a reason: %v, want TargetReasonError{Old: 100}", err)
	}
	targets, err := s.DepartmentTargets(ctx, 2026)
	if err != nil || targets["복지정책과"] != 100 {
		t.Fatalf("target after the refused revision: %d (%v), want 100", targets["복지정책과"], err)
	}
	var revisions int
	if err := s.DB().GetContext(ctx, &revisions, `SELECT count(*) FROM department_target_revisions WHERE new_jobs = 200`); err != nil || revisions != 0 {
		t.Fatalf("%d revisions to 200 (%v), want none", revisions, err)
	}
	if _, unchanged, err := s.SetDepartmentTarget(ctx, 2026, "복지정책과", 100, "U_M2", "", at); err != nil || !unchanged {
		t.Fatalf("the same figure again: unchanged %v, %v", unchanged, err)
	}
	if _, _, err := s.SetDepartmentTarget(ctx, 2026, "복지정책과", 200, "U_M2", "추경 반영", at); err != nil {
		t.Fatalf("a revision with a reason: %v", err)
	}
}
