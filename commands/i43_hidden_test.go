package commands_test

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// i43 (issue 20, r16): a row 0.5 pt high or a column 0.1 character wide is
// as unseen as a hidden one; the file is refused the same way, naming them,
// and nothing is written. A row 2 pt high and a column half a character
// wide are the smallest read as shown.
func TestImportRefusesUnreadablySmallRowsAndColumns(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	rows := [][4]any{
		{"2026-03-10", "youth", 7, "a"},   // line 2
		{"2026-03-11", "youth", 900, "b"}, // line 3, 0.5 pt
		{"2026-03-12", "youth", 5, "c"},   // line 4, 0 pt
	}
	data := entriesWorkbook(t, rows, func(f *excelize.File) {
		if err := f.SetRowHeight("실적 명세", 3, 0.5); err != nil {
			t.Fatal(err)
		}
		if err := f.SetRowHeight("실적 명세", 4, 0); err != nil {
			t.Fatal(err)
		}
	})
	e.refused("tiny rows", data, map[commands.Lang][]string{
		commands.Korean:  {"3~4행", "숨겨져"},
		commands.English: {"Lines 3–4", "hidden"},
	})
	data = entriesWorkbook(t, rows, func(f *excelize.File) {
		if err := f.SetCellValue("실적 명세", "L2", 900); err != nil {
			t.Fatal(err)
		}
		if err := f.SetColWidth("실적 명세", "L", "L", 0.1); err != nil {
			t.Fatal(err)
		}
	})
	e.refused("narrow column", data, map[commands.Lang][]string{
		commands.Korean:  {"L열", "숨겨져"},
		commands.English: {"Column L of this file is hidden"},
	})
	if n := e.liveSum(`TRUE`); n != 0 {
		t.Errorf("%d jobs written from refused files", n)
	}
	// Just readable: 2 pt and half a character are shown, and import.
	if r := e.apply(entriesWorkbook(t, rows, func(f *excelize.File) {
		if err := f.SetRowHeight("실적 명세", 3, 2); err != nil {
			t.Fatal(err)
		}
		if err := f.SetColWidth("실적 명세", "G", "G", 0.5); err != nil {
			t.Fatal(err)
		}
	})); r.Outcome != commands.OutcomeOK {
		t.Fatalf("apply: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`TRUE`); n != 7+900+5 {
		t.Errorf("%d jobs imported, want 912", n)
	}
}
