package importer_test

import (
	"fmt"
	"testing"
	"time"

	"jobsbot/db/dbtest"
)

// Review r35 B1 addendum: an imported row dated 2026-12-01 with the note
// `다음 월요일 입사` was imported as realised jobs on 12/4, while `내일
// 입사` is refused: the reader is the console's (commands.NoteStartsLater).
// Rows whose notes say the people start later (다음 월요일, 담주, 12월 말,
// 7일(월), to start Monday) are refused on their lines; notes that start
// nobody (다음주 근무 일정, 투입 교육) are no start; nothing is written.
func TestR35FutureImportNoteStartIsRefused(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n"
	rows := "2026-12-01,youth,,2,증가분,,,채용,다음 월요일 입사\n" +
		"2026-12-01,youth,,3,증가분,,,채용,담주 입사\n" +
		"2026-12-01,youth,,5,증가분,,,채용,12월 말 입사\n" +
		"2026-12-01,youth,,7,증가분,,,채용,7일(월) 입사\n" +
		"2026-12-01,youth,,11,증가분,,,채용,to start Monday\n" +
		"2026-12-01,youth,,13,증가분,,,채용,다음주 근무 일정 안내함\n" +
		"2026-12-01,youth,,17,증가분,,,채용,현장 투입 교육 완료\n"
	rd := reader(t, store)
	rd.Today = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	_, problems, err := rd.Read("dept.csv", []byte(head+rows))
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, p := range problems {
		if p.ID == "future.import_note_starts_later" {
			lines = append(lines, p.Line)
		}
	}
	if got, want := fmt.Sprint(lines), "[2 3 4 5 6]"; got != want {
		t.Fatalf("starts-later problems on lines %v, want %s: %+v", got, want, problems)
	}
	if n := sum(t, store, "true"); n != 0 {
		t.Errorf("SQL sum %d written by a read", n)
	}
}
