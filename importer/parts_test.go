package importer_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"jobsbot/importer"
)

// zipParts zips parts (name, body) in order.
func zipParts(t *testing.T, parts [][2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bookParts is a workbook of nSheets <sheet>s and nRels workbook
// relationships (besides the one real sheet, at xl/<target>), with extra
// parts appended.
func bookParts(t *testing.T, target, sheetData string, nSheets, nRels int, extra ...[2]string) []byte {
	t.Helper()
	var sh, rel strings.Builder
	for i := 0; i < nSheets; i++ {
		fmt.Fprintf(&sh, `<sheet name="S%d" sheetId="%d" r:id="r%d"/>`, i, i+2, i)
	}
	for i := 0; i < nRels; i++ {
		fmt.Fprintf(&rel, `<Relationship Id="q%d" Type="x" Target="%s"/>`, i, target)
	}
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/` + target + `" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>` + sh.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="` + target + `"/>` + rel.String() + `</Relationships>`},
		{"xl/" + target, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetData + `</sheetData></worksheet>`},
	}
	return zipParts(t, append(parts, extra...))
}

func readSlack(t *testing.T, name string, data []byte) (string, uint64) {
	t.Helper()
	r := importer.Reader{Limits: importer.SlackLimits(), RowCap: importer.SlackRowCap}
	var ids string
	heap := allocated(func() {
		_, problems, err := r.Read(name, data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		ids = problemIDs(problems)
	})
	return ids, heap
}

const headerRow = `<row r="1"><c r="A1" t="inlineStr"><is><t>번호</t></is></c></row>`

// r4 X1: excelize reads the sheet at whatever name the workbook's
// relationships give it, so every part is scanned, not only *.xml and
// *.rels: a sheet stored as sheet1.bin was read whole by excelize (one
// 30 MiB cell: 112 MB of heap; 2.5 million cells: 9 s).
func TestEveryPartIsScannedWhateverItsName(t *testing.T) {
	long := headerRow + `<row r="2"><c r="A2" t="inlineStr"><is><t>` + strings.Repeat("a", 2<<20) + `</t></is></c></row>`
	for _, target := range []string{"worksheets/sheet1.bin", "worksheets/sheet1", "worksheets/sheet1.png"} {
		ids, heap := readSlack(t, "long.xlsx", bookParts(t, target, long, 0, 0))
		if ids != "0:import.problem.xlsx_cell_too_long" {
			t.Errorf("a 2 MB cell in %s: %q", target, ids)
		}
		if heap > 8<<20 {
			t.Errorf("a 2 MB cell in %s: refusing it allocated %d MB", target, heap>>20)
		}
	}
	cells := `<row r="1">` + strings.Repeat(`<c/>`, 400_000) + `</row>`
	if ids, _ := readSlack(t, "cells.xlsx", bookParts(t, "worksheets/sheet1.bin", cells, 0, 0)); ids != "0:import.problem.xlsx_too_many_cells" {
		t.Errorf("400,000 cells in sheet1.bin: %q", ids)
	}
	// An image is not XML and is not scanned: 200 KB without a '<' reads.
	png := "\x89PNG\r\n\x1a\n" + strings.Repeat("\x00\xff", 100_000)
	ids, _ := readSlack(t, "png.xlsx", bookParts(t, "worksheets/sheet1.xml", `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`, 0, 0,
		[2]string{"xl/media/image1.png", png}))
	if ids != "0:import.problem.no_header" {
		t.Errorf("a workbook with an image: %q", ids)
	}
}

// r4 X2: a self-closing <c/> or <si/> (or a <c>…</c>) nested in a cell,
// which excelize ignores, no longer ends the cell's text: the runs of a
// rich-text cell were measured one by one (30 MB passed: 161 MB of heap).
func TestNestedCellDoesNotEndItsText(t *testing.T) {
	run := "<r><t>" + strings.Repeat("a", 10_000) + "</t></r>"
	runs := strings.Repeat(run, 200) // 2 MB in runs of 10,000 characters
	cases := map[string][]byte{
		"<c/> in a cell": workbook(t, headerRow+`<row r="2"><c r="A2" t="inlineStr"><is><c/>`+runs+`</is></c></row>`, ""),
		"<x:c></x:c> in a cell": workbook(t, headerRow+`<row r="2"><c r="A2" t="inlineStr"><is>`+
			strings.Repeat(`<x:c xmlns:x="urn:x"></x:c>`+run, 200)+`</is></c></row>`, ""),
		"<si/> in a shared string": workbook(t, headerRow+`<row r="2"><c r="A2" t="s"><v>0</v></c></row>`, `<si><si/>`+runs+`</si>`),
	}
	for name, data := range cases {
		ids, heap := readSlack(t, name, data)
		if ids != "0:import.problem.xlsx_cell_too_long" {
			t.Errorf("%s: %q", name, ids)
		}
		if heap > 8<<20 {
			t.Errorf("%s: refusing it allocated %d MB", name, heap>>20)
		}
	}
	// Cells side by side are measured each on its own.
	small := "<r><t>" + strings.Repeat("a", 4_000) + "</t></r>"
	ok := workbook(t, headerRow+`<row r="2">`+strings.Repeat(`<c t="inlineStr"><is><c/>`+small+`</is></c>`, 20)+`</row>`, "")
	if ids, _ := readSlack(t, "ok", ok); ids != "0:import.problem.no_header" {
		t.Errorf("20 cells of 4,000 characters: %q", ids)
	}
}

// r4 X3: excelize's open matches every <sheet> against every workbook
// relationship and takes no context (40,000 of each: 23 s of CPU past the
// deadline). Both are capped before excelize opens the file.
func TestSheetsAndRelationshipsAreCapped(t *testing.T) {
	sheet := `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`
	for _, c := range []struct {
		sheets, rels int
		want         string
	}{
		{10_000, 10_000, "0:import.problem.xlsx_too_many_sheets"},
		{100, 0, "0:import.problem.xlsx_too_many_sheets"},
		{0, 2_000, "0:import.problem.xlsx_too_many_relationships"},
		{63, 63, "0:import.problem.no_header"}, // 64 sheets, 64 relationships: read
	} {
		if ids, _ := readSlack(t, "many.xlsx", bookParts(t, "worksheets/sheet1.xml", sheet, c.sheets, c.rels)); ids != c.want {
			t.Errorf("%d more sheets, %d more relationships: %q, want %q", c.sheets, c.rels, ids, c.want)
		}
	}
}
