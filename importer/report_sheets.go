package importer

// Checks of a report workbook's cells the import does not read (review r39
// F14): the import reads only the month cells of 사업별 보고서, so an edit
// made elsewhere — a department's row in 부서별, a figure typed over the
// 증감 formula — was dropped while the reply said 가져왔습니다. Such an edit
// refuses the file, naming the sheet and the cell.

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// MonthTotalsStore gives the ledger's live totals per month, program,
// department and status (db.Store implements it): a report workbook's
// 부서별 sheet is compared with them.
type MonthTotalsStore interface {
	MonthTotals(ctx context.Context, from, to time.Time) ([]commands.MonthTotal, error)
}

// Sheet names and columns of the export's report workbook the import does
// not read (export.SheetByDepartment; export/report.go newGrid).
const sheetByDepartment = "부서별"

// formulaColumns are the report grid's columns the export writes as
// formulas on every row: a constant there was typed over the formula.
var formulaColumns = []string{"누계", "증감"}

// maxCellsNamed is how many cells one refusal names.
const maxCellsNamed = 8

// reportSheetProblems checks the cells of a report workbook the import does
// not read: on the sheet read (사업별 보고서), a constant typed into a
// formula column; on 부서별, a department's month figure other than the
// ledger's (ledger nil: not compared). nil when there is none. The cells
// named are put in seen (exportedProblems names no cell twice).
func reportSheetProblems(f *excelize.File, sheet string, ledger func(year int) (map[string]map[time.Month]int64, error),
	seen map[string]bool) ([]commands.ImportProblem, error) {
	var typed []string
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, nil // the scan refuses a sheet it cannot read
	}
	// Every kind of edit is named, not only the first found (import6 item
	// 4): a file with a typed 증감 and an edited 부서별 said one of them.
	var out []commands.ImportProblem
	head, cols := headerRow(rows, formulaColumns)
	if head >= 0 {
		for n := head + 1; n < len(rows); n++ {
			for _, c := range cols {
				if c >= len(rows[n]) || strings.TrimSpace(rows[n][c]) == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, n+1)
				if formula, _ := f.GetCellFormula(sheet, cell); formula == "" {
					seen[cell] = true
					typed = append(typed, fmt.Sprintf("%s(%s) `%s`", cell, rows[head][c], rows[n][c]))
				}
			}
		}
	}
	if len(typed) > 0 {
		out = append(out, problem(0, "", "", msg("labels19.import_formula_cell_typed", "Sheet", sheet, "Cells", named(typed), "N", len(typed), i18n.PluralCount, len(typed))))
	}
	out = append(out, subtotalProblems(f, sheet, rows, head, cols, seen)...)
	if ledger == nil {
		return out, nil
	}
	pr, err := departmentSheetProblem(f, ledger)
	if err != nil || pr == nil {
		return out, err
	}
	return append(out, *pr), nil
}

// cellReference is a cell reference in a formula (D12, $D$12, AA3).
var cellReference = regexp.MustCompile(`\$?[A-Z]{1,3}\$?[0-9]+`)

// subtotalProblems checks what the formula-column check does not (review
// r42): the month cells of a 소계 or 합계 row, formulas adding up the
// program rows in the export, holding a typed figure; and a formula cell
// (those, 누계 and 증감) whose formula refers to no cell (`=100`), a figure
// typed as a formula. The import reads neither: each would be dropped.
func subtotalProblems(f *excelize.File, sheet string, rows [][]string, head int, formulaCols []int, seen map[string]bool) []commands.ImportProblem {
	if head < 0 {
		return nil
	}
	// The month labels may be a header row of their own, under 월별 실적.
	months := map[int]string{}
	first, start := -1, head+1
	for n := head; n < min(head+3, len(rows)) && first < 0; n++ {
		for i, c := range rows[n] {
			if _, ok := monthOf(strings.TrimSpace(c)); ok {
				months[i] = strings.TrimSpace(c)
				if first < 0 {
					first, start = i, n+1
				}
			}
		}
	}
	var typed, constant []string
	for n := start; n < len(rows); n++ {
		subtotal := false
		for i, c := range rows[n] {
			if first >= 0 && i >= first {
				break
			}
			if c = strings.TrimSpace(c); strings.HasSuffix(c, "소계") || c == "합계" {
				subtotal = true
			}
		}
		check := map[int]string{}
		for _, c := range formulaCols {
			check[c] = rows[head][c]
		}
		if subtotal {
			for c, label := range months {
				check[c] = label
			}
		}
		for c, label := range check {
			cell, _ := excelize.CoordinatesToCellName(c+1, n+1)
			raw := ""
			if c < len(rows[n]) {
				raw = strings.TrimSpace(rows[n][c])
			}
			formula, _ := f.GetCellFormula(sheet, cell)
			switch {
			case formula != "" && !cellReference.MatchString(strings.ToUpper(formula)):
				seen[cell] = true
				constant = append(constant, fmt.Sprintf("%s(%s) `=%s`", cell, label, strings.TrimPrefix(formula, "=")))
			case formula == "" && raw != "" && subtotal && months[c] != "":
				seen[cell] = true
				typed = append(typed, fmt.Sprintf("%s(%s) `%s`", cell, label, raw))
			}
		}
	}
	slices.SortFunc(typed, compareCells)
	slices.SortFunc(constant, compareCells)
	var out []commands.ImportProblem
	if len(typed) > 0 {
		out = append(out, problem(0, "", "", msg("preview3.import_subtotal_cell_typed", "Sheet", sheet, "Cells", named(typed), "N", len(typed), i18n.PluralCount, len(typed))))
	}
	if len(constant) > 0 {
		out = append(out, problem(0, "", "", msg("preview3.import_formula_replaced", "Sheet", sheet, "Cells", named(constant), "N", len(constant), i18n.PluralCount, len(constant))))
	}
	return out
}

// compareCells orders cells named as `F13(11월) …` by row, then column.
func compareCells(a, b string) int {
	ca, ra, _ := excelize.CellNameToCoordinates(strings.SplitN(a, "(", 2)[0])
	cb, rb, _ := excelize.CellNameToCoordinates(strings.SplitN(b, "(", 2)[0])
	if ra != rb {
		return ra - rb
	}
	return ca - cb
}

// departmentSheetProblem compares 부서별's month cells with the ledger: the
// sheet is a view the import does not read, so a figure raised there
// (도시재생과 12월 6 → 10) must be entered in 사업별 보고서 instead.
func departmentSheetProblem(f *excelize.File, ledger func(year int) (map[string]map[time.Month]int64, error)) (*commands.ImportProblem, error) {
	if v, err := f.GetSheetVisible(sheetByDepartment); err != nil || !v {
		return nil, nil
	}
	rows, err := f.GetRows(sheetByDepartment, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) == 0 {
		return nil, nil
	}
	year := 0
	for _, r := range rows[:min(3, len(rows))] {
		if m := yearInTitle.FindStringSubmatch(strings.Join(r, " ")); m != nil {
			fmt.Sscan(m[1], &year)
			break
		}
	}
	head := -1
	months := map[int]time.Month{}
	for n, r := range rows {
		for i, c := range r {
			if m, ok := monthOf(strings.TrimSpace(c)); ok {
				months[i] = m
				head = n
			}
		}
		if head >= 0 {
			break
		}
	}
	if year == 0 || head < 0 {
		return nil, nil
	}
	held, err := ledger(year)
	if err != nil {
		return nil, err
	}
	var differ viewCells
	for n := head + 1; n < len(rows); n++ {
		dept := ""
		for i, c := range rows[n] {
			if _, isMonth := months[i]; isMonth {
				break
			}
			if _, ok := held[strings.TrimSpace(c)]; ok {
				dept = strings.TrimSpace(c)
			}
		}
		if dept == "" {
			continue
		}
		for i, m := range months {
			raw := ""
			if i < len(rows[n]) {
				raw = strings.TrimSpace(rows[n][i])
			}
			cell, _ := excelize.CoordinatesToCellName(i+1, n+1)
			if formula, _ := f.GetCellFormula(sheetByDepartment, cell); formula != "" {
				continue
			}
			var got int64
			if monthFigure(raw) {
				v, err := numbers.Parse(strings.TrimSuffix(raw, "여"))
				if err != nil {
					differ = append(differ, viewCell{cell: cell, dept: dept, month: m, typed: raw, held: held[dept][m]})
					continue
				}
				got = v.Value
			}
			if got != held[dept][m] {
				differ = append(differ, viewCell{cell: cell, dept: dept, month: m, typed: numbers.Format(got), held: held[dept][m]})
			}
		}
	}
	if len(differ) == 0 {
		return nil, nil
	}
	pr := problem(0, "", "", msg(departmentSheetDiffers, "Sheet", sheetByDepartment, "Read", sheetByProgram,
		"Cells", differ, "N", len(differ)))
	return &pr, nil
}

// departmentSheetDiffers is departmentSheetProblem's message.
const departmentSheetDiffers = "labels19.import_view_sheet_differs"

// viewCell is a 부서별 month cell other than the ledger's figure.
type viewCell struct {
	cell, dept, typed string
	month             time.Month
	held              int64
}

// viewCells names the cells in the reader's language, the first
// maxCellsNamed of them.
type viewCells []viewCell

// In implements i18n.Localized.
func (v viewCells) In(p i18n.Printer) string {
	var out []string
	for _, c := range v {
		out = append(out, p.T("labels19.import_view_cell", "Cell", c.cell, "Department", c.dept, "Month", int(c.month),
			"Typed", c.typed, "Held", numbers.Format(c.held)))
	}
	return named(out)
}

// headerRow is the first row holding one of names, and the columns of
// those names in it; -1 when none does.
func headerRow(rows [][]string, names []string) (int, []int) {
	for n, r := range rows {
		var cols []int
		for i, c := range r {
			for _, name := range names {
				if strings.TrimSpace(c) == name {
					cols = append(cols, i)
				}
			}
		}
		if len(cols) > 0 {
			return n, cols
		}
	}
	return -1, nil
}

// named lists cells, the first maxCellsNamed of them and how many more.
func named(cells []string) string {
	if len(cells) <= maxCellsNamed {
		return strings.Join(cells, ", ")
	}
	return strings.Join(cells[:maxCellsNamed], ", ") + fmt.Sprintf(" … (+%d)", len(cells)-maxCellsNamed)
}

// ledgerDepartmentMonths sums the ledger's live realised jobs of year by
// department and month as the report's 부서별 sheet does: by the entry's
// department, programs counting jobs only.
func ledgerDepartmentMonths(ctx context.Context, store MonthTotalsStore, programs []commands.Program, year int) (map[string]map[time.Month]int64, error) {
	totals, err := store.MonthTotals(ctx, time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return nil, fmt.Errorf("ledger month totals: %w", err)
	}
	progs := map[int64]commands.Program{}
	for _, p := range programs {
		progs[p.ID] = p
	}
	out := map[string]map[time.Month]int64{}
	for _, p := range programs {
		if p.Department != "" && out[p.Department] == nil {
			out[p.Department] = map[time.Month]int64{}
		}
	}
	for _, m := range totals {
		p, ok := progs[m.ProgramID]
		if !ok || !p.CountsAsJobs() || m.Status != commands.StatusRealised {
			continue
		}
		dept := m.Department // the sheet's row is the entry's department (commands keyOf)
		if out[dept] == nil {
			out[dept] = map[time.Month]int64{}
		}
		out[dept][m.Month.Month()] += m.Jobs
	}
	return out, nil
}
