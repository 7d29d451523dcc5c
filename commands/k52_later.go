package commands

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"
)

// laterNamed is how many later 누계 reports a question names one by one;
// past it the rest are counted (외 N건), so the question stays one line.
const laterNamed = 3

// decidingReports are the live 누계 reports of status among later, oldest
// first, that decide their dates: the latest recorded of each date (an
// earlier same-day report is superseded, and naming it with the deciding
// one's total would misstate what it said). skip is left out (the entry
// itself, or 0).
func decidingReports(later []Entry, status EntryStatus, skip int64) []Entry {
	deciding := map[string]int64{}
	for _, r := range later {
		if r.Voided() || r.Kind != KindCumulative || r.Status != status || r.ID == skip {
			continue
		}
		if day := r.AsOf.Format(time.DateOnly); r.ID > deciding[day] {
			deciding[day] = r.ID
		}
	}
	var out []Entry
	for _, r := range later {
		if !r.Voided() && r.Kind == KindCumulative && r.Status == status && r.ID != skip &&
			deciding[r.AsOf.Format(time.DateOnly)] == r.ID {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b Entry) int { return cmp.Or(a.AsOf.Compare(b.AsOf), cmp.Compare(a.ID, b.ID)) })
	return out
}

// reportsRaised names what a change recorded as separate jobs does to each
// of reports (oldest first): `2026. 10. 31. 누계 #1: 500개 → 530개`, the
// ledger's total through the report's date now and after, for the first
// laterNamed reports, then how many more (외 N건). Separate jobs
// (누계포함:아니오) re-base no report, so every later report's total moves
// by the change, and the question names them all, not only the first
// (review F16).
func (s *Service) reportsRaised(ctx context.Context, reports []Entry, change int64, p Program) (string, error) {
	var items []string
	for i, r := range reports {
		if i == laterNamed {
			return strings.Join(items, s.msg("k52.report_list_sep")) + s.msg("k52.and_more", "N", len(reports)-laterNamed), nil
		}
		through, err := s.programThrough(ctx, r.ProgramID, r.Status, r.AsOf)
		if err != nil {
			return "", err
		}
		items = append(items, s.msg("k52.report_raised", "AsOf", s.date(r.AsOf), "ID", r.ID,
			"Total", s.unitCount(through, r.Approximate, p.Unit), "Raised", s.unitCount(through+change, r.Approximate, p.Unit)))
	}
	return strings.Join(items, s.msg("k52.report_list_sep")), nil
}
