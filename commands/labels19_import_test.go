package commands_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/importer"
)

// labels19ImportReport reads a report workbook as `jobsbot import --what
// report` does and applies it unless a problem refuses it: the problems'
// text in lang, and whether it was applied.
func labels19ImportReport(t *testing.T, h *harness, lang commands.Lang, name string, data []byte) (string, bool) {
	t.Helper()
	svc := importer.Service{Store: h.store, Want: commands.ImportReport, Today: func() time.Time { return day(2026, 11, 26) },
		Now: func() time.Time { return fixedNow }}
	ctx := context.Background()
	f, problems, err := svc.Read(ctx, name, data, manager)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, p := range problems {
		text = append(text, p.Text(lang))
	}
	if len(problems) > 0 {
		return strings.Join(text, "\n"), false
	}
	res, err := svc.Import(ctx, f, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Problems {
		text = append(text, p.Text(lang))
	}
	return strings.Join(text, "\n"), len(res.Problems) == 0
}

// labels19Report exports the report workbook and returns it opened, with
// the cell of row's label and column's header on sheet (the first such).
func labels19Cell(t *testing.T, f *excelize.File, sheet, rowLabel, header string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for _, r := range rows {
		for i, c := range r {
			if strings.TrimSpace(c) == header && col < 0 {
				col = i
			}
		}
	}
	for n, r := range rows {
		for _, c := range r {
			if strings.TrimSpace(c) == rowLabel && col >= 0 {
				cell, _ := excelize.CoordinatesToCellName(col+1, n+1)
				return cell
			}
		}
	}
	t.Fatalf("%s: no cell for %q × %q in %q", sheet, rowLabel, header, rows)
	return ""
}

// Review r39 F14: a report workbook whose 부서별 sheet was edited (a
// department's 주무관 raising their own row) was imported as 가져왔습니다
// with the edit dropped; a figure typed over 사업별 보고서's 증감 formula
// likewise. Both are refused naming the sheet and the cell, nothing is
// written, and the untouched export still imports.
func TestLabels19ReportImportRefusesEditsItDoesNotRead(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-11-26")
			h.run(manager, byLang(lang, "add youth 6 date:2026-11-10", "추가 청년 6 날짜:11/10"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "add invest 9 date:2026-10-12", "추가 투자 9 날짜:10/12"), commands.OutcomeOK)
			sent, _ := h.ledgerIO()
			h.run(manager, byLang(lang, "export xlsx report", "엑셀 xlsx 보고서"), commands.OutcomeOK)
			name, data := sent.name, sent.body
			dept := h.sqlStr(`SELECT department FROM entries WHERE count = 6`)
			sum := func() int64 {
				return h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status='realised'`)
			}
			before, rows := sum(), h.sqlInt(`SELECT count(*) FROM entries`)

			edit := func(sheet, label, header string, v any) ([]byte, string) {
				f, err := excelize.OpenReader(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				cell := labels19Cell(t, f, sheet, label, header)
				if err := f.SetCellValue(sheet, cell, v); err != nil {
					t.Fatal(err)
				}
				if n, ok := v.(int); ok && sheet == "사업별 보고서" && strings.HasSuffix(header, "월") {
					// Excel recomputes the row's 누계 formula on save; excelize
					// does not, so its cached value is set as Excel would.
					total := labels19Cell(t, f, sheet, label, "누계")
					formula, _ := f.GetCellFormula(sheet, total)
					if err := f.SetCellValue(sheet, total, n); err != nil {
						t.Fatal(err)
					}
					if err := f.SetCellFormula(sheet, total, formula); err != nil {
						t.Fatal(err)
					}
				}
				var buf bytes.Buffer
				if err := f.Write(&buf); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes(), cell
			}
			for _, tc := range []struct {
				sheet, label, header string
				v                    any
				says                 []string
			}{
				{"부서별", dept, "11월", 10, []string{"`부서별`", "11", byLang(lang, "ledger 6", "장부 6"), byLang(lang, "month 11: 10", "11월 10"), byLang(lang, "Nothing was imported", "아무것도 가져오지 않았습니다"), "`사업별 보고서`"}},
				{"사업별 보고서", "청년일자리", "증감", "비고: 12월 추가 예정", []string{"`사업별 보고서`", byLang(lang, "formula", "수식 칸"), byLang(lang, "Nothing was imported", "아무것도 가져오지 않았습니다")}},
			} {
				edited, cell := edit(tc.sheet, tc.label, tc.header, tc.v)
				said, applied := labels19ImportReport(t, h, lang, name, edited)
				mustContain(t, said, append(tc.says, cell)...)
				if applied {
					t.Errorf("%s %s edited: the import was applied:\n%s", tc.sheet, cell, said)
				}
				if got, n := sum(), h.sqlInt(`SELECT count(*) FROM entries`); got != before || n != rows {
					t.Errorf("a refused file changed the ledger: %d jobs in %d rows, was %d in %d", got, n, before, rows)
				}
			}
			// The export as sent, and one edited in a month cell of the
			// sheet read, still import.
			if said, applied := labels19ImportReport(t, h, lang, name, data); !applied {
				t.Errorf("the untouched export is refused:\n%s", said)
			}
			edited, _ := edit("사업별 보고서", "청년일자리", "11월", 8)
			if said, applied := labels19ImportReport(t, h, lang, name, edited); !applied {
				t.Fatalf("a month cell edit is refused:\n%s", said)
			}
			if got := sum(); got != before+2 {
				t.Errorf("after raising 청년 11월 6 → 8 the ledger sums to %d; want %d", got, before+2)
			}
		})
	}
}

// Review r39 F6: with 10월 closed, re-importing the exported report edited
// only in 11월 was refused on every row under a "[기준일]" column the report
// does not have. An unchanged closed month's cells pass; a changed one is
// refused under its own column, the month; the figures equal a SQL SUM.
func TestLabels19ReportReimportPassesUnchangedClosedMonth(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-11-26")
			h.run(manager, byLang(lang, "add youth 6 date:2026-11-10", "추가 청년 6 날짜:11/10"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "add invest 9 date:2026-10-12", "추가 투자 9 날짜:10/12"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "add youth 4 date:2026-10-20", "추가 청년 4 날짜:10/20"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "close 2026-10", "마감 2026-10"), commands.OutcomeOK)
			sent, _ := h.ledgerIO()
			h.run(manager, byLang(lang, "export xlsx report", "엑셀 xlsx 보고서"), commands.OutcomeOK)
			name, data := sent.name, sent.body
			sum := func(from, to string) int64 {
				return h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status='realised' AND as_of BETWEEN $1 AND $2`, from, to)
			}
			oct := sum("2026-10-01", "2026-10-31")
			edit := func(month string, v int) []byte {
				f, err := excelize.OpenReader(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				cell := labels19Cell(t, f, "사업별 보고서", "청년일자리", month)
				total := labels19Cell(t, f, "사업별 보고서", "청년일자리", "누계")
				old, _ := f.GetCellValue("사업별 보고서", cell)
				sumNow, _ := f.GetCellValue("사업별 보고서", total)
				formula, _ := f.GetCellFormula("사업별 보고서", total)
				if err := f.SetCellValue("사업별 보고서", cell, v); err != nil {
					t.Fatal(err)
				}
				// Excel recomputes the 누계 formula on save; excelize does not.
				var o, s int
				_, _ = fmt.Sscan(old, &o)
				_, _ = fmt.Sscan(strings.ReplaceAll(sumNow, ",", ""), &s)
				if err := f.SetCellValue("사업별 보고서", total, s-o+v); err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellFormula("사업별 보고서", total, formula); err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := f.Write(&buf); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			}
			// Edited only in 11월: 10월 is closed but unchanged.
			said, applied := labels19ImportReport(t, h, lang, name, edit("11월", 8))
			if !applied {
				t.Fatalf("an edit in an open month is refused for the closed one:\n%s", said)
			}
			if strings.Contains(said, "기준일") {
				t.Errorf("a problem names a [기준일] column the report lacks:\n%s", said)
			}
			if got := sum("2026-11-01", "2026-11-30"); got != 8 {
				t.Errorf("11월 sums to %d; want 8", got)
			}
			if got := sum("2026-10-01", "2026-10-31"); got != oct {
				t.Errorf("closed 10월 sums to %d; want %d", got, oct)
			}
			// A change in the closed month is refused under its column (on
			// a fresh export: the old one's 부서별 no longer matches).
			h.run(manager, byLang(lang, "export xlsx report", "엑셀 xlsx 보고서"), commands.OutcomeOK)
			name, data = sent.name, sent.body
			said, applied = labels19ImportReport(t, h, lang, name, edit("10월", 7))
			if applied {
				t.Fatalf("a closed month's change was applied")
			}
			mustContain(t, said, "[10월]", byLang(lang, "2026-10 is closed", "2026년 10월은 마감된 달"))
			if strings.Contains(said, "기준일") {
				t.Errorf("a problem names a [기준일] column the report lacks:\n%s", said)
			}
			if got := sum("2026-10-01", "2026-10-31"); got != oct {
				t.Errorf("closed 10월 sums to %d; want %d", got, oct)
			}
		})
	}
}
