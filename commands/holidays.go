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
	if cmd.Name == "holiday list" {
		cmd.Opts.Year = today.Year()
		if len(ts) > 0 {
			y, err := strconv.Atoi(strings.TrimSuffix(ts[0].text, "년"))
			if err != nil || y < 2000 || y > 2100 || len(ts) > 1 {
				return usageErr(cmd.Name, "`%s` is not a year.", "`%s` 부분을 연도로 읽을 수 없습니다.", rawJoin(ts))
			}
			cmd.Opts.Year = y
		}
		return nil
	}
	if len(ts) == 0 {
		return usageErr(cmd.Name, "Which day? Write it like 2026-10-02.", "어느 날인지 2026-10-02처럼 쓰세요.")
	}
	day, err := dates.Parse(ts[0].text, today)
	if err != nil {
		return usageErr(cmd.Name, "I can't read the date `%s`. Write it like 2026-10-02.", "`%s` 부분을 날짜로 읽을 수 없습니다. 2026-10-02처럼 쓰세요.", ts[0].text)
	}
	cmd.Opts.Date = &day
	if cmd.Name == "holiday remove" && len(ts) > 1 {
		return usageErr(cmd.Name, "Give only the date.", "날짜만 쓰세요.")
	}
	cmd.Words = []string{CleanName(textJoin(ts[1:]))}
	return nil
}

// holiday answers the holiday commands.
func (s *Service) holiday(ctx context.Context, cmd Command) Reply {
	switch cmd.Name {
	case "holiday add":
		if err := s.store.SetHoliday(ctx, Holiday{Day: *cmd.Opts.Date, Name: cmd.Words[0]}); err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		return Reply{Title: s.t("%s is now a holiday: reminders skip it.", "%s 날짜를 공휴일로 등록했습니다. 알림 일정에서 뺍니다.", s.date(*cmd.Opts.Date))}
	case "holiday remove":
		removed, err := s.store.RemoveHoliday(ctx, *cmd.Opts.Date)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		if !removed {
			return s.refuse(cmd.Name, s.t("%s is not on the holiday list.", "%s 날짜는 공휴일 목록에 없습니다.", s.date(*cmd.Opts.Date)))
		}
		return Reply{Title: s.t("%s is a working day again.", "%s 날짜를 공휴일 목록에서 지웠습니다.", s.date(*cmd.Opts.Date))}
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
		sec.Lines = []string{s.t("None listed: a manager adds them with `holiday add <date> <name>`.", "등록된 공휴일이 없습니다. 관리자가 `holiday add <날짜> <이름>`으로 추가합니다.")}
	}
	return Reply{Title: s.t("Holidays in %d (besides weekends)", "%d년 공휴일 (주말 제외)", year), Sections: []Section{sec}}
}
