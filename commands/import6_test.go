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

// import6Sheet is the report workbook's sheet the import reads.
const import6Sheet = "사업별 보고서"

// import6Ledger is a ledger of 2026 with four programs' jobs and its
// report workbook, exported as of 2026-12-31 (the import5 setup): the
// harness, the file's name and bytes, and the ledger's realised sum.
func import6Ledger(t *testing.T, lang commands.Lang) (*harness, string, []byte) {
	t.Helper()
	h := r32At(t, lang, "2027-01-04")
	for _, line := range []string{
		byLang(lang, "add vulnerable 5 date:2026-12-10 confirm:yes", "추가 취약계층 5 날짜:2026. 12. 10. 확인:예"),
		byLang(lang, "add vulnerable 4 date:2026-11-05 confirm:yes", "추가 취약계층 4 날짜:2026. 11. 5. 확인:예"),
		byLang(lang, "add youth 6 date:2026-12-03 confirm:yes", "추가 청년 6 날짜:2026. 12. 3. 확인:예"),
		byLang(lang, "add invest 9 date:2026-09-14 confirm:yes", "추가 투자 9 날짜:2026. 9. 14. 확인:예"),
	} {
		h.run(manager, line, commands.OutcomeOK)
	}
	sent, now := &fileCatcher{}, time.Date(2027, 1, 4, 1, 0, 0, 0, time.UTC)
	h.svc = h.with(func(c *commands.Config) {
		c.Exporter, c.FileSender, c.Now = export.New(h.store, nil), sent, func() time.Time { return now }
	})
	h.run(manager, byLang(lang, "export xlsx 2026 report", "엑셀 xlsx 2026 보고서"), commands.OutcomeOK)
	return h, sent.name, sent.body
}

// import6Import reads a report workbook as `jobsbot import --what report
// --today 2027-01-04` does, applies it unless dryRun or a problem refuses
// it, and returns the preview it prints and whether it passed.
func import6Import(t *testing.T, h *harness, lang commands.Lang, name string, data []byte, dryRun bool) (string, bool) {
	t.Helper()
	svc := importer.Service{Store: h.store, Want: commands.ImportReport, Today: func() time.Time { return day(2027, 1, 4) },
		Now: func() time.Time { return time.Date(2027, 1, 4, 1, 0, 0, 0, time.UTC) }}
	ctx := context.Background()
	f, problems, err := svc.Read(ctx, name, data, manager)
	if err != nil {
		t.Fatal(err)
	}
	var res commands.ImportResult
	if len(problems) == 0 {
		if res, err = svc.Import(ctx, f, dryRun); err != nil {
			t.Fatal(err)
		}
	}
	return commands.ImportPreview(f, problems, res, dryRun, lang), len(problems)+len(res.Problems) == 0
}

// import6Edit opens data, applies edit to it and returns the file saved.
func import6Edit(t *testing.T, data []byte, edit func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	edit(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// import6Raise sets a program row's month cell to n on 사업별 보고서, and
// its 누계 formula's cached value as Excel would on save.
func import6Raise(t *testing.T, f *excelize.File, label, month string, n int) string {
	t.Helper()
	cell := labels19Cell(t, f, import6Sheet, label, month)
	total := labels19Cell(t, f, import6Sheet, label, "누계")
	old, _ := f.GetCellValue(import6Sheet, cell, excelize.Options{RawCellValue: true})
	sumNow, _ := f.GetCellValue(import6Sheet, total, excelize.Options{RawCellValue: true})
	formula, _ := f.GetCellFormula(import6Sheet, total)
	var o, s int
	_, _ = fmt.Sscan(old, &o)
	_, _ = fmt.Sscan(sumNow, &s)
	for _, err := range []error{f.SetCellValue(import6Sheet, cell, n), f.SetCellValue(import6Sheet, total, s-o+n),
		f.SetCellFormula(import6Sheet, total, formula)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return cell
}

// import6Sum is the ledger's live realised jobs, a plain SQL SUM.
func import6Sum(h *harness) int64 {
	return h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status='realised'`)
}

// import6Refused checks that a file was refused saying says, and that the
// ledger is as it was.
func import6Refused(t *testing.T, h *harness, lang commands.Lang, why, name string, data []byte, says ...string) string {
	t.Helper()
	before, rows := import6Sum(h), h.sqlInt(`SELECT count(*) FROM entries`)
	said, ok := import6Import(t, h, lang, name, data, false)
	if ok {
		t.Errorf("%s: the import passed:\n%s", why, said)
	}
	mustContain(t, said, append(says, byLang(lang, "Nothing was imported", "아무것도 가져오지 않았습니다"))...)
	if got, n := import6Sum(h), h.sqlInt(`SELECT count(*) FROM entries`); got != before || n != rows {
		t.Errorf("%s: a refused file changed the ledger: %d jobs in %d rows, was %d in %d", why, got, n, before, rows)
	}
	return said
}

// Item 1: a 비고 edited on a program row none of whose month cells is
// raised was neither stored nor mentioned (the import keeps a 비고 only as
// the note of what a raised cell adds). It refuses the file naming the row
// and the 비고 cell; the same 비고 beside a raised cell is kept as the note.
func TestImport6NoteWithoutRaisedCellRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, name, data := import6Ledger(t, lang)
			youth := h.sqlStr(`SELECT name_ko FROM programs WHERE code = 'youth'`)
			var noteCell string
			edited := import6Edit(t, data, func(f *excelize.File) {
				noteCell = labels19Cell(t, f, import6Sheet, youth, "비고")
				if err := f.SetCellValue(import6Sheet, noteCell, "3명 추가 확인"); err != nil {
					t.Fatal(err)
				}
			})
			row := strings.TrimLeft(noteCell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
			import6Refused(t, h, lang, "비고 alone", name, edited, youth, noteCell, "`3명 추가 확인`"[1:len("`3명 추가 확인`")-1],
				byLang(lang, "line "+row+" [비고]", row+"행 [비고]"),
				byLang(lang, "no month cell of the row was raised", "수를 늘린 월별 실적 칸이 없습니다"))
			// The 비고 beside a raised 12월 is the note of the jobs it adds.
			before := import6Sum(h)
			edited = import6Edit(t, data, func(f *excelize.File) {
				import6Raise(t, f, youth, "12월", 8)
				if err := f.SetCellValue(import6Sheet, labels19Cell(t, f, import6Sheet, youth, "비고"), "3명 추가 확인"); err != nil {
					t.Fatal(err)
				}
			})
			if said, ok := import6Import(t, h, lang, name, edited, false); !ok {
				t.Fatalf("a 비고 beside a raised cell is refused:\n%s", said)
			}
			if got := import6Sum(h); got != before+2 {
				t.Errorf("after raising 청년 12월 6 → 8 the ledger sums to %d; want %d", got, before+2)
			}
			if n := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND note = '3명 추가 확인'`); n != 2 {
				t.Errorf("entries noted 3명 추가 확인 sum to %d; want 2", n)
			}
		})
	}
}

// Item 2: the report import compared neither 공시유형별 nor 고용형태별 with
// the ledger, nor a 부서별 row whose department was renamed: an edit there
// was dropped with 가져왔습니다. Each refuses the file naming the sheet and
// the cell; the untouched export still imports.
func TestImport6ViewSheetEditsRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, name, data := import6Ledger(t, lang)
			youthDept := h.sqlStr(`SELECT department FROM entries WHERE count = 6`)
			for _, tc := range []struct {
				sheet, label, header string
				v                    any
				says                 []string
			}{
				{"공시유형별", "고용장려금", "12월", 10, []string{"`10`", byLang(lang, "ledger `6`", "장부 `6`")}},
				{"고용형태별", "(미지정)", "11월", 9, []string{"`9`", byLang(lang, "ledger `4`", "장부 `4`")}},
				{"공시유형별", "기타", "비고", "9월 투자 9명", []string{"`9월 투자 9명`"}},
				{"부서별", youthDept, "부서", "일자리경제과", []string{"`일자리경제과`", "`" + youthDept + "`"}},
			} {
				var cell string
				edited := import6Edit(t, data, func(f *excelize.File) {
					cell = labels19Cell(t, f, tc.sheet, tc.label, tc.header)
					if err := f.SetCellValue(tc.sheet, cell, tc.v); err != nil {
						t.Fatal(err)
					}
				})
				import6Refused(t, h, lang, tc.sheet+" "+cell, name, edited,
					append(tc.says, "`"+tc.sheet+"`", cell, "`사업별 보고서`")...)
			}
			if said, ok := import6Import(t, h, lang, name, data, false); !ok {
				t.Errorf("the untouched export is refused:\n%s", said)
			}
		})
	}
}

// Item 3: a formula replaced by another formula referring to cells
// (`=C5+100`, `=SUM(F12:Q12)+1`) passed, dropping what it adds. It is
// refused as a constant formula is, unless it is the export's own formula
// (written in another case or spacing).
func TestImport6FormulaReplacedByFormulaRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, name, data := import6Ledger(t, lang)
			youth := h.sqlStr(`SELECT name_ko FROM programs WHERE code = 'youth'`)
			set := func(header, formula string) ([]byte, string) {
				var cell string
				return import6Edit(t, data, func(f *excelize.File) {
					cell = labels19Cell(t, f, import6Sheet, youth, header)
					if err := f.SetCellFormula(import6Sheet, cell, formula); err != nil {
						t.Fatal(err)
					}
				}), cell
			}
			for _, tc := range [][2]string{{"누계", "C5+100"}, {"누계", "SUM(F12:Q12)+1"}, {"증감", "R12-T12+R12"}} {
				edited, cell := set(tc[0], tc[1])
				import6Refused(t, h, lang, tc[1], name, edited, "`사업별 보고서`", cell, "`="+tc[1]+"`",
					byLang(lang, "other than the export's", "내보낸 수식과 다른 수식"))
			}
			// A subtotal's month formula changed the same way.
			edited := import6Edit(t, data, func(f *excelize.File) {
				if err := f.SetCellFormula(import6Sheet, "Q13", "SUM(Q12:Q12)+5"); err != nil {
					t.Fatal(err)
				}
			})
			import6Refused(t, h, lang, "subtotal", name, edited, "Q13(12월)", "`=SUM(Q12:Q12)+5`")
			// The export's own formula, written in lower case, passes.
			edited, _ = set("누계", "sum(F12:Q12)")
			if said, ok := import6Import(t, h, lang, name, edited, true); !ok {
				t.Errorf("the export's formula in lower case is refused:\n%s", said)
			}
		})
	}
}

// Item 4: a file with several edited rows named only the first problem
// ("문제 1건"): a refusal of the workbook's sheets hid the rows' own, and
// a row the scan refused hid the rows checked against the ledger. Every
// problem row is named, and a preview lists the first 20 and how many more.
func TestImport6EveryProblemRowNamed(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, name, data := import6Ledger(t, lang)
			label := func(code string) string { return h.sqlStr(`SELECT name_ko FROM programs WHERE code = $1`, code) }
			var cells []string
			edited := import6Edit(t, data, func(f *excelize.File) {
				// 청년 비고 alone; 취약계층 12월 raised with a 비고 of 11월;
				// 투자 9월 below the ledger; 증감 of 노인 typed over.
				note := labels19Cell(t, f, import6Sheet, label("youth"), "비고")
				if err := f.SetCellValue(import6Sheet, note, "3명 추가 확인"); err != nil {
					t.Fatal(err)
				}
				raised := import6Raise(t, f, label("vulnerable"), "12월", 8)
				if err := f.SetCellValue(import6Sheet, labels19Cell(t, f, import6Sheet, label("vulnerable"), "비고"), "11월분 3명"); err != nil {
					t.Fatal(err)
				}
				import6Raise(t, f, label("invest"), "9월", 2)
				cells = []string{note, raised}
			})
			// The 투자 row is named twice: its 9월 below the ledger, and its
			// 누계 (set as Excel recomputes it) against the ledger's.
			said := import6Refused(t, h, lang, "three rows", name, edited, cells...)
			mustContain(t, said, byLang(lang, "Problems found: 4.", "문제 4건"))
			for _, line := range []string{"8 [비고]", "12 [비고]", "20 [9월]", "20 [누계]"} {
				mustContain(t, said, byLang(lang, "line "+line, strings.Replace(line, " ", "행 ", 1)))
			}
			// A preview of 25 problems lists 20 and says 5 more.
			var problems []commands.ImportProblem
			for i := range 25 {
				problems = append(problems, commands.NewImportProblem(i+2, "메모", "", "import.problem.control_character"))
			}
			text := commands.ImportPreview(commands.ImportFile{Name: "x.csv"}, problems, commands.ImportResult{}, true, lang)
			mustContain(t, text, byLang(lang, "Problems found: 25.", "문제 25건"), byLang(lang, "line 21 [", "21행 ["),
				byLang(lang, "… and 5 more: only the first 20 are listed", "… 외 5건: 처음 20건만 적었습니다"))
			if strings.Contains(text, byLang(lang, "line 22 [", "22행 [")) {
				t.Errorf("the preview lists past the first 20 problems:\n%s", text)
			}
		})
	}
}

// Item 5: the report import's preview said 108행 for a sheet of 9 program
// rows (a row per month cell). It says the program rows read, and of them
// the rows adding jobs.
func TestImport6PreviewCountsProgramRows(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, name, data := import6Ledger(t, lang)
			programs := h.sqlInt(`SELECT count(*) FROM programs WHERE active`)
			said, ok := import6Import(t, h, lang, name, data, true)
			if !ok {
				t.Fatalf("the untouched export is refused:\n%s", said)
			}
			n := fmt.Sprint(programs)
			mustContain(t, said, byLang(lang, "program rows read: "+n+"; rows adding jobs: 0", "읽은 사업 행 "+n+"행, 그중 실적을 더하는 행 0행"))
			cells := fmt.Sprint(programs * 12)
			if strings.Contains(said, cells+"행") || strings.Contains(said, "rows: "+cells) || strings.Contains(said, cells+" already in the ledger") {
				t.Errorf("the preview counts month cells (%s) as rows:\n%s", cells, said)
			}
			mustContain(t, said, byLang(lang, "month cells as the ledger already holds them: "+cells, "장부와 같아 그대로 둔 월별 칸 "+cells+"칸"))
			youth := h.sqlStr(`SELECT name_ko FROM programs WHERE code = 'youth'`)
			before := import6Sum(h)
			edited := import6Edit(t, data, func(f *excelize.File) { import6Raise(t, f, youth, "12월", 9) })
			said, ok = import6Import(t, h, lang, name, edited, false)
			if !ok {
				t.Fatalf("a raised cell is refused:\n%s", said)
			}
			mustContain(t, said, byLang(lang, "program rows read: "+n+"; rows adding jobs: 1", "읽은 사업 행 "+n+"행, 그중 실적을 더하는 행 1행"))
			if got := import6Sum(h); got != before+3 {
				t.Errorf("after raising 청년 12월 6 → 9 the ledger sums to %d; want %d", got, before+3)
			}
		})
	}
}

// Item 6: an entries file's row dated 2026-12-30 with 메모 `어제 입사` was
// refused suggesting `2026. 11. 30. 입사`, a fixed day: the example is the
// day before the row's own date, 2026. 12. 29.
func TestImport6RelativeDaySuggestsTheDayBefore(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2027-01-04")
			csv := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n" +
				"2026-12-30,youth,,6,증가분,,,채용,어제 입사\n"
			svc := importer.Service{Store: h.store, Today: func() time.Time { return day(2027, 1, 4) },
				Now: func() time.Time { return time.Date(2027, 1, 4, 1, 0, 0, 0, time.UTC) }}
			ctx := context.Background()
			f, problems, err := svc.Read(ctx, "dept.csv", []byte(csv), manager)
			if err != nil {
				t.Fatal(err)
			}
			var res commands.ImportResult
			if len(problems) == 0 {
				if res, err = svc.Import(ctx, f, false); err != nil {
					t.Fatal(err)
				}
			}
			said := commands.ImportPreview(f, problems, res, false, lang)
			mustContain(t, said, "`어제`", "`2026. 12. 29. 입사`")
			if strings.Contains(said, "2026. 11. 30.") {
				t.Errorf("the example is a fixed day:\n%s", said)
			}
			if n := import6Sum(h); n != 0 {
				t.Errorf("a refused file wrote %d jobs", n)
			}
		})
	}
}
