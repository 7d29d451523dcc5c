package commands

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// periodIsNotADay refuses a period typed where an entry's one day goes
// (날짜:11월, date:Jan), offering its last day; while the period is under
// way it offers today, named as today and the period so far, never as the
// period's last day (review r31 F13/F14).
func periodIsNotADay(cmd *Command, typed string, p dates.Period, today time.Time) error {
	if p.From.After(today) {
		// 53주차 typed on 2026-01-05 is 2026's week 53, all ahead: no
		// period under way, and no day of it has come (review r35 M9)
		return usageErr(cmd.Name, "pastnote19.period_to_come", "Typed", typed, "From", dateArg(p.From), "To", dateArg(p.To))
	}
	if strings.Contains(p.Label, "-W") {
		// 47주차, 2026-W47, 지난주: a week is dated as 11월 넷째주 is, on
		// its last weekday, today while it is under way (review r38 B3:
		// the note's week is offered the same day)
		last := lastWeekday(p.From, p.To)
		if last.After(today) {
			return usageErr(cmd.Name, "pastnote19.week_so_far_is_not_a_day", "Typed", typed,
				"From", dateArg(p.From), "To", dateArg(p.To), "Suggest", dateArg(today))
		}
		return usageErr(cmd.Name, "pastnote19.week_is_not_a_day", "Typed", typed,
			"From", dateArg(p.From), "To", dateArg(p.To), "Suggest", dateArg(last))
	}
	if p.To.After(today) {
		return usageErr(cmd.Name, "kdates.period_so_far_is_not_a_day", "Typed", typed,
			"From", dateArg(p.From), "To", dateArg(p.To), "Suggest", dateArg(today))
	}
	return usageErr(cmd.Name, "parse_entry.period_is_not_a_day", "Typed", typed,
		"From", dateArg(p.From), "To", dateArg(p.To), "Suggest", dateArg(p.To))
}

// reWeekTyped is a week typed by its number, with or without its year:
// 2027년 53주차, 2027-W53, 53주차.
var reWeekTyped = regexp.MustCompile(`^(?:(\d{4}) *(?:-?w|년) *)?제? *(\d{1,2}) *(?:주차?)?$`)

// weekNotInYear refuses a week number its year lacks (2027년 53주차),
// naming the year and how many weeks it has (review r28 F13: it was read
// as the year and a program `53주차`).
func weekNotInYear(cmd *Command, typed string, today time.Time) error {
	m := reWeekTyped.FindStringSubmatch(strings.ToLower(typed))
	if m == nil {
		return usageErr(cmd.Name, "parse.period.week_range", "Typed", typed)
	}
	year := today.Year()
	if m[1] != "" {
		year, _ = strconv.Atoi(m[1])
	}
	week, _ := strconv.Atoi(m[2])
	_, weeks := dates.On(year, 12, 28).ISOWeek()
	return usageErr(cmd.Name, "kdates.week_not_in_year", "Typed", typed, "Year", year, "Week", week, "Weeks", weeks)
}
