package importer

// Reading a workbook (xlsx): opening it within the unzip limits, after its
// parts were counted (xmlscan.go), choosing the sheet, and yielding its rows
// as cells stored, never evaluated.

import (
	"bytes"
	"context"
	"strings"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
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
	sheet := r.pickSheet(f)
	rows, err := f.Rows(sheet)
	if err != nil {
		closeFn()
		return nil, nil, problemError{problem(0, "", "", msg("import.problem.cannot_read_sheet"))}
	}
	return &xlsxSource{rows: rows}, func() { _ = rows.Close(); closeFn() }, nil
}

// pickSheet chooses the entries sheet or the report sheet by name, else
// the first sheet.
func (r Reader) pickSheet(f *excelize.File) string {
	sheets := f.GetSheetList()
	has := func(name string) bool {
		for _, s := range sheets {
			if s == name {
				return true
			}
		}
		return false
	}
	switch {
	case r.Want != commands.ImportReport && has(sheetEntries):
		return sheetEntries
	case has(sheetByProgram):
		return sheetByProgram
	}
	return sheets[f.GetActiveSheetIndex()]
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
