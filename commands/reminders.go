package commands

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
)

// Reminder rounds: the first a few working days before the month's last
// working day, the second on it.
const (
	RoundFirst = 1
	RoundLast  = 2
)

// ReminderSchedule says when the month-end reminders go out: DaysBefore
// working days before the last working day of the month (round 1) and on
// that day (round 2), at Hour:Minute in the bot's time zone.
type ReminderSchedule struct {
	DaysBefore   int
	Hour, Minute int
}

// DefaultReminderSchedule is 3 working days before the last working day, 10:00.
var DefaultReminderSchedule = ReminderSchedule{DaysBefore: 3, Hour: 10}

// ParseReminderSchedule reads REMINDER_SCHEDULE: "<working days before> <HH:MM>",
// e.g. "3 10:00"; "" is the default.
func ParseReminderSchedule(s string) (ReminderSchedule, error) {
	if strings.TrimSpace(s) == "" {
		return DefaultReminderSchedule, nil
	}
	days, clock, ok := strings.Cut(strings.TrimSpace(s), " ")
	n, err := strconv.Atoi(days)
	if !ok || err != nil || n < 1 || n > 15 {
		return ReminderSchedule{}, fmt.Errorf("REMINDER_SCHEDULE %q: want \"<working days before the last working day, 1-15> <HH:MM>\", e.g. \"3 10:00\"", s)
	}
	t, err := time.Parse("15:04", strings.TrimSpace(clock))
	if err != nil {
		return ReminderSchedule{}, fmt.Errorf("REMINDER_SCHEDULE %q: the time must be HH:MM: %w", s, err)
	}
	return ReminderSchedule{DaysBefore: n, Hour: t.Hour(), Minute: t.Minute()}, nil
}

// Holiday is a day besides Saturdays and Sundays that is not a working day.
type Holiday struct {
	Day  time.Time
	Name string
}

// workingDay reports whether day is neither a weekend nor a holiday.
func workingDay(day time.Time, holidays map[time.Time]bool) bool {
	wd := day.Weekday()
	return wd != time.Saturday && wd != time.Sunday && !holidays[day]
}

// LastWorkingDay is the month's last working day.
func LastWorkingDay(month time.Time, holidays map[time.Time]bool) time.Time {
	day := dates.On(month.Year(), month.Month(), 1).AddDate(0, 1, -1)
	for !workingDay(day, holidays) && day.Day() > 1 {
		day = day.AddDate(0, 0, -1)
	}
	return day
}

// workingDaysBefore counts n working days back from day.
func workingDaysBefore(day time.Time, n int, holidays map[time.Time]bool) time.Time {
	for n > 0 {
		day = day.AddDate(0, 0, -1)
		if workingDay(day, holidays) {
			n--
		}
	}
	return day
}

// ReminderPlan is one round of one month: when it is due and which
// departments have not reported (no live entry dated in the month and no
// "nothing" report).
type ReminderPlan struct {
	Month  time.Time // the first of the month
	Round  int
	Day    time.Time // the working day it goes out
	Due    time.Time // the instant it goes out
	Silent []Department
	// Closed is set when the month is closed (마감): no reminder goes out,
	// so Silent is empty.
	Closed *MonthClose
	// Unreported, for a closed month, are the departments that still have
	// no report for it (no entry, no 실적 없음): closing does not make them
	// reported, and the preview names them (review r20 F24).
	Unreported []Department
}

// ReminderDays returns the days of both rounds of month.
func (s *Service) ReminderDays(ctx context.Context, month time.Time) (first, last time.Time, err error) {
	month = dates.On(month.Year(), month.Month(), 1)
	list, err := s.store.Holidays(ctx, month.AddDate(0, -1, 0), month.AddDate(0, 1, -1))
	if err != nil {
		return first, last, err
	}
	holidays := make(map[time.Time]bool, len(list))
	for _, h := range list {
		holidays[h.Day] = true
	}
	last = LastWorkingDay(month, holidays)
	return workingDaysBefore(last, s.schedule.DaysBefore, holidays), last, nil
}

// PlanReminders lists the departments round of month would remind.
func (s *Service) PlanReminders(ctx context.Context, month time.Time, round int) (ReminderPlan, error) {
	month = dates.On(month.Year(), month.Month(), 1)
	first, last, err := s.ReminderDays(ctx, month)
	if err != nil {
		return ReminderPlan{}, err
	}
	p := ReminderPlan{Month: month, Round: round, Day: first}
	if round == RoundLast {
		p.Day = last
	}
	p.Due = time.Date(p.Day.Year(), p.Day.Month(), p.Day.Day(), s.schedule.Hour, s.schedule.Minute, 0, 0, s.loc)
	closes, err := s.store.MonthClosesBetween(ctx, month, month)
	if err != nil {
		return p, err
	}
	silent, err := s.unreportedDepartments(ctx, month)
	if err != nil {
		return p, err
	}
	if len(closes) > 0 { // a closed month's figures are in: nobody to chase, but who never reported is still said
		p.Closed, p.Unreported = &closes[0], silent
		return p, nil
	}
	p.Silent = silent
	return p, nil
}

// unreportedDepartments are the departments with no report for month (no
// live entry dated in it, no 실적 없음), in the list's order: whom the
// reminders chase, and whom a closed month's preview and 마감 name.
func (s *Service) unreportedDepartments(ctx context.Context, month time.Time) ([]Department, error) {
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return nil, err
	}
	reported, err := s.store.ReportedDepartments(ctx, month)
	if err != nil {
		return nil, err
	}
	var silent []Department
	for _, d := range depts {
		if !reported[d.Name] {
			silent = append(silent, d)
		}
	}
	return silent, nil
}

// joinDepartmentNames joins the departments' names for a reply.
func joinDepartmentNames(depts []Department) string {
	names := make([]string, len(depts))
	for i, d := range depts {
		names[i] = d.Name
	}
	return strings.Join(names, ", ")
}

// ClosedUnreportedLine is closedUnreportedLine for `remind --dry-run`.
func (s *Service) ClosedUnreportedLine(p ReminderPlan) string {
	return s.closedUnreportedLine(p.Month, p.Unreported)
}

// closedUnreportedLine says which departments never reported for a closed
// month, or that every one did: closing does not make a department
// reported (review r20 F24/F25).
func (s *Service) closedUnreportedLine(month time.Time, unreported []Department) string {
	if len(unreported) == 0 {
		return s.msg("k54.closed_all_reported", "Month", s.monthLabel(month))
	}
	return s.msg("k54.closed_unreported", "Month", s.monthLabel(month), "Count", len(unreported), "Names", joinDepartmentNames(unreported))
}

// DueReminders returns the latest round of now's month that is due by now,
// ok false before the first round's time. A bot that was down over a round's
// time finds it due when it starts, which is the catch-up.
func (s *Service) DueReminders(ctx context.Context, now time.Time) (ReminderPlan, bool, error) {
	today := dates.Today(now, s.loc)
	for _, round := range []int{RoundLast, RoundFirst} {
		p, err := s.PlanReminders(ctx, today, round)
		if err != nil {
			return p, false, err
		}
		if !now.Before(p.Due) {
			return p, true, nil
		}
	}
	return ReminderPlan{}, false, nil
}

// currentRound is the round `remind preview` and `remind send` mean today:
// the last once its day has come, else the first.
func (s *Service) currentRound(ctx context.Context) (ReminderPlan, error) {
	p, err := s.PlanReminders(ctx, s.today(), RoundLast)
	if err != nil || !s.today().Before(p.Day) {
		return p, err
	}
	return s.PlanReminders(ctx, s.today(), RoundFirst)
}

// ReminderReply is the message a silent department gets: what is missing and
// two buttons, one opening the add form with the department filled in, one
// recording that there was nothing this month.
func (s *Service) ReminderReply(p ReminderPlan, d Department) Reply {
	title := s.msg("reminders.reminder_has_not_reported", "Name", d.Name, "Month", s.monthLabel(p.Month))
	if p.Round == RoundLast {
		title = s.msg("reminders.last_reminder_has_not", "Name", d.Name, "Month", s.monthLabel(p.Month))
	}
	month := p.Month.Format("2006-01")
	return Reply{Command: "remind", Outcome: OutcomeOK, Title: title,
		Sections: []Section{{Lines: []string{s.msg("reminders.if_there_was_nothing")}}},
		Actions: []Action{
			{ID: ActionReport, Label: s.msg("reminders.report_now"), Command: `add dept:"` + d.Name + `"`, Style: "primary"},
			{ID: ActionNothing, Label: s.msg("reminders.nothing_this_month"), Command: "none " + month + ` dept:"` + d.Name + `"`},
		}}
}

// ReminderListReply is the managers' list of the last round.
func (s *Service) ReminderListReply(p ReminderPlan) Reply {
	names := make([]string, len(p.Silent))
	for i, d := range p.Silent {
		names[i] = d.Name
	}
	title := s.msg("reminders.not_yet_reported_for", "Month", s.monthLabel(p.Month), "Count", len(names), "Join", strings.Join(names, ", "))
	if len(names) == 0 {
		title = s.msg("reminders.every_department_has_reported", "Month", s.monthLabel(p.Month))
	}
	if p.Closed != nil {
		title = s.msg("audit.reminders_closed", "Month", s.monthLabel(p.Month))
		return Reply{Command: "remind", Outcome: OutcomeOK, Title: title,
			Sections: []Section{{Lines: []string{s.closedUnreportedLine(p.Month, p.Unreported)}}}}
	}
	return Reply{Command: "remind", Outcome: OutcomeOK, Title: title}
}

// ReminderSender sends a round of reminders exactly once per department and
// recipient; package bot/remind implements it.
type ReminderSender interface {
	SendReminders(ctx context.Context, p ReminderPlan) (ReminderResult, error)
}

// ReminderResult counts what a send did.
type ReminderResult struct {
	Sent, Already, NoContact int
}

// remindPreview answers `remind preview`: who the current round would remind.
func (s *Service) remindPreview(ctx context.Context, cmd Command) Reply {
	p, err := s.currentRound(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if p.Closed != nil { // no reminder goes out; who never reported is still said, never "everyone reported"
		return Reply{Title: s.msg("audit.reminders_closed", "Month", s.monthLabel(p.Month)),
			Sections: []Section{{Lines: []string{s.closedUnreportedLine(p.Month, p.Unreported)}}}}
	}
	sec := Section{}
	for _, d := range p.Silent {
		to := s.msg("reminders.no_reporters_or_channel", "Name", d.Name)
		switch {
		case len(d.Reporters) > 0:
			to = mentions(d.Reporters)
		case d.Channel != "":
			to = MentionChannel(d.Channel)
		}
		sec.Lines = append(sec.Lines, d.Name+" → "+to)
	}
	if len(sec.Lines) == 0 {
		sec.Lines = []string{s.msg("reminders.nobody_every_department_has")}
	}
	title := "reminders.reminder_round_d_for"
	if !p.Due.After(s.now()) {
		// Its time has passed: "발송 예정" on 11/26 of 11/25 10:00 read as
		// a send to come (review r43 A6). remind send sends it now.
		title = "agree2.reminder_round_was_due"
	}
	return Reply{Title: s.msg(title, "Round", p.Round, "Month", s.monthLabel(p.Month), "Due", s.instant(p.Due), "Silent", len(p.Silent), i18n.PluralCount, len(p.Silent)), Sections: []Section{sec}}
}

// remindSend answers `remind send`: the current round now, through the same
// exactly-once ledger as the scheduled sends.
func (s *Service) remindSend(ctx context.Context, cmd Command) Reply {
	if s.reminders == nil {
		return s.refuse(cmd.Name, s.msg("reminders.reminders_are_not_set"))
	}
	p, err := s.currentRound(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	res, err := s.reminders.SendReminders(ctx, p)
	if err != nil {
		s.log.ErrorContext(ctx, "reminder send failed", "month", p.Month.Format("2006-01"), "round", p.Round, "err", err)
		return Reply{Command: cmd.Name, Outcome: OutcomeFailed, Title: s.msg("reminders.some_reminders_could_not")}
	}
	return Reply{Title: s.msg("reminders.round_d_for_sent", "Round", p.Round, "Month", s.monthLabel(p.Month), "Sent", res.Sent, "Already", res.Already, "NoContact", res.NoContact, i18n.PluralCount, res.NoContact)}
}

// ReportDepartment returns the department a Report now button's value
// (`add dept:"…"`) names; the bot opens the add form with it filled in.
func ReportDepartment(value string) string {
	cmd := Command{Name: cmdAdd}
	if _, err := takeOptions(&cmd, tokenize(value), time.Time{}); err != nil {
		return ""
	}
	return cmd.Opts.Department
}

// ReminderStore is what the reminders read besides the departments and the
// holidays: who has reported for a month.
type ReminderStore interface {
	// ReportedDepartments returns the departments with a live entry dated in
	// the month starting on month, or a live "nothing" report for it.
	ReportedDepartments(ctx context.Context, month time.Time) (map[string]bool, error)
}
