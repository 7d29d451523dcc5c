package commands

import (
	"context"

	"jobsbot/commands/dates"
)

// agreementSizesKeptLines names, after a 정정 of an agreement (약정), the
// later agreed 누계 reports it did not re-base (review r13 S4). Each such
// report's increment is an agreement of its own — another company's MOU,
// hire-able by 채용 — so it keeps the size it was reported with and its
// total through its date moves by the change instead. The line says so and
// gives the 정정 that keeps the report's total instead, for when the later
// report's figure is the one that holds.
func (s *Service) agreementSizesKeptLines(ctx context.Context, res CorrectionResult, p Program, change int64) []string {
	if res.Old.Status != StatusAgreed || change == 0 || res.Old.AsOf.IsZero() {
		return nil
	}
	later, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: p.ID, From: res.Old.AsOf, To: dates.On(res.Old.AsOf.Year(), 12, 31), Limit: 200})
	if err != nil {
		s.log.WarnContext(ctx, "reading the later agreements a 정정 kept failed", "err", err) // the correction is written
		return nil
	}
	rebased := map[int64]bool{}
	for _, a := range res.Adjusted {
		rebased[a.Report.ID] = true
	}
	var lines []string
	for i := len(later) - 1; i >= 0 && len(lines) < 5; i-- { // oldest first
		r := later[i]
		if r.Voided() || r.Kind != KindCumulative || r.Status != StatusAgreed || r.ID == res.New.Entry.ID || r.ID == res.Old.ID || rebased[r.ID] {
			continue
		}
		if res.Old.Kind == KindCumulative && !r.AsOf.After(res.Old.AsOf) {
			continue
		}
		now, err := s.programThrough(ctx, p.ID, StatusAgreed, r.AsOf)
		if err != nil {
			s.log.WarnContext(ctx, "reading the ledger through a kept agreement failed", "err", err)
			return lines
		}
		lines = append(lines, s.msg("k46.agreement_size_kept", "ID", r.ID, "AsOf", s.date(r.AsOf),
			"Reported", s.unitCount(r.ReportedTotal, r.Approximate, p.Unit), "Increment", s.unitCount(r.Count, false, p.Unit),
			"Now", s.unitCount(now, false, p.Unit), "Other", s.unitCount(r.Count-change, false, p.Unit),
			"Plain", r.ReportedTotal))
	}
	return lines
}

// alreadyInReport answers an add said to be inside a later 누계 report
// (누계포함:예) whose increment is exactly the add's count: the jobs are
// that report's increase, already in its total, so nothing is recorded, as
// an equal 누계 records nothing (review r13 W1).
func (s *Service) alreadyInReport(ctx context.Context, cmd Command, report Entry, p Program) Reply {
	now, err := s.programThrough(ctx, report.ProgramID, report.Status, report.AsOf)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	return Reply{Command: cmd.Name, Title: s.msg("k46.already_in_report", "ID", report.ID, "AsOf", s.date(report.AsOf),
		"Total", s.unitCount(now, report.Approximate, p.Unit), "Count", s.unitCount(report.Count, false, p.Unit))}
}
