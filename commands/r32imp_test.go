package commands_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/export"
)

// csvRows reads an exported CSV (its BOM kept apart) as rows of cells.
func csvRows(t *testing.T, data []byte) (rows [][]string, bom bool) {
	t.Helper()
	body, bom := bytes.CutPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows, bom
}

func writeCSV(t *testing.T, rows [][]string, bom bool) []byte {
	t.Helper()
	var out bytes.Buffer
	if bom {
		out.WriteString("\ufeff")
	}
	w := csv.NewWriter(&out)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// newEntryRow is an entries row typed by hand in the export's columns: a
// new hire of count youth jobs on asOf, no 번호 nor 기록 식별자.
func newEntryRow(header []string, asOf string, count int) []string {
	vals := map[string]string{"기준일": asOf, "사업코드": "youth", "일자리 수": fmt.Sprint(count), "보고 방식": "증가분",
		"상태": "채용", "메모": "중순 채용"}
	row := make([]string, len(header))
	for i, h := range header {
		row[i] = vals[h]
	}
	return row
}

// Review r32 F11: a 주무관 added new rows at the bottom of an exported 명세
// CSV, below its "[실적 없음 보고]" block; the import stopped reading at the
// block, said "새 기록 0건" and the rows (22 jobs) vanished without a word.
// Every line of the file is now read or refused by its line: a row below
// the block that is no 실적 없음 line is refused, naming the line and where
// to put it, and nothing is written; moved above the block it is read.
func TestR32RowsBelowNothingBlockAreNamed(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			h.run(manager, byLang(lang, "add 35 youth date:2026-11-20", "추가 청년 35 11/20"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "none 2026-10 dept:노인복지과", "실적없음 2026-10 부서:노인복지과"), commands.OutcomeOK)
			before, entries := h.liveSumAll(), h.sqlInt(`SELECT count(*) FROM entries`)
			name, data := h.exportEntries(lang, "csv")
			// New rows have no order: the two order columns are deleted, as
			// the bot asks of an edited file.
			data = dropColumns(t, data, "기록 순번", "무효 순번")
			rows, bom := csvRows(t, data)
			block := slices.IndexFunc(rows, func(r []string) bool { return r[0] == export.CSVNothingSection })
			if block < 0 || len(rows) < block+3 {
				t.Fatalf("no 실적 없음 block with a report in the export:\n%s", data)
			}
			added := [][]string{newEntryRow(rows[0], "2026-11-24", 10), newEntryRow(rows[0], "2026-11-25", 12)}
			// A short row, its count not typed yet, is no 실적 없음 line
			// either: its date is a day.
			short := make([]string, len(rows[0]))
			short[1], short[2] = "2026-11-23", "youth"
			below := append(slices.Clone(rows), append(added, short)...)
			firstLine := len(rows) + 1 // file lines from 1
			preview, applied := h.importFile(lang, name, writeCSV(t, below, bom))
			for i := range len(added) + 1 {
				mustContain(t, preview, byLang(lang,
					fmt.Sprintf("line %d", firstLine+i), fmt.Sprintf("%d행", firstLine+i)))
			}
			mustContain(t, preview, byLang(lang,
				"an entry row below the 실적 없음 (no jobs) reports section",
				"실적 없음 보고 부분 아래에 있는 기록 행입니다. 기록 행은 그 위에 넣으십시오"))
			if applied != "" {
				t.Errorf("the preview offered to apply a file with refused lines:\n%s\n%s", preview, applied)
			}
			if got := h.liveSumAll(); got != before {
				t.Errorf("live jobs %d after the refused import, %d before (SQL SUM)", got, before)
			}
			if strings.Contains(preview, byLang(lang, "0 new", "새 기록 0건")) {
				t.Errorf("the preview counts the rows below the block as nothing new:\n%s", preview)
			}
			// A second header line below the block re-pointed its columns,
			// so that an entry row after it read as a 실적 없음 line and
			// was dropped unread (review r35 M10): only the block's first
			// line is its header.
			fake := make([]string, len(rows[0]))
			for i := range fake {
				fake[i] = fmt.Sprintf("h%d", i)
			}
			fake[1] = "해당 월"
			fake[slices.Index(rows[0], "보고 누계")] = "무효"
			slipped := append(slices.Clone(rows), fake, newEntryRow(rows[0], "2026-11-01", 500))
			preview, applied = h.importFile(lang, name, writeCSV(t, slipped, bom))
			mustContain(t, preview, byLang(lang, fmt.Sprintf("line %d", len(rows)+1), fmt.Sprintf("%d행", len(rows)+1)),
				byLang(lang, fmt.Sprintf("line %d", len(rows)+2), fmt.Sprintf("%d행", len(rows)+2)))
			if applied != "" || h.liveSumAll() != before {
				t.Errorf("a row below a second header was imported or offered:\n%s\n%s", preview, applied)
			}
			// The 실적 없음 lines themselves are no problem: the file as
			// exported, and the rows moved above the block, are read.
			above := slices.Concat(rows[:block], added, rows[block:])
			preview, applied = h.importFile(lang, name, writeCSV(t, above, bom))
			if applied == "" {
				t.Fatalf("the rows above the block were not offered for import:\n%s", preview)
			}
			if got, want := h.liveSumAll(), before+22; got != want {
				t.Errorf("live jobs %d after the import (SQL SUM), want %d\n%s\n%s", got, want, preview, applied)
			}
			if got := h.sqlInt(`SELECT count(*) FROM entries`); got != entries+2 {
				t.Errorf("%d entries after the import, want %d", got, entries+2)
			}
			// An 실적 없음 line kept below, as exported, is still no problem.
			preview, _ = h.importFile(lang, name, data)
			if strings.Contains(preview, byLang(lang, "Problems found", "문제 ")) {
				t.Errorf("the export as it is shows problems:\n%s", preview)
			}
		})
	}
}

// Review r32 F12: after its month was reopened, a 마감 후 정정 row of this
// very ledger (same 기록 식별자, counted among "이미 있는 기록") was said to be
// imported without its mark ("이 표시와 월 마감은 가져오지 않습니다 … 이 원장에서는
// 그 기록이 마감 후 정정으로 나오지 않고"): nothing is imported for it, and its
// mark stays in this ledger. The preview says so, whether the month is
// closed here or not.
func TestR32OwnAfterCloseRowInReopenedMonth(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			now := time.Date(2026, 10, 21, 3, 0, 0, 0, time.UTC)
			h.withClock(&now)
			h.run(manager, byLang(lang, "add 10 youth date:2026-10-20", "추가 청년 10 10/20"), commands.OutcomeOK)
			now = time.Date(2026, 11, 5, 3, 0, 0, 0, time.UTC)
			h.run(manager, byLang(lang, "close 2026-10", "마감 10월"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "add 4 youth date:2026-10-30 reason:late report", "추가 청년 4 10/30 사유:늦은 보고"), commands.OutcomeOK)
			if n := h.sqlInt(`SELECT count(DISTINCT entry_id) FROM entry_after_close`); n != 1 {
				t.Fatalf("%d 마감 후 정정 marks, want 1", n)
			}
			h.run(manager, byLang(lang, "close reopen 2026-10 two rows to add", "마감 해제 10월 두 행 추가"), commands.OutcomeOK)
			before := h.liveSumAll()
			name, data := h.exportEntries(lang, "csv")
			preview, _ := h.importFile(lang, name, data)
			mustContain(t, preview, byLang(lang,
				"1 row marked 마감 후 정정 is an entry this ledger already holds (same 기록 식별자), so nothing is imported for it",
				"마감 후 정정 표시가 있는 행 1건은 이 원장에 이미 있는 기록이어서(기록 식별자가 같음) 가져올 것이 없습니다"))
			for _, bad := range []string{"가져오지 않습니다. 이 원장에서는", "나오지 않고", "not listed as changed after close",
				"그 달의 마감이 이 원장에 그대로", "month's close stay"} {
				if strings.Contains(preview, bad) {
					t.Errorf("the preview says %q of this very ledger's row:\n%s", bad, preview)
				}
			}
			if got := h.liveSumAll(); got != before {
				t.Errorf("the import moved the ledger from %d to %d (SQL SUM)", before, got)
			}
			if n := h.sqlInt(`SELECT count(DISTINCT entry_id) FROM entry_after_close`); n != 1 {
				t.Errorf("%d 마감 후 정정 marks after the import, want 1", n)
			}
		})
	}
}

// Review r32 F10: the December 현황, taken in January, showed a department
// as "0개 · 실적 없음 보고(2026년 11월)": November's report, so that December
// looked reported though the department reported nothing for it (`마감
// 12월` named it unreported). The line names the month the report is for
// and says the judged month has none yet; a month it did report for keeps
// the plain label.
func TestR32NothingReportNamesItsMonth(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			now := time.Date(2026, 12, 2, 1, 0, 0, 0, time.UTC)
			h.withClock(&now)
			h.run(manager, byLang(lang, "none 2026-11 dept:여성가족과", "실적없음 2026-11 부서:여성가족과"), commands.OutcomeOK)
			now = time.Date(2027, 1, 4, 1, 0, 0, 0, time.UTC)
			dec := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE department = '여성가족과' AND voided_at IS NULL
				AND status = 'realised' AND as_of BETWEEN '2026-12-01' AND '2026-12-31'`)
			text := h.run(manager, byLang(lang, "status last month", "현황 지난달"), commands.OutcomeOK).Text()
			mustContain(t, text, byLang(lang,
				fmt.Sprintf("여성가족과: %d · reported no jobs (실적 없음) for November 2026; nothing reported yet for December 2026", dec),
				fmt.Sprintf("여성가족과: %d개 · 실적 없음 보고(2026년 11월), 2026년 12월 보고는 아직 없음", dec)))
			nov := h.run(manager, byLang(lang, "status 2026-11", "현황 2026년 11월"), commands.OutcomeOK).Text()
			for _, line := range strings.Split(nov, "\n") {
				if strings.HasPrefix(line, "여성가족과") && strings.Contains(line, byLang(lang, "nothing reported yet", "아직 없음")) {
					t.Errorf("November, which it reported, is called unreported: %s", line)
				}
			}
			mustContain(t, nov, byLang(lang, "여성가족과: 0 · reported no jobs (실적 없음) for November 2026", "여성가족과: 0개 · 실적 없음 보고(2026년 11월)"))
		})
	}
}

// Review r32 F4: an approximate agreement with no hires showed "이행률 0%
// 이하" (a rate is never below 0%), and 600 of 13,500여 "4% 이하" (it is
// 4.4%, so "4% 이하" is false). No hires is 0%; a rate above 0 and under
// 1% is "1% 미만"; otherwise about the rate to a tenth, computed here from
// the SQL sums, lower perhaps since the agreement is approximate.
func TestR32ApproximateAgreementRateWords(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			sums := func() (agreed, hired int64) {
				q := `SELECT COALESCE(SUM(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
					WHERE e.voided_at IS NULL AND p.code = 'invest' AND e.status = `
				return h.sqlInt(q + `'agreed'`), h.sqlInt(q + `'realised'`)
			}
			status := byLang(lang, "status", "현황")
			h.run(manager, byLang(lang, "add 13500여 invest status:agreed date:2026-11-20", "추가 13500여 투자 11/20 상태:약정"), commands.OutcomeOK)
			a, r := sums()
			text := h.run(manager, status, commands.OutcomeOK).Text()
			mustContain(t, text, byLang(lang,
				fmt.Sprintf("agreed about %s · hired %d · 0%%", formatCount(a), r),
				fmt.Sprintf("약정 %s여개 · 채용 %d개 · 이행률 0%%", formatCount(a), r)))
			if strings.Contains(text, byLang(lang, "at most", "이하")) {
				t.Errorf("no hires is said as a bound:\n%s", text)
			}
			h.run(manager, byLang(lang, "hire 1 60 2026-11-21", "채용 1 60 11/21"), commands.OutcomeOK)
			a, r = sums()
			text = h.run(manager, status, commands.OutcomeOK).Text()
			mustContain(t, text, byLang(lang,
				fmt.Sprintf("agreed about %s · hired %d · under 1%%", formatCount(a), r),
				fmt.Sprintf("약정 %s여개 · 채용 %d개 · 이행률 1%% 미만", formatCount(a), r)))
			h.run(manager, byLang(lang, "hire 1 540 2026-11-22", "채용 1 540 11/22"), commands.OutcomeOK)
			a, r = sums()
			tenths := (r*2000 + a) / (2 * a) // 600 of 13,500: 44.4 tenths → 44
			rate := fmt.Sprintf("%d.%d", tenths/10, tenths%10)
			for _, cmd := range []string{status, byLang(lang, "report", "보고서")} {
				text = h.run(manager, cmd, commands.OutcomeOK).Text()
				mustContain(t, text, byLang(lang,
					fmt.Sprintf("agreed about %s · hired %d · about %s%% (the agreement is approximate, so the exact rate may be lower)", formatCount(a), r, rate),
					fmt.Sprintf("약정 %s여개 · 채용 %d개 · 이행률 약 %s%%(약정이 어림수여서 실제 이행률은 이보다 낮을 수 있음)", formatCount(a), r, rate)))
				for _, bad := range []string{"이하", "at most"} {
					if strings.Contains(text, bad) {
						t.Errorf("%s says %q:\n%s", cmd, bad, text)
					}
				}
			}
			if a != 13500 || r != 600 || rate != "4.4" {
				t.Errorf("SQL: agreed %d, hired %d, rate %s; want 13500, 600, 4.4", a, r, rate)
			}
		})
	}
}

// Review r32 F15: on 2027-01-15 `현황 1~12월` was 2026's (review r24 F23)
// but `현황 1~2월` 2027's: one form, two years. One rule now, the README's:
// a range from January typed in January without a year is last year's,
// whatever its last month; the reply says so first and gives this year's
// line, which reads this year's. Totals are the SQL sums of each span.
func TestR32JanuaryMonthRangesReadOneYear(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			now := time.Date(2026, 2, 10, 1, 0, 0, 0, time.UTC)
			h.withClock(&now)
			h.run(manager, byLang(lang, "add 7 youth date:2026-02-10", "추가 청년 7 2/10"), commands.OutcomeOK)
			now = time.Date(2026, 12, 10, 1, 0, 0, 0, time.UTC)
			h.run(manager, byLang(lang, "add 3 youth date:2026-12-10", "추가 청년 3 12/10"), commands.OutcomeOK)
			now = time.Date(2027, 1, 15, 1, 0, 0, 0, time.UTC)
			h.run(manager, byLang(lang, "add 2 youth date:2027-01-14", "추가 청년 2 1/14"), commands.OutcomeOK)
			sum := func(from, to string) int64 {
				return h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'
					AND as_of BETWEEN $1::date AND $2::date`, from, to)
			}
			for _, tc := range []struct {
				typed, heading string
				from, to       string
				last           int
			}{
				{"1~12월", byLang(lang, "2026", "2026년"), "2026-01-01", "2026-12-31", 12},
				{"1~2월", byLang(lang, "2026-01~02", "2026년 1~2월"), "2026-01-01", "2026-02-28", 2},
			} {
				text := h.run(manager, byLang(lang, "status ", "현황 ")+tc.typed, commands.OutcomeOK).Text()
				lines := strings.Split(text, "\n")
				if len(lines) < 3 {
					t.Fatalf("short reply:\n%s", text)
				}
				mustContain(t, lines[0], tc.heading)
				mustContain(t, lines[2], byLang(lang,
					fmt.Sprintf("`%s` without a year is read as 2026's: in January a range from January is the year just ended. For 2027's so far, type `status 2027-1~%d`.", tc.typed, tc.last),
					fmt.Sprintf("연도 없이 입력한 `%s`은 작년(2026년) 기간으로 보았습니다. 1월에는 1월부터의 기간을 막 끝난 작년 것으로 읽습니다. 올해 것은 `현황 2027년 1~%d월`처럼 입력하십시오.", tc.typed, tc.last)))
				want := sum(tc.from, tc.to)
				mustContain(t, lines[1], byLang(lang, ": "+formatCount(want), " "+formatCount(want)+"개"))
				// The line offered reads this year's, without the note.
				this := h.run(manager, byLang(lang, fmt.Sprintf("status 2027-1~%d", tc.last), fmt.Sprintf("현황 2027년 1~%d월", tc.last)), commands.OutcomeOK).Text()
				lines = strings.Split(this, "\n")
				mustContain(t, lines[0], byLang(lang, "2027", "2027년"))
				mustContain(t, lines[1], byLang(lang, ": "+formatCount(sum("2027-01-01", "2027-01-15")), " "+formatCount(sum("2027-01-01", "2027-01-15"))+"개"))
				if strings.Contains(this, byLang(lang, "without a year", "연도 없이")) {
					t.Errorf("this year's line carries the note:\n%s", this)
				}
			}
		})
	}
}

// Review r32 F11, the workbook: its 실적 없음 reports are a sheet of their
// own, so rows added at the end of the 실적 명세 sheet follow the entries and
// are read; the preview names the sheet read.
func TestR32WorkbookRowsAddedAtTheEndAreRead(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			h.run(manager, byLang(lang, "add 35 youth date:2026-11-20", "추가 청년 35 11/20"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "none 2026-10 dept:노인복지과", "실적없음 2026-10 부서:노인복지과"), commands.OutcomeOK)
			before := h.liveSumAll()
			name, data := h.exportEntries(lang, "xlsx")
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(f.GetSheetList(), export.SheetNothing) {
				t.Fatalf("no %s sheet: %v", export.SheetNothing, f.GetSheetList())
			}
			rows, err := f.GetRows(export.SheetEntries)
			if err != nil {
				t.Fatal(err)
			}
			header := rows[0]
			// New rows have no order: the order columns are deleted, last first.
			for _, col := range []string{"무효 순번", "기록 순번"} {
				i := slices.Index(header, col)
				if i < 0 {
					t.Fatalf("no %s column", col)
				}
				name, _ := excelize.ColumnNumberToName(i + 1)
				if err := f.RemoveCol(export.SheetEntries, name); err != nil {
					t.Fatal(err)
				}
				header = slices.Delete(header, i, i+1)
			}
			for i, r := range [][]string{newEntryRow(header, "2026-11-24", 10), newEntryRow(header, "2026-11-25", 12)} {
				cells := make([]any, len(r))
				for j, c := range r {
					cells[j] = c
				}
				cell, _ := excelize.CoordinatesToCellName(1, len(rows)+1+i)
				if err := f.SetSheetRow(export.SheetEntries, cell, &cells); err != nil {
					t.Fatal(err)
				}
			}
			var out bytes.Buffer
			if err := f.Write(&out); err != nil {
				t.Fatal(err)
			}
			preview, applied := h.importFile(lang, name, out.Bytes())
			mustContain(t, preview, byLang(lang, "Read the sheet `실적 명세`.", "`실적 명세` 시트를 읽었습니다."))
			if got, want := h.liveSumAll(), before+22; got != want {
				t.Errorf("live jobs %d after the import (SQL SUM), want %d\n%s\n%s", got, want, preview, applied)
			}
		})
	}
}
