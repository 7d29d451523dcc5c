package export

import "testing"

// Item 7 of import6: the 사업별 sheet's rows were 18 points high whatever
// their 비고, so the 청년 row's `7월 실적 없음 보고, ※ 10월: 1~10월 누계
// 보고분(#1) 포함, 어림수 포함` printed its first line only, cut by the row
// below. A row is as tall as its longest wrapped text; a short 비고 keeps
// the one-line height, and the merged group columns set no height.
func TestImport6RowHeightFitsTheNote(t *testing.T) {
	t.Parallel()
	widths := []float64{8, 10, 20, 8, 34}
	long := "7월 실적 없음 보고, ※ 10월: 1~10월 누계 보고분(#1) 포함, 어림수 포함"
	row := func(group, name, note string) []reportCell {
		return []reportCell{{value: group}, {value: group}, {value: name}, {value: int64(6)}, {value: note}}
	}
	if h := rowHeight(row("공공", "청년일자리", long), widths, 2); h < bodyRowHeight+bodyLineHeight {
		t.Errorf("a two-line 비고's row is %v points high; want at least %v", h, bodyRowHeight+bodyLineHeight)
	}
	if h := rowHeight(row("공공", "청년일자리", "어림수 포함"), widths, 2); h != bodyRowHeight {
		t.Errorf("a one-line 비고's row is %v points high; want %v", h, bodyRowHeight)
	}
	if h := rowHeight(row("지원고용 및 재활 지원고용 및 재활", "청년일자리", ""), widths, 2); h != bodyRowHeight {
		t.Errorf("a long group label set the row's height to %v; want %v", h, bodyRowHeight)
	}
}
