package commands

import "jobsbot/commands/reasons"

// reasonIDs maps each reason the numbers and dates packages give to the
// catalogue message that words it. A reason missing here falls back to the
// caller's general message ("not a number I can read", "not a period I know").
var reasonIDs = map[reasons.Reason]string{
	reasons.CountEmpty:        "parse.count.empty",
	reasons.CountNotNumber:    "parse.count.not_number",
	reasons.CountComma:        "parse.count.comma",
	reasons.CountTooLarge:     "parse.count.too_large",
	reasons.CountNotWhole:     "parse.count.not_whole",
	reasons.CountSign:         "parse.count.sign",
	reasons.CountSpace:        "parse.count.space",
	reasons.CountSpaceCounter: "parse.count.space_counter",
	reasons.CountBareUnit:     "parse.count.bare_unit",
	reasons.CountOrder:        "parse.count.order",
	reasons.CountSmallDigit:   "parse.count.small_digit",
	reasons.CountZeroUnit:     "parse.count.zero_unit",
	reasons.CountPlace:        "parse.count.place",
	reasons.CountShortTail:    "k45.count_short_tail",

	reasons.DateNotPeriod: "parse.period.unknown",
	reasons.DateNotDate:   "parse.period.date_format",
	reasons.DateYear:      "parse.period.year_range",
	reasons.DateMonth:     "parse.period.month_range",
	reasons.DateDay:       "parse.period.no_such_date",
	reasons.DateQuarter:   "parse.period.quarter_range",
	reasons.DateHalf:      "parse.period.half",
	reasons.DateWeek:      "parse.period.week_range",
	reasons.DateRange:     "parse.period.backwards",
	reasons.DateNotWeek:   "parse.period.iso_week",
}
