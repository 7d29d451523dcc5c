package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r20 G38 and G18 (i44): an edited report's month cell holding the
// year-to-date total beside an unchanged 누계, an edited 누계 beside
// unchanged months, and an entries row with a 보고 누계 but no 보고 방식
// were filed or dropped without a word. Each is refused naming its cells,
// in Korean and English, and nothing is written; the running month's
// figure is dated today, not its last day, and a report's 비고 does not
// make it approximate. Today is 2026-11-26.

const i44Report = "2026년 일자리사업 추진실적\n사업코드,사업명,9월,10월,11월,누계,비고\n"

func i44Ledger(t *testing.T) *i31Env {
	t.Helper()
	e := newI31Env(t)
	if r := e.apply([]byte(i44Report + "youth,청년일자리,,850,20,870,\nsenior,노인 일자리,,610,83,693,\n")); r.Outcome != commands.OutcomeOK {
		t.Fatalf("ledger: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`TRUE`); n != 1563 {
		t.Fatalf("ledger holds %d, want 1563", n)
	}
	return e
}

// A year-to-date total typed into the running month's cell while the
// row's 누계 still says the old total: refused naming the 누계 cell and the
// ledger's figure the months would make (870 − 20 + 890 = 1,740).
func TestImportMonthCellContradictingRowTotalIsRefused(t *testing.T) {
	t.Parallel()
	e := i44Ledger(t)
	file := []byte(i44Report + "youth,청년일자리,,850,890,870,\"※ 10월: 누계 보고분 포함, 어림수 포함\"\nsenior,노인 일자리,,610,83,693,\n")
	e.refused("11월 holds the year-to-date total", file, map[commands.Lang][]string{
		commands.Korean:  {"3행 [누계]", "870", "11월까지 장부 누계가 1,740", "가져오지 않았습니다"},
		commands.English: {"line 3 [누계]", "870", "1,740", "nothing was imported"},
	}, "4행 [", "line 4 [")
	// The 11월 cell left blank as exported (a blank month is not read): the
	// ledger's months still make the 누계, nothing is new.
	r := e.preview([]byte(i44Report+"youth,청년일자리,,850,,870,\nsenior,노인 일자리,,610,83,693,\n"), commands.Korean)
	if r.Outcome == commands.OutcomeRefused {
		t.Errorf("an unchanged report is refused:\n%s", r.Text())
	}
	if n := e.liveSum(`program_id = (SELECT id FROM programs WHERE code = 'youth')`); n != 870 {
		t.Errorf("youth holds %d, want 870", n)
	}
}

// Editing only the 누계 (노인 693 → 720) is refused naming the cell, not
// passed over as "nothing new".
func TestImportEditedRowTotalIsRefused(t *testing.T) {
	t.Parallel()
	e := i44Ledger(t)
	e.refused("only 누계 edited", []byte(i44Report+"youth,청년일자리,,850,20,870,\nsenior,노인 일자리,,610,83,720,\n"),
		map[commands.Lang][]string{
			commands.Korean:  {"4행 [누계]", "720", "693", "누계 열은 따로 가져오지 않으니"},
			commands.English: {"line 4 [누계]", "720", "693", "The 누계 column is not imported"},
		}, "3행 [", "line 3 [")
	if n := e.liveSum(`TRUE`); n != 1563 {
		t.Errorf("ledger holds %d, want 1563", n)
	}
}

// A consistent edit of the running month (youth 11월 20 → 25, 누계 875)
// imports: +5 dated today (2026. 11. 26.), not the month's last day, and
// not approximate although the exported 비고 says 어림수 포함.
func TestImportRunningMonthIsDatedTodayAndNotApproximateByNote(t *testing.T) {
	t.Parallel()
	e := i44Ledger(t)
	r := e.apply([]byte(i44Report + "youth,청년일자리,,850,25,875,어림수 포함\nsenior,노인 일자리,,610,83,693,\n"))
	if r.Outcome != commands.OutcomeOK {
		t.Fatalf("%q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`program_id = (SELECT id FROM programs WHERE code = 'youth')`); n != 875 {
		t.Errorf("youth holds %d, want 875", n)
	}
	if n := e.sqlInt(`SELECT count(*) FROM entries WHERE as_of > '2026-11-26'`); n != 0 {
		t.Errorf("%d entries dated after today", n)
	}
	if n := e.sqlInt(`SELECT count(*) FROM entries WHERE approximate`); n != 0 {
		t.Errorf("%d entries approximate; a report's 비고 made them so", n)
	}
	// 11월 of the ledger (youth 20, senior 83) and the edit's 5: all today.
	if n := e.liveSum(`as_of = '2026-11-26' AND NOT approximate`); n != 108 {
		t.Errorf("2026-11-26 holds %d, want 108", n)
	}
}

// An entries row with 보고 방식 blank (or 증가분), 보고 누계 180 and
// 일자리 수 10: refused naming 보고 누계, not filed as +10.
func TestImportEntriesTotalBesideIncreaseIsRefused(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	const header = "기준일,사업코드,일자리 수,보고 방식,보고 누계,상태\n"
	for _, kind := range []string{"", "증가분"} {
		e.refused("보고 방식 "+kind, []byte(header+"2026-11-20,women,5,증가분,,채용\n2026-11-25,women,10,"+kind+",180,채용\n"),
			map[commands.Lang][]string{
				commands.Korean:  {"3행 [보고 누계]", "180", "누계 180인지 증가분 10인지", "`누계`"},
				commands.English: {"line 3 [보고 누계]", "180", "increase of 10"},
			}, "2행 [", "line 2 [")
	}
	if n := e.liveSum(`TRUE`); n != 0 {
		t.Errorf("%d jobs written; want none", n)
	}
}
