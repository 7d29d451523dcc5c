package importer_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/importer"
)

// oneCellXLSX is a workbook of one sheet: a header row 번호, then a row of
// one inline-string cell holding cell. Deflated, a long run of one letter
// is a few KB: the zip bomb of review N1.
func oneCellXLSX(t *testing.T, cell string) []byte {
	t.Helper()
	return workbook(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>번호</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>`+cell+`</t></is></c></row>`, "")
}

func problemIDs(ps []commands.ImportProblem) string {
	var ids []string
	for _, p := range ps {
		ids = append(ids, fmt.Sprintf("%d:%s", p.Line, p.ID))
	}
	return strings.Join(ids, " ")
}

// N1: files from Slack unzip to at most SlackUnzippedBytes, the sheet part
// among them, so one cell cannot cost hundreds of MB before it is seen.
func TestSlackLimitsBoundTheUnzippedSheet(t *testing.T) {
	l := importer.SlackLimits()
	if l.UnzippedBytes != importer.SlackUnzippedBytes || l.UnzippedBytes > 32<<20 || l.XMLInMemory > l.UnzippedBytes {
		t.Fatalf("SlackLimits %+v: unzipped size not bounded by SlackUnzippedBytes", l)
	}
	// The same bound, lowered for the test: a sheet one cell of which is
	// 2 MiB is refused under a 1 MiB limit before any row is read.
	l.UnzippedBytes, l.XMLInMemory = 1<<20, 1<<20
	data := oneCellXLSX(t, strings.Repeat("a", 2<<20))
	if len(data) > 64<<10 {
		t.Fatalf("bomb is %d bytes zipped", len(data))
	}
	r := importer.Reader{Limits: l, RowCap: importer.SlackRowCap}
	_, problems, err := r.Read("bomb.xlsx", data)
	if err != nil || problemIDs(problems) != "0:import.problem.unzipped_too_large" {
		t.Fatalf("bomb: %v %s", err, problemIDs(problems))
	}
}

// N1: a cell longer than MaxCellChars refuses the file on its line, from
// any file (Slack or the server's `jobsbot import`), xlsx or CSV.
func TestACellOverTheCapIsAProblemOnItsLine(t *testing.T) {
	long := strings.Repeat("가", importer.MaxCellChars+1)
	files := map[string][]byte{
		"long.xlsx": oneCellXLSX(t, long),
		"long.csv":  []byte("번호\n" + long + "\n"),
	}
	for name, data := range files {
		for _, rd := range []importer.Reader{{}, {Limits: importer.SlackLimits(), RowCap: importer.SlackRowCap}} {
			_, problems, err := rd.Read(name, data)
			if err != nil || problemIDs(problems) != "2:import.problem.cell_too_long" {
				t.Errorf("%s (row cap %d): %v %q", name, rd.RowCap, err, problemIDs(problems))
			}
			for _, p := range problems {
				if len(p.Got) > importer.MaxCellChars {
					t.Errorf("%s: the problem holds the cell's %d bytes", name, len(p.Got))
				}
			}
		}
	}
	// A cell of exactly MaxCellChars is read (refused only as no header).
	_, problems, err := importer.Reader{}.Read("ok.csv", []byte("번호\n"+strings.Repeat("가", importer.MaxCellChars)+"\n"))
	if err != nil || strings.Contains(problemIDs(problems), "cell_too_long") {
		t.Errorf("a cell at the cap: %v %q", err, problemIDs(problems))
	}
}

const voidHeader = "번호,기준일,사업코드,부서,일자리 수,보고 방식,보고 누계,상태,메모,기록자 ID,기록 일시,무효,무효 처리자 ID,무효 일시,무효 사유\n"

// heavyCSV is an entries file of n rows made by row(i).
func heavyCSV(n int, row func(i int) string) []byte {
	var b strings.Builder
	b.WriteString(voidHeader)
	for i := range n {
		b.WriteString(row(i))
	}
	return []byte(b.String())
}

func voidRow(i int) string {
	return fmt.Sprintf("%d,2026-01-05,youth,일자리정책과,1,증가분,,채용,d%d,U_IMP,2026-03-01 09:00:00,무효,U_IMP,2026-03-01 11:30:00,x\n", i+1, i)
}

func cumulativeRow(i int) string {
	return fmt.Sprintf("%d,2026-01-05,youth,일자리정책과,,누계,%d,채용,c%d,U_IMP,2026-03-01 09:00:00,,,,\n", i+1, i+1, i)
}

// N2: in the Slack row count a 무효 row and a 누계 row weigh
// HeavyRowWeight rows; past SlackRowCap so weighed, the file is refused
// before its import's transaction, pointing to `jobsbot import`.
func TestSlackRowCapWeighsVoidAndCumulativeRows(t *testing.T) {
	r := importer.Reader{Limits: importer.SlackLimits(), RowCap: importer.SlackRowCap}
	fit := importer.SlackRowCap/importer.HeavyRowWeight - 1 // the header is one light row
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"voids that fit", heavyCSV(fit, voidRow), ""},
		{"one void too many", heavyCSV(fit+1, voidRow), "0:import.problem.too_many_heavy_rows_slack"},
		{"cumulative rows", heavyCSV(fit+1, cumulativeRow), "0:import.problem.too_many_heavy_rows_slack"},
		{"half and half", heavyCSV(fit+1, func(i int) string {
			if i%2 == 0 {
				return voidRow(i)
			}
			return cumulativeRow(i)
		}), "0:import.problem.too_many_heavy_rows_slack"},
		{"plain rows are one each", heavyCSV(importer.SlackRowCap-1, func(i int) string {
			return fmt.Sprintf("%d,2026-01-05,youth,일자리정책과,1,증가분,,채용,p%d,U_IMP,2026-03-01 09:00:00,,,,\n", i+1, i)
		}), ""},
	}
	for _, c := range cases {
		_, problems := r.Stream("v.csv", c.data)
		if got := problemIDs(problems); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// The server's import has no row cap and no weight.
	if _, problems := (importer.Reader{}).Stream("v.csv", heavyCSV(fit+1, voidRow)); len(problems) != 0 {
		t.Errorf("server import of voids: %q", problemIDs(problems))
	}
}

// N1: a cell too long even to hand to excelize (which reads a cell's text
// whole) refuses the workbook before excelize opens it, on the server too.
func TestAWorkbookCellFarOverTheCapIsRefusedBeforeExcelize(t *testing.T) {
	data := oneCellXLSX(t, strings.Repeat("a", 16*importer.MaxCellChars))
	for _, rd := range []importer.Reader{{}, {Limits: importer.SlackLimits(), RowCap: importer.SlackRowCap}} {
		_, problems, err := rd.Read("long.xlsx", data)
		if err != nil || problemIDs(problems) != "0:import.problem.xlsx_cell_too_long" {
			t.Errorf("row cap %d: %v %q", rd.RowCap, err, problemIDs(problems))
		}
	}
}
