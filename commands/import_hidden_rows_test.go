package commands_test

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// Issue 20: a hidden row inside the visible sheet is data its sender may not
// have seen. The file is refused naming the hidden rows (read right or
// refused), and nothing is written; the same file with the rows unhidden
// imports every row, and an empty hidden row (formatting only) is no
// reason to refuse.
func TestImportRefusesHiddenRows(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	rows := [][4]any{
		{"2026-03-10", "youth", 7, "a"},   // line 2
		{"2026-03-11", "youth", 900, "b"}, // line 3, hidden
		{"2026-03-12", "youth", 800, "c"}, // line 4, hidden
		{"2026-03-13", "youth", 5, "d"},   // line 5
		{"2026-03-14", "youth", 600, "e"}, // line 6, hidden
	}
	hide := func(f *excelize.File) {
		for _, r := range []int{3, 4, 6, 9} { // 9: empty, hidden by formatting only
			if err := f.SetRowVisible("실적 명세", r, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	data := entriesWorkbook(t, rows, hide)
	e.refused("hidden rows", data, map[commands.Lang][]string{
		commands.Korean:  {"3~4, 6행", "숨겨져", "숨기기를 취소"},
		commands.English: {"Lines 3–4, 6", "hidden", "Unhide"},
	}, "9행", "Lines 3–4, 6, 9")
	if n := e.liveSum(`TRUE`); n != 0 {
		t.Errorf("%d jobs written from a refused file", n)
	}

	// The same rows shown: all imported, as plain SQL sums say.
	if r := e.apply(entriesWorkbook(t, rows, func(f *excelize.File) {
		if err := f.SetRowVisible("실적 명세", 9, false); err != nil {
			t.Fatal(err)
		}
	})); r.Outcome != commands.OutcomeOK {
		t.Fatalf("apply: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`TRUE`); n != 7+900+800+5+600 {
		t.Errorf("%d jobs imported; want every row's, 2312", n)
	}
}

// A hidden row above the header (a title, 단위 or 부서 line the reader
// takes into account) is refused as well.
func TestImportRefusesHiddenRowAboveHeader(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	data := entriesWorkbook(t, [][4]any{{"2026-03-10", "youth", 7, "a"}}, func(f *excelize.File) {
		if err := f.InsertRows("실적 명세", 1, 1); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue("실적 명세", "A1", "단위: 천원"); err != nil {
			t.Fatal(err)
		}
		if err := f.SetRowVisible("실적 명세", 1, false); err != nil {
			t.Fatal(err)
		}
	})
	e.refused("hidden title row", data, map[commands.Lang][]string{
		commands.Korean:  {"1행", "숨겨져"},
		commands.English: {"Line 1 of this file is hidden"},
	})
}

// A hidden column holding data (a second 메모 saying 예상치, figures the
// sender did not see) is refused naming the column; a hidden empty column
// is not.
func TestImportRefusesHiddenColumns(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	rows := [][4]any{{"2026-03-10", "youth", 7, "a"}, {"2026-03-11", "youth", 5, "b"}}
	data := entriesWorkbook(t, rows, func(f *excelize.File) {
		if err := f.SetCellValue("실적 명세", "K3", "12월 예상치"); err != nil {
			t.Fatal(err)
		}
		for _, col := range []string{"K", "M"} { // M: hidden, empty
			if err := f.SetColVisible("실적 명세", col, false); err != nil {
				t.Fatal(err)
			}
		}
	})
	e.refused("hidden column", data, map[commands.Lang][]string{
		commands.Korean:  {"K열", "숨겨져", "숨기기를 취소"},
		commands.English: {"Column K of this file is hidden", "Unhide"},
	}, "M열", "K, M")
	// A column of width 0 is hidden as well.
	data = entriesWorkbook(t, rows, func(f *excelize.File) {
		if err := f.SetCellValue("실적 명세", "L2", 900); err != nil {
			t.Fatal(err)
		}
		if err := f.SetColWidth("실적 명세", "L", "L", 0); err != nil {
			t.Fatal(err)
		}
	})
	e.refused("zero-width column", data, map[commands.Lang][]string{
		commands.Korean:  {"L열", "숨겨져"},
		commands.English: {"Column L of this file is hidden"},
	})
	// The header's own columns hidden: refused too (the 메모 column G).
	data = entriesWorkbook(t, rows, func(f *excelize.File) {
		if err := f.SetColVisible("실적 명세", "G", false); err != nil {
			t.Fatal(err)
		}
	})
	e.refused("hidden 메모", data, map[commands.Lang][]string{
		commands.Korean:  {"G열"},
		commands.English: {"Column G of this file"},
	})
	// Shown again: both rows import.
	if r := e.apply(entriesWorkbook(t, rows, func(f *excelize.File) {
		if err := f.SetColVisible("실적 명세", "M", false); err != nil {
			t.Fatal(err)
		}
	})); r.Outcome != commands.OutcomeOK {
		t.Fatalf("apply: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`TRUE`); n != 12 {
		t.Errorf("%d jobs imported, want 12", n)
	}
}
