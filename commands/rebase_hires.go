package commands

import (
	"context"
	"fmt"
	"strings"
)

// ReportBelowHiresError refuses a change (a correction or a void of an
// earlier entry) that would re-base a later agreed cumulative report (누계
// 약정 보고) to a difference below what its hires (채용) realised: the
// report would then agree fewer jobs than were hired from it. The store
// decides it under the program's lock, in the change's transaction.
type ReportBelowHiresError struct {
	Report   Entry   // the report as it stands, before the refused change
	NewCount int64   // the difference the change would leave it recording
	Hired    int64   // what its live hires realised
	Hires    []Entry // its live hires, oldest first
}

func (e *ReportBelowHiresError) Error() string {
	return fmt.Sprintf("cumulative agreement %d would agree %d, below its %d hired", e.Report.ID, e.NewCount, e.Hired)
}

// reportBelowHires refuses a change that would leave a later agreed 누계
// report agreeing fewer jobs than its hires realised, naming the report and
// its hires and saying what to do: void the hires first.
func (s *Service) reportBelowHires(ctx context.Context, command string, e *ReportBelowHiresError) Reply {
	programs, _ := s.store.Programs(ctx) // on failure the counts go without the unit
	_, unit := s.programOf(programs, e.Report.ProgramID, e.Report.ProgramCode)
	named := make([]string, 0, min(len(e.Hires), maxHiresNamed)+1)
	for _, h := range e.Hires[:min(len(e.Hires), maxHiresNamed)] {
		named = append(named, s.msg("audit.hire_named", "ID", h.ID, "Count", s.unitCount(h.Count, h.Approximate, unit)))
	}
	if more := len(e.Hires) - maxHiresNamed; more > 0 {
		named = append(named, s.msg("audit.hires_more", "N", more))
	}
	return Reply{Command: command, Outcome: OutcomeRefused, Title: s.msg("audit.report_below_hires",
		"ID", e.Report.ID, "AsOf", s.date(e.Report.AsOf), "Count", s.unitCount(e.Report.Count, false, unit),
		"NewCount", s.unitCount(e.NewCount, false, unit), "Hired", s.unitCount(e.Hired, false, unit),
		"Hires", strings.Join(named, ", "))}
}
