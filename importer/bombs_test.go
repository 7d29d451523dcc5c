package importer_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"jobsbot/commands"
	"jobsbot/importer"
)

// allocated is the bytes of heap f allocates (runtime.MemStats.TotalAlloc,
// whatever the GC frees meanwhile): what a file costs to read.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// workbook zips parts (name, body) with the relationships of one sheet
// (xl/worksheets/sheet1.xml) and, when sst is not "", a shared-strings
// part holding it.
func workbook(t *testing.T, sheetData, sst string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	types := `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
	if sst != "" {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
		types += `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` + types + `</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetData + `</sheetData></worksheet>`},
	}
	if sst != "" {
		parts = append(parts, struct{ name, body string }{"xl/sharedStrings.xml",
			`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst + `</sst>`})
	}
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sharedStringsBomb is review r2 B1's workbook: n shared strings of one
// letter (1.8 million: 76 KB zipped, 30 MB unzipped, under the 32 MB cap),
// and a sheet whose second row refers to the first.
func sharedStringsBomb(t *testing.T, n int) []byte {
	return workbook(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>번호</t></is></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>`,
		strings.Repeat("<si><t>x</t></si>", n))
}

// r2 B1: the shared strings of a workbook sent through Slack are counted
// while the part streams by, before excelize holds them all: 1.8 million
// were 231 MB of heap; now the file is refused having cost a few MB.
func TestSharedStringsAreCountedBeforeExcelize(t *testing.T) {
	data := sharedStringsBomb(t, 1_800_000)
	if len(data) > 128<<10 {
		t.Fatalf("bomb is %d bytes zipped", len(data))
	}
	r := importer.Reader{Limits: importer.SlackLimits(), RowCap: importer.SlackRowCap}
	var ids string
	heap := allocated(func() {
		_, problems, err := r.Read("sst.xlsx", data)
		if err != nil {
			t.Error(err)
		}
		ids = problemIDs(problems)
	})
	// <si><t/></si> is two elements a string: the shared strings' element
	// cap (as many as the cells cap) refuses it before the string count.
	if ids != "0:import.problem.xlsx_too_many_elements" {
		t.Errorf("shared-strings bomb: %q", ids)
	}
	if heap > 16<<20 {
		t.Errorf("refusing the shared-strings bomb allocated %d MB", heap>>20)
	}
	// So are a sheet's cells: one row of 400,000 empty cells.
	cells := workbook(t, `<row r="1">`+strings.Repeat(`<c s="1"/>`, 400_000)+`</row>`, "")
	if _, problems, err := r.Read("cells.xlsx", cells); err != nil || problemIDs(problems) != "0:import.problem.xlsx_too_many_cells" {
		t.Errorf("cells bomb: %v %q", err, problemIDs(problems))
	}
	// Within the cap a workbook of shared strings reads as before.
	ok := sharedStringsBomb(t, 1_000)
	if _, problems, err := r.Read("ok.xlsx", ok); err != nil || problemIDs(problems) != "0:import.problem.no_header" {
		t.Errorf("1,000 shared strings: %v %q", err, problemIDs(problems))
	}
}

// r2 B2: a cell's length is its text's, whatever it holds: `>` (legal in
// text), CDATA holding `<`, or a shared string split into many rich-text
// runs. Each is refused before excelize reads the cell whole.
func TestCellTextIsMeasuredWhateverItHolds(t *testing.T) {
	const n = 1 << 20 // 2 MB of text
	cases := map[string][]byte{
		"split by >": oneCellXLSX(t, strings.Repeat("a>", n)),
		"CDATA <":    oneCellXLSX(t, "<![CDATA["+strings.Repeat("a<", n)+"]]>"),
		"CDATA ]]":   oneCellXLSX(t, "<![CDATA["+strings.Repeat("]]]a", n/2)+"]]>"),
		"rich runs": workbook(t, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`,
			"<si>"+strings.Repeat(`<r><t>`+strings.Repeat("a", 5_000)+`</t></r>`, 420)+"</si>"), // many runs: parts_whole_test.go
		"attribute": workbook(t, `<row r="1"><c r="A1" t="inlineStr" x="`+strings.Repeat("a>", n)+`"><is><t>번호</t></is></c></row>`, ""),
	}
	for name, data := range cases {
		for _, rd := range []importer.Reader{{}, {Limits: importer.SlackLimits(), RowCap: importer.SlackRowCap}} {
			var ids string
			heap := allocated(func() {
				_, problems, err := rd.Read("long.xlsx", data)
				if err != nil {
					t.Error(err)
				}
				ids = problemIDs(problems)
			})
			if ids != "0:import.problem.xlsx_cell_too_long" {
				t.Errorf("%s (row cap %d): %q", name, rd.RowCap, ids)
			}
			if heap > 8<<20 {
				t.Errorf("%s (row cap %d): refusing it allocated %d MB", name, rd.RowCap, heap>>20)
			}
		}
	}
	// Text with > and entities, well under the cap, reads.
	data := oneCellXLSX(t, strings.Repeat("a&gt;b&amp;", 300))
	_, problems, err := importer.Reader{}.Read("ok.xlsx", data)
	if err != nil || problemIDs(problems) != "0:import.problem.no_header" {
		t.Errorf("a cell of 1,500 characters with > and &: %v %q", err, problemIDs(problems))
	}
}

// r2 m4: a CSV cell is refused as it streams by, before encoding/csv
// builds it (a 16 MB cell cost 106 MB of heap), and so is a line of too
// many columns.
func TestCSVCellIsRefusedWhileRead(t *testing.T) {
	long := []byte("번호\n\"" + strings.Repeat("a,", 4<<20) + "\"\n")
	wide := []byte("번호\n" + strings.Repeat(",", 4<<20) + "\n")
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"long": {long, "2:import.problem.cell_too_long"},
		"wide": {wide, "2:import.problem.csv_too_many_columns"},
	} {
		for _, rd := range []importer.Reader{{}, {Limits: importer.SlackLimits(), RowCap: importer.SlackRowCap}} {
			var ids string
			heap := allocated(func() {
				_, problems, err := rd.Read("x.csv", c.data)
				if err != nil {
					t.Error(err)
				}
				ids = problemIDs(problems)
			})
			if ids != c.want {
				t.Errorf("%s (row cap %d): %q, want %q", name, rd.RowCap, ids, c.want)
			}
			if heap > 4<<20 {
				t.Errorf("%s (row cap %d): refusing it allocated %d MB", name, rd.RowCap, heap>>20)
			}
		}
	}
	// Quoted commas, doubled quotes and newlines inside quotes read as before.
	_, problems, err := importer.Reader{}.Read("q.csv", []byte("번호\n\"a,\"\"b\"\"\nc\",d\n"))
	if err != nil || problemIDs(problems) != "0:import.problem.no_header" {
		t.Errorf("quoted cells: %v %q", err, problemIDs(problems))
	}
}

// reportCSV is a 사업별 보고서-style file: rows programs × the month
// headers (cols of them, cycling 1월 … 12월, repeating past 12).
func reportCSV(rows, cols int, kind string) []byte {
	var b strings.Builder
	b.WriteString("2026년 일자리 실적\n사업코드")
	if kind != "" {
		b.WriteString(",보고 방식")
	}
	for c := range cols {
		fmt.Fprintf(&b, ",%d월", 1+c%12)
	}
	b.WriteString("\n")
	for i := range rows {
		b.WriteString("youth")
		if kind != "" {
			b.WriteString("," + kind)
		}
		for c := range cols {
			if c == 0 || i%2 == 0 {
				b.WriteString(",1")
			} else {
				b.WriteString(",-") // no figure: weighs nothing
			}
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// r2 B3: a report or template row weighs the month figures it writes
// (HeavyRowWeight each for 누계) against the Slack cap, and a month named
// twice in the header is refused, naming it and its columns.
func TestReportRowsWeighTheirMonthFigures(t *testing.T) {
	r := importer.Reader{Limits: importer.SlackLimits(), RowCap: importer.SlackRowCap}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"9,990 rows × 12 months", reportCSV(9_990, 12, ""), "0:import.problem.too_many_month_figures_slack"},
		// Half the rows have 12 figures, half 1: 1,500 × 6.5 = 9,750 figures.
		{"1,500 rows × 12 months", reportCSV(1_500, 12, ""), ""},
		{"500 누계 rows", reportCSV(500, 12, "누계"), "0:import.problem.too_many_month_figures_slack"},
		{"duplicated months", reportCSV(2_000, 400, ""), "2:import.problem.duplicate_month"},
	}
	for _, c := range cases {
		_, problems := r.Stream("r.csv", c.data)
		if got := problemIDs(problems); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// The server's import refuses a duplicated month too, naming it.
	_, problems := importer.Reader{Year: 2026}.Stream("r.csv", reportCSV(2, 13, ""))
	if len(problems) != 0 {
		t.Fatalf("stream: %q", problemIDs(problems))
	}
	_, problems, err := importer.Reader{Year: 2026}.Read("r.csv", reportCSV(2, 13, ""))
	if err != nil || problemIDs(problems) != "2:import.problem.duplicate_month" {
		t.Fatalf("server import of a duplicated month: %v %q", err, problemIDs(problems))
	}
	en := commands.ImportPreview(commands.ImportFile{}, problems, commands.ImportResult{}, true, commands.English)
	if !strings.Contains(en, "1월 twice (columns B and N)") {
		t.Errorf("the refusal does not name the month and its columns: %s", en)
	}
}

// expiring is a context whose Err is DeadlineExceeded from its n-th call
// on: reading must stop there, whatever the file holds.
type expiring struct {
	context.Context
	calls atomic.Int32
	after int32
}

func (e *expiring) Err() error {
	if e.calls.Add(1) > e.after {
		return context.DeadlineExceeded
	}
	return nil
}

type countSink struct{ rows int }

func (c *countSink) Kind(commands.ImportKind)         {}
func (c *countSink) Row(commands.ImportRow) error     { c.rows++; return nil }
func (c *countSink) Problem(p commands.ImportProblem) {}

// r2 B1: reading a file stops with the context's error when its deadline
// passes: while the workbook's parts are checked, while the Slack rows are
// counted, and in the scan.
func TestReadingStopsWhenTheContextEnds(t *testing.T) {
	var b strings.Builder
	b.WriteString(voidHeader)
	for i := range 5_000 {
		fmt.Fprintf(&b, "%d,2026-01-05,youth,일자리정책과,1,증가분,,채용,p%d,U_IMP,2026-03-01 09:00:00,,,,\n", i+1, i)
	}
	csvData := []byte(b.String())
	programs := []commands.Program{{ID: 1, Code: "youth", NameKo: "청년일자리", NameEn: "Youth jobs", Department: "일자리정책과"}}

	// The Slack count stops.
	ctx := &expiring{Context: context.Background(), after: 100}
	_, _, err := importer.Reader{Programs: programs, RowCap: importer.SlackRowCap}.StreamContext(ctx, "p.csv", csvData)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("counting rows past the deadline: %v", err)
	}
	// The scan stops.
	ctx = &expiring{Context: context.Background(), after: 100}
	f, problems, err := importer.Reader{Programs: programs}.StreamContext(ctx, "p.csv", csvData)
	if err != nil || len(problems) > 0 {
		t.Fatalf("stream: %v %q", err, problemIDs(problems))
	}
	var sink countSink
	if err := f.Scan(&sink); !errors.Is(err, context.DeadlineExceeded) || sink.rows > 100 {
		t.Errorf("scan past the deadline: %v after %d rows", err, sink.rows)
	}
	// Checking a workbook's parts stops.
	ctx = &expiring{Context: context.Background(), after: 2}
	_, _, err = importer.Reader{}.StreamContext(ctx, "sst.xlsx", sharedStringsBomb(t, 100_000))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("checking a workbook past the deadline: %v", err)
	}
}
