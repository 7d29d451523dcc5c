package importer_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review F8: a 취합 양식 row whose 비고 said `약정 5명(채용 전)` was
// imported as 채용, 비고 being a note and every month figure 채용. Such a
// row is refused by its line, in both languages, and nothing is written;
// the same row with a 비고 that says nothing of the status imports. In the
// ledger CSV a 메모 saying 약정 with 상태 left empty is refused the same
// way; with 상태 given it reads.
func TestNoteSayingAgreementRefusesTheImportRow(t *testing.T) {
	store := dbtest.New(t)
	importFile := departmentReader(t, store)
	tpl := template(t, store, "양식 투자유치과")
	for _, note := range []string{"약정 5명(채용 전)", "MOU 체결 기업", "채용 예정"} {
		data := fill(t, tpl, map[string]any{"D5": 10, "E5": 20, "P5": note})
		f, res, problems := importFile("투자유치과.xlsx", data, false)
		if len(problems) != 1 || problems[0].Line != 5 || problems[0].Column != "비고" || res.Added != 0 {
			t.Fatalf("비고 %q: %+v %v", note, res, problems)
		}
		ko := commands.ImportPreview(f, problems, res, false, commands.Korean)
		en := commands.ImportPreview(f, problems, res, false, commands.English)
		for text, wants := range map[string][]string{
			ko: {"5행 [비고]", "약정(협약)이거나 아직 채용 전", "상태:약정", "아무것도 가져오지 않았습니다"},
			en: {"line 5 [비고]", "may mean an agreement", "status:agreed", "Nothing was imported"},
		} {
			for _, w := range wants {
				if !strings.Contains(text, w) {
					t.Errorf("비고 %q: preview lacks %q:\n%s", note, w, text)
				}
			}
		}
	}
	if got := sum(t, store, "true"); got != 0 {
		t.Fatalf("refused rows wrote %d jobs", got)
	}
	data := fill(t, tpl, map[string]any{"D5": 10, "E5": 20, "P5": "1분기 유치 기업"})
	if _, res, problems := importFile("투자유치과.xlsx", data, false); len(problems) > 0 || res.Added != 2 {
		t.Fatalf("plain 비고: %+v %v", res, problems)
	}
	if got := sum(t, store, "status = 'realised'"); got != 30 {
		t.Errorf("realised after the plain file: %d, want 30", got)
	}

	csvText := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n" +
		"2026-01-31,youth,,10,증가분,,,,MOU 기업 약정분\n" +
		"2026-02-28,youth,,20,증가분,,,약정,MOU 기업 약정분\n" +
		"2026-03-31,youth,,30,증가분,,,채용,MOU 기업 채용\n"
	_, problems, err := reader(t, store).Read("ledger.csv", []byte(csvText))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || problems[0].Line != 2 || problems[0].Column != "메모" || !strings.Contains(problems[0].Expected, "상태 칸") {
		t.Errorf("ledger CSV problems: %+v", problems)
	}
	dbtest.CheckTotals(t, store)
}
