package importer_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r35q4: an imported row's note date with the year last that reads
// both ways (`12.1.2026`, `3/12/2026`) was read one way (day first, month
// first) and the row imported; it is refused as the typed line is, naming
// both days, in Korean and English. A date read one way only (13/11/2026)
// on the row's own day, or written year first, imports.
func TestB7holdImportNoteDateAmbiguous(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n"
	rows := "2026-12-01,youth,,12,증가분,,,채용,12.1.2026 입사\n" +
		"2026-03-12,youth,,13,증가분,,,채용,3/12/2026 입사\n" +
		"2026-11-13,youth,,4,증가분,,,채용,13/11/2026 입사\n" +
		"2026-12-01,youth,,5,증가분,,,채용,2026. 12. 1. 입사\n"
	rd := reader(t, store)
	rd.Today = time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	f, problems, err := rd.Read("dept.csv", []byte(head+rows))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 2 || problems[0].Line != 2 || problems[1].Line != 3 ||
		problems[0].ID != "b7hold.import_note_date_ambiguous" || problems[1].ID != "b7hold.import_note_date_ambiguous" {
		t.Fatalf("problems %+v, want lines 2 and 3 refused as ambiguous", problems)
	}
	ko := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.Korean)
	for _, w := range []string{"`12.1.2026`", "2026. 12. 1.(월·일 순서)", "2026. 1. 12.(일·월 순서)", "`3/12/2026`", "2026. 3. 12.", "2026. 12. 3."} {
		if !strings.Contains(ko, w) {
			t.Errorf("preview lacks %q:\n%s", w, ko)
		}
	}
	en := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.English)
	for _, w := range []string{"`12.1.2026`", "2026-12-01 (month first)", "2026-01-12 (day first)"} {
		if !strings.Contains(en, w) {
			t.Errorf("English preview lacks %q:\n%s", w, en)
		}
	}
}

// Review r35q4: a 기준일 cell with the year last is read when the order of
// day and month shows (13/11/2026) and refused naming both days when it
// reads both ways (3/12/2026), as the typed date field is.
func TestB7holdImportDateCellYearLast(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n"
	rows := "3/12/2026,youth,,12,증가분,,,채용,\n" +
		"13/11/2026,youth,,4,증가분,,,채용,\n"
	rd := reader(t, store)
	rd.Today = time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	f, problems, err := rd.Read("dept.csv", []byte(head+rows))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || problems[0].Line != 2 || problems[0].ID != "b7hold.import_date_ambiguous" {
		t.Fatalf("problems %+v, want line 2 refused as ambiguous", problems)
	}
	ko := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.Korean)
	for _, w := range []string{"2026. 3. 12.(월·일 순서)", "2026. 12. 3.(일·월 순서)"} {
		if !strings.Contains(ko, w) {
			t.Errorf("preview lacks %q:\n%s", w, ko)
		}
	}
	en := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.English)
	for _, w := range []string{"2026-03-12 (month first)", "2026-12-03 (day first)"} {
		if !strings.Contains(en, w) {
			t.Errorf("English preview lacks %q:\n%s", w, en)
		}
	}
}
