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
	"jobsbot/export"
	"jobsbot/importer"
)

// import5Import reads a report workbook as `jobsbot import --what report
// --today 2027-01-04` does and applies it unless a problem refuses it: the
// problems' text in lang, and whether it was applied.
func import5Import(t *testing.T, h *harness, lang commands.Lang, name string, data []byte) (string, bool) {
	t.Helper()
	svc := importer.Service{Store: h.store, Want: commands.ImportReport, Today: func() time.Time { return day(2027, 1, 4) },
		Now: func() time.Time { return time.Date(2027, 1, 4, 1, 0, 0, 0, time.UTC) }}
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

// import5Edit is one program row's edit of the exported report: a month
// cell raised to n (0: left as exported) and its 비고.
type import5Edit struct {
	program, month string
	n              int
	note           string
}

// Issue 19, review r39 F5: a report workbook (2026, imported on
// 2027-01-04) with 취약계층 12월 raised by 3 and 비고 `11월 채용분 3명 누락`
// was filed as +3 on 2026-12-31 with no note. The 비고 the export did not
// write is the note of what the row adds; naming another month than the
// cell that adds (or a day counted from when it was written) it refuses
// the file naming the cells and what to do, and nothing is written. A
// 비고 agreeing with the cell's month, or naming no date, is kept as the
// note; a 비고 beside cells left as exported asks nothing.
func TestImport5ReportNoteNamingAnotherMonth(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2027-01-04")
			for _, line := range []string{
				byLang(lang, "add vulnerable 5 date:2026-12-10 confirm:yes", "추가 취약계층 5 날짜:2026. 12. 10. 확인:예"),
				byLang(lang, "add vulnerable 4 date:2026-11-05 confirm:yes", "추가 취약계층 4 날짜:2026. 11. 5. 확인:예"),
				byLang(lang, "add youth 6여 date:2026-12-03 confirm:yes", "추가 청년 6여 날짜:2026. 12. 3. 확인:예"),
				byLang(lang, "add invest 9 date:2026-09-14 confirm:yes", "추가 투자 9 날짜:2026. 9. 14. 확인:예"),
			} {
				h.run(manager, line, commands.OutcomeOK)
			}
			// The export with the session's clock (ledgerIO's keeps the
			// harness's 2026-11-26): a report as of 2026-12-31.
			sent, now := &fileCatcher{}, time.Date(2027, 1, 4, 1, 0, 0, 0, time.UTC)
			h.svc = h.with(func(c *commands.Config) {
				c.Exporter, c.FileSender, c.Now = export.New(h.store, nil), sent, func() time.Time { return now }
			})
			h.run(manager, byLang(lang, "export xlsx 2026 report", "엑셀 xlsx 2026 보고서"), commands.OutcomeOK)
			name, data := sent.name, sent.body
			label := func(code string) string {
				return h.sqlStr(`SELECT name_ko FROM programs WHERE code = $1`, code)
			}
			sum := func() int64 {
				return h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status='realised'`)
			}
			before, rows := sum(), h.sqlInt(`SELECT count(*) FROM entries`)
			if before != 24 {
				t.Fatalf("the ledger holds %d jobs; want 24", before)
			}
			const sheet = "사업별 보고서"
			// edit applies edits to the export and returns the file and
			// the cells of the first edit: its month, its 비고, 11월.
			edit := func(edits ...import5Edit) ([]byte, [3]string) {
				f, err := excelize.OpenReader(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				var first [3]string
				for i, e := range edits {
					row := label(e.program)
					cell := labels19Cell(t, f, sheet, row, e.month)
					noteCell := labels19Cell(t, f, sheet, row, "비고")
					if i == 0 {
						first = [3]string{cell, noteCell, labels19Cell(t, f, sheet, row, "11월")}
					}
					if e.n > 0 {
						old, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
						total := labels19Cell(t, f, sheet, row, "누계")
						sumNow, _ := f.GetCellValue(sheet, total, excelize.Options{RawCellValue: true})
						formula, _ := f.GetCellFormula(sheet, total)
						if err := f.SetCellValue(sheet, cell, e.n); err != nil {
							t.Fatal(err)
						}
						// Excel recomputes the 누계 formula on save; excelize does not.
						var o, s int
						_, _ = fmt.Sscan(old, &o)
						_, _ = fmt.Sscan(sumNow, &s)
						if err := f.SetCellValue(sheet, total, s-o+e.n); err != nil {
							t.Fatal(err)
						}
						if err := f.SetCellFormula(sheet, total, formula); err != nil {
							t.Fatal(err)
						}
					}
					if err := f.SetCellValue(sheet, noteCell, e.note); err != nil {
						t.Fatal(err)
					}
				}
				var buf bytes.Buffer
				if err := f.Write(&buf); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes(), first
			}
			nothing := byLang(lang, "nothing was imported", "아무것도 가져오지 않았습니다")
			for _, tc := range []struct {
				why   string
				edits []import5Edit
				says  func(cells [3]string) []string
			}{
				{"the issue's repro: 11월 beside a raised 12월", []import5Edit{{"vulnerable", "12월", 8, "11월 채용분 3명 누락"}},
					func(c [3]string) []string {
						return []string{"`11월`", c[0], c[1], c[2], byLang(lang, "+3", "늘어난 3"), nothing, byLang(lang, "2026-11", "2026년 11월 실적"),
							byLang(lang, "add them to the 11월 cell ("+c[2]+")", "11월 칸("+c[2]+")에 더하시고"),
							byLang(lang, "take `11월` out of 비고", "비고에서 `11월`을 뺀 뒤")}
					}},
				{"a day of 11월 beside a raised 12월", []import5Edit{{"vulnerable", "12월", 8, "11/30 입사 3명"}},
					func(c [3]string) []string {
						return []string{"`11/30`", c[0], c[2], byLang(lang, "+3", "늘어난 3"), nothing}
					}},
				{"another year's December", []import5Edit{{"youth", "12월", 9, "어림수 포함, 2025년 12월분 누락"}},
					func(c [3]string) []string {
						return []string{"`2025년 12월분`", c[0], byLang(lang, "+3", "늘어난 3"), nothing, byLang(lang, "2025-12", "2025년 12월 실적")}
					}},
				{"a month counted from when 비고 was written", []import5Edit{{"vulnerable", "12월", 7, "지난달 누락분"}},
					func(c [3]string) []string {
						return []string{"`지난달`", c[0], c[1], byLang(lang, "+2", "늘어난 2"), nothing, byLang(lang, "does not say", "파일에는 그날이 없어")}
					}},
				{"the 비고 row-by-row: only the raised row's is read against its cell", []import5Edit{
					{"vulnerable", "12월", 8, "11월분 3명"}, {"youth", "12월", 8, "3명 누락 보완"}},
					func(c [3]string) []string { return []string{"`11월분`", c[0], nothing} }},
			} {
				edited, cells := edit(tc.edits...)
				said, applied := import5Import(t, h, lang, name, edited)
				if applied {
					t.Errorf("%s: the import was applied:\n%s", tc.why, said)
					continue
				}
				mustContain(t, said, tc.says(cells)...)
				if got, n := sum(), h.sqlInt(`SELECT count(*) FROM entries`); got != before || n != rows {
					t.Errorf("%s: a refused file changed the ledger: %d jobs in %d rows, was %d in %d", tc.why, got, n, before, rows)
				}
			}
			// Kept as the note: a 비고 naming the cell's own month, and one
			// naming no date (the export's 어림수 포함 left out). (A 비고
			// changed beside cells left as exported is refused since
			// import6: TestImport6NoteWithoutRaisedCellRefused.)
			edited, _ := edit(import5Edit{"vulnerable", "12월", 8, "12월 채용분 3명 누락"},
				import5Edit{"youth", "12월", 8, "어림수 포함, 2명 추가 확인"})
			if said, applied := import5Import(t, h, lang, name, edited); !applied {
				t.Fatalf("a 비고 agreeing with its cell is refused:\n%s", said)
			}
			if got := sum(); got != before+5 {
				t.Errorf("after raising 취약계층 12월 by 3 and 청년 12월 by 2 the ledger sums to %d; want %d", got, before+5)
			}
			for note, want := range map[string]int64{"12월 채용분 3명 누락": 3, "2명 추가 확인": 2} {
				if n := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND note = $1 AND as_of = '2026-12-31'`, note); n != want {
					t.Errorf("entries of 2026-12-31 noted %q sum to %d; want %d", note, n, want)
				}
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE note LIKE '%어림수%' OR note LIKE '%10월%'`); n != 0 {
				t.Errorf("%d entries carry the export's 비고 or an unchanged row's", n)
			}
		})
	}
}
