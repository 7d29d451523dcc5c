package numbers

import "testing"

// The press line's rounding: 여 means "more than", so a figure is never
// rounded up (11,980 is never "1만 2천여개").
func TestPressNeverRoundsUp(t *testing.T) {
	for _, tc := range []struct {
		n      int64
		approx bool
		ko, en string
	}{
		{11980, false, "1만 1,900여개", "more than 11,900"},
		{12000, false, "1만 2,000개", "12,000"},
		{12040, false, "1만 2,000여개", "more than 12,000"},
		{12000, true, "1만 2,000여개", "more than 12,000"},
		{20500, false, "2만 500개", "20,500"},
		{8980, false, "8,900여개", "more than 8,900"},
		{3000, false, "3,000개", "3,000"},
		{187, false, "187개", "187"},
		{15, false, "15개", "15"},
		{119, false, "119개", "119"},
		{999, false, "999개", "999"},
		{76, true, "76여개", "more than 76"},
		{1050, false, "1,000여개", "more than 1,000"},
		{180, false, "180개", "180"},
		{7, false, "7개", "7"},
		{10000, false, "1만개", "10,000"},
		{100050, false, "10만여개", "more than 100,000"},
	} {
		if got := Press(tc.n, tc.approx); got != tc.ko {
			t.Errorf("Press(%d, %v) = %q, want %q", tc.n, tc.approx, got, tc.ko)
		}
		if got := PressEnglish(tc.n, tc.approx); got != tc.en {
			t.Errorf("PressEnglish(%d, %v) = %q, want %q", tc.n, tc.approx, got, tc.en)
		}
	}
}
