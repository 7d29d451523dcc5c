package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"strings"
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
	SheetNothing      = "실적 없음 보고"
)

// koreanFont is named by every style, bold ones included, and is the
// workbook's default: without it Excel and LibreOffice pick a Latin font
// and Hangul falls back to whatever serif the machine has.
const koreanFont = "맑은 고딕"

// styleKey picks a report cell's style by its row and its role.
type styleKey struct {
	kind rowKind
	role cellRole
}

// styles are the workbook's cell styles.
type styles struct {
	title, info, infoRight, header        int
	text, number, percent, date, dateTime int
	centered                              int
	report                                map[styleKey]int
}

// Number formats: thousands separators for counts, none for years; dates
// as Korean documents write them (2026. 4. 30.).
const (
	fmtCount = "#,##0"
	// fmtReportCount prints a zero as "-", as Korean tables do, so the few
	// figures stand out; 실적 없음 and 미보고 are words, never this dash.
	fmtReportCount = `#,##0;-#,##0;"-"`
	fmtPercent     = "0.0%"
	fmtDate        = `yyyy". "m". "d"."`
	fmtDateTime    = `yyyy". "m". "d". "hh:mm`
)

// fmtReportApprox is fmtReportCount with 여 after the figure, for a count
// that is approximate now (300여); the cell keeps its number, so sums and
// formulas still add it up.
const fmtReportApprox = `#,##0"여";-#,##0"여";"-"`

func font(bold bool, size float64, color string) *excelize.Font {
	return &excelize.Font{Family: koreanFont, Bold: bold, Size: size, Color: color}
}

func newStyles(f *excelize.File) (styles, error) {
	st := styles{report: map[styleKey]int{}}
	thin := func(color string) []excelize.Border {
		var b []excelize.Border
		for _, side := range []string{"left", "right", "top", "bottom"} {
			b = append(b, excelize.Border{Type: side, Color: color, Style: 1})
		}
		return b
	}
	fill := func(color string) excelize.Fill {
		if color == "" {
			return excelize.Fill{}
		}
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	defs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&st.title, excelize.Style{Font: font(true, 16, ""), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.info, excelize.Style{Font: font(false, 10, ""), Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&st.infoRight, excelize.Style{Font: font(false, 10, ""), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
		{&st.header, excelize.Style{Font: font(true, 10, ""), Fill: fill("DDEBF7"), Border: thin("808080"), Alignment: center}},
		{&st.text, excelize.Style{Font: font(false, 10, "")}},
		{&st.centered, excelize.Style{Font: font(false, 10, ""), Alignment: center}},
		{&st.number, excelize.Style{Font: font(false, 10, ""), CustomNumFmt: ptr(fmtCount)}},
		{&st.percent, excelize.Style{Font: font(false, 10, ""), CustomNumFmt: ptr(fmtPercent)}},
		{&st.date, excelize.Style{Font: font(false, 10, ""), CustomNumFmt: ptr(fmtDate), Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&st.dateTime, excelize.Style{Font: font(false, 10, ""), CustomNumFmt: ptr(fmtDateTime), Alignment: &excelize.Alignment{Horizontal: "center"}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return st, fmt.Errorf("style: %w", err)
		}
		*d.dst = id
	}
	rowFills := map[rowKind]string{rowItem: "", rowSubtotal: "F2F2F2", rowSectorSubtotal: "E2E2E2", rowUnassigned: "", rowTotal: "FFF2CC"}
	for kind, color := range rowFills {
		bold := kind != rowItem && kind != rowUnassigned
		for role, look := range map[cellRole]excelize.Style{
			roleNumber:     {Font: font(bold, 10, ""), CustomNumFmt: ptr(fmtReportCount), Alignment: &excelize.Alignment{Vertical: "center"}},
			roleApprox:     {Font: font(bold, 10, ""), CustomNumFmt: ptr(fmtReportApprox), Alignment: &excelize.Alignment{Vertical: "center"}},
			rolePercent:    {Font: font(bold, 10, ""), CustomNumFmt: ptr(fmtPercent), Alignment: &excelize.Alignment{Vertical: "center"}},
			roleText:       {Font: font(bold, 10, ""), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true, Horizontal: textAlign(kind)}},
			roleGroup:      {Font: font(bold, 10, ""), Alignment: center},
			roleNothing:    {Font: font(false, 8, "595959"), Alignment: center},
			roleUnreported: {Font: font(true, 8, "C00000"), Alignment: center},
		} {
			look.Fill, look.Border = fill(color), thin("A6A6A6")
			id, err := f.NewStyle(&look)
			if err != nil {
				return st, fmt.Errorf("style: %w", err)
			}
			st.report[styleKey{kind, role}] = id
		}
	}
	return st, nil
}

// textAlign centres the labels of sum rows (소계, 합계), as printed tables do.
func textAlign(kind rowKind) string {
	if kind == rowItem {
		return "left"
	}
	return "center"
}

func ptr(s string) *string { return &s }

// reportView is one report sheet: its name, its grouping and its heading.
type reportView struct {
	name, heading string
	by            commands.ReportBy
}

var reportViews = []reportView{
	{SheetByProgram, "", commands.ReportByProgram},
	{SheetByDepartment, "부서", commands.ReportByDepartment},
	{SheetByDisclosure, "공시유형", commands.ReportByDisclosure},
	{SheetByType, "고용형태", commands.ReportByType},
}

// workbook writes the xlsx: for the report, every view on its own sheet;
// for entries, the entries sheet alone. Every sheet prints on A4 landscape.
func (x *Exporter) workbook(ctx context.Context, w io.Writer, req commands.ExportRequest, data commands.ReportData, sum *commands.ExportSummary) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDefaultFont(koreanFont); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	var pages []page
	if req.What == commands.ExportReport {
		marks, err := x.reportingMarks(ctx, req)
		if err != nil {
			return err
		}
		for _, v := range reportViews {
			r := commands.BuildReport(data, v.by, commands.Korean)
			g := layoutByProgram(r, data.Programs)
			if v.by != commands.ReportByProgram {
				var m func(string, int) string
				if v.by == commands.ReportByDepartment {
					m = marks
				}
				g = layoutFlat(r, v.heading, m)
			}
			pages = append(pages, page{v.name, fmt.Sprintf("$%d:$%d", headRow, subHeadRow), func(sw *excelize.StreamWriter) error {
				info := x.reportInfo(req)
				if l := g.legend(); l != "" {
					info[0] += "    " + l
				}
				return writeReport(sw, st, g, x.reportTitle(req, v), info)
			}})
		}
	}
	pages = append(pages, page{SheetEntries, "$1:$1", func(sw *excelize.StreamWriter) error { return x.entriesFrame(sw, st) }})
	pages = append(pages, page{SheetNothing, "$1:$1", func(sw *excelize.StreamWriter) error { return x.writeNothing(ctx, sw, st, req) }})
	if req.What == commands.ExportReport {
		pages = append(pages,
			page{SheetTargets, "$1:$1", func(sw *excelize.StreamWriter) error { return x.writeTargets(ctx, sw, st, req, data.Programs) }},
			page{SheetCandidates, "$1:$1", func(sw *excelize.StreamWriter) error { return x.writeCandidates(ctx, sw, st, req) }},
			page{SheetStageMoves, "$1:$1", func(sw *excelize.StreamWriter) error { return x.writeStageMoves(ctx, sw, st, req) }})
	}
	for i, p := range pages {
		if err := x.sheet(f, i, p); err != nil {
			return fmt.Errorf("sheet %s: %w", p.name, err)
		}
	}
	if err := entriesFilter(f, len(x.entryColumns(nil))); err != nil {
		return err
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

// page is one sheet to write: its name, the rows printed on every page
// (e.g. "$4:$5") and the function that streams it.
type page struct {
	name, titles string
	write        func(*excelize.StreamWriter) error
}

// reportTitle is the line above a report sheet:
// "2026년 일자리사업 추진실적 (2026. 4. 30. 기준)".
func (x *Exporter) reportTitle(req commands.ExportRequest, v reportView) string {
	title := fmt.Sprintf("%d년 일자리사업 추진실적", req.Year)
	if v.heading != "" {
		title += " · " + v.heading + "별"
	}
	return fmt.Sprintf("%s (%s 기준)", title, koreanDate(req.AsOf))
}

// reportInfo is the line under the title: 단위 on the left, 작성 부서 and
// 작성일 on the right.
func (x *Exporter) reportInfo(req commands.ExportRequest) [2]string {
	right := "작성일: " + koreanDate(req.Made)
	if req.Unit != "" {
		right = "작성 부서: " + req.Unit + "    " + right
	}
	return [2]string{"단위: 개, %", right}
}

// koreanDate writes a date as Korean documents do: 2026. 4. 30.
func koreanDate(d time.Time) string {
	return fmt.Sprintf("%d. %d. %d.", d.Year(), d.Month(), d.Day())
}

// reportingMarks reads who reported for which month, for the department
// sheet: "" where a department logged entries, 실적 없음 where it said so,
// 미보고 where it said nothing.
func (x *Exporter) reportingMarks(ctx context.Context, req commands.ExportRequest) (func(string, int) string, error) {
	from, _ := yearSpan(req.Year)
	months, err := x.store.ReportingMonths(ctx, from, req.AsOf)
	if err != nil {
		return nil, err
	}
	seen := map[string]map[int]commands.DepartmentMonth{}
	for _, m := range months {
		if seen[m.Department] == nil {
			seen[m.Department] = map[int]commands.DepartmentMonth{}
		}
		seen[m.Department][int(m.Month.Month())] = m
	}
	return func(dept string, month int) string {
		m, ok := seen[dept][month]
		switch {
		case dept == "":
			return "" // the row of entries credited to no department
		case !ok:
			return markUnreported
		case m.SaidNothing:
			// Only agreements (약정) can share a month with a live 실적
			// 없음 (migration 00038): the month has no 실적.
			return markNothing
		case m.Logged:
			return ""
		}
		return markNothing
	}, nil
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

// sheet creates a sheet (renaming the default first one), sets it up for
// print and streams it.
func (x *Exporter) sheet(f *excelize.File, i int, p page) error {
	if i == 0 {
		if err := f.SetSheetName("Sheet1", p.name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(p.name); err != nil {
		return err
	}
	if err := printSetup(f, p.name, p.titles); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(p.name)
	if err != nil {
		return err
	}
	if err := p.write(sw); err != nil {
		return err
	}
	return sw.Flush()
}

// paperA4 is A4 in the spreadsheet's paper-size codes.
const paperA4 = 9

// printSetup makes a sheet print the way a unit files it: A4 landscape,
// fitted to one page wide (as many pages down as it takes), centred, the
// header rows repeated on every page, the sheet's name and the page
// number in the footer. Set before streaming, which keeps it.
func printSetup(f *excelize.File, name, titles string) error {
	size, landscape, one, anyHeight := paperA4, "landscape", 1, 0
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape,
		FitToWidth: &one, FitToHeight: &anyHeight}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	side, top, edge, centred := 0.4, 0.6, 0.3, true
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &top,
		Header: &edge, Footer: &edge, Horizontally: &centred}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: "&L&A&C- &P / &N -"}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + name + "'!" + titles, Scope: name})
}

// entriesFilter puts an autofilter on the entries sheet's header; the
// splice stretches it over the rows once their number is known.
func entriesFilter(f *excelize.File, columns int) error {
	return f.AutoFilter(SheetEntries, "A1:"+at(columns-1, 1), nil)
}

// frozen freezes the rows above row and the first cols columns, so names
// and headings stay in view while scrolling.
func frozen(sw *excelize.StreamWriter, cols, row int) error {
	cell, _ := excelize.CoordinatesToCellName(cols+1, row)
	return sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: cols, YSplit: row - 1, TopLeftCell: cell, ActivePane: "bottomRight"})
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

// Heights of a report's body rows, in points: one line of the 10-point
// font, and each further line a wrapped text cell takes.
const (
	bodyRowHeight  = 18
	bodyLineHeight = 14
)

// rowHeight is a body row's height: tall enough for every line of its
// longest wrapped text (a 비고 such as `7월 실적 없음 보고, ※ 10월: 1~10월
// 누계 보고분(#1) 포함, 어림수 포함` takes two lines of the 비고 column). A
// fixed height printed only the first line, the rest cut off (import6).
// The group columns before first (부문, 공시유형) are merged down their
// rows and centred: they set no row's height.
func rowHeight(row []reportCell, widths []float64, first int) float64 {
	lines := 1
	for j, c := range row {
		s, ok := c.value.(string)
		if !ok || s == "" || j < first || j >= len(widths) {
			continue
		}
		// The column holds about width-2 Latin characters a line (its
		// padding), and words wrap whole: a line is counted a little short.
		room := max(widths[j]-2, 1)
		lines = max(lines, int(math.Ceil(float64(commands.DisplayWidth(s))*1.1/room)))
	}
	return bodyRowHeight + float64(lines-1)*bodyLineHeight
}

// writeReport streams a laid-out report: title, 단위 and 작성, the two
// header rows, the body, with merged cells where the layout asks.
func writeReport(sw *excelize.StreamWriter, st styles, g reportGrid, title string, info [2]string) error {
	widths := make([]float64, len(g.cols))
	for i, c := range g.cols {
		w := c.width
		if i < g.labels {
			for n, row := range g.rows {
				if s, ok := row[i].value.(string); ok && g.kinds[n] == rowItem {
					w = max(w, min(textWidth(s), 40))
				}
			}
		}
		widths[i] = w
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := frozen(sw, g.labels, firstDataRow); err != nil {
		return err
	}
	last := len(g.cols) - 1
	if err := sw.SetRow(at(0, titleRow), []any{excelize.Cell{StyleID: st.title, Value: title}}, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	infoCells := make([]any, len(g.cols))
	infoCells[0] = excelize.Cell{StyleID: st.info, Value: info[0]}
	infoCells[last-5] = excelize.Cell{StyleID: st.infoRight, Value: info[1]}
	if err := sw.SetRow(at(0, infoRow), infoCells, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	merges := []string{at(0, titleRow) + ":" + at(last, titleRow), at(last-5, infoRow) + ":" + at(last, infoRow)}
	if err := reportHeader(sw, st, g, &merges); err != nil {
		return err
	}
	for i, row := range g.rows {
		out := make([]any, len(row))
		for j, c := range row {
			role := c.role
			switch {
			case j < g.labels-1:
				role = roleGroup
			case j < g.labels:
				role = roleText
			}
			v := c.value
			if s, ok := v.(string); ok {
				v = plainText(s)
			}
			out[j] = excelize.Cell{StyleID: st.report[styleKey{g.kinds[i], role}], Formula: c.formula, Value: v}
		}
		if err := sw.SetRow(at(0, firstDataRow+i), out, excelize.RowOpts{Height: rowHeight(row, widths, g.labels-1)}); err != nil {
			return err
		}
	}
	for _, m := range append(merges, g.merges...) {
		a, b, _ := strings.Cut(m, ":")
		if a == b {
			continue
		}
		if err := sw.MergeCell(a, b); err != nil {
			return err
		}
	}
	return nil
}

// reportHeader writes the two header rows: a heading over its sub-headings
// (목표: 당초, 변경; 월별 실적: 1월 …) merged across, a lone heading merged
// down.
func reportHeader(sw *excelize.StreamWriter, st styles, g reportGrid, merges *[]string) error {
	top, sub := make([]any, len(g.cols)), make([]any, len(g.cols))
	for i := 0; i < len(g.cols); {
		c := g.cols[i]
		j := i
		for j+1 < len(g.cols) && c.sub != "" && g.cols[j+1].head == c.head {
			j++
		}
		top[i] = excelize.Cell{StyleID: st.header, Value: c.head}
		for k := i; k <= j; k++ {
			if k > i {
				top[k] = excelize.Cell{StyleID: st.header}
			}
			sub[k] = excelize.Cell{StyleID: st.header, Value: g.cols[k].sub}
		}
		switch {
		case c.sub == "":
			sub[i] = excelize.Cell{StyleID: st.header}
			*merges = append(*merges, at(i, headRow)+":"+at(i, subHeadRow))
		case j > i:
			*merges = append(*merges, at(i, headRow)+":"+at(j, headRow))
		}
		i = j + 1
	}
	if err := sw.SetRow(at(0, headRow), top, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	return sw.SetRow(at(0, subHeadRow), sub, excelize.RowOpts{Height: 20})
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
	if err := frozen(sw, 1, 2); err != nil {
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
	case kindCentered:
		return st.centered
	}
	return st.text
}

// styled gives a value the style of its kind; nil stays an empty cell.
func styled(st styles, kind cellKind, v any) any {
	if v == nil {
		return nil
	}
	if s, ok := v.(string); ok {
		v = plainText(s)
		if kind == kindNumber {
			return excelize.Cell{StyleID: st.centered, Value: v} // "-" where a figure does not apply
		}
	}
	return excelize.Cell{StyleID: styleOf(st, kind), Value: v}
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
	if err := frozen(sw, 1, 2); err != nil {
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
