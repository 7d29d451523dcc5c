package export_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/export"
)

// A month a department recorded as 실적 없음 while it holds only an
// agreement (약정 is not 실적, review_ko finding 7) shows 실적 없음 in the
// department sheet, not a blank as a month with jobs would.
func TestDepartmentSheetMarksNothingBesideAnAgreement(t *testing.T) {
	_, svc := ledger(t)
	run(t, svc, "add 40 women date:2026-02-10 status:agreed dept:여성가족과", "none 2월 dept:여성가족과")
	var buf bytes.Buffer
	if _, _, err := svc.ExportTo(context.Background(), &buf, commands.ExportRequest{Format: commands.FormatXLSX, AsOf: aprilEnd}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	cols, rows := reportTable(t, f, export.SheetByDepartment)
	if got := row(t, rows, "여성가족과")[cols["2월"]]; got != "실적 없음" {
		t.Errorf("여성가족과 February shows %q, want 실적 없음", got)
	}
}
