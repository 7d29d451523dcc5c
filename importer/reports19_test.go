package importer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r37 F7: a row of 400 marked 여 was previewed as +400 (the 여
// dropped, while the console shows the same entry as 400여), and a date
// problem's example (2026. 4. 30.) typed as shown on a day before it was
// refused as future. The preview carries 여 in both languages, for 채용
// and 약정; the examples are last month's end, and a file dated as shown
// imports on the day it is shown, equal to a plain SQL SUM.
func TestReports19ImportPreviewKeepsApproxAndItsExampleDatesImport(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	rd := reader(t, store)
	rd.Today = time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n"

	// 1. The example a date problem gives.
	f, problems, err := rd.Read("bad.csv", []byte(head+",youth,,5,증가분,,,채용,\n어느날,youth,,6,증가분,,,채용,\n"))
	if err != nil {
		t.Fatal(err)
	}
	ko := commands.ImportPreview(f, problems, commands.ImportResult{}, true, commands.Korean)
	en := commands.ImportPreview(f, problems, commands.ImportResult{}, true, commands.English)
	for _, w := range []string{"날짜를 적어 주십시오(예: 2026. 2. 28. 또는 2026-02-28)", "날짜로 읽을 수 없습니다(예: 2026. 2. 28., 2026-02-28, 2월말)"} {
		if !strings.Contains(ko, w) {
			t.Errorf("Korean preview lacks %q:\n%s", w, ko)
		}
	}
	for _, w := range []string{"Write a date (e.g. 2026-02-28 or 2026. 2. 28.)", "(e.g. 2026-02-28, 2026. 2. 28., 2월말)"} {
		if !strings.Contains(en, w) {
			t.Errorf("English preview lacks %q:\n%s", w, en)
		}
	}
	if strings.Contains(ko+en, "2026. 4. 30.") || strings.Contains(en, "2026-04-30") {
		t.Errorf("an example still names a day to come (2026. 4. 30.):\n%s\n%s", ko, en)
	}
	// Every example typed as shown reads and imports that day.
	rows := "2026. 2. 28.,youth,,5,증가분,,,채용,\n2026-02-28,senior,,6,증가분,,,채용,\n2월말,women,,7,증가분,,,채용,\n"
	importBytes(t, store, rd, "example.csv", []byte(head+rows), false)
	if got := sum(t, store, "status = 'realised' AND as_of = '2026-02-28'"); got != 18 {
		t.Errorf("SQL SUM of the example day %d, want 18", got)
	}

	// 2. 여 in the preview, dry run and applied.
	approx := "2026-03-02,invest,,400,증가분,,여,채용,\n2026-03-03,vulnerable,,50,증가분,,여,약정,\n2026-03-04,rail,,30,증가분,,,채용,\n"
	f, res := importBytes(t, store, rd, "approx.csv", []byte(head+approx), true)
	if n := sum(t, store, "as_of >= '2026-03-01'"); n != 0 {
		t.Fatalf("a dry run wrote %d jobs", n)
	}
	ko = commands.ImportPreview(f, nil, res, true, commands.Korean)
	en = commands.ImportPreview(f, nil, res, true, commands.English)
	for _, w := range []string{"+400여", "+50여"} {
		if !strings.Contains(ko, w) {
			t.Errorf("Korean preview lacks %q:\n%s", w, ko)
		}
	}
	for _, w := range []string{"about +400", "about +50"} {
		if !strings.Contains(en, w) {
			t.Errorf("English preview lacks %q:\n%s", w, en)
		}
	}
	if strings.Contains(ko, "+30여") || strings.Contains(en, "about +30") {
		t.Errorf("an exact row was previewed with 여:\n%s\n%s", ko, en)
	}
	f, res = importBytes(t, store, rd, "approx.csv", []byte(head+approx), false)
	if got := commands.ImportPreview(f, nil, res, false, commands.Korean); !strings.Contains(got, "+400여") {
		t.Errorf("applied preview lacks +400여:\n%s", got)
	}
	if got := sum(t, store, "status = 'realised' AND approximate AND as_of = '2026-03-02'"); got != 400 {
		t.Errorf("SQL SUM of approximate jobs %d, want 400", got)
	}
	var n int
	if err := store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM entries WHERE approximate AND status = 'agreed'`); err != nil || n != 1 {
		t.Errorf("approximate agreements %d (%v), want 1", n, err)
	}
}
