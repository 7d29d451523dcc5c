package importer

import (
	"fmt"
	"testing"
)

// Review r22 F35/F41/F14: figure cells are read as the console reads a
// typed count; numbers of rows (번호, 약정 번호, 기록 순번) take commas only
// where a count has them.
func TestFiguresReadAsTheConsole(t *testing.T) {
	for cell, want := range map[string]int64{"1,600": 1600, "１００": 100, "2,400": 2400, "30명": 30, "0": 0, "1만2000": 12000} {
		if n, m, ok := readFigure(colCount, cell); !ok || n != want {
			t.Errorf("%q: got %d (%v, %s), want %d", cell, n, ok, m.id, want)
		}
	}
	for cell, id := range map[string]string{"1,6": "parse.count.comma", "1,20": "parse.count.comma", "2,4000": "parse.count.comma",
		"-5": "i46.import_negative_figure", "△5": "i46.import_negative_figure", "(5)": "i46.import_negative_figure",
		"30여": "i46.import_approximate_in_count", "약 30": "i46.import_approximate_in_count", "3개사": "i46.import_counter_not_jobs",
		"1.5": "parse.count.not_whole", "1.000": "parse.count.not_whole", "1천2": "k45.count_short_tail"} {
		if n, m, ok := readFigure(colCount, cell); ok || m.id != id {
			t.Errorf("%q: got %d (%v, %s), want refused with %s", cell, n, ok, m.id, id)
		}
	}
	// 1천2 names both values it may be, as the console does: one lookup
	// (commands.CountRefusal) words a count for both.
	if _, m, _ := readFigure(colCount, "1천2"); fmt.Sprint(m.kv) != "[Typed 1천2 Read 1,002 Other 1,200]" {
		t.Errorf("1천2: %v, want both readings", m.kv)
	}
	for cell, want := range map[string]int64{"1,234": 1234, "12": 12, "1,20": 0, "2,4000": 0, "": 0} {
		if got := entryNumber(cell); got != want {
			t.Errorf("entryNumber(%q) = %d, want %d", cell, got, want)
		}
	}
}
