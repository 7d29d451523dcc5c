package commands

import (
	"context"
	"jobsbot/commands/i18n"
	"time"
)

// staleAgreementMonths is how old an agreement with nothing realised must be
// before the digest asks about it (약정 이행 점검).
const staleAgreementMonths = 3

// gatherAudit reads what the digest reports for the audit: agreements older
// than three months with nothing realised, and the week's changes to closed
// months.
func (s *Service) gatherAudit(ctx context.Context, d *Digest) error {
	var err error
	d.StaleAgreements, err = s.store.StaleAgreements(ctx, d.AsOf.AddDate(0, -staleAgreementMonths, 0), digestMaxList+1)
	if err != nil {
		return err
	}
	weekFrom := time.Date(d.WeekStart.Year(), d.WeekStart.Month(), d.WeekStart.Day(), 0, 0, 0, 0, s.loc)
	changes, err := s.store.AfterCloseChangesBetween(ctx, weekFrom, weekFrom.AddDate(0, 0, 7))
	if err != nil {
		return err
	}
	if changes, err = s.pairCorrections(ctx, changes); err != nil {
		return err
	}
	for i := range changes {
		changes[i].By = s.name(ctx, changes[i].By)
	}
	d.AfterClose = changes
	return nil
}

// changeCorrect is a 정정 after close: the original voided and its
// replacement added, one change (pairCorrections).
const changeCorrect = "correct"

// pairCorrections makes each 정정 after close one change (review r31 F7:
// the original's void and its replacement's add were listed and counted
// as two): a void whose entry was replaced by an add among changes, in
// the same month, becomes one changeCorrect change of the original, with
// NewID the replacement and OldCount → NewCount their counts; the add is
// dropped. Other changes are left as they are, in order.
func (s *Service) pairCorrections(ctx context.Context, changes []AfterCloseChange) ([]AfterCloseChange, error) {
	var voids []int64
	for _, c := range changes {
		if c.Change == "void" {
			voids = append(voids, c.Entry.ID)
		}
	}
	if len(voids) == 0 {
		return changes, nil
	}
	marks, err := s.store.EntryMarks(ctx, voids)
	if err != nil {
		return nil, err
	}
	added := map[int64]int{}
	for i, c := range changes {
		if c.Change == "add" {
			added[c.Entry.ID] = i
		}
	}
	drop := map[int]bool{}
	for i, c := range changes {
		m := marks[c.Entry.ID]
		if c.Change != "void" || !m.Corrected || m.CorrectedTo == 0 {
			continue
		}
		j, ok := added[m.CorrectedTo]
		if !ok || drop[j] || !changes[j].Month.Equal(c.Month) {
			continue
		}
		changes[i].Change, changes[i].NewID = changeCorrect, m.CorrectedTo
		changes[i].OldCount, changes[i].NewCount = c.Entry.Count, changes[j].Entry.Count
		drop[j] = true
	}
	out := make([]AfterCloseChange, 0, len(changes)-len(drop))
	for i, c := range changes {
		if !drop[i] {
			out = append(out, c)
		}
	}
	return out, nil
}

// digestAudit is the digest's 약정 이행 점검 and 마감 후 정정 sections, each
// only when it has something to say.
func (s *Service) digestAudit(d Digest) []Section {
	var out []Section
	if len(d.StaleAgreements) > 0 {
		sec := Section{Heading: s.msg("audit.stale_agreements_title", "Months", staleAgreementMonths, i18n.PluralCount, staleAgreementMonths)}
		for _, e := range d.StaleAgreements[:min(len(d.StaleAgreements), digestMaxList)] {
			name, p := s.digestProgram(d, e)
			sec.Lines = append(sec.Lines, s.msg("audit.stale_agreement_line", "ID", e.ID, "Program", name,
				"Count", s.unitCount(e.Count, e.Approximate, p.Unit), "AsOf", s.date(e.AsOf), "Department", e.Department))
		}
		if len(d.StaleAgreements) > digestMaxList {
			sec.Lines = append(sec.Lines, s.msg("audit.and_more"))
		}
		out = append(out, sec)
	}
	if len(d.AfterClose) > 0 {
		sec := Section{Heading: s.msg("audit.after_close_title")}
		for _, c := range d.AfterClose[:min(len(d.AfterClose), digestMaxList)] {
			if c.Change == ChangeVoidNothing {
				sec.Lines = append(sec.Lines, s.msg("audit.after_close_nothing_line", "ID", c.Entry.ID, "Month", s.period(monthPeriod(c.Month)),
					"Department", c.Entry.Department, "By", c.By, "Reason", c.Reason))
				continue
			}
			if c.Change == changeCorrect {
				// one line for a 정정: old → new (review r31 F7)
				sec.Lines = append(sec.Lines, s.msg("kept.after_close_correct_line", "ID", c.Entry.ID, "New", c.NewID,
					"Month", s.period(monthPeriod(c.Month)), "Old", s.jobs(c.OldCount), "NewCount", s.jobs(c.NewCount), "By", c.By, "Reason", c.Reason))
				continue
			}
			if c.Change == "adjust" && c.NewCount != 0 {
				// The increment's move, not its new figure: "조정 20개"
				// read as a 20-job change for +15 (review r27 F20).
				sec.Lines = append(sec.Lines, s.msg("r27a.after_close_adjust_line", "ID", c.Entry.ID, "Month", s.period(monthPeriod(c.Month)),
					"Old", s.jobs(c.OldCount), "New", s.jobs(c.NewCount), "Diff", s.signedCount(c.NewCount-c.OldCount, ""), "By", c.By, "Reason", c.Reason))
				continue
			}
			what := s.msg("audit.change_add")
			switch c.Change {
			case "void":
				what = s.msg("audit.change_void")
			case "adjust":
				what = s.msg("audit.change_adjust")
			}
			sec.Lines = append(sec.Lines, s.msg("audit.after_close_line", "ID", c.Entry.ID, "Month", s.period(monthPeriod(c.Month)),
				"What", what, "Count", s.jobs(c.Entry.Count), "By", c.By, "Reason", c.Reason))
		}
		if len(d.AfterClose) > digestMaxList {
			sec.Lines = append(sec.Lines, s.msg("audit.and_more"))
		}
		out = append(out, sec)
	}
	return out
}
