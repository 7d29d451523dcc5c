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
// export writes for its year and report date, cell by cell but for the
// cells the import reads (review r48: read right or refused): a sheet the
// export does not write, 사업별 보고서's rows other than the export's, any
// other cell of it (a formula, a label, a header) other than the export's,
// a program row's 비고 changed where no month cell of the row was raised,
// and any cell of the other sheets other than the export's.
// skipDepartments leaves 부서별 to departmentSheetProblem, which named it;
// already holds the cells reportSheetProblems named, not named twice.
func exportedProblems(f *excelize.File, regenerate regenerator, skipDepartments bool, flagYear int, already map[string]bool) ([]commands.ImportProblem, error) {
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
	if pr := sheetSetProblem(f, g); pr != nil {
		out = append(out, *pr)
	}
	if n := rowsDiffer(f, g, sheetByProgram); n >= 0 {
		out = append(out, rowsDifferProblem(sheetGrid(f, sheetByProgram), sheetGrid(g, sheetByProgram), n))
	} else {
		out = append(out, programSheetProblems(f, g, already)...)
		out = append(out, noteOnlyProblems(f, g)...)
	}
	// Every other sheet the export writes is compared whole: the import
	// reads none of them (review r48 B1: 실적 명세 and the lists after it
	// were never compared).
	for _, sheet := range g.GetSheetList() {
		if sheet == sheetByProgram || (sheet == sheetByDepartment && skipDepartments) {
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

// programNameColumn is 사업별 보고서's 사업명 column (after 부문 and
// 공시유형, from 0): rows with the same names are the same rows.
const programNameColumn = 2

// rowsDiffer is the first row (from 0) of sheet, from the header down,
// whose 사업명 differs in f from g's, -1 when none does: the export's
// cells can then be compared cell by cell (a program added to the ledger
// since the export, or a row inserted or deleted, moves them). Rows of f
// below g's last are compared as cells, g holding nothing there.
func rowsDiffer(f, g *excelize.File, sheet string) int {
	a, b := sheetGrid(f, sheet), sheetGrid(g, sheet)
	for n := reportHeadRow - 1; n < len(b); n++ {
		if cellAt(a, n, programNameColumn) != cellAt(b, n, programNameColumn) {
			return n
		}
	}
	return -1
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

// viewSheetProblem names the cells of an export sheet other than 사업별
// 보고서 (부서별, 공시유형별, 고용형태별, 실적 명세 and the lists after it)
// that differ from the export's from the ledger as it stands: a figure, a
// label (a renamed department row), a title, a 비고 or a formula. The
// import reads none of them. nil when the sheet is as exported, hidden,
// or absent from the file (sheetSetProblem names a sheet renamed).
func viewSheetProblem(f, g *excelize.File, sheet string) *commands.ImportProblem {
	// A view sheet renamed (`공시유형별 (수정)`) is found by its title, so
	// its edits are named beside the refusal of its new name (import7).
	fsheet := sheet
	if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
		if fsheet = renamedSheet(f, g, sheet); fsheet == "" {
			return nil
		}
	}
	if v, err := f.GetSheetVisible(fsheet); err != nil || !v {
		return nil
	}
	var differ viewEdits
	for _, d := range sheetDiffs(f, fsheet, g, sheet, nil) {
		differ = append(differ, d.viewEdit)
	}
	if len(differ) == 0 {
		return nil
	}
	pr := problem(0, "", "", msg("import6.import_view_sheet_edited", "Sheet", fsheet, "Read", sheetByProgram,
		"Cells", differ, "N", len(differ), i18n.PluralCount, len(differ)))
	return &pr
}

// cellDiff is a cell of the file other than the export's: typed, a figure
// where the export wrote a formula; formula, a formula other than the
// export's where it wrote one.
type cellDiff struct {
	viewEdit
	typed, formula bool
}

// sheetDiffs compares the file's sheet fsheet with the export's sheet
// cell by cell, every cell but those read (row and column from 0; nil:
// none) says the import reads. A cell where the export wrote a formula
// must hold that formula or be empty (a formula cleared loses nothing);
// any other cell must hold what the export wrote. The 작성일 of the line
// under a report sheet's title is the day of the export, not compared.
func sheetDiffs(f *excelize.File, fsheet string, g *excelize.File, sheet string, read func(n, c int) bool) []cellDiff {
	file, want := sheetGrid(f, fsheet), sheetGrid(g, sheet)
	title, _ := g.GetCellValue(sheet, "A1")
	report := reportDateInTitle.MatchString(title) // a report sheet: headers in rows 4 and 5
	label := func(rows [][]string, c int) string {
		if report {
			return columnLabel(rows, c)
		}
		return cellAt(rows, 0, c)
	}
	var out []cellDiff
	for n := range max(len(file), len(want)) {
		width := 0
		if n < len(file) {
			width = len(file[n])
		}
		if n < len(want) {
			width = max(width, len(want[n]))
		}
		for c := range width {
			if read != nil && read(n, c) {
				continue
			}
			got, held := cellAt(file, n, c), cellAt(want, n, c)
			if n == reportInfoRow && strings.Contains(got, infoMade) && strings.Contains(held, infoMade) {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, n+1)
			gotF, _ := f.GetCellFormula(fsheet, cell)
			wantF, _ := g.GetCellFormula(sheet, cell)
			d := cellDiff{}
			switch {
			case wantF != "" && gotF != "" && sameFormula(gotF, wantF):
				continue
			case wantF != "":
				if gotF == "" && got == "" {
					continue // a formula cleared loses nothing
				}
				d.typed, d.formula = gotF == "", gotF != ""
				held = "=" + strings.TrimPrefix(wantF, "=")
			case gotF == "" && sameValue(got, held):
				continue
			}
			if gotF != "" {
				got = "=" + strings.TrimPrefix(gotF, "=")
			}
			l := label(want, c)
			if l == "" {
				l = label(file, c)
			}
			d.viewEdit = viewEdit{cell: cell, label: l, got: got, held: held}
			out = append(out, d)
		}
	}
	return out
}

// The line under a report sheet's title (row 2 from 0: 1) ends with the
// day the report was made (`작성일: 2026. 12. 7.`), and 작성 부서 before it.
const (
	reportInfoRow = 1
	infoMade      = "작성일:"
)

// programSheetProblems compares 사업별 보고서 with the export's, its rows
// being the export's, cell by cell but for the cells the import reads:
// the title (A1: year and report date, checked), and on a program row its
// month cells, 목표 (당초, 변경: checked against the targets), 비고
// (noteOnlyProblems) and a 보고 방식 or 확인 column added after the last.
// Everything else — labels, headers, 전년 동기, every formula (누계,
// 달성률, 증감, the 소계 and 합계 rows) — is the ledger's view: an edit
// there would be dropped (review r48 B2, B3), so it is named. Cells the
// header-based checks named (already) are not named twice.
func programSheetProblems(f, g *excelize.File, already map[string]bool) []commands.ImportProblem {
	file, want := sheetGrid(f, sheetByProgram), sheetGrid(g, sheetByProgram)
	added := func(c int) bool {
		if cellAt(want, reportHeadRow-1, c) != "" || cellAt(want, reportHeadRow, c) != "" {
			return false
		}
		h := cellAt(file, reportHeadRow-1, c)
		return h == colHowKind || h == colConfirm
	}
	read := func(n, c int) bool {
		switch {
		case n == 0 && c == 0:
			return true
		case n == reportHeadRow-1 && added(c):
			return true
		case n <= reportHeadRow || n >= len(want):
			return false
		}
		name := cellAt(want, n, programNameColumn)
		if name == "" || sumRow(commands.CleanName(name)) {
			return false
		}
		sub := cellAt(want, reportHeadRow, c)
		_, month := monthOf(sub)
		return month || sub == "당초" || sub == "변경" || cellAt(want, reportHeadRow-1, c) == colNote2 || added(c)
	}
	var typed, changed []string
	var edited viewEdits
	for _, d := range sheetDiffs(f, sheetByProgram, g, sheetByProgram, read) {
		switch {
		case already[d.cell]:
		case d.typed:
			typed = append(typed, fmt.Sprintf("%s(%s) `%s`", d.cell, d.label, d.got))
		case d.formula:
			changed = append(changed, fmt.Sprintf("%s(%s) `%s`", d.cell, d.label, d.got))
		default:
			edited = append(edited, d.viewEdit)
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
	if len(edited) > 0 {
		out = append(out, problem(0, "", "", msg("import9.report_cells_edited", "Sheet", sheetByProgram,
			"Cells", edited, "N", len(edited), i18n.PluralCount, len(edited))))
	}
	return out
}

// sheetSetProblem refuses a file holding a visible sheet the export never
// writes (a sheet added, or one of the export's renamed): the import reads
// 사업별 보고서 and checks every other sheet against the export's, and a
// sheet it cannot match would be dropped unchecked (review r48 B1). The
// export's sheets missing from the file are named beside it, as a
// renamed sheet leaves its name missing. A sheet deleted alone drops no
// edit; a hidden sheet is never read and the preview names it skipped.
func sheetSetProblem(f, g *excelize.File) *commands.ImportProblem {
	var extra, missing []string
	for _, s := range f.GetSheetList() {
		if idx, err := g.GetSheetIndex(s); err == nil && idx >= 0 {
			continue
		}
		if v, err := f.GetSheetVisible(s); err == nil && v {
			extra = append(extra, "`"+s+"`")
		}
	}
	if len(extra) == 0 {
		return nil
	}
	for _, s := range g.GetSheetList() {
		if idx, err := f.GetSheetIndex(s); err != nil || idx < 0 {
			missing = append(missing, "`"+s+"`")
		}
	}
	pr := problem(0, "", "", msg("import9.report_sheet_unknown", "Sheets", strings.Join(extra, ", "),
		"Missing", strings.Join(missing, ", "), "Read", sheetByProgram, "N", len(extra), i18n.PluralCount, len(extra)))
	return &pr
}

// rowsDifferProblem refuses 사업별 보고서 whose rows are not the export's
// (a row inserted, deleted or moved, or a program added to the ledger
// since the export): its cells cannot be matched with the export's, so
// the edits the import does not read could not be found. n is the first
// row (from 0) whose 사업명 differs.
func rowsDifferProblem(file, want [][]string, n int) commands.ImportProblem {
	return problem(0, "", "", msg("import9.report_rows_differ", "Sheet", sheetByProgram, "Row", n+1,
		"Got", cellAt(file, n, programNameColumn), "Held", cellAt(want, n, programNameColumn)))
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
