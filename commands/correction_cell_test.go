package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r33 M5: the export's 정정 cell wrote #3로 정정 after every number;
// the particle now follows the number as read aloud, and a file exported
// before (#3로 정정) still says the same as the ledger's #3으로 정정.
func TestCorrectedToCellTakesTheNumbersParticle(t *testing.T) {
	t.Parallel()
	for n, want := range map[int64]string{
		1: "#1로 정정", 2: "#2로 정정", 3: "#3으로 정정", 6: "#6으로 정정", 7: "#7로 정정",
		8: "#8로 정정", 10: "#10으로 정정", 13: "#13으로 정정", 16: "#16으로 정정", 20: "#20으로 정정",
	} {
		if got := commands.CorrectedToCell(n); got != want {
			t.Errorf("CorrectedToCell(%d) = %q, want %q", n, got, want)
		}
	}
	if !commands.SameCorrectionCell("#3로 정정", "#3으로 정정") || !commands.SameCorrectionCell("#3 으로 정정", "#3으로 정정") {
		t.Error("an older export's #3로 정정 should say the same as #3으로 정정")
	}
	if commands.SameCorrectionCell("#3로 정정", "#4로 정정") || commands.SameCorrectionCell("", "#3으로 정정") {
		t.Error("cells naming other entries should differ")
	}
}
