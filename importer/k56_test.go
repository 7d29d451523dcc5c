package importer_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r21 B5/M1/M3/M6: the importer reads a row's note as add does
// (commands.NoteNamesAnotherMonth). A January row whose note gives last
// year's December in numbers (`2026. 12. 누락분`) or as a year or period
// (`2026년도 실적`, `연말 기준`) is refused by its line, and `작년분` /
// `작년 4분기` (counted from the day the note was written) as the other
// relative words are; `3/4분기` on a December row is the third quarter,
// `1월~11월분` November's; figures (`3.14`, `1/2 정도`) and the row's own
// period (`4/4분기`, `1월~12월분`) read.
func TestK56ImportNoteYearAndPeriod(t *testing.T) {
	store := dbtest.New(t)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n"
	for _, tc := range []struct {
		today time.Time
		rows  string
		lines []int
		wants []string
	}{
		{time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC),
			"2027-01-04,youth,,5,증가분,,,채용,2026. 12. 누락분\n" +
				"2027-01-04,youth,,6,증가분,,,채용,2026년도 실적\n" +
				"2027-01-04,youth,,7,증가분,,,채용,연말 기준\n" +
				"2027-01-04,youth,,8,증가분,,,채용,작년분\n" +
				"2027-01-04,youth,,9,증가분,,,채용,작년 4분기\n" +
				"2027-01-04,youth,,3,증가분,,,채용,3.14\n" +
				"2027-01-04,youth,,2,증가분,,,채용,1/2 정도\n" +
				"2027-01-04,youth,,1,증가분,,,채용,2026-1호 공고\n",
			[]int{2, 3, 4, 5, 6}, []string{"`2026. 12.`", "`2026년도 실적`", "`연말`", "`작년분`", "`작년 4분기`", "2026년 12월 실적", "2026년 1~12월 실적", "2026. 12. 31."}},
		{time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC),
			"2026-12-03,youth,,5,증가분,,,채용,3/4분기 실적\n" +
				"2026-12-03,youth,,6,증가분,,,채용,1월~11월분\n" +
				"2026-12-03,youth,,7,증가분,,,채용,4/4분기\n" +
				"2026-12-03,youth,,8,증가분,,,채용,1월~12월분\n" +
				"2026-12-03,youth,,9,증가분,,,채용,1/2 정도\n",
			[]int{2, 3}, []string{"`3/4분기 실적`", "2026년 7~9월 실적", "2026. 9. 30.", "`1월~11월분`", "2026년 11월 실적"}},
	} {
		rd := reader(t, store)
		rd.Today = tc.today
		f, problems, err := rd.Read("dept.csv", []byte(head+tc.rows))
		if err != nil {
			t.Fatal(err)
		}
		var lines []int
		for _, p := range problems {
			if p.Column != "메모" {
				t.Errorf("problem outside 메모: %+v", p)
			}
			lines = append(lines, p.Line)
		}
		if len(lines) != len(tc.lines) {
			t.Fatalf("problems on lines %v, want %v: %+v", lines, tc.lines, problems)
		}
		for i := range lines {
			if lines[i] != tc.lines[i] {
				t.Fatalf("problems on lines %v, want %v", lines, tc.lines)
			}
		}
		ko := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.Korean)
		for _, w := range tc.wants {
			if !strings.Contains(ko, w) {
				t.Errorf("preview lacks %q:\n%s", w, ko)
			}
		}
	}
}
