package importer_test

import (
	"fmt"
	"strings"
	"testing"
)

// Review r6 X1–X4 and m-1: the parts excelize parses whole when it opens a
// workbook, and the ways a part could hide from a byte scan.
func TestPartsExcelizeParsesWholeAreBounded(t *testing.T) {
	sheet := `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`
	jis := "\x1b$B" + strings.Repeat("</c>", 200_000) + "\x1b(B"
	for _, c := range []struct {
		name  string
		extra [2]string
		want  string
	}{
		// X1: in ISO-2022-JP "</c>" is two kanji to excelize, the end of a
		// cell to a byte scan.
		{"ISO-2022-JP shared strings", [2]string{"xl/sharedStrings.xml", `<?xml version="1.0" encoding="ISO-2022-JP"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>` + jis + `</t></si></sst>`},
			"0:import.problem.xlsx_not_utf8"},
		{"encoding in single quotes", [2]string{"xl/theme/theme1.xml", `<?xml version='1.0' encoding='Shift_JIS'?><a:theme xmlns:a="urn:a"/>`},
			"0:import.problem.xlsx_not_utf8"},
		// X2: six million <xf/> in styles.xml took 2.7 GB at open.
		{"styles of 60,001 formats", [2]string{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>` + strings.Repeat(`<xf/>`, 60_001) + `</cellXfs></styleSheet>`},
			"0:import.problem.xlsx_too_many_elements"},
		// X4: the workbook's defined names, a theme's fonts.
		{"theme of 60,000 fonts", [2]string{"xl/theme/theme1.xml", `<?xml version="1.0" encoding="UTF-8"?><a:theme xmlns:a="urn:a">` + strings.Repeat(`<a:font/>`, 60_000) + `</a:theme>`},
			"0:import.problem.xlsx_too_many_elements"},
		// X3: elements in one cell, with no text at all.
		{"a shared string of 2,000 empty runs", [2]string{"xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si>` + strings.Repeat(`<r><rPr><b/></rPr></r>`, 700) + `</si></sst>`},
			"0:import.problem.xlsx_cell_too_complex"},
		{"a shared string of 2,000 empty texts", [2]string{"xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si>` + strings.Repeat(`<t/>`, 2_000) + `</si></sst>`},
			"0:import.problem.xlsx_cell_too_complex"},
		// X16, X17: nesting and comments encoding/xml holds whole.
		{"8,000 unclosed elements", [2]string{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="urn:x">` + strings.Repeat(`<x>`, 8_000)}, "0:import.problem.xlsx_unusual_structure"},
		{"a 1 MB comment", [2]string{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="urn:x"><!--` + strings.Repeat("a", 1<<20) + `--></styleSheet>`}, "0:import.problem.xlsx_unusual_structure"},
		{"a 1 MB processing instruction", [2]string{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="urn:x"><?pi ` + strings.Repeat("a", 1<<20) + `?></styleSheet>`}, "0:import.problem.xlsx_unusual_structure"},
		// Review r8: a control byte in a comment no longer hides a part
		// from the scan; encodings named the ways encoding/xml reads them;
		// a DOCTYPE (whose brackets the scan would read otherwise than
		// encoding/xml) is refused.
		{"a control byte in a comment", [2]string{"xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!--\x01--><styleSheet xmlns=\"urn:x\">" + strings.Repeat(`<x>`, 8_000)}, "0:import.problem.xlsx_unusual_structure"},
		{"a second encoding", [2]string{"xl/sharedStrings.xml", `<?xml version="1.0" encoding ="UTF-8" encoding="ISO-2022-JP"?><sst xmlns="urn:x"/>`}, "0:import.problem.xlsx_not_utf8"},
		{"a '>' in an attribute before the encoding", [2]string{"xl/sharedStrings.xml", `<?xml version="1.0" standalone=">" encoding="ISO-2022-JP"?><sst xmlns="urn:x"/>`}, "0:import.problem.xlsx_not_utf8"},
		{"a DOCTYPE", [2]string{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!-- > <worksheet> -->]><styleSheet xmlns="urn:x"/>`}, "0:import.problem.xlsx_unusual_structure"},
		// r8 X10: within the element cap, a part excelize holds whole is
		// bounded by its size too.
		{"styles of 40,000 long formats", [2]string{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="urn:x"><numFmts>` + strings.Repeat(`<numFmt formatCode="`+strings.Repeat("0", 600)+`"/>`, 4_000) + `</numFmts></styleSheet>`}, "0:import.problem.xlsx_part_too_large"},
		// X4: a second part of the same name, which excelize takes over the first.
		{"a part twice", [2]string{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="urn:x"/>`},
			"0:import.problem.xlsx_part_twice"},
		// m-1: binary parts that are not XML are not scanned, so their long
		// runs without '<' do not refuse the file as "a cell is too long".
		{"printer settings", [2]string{"xl/printerSettings/printerSettings1.bin", "M\x00i\x00c\x00r\x00" + strings.Repeat("\x00", 60_000)}, "0:import.problem.no_header"},
		{"OLE part", [2]string{"xl/vbaProject.bin", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 60_000)}, "0:import.problem.no_header"},
		{"GIF", [2]string{"xl/media/image1.gif", "GIF89a\x01\x00\x01\x00" + strings.Repeat("a", 60_000)}, "0:import.problem.no_header"},
		// Ordinary parts still read: a rich-text string, utf-8 declared in lower case.
		{"rich text", [2]string{"xl/sharedStrings.xml", `<?xml version="1.0" encoding="utf-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si>` + strings.Repeat(`<r><rPr><b/><sz val="11"/></rPr><t>가</t></r>`, 100) + `</si></sst>`},
			"0:import.problem.no_header"},
	} {
		ids, heap := readSlack(t, c.name, bookParts(t, "worksheets/sheet1.xml", sheet, 0, 0, c.extra))
		if ids != c.want {
			t.Errorf("%s: %q, want %q", c.name, ids, c.want)
		}
		if heap > 32<<20 {
			t.Errorf("%s: reading it allocated %d MB", c.name, heap>>20)
		}
	}
}

// X14, X18: a zip of many empty parts, and a sheet of millions of empty
// elements (each a token excelize's rows.Next() walks past, uninterrupted).
func TestPartCountAndSheetElementsAreBounded(t *testing.T) {
	sheet := `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`
	extra := make([][2]string, 2_001)
	for i := range extra {
		extra[i] = [2]string{fmt.Sprintf("xl/empty/%d.xml", i), ""}
	}
	if ids, _ := readSlack(t, "parts", bookParts(t, "worksheets/sheet1.xml", sheet, 0, 0, extra...)); ids != "0:import.problem.xlsx_unusual_structure" {
		t.Errorf("2,006 parts: %q", ids)
	}
	siblings := sheet + strings.Repeat(`<x/>`, 1_300_000)
	if ids, _ := readSlack(t, "siblings", bookParts(t, "worksheets/sheet1.xml", siblings, 0, 0)); ids != "0:import.problem.xlsx_too_many_elements" {
		t.Errorf("1,300,000 empty elements in the sheet: %q", ids)
	}
}
