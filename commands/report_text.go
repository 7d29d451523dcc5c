package commands

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/width"

	"jobsbot/commands/dates"
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
	ts = takePeriod(cmd, ts, today)
	for _, t := range ts {
		if d, err := dates.Parse(t.text, today); err == nil && cmd.Period == nil && !t.quoted {
			// A date ("4월말") is the report date: 누계 runs through it.
			p := dates.Period{Label: t.text, From: dates.On(d.Year(), time.January, 1), To: d}
			cmd.Period = &p
			continue
		}
		by, ok := lookup(reportByWords, t.text)
		if !ok || t.quoted {
			return usageErr(cmd.Name, "`%s` is neither a period nor a grouping. Group by one of: %s.",
				"`%s`: 기간이나 집계 기준으로 읽을 수 없습니다. 기준은 다음 중 하나를 쓰세요: %s.", t.text, names(reportByWords))
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

// report answers `report`: the monthly report as monospace tables.
func (s *Service) report(ctx context.Context, _ Caller, cmd Command) Reply {
	year, asOf := s.reportSpan(cmd)
	if asOf.Year() < year {
		return s.refuse(cmd.Name, s.t("%d has not started yet, so there is nothing to report.", "%d년은 아직 시작되지 않아 보고할 실적이 없습니다.", year))
	}
	data, err := LoadReportData(ctx, s.store, year, asOf)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	return s.renderReport(BuildReport(data, cmd.By, s.lang))
}

// renderReport lays a report out: monthly tables, then targets and last year.
func (s *Service) renderReport(r Report) Reply {
	out := Reply{Title: s.t("Monthly report %d · %s (as of %s)", "%d년 월별 추진실적 · %s (%s 기준)",
		r.Year, ReportByLabel(r.By, s.lang), s.date(r.AsOf))}
	rows := s.reportRows(r)
	for first := 1; first <= r.Months; first += monthsPerTable {
		last := min(first+monthsPerTable-1, r.Months)
		header := []string{s.t("Item", "구분")}
		for m := first; m <= last; m++ {
			header = append(header, s.t("%s", "%s월", monthName(m, s.lang)))
		}
		var body [][]string
		for _, lr := range rows {
			line := []string{lr.label}
			for m := first; m <= last; m++ {
				line = append(line, dash(lr.row.Months[m-1]))
			}
			body = append(body, line)
		}
		out.Sections = append(out.Sections, Section{Heading: s.t("Jobs per month (%s–%s)", "월별 실적 (%s~%s월)", monthName(first, s.lang), monthName(last, s.lang)),
			Lines: monoTable(header, body), Mono: true})
	}
	header := []string{s.t("Item", "구분"), s.t("Target", "목표"), s.t("To date", "누계"), s.t("Rate", "달성률"),
		s.t("Last year", "전년 동기"), s.t("Change", "증감")}
	var body [][]string
	for _, lr := range rows {
		rate := "-"
		if pct, ok := lr.row.Rate(); ok {
			rate = fmt.Sprintf("%d%%", pct)
		}
		target := "-"
		if lr.row.Target > 0 {
			target = numbers.Format(lr.row.Target)
		}
		body = append(body, []string{lr.label, target, s.count(lr.row.Total, lr.row.Approximate), rate,
			numbers.Format(lr.row.LastYear), signed(lr.row.Diff())})
	}
	out.Sections = append(out.Sections, Section{Heading: s.t("To date against the target and last year", "누계 · 목표 대비 · 전년 동기 대비"),
		Lines: monoTable(header, body), Mono: true})
	notes := []string{s.t("Realised jobs only, through %[1]s; last year is 1 January – %[3]s.", "채용 실적만 집계(%[1]s까지), 전년 동기는 %[2]d. 1. 1. ~ %[3]s.",
		s.date(r.AsOf), r.Year-1, s.date(SameDayLastYear(r.AsOf)))}
	if r.Total.Approximate {
		notes = append(notes, s.t("여 marks a figure that includes approximate reports.", "여: 어림수로 보고된 실적이 포함된 수치."))
	}
	if r.Agreed > 0 {
		notes = append(notes, s.t("Not counted: %s agreed (MOU) jobs not yet hired.", "제외: 아직 채용되지 않은 약정 %s.", numbers.Format(r.Agreed)))
	}
	notes = append(notes, s.t("The spreadsheet: `/jobs export xlsx %d`.", "엑셀 파일: `/jobs export xlsx %d`.", r.Year))
	out.Sections = append(out.Sections, Section{Lines: notes})
	return out
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
			out = append(out, labelledRow{cut(s.t("%s subtotal", "%s 소계", g.Label), reportLabelCols), g.Subtotal})
		}
	}
	return append(out, labelledRow{s.t("Total", "합계"), r.Total})
}

// monthName is a month's short name (Jan) or number (4, read with 월).
func monthName(m int, lang Lang) string {
	if lang == Korean {
		return fmt.Sprint(m)
	}
	return time.Month(m).String()[:3]
}

func dash(n int64) string {
	if n == 0 {
		return "-"
	}
	return numbers.Format(n)
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
