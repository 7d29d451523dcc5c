package importer_test

import (
	"fmt"
	"testing"
	"time"

	"jobsbot/db/dbtest"
)

// Review r38 B4: the importer dropped a direction override from every cell
// (r35 B4's cleaning), so `1‮23`, which a spreadsheet shows as 132, was
// stored as 123, a date cell shown as 2026-11-20 as 2026-11-02, and a
// reversed note hid `내일 입사` from the note checks. The marks a typed line
// is refused for are refused in a cell: each row names its cell and
// nothing is read from it.
func TestImportRefusesDirectionMarksInCells(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n"
	rows := "2026-11-20,youth,,1\u202e23,증가분,,,채용,\n" +
		"2026-11-\u202e02,youth,,5,증가분,,,채용,\n" +
		"2026-11-20,youth,,5,증가분,,,채용,\u202e사입 일내\n" +
		"2026-11-20,youth,,5,증가분,,,채용,경로\u200b당\n" +
		"2026-11-20,youth,,7,증가분,,,채용,경로\u00ad당\n"
	rd := reader(t, store)
	rd.Today = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	_, problems, err := rd.Read("dept.csv", []byte(head+rows))
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, p := range problems {
		lines = append(lines, p.Line)
	}
	// the soft hyphen (line 6) shows nothing and is dropped, as from a typed line
	if got, want := fmt.Sprint(lines), "[2 3 4 5]"; got != want {
		t.Fatalf("problems on lines %s, want %s: %+v", got, want, problems)
	}
	if n := sum(t, store, "true"); n != 0 {
		t.Errorf("SQL sum %d written by a read", n)
	}
}
