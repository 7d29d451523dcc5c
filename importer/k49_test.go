package importer_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r15 F17: a department's CSV row dated 2026-12-01 with 메모
// `11월분` was imported into December, while the same line typed is
// refused. A row without a 기록 식별자 whose note names another month
// than its 기준일 is refused by its line, in both languages; a note
// naming the row's own month reads.
func TestImportNoteNamingAnotherMonthIsRefused(t *testing.T) {
	store := dbtest.New(t)
	csvText := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n" +
		"2026-05-01,youth,,7,증가분,,,채용,4월분\n" +
		"2026-04-30,youth,,8,증가분,,,채용,4월분\n" +
		"2026-05-02,youth,,9,증가분,,,채용,5월 채용박람회 2차\n" +
		"2026-05-03,youth,,6,증가분,,,채용,지난달 누락\n"
	f, problems, err := reader(t, store).Read("dept.csv", []byte(csvText))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 2 || problems[0].Line != 2 || problems[1].Line != 5 || problems[0].Column != "메모" {
		t.Fatalf("problems: %+v", problems)
	}
	res := commands.ImportResult{}
	ko := commands.ImportPreview(f, problems, res, false, commands.Korean)
	en := commands.ImportPreview(f, problems, res, false, commands.English)
	for text, wants := range map[string][]string{
		ko: {"2행 [메모]", "`4월분`", "2026년 4월 실적", "2026. 4. 30.", "5행 [메모]", "`지난달`"},
		en: {"line 2 [메모]", "`4월분`", "2026-04", "2026-04-30", "line 5 [메모]"},
	} {
		for _, w := range wants {
			if !strings.Contains(text, w) {
				t.Errorf("preview lacks %q:\n%s", w, text)
			}
		}
	}
}
