package importer

// Reading a workbook (xlsx): opening it within the unzip limits, after its
// parts were counted (xmlscan.go), choosing the sheet, and yielding its rows
// as cells stored, never evaluated.

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/commands/i18n"
)

// openXLSX opens a workbook with excelize's unzip limits, and picks the
// sheet to read.
func (r Reader) openXLSX(ctx context.Context, data []byte) (source, func(), error) {
	if !r.partsChecked {
		if err := checkParts(ctx, data, r.Limits); err != nil {
			return nil, nil, err
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: r.Limits.UnzippedBytes, UnzipXMLSizeLimit: r.Limits.XMLInMemory,
	})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, nil, problemError{problem(0, "", "", msg("import.problem.unzipped_too_large", "MB", r.Limits.UnzippedBytes>>20))}
		}
		return nil, nil, problemError{problem(0, "", "", msg("import.problem.cannot_open"))}
	}
	closeFn := func() { _ = f.Close() }
	var sheetProblems []commands.ImportProblem
	sheet, hidden, pr := r.pickSheet(f)
	if pr != nil {
		closeFn()
		return nil, nil, problemError{*pr}
	}
	if r.notes != nil {
		r.notes.Add(0, "", "import.note.sheet_read", "Sheet", sheet)
		if len(hidden) > 0 {
			r.notes.Add(0, "", "import.note.hidden_sheets_skipped", "Sheets", "`"+strings.Join(hidden, "`, `")+"`",
				"N", len(hidden), i18n.PluralCount, len(hidden))
		}
	}
	if sheet == sheetByProgram {
		// Cells of the workbook the import does not read (review r39 F14).
		named := map[string]bool{}
		prs, err := reportSheetProblems(f, sheet, r.ledgerMonths, named)
		if err != nil {
			closeFn()
			return nil, nil, err
		}
		department := slices.ContainsFunc(prs, func(p commands.ImportProblem) bool { return p.ID == departmentSheetDiffers })
		more, err := exportedProblems(f, r.regenerate, department, r.Year, named)
		if err != nil {
			closeFn()
			return nil, nil, err
		}
		// Said with the rows' own problems (the scan goes on): a file
		// edited in several places names every edit (import6 item 4).
		sheetProblems = append(prs, more...)
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		closeFn()
		return nil, nil, problemError{problem(0, "", "", msg("import.problem.cannot_read_sheet"))}
	}
	hiddenCols, err := hiddenColumns(data, sheet)
	if err != nil {
		_ = rows.Close()
		closeFn()
		return nil, nil, problemError{problem(0, "", "", msg("import.problem.cannot_read_sheet"))}
	}
	thin, err := thinRows(data, sheet, r.Limits.Rows)
	if err != nil {
		_ = rows.Close()
		closeFn()
		return nil, nil, problemError{problem(0, "", "", msg("import.problem.cannot_read_sheet"))}
	}
	return &xlsxSource{rows: rows, maxRows: r.Limits.Rows, hiddenCols: hiddenCols, thinRows: thin, sheetProblems: sheetProblems},
		func() { _ = rows.Close(); closeFn() }, nil
}

// pickSheet chooses, among the visible sheets, the entries sheet or the
// report sheet by name, else the active sheet, else the first visible one,
// and lists the hidden sheets it skipped. A hidden sheet is never read:
// what a workbook shows is what its sender checked, and a hidden copy
// with other figures (an old version, a forecast) would be imported
// unseen; the preview names the sheet read and those skipped. A workbook
// with no sheet, or none visible, is refused (it panicked here: review B5).
func (r Reader) pickSheet(f *excelize.File) (string, []string, *commands.ImportProblem) {
	all := f.GetSheetList()
	if len(all) == 0 {
		pr := problem(0, "", "", msg("import.problem.no_sheets"))
		return "", nil, &pr
	}
	var visible, hidden []string
	for _, s := range all {
		if v, err := f.GetSheetVisible(s); err == nil && !v {
			hidden = append(hidden, s)
			continue
		}
		visible = append(visible, s)
	}
	if len(visible) == 0 {
		pr := problem(0, "", "", msg("import.problem.no_visible_sheet"))
		return "", nil, &pr
	}
	switch {
	case r.Want != commands.ImportReport && slices.Contains(visible, sheetEntries):
		return sheetEntries, hidden, nil
	case slices.Contains(visible, sheetByProgram):
		return sheetByProgram, hidden, nil
	}
	if i := f.GetActiveSheetIndex(); i >= 0 && i < len(all) && slices.Contains(visible, all[i]) {
		return all[i], hidden, nil
	}
	return visible[0], hidden, nil
}

// Sheet names the export writes (export.SheetEntries, export.SheetByProgram).
const (
	sheetEntries   = "실적 명세"
	sheetByProgram = "사업별 보고서"
)

// xlsxSource yields the rows of the sheet read, refusing the file when a
// row holding anything is hidden, or a hidden column holds anything in a
// row (issue 20): hidden cells are data their sender may not have seen,
// and like a hidden sheet they would be imported unseen. At the first such
// row the rest of the sheet is read for the others (up to maxRows rows in
// all), so the refusal names them all: the hidden rows, else the hidden
// columns.
type xlsxSource struct {
	rows       *excelize.Rows
	maxRows    int
	hiddenCols []bool       // by column from 0; nil: none hidden
	thinRows   map[int]bool // lines too low to read (minRowHeight); nil: none
	line       int          // the row last read, the first 1
	// sheetProblems are the workbook's edits the import does not read
	// (reportSheetProblems, exportedProblems): they refuse the file.
	sheetProblems []commands.ImportProblem
}

func (s *xlsxSource) next() ([]string, bool, error) {
	cells, ok, err := s.read()
	if !ok || err != nil {
		return cells, ok, err
	}
	var (
		rows []int
		cols = map[int]bool{}
	)
	note := func(cells []string) {
		if (s.rows.GetRowOpts().Hidden || s.thinRows[s.line]) && !blank(cells) {
			// The gap before a row the sheet stores carries that row's
			// options, and no cells: an empty row hides nothing.
			rows = append(rows, s.line)
		}
		for i, c := range cells {
			if i < len(s.hiddenCols) && s.hiddenCols[i] && strings.TrimSpace(c) != "" {
				cols[i] = true
			}
		}
	}
	if note(cells); len(rows) == 0 && len(cols) == 0 {
		return cells, true, nil
	}
	for s.line < s.maxRows {
		more, ok, err := s.read()
		if !ok || err != nil {
			break
		}
		note(more)
	}
	if len(rows) > 0 {
		return nil, false, problemError{problem(0, "", "", msg("import.problem.hidden_rows",
			"Rows", lineRuns(rows), "N", len(rows), i18n.PluralCount, len(rows)))}
	}
	var names []string
	for _, i := range slices.Sorted(maps.Keys(cols)) {
		n, _ := excelize.ColumnNumberToName(i + 1)
		names = append(names, n)
	}
	return nil, false, problemError{problem(0, "", "", msg("import.problem.hidden_columns",
		"Columns", strings.Join(names, ", "), "N", len(names), i18n.PluralCount, len(names)))}
}

func (s *xlsxSource) read() ([]string, bool, error) {
	if !s.rows.Next() {
		return nil, false, s.rows.Error()
	}
	s.line++
	cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	return cells, true, err
}

// minRowHeight (points) and minColWidth (characters) are the smallest a
// row and a column can be and still be read (i43): a row 0.5 pt high or a
// column 0.1 character wide shows nothing, so it counts as hidden. Excel's
// default row is 15 pt and its default column 8.43 characters; 2 pt is
// still a visible line, half a character a visible sliver.
const (
	minRowHeight = 2.0
	minColWidth  = 0.5
)

// maxRangesNamed is how many runs of hidden rows a refusal names; the rest
// are counted by the message's N.
const maxRangesNamed = 20

// lineRuns are ascending lines, written as runs in each language: 3, 4, 6
// as "3~4, 6" in Korean, "3–4, 6" in English.
type lineRuns []int

func (l lineRuns) In(p i18n.Printer) string {
	if p.Lang() == i18n.Korean {
		return lineRanges(l, "~")
	}
	return lineRanges(l, "–")
}

// lineRanges writes ascending lines as runs: 3, 4, 6 as "3~4, 6" (dash
// between a run's ends), naming at most maxRangesNamed runs then "…".
func lineRanges(lines []int, dash string) string {
	var parts []string
	for i := 0; i < len(lines); {
		j := i
		for j+1 < len(lines) && lines[j+1] == lines[j]+1 {
			j++
		}
		if len(parts) == maxRangesNamed {
			parts = append(parts, "…")
			break
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d%s%d", lines[i], dash, lines[j]))
		} else {
			parts = append(parts, fmt.Sprint(lines[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
