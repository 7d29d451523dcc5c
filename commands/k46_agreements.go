package commands

import (
	"context"
	"slices"
	"strings"
	"time"

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

// askCorrectionInsideLaterReport holds a 정정 of a delta (realised jobs)
// that a later 누계 report of its program counted — recorded after it and
// dated on or after it — until the official says whether that report's
// total already reflects the change (review r13 S6). Without the question
// the 정정 was assumed inside the report, re-basing its increment, which
// moves jobs between departments when the report is another one's. It is
// the add's 누계포함 question (askInsideLaterReport) for the change: 예
// keeps the report's total (its increment moves the other way), 아니오
// keeps its increment (its total moves by the change). The question names
// the report, its department and how each answer moves whose figure.
// Agreements are never re-based by another's 정정 (agreementSizesKeptLines).
func (s *Service) askCorrectionInsideLaterReport(ctx context.Context, cmd Command, old Entry, p Program) (Reply, bool, error) {
	change := cmd.Count.Value - old.Count
	if old.Kind != KindDelta || old.Status != StatusRealised || cmd.Opts.Within != nil || change == 0 {
		return Reply{}, false, nil
	}
	first, err := s.firstCountingReport(ctx, old)
	if err != nil || first == nil {
		return Reply{}, false, err
	}
	through, err := s.programThrough(ctx, old.ProgramID, old.Status, first.AsOf)
	if err != nil {
		return Reply{}, false, err
	}
	u := p.Unit
	yes, no := s.withinLine(cmd, true), s.withinLine(cmd, false)
	title := s.msg("k46.correct_inside_later_report", "ID", old.ID, "Date", s.date(old.AsOf), "Dept", old.Department,
		"Old", s.unitCount(old.Count, false, u), "New", s.unitCount(cmd.Count.Value, false, u),
		"RID", first.ID, "AsOf", s.date(first.AsOf), "RDept", first.Department, "Total", s.unitCount(through, first.Approximate, u),
		"Change", s.signedCount(change, u))
	lines := []string{s.msg("hires.nothing_recorded_yet")}
	var actions []Action
	if first.Count-change > 0 {
		key := "k46.correct_if_inside"
		if first.Department != old.Department {
			key = "k46.correct_if_inside_moves"
		}
		lines = append(lines, s.msg(key, "RID", first.ID, "AsOf", s.date(first.AsOf), "Total", s.unitCount(through, first.Approximate, u),
			"Old", s.unitCount(first.Count, false, u), "New", s.unitCount(first.Count-change, false, u),
			"RDept", first.Department, "Dept", old.Department, "RMove", s.signedCount(-change, u), "Move", s.signedCount(change, u), "Line", yes))
		actions = append(actions, Action{ID: ActionConfirm, Label: s.msg("hires.button_inside"), Command: yes, Style: "primary"})
	} else {
		lines = append(lines, s.msg("k46.correct_cannot_be_inside", "RID", first.ID, "Increment", s.unitCount(first.Count, false, u),
			"Change", s.signedCount(change, u)))
	}
	// A separate change re-bases no report: every later report's total
	// moves by it, so name them all when there are more (review F16).
	later, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: old.ProgramID, From: old.AsOf, To: dates.On(old.AsOf.Year(), 12, 31), Limit: 200})
	if err != nil {
		return Reply{}, false, err
	}
	if reports := decidingReports(later, old.Status, old.ID); len(reports) > 1 {
		named, err := s.reportsRaised(ctx, reports, change, p)
		if err != nil {
			return Reply{}, false, err
		}
		lines = append(lines, s.msg("k52.correct_if_separate_all", "RID", first.ID, "Reports", named,
			"Increment", s.unitCount(first.Count, false, u), "Dept", old.Department, "Move", s.signedCount(change, u), "Line", no))
	} else {
		lines = append(lines, s.msg("k46.correct_if_separate", "RID", first.ID, "AsOf", s.date(first.AsOf),
			"Total", s.unitCount(through, first.Approximate, u), "Raised", s.unitCount(through+change, first.Approximate, u),
			"Increment", s.unitCount(first.Count, false, u), "Dept", old.Department, "Move", s.signedCount(change, u), "Line", no))
	}
	actions = append(actions, Action{ID: ActionConfirm, Label: s.msg("within.button_separate"), Command: no})
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: title, Sections: []Section{{Lines: lines}}, Actions: actions}, true, nil
}

// firstCountingReport is the first live 누계 report of old's program and
// status, in chain order (date, then ID), that counted old: recorded after
// the entry its 정정 chain started from and dated on or after it. nil when
// none did. When old was recorded inside an earlier-recorded report
// (누계포함:예), every report dated on or after it counts it, as db
// adjustLaterReports re-bases them: the first of those is named, the one
// 예 re-bases. Read from the recording order alone, the question named a
// later report and its increment while 예 re-based the earlier one
// (review r20 F8/G28).
func (s *Service) firstCountingReport(ctx context.Context, old Entry) (*Entry, error) {
	root := s.correctionRoot(ctx, old.ID)
	later, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: old.ProgramID, From: old.AsOf, To: dates.On(old.AsOf.Year(), 12, 31), Limit: 200})
	if err != nil {
		return nil, err
	}
	var first *Entry
	for i, r := range later {
		if r.Voided() || r.Kind != KindCumulative || r.Status != old.Status || s.countsFrom(ctx, r.ID) <= root {
			continue
		}
		if first == nil || r.AsOf.Before(first.AsOf) || (r.AsOf.Equal(first.AsOf) && r.ID < first.ID) {
			first = &later[i]
		}
	}
	if old.Kind != KindDelta {
		return first, nil
	}
	// An entry recorded inside an earlier-recorded report is counted by
	// it though no report was recorded after it (review r23 B5: the
	// answer 누계포함:아니오 was refused as if no report counted it, while
	// the 정정 without it re-based that report).
	marks, err := s.store.EntryMarks(ctx, []int64{old.ID, root})
	if err != nil {
		return nil, err
	}
	if !marks[old.ID].Within && !marks[root].Within {
		return first, nil
	}
	for i, r := range later {
		if r.Voided() || r.Kind != KindCumulative || r.Status != old.Status {
			continue
		}
		if first == nil || r.AsOf.Before(first.AsOf) || (r.AsOf.Equal(first.AsOf) && r.ID < first.ID) {
			first = &later[i]
		}
	}
	return first, nil
}

// countsFrom is the recording position from which report id counts the
// ledger through its date, as db adjustLaterReports reads it: its own ID,
// or, for the replacement of a 누계 whose 정정 was answered 누계포함:아니오
// (the deltas beside it stay separate from the corrected figure), that of
// the report it replaced (review r26 B2).
func (s *Service) countsFrom(ctx context.Context, id int64) int64 {
	for range 50 {
		marks, err := s.store.EntryMarks(ctx, []int64{id})
		if err != nil || !marks[id].Separate || marks[id].CorrectionOf == 0 {
			return id
		}
		id = marks[id].CorrectionOf
	}
	return id
}

// withinNotForCorrection refuses a 정정 that carries 누계포함: (within:)
// where the answer cannot apply: the entry is a 누계 report (its 정정
// re-bases the later reports itself), an agreement (약정: another's 정정
// never re-bases agreements), or a delta that no later 누계 report counted
// (nothing for the answer to keep or raise). Read silently, the label was
// ignored (issue 19): the reply names it, says why, and gives the line
// without it. Nothing is written.
func (s *Service) withinNotForCorrection(ctx context.Context, cmd Command, old Entry) (Reply, bool, error) {
	if cmd.Opts.Within == nil {
		return Reply{}, false, nil
	}
	key := ""
	switch {
	case old.Kind == KindCumulative:
		// A 누계 beside which deltas were recorded as separate jobs is
		// asked whether the corrected figure holds them (review r22 F30).
		if _, separate, err := s.separateBeside(ctx, old); err != nil || separate > 0 {
			return Reply{}, false, err
		}
		key = "k47.within_not_for_report"
	case old.Status != StatusRealised:
		key = "k47.within_not_for_agreement"
	default:
		first, err := s.firstCountingReport(ctx, old)
		if err != nil {
			return Reply{}, false, err
		}
		if first != nil {
			return Reply{}, false, nil
		}
		key = "k47.within_no_later_report"
	}
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg(key, "ID", old.ID),
		Sections: []Section{{Lines: []string{s.msg("k47.within_send_without", "Line", s.withoutWithinLine(cmd))}}}}, true, nil
}

// withoutWithinLine is the line typed with its 누계포함: (within:) answer
// taken out, the rest as typed; a confirmation the line carried (which
// Line leaves out) is kept, before the line's 메모:/사유:.
func (s *Service) withoutWithinLine(cmd Command) string {
	line := s.offeredLine(cmd, time.Time{})
	head, tail := line, ""
	if j, _ := restOfLineOption(line); j >= 0 {
		head, tail = line[:j], line[j:]
	}
	words := slices.DeleteFunc(strings.Fields(head), func(w string) bool {
		key, _, ok := strings.Cut(w, ":")
		return ok && optionKeys[fold(key)] == "within"
	})
	if cmd.Confirmed {
		words = append(words, s.msg("guards.confirm_word")+":"+s.msg("guards.confirm_yes"))
	}
	if tail != "" {
		words = append(words, tail)
	}
	return strings.Join(words, " ")
}
