package commands

import (
	"context"
	"strings"
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
	change, err := s.store.SetTarget(ctx, year, programID, cmd.Count.Value, c.UserID, s.now())
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if change.Old == change.New {
		return Reply{Title: s.msg("targets.unchanged", "What", what, "New", s.jobs(change.New))}
	}
	if change.Old == 0 {
		return Reply{Title: s.msg("targets.target_for_set_to", "What", what, "New", s.jobs(change.New))}
	}
	return Reply{Title: s.msg("targets.target_for_revised_from", "What", what, "Old", s.jobs(change.Old), "New", s.jobs(change.New))}
}
