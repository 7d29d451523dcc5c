package importer

import "testing"

// Review r33 M5: a voided row's 정정 cell is read in the form exports write
// now (#3으로 정정) and in the one they wrote before 1.12.0 (#3로 정정).
func TestCorrectedToReadsBothParticles(t *testing.T) {
	t.Parallel()
	for cell, want := range map[string]int64{
		"#3으로 정정": 3, "#3로 정정": 3, "#6으로정정": 6, "#2로정정": 2, " #16으로 정정 ": 16, "#2로 정정": 2, "#2 정정분": 0, "정정(기존 누계와 일치)": 0, "": 0,
	} {
		if got := correctedTo(cell); got != want {
			t.Errorf("correctedTo(%q) = %d, want %d", cell, got, want)
		}
	}
}
