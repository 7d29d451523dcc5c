package commands

import (
	"regexp"
	"time"

	"jobsbot/commands/dates"
)

// reDigestWeekNumber is a week number with 주 alone (49주, 2026년 49주): in
// 주간보고, which takes nothing but a week, it can only be the week
// numbered so, as 49주차 is (review r39 F13: `주간보고 49주` was refused).
var reDigestWeekNumber = regexp.MustCompile(`^((?:\d{4} *년 *)?제? *\d{1,2} *)주$`)

// digestWeekNumber reads `49주` as `49주차` for the week readers; any other
// text is returned as it is.
func digestWeekNumber(typed string) string {
	if m := reDigestWeekNumber.FindStringSubmatch(typed); m != nil {
		return m[1] + "주차"
	}
	return typed
}

// digestWeekOfMonth reads a week of a month (`12월 첫째 주`, `2026년 11월
// 4주차`) with the one reader `추가` and `현황` use (readWeekOfMonth), as the
// ISO week holding its days: the digest covers whole weeks, Monday to
// Sunday, and the month's week is one of them clipped to the month (review
// r39 F13: `주간보고 12월 첫째 주` was refused as no week). ok is false when
// ts are not one such week and nothing else.
func digestWeekOfMonth(cmd *Command, ts []token, today time.Time) (monday time.Time, ok bool, err error) {
	w, k, found := readWeekOfMonth(ts, today)
	if !found || k != len(ts) {
		return time.Time{}, false, nil
	}
	if !w.has {
		return time.Time{}, true, usageErr(cmd.Name, "kdates.week_of_month_none", "Typed", w.typed, "Year", w.year, "Month", w.month)
	}
	return dates.WeekStart(w.from), true, nil
}
