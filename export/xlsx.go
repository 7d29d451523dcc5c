package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// Sheet names of the workbook.
const (
	SheetByProgram    = "사업별 보고서"
	SheetByDepartment = "부서별"
	SheetByDisclosure = "공시유형별"
	SheetByType       = "고용형태별"
	SheetEntries      = "실적 명세"
	SheetTargets      = "목표 변경 이력"
	SheetCandidates   = "사회적기업 후보"
	SheetStageMoves   = "후보 단계 이력"
)

// styles are the workbook's cell styles.
type styles struct {
	header, text, number, percent, date, dateTime  int
	subtotal, subtotalPercent, total, totalPercent int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	border := []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
	fill := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	thousands, pct := "#,##0", "0.0%"
	defs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("DDEBF7"), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.text, excelize.Style{}},
		{&st.number, excelize.Style{CustomNumFmt: &thousands}},
		{&st.percent, excelize.Style{CustomNumFmt: &pct}},
		{&st.date, excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")}},
		{&st.dateTime, excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm")}},
		{&st.subtotal, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("F2F2F2"), CustomNumFmt: &thousands}},
		{&st.subtotalPercent, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("F2F2F2"), CustomNumFmt: &pct}},
		{&st.total, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("FFF2CC"), CustomNumFmt: &thousands}},
		{&st.totalPercent, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("FFF2CC"), CustomNumFmt: &pct}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return st, fmt.Errorf("style: %w", err)
		}
		*d.dst = id
	}
	return st, nil
}

func ptr(s string) *string { return &s }

// workbook writes the xlsx: for the report, every view on its own sheet;
// for entries, the entries sheet alone.
func (x *Exporter) workbook(ctx context.Context, w io.Writer, req commands.ExportRequest, data commands.ReportData, sum *commands.ExportSummary) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	var sheets []func(*excelize.StreamWriter) error
	var names []string
	if req.What == commands.ExportReport {
		for _, v := range []struct {
			name string
			by   commands.ReportBy
		}{{SheetByProgram, commands.ReportByProgram}, {SheetByDepartment, commands.ReportByDepartment},
			{SheetByDisclosure, commands.ReportByDisclosure}, {SheetByType, commands.ReportByType}} {
			r := commands.BuildReport(data, v.by, commands.Korean)
			names = append(names, v.name)
			sheets = append(sheets, func(sw *excelize.StreamWriter) error { return writeReport(sw, st, layoutReport(r)) })
		}
	}
	names = append(names, SheetEntries)
	sheets = append(sheets, func(sw *excelize.StreamWriter) error { return x.entriesFrame(sw, st) })
	if req.What == commands.ExportReport {
		names = append(names, SheetTargets, SheetCandidates, SheetStageMoves)
		sheets = append(sheets,
			func(sw *excelize.StreamWriter) error { return x.writeTargets(ctx, sw, st, req.Year, data.Programs) },
			func(sw *excelize.StreamWriter) error { return x.writeCandidates(ctx, sw, st) },
			func(sw *excelize.StreamWriter) error { return x.writeStageMoves(ctx, sw, st) })
	}
	for i, name := range names {
		if err := x.sheet(f, i, name, sheets[i]); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	// The first sheet is active already. SetActiveSheet would parse every
	// streamed sheet back into memory.
	var frame bytes.Buffer
	if err := f.Write(&frame); err != nil {
		return err
	}
	path, err := sheetPath(f, SheetEntries)
	if err != nil {
		return err
	}
	return spliceRows(w, frame.Bytes(), path, func(rw *rowWriter) error {
		return x.entryRows(ctx, rw, st, req, data.Programs, sum)
	})
}

// sheetPath is where a sheet's XML sits in the workbook zip.
func sheetPath(f *excelize.File, name string) (string, error) {
	for id, n := range f.GetSheetMap() {
		if n == name {
			return fmt.Sprintf("xl/worksheets/sheet%d.xml", id), nil
		}
	}
	return "", fmt.Errorf("no sheet %s", name)
}

// sheet creates a sheet (renaming the default first one) and streams it.
func (x *Exporter) sheet(f *excelize.File, i int, name string, write func(*excelize.StreamWriter) error) error {
	if i == 0 {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return err
	}
	// Printed on A4 landscape, one page wide: the report goes to meetings on
	// paper. Set before streaming, which keeps it.
	landscape, one := "landscape", 1
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	if err := write(sw); err != nil {
		return err
	}
	return sw.Flush()
}

// frozen freezes the header row and the first cols columns, so names and
// headings stay in view while scrolling.
func frozen(sw *excelize.StreamWriter, cols int) error {
	cell, _ := excelize.CoordinatesToCellName(cols+1, 2)
	return sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: cols, YSplit: 1, TopLeftCell: cell, ActivePane: "bottomRight"})
}

// headerRow writes row 1.
func headerRow(sw *excelize.StreamWriter, st styles, header []string) error {
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	return sw.SetRow("A1", row, excelize.RowOpts{Height: 30})
}

// textWidth is a column width that fits s: Excel widths count Latin
// characters, and a Hangul syllable is about two of them.
func textWidth(s string) float64 {
	return float64(commands.DisplayWidth(s))*1.1 + 2
}

// writeReport streams a laid-out report.
func writeReport(sw *excelize.StreamWriter, st styles, g reportGrid) error {
	labelWidth := textWidth(g.header[0])
	for _, row := range g.rows {
		if s, ok := row[0].value.(string); ok {
			labelWidth = max(labelWidth, textWidth(s))
		}
	}
	if err := sw.SetColWidth(1, 1, labelWidth); err != nil {
		return err
	}
	if g.labels == 3 {
		if err := sw.SetColWidth(2, 3, 11); err != nil {
			return err
		}
	}
	if err := sw.SetColWidth(g.labels+1, g.labels+figureCols, 10); err != nil {
		return err
	}
	if err := frozen(sw, 1); err != nil {
		return err
	}
	if err := headerRow(sw, st, g.header); err != nil {
		return err
	}
	for i, row := range g.rows {
		number, pct := st.number, st.percent
		switch g.kinds[i] {
		case rowSubtotal:
			number, pct = st.subtotal, st.subtotalPercent
		case rowTotal:
			number, pct = st.total, st.totalPercent
		}
		out := make([]any, len(row))
		for j, c := range row {
			style := number
			if c.percent {
				style = pct
			}
			if j < g.labels && g.kinds[i] == rowItem {
				style = st.text
			}
			out[j] = excelize.Cell{StyleID: style, Formula: c.formula, Value: c.value}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, out); err != nil {
			return err
		}
	}
	return nil
}

// entriesFrame writes the entries sheet's widths, frozen panes and header;
// entryRows streams its rows into the finished workbook (see spliceRows).
func (x *Exporter) entriesFrame(sw *excelize.StreamWriter, st styles) error {
	cols := x.entryColumns(nil)
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.header
		if err := sw.SetColWidth(i+1, i+1, max(c.width, textWidth(c.header))); err != nil {
			return err
		}
	}
	if err := frozen(sw, 1); err != nil {
		return err
	}
	return headerRow(sw, st, header)
}

// entryRows writes every entry of the export, one row each, as the database
// hands them over: a decade of entries is never held in memory.
func (x *Exporter) entryRows(ctx context.Context, rw *rowWriter, st styles, req commands.ExportRequest, programs []commands.Program, sum *commands.ExportSummary) error {
	aux, err := x.newEntryAudit(ctx, req)
	if err != nil {
		return err
	}
	cols := x.entryColumns(aux)
	row := make([]cell, len(cols))
	return x.eachEntry(ctx, req, programs, sum, func(e commands.Entry, p commands.Program) error {
		for i, c := range cols {
			row[i] = cell{value: c.value(e, p), style: styleOf(st, c.kind)}
		}
		return rw.row(row)
	})
}

// styleOf is the cell style of a kind of value.
func styleOf(st styles, kind cellKind) int {
	switch kind {
	case kindNumber:
		return st.number
	case kindDate:
		return st.date
	case kindDateTime:
		return st.dateTime
	}
	return 0
}

// styled gives a value the style of its kind; nil stays an empty cell.
func styled(st styles, kind cellKind, v any) any {
	if v == nil {
		return nil
	}
	if style := styleOf(st, kind); style != 0 {
		return excelize.Cell{StyleID: style, Value: v}
	}
	return v
}

// table streams a small sheet: header, widths fitted to the content, rows.
func table(sw *excelize.StreamWriter, st styles, header []string, kinds []cellKind, rows [][]any) error {
	for i, h := range header {
		w := textWidth(h)
		for _, r := range rows {
			if s, ok := r[i].(string); ok {
				w = max(w, min(textWidth(s), 60))
			}
			if _, ok := r[i].(time.Time); ok {
				w = max(w, 17)
			}
		}
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := frozen(sw, 1); err != nil {
		return err
	}
	if err := headerRow(sw, st, header); err != nil {
		return err
	}
	for n, r := range rows {
		out := make([]any, len(r))
		for i, v := range r {
			out[i] = styled(st, kinds[i], v)
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, out); err != nil {
			return err
		}
	}
	return nil
}
