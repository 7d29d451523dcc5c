package commands

import (
	"time"

	"jobsbot/commands/dates"
)

// periodIsNotADay refuses a period typed where an entry's one day goes
// (날짜:11월, date:Jan), offering its last day; while the period is under
// way it offers today, named as today and the period so far, never as the
// period's last day (review r31 F13/F14).
func periodIsNotADay(cmd *Command, typed string, p dates.Period, today time.Time) error {
	if p.To.After(today) {
		return usageErr(cmd.Name, "kdates.period_so_far_is_not_a_day", "Typed", typed,
			"From", dateArg(p.From), "To", dateArg(p.To), "Suggest", dateArg(today))
	}
	return usageErr(cmd.Name, "parse_entry.period_is_not_a_day", "Typed", typed,
		"From", dateArg(p.From), "To", dateArg(p.To), "Suggest", dateArg(p.To))
}
