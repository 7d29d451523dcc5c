package dates

import (
	"testing"
	"time"
)

// The forms officials write that issue 19 saw stored as today: each reads
// as the date it names.
func TestShortAndSpacedForms(t *testing.T) {
	today := On(2026, 11, 26)
	for in, want := range map[string]time.Time{
		"4. 30.":       On(2026, 4, 30),
		"4. 30":        On(2026, 4, 30),
		"4 .30":        On(2026, 4, 30),
		"26.4.30":      On(2026, 4, 30),
		"26.4.30.":     On(2026, 4, 30),
		"'26. 4. 30.":  On(2026, 4, 30),
		"'26.4.30":     On(2026, 4, 30),
		"25. 12. 31.":  On(2025, 12, 31),
		"26/4/30":      On(2026, 4, 30),
		"26년 4월 30일":   On(2026, 4, 30),
		"'26년 4월말":     On(2026, 4, 30),
		"4월 말일":        On(2026, 4, 30),
		"4월 말":         On(2026, 4, 30),
		"2026. 4. 30.": On(2026, 4, 30),
		"지난 금요일":       On(2026, 11, 20),
		"지난 목요일":       On(2026, 11, 19),
		"지지난주 금요일":     On(2026, 11, 13),
	} {
		got, err := Parse(in, today)
		if err != nil || !got.Equal(want) {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"26.2.30", "26-04-30", "4. 31.", "26.13.1", "말일", "월말"} {
		if got, err := Parse(in, today); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", in, got)
		}
	}
}

func TestTwoDigitYearPeriods(t *testing.T) {
	today := On(2026, 11, 26)
	for in, want := range map[string]Period{
		"26년 4월":    monthPeriod(2026, 4),
		"25년 4분기":   quarterPeriod(2025, 4),
		"26년 상반기":   halfPeriod(2026, 1),
		"26년 1~4월":  monthRange(2026, 1, 4),
		"2026년 1분기": quarterPeriod(2026, 1),
		"4. 30.":    ThroughDate(On(2026, 4, 30)),
	} {
		got, err := ParsePeriod(in, today)
		if err != nil || got != want {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
}
