package commands_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// r34cHeader is an entries file's columns as a department types new rows,
// with the 기록 식별자 and 기록 일시 an export carries.
var r34cHeader = []string{"기준일", "사업코드", "일자리 수", "보고 방식", "상태", "메모", "기록 식별자", "기록 일시"}

// r34cFile writes rows under r34cHeader as a CSV or a workbook.
func r34cFile(t *testing.T, format string, rows ...[]string) (string, []byte) {
	t.Helper()
	all := append([][]string{r34cHeader}, rows...)
	if format == "csv" {
		return "실적명세.csv", writeCSV(t, all, true)
	}
	f := excelize.NewFile()
	for i, r := range all {
		cells := make([]any, len(r))
		for j, c := range r {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &cells); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return "실적명세.xlsx", out.Bytes()
}

// Review r34 F7: an imported new row dated 12-07 with 메모 `12/4 입사 2명`
// was stored, while the console refuses the same line (the note names
// another day than the entry's). The import runs the console's note-day
// check: the row is refused on its line, naming the word and both days,
// and nothing is written (SQL); a note naming the row's own day imports.
// Relative words count from the row's 기록 일시 when it has a 기록
// 식별자, else they are refused as before. (Harness today: 2026-11-26.)
func TestR34cImportNoteNamesAnotherDay(t *testing.T) {
	t.Parallel()
	const origin = "0b7e3c1a-4d2f-4e8a-9c6b-1f2e3d4c5b6a"
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(string(lang)+" "+format, func(t *testing.T) {
				t.Parallel()
				h := newHarness(t, lang)
				// The console's own refusal of the line, as the review typed it.
				h.run(manager, byLang(lang, "add 2 youth date:2026-11-24 note:11/20 입사 2명", "추가 2 청년 11. 24. 메모:11/20 입사 2명"), commands.OutcomeRefused)
				sum := func() int64 { return h.liveSumAll() }
				rows := func() int64 { return h.sqlInt(`SELECT count(*) FROM entries`) }
				for _, tc := range []struct {
					name string
					row  []string
					want []string
				}{
					{"F7 repro", []string{"2026-11-24", "youth", "2", "증가분", "채용", "11/20 입사 2명", "", ""},
						[]string{byLang(lang, "line 2", "2행"), "`11/20`", byLang(lang, "2026-11-20", "2026. 11. 20."), byLang(lang, "2026-11-24", "2026. 11. 24.")}},
					{"day in words", []string{"2026-11-24", "youth", "3", "증가분", "채용", "11월 20일자 채용", "", ""},
						[]string{"`11월 20일자`", byLang(lang, "2026-11-20", "2026. 11. 20.")}},
					{"어제 from its 기록 일시", []string{"2026-11-23", "youth", "4", "증가분", "채용", "어제 입사", origin, "2026-11-25 10:00:00"},
						[]string{"`어제`", byLang(lang, "2026-11-24 counted from its 기록 일시 2026-11-25", "기록 일시 2026. 11. 25.부터 세면 2026. 11. 24.")}},
					{"목욜 from its 기록 일시", []string{"2026-11-24", "youth", "6", "증가분", "채용", "목욜 입사", origin, "2026-11-25 10:00:00"},
						[]string{"`목욜`", byLang(lang, "2026-11-19 counted from its 기록 일시 2026-11-25", "기록 일시 2026. 11. 25.부터 세면 2026. 11. 19.")}},
					{"어제 without 기록 일시", []string{"2026-11-24", "youth", "5", "증가분", "채용", "어제 입사", "", ""},
						[]string{"`어제`", byLang(lang, "counted back", "거꾸로 센 날")}},
					{"목욜 without 기록 일시", []string{"2026-11-19", "youth", "5", "증가분", "채용", "목욜 입사", "", ""},
						[]string{"`목욜`", byLang(lang, "counted back", "거꾸로 센 날")}},
				} {
					name, data := r34cFile(t, format, tc.row)
					before, n := sum(), rows()
					preview, applied := h.importFile(lang, name, data)
					if applied != "" {
						t.Errorf("%s: the row was imported:\n%s\n%s", tc.name, preview, applied)
					}
					mustContain(t, preview, tc.want...)
					if !strings.Contains(tc.name, "without") {
						mustContain(t, preview, byLang(lang, "give the row that date", "기준일을 그날로 고치고"),
							byLang(lang, "take that day out of the note", "메모에서 그 날짜를 뺀 뒤"))
					}
					if got := sum(); got != before {
						t.Errorf("%s: SQL sum %d, was %d", tc.name, got, before)
					}
					if got := rows(); got != n {
						t.Errorf("%s: %d entries written", tc.name, got-n)
					}
				}
				if got := rows(); got != 0 {
					t.Errorf("%d entries written, want none", got)
				}
				// The same-day note, and 어제 counted from a 기록 일시 the day after, import.
				name, data := r34cFile(t, format,
					[]string{"2026-11-24", "youth", "2", "증가분", "채용", "11/24 입사 2명", "", ""},
					[]string{"2026-11-24", "youth", "7", "증가분", "채용", "어제 입사", origin, "2026-11-25 10:00:00"})
				if preview, applied := h.importFile(lang, name, data); applied == "" {
					t.Fatalf("the same-day notes were not imported:\n%s", preview)
				}
				if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-11-24'`); got != 9 {
					t.Errorf("SQL sum on 2026-11-24 %d, want 9", got)
				}
				if got := sum(); got != 9 {
					t.Errorf("SQL sum %d, want 9", got)
				}
			})
		}
	}
}

// A row this ledger already holds (same 기록 식별자) is not checked again:
// an entry stored before the check (review r34 F7's #56), exported and
// imported back, is found as held, not refused.
func TestR34cHeldRowIsNotCheckedAgain(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(string(lang)+" "+format, func(t *testing.T) {
				t.Parallel()
				h := newHarness(t, lang)
				h.run(manager, byLang(lang, "add 2 youth date:2026-11-24 note:입사 2명", "추가 2 청년 11. 24. 메모:입사 2명"), commands.OutcomeOK)
				// as an import before this fix stored it
				h.sqlInt(`WITH u AS (UPDATE entries SET note = '11/20 입사 2명' RETURNING id) SELECT count(*) FROM u`)
				before, n := h.liveSumAll(), h.sqlInt(`SELECT count(*) FROM entries`)
				name, data := h.exportEntries(lang, format)
				preview, _ := h.importFile(lang, name, data)
				if strings.Contains(preview, "11/20") {
					t.Errorf("the held row was checked again:\n%s", preview)
				}
				mustContain(t, preview, byLang(lang, "1 already in the ledger", "이미 있는 기록 1건"))
				if got, m := h.liveSumAll(), h.sqlInt(`SELECT count(*) FROM entries`); got != before || m != n {
					t.Errorf("SQL sum %d (was %d), %d entries (was %d)", got, before, m, n)
				}
			})
		}
	}
}
