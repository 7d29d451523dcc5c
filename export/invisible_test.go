package export_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// Bidi controls and zero-width marks never reach a spreadsheet, and a
// leading one cannot hide a formula from the check: they are stripped from
// every text cell first (review of issue 20).
func TestExportsStripInvisibleCharacters(t *testing.T) {
	store, svc := ledger(t)
	// Typed, bidi controls and zero-width marks are refused (k34), so the
	// notes that hold them, as an import or an older ledger may, are
	// written by SQL: the export must still strip them.
	notes := []string{
		"\u200B=1+2",
		"\uFEFF@SUM(A1)",
		"\u202Eabc\u202C \u2066def\u2069",
		// The same set as commands.CleanName (review20 #11): joiners, soft
		// hyphen, invisible operators, the Mongolian vowel separator.
		"\u200D=1+1",
		"\u00AD\u200C@A1",
		"g\u2061h\u2062i\u2063j\u2064k\u180El",
	}
	for i, note := range notes {
		run(t, svc, fmt.Sprintf("add 1 youth date:2026-05-0%d note:seed%d", i+1, i))
		if _, err := store.DB().Exec(`UPDATE entries SET note = $1 WHERE note = $2`, note, fmt.Sprintf("seed%d", i)); err != nil {
			t.Fatal(err)
		}
	}
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
