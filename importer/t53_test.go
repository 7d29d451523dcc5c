package importer_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// A department's template row whose 비고 names a month in which the row
// has no figure (`4월분` with the figure typed in the 3월 column) would
// file that month's jobs in another month, as a typed note naming another
// month would (k49): it is refused by its line and 비고, in both
// languages, and nothing is written. A 비고 naming one of the row's own
// months, or none, reads; a row with figures in several months may name
// any of them.
func TestTemplateNoteNamingAMonthWithoutAFigureIsRefused(t *testing.T) {
	store := dbtest.New(t)
	importFile := departmentReader(t, store)

	misplaced := fill(t, template(t, store, "양식 투자유치과"), map[string]any{"F5": 12, "P5": "4월분 추가 채용"})
	f, _, problems := importFile("misplaced.xlsx", misplaced, false)
	if len(problems) != 1 || problems[0].Line != 5 || problems[0].Column != "비고" {
		t.Fatalf("problems: %+v", problems)
	}
	if got := sum(t, store, `department = '투자유치과'`); got != 0 {
		t.Errorf("a refused file wrote %d jobs", got)
	}
	ko := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.Korean)
	en := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.English)
	for text, wants := range map[string][]string{
		ko: {"5행 [비고]", "`4월분`", "2026년 4월 실적", "4월 칸은 비어", "4월 칸에 적고"},
		en: {"line 5 [비고]", "`4월분`", "2026-04", "April column is empty", "April 2026"},
	} {
		for _, w := range wants {
			if !strings.Contains(text, w) {
				t.Errorf("preview lacks %q:\n%s", w, text)
			}
		}
	}

	// Its own month, or one of its months, reads.
	own := fill(t, template(t, store, "양식 투자유치과"), map[string]any{"F5": 12, "G5": 3, "P5": "4월분 3명 추가 채용"})
	if _, res, problems := importFile("own.xlsx", own, false); len(problems) != 0 || res.Added != 2 {
		t.Fatalf("a 비고 naming one of the row's months: %+v %v", res, problems)
	}
	if got := sum(t, store, `department = '투자유치과'`); got != 15 {
		t.Errorf("투자유치과 = %d, want 15", got)
	}
	dbtest.CheckTotals(t, store)
}
