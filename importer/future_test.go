package importer_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r33 B11: a department's rows whose notes say the people start
// later (`내일 입사`, `다음달 입사`, `11월 30일 입사` on a 2026-11-05 row,
// `다음주부터 근무`, `hired tomorrow`) were imported as realised jobs,
// while the same lines typed are refused. Each is refused on its line by
// the console's reader (commands.NoteStartsLater), in both languages; an
// agreement's row and a note with no start to come read; nothing of the
// refused rows is written (SQL sum).
func TestFutureImportNoteStartIsRefused(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n"
	rows := "2026-11-05,youth,,2,증가분,,,채용,내일 입사\n" +
		"2026-11-05,youth,,3,증가분,,,채용,다음달 입사\n" +
		"2026-11-05,youth,,5,증가분,,,채용,11월 30일 입사\n" +
		"2026-11-05,youth,,7,증가분,,,채용,11/30에 입사\n" +
		"2026-11-05,youth,,11,증가분,,,채용,다음주부터 근무\n" +
		"2026-11-05,youth,,13,증가분,,,채용,hired tomorrow\n" +
		"2026-11-05,youth,,17,증가분,,,채용,내일 첫 출근\n" +
		"2026-11-05,youth,,19,증가분,,,약정,내일 입사 예정\n" +
		"2026-11-05,youth,,23,증가분,,,채용,입사 완료\n"
	rd := reader(t, store)
	rd.Today = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	f, problems, err := rd.Read("dept.csv", []byte(head+rows))
	if err != nil {
		t.Fatal(err)
	}
	// 11월 30일 입사 and 11/30에 입사 (lines 4, 5) name a day come by the
	// import day (12/4): no start to come, but another day than the row's,
	// which the day check refuses on its own terms.
	var lines []int
	for _, p := range problems {
		if p.ID != "future.import_note_starts_later" {
			if p.Line != 4 && p.Line != 5 {
				t.Errorf("problem %+v", p)
			}
			continue
		}
		if p.Column != "메모" {
			t.Errorf("problem %+v", p)
		}
		lines = append(lines, p.Line)
	}
	if got, want := fmt.Sprint(lines), "[2 3 6 7 8]"; got != want {
		t.Fatalf("starts-later problems on lines %v, want %s: %+v", got, want, problems)
	}
	ko := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.Korean)
	for _, w := range []string{"`내일", "`다음달", "`다음주", "tomorrow`", "아직 입사 전", "기준일 2026. 11. 5. 이후"} {
		if !strings.Contains(ko, w) {
			t.Errorf("preview lacks %q:\n%s", w, ko)
		}
	}
	en := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.English)
	for _, w := range []string{"`내일", "tomorrow`", "not hired yet", "2026-11-05"} {
		if !strings.Contains(en, w) {
			t.Errorf("English preview lacks %q:\n%s", w, en)
		}
	}
	if n := sum(t, store, "true"); n != 0 {
		t.Errorf("SQL sum %d written by a read", n)
	}
}

// An exported row (기록 식별자, 기록 일시) reads its words as of its 기록
// 일시: `이번 주 수요일 입사` on Wednesday 2026-11-11 written that day is
// that day and imports; `내일 입사` written that day is a start to come
// and is refused (the ledger does not hold the row). Without 기록 일시 the
// same `이번 주 수요일` counts from the import day (12/2, after the row's
// date): refused.
func TestFutureImportReadsRelativeWordsAsOfTheirWriting(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모,기록 일시,기록 식별자\n"
	rows := "2026-11-11,youth,,4,증가분,,,채용,이번 주 수요일 입사,2026-11-11 12:00,6f1c1d2e-0000-4000-8000-000000000001\n" +
		"2026-11-11,youth,,6,증가분,,,채용,내일 입사,2026-11-11 12:00,6f1c1d2e-0000-4000-8000-000000000002\n"
	rd := reader(t, store)
	rd.Today = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	f, problems, err := rd.Read("entries.csv", []byte(head+rows))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	res, err := store.Import(context.Background(), f, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 1 || res.Problems[0].ID != "future.import_note_starts_later" || res.Problems[0].Line != 3 {
		t.Fatalf("problems %+v", res.Problems)
	}
	if n := sum(t, store, "true"); n != 0 {
		t.Errorf("SQL sum %d, want 0: a file with a refused row writes nothing", n)
	}
	plain := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n" +
		"2026-11-11,youth,,4,증가분,,,채용,이번 주 수요일 입사\n"
	if _, problems, err := rd.Read("dept.csv", []byte(plain)); err != nil || len(problems) != 1 {
		t.Fatalf("%v: problems %+v", err, problems)
	} else if text := problems[0].Text(commands.Korean); !strings.Contains(text, "`이번 주 수요일`") || !strings.Contains(text, "기준일 2026. 11. 11. 이후") {
		t.Errorf("problem: %s", text)
	}
}

// Review r38 B1/B2 and r37 F5: rows whose notes say the people start later
// in the words the reader now knows (익일, 49주차 after the row's day,
// 20261201, 연내, a later quarter or half), and `다음달 채용`, were imported
// as realised jobs. Each is refused on its line by the console's reader;
// a quarter holding the row's day and a row without a start to come read;
// nothing is written (SQL sum).
func TestFuture19ImportNoteStartIsRefused(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n"
	rows := "2026-11-20,youth,,2,증가분,,,채용,익일 입사\n" +
		"2026-11-20,youth,,3,증가분,,,채용,49주차 입사\n" +
		"2026-11-20,youth,,5,증가분,,,채용,20261201 입사\n" +
		"2026-11-20,youth,,7,증가분,,,채용,다음달 채용\n" +
		"2026-11-20,youth,,11,증가분,,,채용,연내 채용\n" +
		"2026-09-30,youth,,13,증가분,,,채용,q4 채용\n" +
		"2026-06-30,youth,,17,증가분,,,채용,하반기 채용\n" +
		"2026-11-20,youth,,19,증가분,,,채용,곧 입사\n" +
		"2026-10-15,youth,,23,증가분,,,채용,4분기 입사\n" +
		"2026-11-20,youth,,29,증가분,,,채용,입사 완료\n"
	rd := reader(t, store)
	rd.Today = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	f, problems, err := rd.Read("dept.csv", []byte(head+rows))
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, p := range problems {
		if p.ID != "future.import_note_starts_later" {
			t.Errorf("problem %+v", p)
			continue
		}
		lines = append(lines, p.Line)
	}
	if got, want := fmt.Sprint(lines), "[2 3 4 5 6 7 8 9]"; got != want {
		t.Fatalf("starts-later problems on lines %v, want %s: %+v", got, want, problems)
	}
	ko := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.Korean)
	for _, w := range []string{"`익일", "`49주차", "`20261201", "`다음달", "`연내", "`q4", "`하반기", "`곧", "아직 입사 전"} {
		if !strings.Contains(ko, w) {
			t.Errorf("preview lacks %q:\n%s", w, ko)
		}
	}
	if n := sum(t, store, "true"); n != 0 {
		t.Errorf("SQL sum %d written by a read", n)
	}
}

// Review r40 B7, B8 and r39 F10 on import (rows of 2026-12-01 read on
// Wednesday 2026-12-02): this Friday, this weekend, this month's 4th, a
// day with its weekday to come (4일 금요일, Friday the 4th), and a later
// 출근일, 발령, 임용, first day, start date, 12월 중 are starts to come,
// refused on their line by the console's reader; a done start is read;
// nothing is written (SQL sum).
func TestFuture2ImportNoteStartIsRefused(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n"
	notes := []string{"이번 금요일 입사", "이번 주말 입사", "금월 4일 입사", "4일 금요일 입사", "\"new hires, first day this Friday\"",
		"joining this weekend", "hired Friday the 4th", "출근일 12. 10.", "발령 12/10", "임용 12/10", "first day 12/10",
		"start date 12/10", "12월 중 입사", "입사 완료"}
	rows := ""
	for i, n := range notes {
		rows += fmt.Sprintf("2026-12-01,youth,,%d,증가분,,,채용,%s\n", i+2, n)
	}
	rd := reader(t, store)
	rd.Today = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	f, problems, err := rd.Read("dept.csv", []byte(head+rows))
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, p := range problems {
		if p.ID != "future.import_note_starts_later" {
			t.Errorf("problem %+v", p)
			continue
		}
		lines = append(lines, p.Line)
	}
	if got, want := fmt.Sprint(lines), "[2 3 4 5 6 7 8 9 10 11 12 13 14]"; got != want {
		t.Fatalf("starts-later problems on lines %v, want %s: %+v", got, want, problems)
	}
	ko := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.Korean)
	for _, w := range []string{"`이번 금요일", "`이번 주말", "`금월 4일", "`4일 금요일", "`this Friday", "`this weekend", "`Friday the 4th", "`12. 10.", "`12/10", "`12월 중", "아직 입사 전"} {
		if !strings.Contains(ko, w) {
			t.Errorf("preview lacks %q:\n%s", w, ko)
		}
	}
	if n := sum(t, store, "true"); n != 0 {
		t.Errorf("SQL sum %d written by a read", n)
	}
}
