package importer_test

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/importer"
)

// import7Sheet is the report workbook's sheet the import reads.
const import7Sheet = "사업별 보고서"

// import7Ledger is a ledger of 2026 and its report workbook exported on
// 2026-12-07, as `jobsbot export --format xlsx --what report --today
// 2026-12-07` writes it.
func import7Ledger(t *testing.T, lang commands.Lang) (*ifx, []byte) {
	t.Helper()
	h := newIfx(t, lang, "2026-12-07")
	for _, line := range []string{
		h.by("add youth 6 date:2026-12-03 confirm:yes", "추가 청년 6 날짜:2026. 12. 3. 확인:예"),
		h.by("add vulnerable 4 date:2026-11-05 confirm:yes", "추가 취약계층 4 날짜:2026. 11. 5. 확인:예"),
		h.by("add invest 9 date:2026-09-14 confirm:yes", "추가 투자 9 날짜:2026. 9. 14. 확인:예"),
	} {
		h.run(line, commands.OutcomeOK)
	}
	h.run(h.by("export xlsx 2026 report", "엑셀 xlsx 2026 보고서"), commands.OutcomeOK)
	return h, h.sent.body
}

// import7Import reads a report workbook as `jobsbot import --what report
// --today 2026-12-07` does and applies it unless a problem refuses it; it
// returns the preview and whether the file was applied.
func import7Import(t *testing.T, h *ifx, data []byte, year int) (string, bool) {
	t.Helper()
	now := func() time.Time { return h.clock }
	svc := importer.Service{Store: h.store, Want: commands.ImportReport, Year: year, Location: seoul, Now: now,
		Today: func() time.Time { return dates.Today(now(), seoul) }}
	ctx := context.Background()
	f, problems, err := svc.Read(ctx, "r2z.xlsx", data, "UMGR")
	if err != nil {
		t.Fatal(err)
	}
	var res commands.ImportResult
	if len(problems) == 0 {
		if res, err = svc.Import(ctx, f, false); err != nil {
			t.Fatal(err)
		}
	}
	return commands.ImportPreview(f, problems, res, false, h.lang), len(problems)+len(res.Problems) == 0
}

// import7Edit opens data, applies edit and returns the file saved.
func import7Edit(t *testing.T, data []byte, edit func(f *excelize.File) error) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := edit(f); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// import7Cell is sheet's cell in the row whose label columns hold label
// ("" : the first data row) under the header column (누계, 12월).
func import7Cell(t *testing.T, f *excelize.File, sheet, label, column string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	col, row := -1, -1
	for n := 3; n < 5 && n < len(rows); n++ {
		for i, c := range rows[n] {
			if strings.TrimSpace(c) == column {
				col = i
			}
		}
	}
	for n := 5; n < len(rows) && row < 0; n++ {
		for i := 0; i < 3 && i < len(rows[n]); i++ {
			if label == "" || strings.TrimSpace(rows[n][i]) == label {
				row = n
			}
		}
	}
	if col < 0 || row < 0 {
		t.Fatalf("%s: no cell %q/%q", sheet, label, column)
	}
	cell, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return cell
}

// import7Repro is review r46 B1's file: the title's date removed, the
// first row's 누계 formula leaving out 12월, a 공시유형별 month cell
// raised, and a program's 12월 cell raised by 30. It returns the file and
// the two cells the import does not read.
func import7Repro(t *testing.T, h *ifx, data []byte, title string) ([]byte, string, string) {
	t.Helper()
	youth := h.sqlStr(`SELECT name_ko FROM programs WHERE code = 'youth'`)
	var total, view string
	edited := import7Edit(t, data, func(f *excelize.File) error {
		total = import7Cell(t, f, import7Sheet, "", "누계")
		dec := import7Cell(t, f, import7Sheet, "", "12월")
		view = import7Cell(t, f, "공시유형별", "", "12월")
		raise := import7Cell(t, f, import7Sheet, youth, "12월")
		_, row, _ := excelize.CellNameToCoordinates(total)
		from, _, _ := excelize.CellNameToCoordinates(dec)
		first, _ := excelize.ColumnNumberToName(from - 11)
		last, _ := excelize.ColumnNumberToName(from - 1)
		for _, err := range []error{
			f.SetCellValue(import7Sheet, "A1", title),
			f.SetCellFormula(import7Sheet, total, "SUM("+first+strconv.Itoa(row)+":"+last+strconv.Itoa(row)+")"),
			f.SetCellValue("공시유형별", view, 30),
			f.SetCellValue(import7Sheet, raise, 36),
		} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	return edited, total, view
}

func (h *ifx) sqlStr(q string, args ...any) string {
	h.t.Helper()
	var v string
	if err := h.store.DB().GetContext(context.Background(), &v, q, args...); err != nil {
		h.t.Fatalf("%s: %v", q, err)
	}
	return v
}

// import7Refused checks a file is refused saying says, the ledger as it was.
func import7Refused(t *testing.T, h *ifx, why string, data []byte, year int, says ...string) string {
	t.Helper()
	before, rows := h.liveSum("true"), h.sqlInt(`SELECT count(*) FROM entries`)
	said, ok := import7Import(t, h, data, year)
	if ok {
		t.Errorf("%s: the file was applied:\n%s", why, said)
	}
	mustHave(t, said, append(says, h.by("Nothing was imported", "아무것도 가져오지 않았습니다"))...)
	if got, n := h.liveSum("true"), h.sqlInt(`SELECT count(*) FROM entries`); got != before || n != rows {
		t.Errorf("%s: a refused file changed the ledger: %d jobs in %d rows, was %d in %d", why, got, n, before, rows)
	}
	return said
}

// Review r46 B1: with the date removed from 사업별 보고서's title the
// comparison with the export was skipped, and the file imported its raised
// 12월 cell while the 누계 formula and the 공시유형별 edit were dropped.
// The date is read from the other report sheets' titles: the file is
// refused naming both cells, as it is with the title untouched.
func TestImport7TitleWithoutDateStillCompared(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, data := import7Ledger(t, lang)
			for _, title := range []string{"2026년 일자리사업 추진실적", "2026년 일자리사업 추진실적 (2026. 12. 7. 기준)"} {
				edited, total, view := import7Repro(t, h, data, title)
				import7Refused(t, h, title, edited, 0, total, view, "공시유형별")
			}
			// Only the raised cell, the title's date still removed: imported,
			// the date read from the other sheets.
			youth := h.sqlStr(`SELECT name_ko FROM programs WHERE code = 'youth'`)
			before := h.liveSum(`as_of BETWEEN '2026-12-01' AND '2026-12-31'`)
			edited := import7Edit(t, data, func(f *excelize.File) error {
				if err := f.SetCellValue(import7Sheet, "A1", "2026년 일자리사업 추진실적"); err != nil {
					return err
				}
				total := import7Cell(t, f, import7Sheet, youth, "누계")
				formula, _ := f.GetCellFormula(import7Sheet, total)
				for _, err := range []error{f.SetCellValue(import7Sheet, import7Cell(t, f, import7Sheet, youth, "12월"), 9),
					f.SetCellValue(import7Sheet, total, 9), f.SetCellFormula(import7Sheet, total, formula)} {
					if err != nil {
						return err
					}
				}
				return nil
			})
			if said, ok := import7Import(t, h, edited, 0); !ok {
				t.Fatalf("a raised cell under a title without its date was refused:\n%s", said)
			}
			if got := h.liveSum(`as_of BETWEEN '2026-12-01' AND '2026-12-31'`); got != before+3 {
				t.Errorf("SQL sum of December %d after the import, want %d", got, before+3)
			}
		})
	}
}

// With the date gone from every report sheet's title, nothing establishes
// the report the file is compared with: the file is refused naming the
// title (A1), never imported unchecked.
func TestImport7NoReportDateRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, data := import7Ledger(t, lang)
			edited := import7Edit(t, data, func(f *excelize.File) error {
				for _, s := range f.GetSheetList() {
					if v, _ := f.GetCellValue(s, "A1"); strings.Contains(v, "기준)") {
						if err := f.SetCellValue(s, "A1", strings.SplitN(v, " (", 2)[0]); err != nil {
							return err
						}
					}
				}
				return nil
			})
			for _, year := range []int{0, 2026} {
				import7Refused(t, h, "no date", edited, year, "A1", "`2026년 일자리사업 추진실적`",
					h.by("report date cannot be read", "보고 기준일을 읽을 수 없고"))
			}
		})
	}
}

// A title whose year is changed (2025년 over a report of 2026. 12. 7.)
// would file the 2026 report's figures in 2025 unchecked: refused.
func TestImport7TitleYearOtherThanReportDateRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, data := import7Ledger(t, lang)
			for _, title := range []string{"2025년 일자리사업 추진실적", "2025년 일자리사업 추진실적 (2026. 12. 7. 기준)"} {
				edited := import7Edit(t, data, func(f *excelize.File) error {
					return f.SetCellValue(import7Sheet, "A1", title)
				})
				import7Refused(t, h, title, edited, 0, "2026. 12. 7.", h.by("the year 2025", "2025년인데"))
			}
			if got := h.liveSum(`as_of < '2026-01-01'`); got != 0 {
				t.Errorf("SQL sum of 2025 %d, want 0", got)
			}
		})
	}
}

// A view sheet renamed (공시유형별 → 공시유형별 (수정)) was not compared: its
// edit dropped unnamed. It is found by its title and refused by its name.
func TestImport7RenamedViewSheetCompared(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, data := import7Ledger(t, lang)
			var view string
			edited := import7Edit(t, data, func(f *excelize.File) error {
				view = import7Cell(t, f, "공시유형별", "", "12월")
				if err := f.SetCellValue("공시유형별", view, 30); err != nil {
					return err
				}
				return f.SetSheetName("공시유형별", "공시유형별 (수정)")
			})
			import7Refused(t, h, "renamed", edited, 0, "공시유형별 (수정)", view)
		})
	}
}

// With the 누계 and 증감 headers renamed, a figure typed over the 누계
// formula was not looked for (the check finds those columns by header)
// and the file said 가져왔습니다, the figure dropped. It is found by the
// export's formulas and refused naming the cell.
func TestImport7RenamedFormulaHeadersStillChecked(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, data := import7Ledger(t, lang)
			youth := h.sqlStr(`SELECT name_ko FROM programs WHERE code = 'youth'`)
			var total string
			edited := import7Edit(t, data, func(f *excelize.File) error {
				total = import7Cell(t, f, import7Sheet, youth, "누계")
				for _, head := range []string{"누계", "증감"} {
					cell := import7Cell(t, f, import7Sheet, "", head)
					col, _, _ := excelize.SplitCellName(cell)
					if err := f.SetCellValue(import7Sheet, col+"4", head+"(수정)"); err != nil {
						return err
					}
				}
				return f.SetCellValue(import7Sheet, total, 50)
			})
			import7Refused(t, h, "headers renamed", edited, 0, total, "`50`")
		})
	}
}
