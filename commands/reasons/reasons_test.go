package reasons

import "testing"

// Every reason has its own English fragment, so an Error never reads blank
// and no two reasons are confused in a log.
func TestEveryReasonHasItsOwnWords(t *testing.T) {
	seen := map[string]Reason{}
	for r := CountEmpty; r <= DateWeekday; r++ {
		w := r.String()
		if w == "" || w == "is not readable" {
			t.Errorf("reason %d has no words", r)
		}
		if prev, ok := seen[w]; ok && !(prev == CountEmpty && r == DateEmpty) {
			t.Errorf("reasons %d and %d share %q", prev, r, w)
		}
		seen[w] = r
	}
	if None.String() != "" || Reason(-1).String() != "is not readable" {
		t.Error("None or an unknown reason is worded wrongly")
	}
}
