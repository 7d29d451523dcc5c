package export_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// Review r11 F5: the invest 누계 dated 30 April is the program's first
// report of the year, so its April cell holds January–April reported at
// once. The row's 비고 says so; the cell keeps the SQL SUM of April.
func TestK43SpanningReportNoted(t *testing.T) {
	store, svc := ledger(t)
	var id int64
	if err := store.DB().GetContext(context.Background(), &id,
		`SELECT e.id FROM entries e JOIN programs p ON p.id = e.program_id WHERE p.code = 'invest' AND e.kind = 'cumulative' AND e.voided_at IS NULL`); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatXLSX})))
	if err != nil {
		t.Fatal(err)
	}
	cols, rows := reportTable(t, f, "사업별 보고서")
	r := row(t, rows, "기업 및 투자유치")
	want := fmt.Sprintf("※ 4월: 1~4월 누계 보고분(#%d) 포함", id)
	if !strings.Contains(r[cols["비고"]], want) {
		t.Errorf("기업 및 투자유치 비고 %q lacks %q", r[cols["비고"]], want)
	}
	april := sqlSum(t, store, "2026-04-01", "2026-04-30", "p.code = 'invest'")
	if got := num(t, r[cols["4월"]]); got != april {
		t.Errorf("April cell %d, SQL SUM %d", got, april)
	}
	// A program reported by deltas has no such note.
	if v := row(t, rows, "취약계층 일자리")[cols["비고"]]; strings.Contains(v, "누계 보고분") {
		t.Errorf("취약계층 일자리 비고 %q names a 누계", v)
	}
}
