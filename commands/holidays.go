package commands

import (
	"context"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// parseHoliday reads `holiday list [year]`, `holiday add <date> [name]` and
// `holiday remove <date>`.
func parseHoliday(cmd *Command, ts []token, today time.Time) error {
	if cmd.Name == cmdHolidayList {
		cmd.Opts.Year = today.Year()
		if len(ts) > 0 {
			y, err := strconv.Atoi(strings.TrimSuffix(ts[0].text, "년"))
			if err != nil || y < 2000 || y > 2100 || len(ts) > 1 {
				return usageErr(cmd.Name, "holidays.is_not_year", "Text", rawJoin(ts))
			}
			cmd.Opts.Year = y
		}
		return nil
	}
	if len(ts) == 0 {
		return usageErr(cmd.Name, "holidays.which_day_write_it")
	}
	// 2026. 5. 1. is three words: take the longest run that reads as a date.
	n, day := dateRun(ts, 0, today)
	if n == 0 {
		return usageErr(cmd.Name, "holidays.i_can_read_date", "Text", ts[0].text)
	}
	cmd.Opts.Date = &day
	if cmd.Name == cmdHolidayRemove && len(ts) > n {
		return usageErr(cmd.Name, "holidays.give_only_date")
	}
	cmd.Words = []string{CleanName(textJoin(ts[n:]))}
	return nil
}

// holiday answers the holiday commands.
func (s *Service) holiday(ctx context.Context, cmd Command) Reply {
	switch cmd.Name {
	case cmdHolidayAdd:
		if err := s.store.SetHoliday(ctx, Holiday{Day: *cmd.Opts.Date, Name: cmd.Words[0]}); err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		return Reply{Title: s.msg("holidays.is_now_holiday_reminders", "Date", s.date(*cmd.Opts.Date))}
	case cmdHolidayRemove:
		removed, err := s.store.RemoveHoliday(ctx, *cmd.Opts.Date)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		if !removed {
			return s.refuse(cmd.Name, s.msg("holidays.is_not_on_holiday", "Date", s.date(*cmd.Opts.Date)))
		}
		return Reply{Title: s.msg("holidays.is_working_day_again", "Date", s.date(*cmd.Opts.Date))}
	}
	year := cmd.Opts.Year
	list, err := s.store.Holidays(ctx, dates.On(year, time.January, 1), dates.On(year, time.December, 31))
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	sec := Section{}
	for _, h := range list {
		sec.Lines = append(sec.Lines, s.date(h.Day)+" "+h.Name)
	}
	if len(sec.Lines) == 0 {
		sec.Lines = []string{s.msg("holidays.none_listed_manager_adds")}
	}
	return Reply{Title: s.msg("holidays.holidays_in_d_besides", "Year", year), Sections: []Section{sec}}
}

// HolidayStore keeps the holidays (`holiday`), which the reminders' working
// days skip.
type HolidayStore interface {
	// Holidays returns the holidays in [from, to], oldest first.
	Holidays(ctx context.Context, from, to time.Time) ([]Holiday, error)
	// SetHoliday adds a holiday or renames one.
	SetHoliday(ctx context.Context, h Holiday) error
	// RemoveHoliday removes a holiday; false if the day was none.
	RemoveHoliday(ctx context.Context, day time.Time) (bool, error)
}
