package importer_test

import (
	"testing"

	"jobsbot/db/dbtest"
)

// Review r19 F4 / r19b-F3: the importer reads a note's month as add does
// (commands.NoteNamesAnotherMonth), so the everyday spellings that slipped
// past it (2026.4월분, 4.30기준, 4月分, April, 25년 5월분) filed a
// department's April rows in May. Each is refused by its line;
// figures that are no month and the row's own month read.
func TestImportNoteMonthSpellingsAreRefused(t *testing.T) {
	store := dbtest.New(t)
	csvText := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n" +
		"2026-05-01,youth,,7,증가분,,,채용,2026.4월분\n" +
		"2026-05-01,youth,,8,증가분,,,채용,4.30기준 누계\n" +
		"2026-05-01,youth,,9,증가분,,,채용,1.5배 증가\n" +
		"2026-05-01,youth,,6,증가분,,,채용,4月分\n" +
		"2026-05-01,youth,,5,증가분,,,채용,April hires\n" +
		"2026-05-01,youth,,4,증가분,,,채용,5월 채용박람회 1/2명\n" +
		"2026-05-01,youth,,3,증가분,,,채용,25년 5월분\n"
	_, problems, err := reader(t, store).Read("dept.csv", []byte(csvText))
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
	want := []int{2, 3, 5, 6, 8}
	if len(lines) != len(want) {
		t.Fatalf("problems on lines %v, want %v: %+v", lines, want, problems)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Fatalf("problems on lines %v, want %v", lines, want)
		}
	}
}
