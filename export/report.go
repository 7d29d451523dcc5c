package export

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/commands/numbers"
)

// rowKind says what a report row is, for its style.
type rowKind int

const (
	rowItem rowKind = iota
	rowSubtotal
	rowSectorSubtotal
	rowUnassigned
	rowTotal
)

// cellRole says how a cell reads, for its style.
type cellRole int

const (
	roleNumber cellRole = iota
	rolePercent
	roleText
	roleGroup      // a 부문 or 공시유형 label, centred over the rows it spans
	roleNothing    // 실적 없음: reported, no jobs
	roleUnreported // 미보고: nothing reported at all
	roleApprox     // a count that is approximate now: a number shown with 여 (300여)
)

// monthRole is the role of month m's cell (0-based) of row: approximate when
// a figure of that month is (ReportRow.MonthApprox) and the month
// has jobs; an empty month shows "-" plain, as the text report does.
func monthRole(row commands.ReportRow, m int) cellRole {
	return countRole(row.MonthApprox[m] && row.Months[m] != 0)
}

// countRole is the role of a count cell: approximate (여) or plain. The
// value stays a number, so sums and formulas still add it up.
func countRole(approximate bool) cellRole {
	if approximate {
		return roleApprox
	}
	return roleNumber
}

// Words in department × month cells: neither may look like a 0.
const (
	markNothing    = "실적 없음"
	markUnreported = "미보고"
)

// reportCell is one cell of the report grid: a value, and for sums the
// formula that computes it. Spreadsheets get both (the value cached, so a
// reader that does not recalculate still sees it); CSV gets the value.
type reportCell struct {
	value   any // int64, float64 (a rate), string or nil
	formula string
	role    cellRole
}

// Rows of a report sheet: the title block, two header rows, then data.
const (
	titleRow     = 1
	infoRow      = 2
	headRow      = 4
	subHeadRow   = 5
	firstDataRow = 6
)

// gridColumn is one column of the report: its heading, the heading of the
// second header row under a shared one ("" when the heading spans both
// rows), and its width.
type gridColumn struct {
	head, sub string
	width     float64
}

// reportGrid is a report laid out as rows and columns.
type reportGrid struct {
	cols   []gridColumn
	labels int // leading text columns
	rows   [][]reportCell
	kinds  []rowKind
	merges []string // ranges merged in the body, e.g. "A6:A12"
	keys   []string // each row's key (a program's code for items), for the CSV
	// figure column positions (0-based, in cols)
	original, target, month0, months, total, rate, last, diff, note int
}

// newGrid sets up the columns: labels, 당초/변경 targets, the months
// through the report date, 누계, 달성률, 전년 동기, 증감, 비고.
func newGrid(labels []gridColumn, months int) reportGrid {
	g := reportGrid{labels: len(labels), cols: slices.Clone(labels), months: months}
	add := func(c gridColumn) int { g.cols = append(g.cols, c); return len(g.cols) - 1 }
	g.original = add(gridColumn{"목표", "당초", 9})
	g.target = add(gridColumn{"목표", "변경", 9})
	g.month0 = len(g.cols)
	for m := 1; m <= months; m++ {
		add(gridColumn{"월별 실적", fmt.Sprintf("%d월", m), 8}) // 8: room for 12,345여
	}
	g.total = add(gridColumn{"누계", "", 9})
	g.rate = add(gridColumn{"달성률", "", 8})
	g.last = add(gridColumn{"전년 동기", "", 9})
	g.diff = add(gridColumn{"증감", "", 8})
	g.note = add(gridColumn{"비고", "", 34})
	return g
}

// col is the spreadsheet column letter of column i (0-based).
func col(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

// at is the cell name of column i in spreadsheet row n.
func at(i, n int) string { return fmt.Sprintf("%s%d", col(i), n) }

// nextRow is the spreadsheet row the next added row lands on.
func (g *reportGrid) nextRow() int { return firstDataRow + len(g.rows) }

func (g *reportGrid) add(kind rowKind, labels []string, figures []reportCell) {
	g.keys = append(g.keys, "")
	row := make([]reportCell, len(g.cols))
	for i, l := range labels {
		row[i] = reportCell{value: l, role: roleText}
	}
	copy(row[g.labels:], figures)
	g.rows = append(g.rows, row)
	g.kinds = append(g.kinds, kind)
}

// figures returns an empty run of figure cells to fill.
func (g *reportGrid) figures() []reportCell { return make([]reportCell, len(g.cols)-g.labels) }

// f indexes a figure run by grid column.
func (g *reportGrid) f(run []reportCell, i int) *reportCell { return &run[i-g.labels] }

// itemFigures are one row's cells: its targets, its months as numbers, 누계
// as the sum of the months, 달성률 and 증감 as formulas.
func (g *reportGrid) itemFigures(row commands.ReportRow, note string) []reportCell {
	n, run := g.nextRow(), g.figures()
	if row.Target > 0 {
		*g.f(run, g.original) = reportCell{value: row.Original}
		*g.f(run, g.target) = reportCell{value: row.Target}
		*g.f(run, g.rate) = reportCell{value: ratio(row.Total, row.Target), role: rolePercent,
			formula: fmt.Sprintf(`IF(%[2]s>0,%[1]s/%[2]s,"")`, at(g.total, n), at(g.target, n))}
		if row.Targeted != row.Total {
			// A sector or disclosure row of programs with and without a
			// target: only the former count, and the sheet has no cell
			// for their 누계, so the rate is the figure and the note
			// gives its parts to check by hand.
			*g.f(run, g.rate) = reportCell{value: ratio(row.Targeted, row.Target), role: rolePercent}
			note = joinNotes(note, targetedNote(row))
		}
	}
	var nothing []string
	for m := 0; m < g.months; m++ {
		*g.f(run, g.month0+m) = reportCell{value: row.Months[m], role: monthRole(row, m)}
		if row.Nothing[m] {
			// Reported, no jobs: a word, never the "-" (0) of a month
			// nobody reported. A text cell adds nothing to SUM, so 누계
			// and the sums above stay right, and import reads it as no
			// figure (importer/months.go).
			*g.f(run, g.month0+m) = reportCell{value: markNothing, role: roleNothing}
			nothing = append(nothing, fmt.Sprintf("%d월", m+1))
		}
	}
	if len(nothing) > 0 {
		note = joinNotes(note, strings.Join(nothing, "·")+" 실적 없음 보고")
	}
	for _, sp := range row.Spans {
		// A month cell holding earlier months' jobs reported at once by a
		// 누계: the note says so, as the text report's ※ does (review r11 F5).
		if sp.Month <= g.months && row.Months[sp.Month-1] != 0 {
			note = joinNotes(note, spanNote(sp))
		}
	}
	*g.f(run, g.total) = reportCell{value: row.Total, role: countRole(row.Approximate),
		formula: fmt.Sprintf("SUM(%s:%s)", at(g.month0, n), at(g.month0+g.months-1, n))}
	g.lastYearFigures(run, row, n, nil)
	if row.Approximate {
		note = joinNotes(note, "어림수 포함")
	}
	*g.f(run, g.note) = reportCell{value: note, role: roleText}
	return run
}

// lastYearFigures fills 전년 동기 (summed from rows when given) and 증감.
func (g *reportGrid) lastYearFigures(run []reportCell, row commands.ReportRow, n int, rows []int) {
	last := reportCell{value: row.LastYear, role: countRole(row.LastYearApprox)}
	if rows != nil {
		last.formula = sumOf(g.last, rows)
	}
	*g.f(run, g.last) = last
	// 증감 is taken from 누계, so it is approximate when 누계 is.
	*g.f(run, g.diff) = reportCell{value: row.Diff(), role: countRole(row.DiffApprox()),
		formula: fmt.Sprintf("%s-%s", at(g.total, n), at(g.last, n))}
}

// sumFigures are a subtotal's or the total's cells: each a formula over the
// rows given, its value cached; 달성률 counts only the rows that have a
// target (items lists their spreadsheet rows), as the note says.
func (g *reportGrid) sumFigures(row commands.ReportRow, rows, items []int, note string) []reportCell {
	n, run := g.nextRow(), g.figures()
	for _, c := range []int{g.original, g.target} {
		v := row.Target
		if c == g.original {
			v = row.Original
		}
		*g.f(run, c) = reportCell{value: v, formula: sumOf(c, rows)}
	}
	for m := 0; m < g.months; m++ {
		*g.f(run, g.month0+m) = reportCell{value: row.Months[m], role: monthRole(row, m), formula: sumOf(g.month0+m, rows)}
	}
	*g.f(run, g.total) = reportCell{value: row.Total, role: countRole(row.Approximate), formula: sumOf(g.total, rows)}
	if row.Target > 0 {
		*g.f(run, g.rate) = reportCell{value: ratio(row.Targeted, row.Target), role: rolePercent,
			formula: fmt.Sprintf(`IF(%[1]s>0,(%[2]s)/%[1]s,"")`, at(g.target, n), g.targetedSum(items))}
		if row.Targeted != row.Total {
			note = joinNotes(note, targetedNote(row))
		}
	}
	g.lastYearFigures(run, row, n, rows)
	if row.Approximate {
		note = joinNotes(note, "어림수 포함")
	}
	*g.f(run, g.note) = reportCell{value: note, role: roleText}
	return run
}

// targetedNote gives the figures of a rate that counts only the rows with
// a target, so it can be checked by hand: their 누계 over their targets.
// An item row of several programs (by sector or disclosure type) and a
// subtotal both write it.
func targetedNote(row commands.ReportRow) string {
	return fmt.Sprintf("달성률: 목표 대상 %s÷%s", numbers.Format(row.Targeted), numbers.Format(row.Target))
}

// targetedSum is the 누계 of the item rows that have a target, as a formula.
func (g *reportGrid) targetedSum(items []int) string {
	parts := make([]string, len(items))
	for i, n := range items {
		parts[i] = fmt.Sprintf(`IF(%s>0,%s,0)`, at(g.target, n), at(g.total, n))
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, "+")
}

// sumOf adds a column over spreadsheet rows: SUM of a range when they run
// on, a plain sum of cells otherwise.
func sumOf(c int, rows []int) string {
	if len(rows) == 0 {
		return "0"
	}
	if rows[len(rows)-1]-rows[0] == len(rows)-1 {
		return fmt.Sprintf("SUM(%s:%s)", at(c, rows[0]), at(c, rows[len(rows)-1]))
	}
	parts := make([]string, len(rows))
	for i, n := range rows {
		parts[i] = at(c, n)
	}
	return strings.Join(parts, "+")
}

func ratio(part, whole int64) float64 {
	if whole <= 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + ", " + b
}

// unassigned is the 미배분 row: the part of the year's target not given to
// any row, so that the subtotals' targets and it add up to 합계.
func (g *reportGrid) unassigned(total commands.ReportRow, rows commands.ReportRow) (commands.ReportRow, bool) {
	u := commands.ReportRow{Target: total.Target - rows.Target, Original: total.Original - rows.Original}
	return u, total.Target > 0 && (u.Target != 0 || u.Original != 0)
}

// addUnassigned appends the 미배분 row (targets only) and returns its row.
// Its 비고 says what it is in the view (review r5 L8): the part not given to
// programs, or to departments; by employment type, where no row has a
// target, that there are none (the row stays, so 합계's formula adds up).
func (g *reportGrid) addUnassigned(u commands.ReportRow, labels []string, by commands.ReportBy) int {
	n, run := g.nextRow(), g.figures()
	*g.f(run, g.original) = reportCell{value: u.Original}
	*g.f(run, g.target) = reportCell{value: u.Target}
	note := "사업에 나누지 않은 목표"
	switch {
	case by == commands.ReportByType:
		note = "합계의 목표는 연간 전체 목표"
	case by == commands.ReportByDepartment && u.Target < 0:
		note = "부서 목표의 합이 전체 목표보다 큼"
	case by == commands.ReportByDepartment:
		note = "부서에 나누지 않은 목표"
	case u.Target < 0:
		note = "사업 목표의 합이 전체 목표보다 큼"
	}
	*g.f(run, g.note) = reportCell{value: note, role: roleText}
	g.add(rowUnassigned, labels, run)
	return n
}

// addTotal appends 합계: the subtotal rows summed, plus 미배분's targets;
// its 달성률 counts every job against the year's own target.
func (g *reportGrid) addTotal(r commands.Report, labels []string, parts, items []int, unassignedRow int) {
	n := g.nextRow()
	run := g.sumFigures(r.Total, parts, items, "")
	if unassignedRow > 0 {
		for _, c := range []int{g.original, g.target} {
			g.f(run, c).formula = sumOf(c, parts) + "+" + at(c, unassignedRow)
		}
	}
	if r.Total.Target > 0 && r.Total.Targeted == r.Total.Total {
		*g.f(run, g.rate) = reportCell{value: ratio(r.Total.Total, r.Total.Target), role: rolePercent,
			formula: fmt.Sprintf(`IF(%[2]s>0,%[1]s/%[2]s,"")`, at(g.total, n), at(g.target, n))}
	}
	g.add(rowTotal, labels, run)
}

// layoutByProgram lays the report by program out the way the 지역일자리
// 목표공시제 tables are: 공공 and 민간, within each the 공시유형 in their
// official order, each with its 소계, then 미배분 and 합계.
func layoutByProgram(r commands.Report, programs []commands.Program) reportGrid {
	g := newGrid([]gridColumn{{"부문", "", 6}, {"공시유형", "", 13}, {"사업명", "", 24}}, r.Months)
	byCode := map[string]commands.Program{}
	for _, p := range programs {
		byCode[p.Code] = p
	}
	var sectorRows, allItems []int
	for _, grp := range r.Groups {
		rows := slices.Clone(grp.Rows)
		slices.SortStableFunc(rows, func(a, b commands.ReportRow) int {
			return commands.DisclosureOrder(byCode[a.Key].DisclosureType) - commands.DisclosureOrder(byCode[b.Key].DisclosureType)
		})
		sectorFirst := g.nextRow()
		var subtotalRows, sectorItems []int
		for len(rows) > 0 {
			kind := byCode[rows[0].Key].DisclosureType
			run := 1
			for run < len(rows) && byCode[rows[run].Key].DisclosureType == kind {
				run++
			}
			label := commands.DisclosureLabel(kind, commands.Korean)
			first := g.nextRow()
			var items []int
			for _, row := range rows[:run] {
				items = append(items, g.nextRow())
				g.add(rowItem, []string{grp.Label, label, row.Label}, g.itemFigures(row, ""))
				g.keys[len(g.keys)-1] = row.Key
			}
			subtotalRows = append(subtotalRows, g.nextRow())
			g.add(rowSubtotal, []string{grp.Label, label, "소계"}, g.sumFigures(commands.SumRows(rows[:run]), items, items, ""))
			g.merges = append(g.merges, at(1, first)+":"+at(1, g.nextRow()-1))
			sectorItems = append(sectorItems, items...)
			rows = rows[run:]
		}
		if len(subtotalRows) == 0 {
			continue
		}
		g.merges = append(g.merges, at(0, sectorFirst)+":"+at(0, g.nextRow()-1))
		sectorRows = append(sectorRows, g.nextRow())
		g.add(rowSectorSubtotal, []string{grp.Label + " 소계"}, g.sumFigures(grp.Subtotal, subtotalRows, sectorItems, ""))
		g.merges = append(g.merges, at(0, g.nextRow()-1)+":"+at(2, g.nextRow()-1))
		allItems = append(allItems, sectorItems...)
	}
	g.finish(r, sectorRows, allItems, 2)
	return g
}

// finish adds 미배분 (when the year's target is not all given to rows) and
// 합계, their labels merged across the label columns (labelCols - 1 = last).
func (g *reportGrid) finish(r commands.Report, parts, items []int, lastLabel int) {
	var rows commands.ReportRow
	for _, grp := range r.Groups {
		rows = commands.SumRows([]commands.ReportRow{rows, grp.Subtotal})
	}
	unassignedRow := 0
	if u, ok := g.unassigned(r.Total, rows); ok {
		label := "미배분"
		if r.By == commands.ReportByType {
			label = "고용형태별 목표 없음"
		}
		unassignedRow = g.addUnassigned(u, []string{label}, r.By)
		g.merge(unassignedRow, lastLabel)
	}
	g.addTotal(r, []string{"합계"}, parts, items, unassignedRow)
	g.merge(g.nextRow()-1, lastLabel)
}

func (g *reportGrid) merge(n, lastLabel int) {
	if lastLabel > 0 {
		g.merges = append(g.merges, at(0, n)+":"+at(lastLabel, n))
	}
}

// layoutFlat lays out a report whose rows stand in one list (by department,
// disclosure type or employment type): the rows, 미배분 and 합계. marks,
// when given, puts 실적 없음 and 미보고 in a row's month cells.
func layoutFlat(r commands.Report, head string, marks func(key string, month int) string) reportGrid {
	g := newGrid([]gridColumn{{head, "", 18}}, r.Months)
	var items []int
	for _, grp := range r.Groups {
		for _, row := range grp.Rows {
			items = append(items, g.nextRow())
			run := g.itemFigures(row, "")
			if marks != nil {
				g.markMonths(run, row, marks)
			}
			g.add(rowItem, []string{row.Label}, run)
		}
	}
	g.finish(r, items, items, 0)
	return g
}

// markMonths writes 실적 없음 or 미보고 in the month cells of a row that
// has no jobs that month, as marks says.
func (g *reportGrid) markMonths(run []reportCell, row commands.ReportRow, marks func(key string, month int) string) {
	for m := 0; m < g.months; m++ {
		if row.Months[m] != 0 {
			continue
		}
		switch marks(row.Key, m+1) {
		case markNothing:
			*g.f(run, g.month0+m) = reportCell{value: markNothing, role: roleNothing}
		case markUnreported:
			*g.f(run, g.month0+m) = reportCell{value: markUnreported, role: roleUnreported}
		}
	}
}

// legend says what the words in month cells mean, for the line under the
// title; "" when the grid has none. A sheet by program shows a month
// nobody reported as "-" (a zero), one by department as 미보고.
func (g *reportGrid) legend() string {
	nothing, unreported := false, false
	for _, row := range g.rows {
		for _, c := range row {
			nothing = nothing || c.role == roleNothing
			unreported = unreported || c.role == roleUnreported
		}
	}
	if !nothing && !unreported {
		return ""
	}
	other := "-: 실적도, 실적 없음 보고도 없는 달"
	if unreported {
		other = "미보고: 실적도, 실적 없음 보고도 없는 달"
	}
	return "※ 실적 없음: 그 달 실적이 없다고 보고한 달 · " + other
}

// spanNote is the 비고 of a month cell holding a 누계 report's jobs of
// earlier months: ※ 10월: 1~10월 누계 보고분(#2) 포함.
func spanNote(sp commands.ReportSpan) string {
	if !sp.After.IsZero() {
		return fmt.Sprintf("※ %d월: 누계 #%d 증가분에 보고 없던 %d~%d월분 포함 가능", sp.Month, sp.ID, sp.From, sp.Month)
	}
	return fmt.Sprintf("※ %d월: %d~%d월 누계 보고분(#%d) 포함", sp.Month, sp.From, sp.Month, sp.ID)
}
