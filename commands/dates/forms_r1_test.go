package dates

import (
	"testing"
	"time"
)

// TestDaysAgoAndTrailingWeekdays: the relative days and weekday-after-date
// forms a fresh review saw stored as today (review r1 S3, A7).
func TestDaysAgoAndTrailingWeekdays(t *testing.T) {
	today := On(2026, 7, 3) // a Friday
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"사흘 전", On(2026, 6, 30)},
		{"이틀 전", On(2026, 7, 1)},
		{"하루 전", On(2026, 7, 2)},
		{"일주일 전", On(2026, 6, 26)},
		{"1주일 전", On(2026, 6, 26)},
		{"2주 전", On(2026, 6, 19)},
		{"한 주 전", On(2026, 6, 26)},
		{"3일 전", On(2026, 6, 30)},
		{"3일전", On(2026, 6, 30)},
		{"그끄저께", On(2026, 6, 30)},
		{"그끄제", On(2026, 6, 30)},
		{"3 days ago", On(2026, 6, 30)},
		{"5/2 토요일", On(2026, 5, 2)},
		{"2026.7.2.목", On(2026, 7, 2)},
		{"7월2일목요일", On(2026, 7, 2)},
		{"7월 2일 목", On(2026, 7, 2)},
	} {
		got, err := Parse(c.in, today)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("Parse(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"5/2 일요일", "2026.7.2.금", "7.2일", "한일전", "0일 전"} {
		if got, err := Parse(in, today); err == nil {
			t.Errorf("Parse(%q) = %v; want an error", in, got)
		}
	}
}

func TestOtherDayNamesBoth(t *testing.T) {
	today := On(2026, 4, 6)
	d, n, wd, ok := OtherDay("오늘(4/7)", today)
	if !ok || wd || !d.Equal(On(2026, 4, 6)) || !n.Equal(On(2026, 4, 7)) {
		t.Errorf("오늘(4/7) = %v %v %v %v", d, n, wd, ok)
	}
	d, n, wd, ok = OtherDay("5/2 일요일", today)
	if !ok || !wd || !d.Equal(On(2026, 5, 2)) || !n.Equal(On(2026, 5, 3)) {
		t.Errorf("5/2 일요일 = %v %v %v %v", d, n, wd, ok)
	}
	for _, in := range []string{"오늘(4/6)", "5/2 토요일", "경로당", "4/6"} {
		if _, _, _, ok := OtherDay(in, today); ok {
			t.Errorf("OtherDay(%q) ok; want not another day", in)
		}
	}
}
