package commands

import (
	"regexp"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// reYearStartDate is the start of a year written as the line's date (연초,
// 연초분, 올해 초, 작년 초, 年初, early this year, start of the year): a part
// of a year, no one day (review r41 F5).
var reYearStartDate = regexp.MustCompile(`(?i)^(?:(?P<last>작년|전년 ?도?|지난 ?해) ?초|(?:올해|금년|올 ?해|이번 ?해) ?초|연초|年初|` +
	`(?:early|earlier) (?:this|the) year|(?:the )?(?:start|beginning) of (?:this|the) year|` +
	`(?P<enlast>early last year|(?:the )?(?:start|beginning) of last year))(?:에|분|부터|경|쯤|께|중)?$`)

// yearStartDate refuses the start of a year as the line's date, naming it
// and the January it means, with the line's date written for that month's
// last weekday; nil when typed is no such word. The note reads the same
// words as that January (yearStartSpellings).
func yearStartDate(cmd *Command, typed string, today time.Time) error {
	m := reYearStartDate.FindStringSubmatch(strings.TrimSpace(typed))
	if m == nil {
		return nil
	}
	year := today.Year()
	if m[reYearStartDate.SubexpIndex("last")] != "" || m[reYearStartDate.SubexpIndex("enlast")] != "" {
		year--
	}
	first := dates.On(year, time.January, 1)
	suggest := lastWeekday(first, dates.On(year, time.January, 31))
	if suggest.After(today) {
		suggest = today // 연초 typed in January: the month so far
	}
	return usageErr(cmd.Name, "early5.year_start_is_not_a_day", "Typed", typed, "Year", year,
		"From", dateArg(first), "To", dateArg(dates.On(year, time.January, 31)), "Suggest", dateArg(suggest))
}
