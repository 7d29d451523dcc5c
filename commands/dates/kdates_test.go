package dates

import "testing"

// Review r31 F4: an English month name with a day is that day; alone it
// stays the month (a period). Review r28 F13: a quarter or a half with its
// year after it is that quarter or half.
func TestKdatesEnglishMonthDayAndYearLast(t *testing.T) {
	t.Parallel()
	jan8 := On(2027, 1, 8)
	for in, want := range map[string]string{
		"dec 31": "2026-12-31", "Dec. 30": "2026-12-30", "December 30th": "2026-12-30", "30 Dec": "2026-12-30",
		"Jan 7": "2027-01-07", "Dec 29, 2026": "2026-12-29", "29th of December": "2026-12-29", "1st jan": "2027-01-01",
	} {
		d, err := Parse(in, jan8)
		if err != nil || d.Format("2006-01-02") != want {
			t.Errorf("Parse(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"dec", "Dec 32", "feb 30", "sunny 5", "30 jobs"} {
		if _, err := Parse(in, jan8); err == nil {
			t.Errorf("Parse(%q) read a day", in)
		}
	}
	for in, want := range map[string]string{"q4 2026": "2026 Q4", "4분기 2026": "2026 Q4", "상반기 2026년": "2026 H1", "h2 2025": "2025 H2", "2026 q4": "2026 Q4"} {
		p, err := ParsePeriod(in, jan8)
		if err != nil || p.Label != want {
			t.Errorf("ParsePeriod(%q) = %q, %v; want %s", in, p.Label, err, want)
		}
	}
	if !EnglishDayFirst("30 Dec") || EnglishDayFirst("Dec 30") || EnglishDayFirst("30 일") {
		t.Error("EnglishDayFirst tells 30 Dec from Dec 30 and Korean")
	}
}
