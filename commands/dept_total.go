package commands

import (
	"context"

	"jobsbot/commands/dates"
)

// deptTotalWord says a 기준: (by:) value names the department: 기준:부서,
// by:department.
func deptTotalWord(value string) bool {
	by, ok := lookup(reportByWords, value)
	return ok && by == ReportByDepartment
}

// deptTotalEntry answers a 누계 typed as its department's own (`추가 노인
// 누계 90 2026. 11. 13. 부서:노인복지과 기준:부서`): the difference from the
// department's live realised jobs of the year through its date, read when
// the line is typed, is recorded as a delta, through the same guards as
// any add; equal, it agrees and nothing is written; below, it is refused
// naming the department's figure. It is the line the department-share
// hints offer (askAboutOtherDepartments, cumulativeShare) in place of the
// delta they computed (review r47 F3: `추가 50 노인 11/13 부서:노인복지과`,
// typed after a colleague's back-dated +10, took the department to 100
// against its reported 90, unasked). Typed twice, the second agrees.
func (s *Service) deptTotalEntry(ctx context.Context, c Caller, cmd Command, e NewEntry, p Program) (Reply, bool) {
	if e.Kind != KindCumulative || e.Status != StatusRealised {
		return s.refuse(cmd.Name, s.msg("hold3.dept_total_not_cumulative")), false
	}
	_, own, err := s.programJobs(ctx, e.ProgramID, dates.On(e.AsOf.Year(), 1, 1), e.AsOf, e.Department)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err), false
	}
	args := []any{"Department", e.Department, "Date", s.date(e.AsOf), "Program", s.programLabel(p),
		"Total", s.unitCount(e.Count, e.Approximate, p.Unit), "Own", s.unitCount(own, false, p.Unit),
		"Delta", s.unitCount(e.Count-own, e.Approximate, p.Unit), "Code", s.programShort(p)}
	switch {
	case e.Count == own:
		return Reply{Command: cmd.Name, Title: s.msg("hold3.dept_total_agrees", args...)}, false
	case e.Count < own:
		return s.refuse(cmd.Name, s.msg("hold3.dept_total_below", args...)), false
	}
	delta := e
	delta.Kind, delta.Count = KindDelta, e.Count-own
	cmd.deptTotal = false
	r, held := s.recordGuarded(ctx, c, cmd, delta, p)
	if r.Outcome == "" && !held && len(r.Sections) > 0 { // recorded: the reply says from which figure
		r.Sections[0].Lines = append([]string{s.msg("hold3.dept_total_recorded", args...)}, r.Sections[0].Lines...)
	}
	return r, held
}
