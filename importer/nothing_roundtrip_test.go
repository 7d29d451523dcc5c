package importer_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
	"jobsbot/export"
)

// The entries export carries the 실적 없음 reports (a CSV section after the
// entries, a sheet of their own in the workbook), their text checked as the
// entries' is; importing the file again reads the entries alone: no 실적
// 없음 line becomes jobs, and none is a problem.
func TestEntriesExportCarriesNothingReportsAndImportsAgain(t *testing.T) {
	from, fromSvc := ledger(t)
	run(t, fromSvc, "dept add 기획예산과", "none 3월 dept:기획예산과", "none 4월 dept:기획예산과")
	var march int64
	if err := from.DB().GetContext(context.Background(), &march, `SELECT id FROM nothing_reports WHERE month = '2026-03-01'`); err != nil {
		t.Fatal(err)
	}
	run(t, fromSvc, "void "+itoa(march)+" =HYPERLINK(\"http://x\") 착오")
	// Typed, a bidi control is refused (k34); a reason holding one, as an
	// older ledger may, is written by SQL so the export still strips it.
	if _, err := from.DB().Exec(`UPDATE nothing_reports SET void_reason = $1 WHERE id = $2`,
		"=HYPERLINK(\"http://x\") \u202e착오", march); err != nil {
		t.Fatal(err)
	}
	want := ledgerFigures(t, from)

	for _, format := range []commands.ExportFormat{commands.FormatCSV, commands.FormatXLSX} {
		t.Run(string(format), func(t *testing.T) {
			data := exportFile(t, fromSvc, commands.ExportRequest{Format: format, Year: 2026, What: commands.ExportEntries, AllYears: true})
			var rows [][]string
			if format == commands.FormatCSV {
				r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
				r.FieldsPerRecord = -1
				all, err := r.ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				at := slices.IndexFunc(all, func(r []string) bool { return r[0] == export.CSVNothingSection })
				if at < 0 {
					t.Fatalf("no %s section in the CSV:\n%s", export.CSVNothingSection, data)
				}
				rows = all[at+1:]
			} else {
				f, err := excelize.OpenReader(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				if rows, err = f.GetRows(export.SheetNothing); err != nil {
					t.Fatal(err)
				}
			}
			if len(rows) != 3 || rows[0][1] != "해당 월" || rows[1][2] != "기획예산과" || rows[2][2] != "기획예산과" {
				t.Fatalf("실적 없음 rows %q", rows)
			}
			voided := rows[1]
			live := append(rows[2], make([]string, 12)...) // a sheet's row ends at its last filled cell
			if voided[7] != "무효" || live[7] != "" {
				t.Errorf("voided mark: %q, live: %q", voided[7], live[7])
			}
			reason := voided[slices.Index(rows[0], "무효 사유")] // CSV rows are padded to the entries' width
			if strings.ContainsRune(reason, '\u202e') {
				t.Errorf("bidi control kept in %q", reason)
			}
			if format == commands.FormatCSV && !strings.HasPrefix(reason, "'=") {
				t.Errorf("CSV void reason %q would be read as a formula", reason)
			}
			if format == commands.FormatCSV && (rows[1][1] != "2026-03" || rows[2][1] != "2026-04") {
				t.Errorf("months %q %q", rows[1][1], rows[2][1])
			}

			to := dbtest.New(t)
			toSvc := service(to)
			run(t, toSvc, "dept add 청년정책과")
			_, res := importBytes(t, to, reader(t, to), "entries."+string(format), data, false)
			if res.Added != 14 || res.Voided != 2 {
				t.Errorf("added %d, voided %d; want the ledger's 14 and 2", res.Added, res.Voided)
			}
			if got := ledgerFigures(t, to); got != want {
				t.Errorf("figures differ:\n got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
