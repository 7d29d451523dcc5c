package commands

import (
	"context"
	"slices"
	"strings"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// parsePress reads `press [date|period]`: the date the figures stand on,
// as for `report`; today when none is given.
func parsePress(cmd *Command, ts []token, today time.Time) error {
	return parseDatedOnly(cmd, ts, today, "press.is_not_a_date")
}

// parseDatedOnly reads a report date (4월말, 2026-04-30) or a period whose
// end is the date, and nothing else.
func parseDatedOnly(cmd *Command, ts []token, today time.Time, refusal string) error {
	ts, err := takePeriod(cmd, ts, today)
	if err != nil {
		return err
	}
	for _, t := range ts {
		d, err := dates.Parse(t.text, today)
		if err != nil || cmd.Period != nil || t.quoted {
			return usageErr(cmd.Name, refusal, "Text", t.text)
		}
		p := dates.ThroughDate(d)
		cmd.Period = &p
	}
	return nil
}

// press answers `press`: the sentences a city's press release opens with,
// written from the ledger as of the date: the year's target, the figure
// with 달성률, 공공/민간, the programs as △ bullets, the candidates found.
// Figures follow the press rule (numbers.Press): exact under 1,000, or
// rounded down with 여, never up; 달성률 is rounded down too, and left out
// when under 1%.
func (s *Service) press(ctx context.Context, _ Caller, cmd Command) Reply {
	if r, refused := s.reportSpanRefusal(cmd); refused {
		return r
	}
	year, asOf := s.reportSpan(cmd)
	if asOf.Year() < year {
		return s.refuse(cmd.Name, s.msg("report_text.d_has_not_started", "Year", year))
	}
	data, err := LoadReportData(ctx, s.store, year, asOf, s.loc)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	candidates, err := s.store.Candidates(ctx, "")
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	found := 0
	for _, c := range candidates {
		if c.CreatedAt.Before(DayAfterStart(asOf, s.loc)) {
			found++
		}
	}
	r := BuildReport(data, ReportBySector, s.lang)
	bySector := BuildReport(data, ReportByProgram, s.lang)
	paragraphs := []string{s.pressLead(r, year, asOf)}
	for _, g := range bySector.Groups {
		if line := s.pressBullets(g); line != "" {
			paragraphs = append(paragraphs, line)
		}
	}
	if found > 0 {
		paragraphs = append(paragraphs, s.msg("press.candidates", "Count", found, i18n.PluralCount, found))
	}
	return Reply{Title: s.msg("press.title", "AsOf", s.date(asOf)),
		Sections: []Section{{Lines: paragraphs}, {Lines: []string{s.msg("press.rule", "Exact", s.jobs(r.Total.Total))}}}}
}

// pressCount writes a figure by the press rule in the reply's language.
func (s *Service) pressCount(n int64, approx bool) string {
	if s.lang == Korean {
		return numbers.Press(n, approx)
	}
	return numbers.PressEnglish(n, approx)
}

// pressLead is the opening sentence: target, figure as of the date with
// 달성률, public and private.
func (s *Service) pressLead(r Report, year int, asOf time.Time) string {
	var public, private ReportRow
	for _, g := range r.Groups {
		for _, row := range g.Rows {
			switch Sector(row.Key) {
			case SectorPublic:
				public = row
			case SectorPrivate:
				private = row
			}
		}
	}
	whichYear := s.msg("press.this_year")
	if year != s.today().Year() {
		whichYear = s.msg("press.year", "Year", year)
	}
	month := s.monthName(int(asOf.Month())) // 4월
	if s.lang != Korean {
		month = asOf.Month().String() // April
	}
	// 지난 3월 11일 is a day gone by: today's figures are as of 3월 11일
	// (review r47 A5)
	onDay, monthEnd := "press.on_day", "press.month_end"
	if asOf.Equal(s.today()) {
		onDay, monthEnd = "again2.press_today", "again2.press_month_end_today"
	}
	when := s.msg(onDay, "Month", month, "Day", asOf.Day())
	if asOf.AddDate(0, 0, 1).Day() == 1 {
		when = s.msg(monthEnd, "Month", month)
	}
	total := s.pressCount(r.Total.Total, r.Total.Approximate)
	args := []any{"Year", whichYear, "AsOf", when, "Total", total,
		"Split", s.pressSplit(public, private, r.Total.Total), i18n.PluralCount, r.Total.Total}
	if r.Total.Target <= 0 {
		return s.msg("press.lead_no_target", args...)
	}
	floor := r.Total.Total * 100 / r.Total.Target // never overstated
	if floor == 0 {
		// "목표 대비 0%의 성과를 올렸다" is no sentence for a press release
		// (review r22 F23): the target and the figure, without the rate.
		return s.msg("k59.press_lead_no_rate", append(args, "Target", s.pressTarget(r.Total.Target))...)
	}
	return s.msg("press.lead", append(args, "Target", s.pressTarget(r.Total.Target), "Percent", floor)...)
}

// pressSplit is the lead's public and private parts of the total (n
// jobs): a sector with no jobs is left out (review r47 A5: "민간부문 0개
// 등" is no press sentence), one sector left is said to hold them all, and
// with no jobs there are no parts to name.
func (s *Service) pressSplit(public, private ReportRow, n int64) string {
	switch {
	case public.Total != 0 && private.Total != 0:
		return s.msg("again2.press_split_both", "Public", s.pressCount(public.Total, public.Approximate),
			"Private", s.pressCount(private.Total, private.Approximate))
	case public.Total != 0:
		return s.msg("again2.press_split_public", i18n.PluralCount, n)
	case private.Total != 0:
		return s.msg("again2.press_split_private", i18n.PluralCount, n)
	}
	return ""
}

// pressTarget writes a target exactly: 2만 500개.
func (s *Service) pressTarget(n int64) string {
	if s.lang == Korean {
		return numbers.Man(n) + "개"
	}
	return numbers.Format(n)
}

// pressBullets is one sector's programs with jobs, largest first, as △
// bullets.
func (s *Service) pressBullets(g ReportGroup) string {
	rows := slices.Clone(g.Rows)
	slices.SortStableFunc(rows, func(a, b ReportRow) int { return int(b.Total - a.Total) })
	var items []string
	for _, row := range rows {
		if row.Total > 0 {
			items = append(items, s.msg("press.bullet", "Program", row.Label, "Count", s.pressCount(row.Total, row.Approximate)))
		}
	}
	if len(items) == 0 {
		return ""
	}
	return s.msg("press.sector", "Sector", g.Label, "Bullets", strings.Join(items, " "))
}
