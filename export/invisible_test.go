package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// Bidi controls and zero-width marks never reach a spreadsheet, and a
// leading one cannot hide a formula from the check: they are stripped from
// every text cell first (review of issue 20).
func TestExportsStripInvisibleCharacters(t *testing.T) {
	_, svc := ledger(t)
	run(t, svc,
		"add 1 youth date:2026-05-01 note:\u200B=1+2",
		"add 1 youth date:2026-05-02 note:\uFEFF@SUM(A1)",
		"add 1 youth date:2026-05-03 note:\u202Eabc\u202C \u2066def\u2069",
		// The same set as commands.CleanName (review20 #11): joiners, soft
		// hyphen, invisible operators, the Mongolian vowel separator.
		"add 1 youth date:2026-05-04 note:\u200D=1+1",
		"add 1 youth date:2026-05-05 note:\u00AD\u200C@A1",
		"add 1 youth date:2026-05-06 note:g\u2061h\u2062i\u2063j\u2064k\u180El")
	invisible := "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF" +
		"\u200C\u200D\u00AD\u2061\u2062\u2063\u2064\u180E"
	want := map[string]bool{"'=1+2": false, "'@SUM(A1)": false, "abc def": false, "'=1+1": false, "'@A1": false, "ghijkl": false}

	b := exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatCSV, What: commands.ExportEntries})
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	check := func(format string, rows [][]string) {
		t.Helper()
		found := map[string]bool{}
		for _, r := range rows {
			for _, cell := range r {
				if strings.ContainsAny(cell, invisible) {
					t.Errorf("%s: a cell keeps an invisible character: %+q", format, cell)
				}
				if _, ok := want[cell]; ok {
					found[cell] = true
				}
			}
		}
		for cell := range want {
			if !found[cell] {
				t.Errorf("%s: no cell reads %q", format, cell)
			}
		}
	}
	check("CSV", rows)

	// In the workbook text is never a formula, so it keeps no apostrophe.
	want = map[string]bool{"=1+2": false, "@SUM(A1)": false, "abc def": false, "=1+1": false, "@A1": false, "ghijkl": false}
	f, err := excelize.OpenReader(bytes.NewReader(exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatXLSX, What: commands.ExportEntries})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var all [][]string
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, rows...)
	}
	check("XLSX", all)
}
