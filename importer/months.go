package importer

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/commands/numbers"
)

// Template and report columns besides the months.
const (
	colNote2   = "비고"
	colHowKind = "보고 방식"
	colTotal   = "누계"
)

// monthFileColumns are the columns of a report or template the import
// reads besides the months: one named twice refuses the file
// (duplicateColumn; a month twice: duplicateMonths).
var monthFileColumns = []string{colCode, colName, colNote2, colHowKind, colTotal, colConfirm}

// Rows of a report that are sums of others, never programs.
func sumRow(label string) bool {
	switch label {
	case "소계", "합계", "미배분", "계", "총계":
		return true
	}
	return strings.HasSuffix(label, " 소계")
}

// monthColumns maps column positions to months (1월 … 12월).
func monthColumns(h headerIndex) map[int]time.Month {
	out := map[int]time.Month{}
	for i, n := range h.names {
		if m, ok := monthOf(n); ok {
			out[i] = m
		}
	}
	return out
}

// monthFigure reports whether a month cell holds a figure to write (an
// empty, "-", 실적 없음 or 미보고 cell writes nothing).
func monthFigure(raw string) bool {
	switch strings.TrimSpace(raw) {
	case "", "-", "실적 없음", "미보고":
		return false
	}
	return true
}

// duplicateMonths refuses a header row naming a month twice (its columns
// would each write that month's figure): the problem names the month and
// its columns. nil when no month repeats.
func duplicateMonths(line int, h headerIndex) *commands.ImportProblem {
	first := map[time.Month]int{}
	for i, n := range h.names {
		m, ok := monthOf(n)
		if !ok {
			continue
		}
		j, seen := first[m]
		if !seen {
			first[m] = i
			continue
		}
		a, _ := excelize.ColumnNumberToName(j + 1)
		b, _ := excelize.ColumnNumberToName(i + 1)
		pr := problem(line, fmt.Sprintf("%d월", m), "", msg("import.problem.duplicate_month",
			"Month", fmt.Sprintf("%d월", m), "First", a, "Second", b))
		return &pr
	}
	return nil
}

// readMonths reads a report workbook's 사업별 보고서 or a department
// template: programs by month. The header row holds 사업명 (or 사업코드);
// the months sit in it or in the row below (the report's two header rows);
// the title rows above give the year and, for a template, the department.
func (r Reader) readMonths(t *table, h headerIndex, above []string, p *problems) error {
	title := strings.Join(above, " ")
	for _, name := range append(above, h.names...) {
		if isMoney(name) {
			p.add(t.line, name, "", msg("import.problem.money_table"))
			return nil
		}
	}
	if pr := duplicateMonths(t.line, h); pr != nil {
		p.put(*pr)
		return nil
	}
	for _, name := range h.names {
		// A column of forecasts (12월 예상치) is no month of figures; left
		// unread it would pass unnoticed.
		forecastHeader(p, t.line, name)
	}
	if p.n > 0 {
		return nil
	}
	months := monthColumns(h)
	var pending []string // a data row read while looking for the months
	pendingLine := 0
	next, ok, err := t.next()
	if err != nil {
		return asProblem(err, p.sink)
	}
	if ok {
		sub := headers(next)
		if len(months) == 0 {
			if pr := duplicateMonths(t.line, sub); pr != nil {
				p.put(*pr)
				return nil
			}
			months = monthColumns(sub)
			// The second header row names the months; the labels stay in the first.
			for i, n := range sub.names {
				if _, taken := h.at[n]; !taken && n != "" {
					h.at[n] = i
				}
			}
		} else {
			pending, pendingLine = next, t.line
		}
	}
	if len(months) == 0 {
		p.add(t.line, "", "", msg("import.problem.no_months"))
		return nil
	}
	year := r.Year
	if m := yearInTitle.FindStringSubmatch(title); m != nil {
		year, _ = strconv.Atoi(m[1])
	}
	if year == 0 {
		p.add(1, "", "", msg("import.problem.no_year"))
		return nil
	}
	kind, department := commands.ImportReport, ""
	if m := departmentInTitle.FindStringSubmatch(title); m != nil {
		kind = commands.ImportTemplate
		d, ok := commands.FindDepartment(r.Departments, m[1])
		if !ok {
			pr := problem(0, "제출 부서", m[1], msg("import.problem.unknown_department"))
			pr.Nearest = commands.NearestDepartmentNames(r.Departments, m[1])
			p.put(pr)
			return nil
		}
		department = d.Name
	}
	p.sink.Kind(kind)
	// The line of each program's month figure read so far, this reading's
	// only (a file read again starts afresh).
	seen := map[string]int{}
	for {
		cells, line := pending, pendingLine
		if cells == nil {
			var ok bool
			cells, ok, err = t.next()
			if err != nil {
				return asProblem(err, p.sink)
			}
			if !ok {
				return nil
			}
			line = t.line
		}
		pending = nil
		for _, row := range r.monthRow(p, line, h, months, cells, year, kind, department) {
			r.monthTwice(p, seen, row)
			if err := p.sink.Row(row); err != nil {
				return err
			}
		}
	}
}

// monthTwice refuses a month figure of a program a line above already
// gave for that month, naming both lines, and otherwise notes it. A
// report's or a template's line is the program's figure for each month:
// a second line of it was taken as the month's figure again, so the first
// line's jobs were lost or its figure called 장부와 같아 그대로 둔 칸
// (review r47, as two rows of an entries file reading as one entry).
func (r Reader) monthTwice(p *problems, seen map[string]int, row commands.ImportRow) {
	key := row.Program + "\x00" + row.Entry.AsOf.Format("2006-01")
	first, dup := seen[key]
	if !dup {
		seen[key] = row.Line
		return
	}
	if first == row.Line {
		return
	}
	p.add(row.Line, fmt.Sprintf("%d월", row.Entry.AsOf.Month()), "", msg("import8.month_figure_twice", "First", first, "Second", row.Line,
		"Program", r.names[row.Program][0], "Month", row.Entry.AsOf))
}

// monthRow reads one program's months.
func (r Reader) monthRow(p *problems, line int, h headerIndex, months map[int]time.Month,
	cells []string, year int, kind commands.ImportKind, department string) []commands.ImportRow {
	var rows []commands.ImportRow
	code, label := p.text(line, colCode, h.cell(cells, colCode)), p.text(line, colName, h.cell(cells, colName))
	if name := cmp.Or(code, label); name == "" || sumRow(commands.CleanName(name)) {
		return rows
	}
	if r.notes != nil {
		r.notes.ProgramRows++ // the preview counts program rows, not month cells
	}
	before := p.n
	prog, ok := r.rowProgram(p, line, code, label)
	note := p.text(line, colNote2, h.cell(cells, colNote2))
	forecast(p, line, colName, label)
	if words := commands.NoteSaysNotHired(note); words != "" {
		// Every month figure is filed as 채용 and 비고 cannot change that:
		// a 비고 saying 약정 or 채용 전 is asked about (review F8), as a
		// typed note is, never filed as hires. One problem a cell: this
		// one names the status to write, where 채용 예정 is also a forecast.
		p.add(line, colNote2, note, msg("k32.import_note_not_hired", "Words", words))
	} else {
		forecast(p, line, colNote2, note)
	}
	if !ok || p.n > before {
		return rows
	}
	if kind == commands.ImportReport && r.reportTargets(p, line, h, cells, year, prog) {
		return rows
	}
	cumulative := false
	switch how := p.text(line, colHowKind, h.cell(cells, colHowKind)); how {
	case "누계", "누적": // 누적 as the console reads it (review r22 F41)
		cumulative = true
	case "증가분", "":
	default:
		p.add(line, colHowKind, how, msg("import.problem.kind"))
		return rows
	}
	confirmed := false
	switch w := p.text(line, colConfirm, h.cell(cells, colConfirm)); w {
	case "예", "yes", "Yes", "YES":
		confirmed = true
	case "", "아니오", "no":
	default:
		p.add(line, colConfirm, w, msg("i46.import_confirm_word"))
		return rows
	}
	entryNote := ""
	if kind == commands.ImportTemplate {
		entryNote = note
	} else {
		// A report's 비고 beyond what the export wrote is the editor's
		// remark: the note of what the row adds, read against the month
		// of the cell that adds it (reportNoteProblems; issue 19 r39 F5:
		// it was dropped, and `11월 채용분` beside a raised 12월 filed).
		entryNote = reportUserNote(note)
	}
	var figures []monthFigureAt // the row's figures, for looksCumulative
	defer func() {
		if !cumulative && r.notes != nil && looksCumulative(figures) {
			shown := make([]string, len(figures))
			for i, f := range figures {
				shown[i] = numbers.Format(f.n)
			}
			r.notes.Add(line, "", "import.note.looks_cumulative", "Program", cmp.Or(label, code), "Months", strings.Join(shown, ", "))
		}
	}()
	for col := 0; col < len(cells); col++ {
		m, isMonth := months[col]
		if !isMonth {
			continue
		}
		raw := strings.TrimSpace(cells[col])
		if !monthFigure(raw) {
			continue
		}
		header := fmt.Sprintf("%d월", m)
		n, ok := p.count(line, header, raw)
		if !ok {
			continue
		}
		figures = append(figures, monthFigureAt{m, n})
		asOf := lastDayOf(year, m)
		if !r.notFuture(p, line, header, asOf) {
			continue
		}
		asOf = r.notAfterToday(asOf)
		// 비고 marks a template's figures approximate (a department's own
		// word); a report's 비고 is the export's ("어림수 포함" when any
		// entry of the row is), so it cannot make an edited figure
		// approximate (review r20 G38: a new 975 was stored 어림).
		approx := kind == commands.ImportTemplate && strings.Contains(note, "어림수")
		e := commands.NewEntry{ProgramID: prog.ID, Count: n, Kind: commands.KindDelta, AsOf: asOf,
			Approximate: approx, Status: commands.StatusRealised,
			Department: department, Note: entryNote, LoggedBy: r.By, Source: commands.SourceImport,
			RecordedAt: r.Now} // the service's clock, as a typed add's (review r37 F9)
		row := commands.ImportRow{Line: line, Program: prog.Code, Entry: e, MonthFigure: !cumulative, Confirmed: confirmed}
		if kind == commands.ImportReport {
			row.IfAdds = r.reportNoteProblems(line, col, h, months, entryNote, asOf, year, prog)
			if cumulative && len(row.IfAdds) > 0 {
				// A 누계 row always files what it adds: asked now.
				for _, pr := range row.IfAdds {
					p.put(pr)
				}
				continue
			}
		}
		how := "delta"
		if cumulative {
			row.Entry.Kind, how = commands.KindCumulative, "cumulative"
		}
		row.Entry.IdempotencyKey = fmt.Sprintf("import:%s:%s:%s:%s:%s:%d", prog.Code, department, asOf.Format("2006-01"),
			row.Entry.Status, how, n)
		rows = append(rows, row)
	}
	if kind == commands.ImportTemplate && r.noteNamesNoFigureMonth(p, line, note, rows) {
		return nil
	}
	// A template's 비고 is the department's note on each month's figure, read
	// as a typed note is (k61): 퇴사 3명 차감, or 11월말 누계 on a 증가분 row.
	// A report's 비고 is the export's own (`1~10월 누계 보고분 포함`).
	if kind == commands.ImportTemplate && len(rows) > 0 {
		if pr, found := noteContradiction(line, colNote2, note, 0, cumulative, commands.StatusRealised, false); found {
			p.put(pr)
			return nil
		}
	}
	for _, row := range rows {
		r.touched(cmp.Or(row.Entry.Department, prog.Department))
	}
	if !cumulative && len(rows) > 0 && h.has(colTotal) {
		// The line's 누계 cell is checked against the ledger once its months
		// are taken: carried by the row of its latest month.
		raw := strings.TrimSpace(h.cell(cells, colTotal))
		if raw != "" && raw != "-" {
			last := 0
			for i := range rows {
				if rows[i].Entry.AsOf.After(rows[last].Entry.AsOf) {
					last = i
				}
			}
			if n, m, ok := readFigure(colTotal, raw); ok {
				var through time.Month
				for _, m := range months {
					through = max(through, m)
				}
				rows[last].RowTotal, rows[last].RowTotalSet = n, true
				rows[last].RowTotalAsOf = r.notAfterToday(lastDayOf(year, through))
			} else {
				p.add(line, colTotal, "", m)
				return nil
			}
		}
	}
	return rows
}

// noteNamesNoFigureMonth refuses a template row whose 비고 names a month in
// which the row has no figure (`4월분` with the figure typed in the 3월
// column): each month's figure is filed at that month's end with the 비고
// as its note, so the jobs the 비고 says are April's would be filed in
// March, the misfiling the typed add refuses (k49). A 비고 naming the
// row's months reads: a row with figures in several months is one note
// over all of them. A month without a year is the file's year's.
func (r Reader) noteNamesNoFigureMonth(p *problems, line int, note string, rows []commands.ImportRow) bool {
	if note == "" || len(rows) == 0 {
		return false
	}
	yearEnd := lastDayOf(rows[0].Entry.AsOf.Year(), time.December)
	today := r.Today // 작년 and 지난달 are as of the day the file is read
	if today.IsZero() {
		today = yearEnd
	}
	var months []time.Month
	for _, row := range rows {
		months = append(months, row.Entry.AsOf.Month())
	}
	words, firsts, lasts := commands.NoteMonths(note, yearEnd, today)
	for i, last := range lasts {
		if last.Year() == yearEnd.Year() && slices.ContainsFunc(months, func(m time.Month) bool {
			return m >= firsts[i].Month() && m <= last.Month() // 1분기 over 1월 and 2월
		}) {
			continue
		}
		p.add(line, colNote2, note, msg("t53.import_template_note_month", "Word", words[i], "Last", last))
		return true
	}
	return false
}

// monthFigureAt is one month's figure of a row.
type monthFigureAt struct {
	month time.Month
	n     int64
}

// looksCumulative reports whether a 증가분 row's month figures look like
// running totals (누계) sent as increases (review F43): at least three
// figures, none below the month before, and the last at least twice the
// first (and not 0). Running totals never fall and grow with every month;
// a program's real monthly increases go up and down, and seldom double
// within the months of one file without once falling. It only warns: the
// preview says so, and the file still imports.
func looksCumulative(figures []monthFigureAt) bool {
	if len(figures) < 3 {
		return false
	}
	figures = slices.Clone(figures)
	slices.SortFunc(figures, func(a, b monthFigureAt) int { return int(a.month) - int(b.month) })
	for i := 1; i < len(figures); i++ {
		if figures[i].n < figures[i-1].n {
			return false
		}
	}
	first, last := figures[0].n, figures[len(figures)-1].n
	return first > 0 && last >= 2*first
}

// reportTargetColumns are a report's target columns: the CSV's header, and
// the workbook's second header row under 목표.
var reportTargetColumns = [][2]string{{"목표(당초)", "당초"}, {"목표(변경)", "변경"}}

// reportTargets refuses a report row whose 목표(당초) or 목표(변경) cell
// holds a figure the program's target for the year never had: the cell
// was edited, and an import sets no target, so the row is refused naming
// the cell and the 목표 command (review r24 F13: 1,600 → 1,800 was
// dropped with "가져왔습니다"). A cell as exported, or blank, is not read.
// true when the row was refused.
func (r Reader) reportTargets(p *problems, line int, h headerIndex, cells []string, year int, prog commands.Program) bool {
	if r.Targets == nil {
		return false
	}
	held := r.Targets[year][prog.ID]
	refused := false
	for _, names := range reportTargetColumns {
		column := names[0]
		if !h.has(column) {
			if column = names[1]; !h.has(column) {
				continue
			}
		}
		raw := strings.TrimSpace(h.cell(cells, column))
		if raw == "" || raw == "-" {
			continue
		}
		n, m, ok := readFigure(column, raw)
		if !ok {
			p.add(line, column, raw, m)
			refused = true
			continue
		}
		if slices.Contains(held, n) {
			continue
		}
		current := int64(-1)
		if t, ok := r.currentTarget(year, prog.ID); ok {
			current = t
		}
		p.add(line, column, raw, msg("i48.import_report_target", "Program", prog.NameKo, "Year", year,
			"Target", numbers.Format(current), "None", current < 0, "N", numbers.Format(n),
			"Unit", cmp.Or(prog.Unit, "개"), "Word", cmp.Or(prog.NameKo, prog.Code)))
		refused = true
	}
	return refused
}

// currentTarget is the figure the program's target holds now: the first
// of Targets' figures (TargetFigures lists the targets table's first).
func (r Reader) currentTarget(year int, program int64) (int64, bool) {
	held := r.Targets[year][program]
	if len(held) == 0 {
		return 0, false
	}
	return held[0], true
}
