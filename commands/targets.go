package commands

import (
	"context"
	"errors"
	"strings"
	"time"
)

// target answers `target <count> [year:YYYY] [program:…]` (managers).
func (s *Service) target(ctx context.Context, c Caller, cmd Command) Reply {
	if cmd.Opts.Department != "" {
		return s.deptTarget(ctx, c, cmd) // target 300 dept:복지정책과
	}
	year := s.today().Year()
	if cmd.Opts.Year != 0 {
		year = cmd.Opts.Year
	}
	typed := cmd.Opts.Program
	if typed == "" {
		typed = strings.TrimSpace(strings.Join(append(cmd.Before, cmd.After...), " "))
	}
	var programID int64
	what := s.msg("targets.year_total", "Year", year)
	if typed != "" {
		programs, err := s.store.Programs(ctx)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		p, ok := s.lookupProgram(programs, typed)
		if !ok {
			return s.unknownProgram(cmd.Name, typed, programs)
		}
		programID = p.ID
		what = s.msg("targets.program_in_year", "Program", s.programLabel(p), "Year", year)
	}
	current, err := s.store.Targets(ctx, year)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	old := current.Total
	if programID != 0 {
		old = current.Programs[programID]
	}
	reason := CleanReason(cmd.Opts.Reason)
	if old != 0 && old != cmd.Count.Value && reason == "" { // 당초 → 변경 must say why
		return s.refuse(cmd.Name, s.msg("audit.target_needs_reason", "Old", s.jobs(old), "New", s.jobs(cmd.Count.Value)))
	}
	if r := s.reasonTooLong(cmd.Name, reason); r != nil {
		return *r
	}
	change, err := s.store.ReviseTarget(ctx, year, programID, cmd.Count.Value, c.UserID, reason, s.now())
	if need, ok := errors.AsType[*TargetReasonError](err); ok { // set by another manager meanwhile
		return s.refuse(cmd.Name, s.msg("audit.target_needs_reason", "Old", s.jobs(need.Old), "New", s.jobs(cmd.Count.Value)))
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	var r Reply
	switch {
	case change.Old == change.New:
		r = Reply{Title: s.msg("targets.unchanged", "What", what, "New", s.jobs(change.New))}
	case change.Old == 0:
		r = Reply{Title: s.msg("targets.target_for_set_to", "What", what, "New", s.jobs(change.New))}
	default:
		r = Reply{Title: s.msg("targets.target_for_revised_from", "What", what, "Old", s.jobs(change.Old), "New", s.jobs(change.New))}
	}
	warnings, err := s.targetsAboveTotal(ctx, year, programID, change.New)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if len(warnings) > 0 {
		r.Sections = append(r.Sections, Section{Lines: warnings})
	}
	return r
}

// targetsAboveTotal warns, once a target is saved, when a program's target
// is larger than the year's overall target: the program target just set
// above the overall one, or the overall target just set below programs'
// targets. Either figure may be the mistyped one, so the target is kept and
// the reply names both for the manager to check.
func (s *Service) targetsAboveTotal(ctx context.Context, year int, programID, set int64) ([]string, error) {
	current, err := s.store.Targets(ctx, year)
	if err != nil {
		return nil, err
	}
	if current.Total == 0 {
		return nil, nil
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, p := range programs {
		target := current.Programs[p.ID]
		if target <= current.Total || (programID != 0 && p.ID != programID) {
			continue
		}
		id := "targets.program_above_total"
		if programID == 0 {
			id = "targets.total_below_program"
		}
		lines = append(lines, s.msg(id, "Program", s.programLabel(p), "Target", s.jobs(target),
			"Year", year, "Total", s.jobs(current.Total)))
	}
	return lines, nil
}

// TargetStore keeps the year's targets, overall and per program, with
// their history (`target`).
type TargetStore interface {
	// Targets returns the current targets of a year.
	Targets(ctx context.Context, year int) (Targets, error)
	// TargetsOn returns the targets of a year in force on day (read in loc):
	// the latest revision made by the end of that day; a target not yet set
	// on day is in NotYet with today's value.
	TargetsOn(ctx context.Context, year int, day time.Time, loc *time.Location) (Targets, error)
	// DepartmentTargetsOn returns the departments' targets in force on day,
	// as TargetsOn does for the programs'.
	DepartmentTargetsOn(ctx context.Context, year int, day time.Time, loc *time.Location) (map[string]int64, error)
	// SetTarget sets or revises a target (programID 0 for the year's total),
	// keeping the old value in the history.
	SetTarget(ctx context.Context, year int, programID, jobs int64, by string, at time.Time) (TargetChange, error)
	// ReviseTarget is SetTarget with the reason of the change (사유: 추경 반영).
	// A revision of an existing target without a reason fails with
	// *TargetReasonError, decided inside the store's transaction, so two
	// managers revising at once cannot slip a reasonless revision past the
	// command's earlier check.
	ReviseTarget(ctx context.Context, year int, programID, jobs int64, by, reason string, at time.Time) (TargetChange, error)
	// TargetRevisions returns every revision of a year's targets (the total
	// and each program's), oldest first.
	TargetRevisions(ctx context.Context, year int) ([]TargetChange, error)
}
