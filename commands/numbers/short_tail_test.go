package numbers

import (
	"errors"
	"testing"

	"jobsbot/commands/reasons"
)

// Review r13 S7: a short digit run after 천, 백 or 만 does not say its
// place; it is refused with both readings, digits filling the lower part
// read as before.
func TestShortTailIsRefusedWithBothReadings(t *testing.T) {
	for in, want := range map[string][2]int64{
		"1천2": {1002, 1200}, "2백5": {205, 250}, "1만5": {10005, 15000}, "1만50": {10050, 15000},
		"1만2천5": {12005, 12500}, "천5": {1005, 1500}, "1만 2": {10002, 12000}, "3억5": {300000005, 350000000},
		"1천2명": {1002, 1200}, "1천2여": {1002, 1200},
	} {
		_, err := Parse(in)
		var e *Error
		if !errors.As(err, &e) || e.Reason != reasons.CountShortTail || e.Readings != want {
			t.Errorf("Parse(%q): %v %+v, want CountShortTail %v", in, err, e, want)
		}
	}
	for in, want := range map[string]int64{
		"천5백": 1500, "만2천": 12000, "2만500": 20500, "1만2천": 12000, "1만 2,000": 12000, "1천25": 1025,
		"2백50": 250, "3십5": 35, "1만2000": 12000, "1억2345만6789": 123456789,
	} {
		if got, err := Parse(in); err != nil || got.Value != want {
			t.Errorf("Parse(%q) = %+v, %v; want %d", in, got, err, want)
		}
	}
}
