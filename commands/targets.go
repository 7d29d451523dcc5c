package commands

import (
	"context"
	"strings"

	"jobsbot/commands/numbers"
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
	what := s.t("the %d total", "%d년 전체", year)
	if typed != "" {
		programs, err := s.store.Programs(ctx)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		p, ok := findProgram(programs, typed)
		if !ok {
			return s.unknownProgram(cmd.Name, typed, programs)
		}
		programID = p.ID
		what = s.t("%s in %d", "%[2]d년 %[1]s", s.programLabel(p), year)
	}
	change, err := s.store.SetTarget(ctx, year, programID, cmd.Count.Value, c.UserID)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if change.Old == 0 {
		return Reply{Title: s.t("Target for %s set to %s.", "%s 목표를 %s(으)로 정했습니다.", what, numbers.Format(change.New))}
	}
	return Reply{Title: s.t("Target for %s revised from %s to %s; the earlier figure stays in the history.",
		"%s 목표를 %s에서 %s(으)로 변경했습니다. 이전 목표는 이력에 남습니다.", what, numbers.Format(change.Old), numbers.Format(change.New))}
}
