package importer

// Checks of a report workbook against the workbook the export would write
// now (import6): the sheets the import does not read (공시유형별,
// 고용형태별, and 부서별's rows beyond its departments' figures), the
// formulas of 사업별 보고서, and a 비고 edited on a program row that adds
// nothing. Each was dropped while the reply said 가져왔습니다; each now
// refuses the file naming the sheet and the cell.

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/commands/i18n"
	"jobsbot/export"
)

// Rows of the export's report sheets (export/report.go headRow).
const reportHeadRow = 4

// viewSheets are the report workbook's derived views: built from the
// ledger, never read by the import.
var viewSheets = []string{export.SheetByDepartment, export.SheetByDisclosure, export.SheetByType}

// reportDateInTitle is the report date of a sheet's title
// (`2026년 일자리사업 추진실적 (2026. 12. 31. 기준)`).
var reportDateInTitle = regexp.MustCompile(`(20\d\d)\.\s*(\d{1,2})\.\s*(\d{1,2})\.\s*기준`)

// regenerator writes the report workbook of year as of asOf from the
// ledger as it stands, opened (nil when the ledger cannot be read so).
type regenerator func(year int, asOf time.Time) (*excelize.File, error)

// exportRegenerator is the export's own report workbook, written from
// store: what an untouched file's derived cells hold.
func exportRegenerator(ctx context.Context, store export.Store, loc *time.Location, made time.Time) regenerator {
	return func(year int, asOf time.Time) (*excelize.File, error) {
		var buf bytes.Buffer
		req := commands.ExportRequest{Format: commands.FormatXLSX, What: commands.ExportReport, Year: year, AsOf: asOf,
			Lang: commands.Korean, Made: made}
		if _, err := export.New(store, loc).Export(ctx, &buf, req); err != nil {
			return nil, fmt.Errorf("report as exported: %w", err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			return nil, fmt.Errorf("report as exported: %w", err)
		}
		return f, nil
	}
}

// exportedProblems compares a report workbook f with the workbook the
// export writes for its year and report date: cells of the view sheets
// other than the export's, 사업별 보고서's formulas other than the
// export's (when its rows are the export's), and a program row's 비고
// changed where no month cell of the row was raised.
// skipDepartments leaves 부서별 to departmentSheetProblem, which named it.
func exportedProblems(f *excelize.File, regenerate regenerator, skipDepartments bool, flagYear int) ([]commands.ImportProblem, error) {
	if regenerate == nil {
		return nil, nil
	}
	// The report date was read from 사업별 보고서's title alone: a title
	// whose date was removed skipped every comparison below (review r46
	// B1). The view sheets' titles carry the same date; with none of them
	// readable the file is refused, never compared with nothing.
	title, _ := f.GetCellValue(sheetByProgram, "A1")
	asOf, ok := reportAsOf(f)
	if !ok {
		return []commands.ImportProblem{problem(1, "", "", msg("import7.report_date_unreadable", "Sheet", sheetByProgram,
			"Title", strings.TrimSpace(title)))}, nil
	}
	// The year the import files the figures in (the title's, else --year)
	// must be the report date's: the comparison is with that year's report.
	year := flagYear
	if m := yearInTitle.FindStringSubmatch(title); m != nil {
		year, _ = strconv.Atoi(m[1])
	}
	if year != 0 && year != asOf.Year() {
		return []commands.ImportProblem{problem(1, "", "", msg("import7.report_year_differs", "Sheet", sheetByProgram,
			"Title", strings.TrimSpace(title), "Year", year, "AsOf", koreanDate(asOf)))}, nil
	}
	y := asOf.Year()
	g, err := regenerate(y, asOf)
	if err != nil {
		return nil, err
	}
	defer g.Close()
	var out []commands.ImportProblem
	if sameLabels(f, g, sheetByProgram) {
		out = append(out, formulaProblems(f, g)...)
		out = append(out, noteOnlyProblems(f, g)...)
	}
	for _, sheet := range viewSheets {
		if sheet == sheetByDepartment && skipDepartments {
			continue
		}
		if pr := viewSheetProblem(f, g, sheet); pr != nil {
			out = append(out, *pr)
		}
	}
	return out, nil
}

// reportAsOf is the report date the export wrote in its report sheets'
// titles (`… (2026. 12. 7. 기준)`): 사업별 보고서's first, else any other
// sheet's (부서별, 공시유형별, 고용형태별, whatever their names now).
func reportAsOf(f *excelize.File) (time.Time, bool) {
	sheets := append([]string{sheetByProgram}, f.GetSheetList()...)
	for _, sheet := range sheets {
		title, err := f.GetCellValue(sheet, "A1")
		if err != nil {
			continue
		}
		m := reportDateInTitle.FindStringSubmatch(title)
		if m == nil {
			continue
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		asOf := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if asOf.Month() == time.Month(mo) && asOf.Day() == d {
			return asOf, true
		}
	}
	return time.Time{}, false
}

// koreanDate writes a date as Korean documents do: 2026. 12. 7.
func koreanDate(d time.Time) string {
	return fmt.Sprintf("%d. %d. %d.", d.Year(), d.Month(), d.Day())
}

// sheetGrid is a sheet's raw cells, read as stored.
func sheetGrid(f *excelize.File, sheet string) [][]string {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil
	}
	return rows
}

// cellAt is rows' cell at (row, col) from 0, trimmed; "" beyond them.
func cellAt(rows [][]string, row, col int) string {
	if row < len(rows) && col < len(rows[row]) {
		return strings.TrimSpace(rows[row][col])
	}
	return ""
}

// programLabelColumns are 사업별 보고서's label columns (부문, 공시유형,
// 사업명): rows with the same labels are the same rows.
const programLabelColumns = 3

// sameLabels reports whether sheet's rows from the header down carry the
// same labels in f as in g: the export's formulas and 비고 can then be
// compared cell by cell (a program added to the ledger since the export
// moves them).
func sameLabels(f, g *excelize.File, sheet string) bool {
	a, b := sheetGrid(f, sheet), sheetGrid(g, sheet)
	if len(a) != len(b) {
		return false
	}
	for n := reportHeadRow - 1; n < len(a); n++ {
		for c := range programLabelColumns {
			if cellAt(a, n, c) != cellAt(b, n, c) {
				return false
			}
		}
	}
	return true
}

// sameFormula compares two formulas as written, whatever their spacing,
// case, leading = or $ anchors.
func sameFormula(a, b string) bool {
	norm := func(s string) string {
		s = strings.ToUpper(strings.TrimPrefix(strings.TrimSpace(s), "="))
		return strings.NewReplacer(" ", "", "$", "").Replace(s)
	}
	return norm(a) == norm(b)
}

// sameValue compares two cells as stored: numbers by value (Excel writes
// 17 digits where the export wrote fewer), text as it is.
func sameValue(a, b string) bool {
	if a == b {
		return true
	}
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && math.Abs(x-y) <= 1e-9*math.Max(1, math.Max(math.Abs(x), math.Abs(y)))
}

// columnLabel names column c of a report sheet by its header: the month or
// target under the second header row, else the first's.
func columnLabel(rows [][]string, c int) string {
	if l := cellAt(rows, reportHeadRow, c); l != "" {
		return l
	}
	return cellAt(rows, reportHeadRow-1, c)
}

// formulaProblems names 사업별 보고서's cells whose formula refers to cells
// but is not the export's (`=C5+100`, `=SUM(F6:Q6)+1` in place of
// `=SUM(F6:Q6)`): a figure added by a formula the import does not read.
// A formula that refers to no cell is subtotalProblems'.
func formulaProblems(f, g *excelize.File) []commands.ImportProblem {
	rows := sheetGrid(g, sheetByProgram)
	// A figure typed over a formula is reportSheetProblems', found under
	// the 누계/증감 headers: with those headers renamed it went unnamed
	// (import7), so it is named here, by the export's headers.
	headerless := false
	if head, _ := headerRow(sheetGrid(f, sheetByProgram), formulaColumns); head < 0 {
		headerless = true
	}
	var changed, typed []string
	for n := reportHeadRow - 1; n < len(rows); n++ {
		for c := range rows[n] {
			cell, _ := excelize.CoordinatesToCellName(c+1, n+1)
			want, _ := g.GetCellFormula(sheetByProgram, cell)
			got, _ := f.GetCellFormula(sheetByProgram, cell)
			if raw, _ := f.GetCellValue(sheetByProgram, cell, excelize.Options{RawCellValue: true}); headerless && want != "" &&
				got == "" && strings.TrimSpace(raw) != "" {
				typed = append(typed, fmt.Sprintf("%s(%s) `%s`", cell, columnLabel(rows, c), strings.TrimSpace(raw)))
			}
			if want == "" || got == "" || sameFormula(got, want) || !cellReference.MatchString(strings.ToUpper(got)) {
				continue
			}
			changed = append(changed, fmt.Sprintf("%s(%s) `=%s`", cell, columnLabel(rows, c), strings.TrimPrefix(got, "=")))
		}
	}
	var out []commands.ImportProblem
	if len(typed) > 0 {
		out = append(out, problem(0, "", "", msg("labels19.import_formula_cell_typed", "Sheet", sheetByProgram,
			"Cells", named(typed), "N", len(typed), i18n.PluralCount, len(typed))))
	}
	if len(changed) > 0 {
		out = append(out, problem(0, "", "", msg("import6.import_formula_changed", "Sheet", sheetByProgram,
			"Cells", named(changed), "N", len(changed), i18n.PluralCount, len(changed))))
	}
	return out
}

// noteOnlyProblems names each program row of 사업별 보고서 whose 비고 was
// changed (words of the editor's own, reportUserNote) while none of its
// month cells was raised above the export's: the 비고 is kept only as the
// note of what a raised cell adds, so it would be dropped.
func noteOnlyProblems(f, g *excelize.File) []commands.ImportProblem {
	file, want := sheetGrid(f, sheetByProgram), sheetGrid(g, sheetByProgram)
	_, cols := headerRow(want, []string{colNote2, colName})
	if len(cols) < 2 {
		return nil
	}
	nameCol, noteCol := cols[0], cols[1]
	if cellAt(want, reportHeadRow-1, nameCol) != colName {
		nameCol, noteCol = noteCol, nameCol
	}
	months := map[int]bool{}
	for c := range want[min(reportHeadRow, len(want)-1)] {
		if _, ok := monthOf(cellAt(want, reportHeadRow, c)); ok {
			months[c] = true
		}
	}
	var out []commands.ImportProblem
	for n := reportHeadRow + 1; n < len(want); n++ {
		name := cellAt(want, n, nameCol)
		if name == "" || sumRow(commands.CleanName(name)) {
			continue
		}
		got, exported := cellAt(file, n, noteCol), cellAt(want, n, noteCol)
		if got == exported || reportUserNote(got) == "" {
			continue
		}
		raised := false
		for c := range months {
			a, errA := strconv.ParseFloat(cellAt(file, n, c), 64)
			b, errB := strconv.ParseFloat(cellAt(want, n, c), 64)
			if errA != nil || errB != nil || a > b { // a cell not read as the export's is the scan's
				raised = true
			}
		}
		if raised {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(noteCol+1, n+1)
		out = append(out, problem(n+1, colNote2, shownCell(colNote2, got), msg("import6.import_note_without_raise",
			"Program", name, "NoteCell", cell, "Exported", exported)))
	}
	return out
}

// viewSheetProblem names the cells of a view sheet (부서별, 공시유형별,
// 고용형태별) other than the export's from the ledger as it stands: a
// figure, a label (a renamed department row), a 비고 or a formula. The
// import reads none of them. nil when the sheet is as exported, hidden,
// or absent from either workbook.
func viewSheetProblem(f, g *excelize.File, sheet string) *commands.ImportProblem {
	if idx, err := g.GetSheetIndex(sheet); err != nil || idx < 0 {
		return nil
	}
	// A view sheet renamed (`공시유형별 (수정)`) is found by its title: its
	// edits were dropped unnamed (import7).
	fsheet := sheet
	if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
		if fsheet = renamedSheet(f, g, sheet); fsheet == "" {
			return nil
		}
	}
	if v, err := f.GetSheetVisible(fsheet); err != nil || !v {
		return nil
	}
	file, want := sheetGrid(f, fsheet), sheetGrid(g, sheet)
	var differ viewEdits
	for n := reportHeadRow - 1; n < max(len(file), len(want)); n++ {
		width := 0
		if n < len(file) {
			width = len(file[n])
		}
		if n < len(want) {
			width = max(width, len(want[n]))
		}
		for c := range width {
			cell, _ := excelize.CoordinatesToCellName(c+1, n+1)
			gotF, _ := f.GetCellFormula(fsheet, cell)
			wantF, _ := g.GetCellFormula(sheet, cell)
			got, held := cellAt(file, n, c), cellAt(want, n, c)
			switch {
			case wantF != "" && gotF != "" && sameFormula(gotF, wantF):
				continue
			case wantF != "":
				if gotF == "" && got == "" {
					continue // a formula cleared, as the report sheet allows
				}
				held = "=" + strings.TrimPrefix(wantF, "=")
			case gotF == "" && sameValue(got, held):
				continue
			}
			if gotF != "" {
				got = "=" + strings.TrimPrefix(gotF, "=")
			}
			label := columnLabel(want, c)
			if label == "" {
				label = columnLabel(file, c)
			}
			differ = append(differ, viewEdit{cell: cell, label: label, got: got, held: held})
		}
	}
	if len(differ) == 0 {
		return nil
	}
	pr := problem(0, "", "", msg("import6.import_view_sheet_edited", "Sheet", fsheet, "Read", sheetByProgram,
		"Cells", differ, "N", len(differ), i18n.PluralCount, len(differ)))
	return &pr
}

// renamedSheet is f's sheet, of a name g does not have, whose title (A1)
// is g's sheet's: the view sheet under another name; "" when none is.
func renamedSheet(f, g *excelize.File, sheet string) string {
	want, _ := g.GetCellValue(sheet, "A1")
	if strings.TrimSpace(want) == "" {
		return ""
	}
	for _, s := range f.GetSheetList() {
		if idx, err := g.GetSheetIndex(s); err == nil && idx >= 0 {
			continue
		}
		if got, _ := f.GetCellValue(s, "A1"); strings.TrimSpace(got) == strings.TrimSpace(want) {
			return s
		}
	}
	return ""
}

// viewEdit is a view sheet's cell other than the export's.
type viewEdit struct{ cell, label, got, held string }

// viewEdits names the cells in the reader's language, the first
// maxCellsNamed of them.
type viewEdits []viewEdit

// In implements i18n.Localized.
func (v viewEdits) In(p i18n.Printer) string {
	var out []string
	for _, c := range v {
		out = append(out, p.T("import6.import_view_cell", "Cell", c.cell, "Label", c.label, "Got", c.got, "Held", c.held,
			"GotBlank", c.got == "", "HeldBlank", c.held == ""))
	}
	return named(out)
}
