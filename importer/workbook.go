package importer

// Reading a workbook (xlsx): opening it within the unzip limits, after its
// parts were counted (xmlscan.go), choosing the sheet, and yielding its rows
// as cells stored, never evaluated.

import (
	"bytes"
	"context"
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
	rows, err := f.Rows(sheet)
	if err != nil {
		closeFn()
		return nil, nil, problemError{problem(0, "", "", msg("import.problem.cannot_read_sheet"))}
	}
	return &xlsxSource{rows: rows}, func() { _ = rows.Close(); closeFn() }, nil
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

type xlsxSource struct{ rows *excelize.Rows }

func (s *xlsxSource) next() ([]string, bool, error) {
	if !s.rows.Next() {
		return nil, false, s.rows.Error()
	}
	cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	return cells, true, err
}
