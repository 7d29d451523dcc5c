package importer_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
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

// Review r19b-M3: 지난달 in a file was read as of the import day, so a
// row dated 2026-04-15 with `지난달 누락분`, written in April (meaning
// March) and imported on 15 May, passed as April's. A file does not say
// when its notes were written: a month counted from then (지난달,
// 지지난달, 작년 12월분, 작년말) is refused by its line, in both languages.
func TestImportRelativeMonthInANoteIsRefused(t *testing.T) {
	store := dbtest.New(t)
	csvText := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n" +
		"2026-04-15,youth,,7,증가분,,,채용,지난달 누락분\n" +
		"2025-12-31,youth,,8,증가분,,,채용,작년말 기준\n" +
		"2026-04-16,youth,,9,증가분,,,채용,4월 채용박람회\n" +
		"2026-03-31,youth,,6,증가분,,,채용,지지난달\n"
	f, problems, err := reader(t, store).Read("dept.csv", []byte(csvText))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 3 || problems[0].Line != 2 || problems[1].Line != 3 || problems[2].Line != 5 {
		t.Fatalf("problems: %+v", problems)
	}
	res := commands.ImportResult{}
	ko := commands.ImportPreview(f, problems, res, false, commands.Korean)
	en := commands.ImportPreview(f, problems, res, false, commands.English)
	for text, wants := range map[string][]string{
		ko: {"2행 [메모]", "`지난달`", "어느 달인지 알 수 없으므로", "3행 [메모]", "`작년말`", "5행 [메모]", "`지지난달`"},
		en: {"line 2 [메모]", "`지난달`", "a month counted from the day the note was written", "line 3 [메모]", "line 5 [메모]"},
	} {
		for _, w := range wants {
			if !strings.Contains(text, w) {
				t.Errorf("preview lacks %q:\n%s", w, text)
			}
		}
	}
}
