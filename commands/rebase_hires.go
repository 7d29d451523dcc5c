package commands

import (
	"context"
	"fmt"
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
	unit, named := s.namedHires(ctx, e.Report, e.Hires)
	return Reply{Command: command, Outcome: OutcomeRefused, Title: s.msg("audit.report_below_hires",
		"ID", e.Report.ID, "AsOf", s.date(e.Report.AsOf), "Count", s.unitCount(e.Report.Count, false, unit),
		"NewCount", s.unitCount(e.NewCount, false, unit), "Hired", s.unitCount(e.Hired, false, unit),
		"Hires", named)}
}
