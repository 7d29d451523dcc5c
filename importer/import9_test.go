package importer_test

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// Review r48 B1: 공시유형별 renamed with its title (A1) edited and a month
// cell raised was matched to no export sheet, so nothing compared it and
// the file imported with the 777 dropped. A sheet the export never writes
// refuses the file by name, and the missing export sheet is named beside it.
func TestImport9RenamedViewSheetWithEditedTitleRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, data := import7Ledger(t, lang)
			renamed := import7Edit(t, data, func(f *excelize.File) error {
				for _, err := range []error{
					f.SetCellValue("공시유형별", "A1", "2026년 공시유형별 실적 (수정본)"),
					f.SetCellValue("공시유형별", "C10", 777),
				} {
					if err != nil {
						return err
					}
				}
				return f.SetSheetName("공시유형별", "공시유형별 (수정)")
			})
			import7Refused(t, h, "renamed, title edited", renamed, 0, "`공시유형별 (수정)`", "`공시유형별`",
				h.by("Delete the sheet", "시트를 지우거나"))
			// A sheet of one's own added beside the export's: refused by name.
			added := import7Edit(t, data, func(f *excelize.File) error {
				if _, err := f.NewSheet("메모"); err != nil {
					return err
				}
				return f.SetCellValue("메모", "B3", 40)
			})
			import7Refused(t, h, "sheet added", added, 0, "`메모`", h.by("Delete the sheet", "시트를 지우거나"))
			// An export sheet the import never read before (실적 명세 of the
			// report workbook): its edit is named.
			entries := import7Edit(t, data, func(f *excelize.File) error {
				return f.SetCellValue("실적 명세", "H2", 60)
			})
			import7Refused(t, h, "실적 명세 edited", entries, 0, "`실적 명세`", "H2", "`60`")
		})
	}
}

// Review r48 B2: with one of 누계 and 증감 renamed, the other's header
// still found, a figure typed over the renamed column's formula was looked
// for nowhere and dropped. Refused whichever header is renamed, naming the
// header cell and the figure.
func TestImport9OneFormulaHeaderRenamedRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, data := import7Ledger(t, lang)
			for _, edit := range []struct{ head, renamed string }{{"누계", "합산"}, {"증감", "전년 대비"}} {
				var head, cell string
				edited := import7Edit(t, data, func(f *excelize.File) error {
					col, _, _ := excelize.SplitCellName(import7Cell(t, f, import7Sheet, "", edit.head))
					head, cell = col+"4", col+"6"
					if err := f.SetCellValue(import7Sheet, head, edit.renamed); err != nil {
						return err
					}
					return f.SetCellValue(import7Sheet, cell, 999)
				})
				import7Refused(t, h, edit.renamed, edited, 0, head, "`"+edit.renamed+"`", cell, "`999`")
			}
		})
	}
}

// Review r48 B3: a figure typed over a 소계 row's 목표 (`SUM(D6:D8)` in the
// export) was looked for nowhere. Every formula cell of the export must
// still hold its formula (or be emptied): refused naming the cell.
func TestImport9SubtotalTargetTypedRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h, data := import7Ledger(t, lang)
			var cell string
			edited := import7Edit(t, data, func(f *excelize.File) error {
				cell = import7Cell(t, f, import7Sheet, "소계", "당초")
				if formula, _ := f.GetCellFormula(import7Sheet, cell); formula == "" {
					t.Fatalf("%s holds no formula in the export", cell)
				}
				return f.SetCellValue(import7Sheet, cell, 5000)
			})
			import7Refused(t, h, "소계 목표", edited, 0, cell, "`5000`")
			// A label of a program row (its 공시유형), not read: refused too.
			label := import7Edit(t, data, func(f *excelize.File) error {
				return f.SetCellValue(import7Sheet, "B6", "사회서비스형")
			})
			import7Refused(t, h, "공시유형 label", label, 0, "B6", "`사회서비스형`")
		})
	}
}
