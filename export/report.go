package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// rowKind says what a report row is, for its style.
type rowKind int

const (
	rowItem rowKind = iota
	rowSubtotal
	rowTotal
)

// reportCell is one cell of the report grid: a value, and for sums the
// formula that computes it. Spreadsheets get both (the value cached, so a
// reader that does not recalculate still sees it); CSV gets the value.
type reportCell struct {
	value   any // int64, float64 (a rate), string or nil
	formula string
	percent bool
}

// reportGrid is a report laid out as rows and columns.
type reportGrid struct {
	header []string
	labels int // leading text columns (name, code, sector)
	rows   [][]reportCell
	kinds  []rowKind
}

// Column positions after the label columns.
const (
	monthCols  = 12
	colTarget  = monthCols
	colTotal   = monthCols + 1
	colRate    = monthCols + 2
	colLast    = monthCols + 3
	colDiff    = monthCols + 4
	figureCols = monthCols + 5
)

// layoutReport lays a report out. Header row is row 1; data starts in row 2.
// Subtotals sum their group's rows and the total sums the subtotals, as
// formulas, so a corrected cell in the file carries through like in a
// hand-made report.
func layoutReport(r commands.Report) reportGrid {
	g := reportGrid{labels: 1, header: []string{"구분"}}
	if r.By == commands.ReportByProgram {
		g.labels, g.header = 3, []string{"사업명", "코드", "부문"}
	}
	for m := 1; m <= monthCols; m++ {
		g.header = append(g.header, fmt.Sprintf("%d월", m))
	}
	g.header = append(g.header, "목표", "누계", "달성률", "전년 동기", "증감")
	var subtotalRows []int
	for _, grp := range r.Groups {
		first := len(g.rows) + 2
		for _, row := range grp.Rows {
			labels := []any{row.Label}
			if g.labels == 3 {
				labels = append(labels, row.Key, grp.Label)
			}
			g.add(rowItem, labels, g.itemFigures(row, r.Months, len(g.rows)+2))
		}
		if grp.Label == "" || len(r.Groups) == 1 {
			continue
		}
		last := len(g.rows) + 1
		labels := g.blankLabels(grp.Label + " 소계")
		g.add(rowSubtotal, labels, g.sumFigures(grp.Subtotal, len(g.rows)+2, func(col string) string {
			return fmt.Sprintf("SUM(%[1]s%[2]d:%[1]s%[3]d)", col, first, last)
		}))
		subtotalRows = append(subtotalRows, last+1)
	}
	if len(g.rows) == 0 {
		return g
	}
	lastItem := len(g.rows) + 1
	total := g.sumFigures(r.Total, len(g.rows)+2, func(col string) string {
		if len(subtotalRows) == 0 {
			return fmt.Sprintf("SUM(%[1]s2:%[1]s%[2]d)", col, lastItem)
		}
		parts := make([]string, len(subtotalRows))
		for i, n := range subtotalRows {
			parts[i] = col + strconv.Itoa(n)
		}
		return strings.Join(parts, "+")
	})
	// The year's own target, set by a manager, is not the sum of program targets.
	total[colTarget] = reportCell{value: r.Total.Target}
	total[colRate] = rateCell(r.Total, g.col(colTotal), g.col(colTarget), len(g.rows)+2)
	g.add(rowTotal, g.blankLabels("합계"), total)
	return g
}

func (g *reportGrid) add(kind rowKind, labels []any, figures []reportCell) {
	row := make([]reportCell, 0, len(labels)+len(figures))
	for _, l := range labels {
		row = append(row, reportCell{value: l})
	}
	g.rows = append(g.rows, append(row, figures...))
	g.kinds = append(g.kinds, kind)
}

func (g *reportGrid) blankLabels(label string) []any {
	out := make([]any, g.labels)
	out[0] = label
	return out
}

// col is the spreadsheet column letter of a figure column.
func (g *reportGrid) col(figure int) string {
	name, _ := excelize.ColumnNumberToName(g.labels + figure + 1)
	return name
}

// itemFigures are one row's cells: months as numbers (blank after the
// report's month), 누계 as the sum of the months, 달성률 and 증감 as formulas.
func (g *reportGrid) itemFigures(row commands.ReportRow, months, n int) []reportCell {
	out := make([]reportCell, figureCols)
	for m := 0; m < monthCols; m++ {
		if m < months {
			out[m] = reportCell{value: row.Months[m]}
		}
	}
	if row.Target > 0 {
		out[colTarget] = reportCell{value: row.Target}
	}
	out[colTotal] = reportCell{value: row.Total, formula: fmt.Sprintf("SUM(%s%d:%s%d)", g.col(0), n, g.col(monthCols-1), n)}
	out[colRate] = rateCell(row, g.col(colTotal), g.col(colTarget), n)
	out[colLast] = reportCell{value: row.LastYear}
	out[colDiff] = reportCell{value: row.Diff(), formula: fmt.Sprintf("%s%d-%s%d", g.col(colTotal), n, g.col(colLast), n)}
	return out
}

// sumFigures are a subtotal's or the total's cells, each a formula over
// the rows above (sum gives it for a column letter) with its value cached.
func (g *reportGrid) sumFigures(row commands.ReportRow, n int, sum func(col string) string) []reportCell {
	out := make([]reportCell, figureCols)
	for m := 0; m < monthCols; m++ {
		out[m] = reportCell{value: row.Months[m], formula: sum(g.col(m))}
	}
	out[colTarget] = reportCell{value: row.Target, formula: sum(g.col(colTarget))}
	out[colTotal] = reportCell{value: row.Total, formula: sum(g.col(colTotal))}
	out[colRate] = rateCell(row, g.col(colTotal), g.col(colTarget), n)
	out[colLast] = reportCell{value: row.LastYear, formula: sum(g.col(colLast))}
	out[colDiff] = reportCell{value: row.Diff(), formula: fmt.Sprintf("%s%d-%s%d", g.col(colTotal), n, g.col(colLast), n)}
	return out
}

// rateCell is 달성률 as a fraction shown as a percentage, blank without a target.
func rateCell(row commands.ReportRow, total, target string, n int) reportCell {
	if row.Target <= 0 {
		return reportCell{}
	}
	return reportCell{value: float64(row.Total) / float64(row.Target), percent: true,
		formula: fmt.Sprintf("IF(%[2]s%[3]d>0,%[1]s%[3]d/%[2]s%[3]d,\"\")", total, target, n)}
}

func formatInt(n int64) string { return strconv.FormatInt(n, 10) }
