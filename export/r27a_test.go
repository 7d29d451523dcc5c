package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/export"
)

// Review r27 F5: the report by program, as a sheet and as CSV, writes 실적
// 없음 in the month a program's department said so, never the plain 0 (or
// "-") of a month nobody reported, and its 비고 names the month; the
// figures stay the ledger's SQL SUMs.
func TestR27aReportByProgramMarksSaidNothing(t *testing.T) {
	t.Parallel()
	store, svc := ledger(t)
	run(t, svc, "none 4월 dept:노인복지과")
	if n := sqlSum(t, store, "2026-04-01", "2026-04-30", "p.code = 'senior'"); n != 0 {
		t.Fatalf("senior April SUM = %d, want 0", n)
	}

	var buf bytes.Buffer
	if _, _, err := svc.ExportTo(context.Background(), &buf, commands.ExportRequest{Format: commands.FormatXLSX, AsOf: aprilEnd}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	cols, rows := reportTable(t, f, export.SheetByProgram)
	senior := rowNamed(t, rows, 2, "노인 일자리")
	if got := senior[cols["4월"]]; got != "실적 없음" {
		t.Errorf("sheet: 노인 일자리 April shows %q, want 실적 없음", got)
	}
	if got := senior[cols["비고"]]; !strings.Contains(got, "4월 실적 없음 보고") {
		t.Errorf("sheet: 노인 일자리 비고 %q does not name the 실적 없음 month", got)
	}
	women := rowNamed(t, rows, 2, "여성 일자리")
	for m := 1; m <= 4; m++ {
		if got := women[cols[monthCol(m)]]; got == "실적 없음" {
			t.Errorf("sheet: 여성 일자리 %d월, never reported, shows 실적 없음", m)
		}
	}
	reportCheck(t, store, cols, rows, aprilEnd, byProgram())
	info, err := f.GetCellValue(export.SheetByProgram, "A2")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(info, "실적 없음: 그 달 실적이 없다고 보고한 달") || !strings.Contains(info, "-: 실적도, 실적 없음 보고도 없는 달") {
		t.Errorf("sheet: no legend of the marks under the title: %q", info)
	}

	b := exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatCSV, AsOf: aprilEnd})
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	ccols, crows := tableOf(recs[0], recs[1:])
	cs := rowNamed(t, crows, 2, "노인 일자리")
	if got := cs[ccols["4월"]]; got != "실적 없음" {
		t.Errorf("CSV: 노인 일자리 April is %q, want 실적 없음", got)
	}
	if got := cs[ccols["비고"]]; !strings.Contains(got, "4월 실적 없음 보고") {
		t.Errorf("CSV: 노인 일자리 비고 %q does not name the 실적 없음 month", got)
	}
	if got := rowNamed(t, crows, 2, "여성 일자리")[ccols["4월"]]; got == "실적 없음" {
		t.Errorf("CSV: 여성 일자리 April, never reported, shows 실적 없음")
	}
}

func monthCol(m int) string { return string(rune('0'+m)) + "월" }

func rowNamed(t *testing.T, rows [][]string, col int, name string) []string {
	t.Helper()
	for _, r := range rows {
		if len(r) > col && r[col] == name {
			return r
		}
	}
	t.Fatalf("no row %s", name)
	return nil
}

// Review r27 F6: in the sheet, a 누계 after an earlier report notes only
// the months with no report since it, as possibly held; its month cell
// stays the SQL SUM.
func TestR27aSpanNoteAfterAnEarlierReport(t *testing.T) {
	t.Parallel()
	store, svc := ledger(t)
	run(t, svc, "add 10 disabled date:2026-01-20", "add 30 disabled cumulative date:2026-04-30")
	var id int64
	if err := store.DB().GetContext(context.Background(), &id,
		`SELECT e.id FROM entries e JOIN programs p ON p.id = e.program_id WHERE p.code = 'disabled' AND e.kind = 'cumulative' AND e.voided_at IS NULL`); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatXLSX})))
	if err != nil {
		t.Fatal(err)
	}
	cols, rows := reportTable(t, f, export.SheetByProgram)
	r := rowNamed(t, rows, 2, "장애인 일자리")
	want := fmt.Sprintf("※ 4월: 누계 #%d 증가분에 보고 없던 2~4월분 포함 가능", id)
	if !strings.Contains(r[cols["비고"]], want) {
		t.Errorf("장애인 일자리 비고 %q lacks %q", r[cols["비고"]], want)
	}
	if april := sqlSum(t, store, "2026-04-01", "2026-04-30", "p.code = 'disabled'"); num(t, r[cols["4월"]]) != april || april != 20 {
		t.Errorf("April cell %q, SQL SUM %d (want 20)", r[cols["4월"]], april)
	}
}
