package commands

import (
	"context"
	"fmt"
	"strings"
)

// correctedFrom is the entry e's 정정 replaced, as it stands now, when e is
// a 정정's replacement. A failure to read the chain is logged and reads as
// "not a replacement": the caller then gives the plain advice it gave before.
func (s *Service) correctedFrom(ctx context.Context, e Entry) (Entry, bool) {
	marks, err := s.store.EntryMarks(ctx, []int64{e.ID})
	if err != nil {
		s.log.WarnContext(ctx, "reading the correction chain failed", "entry", e.ID, "err", err)
		return Entry{}, false
	}
	of := marks[e.ID].CorrectionOf
	if of == 0 {
		return Entry{}, false
	}
	o, err := s.store.Entry(ctx, of)
	if err != nil {
		s.log.WarnContext(ctx, "reading the corrected entry failed", "entry", of, "err", err)
		return Entry{}, false
	}
	return o, true
}

// correctionWayBack is what 취소's refusal and 무효's reply say of a 정정's
// replacement (review r20 F14): 무효 of the replacement does not bring the
// original back (it stays void), so the way back to the figure before the
// 정정 is another 정정 to that figure, and 무효 removes the jobs altogether.
// figure is the original's figure as a 정정 line types it; was is how a
// reply writes it.
func (s *Service) correctionWayBack(ctx context.Context, o Entry) (figure, was string) {
	n := o.Count
	if o.Kind == KindCumulative && o.ReportedTotal > 0 {
		n = o.ReportedTotal
	}
	figure = fmt.Sprint(n)
	if o.Approximate {
		figure += "여"
	}
	return figure, s.entryBrief(ctx, o)
}

// undoLeftCorrection is 취소's "left as it is" line for e, or "" when e is
// no 정정's replacement.
func (s *Service) undoLeftCorrection(ctx context.Context, e Entry, key string) string {
	o, ok := s.correctedFrom(ctx, e)
	if !ok {
		return ""
	}
	figure, was := s.correctionWayBack(ctx, o)
	return s.msg(key, "Entry", s.entryBrief(ctx, e), "ID", e.ID, "Original", o.ID, "Was", was, "Figure", figure)
}

// voidedCorrectionLine is the line 무효's reply adds when the voided entry
// was a 정정's replacement: the entry it replaced stays void, so the
// program's total dropped by the figure, less what later 누계 reports
// counted of it and took up (the void's re-basings: their totals stand;
// review r23 B4, r25 F15, where it said "8개가 모두 줄어" of a total that
// had not moved).
func (s *Service) voidedCorrectionLine(ctx context.Context, res VoidResult) string {
	v := res.Entry
	o, ok := s.correctedFrom(ctx, v)
	if !ok || !o.Voided() {
		return ""
	}
	name, unit, t, total, ok := s.voidedYearTotal(ctx, v)
	if !ok {
		return ""
	}
	figure, was := s.correctionWayBack(ctx, o)
	key := "k54.voided_correction"
	if v.Status == StatusAgreed {
		key = "k54.voided_agreed_correction"
	}
	var taken int64
	for _, a := range res.Adjusted {
		taken += a.Report.Count - a.OldCount
	}
	change := ""
	switch {
	case v.Status == StatusRealised && taken > v.Count:
		// The later reports took up more than the replacement's figure: the
		// chain's 정정 answered 누계포함:아니오 had lowered the figure apart
		// from them, and that separate change goes with the void, so the
		// total rises to what the reports state (review r28 F14, where the
		// reply said "50개 그대로" of a total that went 45 → 50).
		return s.voidedCorrectionRose(res, o, was, name, unit, t, taken)
	case v.Status == StatusRealised && taken > 0:
		key = "chain.voided_correction_taken"
		if taken >= v.Count {
			key = "chain.voided_correction_kept"
		}
	case v.Status == StatusAgreed && len(res.Adjusted) > 0:
		key, change = "labels.voided_agreed_correction_after_reports", s.voidTotalChange(res, total, unit)
	}
	return s.msg(key, "ID", v.ID, "Original", o.ID, "Was", was, "Program", name, "Year", v.AsOf.Year(),
		"Count", s.unitCount(v.Count, v.Approximate, unit), "Total", total, "Figure", figure,
		"Kept", s.unitCount(taken, false, unit), "Drop", s.unitCount(voidDrop(res), false, unit), "Change", change)
}

// voidDrop is how much a void lowered its program's year total: the
// voided increment less what the later 누계 reports re-based to keep their
// totals added back (each report's new increment over its old one).
func voidDrop(res VoidResult) int64 {
	drop := res.Entry.Count
	for _, a := range res.Adjusted {
		drop -= a.Report.Count - a.OldCount
	}
	return max(drop, 0)
}

// voidTotalChange says what a void did to the year total total (as a
// reply writes it): "줄지 않고 300개 그대로입니다" when later reports took
// the whole figure up, else "N개 줄어 …이 되었습니다".
func (s *Service) voidTotalChange(res VoidResult, total, unit string) string {
	if drop := voidDrop(res); drop > 0 {
		return s.msg("labels.total_fell", "Drop", s.unitCount(drop, false, unit), "Total", total)
	}
	return s.msg("labels.total_stays", "Total", total)
}

// voidTotalLine is the line a plain void's reply adds when later 누계
// reports were re-based: what happened to the program's year total, which
// the re-based lines alone leave the reader to work out (review r25 F15).
func (s *Service) voidTotalLine(ctx context.Context, res VoidResult) string {
	v := res.Entry
	if len(res.Adjusted) == 0 {
		return ""
	}
	name, unit, _, total, ok := s.voidedYearTotal(ctx, v)
	if !ok {
		return ""
	}
	key := "labels.void_total_after_reports"
	if v.Status == StatusAgreed {
		key = "labels.void_agreed_total_after_reports"
	}
	return s.msg(key, "Program", name, "Year", v.AsOf.Year(), "Change", s.voidTotalChange(res, total, unit))
}

// voidedCorrectionRose is voidedCorrectionLine when the void raised the
// year total: it names the total before and after (after less the void's
// net change, count − taken) and the reports whose stated totals hold it
// up, and says how to lower such a report if jobs inside it were cancelled.
func (s *Service) voidedCorrectionRose(res VoidResult, o Entry, was, name, unit string, t ProgramTotal, taken int64) string {
	v := res.Entry
	approx := t.Approximate > 0
	reports := make([]string, 0, len(res.Adjusted))
	last := int64(0)
	for _, a := range res.Adjusted {
		r := a.Report
		reports = append(reports, s.msg("r28b.report_stated", "ID", r.ID, "AsOf", s.date(r.AsOf),
			"ReportedTotal", s.unitCount(r.ReportedTotal, r.Approximate, unit)))
		last = r.ID
	}
	return s.msg("r28b.voided_correction_rose", "ID", v.ID, "Original", o.ID, "Was", was, "Program", name, "Year", v.AsOf.Year(),
		"Count", s.unitCount(v.Count, v.Approximate, unit), "Rise", s.unitCount(taken-v.Count, false, unit),
		"Reports", strings.Join(reports, ", "), "Report", last,
		"Before", s.unitCount(t.Jobs-(taken-v.Count), approx, unit), "Total", s.unitCount(t.Jobs, approx, unit))
}

// voidedYearTotal is, after a void of v, its program's name and unit and
// its year total as a reply writes it (the agreed total for an agreement).
// ok is false when the total cannot be read: the void is written, so it is
// logged and the reply goes without the line.
func (s *Service) voidedYearTotal(ctx context.Context, v Entry) (name, unit string, t ProgramTotal, total string, ok bool) {
	programs, _ := s.store.Programs(ctx) // on failure the reply names the code
	name, unit = s.programOf(programs, v.ProgramID, v.ProgramCode)
	t, err := s.store.ProgramYearTotal(ctx, v.ProgramID, v.AsOf.Year())
	if err != nil {
		s.log.WarnContext(ctx, "reading the year total after a void failed", "err", err)
		return "", "", ProgramTotal{}, "", false
	}
	if v.Status == StatusAgreed {
		return name, unit, t, s.unitCount(t.Agreed, t.AgreedApproximate, unit), true
	}
	return name, unit, t, s.unitCount(t.Jobs, t.Approximate > 0, unit), true
}
