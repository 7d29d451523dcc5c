package dates

import "time"

// JustEndedMonthRange says whether typed is a range of months without a
// year (`1~12월`, `1월-2월`) that ParsePeriod reads, on today, as last
// year's: begun this year but not over, so the range just ended is meant
// (justEndedRange, recentYear). A reply names the year it took and how to
// type this year's (review r32 F15).
func JustEndedMonthRange(typed string, today time.Time) bool {
	m := reMonthRange.FindStringSubmatch(asOfLast(normalize(typed)))
	if m == nil || m[1] != "" {
		return false
	}
	p, err := ParsePeriod(typed, today)
	return err == nil && p.From.Year() < dateOf(today).Year()
}
