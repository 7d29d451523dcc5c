package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// nextStages are the moves a candidate's reply offers as buttons.
var nextStages = map[Stage][]Stage{
	StageDiscovered: {StageReview, StageOnHold},
	StageReview:     {StageBriefing, StageOnHold},
	StageBriefing:   {StageApplied, StageDeferred},
	StageApplied:    {StageScreening},
	StageScreening:  {StageDesignated, StageNotSelected},
	StageOnHold:     {StageReview},
	StageDeferred:   {StageApplied},
}

func (s *Service) stageButtons(c Candidate, caller Caller) []Action {
	var out []Action
	for _, st := range nextStages[c.Stage] {
		if st.Decision() && !s.IsManager(caller.UserID) {
			continue // designating or not selecting is a manager's decision
		}
		out = append(out, Action{ID: ActionMove, Label: "→ " + label(stageWords, st, s.lang),
			Command: fmt.Sprintf("candidate move %d %s", c.ID, st)})
	}
	return out
}

func (s *Service) candidateLine(c Candidate) string {
	line := fmt.Sprintf("#%d %s · %s", c.ID, c.Name, label(stageWords, c.Stage, s.lang))
	if c.Kind != "" {
		line += " · " + label(kindWords, c.Kind, s.lang)
	}
	if c.Department != "" {
		line += " · " + c.Department
	}
	return line
}

// candidateAdd answers `candidate add <name> …`.
func (s *Service) candidateAdd(ctx context.Context, c Caller, cmd Command) Reply {
	name := CleanName(strings.Join(cmd.Words, " "))
	o := cmd.Opts
	o.Rep = CleanName(o.Rep)
	dept, r, ok := s.managedDepartment(ctx, cmd.Name, o.Department)
	if !ok {
		return r
	}
	o.Department = dept
	switch {
	case name == "":
		return s.refuse(cmd.Name, s.msg("candidates.give_organisation_name"))
	case utf8.RuneCountInString(name) > MaxNameRunes || utf8.RuneCountInString(o.Rep) > MaxNameRunes || utf8.RuneCountInString(o.Department) > MaxNameRunes:
		return s.refuse(cmd.Name, s.msg("shared.name_too_long", "MaxNameRunes", MaxNameRunes))
	case utf8.RuneCountInString(o.Note) > MaxNoteRunes:
		return s.refuse(cmd.Name, s.msg("shared.note_too_long", "MaxNoteRunes", MaxNoteRunes))
	}
	cand, err := s.store.AddCandidate(ctx, NewCandidate{Name: name, Kind: o.Kind, Representative: o.Rep, Department: o.Department,
		Mission: o.Mission, Note: o.Note, CreatedBy: c.UserID, IdempotencyKey: c.key(":candidate"), CreatedAt: s.now()})
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	var lines []string
	if cand.Kind != "" {
		lines = append(lines, s.msg("candidates.show.kind", "Value", label(kindWords, cand.Kind, s.lang)))
	}
	if cand.Mission != "" {
		// the mission read back, so a field typed under another label is seen at once (review r47 F6)
		lines = append(lines, s.msg("candidates.show.mission", "Value", label(missionWords, cand.Mission, s.lang)))
	}
	lines = append(lines, s.msg("candidates.move_it_on_with", "ID", cand.ID))
	return Reply{Title: s.msg("candidates.recorded", "ID", cand.ID, "Name", cand.Name, "Label", label(stageWords, cand.Stage, s.lang)),
		Sections: []Section{{Lines: lines}},
		Actions:  s.stageButtons(cand, c)}
}

// candidateList answers `candidate list [stage]`.
func (s *Service) candidateList(ctx context.Context, cmd Command) Reply {
	list, err := s.store.Candidates(ctx, cmd.Stage)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if len(list) == 0 {
		return Reply{Title: s.msg("candidates.no_candidates_match")}
	}
	lines := make([]string, 0, len(list))
	for _, c := range list {
		lines = append(lines, s.candidateLine(c))
	}
	return Reply{Title: s.msg("candidates.list_title", "Count", len(list)), Sections: []Section{{Lines: lines}}}
}

// candidateShow answers `candidate show <number>`.
func (s *Service) candidateShow(ctx context.Context, caller Caller, cmd Command) Reply {
	id := cmd.ID
	c, moves, err := s.store.Candidate(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return s.refuse(cmdCandidateShow, s.msg("candidates.no_such_candidate", "ID", id))
	}
	if err != nil {
		return s.storageFailure(ctx, cmdCandidateShow, err)
	}
	info := []string{s.msg("candidates.stage", "Label", label(stageWords, c.Stage, s.lang))}
	add := func(id, v string) {
		if v != "" {
			info = append(info, s.msg(id, "Value", v))
		}
	}
	add("candidates.show.kind", label(kindWords, c.Kind, s.lang))
	add("candidates.show.rep", c.Representative)
	add("candidates.show.department", c.Department)
	add("candidates.show.mission", label(missionWords, c.Mission, s.lang))
	add("candidates.show.note", c.Note)
	history := Section{Heading: s.msg("candidates.history")}
	for _, m := range moves {
		from := s.msg("candidates.history_recorded")
		if m.From != "" {
			from = label(stageWords, m.From, s.lang)
		}
		line := fmt.Sprintf("%s · %s → %s · %s", s.tr.DateTime(m.At.In(s.loc)), from, label(stageWords, m.To, s.lang), s.name(ctx, m.By))
		if m.Note != "" {
			line += " · " + m.Note
		}
		history.Lines = append(history.Lines, line)
	}
	return Reply{Title: fmt.Sprintf("#%d %s", c.ID, c.Name), Sections: []Section{{Lines: info}, history}, Actions: s.stageButtons(c, caller)}
}

// candidateMove answers `candidate move <number> <stage> [note]`.
func (s *Service) candidateMove(ctx context.Context, caller Caller, cmd Command) Reply {
	if utf8.RuneCountInString(cmd.Opts.Note) > MaxNoteRunes {
		return s.refuse(cmd.Name, s.msg("shared.note_too_long", "MaxNoteRunes", MaxNoteRunes))
	}
	c, _, err := s.store.Candidate(ctx, cmd.ID)
	if errors.Is(err, ErrNotFound) {
		return s.refuse(cmd.Name, s.msg("candidates.no_such_candidate_to_move", "ID", cmd.ID))
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if c.Stage == cmd.Stage {
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("candidates.already_at_stage", "ID", c.ID, "Name", c.Name, "Label", label(stageWords, c.Stage, s.lang))}
	}
	if cmd.Stage.Decision() && !s.IsManager(caller.UserID) {
		return Reply{Outcome: OutcomeRefused, Title: s.msg("candidates.only_manager_of_jobs", "Label", label(stageWords, cmd.Stage, s.lang))}
	}
	if c.Stage.Final() && !s.IsManager(caller.UserID) {
		return Reply{Outcome: OutcomeRefused, Title: s.msg("candidates.final_stage", "ID", c.ID, "Name", c.Name, "Label", label(stageWords, c.Stage, s.lang))}
	}
	reason := CleanReason(cmd.Opts.Note + " " + cmd.Opts.Reason)
	if movesBack(c.Stage, cmd.Stage) && reason == "" { // a step back must say why
		return s.refuse(cmd.Name, s.msg("audit.move_back_needs_reason", "From", label(stageWords, c.Stage, s.lang), "To", label(stageWords, cmd.Stage, s.lang)))
	}
	moved, err := s.store.MoveCandidate(ctx, c.ID, c.Stage, cmd.Stage, caller.UserID, reason, s.now())
	if errors.Is(err, ErrConflict) {
		return Reply{Outcome: OutcomeRefused, Title: s.msg("candidates.moved_meanwhile", "ID", c.ID)}
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	return Reply{Title: s.msg("candidates.moved", "ID", moved.ID, "Name", moved.Name, "Label", label(stageWords, c.Stage, s.lang), "Label2", label(stageWords, moved.Stage, s.lang)), Actions: s.stageButtons(moved, caller)}
}

// CandidateStore keeps the pipeline of candidates (`candidate`) and the
// history of their stages, which status and the digest count.
type CandidateStore interface {
	// AddCandidate stores a candidate at StageDiscovered with its first history
	// row; a repeated idempotency key returns the first candidate.
	AddCandidate(ctx context.Context, c NewCandidate) (Candidate, error)
	// Candidates lists candidates, newest first; stage "" means all.
	Candidates(ctx context.Context, stage Stage) ([]Candidate, error)
	// Candidate returns one candidate with its history, oldest move first.
	Candidate(ctx context.Context, id int64) (Candidate, []StageMove, error)
	// MoveCandidate moves a candidate that is still at stage from to stage to;
	// ErrConflict if it has moved meanwhile.
	MoveCandidate(ctx context.Context, id int64, from, to Stage, by, note string, at time.Time) (Candidate, error)
	// StageCounts counts candidates per current stage.
	StageCounts(ctx context.Context) (map[Stage]int, error)
	// StageCountsAt counts candidates per stage as their history stood just
	// before the instant at (a past week's pipeline).
	StageCountsAt(ctx context.Context, at time.Time) (map[Stage]int, error)
	// StageMovesBetween returns history rows made within [from, to) (instants),
	// oldest first, creations included.
	StageMovesBetween(ctx context.Context, from, to time.Time) ([]StageMove, error)
}
