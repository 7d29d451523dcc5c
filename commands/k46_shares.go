package commands

import (
	"context"
	"fmt"
	"strings"

	"jobsbot/commands/dates"
)

// cumulativeShare answers a 누계 given for one department (부서: typed) or
// one employment type (고용형태:) that is at or below the whole program's
// total through its date, when other departments or types hold part of that
// total (review r13 A9, W7). The store compares a 누계 with the whole
// program: an equal one "agrees with the ledger" and a lower one is refused
// naming any entry to void, which is false or harmful when the figure was
// the department's or the type's own. Here it is compared with that share:
// above it, the missing jobs are named with the line to type; equal, the
// share agrees; below, the share's own figure is named. Nothing is written.
// A figure above the whole program is asked about before (askAboutOther*).
func (s *Service) cumulativeShare(ctx context.Context, cmd Command, e NewEntry, p Program) (Reply, bool, error) {
	if e.Kind != KindCumulative || e.Status != StatusRealised {
		return Reply{}, false, nil
	}
	from := dates.On(e.AsOf.Year(), 1, 1)
	var whole, own int64
	var label, line string
	word := s.programWord(p)
	day := fmt.Sprintf("%d/%d", int(e.AsOf.Month()), e.AsOf.Day())
	switch {
	case e.EmploymentType != "":
		totals, err := s.store.EmploymentTotals(ctx, from, e.AsOf, "")
		if err != nil {
			return Reply{}, false, err
		}
		for _, t := range totals {
			if t.ProgramID != e.ProgramID || t.Status != StatusRealised {
				continue
			}
			whole += t.Jobs
			if t.EmploymentType == e.EmploymentType {
				own += t.Jobs
			}
		}
		label = EmploymentLabel(e.EmploymentType, s.lang)
		line = s.msg("types.own_cumulative_delta", "N", e.Count-own, "Program", word, "Date", day, "Type", label)
	case strings.TrimSpace(cmd.Opts.Department) != "":
		all, mine, err := s.programJobs(ctx, e.ProgramID, from, e.AsOf, e.Department)
		if err != nil {
			return Reply{}, false, err
		}
		whole, own, label = all, mine, e.Department
		line = s.msg("guards.own_cumulative_delta", "N", e.Count-own, "Program", word, "Date", day, "Department", e.Department)
	default:
		return Reply{}, false, nil
	}
	if own == whole || e.Count > whole {
		return Reply{}, false, nil // the share is the whole: the ledger's own answer is right
	}
	args := []any{"Program", s.programLabel(p), "Date", s.date(e.AsOf), "Whole", s.unitCount(whole, false, p.Unit),
		"Share", label, "Own", s.unitCount(own, false, p.Unit), "Reported", s.unitCount(e.Count, e.Approximate, p.Unit),
		"Missing", s.unitCount(e.Count-own, e.Approximate, p.Unit), "Line", line, "Code", s.programShort(p)}
	switch {
	case e.Count > own:
		return s.refuse(cmd.Name, s.msg("k46.share_above", args...)), true, nil
	case e.Count == own:
		return Reply{Command: cmd.Name, Title: s.msg("k46.share_agrees", args...)}, true, nil
	default:
		return s.refuse(cmd.Name, s.msg("k46.share_below", args...)), true, nil
	}
}

// sameDayReportLine names, in the refusal of a 누계 below the ledger, the
// live 누계 report of the same program and date, and offers the 정정 of it
// to the figure typed: a department re-sending a lower month-end 누계
// meant to correct its report (review r13 A12). "" when there is none.
func (s *Service) sameDayReportLine(ctx context.Context, e NewEntry, p Program) string {
	same, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: e.ProgramID, From: e.AsOf, To: e.AsOf, Limit: 50})
	if err != nil {
		s.log.WarnContext(ctx, "reading the same day's report for a refusal failed", "err", err) // the refusal stands without it
		return ""
	}
	var report *Entry
	for i, r := range same {
		if r.Voided() || r.Kind != KindCumulative || r.Status != e.Status || !r.AsOf.Equal(e.AsOf) {
			continue
		}
		if report == nil || r.ID > report.ID {
			report = &same[i]
		}
	}
	if report == nil {
		return ""
	}
	return s.msg("k46.same_day_report", "ID", report.ID, "Date", s.date(report.AsOf),
		"Total", s.unitCount(report.ReportedTotal, report.Approximate, p.Unit), "Reported", s.unitCount(e.Count, e.Approximate, p.Unit),
		"Plain", e.Count)
}
