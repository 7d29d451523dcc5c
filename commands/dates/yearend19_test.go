package dates

import (
	"testing"
	"time"
)

// AheadNextYear (review r39 F16): a day without a year that, read this
// year, lies behind today while next year's is within two months ahead.
func TestAheadNextYear(t *testing.T) {
	t.Parallel()
	dec31 := On(2026, 12, 31)
	for _, tc := range []struct {
		typed string
		today time.Time
		want  string // the day next year, "" not asked
	}{
		{"1월 2일", dec31, "2027-01-02"},
		{"1. 4.", dec31, "2027-01-04"},
		{"1/2", dec31, "2027-01-02"},
		{"1월말", dec31, "2027-01-31"},
		{"Jan 6", dec31, "2027-01-06"},
		{"2월 28일", dec31, "2027-02-28"},
		{"3월 31일", dec31, ""}, // next year's more than two months off
		{"2월 10일", On(2026, 11, 26), ""},
		{"4월 3일", dec31, ""},       // next year's more than three months off
		{"2026. 1. 2.", dec31, ""}, // the year said
		{"26. 1. 2.", dec31, ""},
		{"올해 1월 2일", dec31, ""},
		{"12월 30일", dec31, ""}, // yesterday
		{"1월 2일", On(2026, 7, 1), ""},
		{"12월 31일", On(2027, 1, 4), ""}, // last December's, recentYear
		{"어제", dec31, ""},
	} {
		_, ahead, ok := AheadNextYear(tc.typed, tc.today)
		got := ""
		if ok {
			got = ahead.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("AheadNextYear(%q, %s) = %q, want %q", tc.typed, tc.today.Format("2006-01-02"), got, tc.want)
		}
	}
}
