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

// review_ko2 finding 11: in the first weeks of January a month, day,
// quarter, half or week typed without a year is the year just ended, not
// one eleven months ahead; a date only days ahead stays this year's (and is
// refused by the caller as a future day).
func TestYearlessIsTheRecentPast(t *testing.T) {
	jan5 := On(2027, 1, 5)
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"12월말", On(2026, 12, 31)},
		{"12. 31.", On(2026, 12, 31)},
		{"12/30", On(2026, 12, 30)},
		{"12월 31일자", On(2026, 12, 31)},
		{"성탄절", On(2026, 12, 25)},
		{"1/4", On(2027, 1, 4)},
	} {
		if got, err := Parse(tc.in, jan5); err != nil || !got.Equal(tc.want) {
			t.Errorf("Parse(%q) on 2027-01-05 = %v, %v; want %s", tc.in, got, err, tc.want.Format(time.DateOnly))
		}
	}
	for _, tc := range []struct{ in, label string }{
		{"12월", "2026-12"}, {"4분기", "2026 Q4"}, {"하반기", "2026 H2"}, {"10~12월", "2026-10~12"},
		{"52주차", "2026-W52"}, {"12월말", "~2026-12-31"}, {"1월", "2027-01"}, {"2027년 12월", "2027-12"},
	} {
		if p, err := ParsePeriod(tc.in, jan5); err != nil || p.Label != tc.label {
			t.Errorf("ParsePeriod(%q) on 2027-01-05 = %+v, %v; want %s", tc.in, p, err, tc.label)
		}
	}
	// Days ahead stays this year's; so does a month a season away.
	nov26 := On(2026, 11, 26)
	if got, _ := Parse("12/30", nov26); !got.Equal(On(2026, 12, 30)) {
		t.Errorf("Parse(12/30) on 2026-11-26 = %s, want 2026-12-30", got.Format(time.DateOnly))
	}
	if p, _ := ParsePeriod("12월", On(2026, 4, 30)); p.Label != "2026-12" {
		t.Errorf("ParsePeriod(12월) on 2026-04-30 = %s, want 2026-12", p.Label)
	}
	// A range's right side keeps the left side's year.
	if p, err := ParsePeriod("1. 1.~12. 31.", On(2026, 11, 26)); err != nil || !p.To.Equal(On(2026, 12, 31)) {
		t.Errorf("ParsePeriod(1. 1.~12. 31.) = %+v, %v", p, err)
	}
}
