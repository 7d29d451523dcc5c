package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
	"jobsbot/export"
)

// Review r45 A1: the entries export (CSV and the xlsx 실적 명세 sheet) gives
// the reason of each change after close in 마감 후 정정 사유, beside the
// mark: an add, a void and a 정정 made in a closed month, typed in Korean
// and in English. 정정 사유 stays the 정정's own (an import reads it as
// "this row is a replacement").
func TestClose3EntriesExportGivesReasonOfChangeAfterClose(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name                    string
		close, add, add2, void  string
		fix, addR, add2R, voidR string
		fixR                    string
	}{
		{"ko", "마감 10월", "추가 청년 5 10/15 사유:누락분 추가", "추가 청년 3 10/16 사유:늦은 보고", "무효 2 중복 보고", "정정 1 7 =현장 확인",
			"누락분 추가", "늦은 보고", "중복 보고", "=현장 확인"},
		{"en", "close 2026-10", "add 5 youth 10/15 reason:missed entry", "add 3 youth 10/16 reason:late report", "void 2 reported twice",
			"correct 1 7 =site check", "missed entry", "late report", "reported twice", "=site check"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			store := dbtest.New(t)
			now := time.Date(2026, time.November, 30, 3, 0, 0, 0, time.UTC)
			svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: store, Location: seoul, Language: commands.Korean,
				Managers: []string{"UMGR"}, Now: func() time.Time { return now }, Exporter: export.New(store, seoul)})
			run(t, svc, tc.close, tc.add, tc.add2, tc.void, tc.fix)
			var live int64
			if err := store.DB().GetContext(context.Background(), &live,
				`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); err != nil || live != 7 {
				t.Fatalf("live sum %d (%v), want 7", live, err)
			}
			// #1 added after close, then voided by the 정정 (#3); #2 added
			// and voided after close; #3 the 정정's replacement.
			want := map[string][3]string{ // 마감 후 정정 사유, 정정 사유, 메모
				"1": {tc.addR + "; " + tc.fixR, tc.fixR, ""},
				"2": {tc.add2R + "; " + tc.voidR, "", ""},
				"3": {tc.fixR, tc.fixR, ""},
			}
			check := func(kind string, rows [][]string, quoted func(string) string) {
				t.Helper()
				col := map[string]int{}
				for i, h := range rows[0] {
					col[h] = i
				}
				for _, h := range []string{"마감 후 정정", "마감 후 정정 사유", "정정 사유"} {
					if _, ok := col[h]; !ok {
						t.Fatalf("%s: no column %s in %v", kind, h, rows[0])
					}
				}
				seen := 0
				for _, r := range rows[1:] {
					r = append(r, make([]string, len(rows[0]))...)
					w, ok := want[r[col["번호"]]]
					if !ok {
						continue
					}
					seen++
					if got := r[col["마감 후 정정"]]; got != "마감 후 정정" {
						t.Errorf("%s #%s 마감 후 정정 = %q", kind, r[col["번호"]], got)
					}
					if got := r[col["마감 후 정정 사유"]]; got != quoted(w[0]) {
						t.Errorf("%s #%s 마감 후 정정 사유 = %q, want %q", kind, r[col["번호"]], got, quoted(w[0]))
					}
					if got := r[col["정정 사유"]]; got != quoted(w[1]) {
						t.Errorf("%s #%s 정정 사유 = %q, want %q", kind, r[col["번호"]], got, quoted(w[1]))
					}
				}
				if seen != len(want) {
					t.Errorf("%s: %d of %d entries", kind, seen, len(want))
				}
			}
			b := exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatCSV, What: commands.ExportEntries, Year: 2026})
			rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			// A reason typed starting with = is written as text (csvText).
			check("csv", rows, func(s string) string {
				if s != "" && s[0] == '=' {
					return "'" + s
				}
				return s
			})
			b = exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatXLSX, What: commands.ExportEntries, Year: 2026})
			f, err := excelize.OpenReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheet, err := f.GetRows(export.SheetEntries, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(fmt.Errorf("xlsx: %w", err))
			}
			check("xlsx", sheet, func(s string) string { return s })
		})
	}
}
