package commands

import (
	"regexp"
	"time"
)

// reSpacedMonth is a number set apart from the 월 after it (`4 월말`,
// `4 월 30일`): read as a month, but likely the count typed before a
// month-less 월말.
var reSpacedMonth = regexp.MustCompile(`^([0-9]{1,2}) +월`)

// spacedMonthLeftNoCount refuses a line whose only number was read as the
// month of a date written apart from it (review r39 F13: `추가 투자 4 월말`
// said only that `4 월말` was read as 4월 30일). The reply says the number
// went to the month, so none was left for the count, and how to give both:
// the count, then the date after 날짜: with its month, the example being the
// last month end before today. nil when dateTyped is not of that form.
func spacedMonthLeftNoCount(cmd *Command, dateTyped string, today time.Time) error {
	m := reSpacedMonth.FindStringSubmatch(dateTyped)
	if m == nil || cmd.Opts.Date == nil {
		return nil
	}
	lastMonthEnd := today.AddDate(0, 0, -today.Day())
	return usageErr(cmd.Name, "labels19.spaced_month_left_no_count", "DateTyped", dateTyped, "Number", m[1],
		"Date", dateArg(*cmd.Opts.Date), "MonthDay", monthDayArg(*cmd.Opts.Date), "Example", int(lastMonthEnd.Month()))
}
