package db_test

import (
	"context"
	"errors"
	"maps"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

func newCandidate(name string) commands.NewCandidate {
	return commands.NewCandidate{
		Name:           name,
		Kind:           commands.KindPreliminaryRegional,
		Representative: "김대표",
		Department:     "사회적경제과",
		Mission:        commands.MissionJobs,
		Note:           "현장 실사 완료",
		CreatedBy:      "U_STAFF",
		IdempotencyKey: key(),
	}
}

func TestCandidatePipeline(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	start := time.Now().Add(-time.Second)

	in := newCandidate(`(주)한밭 "나눔" 협동조합 🌱`)
	c, err := s.AddCandidate(ctx, in)
	if err != nil {
		t.Fatalf("AddCandidate: %v", err)
	}
	if c.ID == 0 || c.Stage != commands.StageDiscovered || c.Name != in.Name || c.Kind != in.Kind ||
		c.Representative != in.Representative || c.Mission != in.Mission || c.Note != in.Note ||
		c.CreatedBy != "U_STAFF" || c.CreatedAt.Location() != time.UTC {
		t.Errorf("AddCandidate = %+v", c)
	}
	again, err := s.AddCandidate(ctx, in)
	if err != nil || again.ID != c.ID {
		t.Errorf("repeated AddCandidate = %+v, %v; want candidate %d", again, err, c.ID)
	}

	other, err := s.AddCandidate(ctx, newCandidate("마을기업 둔산"))
	if err != nil {
		t.Fatalf("AddCandidate: %v", err)
	}

	moved, err := s.MoveCandidate(ctx, c.ID, commands.StageDiscovered, commands.StageReview, "U_STAFF", "서류 검토", time.Now())
	if err != nil {
		t.Fatalf("MoveCandidate: %v", err)
	}
	if moved.Stage != commands.StageReview || moved.UpdatedAt.Before(moved.CreatedAt) {
		t.Errorf("moved = %+v", moved)
	}
	// A second user acting on the same stale view loses.
	if _, err := s.MoveCandidate(ctx, c.ID, commands.StageDiscovered, commands.StageOnHold, "U_OTHER", "", time.Now()); !errors.Is(err, commands.ErrConflict) {
		t.Errorf("move from a stale stage: err = %v, want ErrConflict", err)
	}
	if _, err := s.MoveCandidate(ctx, 999999, commands.StageDiscovered, commands.StageReview, "U_STAFF", "", time.Now()); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("move of a missing candidate: err = %v, want ErrNotFound", err)
	}
	if _, err := s.MoveCandidate(ctx, c.ID, commands.StageReview, commands.StageBriefing, "U_STAFF", "설명회 참석", time.Now()); err != nil {
		t.Fatalf("MoveCandidate: %v", err)
	}

	got, history, err := s.Candidate(ctx, c.ID)
	if err != nil {
		t.Fatalf("Candidate: %v", err)
	}
	if got.Stage != commands.StageBriefing {
		t.Errorf("stage = %q, want briefing", got.Stage)
	}
	want := []struct{ from, to commands.Stage }{
		{"", commands.StageDiscovered},
		{commands.StageDiscovered, commands.StageReview},
		{commands.StageReview, commands.StageBriefing},
	}
	if len(history) != len(want) {
		t.Fatalf("history = %+v, want %d moves", history, len(want))
	}
	for i, w := range want {
		h := history[i]
		if h.From != w.from || h.To != w.to || h.CandidateID != c.ID || h.CandidateName != in.Name {
			t.Errorf("history[%d] = %+v, want %q → %q", i, h, w.from, w.to)
		}
	}
	if history[1].Note != "서류 검토" || history[1].By != "U_STAFF" {
		t.Errorf("history[1] = %+v, want note and author kept", history[1])
	}
	if _, _, err := s.Candidate(ctx, 999999); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("Candidate(999999): err = %v, want ErrNotFound", err)
	}

	counts, err := s.StageCounts(ctx)
	if err != nil {
		t.Fatalf("StageCounts: %v", err)
	}
	if !maps.Equal(counts, map[commands.Stage]int{commands.StageBriefing: 1, commands.StageDiscovered: 1}) {
		t.Errorf("StageCounts = %v", counts)
	}

	all, err := s.Candidates(ctx, "")
	if err != nil {
		t.Fatalf("Candidates: %v", err)
	}
	if len(all) != 2 || all[0].ID != other.ID || all[1].ID != c.ID {
		t.Errorf("Candidates(\"\") = %+v, want newest first", all)
	}
	briefing, err := s.Candidates(ctx, commands.StageBriefing)
	if err != nil || len(briefing) != 1 || briefing[0].ID != c.ID {
		t.Errorf("Candidates(briefing) = %+v, %v", briefing, err)
	}

	end := time.Now().Add(time.Second)
	moves, err := s.StageMovesBetween(ctx, start, end)
	if err != nil {
		t.Fatalf("StageMovesBetween: %v", err)
	}
	// Two creations and two moves, oldest first.
	if len(moves) != 4 || moves[0].To != commands.StageDiscovered || moves[3].To != commands.StageBriefing {
		t.Errorf("StageMovesBetween = %+v", moves)
	}
	for i := 1; i < len(moves); i++ {
		if moves[i].At.Before(moves[i-1].At) {
			t.Errorf("moves out of order at %d: %v before %v", i, moves[i].At, moves[i-1].At)
		}
	}
	if later, _ := s.StageMovesBetween(ctx, end, end.Add(time.Hour)); len(later) != 0 {
		t.Errorf("StageMovesBetween a later span = %+v, want none", later)
	}
}
