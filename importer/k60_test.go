package importer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r24 F17: a department's rows whose note names a day of the month
// before the row's date were imported into the row's month: `30일자 입사`
// on 2026-12-01 (read as 11. 30.), `前月分` (전월분, refused in the same
// file), and `어제 입사`, `지난주 입사`, `지난 금요일 채용`, which count
// back from the day the note was written, which a file does not say (as
// 지난달 is refused). Each is refused by its line; `30일간 근무` reads;
// `1일자 입사` on a 12-03 row names another day of its month, refused as
// the typed line is (review r34 F7); nothing is written.
func TestK60ImportNoteNamesDayOfLastMonth(t *testing.T) {
	store := dbtest.New(t)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n"
	rows := "2026-12-01,youth,,12,증가분,,,채용,30일자 입사\n" +
		"2026-12-03,youth,,13,증가분,,,채용,前月分\n" +
		"2026-12-01,youth,,6,,,,채용,어제 입사\n" +
		"2026-12-01,youth,,7,증가분,,,채용,지난주 입사\n" +
		"2026-12-01,youth,,8,증가분,,,채용,지난 금요일 채용\n" +
		"2026-12-03,youth,,3,증가분,,,채용,1일자 입사\n" +
		"2026-12-03,youth,,4,증가분,,,채용,30일간 근무\n"
	rd := reader(t, store)
	rd.Today = time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	f, problems, err := rd.Read("dept.csv", []byte(head+rows))
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
	if want := []int{2, 3, 4, 5, 6, 7}; len(lines) != len(want) || lines[0] != 2 || lines[5] != 7 || problems[5].ID != "r34c.import_note_another_day" {
		t.Fatalf("problems on lines %v, want %v: %+v", lines, want, problems)
	}
	ko := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.Korean)
	for _, w := range []string{"`30일자`", "2026년 11월 실적", "2026. 11. 30.", "`前月分`", "`어제`", "`지난주`", "`지난 금요일`", "메모를 쓴 날로부터 거꾸로 센 날"} {
		if !strings.Contains(ko, w) {
			t.Errorf("preview lacks %q:\n%s", w, ko)
		}
	}
	en := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.English)
	for _, w := range []string{"`30일자`", "2026-11", "`어제`", "a day counted back"} {
		if !strings.Contains(en, w) {
			t.Errorf("English preview lacks %q:\n%s", w, en)
		}
	}
	var n, sum int64
	if err := store.DB().QueryRowContext(context.Background(), `SELECT count(*), coalesce(sum(count), 0) FROM entries`).Scan(&n, &sum); err != nil {
		t.Fatal(err)
	}
	if n != 0 || sum != 0 {
		t.Errorf("%d entries (SQL sum %d) written by a read", n, sum)
	}
}
