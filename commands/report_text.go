package commands

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/width"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// Layout of the report as text. A phone shows about 40 columns of a code
// block before scrolling, so months come six at a time and labels are cut.
const (
	reportLabelCols = 16 // display columns of a row label (a Hangul syllable takes two)
	monthsPerTable  = 6
)

// parseReport reads `report [period] [by:…|사업별|부서별|…]`.
func parseReport(cmd *Command, ts []token, today time.Time) error {
	ts, err := takePeriod(cmd, ts, today)
	if err != nil {
		return err
	}
	for _, t := range ts {
		if d, err := dates.Parse(t.text, today); err == nil && cmd.Period == nil && !t.quoted {
			// A date ("4월말") is the report date: 누계 runs through it.
			p := dates.Period{Label: t.text, From: dates.On(d.Year(), time.January, 1), To: d, Through: true}
			cmd.Period = &p
			continue
		}
		by, ok := lookup(reportByWords, t.text)
		if !ok && !t.quoted && quarterAlone(t.text) {
			// 보고서 분기: which quarter is not said; the forms that say it
			// are named (minor43)
			return usageErr(cmd.Name, "minor43.report_quarter_alone", "Typed", t.text, "N", (int(today.Month())+2)/3)
		}
		if !ok || t.quoted {
			return usageErr(cmd.Name, "report_text.is_neither_period_nor", "Text", t.text, "ReportByWords", names(reportByWords))
		}
		cmd.By = by
	}
	if cmd.Opts.By != "" {
		cmd.By = cmd.Opts.By
	}
	if cmd.By == "" {
		cmd.By = ReportByProgram
	}
	return nil
}

// quarterAlone says a report's word is a quarter without its number
// (분기, quarter), the usage line's placeholder typed as it stands.
func quarterAlone(text string) bool {
	switch strings.ToLower(strings.TrimSpace(text)) {
	case "분기", "quarter", "qtr":
		return true
	}
	return false
}

// reportSpan returns the year and the report date (누계 runs through it) a
// command asks for: the period's end, never later than today.
func (s *Service) reportSpan(cmd Command) (int, time.Time) {
	today := s.today()
	year, asOf := today.Year(), today
	switch {
	case cmd.Period != nil:
		year, asOf = cmd.Period.From.Year(), cmd.Period.To
	case cmd.Opts.Year != 0:
		year, asOf = cmd.Opts.Year, dates.On(cmd.Opts.Year, time.December, 31)
	}
	if asOf.Year() != year {
		asOf = dates.On(year, time.December, 31)
	}
	if asOf.After(today) {
		asOf = today
	}
	return year, asOf
}

// reportPart is the part of the year a report was asked for (a month, a
// quarter, a half, a week, a range of months): its own figures, built as
// the year's are from the entries dated in it, so its 실적 is said as the
// period's and the year's 누계 beside it as the year to date (review r37
// F4: `보고서 4분기` printed the year's months and 누계 under a title
// that did not say which, and nothing of the quarter as such).
type reportPart struct {
	period dates.Period // as asked; its figures run to the report date
	rep    Report       // the figures of the entries dated from period.From to the report date
	// note names the year's first 누계 reports left out of rep (lumpNote).
	note string
}

// partOf is the period of cmd when it is a part of its year: not the whole
// year, and not a date (4월말), which asks for the 누계 through it.
func partOf(cmd Command) *dates.Period {
	p := cmd.Period
	if p == nil || p.Through {
		return nil
	}
	if p.From.Equal(dates.On(p.From.Year(), time.January, 1)) && p.To.Equal(dates.On(p.From.Year(), time.December, 31)) {
		return nil
	}
	return p
}

// report answers `report`: the monthly report as monospace tables.
func (s *Service) report(ctx context.Context, _ Caller, cmd Command) Reply {
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
	rep := BuildReport(data, cmd.By, s.lang)
	if rep.Agreed, rep.AgreedApprox, err = s.unhiredAgreed(ctx, dates.On(year, time.January, 1), asOf, auditScope{}); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	from := dates.On(year, time.January, 1)
	var part *reportPart
	if p := partOf(cmd); p != nil && p.From.After(asOf) {
		// 4분기 asked in September: no figure of it yet, and the year's
		// would be read as the quarter's.
		return s.refuse(cmd.Name, s.msg("reports19.report_part_not_started", "Period", s.period(*p), "Today", s.date(s.today())))
	} else if p != nil {
		// The period's own figures: the same rows, from the entries dated
		// in it (a 누계 report by its stored increment, as a month cell
		// holds it), so they equal a plain SUM over the period.
		// A first 누계 of the year holds January's jobs on: not the
		// period's, and named under its table (review r41 F8).
		pd := data
		if pd.This, err = s.store.MonthTotals(ctx, p.From, asOf); err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		lumps, err := s.firstLumps(ctx, p.From, asOf, "")
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		pd.This = withoutLumpsByMonth(pd.This, lumps)
		var jobs []Program
		for _, pr := range data.Programs {
			if pr.CountsAsJobs() {
				jobs = append(jobs, pr)
			}
		}
		part, from = &reportPart{period: *p, rep: BuildReport(pd, cmd.By, s.lang),
			note: s.lumpNote(s.period(*p), lumpsOf(lumps, jobs), jobs)}, p.From
	}
	r := s.renderReport(rep, part)
	audit, err := s.auditSections(ctx, from, asOf, auditScope{})
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	r.Sections = append(r.Sections, audit...)
	return r
}

// renderReport lays a report out: monthly tables, then targets and last
// year. A report of a part of the year (part not nil) is titled by the
// part, shows its months only (none for a week, whose days a month cell
// would not hold), then the part's 실적, and words the year's figures as
// the year to date. The year's months through a month are `보고서 11월말`.
func (s *Service) renderReport(r Report, part *reportPart) Reply {
	out := Reply{Title: s.msg("report_text.monthly_report_d_as", "Year", r.Year, "ReportByLabel", ReportByLabel(r.By, s.lang), "AsOf", s.date(r.AsOf))}
	rows := s.reportRows(r)
	firstMonth, lastMonth := 1, r.Months
	var partName, partSpan string
	if part != nil {
		partName = s.period(part.period)
		partSpan = s.msg("format.period.span", "From", s.date(part.period.From), "To", s.date(r.AsOf))
		out.Title = s.msg("reports19.report_title_part", "Period", partName, "ReportByLabel", ReportByLabel(r.By, s.lang), "AsOf", s.date(r.AsOf))
		firstMonth = int(part.period.From.Month())
		if part.period.From.Day() != 1 || part.period.To.AddDate(0, 0, 1).Day() != 1 {
			// A week's days: a month cell would hold the whole month.
			lastMonth = firstMonth - 1
		}
	}
	saidNothing := false
	var spanNotes []string
	for first := firstMonth; first <= lastMonth; first += monthsPerTable {
		last := min(first+monthsPerTable-1, lastMonth)
		header := []string{s.msg("report_text.item")}
		for m := first; m <= last; m++ {
			header = append(header, s.monthName(m))
		}
		var body [][]string
		for _, lr := range rows {
			line := []string{lr.label}
			for m := first; m <= last; m++ {
				cell := s.monthCell(lr.row, m)
				if lr.row.Nothing[m-1] {
					cell = s.msg("k43.report_said_nothing_cell")
					saidNothing = true
				}
				for _, sp := range lr.row.Spans {
					if sp.Month == m && lr.row.Months[m-1] != 0 {
						// The cell holds earlier months' jobs reported at
						// once by a 누계: marked, and the note says which.
						if !strings.HasSuffix(cell, "※") {
							cell += "※"
						}
						spanNotes = append(spanNotes, s.spanNote(lr.label, sp))
					}
				}
				line = append(line, cell)
			}
			body = append(body, line)
		}
		out.Sections = append(out.Sections, Section{Heading: s.msg("report_text.jobs_per_month", "From", s.monthName(first), "To", s.monthName(last)),
			Lines: monoTable(header, body), Mono: true})
	}
	toDate, toDateHeading := s.msg("report_text.to_date"), s.msg("report_text.to_date_against_target")
	if part != nil {
		// The part's own 실적, each row's from the entries dated in it, and
		// the year's figures below it named as the year to date.
		own := map[string]ReportRow{}
		for _, lr := range s.reportRows(part.rep) {
			own[lr.label] = lr.row
		}
		var body [][]string
		for _, lr := range rows {
			cell := "-"
			if x := own[lr.label]; x.Total != 0 {
				cell = s.count(x.Total, x.Approximate)
			} else if firstMonth == lastMonth && lr.row.Nothing[firstMonth-1] {
				// A single month its department said 실적 없음 for: as its
				// month cell says, never the "-" of a month nobody reported.
				cell = s.msg("k43.report_said_nothing_cell")
				saidNothing = true
			}
			body = append(body, []string{lr.label, cell})
		}
		out.Sections = append(out.Sections, Section{Heading: s.msg("reports19.report_part_heading", "Period", partName, "Span", partSpan),
			Lines: monoTable([]string{s.msg("report_text.item"), s.msg("reports19.report_part_column")}, body), Mono: true})
		if part.note != "" {
			out.Sections = append(out.Sections, Section{Lines: []string{part.note}})
		}
		yearSpan := s.msg("format.period.span", "From", s.date(dates.On(r.Year, time.January, 1)), "To", s.date(r.AsOf))
		toDate, toDateHeading = s.msg("reports19.report_year_to_date_column"), s.msg("reports19.report_year_to_date_heading", "Span", yearSpan)
	}
	header := []string{s.msg("report_text.item"), s.msg("report_text.target2"), toDate, s.msg("report_text.rate"),
		s.msg("report_text.last_year"), s.msg("report_text.change")}
	var body [][]string
	unassigned := r.Total.Target
	for _, g := range r.Groups {
		unassigned -= g.Subtotal.Target
	}
	// By employment type no row ever has a target: the whole year's target
	// would stand as 미배분, which reads as a part left to share out. It is
	// left out, and a note says whose targets there are none of.
	showUnassigned := r.Total.Target > 0 && unassigned != 0 && r.By != ReportByType
	var lastNotes []string
	for i, lr := range rows {
		if i == len(rows)-1 && showUnassigned {
			// 미배분: the part of the year's target given to no row, so
			// that the targets above add up to 합계's by hand.
			body = append(body, []string{s.msg("report.unassigned"), numbers.Format(unassigned), "", "", "", ""})
		}
		rate := "-"
		if pct, ok := lr.row.Rate(); ok {
			rate = fmt.Sprintf("%d%%", pct)
			if pct == 0 && lr.row.Targeted > 0 {
				rate = s.msg("r27b.under_one_percent") // 0% would read as nothing (review r27 F4)
			}
			if lr.row.Targeted != lr.row.Total {
				rate += "*" // only the rows with a target: the note below says so
			}
		}
		target := "-"
		if lr.row.Target > 0 {
			target = numbers.Format(lr.row.Target)
		}
		last := s.count(lr.row.LastYear, lr.row.LastYearApprox)
		if lr.row.LastYear != 0 && len(lr.row.LastSpans) > 0 {
			// 전년 동기 holds a 누계 reporting months at once: marked, and
			// the note names it (minor43)
			last += "※"
			for _, sp := range lr.row.LastSpans {
				lastNotes = append(lastNotes, s.lastSpanNote(lr.label, sp))
			}
		}
		body = append(body, []string{lr.label, target, s.count(lr.row.Total, lr.row.Approximate), rate,
			last, s.signedApprox(lr.row.Diff(), lr.row.DiffApprox())})
	}
	out.Sections = append(out.Sections, Section{Heading: toDateHeading,
		Lines: monoTable(header, body), Mono: true})
	notes := s.rateNotes(r)
	if r.Total.Target > 0 && unassigned != 0 {
		notes = append(notes, s.unassignedNote(r.By, unassigned))
	}
	notes = append(notes, s.msg("report_text.realised_jobs_only_through", "AsOf", s.date(r.AsOf), "From", s.date(dates.On(r.Year-1, time.January, 1)), "To", s.date(SameDayLastYear(r.AsOf))))
	if r.Total.Target > 0 && r.TargetNotYet {
		notes = append(notes, s.msg("report_text.no_target_yet", "Date", s.date(r.AsOf), "Target", s.jobs(r.Total.Target)))
	}
	if note := s.notYetNote(r.AsOf, r.NotYet); note != "" {
		notes = append(notes, note)
	}
	if r.Total.Target > 0 && r.TargetNow > 0 && r.TargetNow != r.Total.Target {
		notes = append(notes, s.msg("report_text.target_revised_since", "Date", s.date(r.AsOf), "Target", s.jobs(r.Total.Target),
			"TargetNow", s.jobs(r.TargetNow), "Percent", pctArg(r.Total.Total, r.TargetNow)))
	}
	if r.Total.Approximate {
		notes = append(notes, s.msg("report_text.marks_figure_that_includes"))
	}
	if r.MonthApproxThen() {
		// A month keeps the 여 it was reported with, though a later exact
		// 누계 made the row's total exact (review r25 F9): say why they
		// differ.
		notes = append(notes, s.msg("labels.report_month_approx_then"))
	}
	notes = append(notes, spanNotes...)
	notes = append(notes, lastNotes...)
	if saidNothing {
		notes = append(notes, s.msg("k43.report_said_nothing_note", "Cell", s.msg("k43.report_said_nothing_cell")))
	}
	if r.Agreed > 0 {
		notes = append(notes, s.msg("status.not_counted_agreed_mou", "Agreed", s.unitCount(r.Agreed, r.AgreedApprox, ""), i18n.PluralCount, r.Agreed))
	}
	notes = append(notes, s.msg("report_text.spreadsheet_jobs_export_xlsx", "AsOf", s.date(r.AsOf))) // 2026. 10. 2. in Korean, read back by 엑셀
	out.Sections = append(out.Sections, Section{Lines: notes})
	return out
}

// rateNotes says how each rate marked * is computed, with its figures, so a
// reader can check it by hand: a subtotal's (or, without a year's target,
// the total's) 달성률 divides the 누계 of its rows that have a target by
// the sum of their targets, and leaves out the rows without one.
func (s *Service) rateNotes(r Report) []string {
	var notes []string
	note := func(label string, sum ReportRow) {
		pct, ok := sum.Rate()
		if !ok || sum.Targeted == sum.Total {
			return
		}
		notes = append(notes, s.msg("report.rate_targeted_only", "Row", label, "Percent", i18n.Percent{N: pct, Under: pct == 0 && sum.Targeted > 0},
			"Targeted", s.unitCount(sum.Targeted, sum.TargetedApprox, ""), "Target", s.jobs(sum.Target),
			"Untargeted", s.unitCount(sum.Total-sum.Targeted, sum.UntargetedApprox, "")))
	}
	for _, g := range r.Groups {
		for _, row := range g.Rows {
			note(row.Label, row) // a sector or disclosure row of programs with and without targets
		}
		if g.Label != "" && len(r.Groups) > 1 {
			note(s.msg("report_text.subtotal", "Label", g.Label), g.Subtotal)
		}
	}
	note(s.msg("report_text.total2"), r.Total)
	return notes
}

// labelledRow is a report row with the label it shows in a text table.
type labelledRow struct {
	label string
	row   ReportRow
}

// reportRows flattens the groups: rows, each group's subtotal, the total.
func (s *Service) reportRows(r Report) []labelledRow {
	var out []labelledRow
	for _, g := range r.Groups {
		for _, row := range g.Rows {
			out = append(out, labelledRow{cut(row.Label, reportLabelCols), row})
		}
		if g.Label != "" && len(r.Groups) > 1 {
			out = append(out, labelledRow{cut(s.msg("report_text.subtotal", "Label", g.Label), reportLabelCols), g.Subtotal})
		}
	}
	return append(out, labelledRow{s.msg("report_text.total2"), r.Total})
}

// monthName is a month's short name (Jan) or number (4, read with 월).
// monthName is month m (1-12) as report headers write it: Apr, 4월.
func (s *Service) monthName(m int) string { return strings.Fields(s.msg("chart.months"))[m-1] }

// monthCell is month m's figure of a row: "-" for none, 여 (about) when
// a figure of that month is approximate now (ReportRow.MonthApprox).
func (s *Service) monthCell(row ReportRow, m int) string {
	if row.Months[m-1] == 0 {
		return "-"
	}
	return s.count(row.Months[m-1], row.MonthApprox[m-1])
}

// DisplayWidth is how many columns s takes in a monospace font: Hangul and
// other East Asian wide characters take two.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// cut shortens s to at most cols display columns, ending in … when cut, and
// drops control characters and backticks, which would break a code block.
func cut(s string, cols int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '`' {
			return -1
		}
		return r
	}, s)
	if DisplayWidth(s) <= cols {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		w := DisplayWidth(string(r))
		if n+w > cols-1 {
			break
		}
		b.WriteRune(r)
		n += w
	}
	return b.String() + "…"
}

// monoTable lays rows out in columns for a monospace font: the first column
// left-aligned, the others right-aligned, widths counted in display columns.
func monoTable(header []string, rows [][]string) []string {
	widths := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			widths[i] = max(widths[i], DisplayWidth(c))
		}
	}
	line := func(r []string) string {
		var b strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-DisplayWidth(c))
			if i == 0 {
				b.WriteString(c + pad)
				continue
			}
			b.WriteString("  " + pad + c)
		}
		return strings.TrimRight(b.String(), " ")
	}
	out := []string{line(header)}
	for _, r := range rows {
		out = append(out, line(r))
	}
	return out
}

// signedApprox is a change against last year, marked approximate (+200여,
// about +200) when the figure it is taken from, the 누계 column beside it,
// is.
func (s *Service) signedApprox(n int64, approximate bool) string {
	return s.approx(signed(n), approximate && n != 0)
}

// unassignedNote says what the 미배분 row of a report by by is: the part of
// the year's target given to no program, or to no department (review r5
// L8: both read "사업에 나누지 않은 목표" with different figures); by
// employment type, that no type has a target at all.
func (s *Service) unassignedNote(by ReportBy, unassigned int64) string {
	switch {
	case by == ReportByType:
		return s.msg("report_unassigned.no_type_targets")
	case by == ReportByDepartment && unassigned < 0:
		return s.msg("report_unassigned.departments_over", "N", s.jobs(-unassigned))
	case by == ReportByDepartment:
		return s.msg("report_unassigned.departments", "N", s.jobs(unassigned))
	case unassigned < 0:
		return s.msg("report_unassigned.programs_over", "N", s.jobs(-unassigned))
	}
	return s.msg("report_unassigned.programs", "N", s.jobs(unassigned))
}

// spanNote says that a month cell of row holds a 누계 report's jobs of
// earlier months, reported at once (review r11 F5).
// lastSpanNote says that a row's 전년 동기 holds a 누계 report of last year
// that gave several months' jobs at once (minor43: a program whose only
// 2025 report was a 누계 of January to October showed 전년 동기 20 · 증감
// -15 as if month by month).
func (s *Service) lastSpanNote(row string, sp ReportSpan) string {
	return s.msg("minor43.report_last_year_span_note", "Row", row, "Date", s.date(sp.AsOf),
		"Range", s.msg("k43.report_span_range", "FromName", s.monthName(sp.From), "ToName", s.monthName(sp.Month)),
		"ID", sp.ID)
}

func (s *Service) spanNote(row string, sp ReportSpan) string {
	if !sp.After.IsZero() {
		// Reports came before it: only the months after the last one
		// had none, and the cell may hold their jobs (review r27 F6).
		return s.msg("r27a.report_span_after_note", "Row", row, "Month", s.monthName(sp.Month), "ID", sp.ID, "After", s.date(sp.After),
			"Range", s.msg("k43.report_span_range", "FromName", s.monthName(sp.From), "ToName", s.monthName(sp.Month)))
	}
	return s.msg("k43.report_span_note", "Row", row, "Month", s.monthName(sp.Month),
		"Range", s.msg("k43.report_span_range", "FromName", s.monthName(sp.From), "ToName", s.monthName(sp.Month)),
		"ID", sp.ID)
}
