package commands

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// lastYearLumps are the live realised 누계 reports of 전년 동기's year, of
// the programs (and department) in view, dated after the window but
// covering a span that starts inside it: from the program's report before
// it, or from 1 January for the year's first. Their whole increment is dated
// on their own day, so the window holds none of the jobs made in it and the
// same-span figure is not comparable: a 2025-12-31 누계 of 30 made
// "전년 동기 0개 · 증감 +22개" of a year that was behind (review r39 F15).
// The monthly report marks the same lumps in its month cells
// (spanningReports); this is the same rule seen from a cut inside the span.
func (s *Service) lastYearLumps(ctx context.Context, v statusView) ([]Entry, error) {
	win := v.lastYear
	if win.To.Before(win.From) || len(v.programs) == 0 {
		return nil, nil
	}
	year := win.To.Year()
	end := dates.On(year, time.December, 31)
	if !win.To.Before(end) {
		return nil, nil // nothing of that year is dated after the window
	}
	inView := map[int64]bool{}
	for _, p := range v.programs {
		inView[p.ID] = true
	}
	var reports []Entry
	err := s.store.EachEntry(ctx, dates.On(year, time.January, 1), end, func(e Entry) error {
		if !e.Voided() && e.Status == StatusRealised && inView[e.ProgramID] && (v.dept == "" || e.Department == v.dept) {
			reports = append(reports, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("last year's 누계 reports: %w", err)
	}
	slices.SortStableFunc(reports, byProgramDate)
	var out []Entry
	for i, e := range reports {
		if e.Kind != KindCumulative || e.Count <= 0 || !e.AsOf.After(win.To) {
			continue
		}
		prev := previousReportDate(reports, i)
		// The span runs from the day after prev (or 1 January); it starts
		// inside the window unless prev is the window's last day or later.
		if prev.IsZero() || prev.Before(win.To) {
			out = append(out, e)
		}
	}
	return out, nil
}

// lumpedLastYearLine replaces 전년 동기's figure and change when last year's
// jobs of the span sit in later 누계 reports: it names them and gives the
// figure dated in the span only as what the ledger holds there, not as a
// comparison.
func (s *Service) lumpedLastYearLine(before ProgramTotal, span dates.Period, lumps []Entry) string {
	items := make([]string, 0, len(lumps))
	for _, e := range lumps {
		items = append(items, s.msg("labels19.status_lump_report", "Date", s.date(e.AsOf), "ID", e.ID,
			"Increment", s.unitCount(e.Count, e.Approximate, "")))
	}
	key := "labels19.status_last_year_lumped"
	if before.Jobs > 0 {
		key = "labels19.status_last_year_lumped_part"
	}
	return s.msg(key, "From", s.date(span.From), "To", s.date(span.To),
		"Year", span.To.Year(), "Reports", strings.Join(items, s.msg("k52.report_list_sep")),
		"Before", s.total(before, ""))
}
