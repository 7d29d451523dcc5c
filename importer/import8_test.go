package importer_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// import8Header is the header of a colleague's hand-made sheet: no 번호,
// no 기록 일시, no 기록 식별자.
var import8Header = []string{"기준일", "사업명", "부서", "일자리 수", "상태", "메모"}

// import8CSV writes rows under import8Header as a CSV.
func import8CSV(rows [][]string) []byte {
	var b strings.Builder
	b.WriteString("\uFEFF" + strings.Join(import8Header, ",") + "\n")
	for _, r := range rows {
		b.WriteString(strings.Join(r, ",") + "\n")
	}
	return []byte(b.String())
}

// import8XLSX writes the same rows as a workbook; a 기준일 written
// YYYY-MM-DD is stored as an Excel date, as a sheet holds a typed date.
func import8XLSX(t *testing.T, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	if err := f.SetSheetRow(sheet, "A1", &import8Header); err != nil {
		t.Fatal(err)
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cells := make([]any, len(r))
		for j, c := range r {
			cells[j] = c
		}
		if d, err := time.Parse(time.DateOnly, r[0]); err == nil {
			cells[0] = d
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sheet, cell, &cells); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// import8File is rows as a file of format (csv or xlsx), and its name.
func import8File(t *testing.T, format string, rows [][]string) (string, []byte) {
	if format == "xlsx" {
		return "hand.xlsx", import8XLSX(t, rows)
	}
	return "hand.csv", import8CSV(rows)
}

// import8Nothing checks that a refused file wrote nothing: no entry, no
// import, no import_entries line.
func (h *ifx) import8Nothing(why string) {
	h.t.Helper()
	for _, table := range []string{"entries", "imports", "import_entries"} {
		if n := h.sqlInt(`SELECT count(*) FROM ` + table); n != 0 {
			h.t.Errorf("%s: %d rows in %s, want none", why, n, table)
		}
	}
}

// Review r47: two rows of one file reading as the same entry (no
// 기록 식별자, the same 기준일, 사업, 부서, 일자리 수, 상태 and 메모) were
// merged into one, the preview calling the other "이미 있는 기록" though the
// ledger held nothing like it; a 기준일 written `2027-03-04` on one row and
// `3월 4일` on the other did the same. Such rows are refused, naming both
// lines, nothing written (CSV and xlsx alike, through /jobs 가져오기); told
// apart by their 메모 the same rows are recorded, each its own entry, and
// the same file sent again adds nothing ("이미 있는 기록").
func TestImport8RowsReadAsOneEntryAreRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(string(lang)+" "+format, func(t *testing.T) {
				t.Parallel()
				h := newIfx(t, lang, "2027-03-08")
				// hand4.csv of the review
				name, data := import8File(t, format, [][]string{
					{"2027-03-05", "여성 일자리", "여성가족과", "10", "채용", "새일센터 취업"},
					{"2027-03-05", "여성 일자리", "여성가족과", "10", "채용", "새일센터 취업"},
					{"2027-03-05", "여성 일자리", "여성가족과", "10", "채용", ""},
				})
				preview, applied, outcome := h.importFile(name, data)
				if outcome == commands.OutcomeOK || applied != "" {
					t.Fatalf("rows 2 and 3 merged: %s\n%s\n%s", outcome, preview, applied)
				}
				mustHave(t, preview, h.by("Lines 2 and 3 read as the same record", "2행과 3행이 같은 기록으로 읽힙니다"),
					h.by("2027-03-05, 여성 일자리, 10 jobs realised, 여성가족과", "2027. 3. 5. 여성 일자리 10개 채용, 여성가족과"),
					h.by("note `새일센터 취업`", "메모 `새일센터 취업`"),
					h.by("delete one line", "한 행을 지우고"),
					h.by("tell them apart in 메모", "메모로 구분해"))
				if strings.Contains(preview, h.by("already in the ledger", "이미 있는 기록")) {
					t.Errorf("the preview still calls a row of the file already in the ledger:\n%s", preview)
				}
				h.import8Nothing("hand4")

				// One 기준일 written two ways: the same day.
				name, data = import8File(t, format, [][]string{
					{"2027-03-04", "지역공동체사업", "", "15", "채용", ""},
					{"3월 4일", "지역공동체사업", "", "15", "채용", ""},
				})
				preview, applied, outcome = h.importFile(name, data)
				if outcome == commands.OutcomeOK || applied != "" {
					t.Fatalf("the two dates merged: %s\n%s\n%s", outcome, preview, applied)
				}
				mustHave(t, preview, h.by("Lines 2 and 3 read as the same record", "2행과 3행이 같은 기록으로 읽힙니다"),
					"`2027-03-04`", "`3월 4일`", h.by("no note", "메모 없음"))
				h.import8Nothing("two dates")

				// Told apart by their notes, both rows are recorded.
				told := [][]string{
					{"2027-03-05", "여성 일자리", "여성가족과", "10", "채용", "새일센터 취업 1차"},
					{"2027-03-05", "여성 일자리", "여성가족과", "10", "채용", "새일센터 취업 2차"},
					{"2027-03-05", "여성 일자리", "여성가족과", "10", "채용", ""},
				}
				name, data = import8File(t, format, told)
				preview, applied, outcome = h.importFile(name, data)
				if outcome != commands.OutcomeOK || applied == "" {
					t.Fatalf("the rows told apart: %s\n%s\n%s", outcome, preview, applied)
				}
				if got := h.liveSum(`as_of = '2027-03-05'`); got != 30 {
					t.Fatalf("SQL sum of 2027-03-05 %d, want 30", got)
				}
				if got := h.sqlInt(`SELECT count(*) FROM import_entries`); got != 3 {
					t.Errorf("import_entries holds %d lines, want 3", got)
				}
				// The same rows again, with one more: the three are already
				// in the ledger, the new one is recorded.
				name, data = import8File(t, format, append(told,
					[]string{"2027-03-06", "여성 일자리", "여성가족과", "2", "채용", ""}))
				preview, applied, outcome = h.importFile(name, data)
				if outcome != commands.OutcomeOK || applied == "" {
					t.Fatalf("the same rows sent again: %s\n%s\n%s", outcome, preview, applied)
				}
				mustHave(t, preview, h.by("3 already in the ledger", "이미 있는 기록 3건"))
				if got := h.liveSum(`as_of BETWEEN '2027-03-01' AND '2027-03-31'`); got != 32 {
					t.Errorf("SQL sum of March %d, want 32", got)
				}
			})
		}
	}
}

// Review r47: an import meeting a closed month said "먼저 `/jobs 마감
// 해제`로 마감을 해제한 뒤" without the month or the reason the command
// needs. Each closed month's row names the command as it is typed, that
// month and `<사유>` in it; typed with a reason it reopens the month, and
// the same file then imports.
func TestImport8ClosedMonthNamesTheReopenCommand(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newIfx(t, lang, "2027-03-08")
			h.run(h.by("close 2027-01", "마감 2027년 1월"), commands.OutcomeOK)
			h.run(h.by("close 2027-02", "마감 2027년 2월"), commands.OutcomeOK)
			name, data := import8File(t, "csv", [][]string{
				{"2027-01-20", "여성 일자리", "여성가족과", "4", "채용", ""},
				{"2027-02-26", "여성 일자리", "여성가족과", "10", "채용", ""},
				{"2027-03-05", "여성 일자리", "여성가족과", "3", "채용", ""},
			})
			preview, applied, outcome := h.importFile(name, data)
			if outcome == commands.OutcomeOK || applied != "" {
				t.Fatalf("an import into closed months: %s\n%s\n%s", outcome, preview, applied)
			}
			jan := h.by("`/jobs close reopen 2027-01 <reason>`", "`/jobs 마감 해제 2027년 1월 <사유>`")
			feb := h.by("`/jobs close reopen 2027-02 <reason>`", "`/jobs 마감 해제 2027년 2월 <사유>`")
			mustHave(t, preview, jan, feb, h.by("`/jobs close 2027-02`", "`/jobs 마감 2027년 2월`"))
			h.import8Nothing("closed months")
			// The command named, typed with a reason, reopens each month.
			for _, cmd := range []string{jan, feb} {
				line := strings.TrimPrefix(strings.Trim(cmd, "`"), "/jobs ")
				line = strings.NewReplacer("<reason>", "rows missed", "<사유>", "누락 실적 보완").Replace(line)
				h.run(line, commands.OutcomeOK)
			}
			preview, applied, outcome = h.importFile(name, data)
			if outcome != commands.OutcomeOK || applied == "" {
				t.Fatalf("after reopening: %s\n%s\n%s", outcome, preview, applied)
			}
			if got := h.liveSum(`as_of BETWEEN '2027-01-01' AND '2027-03-31'`); got != 17 {
				t.Errorf("SQL sum of the three months %d, want 17", got)
			}
		})
	}
}

// Review r47, the same in a department's 취합 양식: a line is a program's
// figure for each month, and a second line of the same program and month
// was read as that month's figure again: two lines of 10 were stored as
// 10 (the other called 장부와 같아 그대로 둔 칸), 10 and 12 as 12. Both
// lines are named and nothing is written; the sum on one line imports.
func TestImport8TemplateProgramMonthTwiceIsRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newIfx(t, lang, "2027-03-08")
			head := "2027년 일자리 실적 취합 양식 제출 부서: 여성가족과\n사업명,1월,2월,비고\n"
			for _, rows := range []string{"여성 일자리,10,,\n여성 일자리,10,,\n", "여성 일자리,,10,\n여성 일자리,3,12,\n"} {
				preview, applied, outcome := h.importFile("dept.csv", []byte(head+rows))
				if outcome == commands.OutcomeOK || applied != "" {
					t.Fatalf("%q: %s\n%s\n%s", rows, outcome, preview, applied)
				}
				mustHave(t, preview, h.by("Lines 3 and 4 both give the figure of 여성 일자리 for 2027-0",
					"3행과 4행이 모두 여성 일자리의 2027년 "), h.by("write their sum on one line", "두 행의 수를 더해 한 행에"))
				h.import8Nothing(rows)
			}
			preview, applied, outcome := h.importFile("dept.csv", []byte(head+"여성 일자리,3,22,\n"))
			if outcome != commands.OutcomeOK || applied == "" {
				t.Fatalf("the sum on one line: %s\n%s\n%s", outcome, preview, applied)
			}
			if got := h.liveSum(`as_of BETWEEN '2027-02-01' AND '2027-02-28'`); got != 22 {
				t.Errorf("SQL sum of February %d, want 22", got)
			}
		})
	}
}
