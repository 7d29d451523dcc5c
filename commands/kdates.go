package commands

import (
	"context"
	"errors"
	"regexp"
	"slices"
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
		if p.From.Month() != p.To.Month() && !p.To.After(today) {
			// 53주차 typed on 2027-01-04: over two months, which month's
			// figure it is, asked as the note form asks (review r41 F6);
			// each month's last working day offered (workdaySuggestions)
			monthEnd := dates.On(p.From.Year(), p.From.Month()+1, 0)
			return usageErr(cmd.Name, "weeks3.week_two_months", "Typed", typed, "From", dateArg(p.From), "To", dateArg(p.To),
				"M1", int(p.From.Month()), "M2", int(p.To.Month()),
				"First", dateArg(lastWeekday(p.From, monthEnd)), "Second", dateArg(lastWeekday(monthEnd.AddDate(0, 0, 1), p.To)))
		}
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
	if week == 0 {
		// 0주차: weeks count from 1, whatever the year (minor43)
		return usageErr(cmd.Name, "minor43.week_zero", "Typed", typed, "Year", year, "Weeks", weeks)
	}
	return usageErr(cmd.Name, "kdates.week_not_in_year", "Typed", typed, "Year", year, "Week", week, "Weeks", weeks)
}

// workdaySuggestions moves the days a week's refusal offers (날짜:53주차,
// 날짜:47주차, 날짜:11월 넷째주) off the holidays table's days: the last
// working day of the week, or of its days in each month, not the last
// weekday (review r41 F6: 2027. 1. 1., 신정, was offered). A part with no
// working day keeps its last day. err is returned as it is otherwise.
func (s *Service) workdaySuggestions(ctx context.Context, err error) error {
	ue, ok := errors.AsType[*UsageError](err)
	if !ok || ue.ID != "weeks3.week_two_months" && ue.ID != "pastnote19.week_is_not_a_day" && ue.ID != "notes.week_of_month_date" {
		return err
	}
	arg := func(name string) (int, time.Time) {
		for i := 0; i+1 < len(ue.Args); i += 2 {
			if ue.Args[i] == name {
				if d, ok := ue.Args[i+1].(dateArg); ok {
					return i + 1, time.Time(d)
				}
			}
		}
		return -1, time.Time{}
	}
	_, from := arg("From")
	_, to := arg("To")
	if from.IsZero() || to.IsZero() {
		return err
	}
	list, herr := s.store.Holidays(ctx, from, to)
	if herr != nil || len(list) == 0 {
		return err
	}
	holidays := map[time.Time]bool{}
	for _, h := range list {
		holidays[h.Day] = true
	}
	last := func(from, to time.Time) time.Time {
		for d := to; !d.Before(from); d = d.AddDate(0, 0, -1) {
			if workingDay(d, holidays) {
				return d
			}
		}
		return to
	}
	args := slices.Clone(ue.Args)
	if i, _ := arg("Suggest"); i >= 0 {
		args[i] = dateArg(last(from, to))
	}
	if i, _ := arg("First"); i >= 0 {
		args[i] = dateArg(last(from, dates.On(from.Year(), from.Month()+1, 0)))
	}
	if i, _ := arg("Second"); i >= 0 {
		args[i] = dateArg(last(dates.On(to.Year(), to.Month(), 1), to))
	}
	return &UsageError{Command: ue.Command, ID: ue.ID, Args: args}
}
