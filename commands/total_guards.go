package commands

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
)

// askAboutSizeAndTotals asks the last questions before an add is written,
// all at once so one confirmation answers them: an entry over the year's
// target (overYearTarget), a delta that reads like a 누계 (totalAsDelta) and
// a January 누계 that carries last year's total (newYearCarry).
func (s *Service) askAboutSizeAndTotals(ctx context.Context, c Caller, e NewEntry, p Program, cmd Command) (Reply, bool, error) {
	size, err := "", error(nil)
	if e.Kind == KindCumulative && e.Status == StatusRealised {
		size, err = s.cumulativeOverYearTarget(ctx, p, e)
	} else {
		size, err = s.overYearTarget(ctx, p, e.AsOf.Year(), e.Count, e.Approximate)
	}
	if err != nil {
		return Reply{}, false, err
	}
	var (
		totals  []string
		dateQ   *dateQuestion // a question of the entry's date (review r21 M2)
		figureQ bool          // a question of its figure besides the size's
		carry   bool          // the January question of last year's total
	)
	for _, ask := range []func(context.Context, NewEntry, Program, Command) (string, *dateQuestion, error){s.pastYearDate, s.monthTurnTotal} {
		why, q, err := ask(ctx, e, p, cmd)
		if err != nil {
			return Reply{}, false, err
		}
		if why != "" {
			totals = append(totals, why)
			if dateQ == nil {
				dateQ = q
			}
		}
	}
	var alts []NewEntry // the entries of the other lines the question offers (r23 M5)
	figures := []func(context.Context, NewEntry, Program, Command) (string, error){s.totalAsDelta, s.newYearCarry, s.newYearDelta}
	if e.Kind == KindCumulative && e.Status == StatusRealised {
		// A 누계 not above the ledger through its date writes nothing: the
		// store answers it as agreeing (or covered by its 여) or lower, so
		// its figure is not asked about. Asked first, the question offered
		// lines the ledger then refused (review r43 A1: 1,500여 on 1,502
		// held as last year's carry, 1,500 − 1,422 = 78여 below 1,502).
		through, _, err := s.programJobs(ctx, p.ID, dates.On(e.AsOf.Year(), 1, 1), e.AsOf, "")
		if err != nil {
			return Reply{}, false, err
		}
		if e.Count <= through {
			figures = nil
		}
	}
	for i, ask := range figures {
		why, err := ask(ctx, e, p, cmd)
		if err != nil {
			return Reply{}, false, err
		}
		if why != "" {
			totals = append(totals, why)
			figureQ = true
			carry = carry || i > 0 // the January question (review r39 F11)
			more, err := s.figureAnswers(ctx, i, e, cmd)
			if err != nil {
				return Reply{}, false, err
			}
			alts = append(alts, more...)
		}
	}
	if len(totals) > 0 && e.CloseReason == "" {
		// In a closed month without a reason the write is refused anyway:
		// asking first whether it is a 누계 would be one question too many.
		// Looked up only when there is a question, so a plain add costs
		// no query more.
		closes, err := s.store.MonthClosesBetween(ctx, e.AsOf, e.AsOf)
		if err != nil {
			return Reply{}, false, err
		}
		if len(closes) > 0 {
			totals, dateQ = nil, nil
		}
	}
	whys := slices.DeleteFunc(append([]string{size}, totals...), func(w string) bool { return w == "" })
	if len(whys) == 0 {
		return Reply{}, false, nil
	}
	if dateQ != nil {
		dateQ.withFigure = figureQ || size != ""
	}
	r, held, err := s.confirmReply(ctx, c, cmd, e, false, strings.Join(whys, "\n"), dateQ, alts...)
	if err == nil && carry {
		err = s.markCarryAnswers(ctx, e, alts)
	}
	return r, held, err
}

// figureAnswers are the entries the lines a figure question offers beside
// the held line would record (review r23 M5): for a delta that may be a
// 누계 (question 0, totalAsDelta), the 누계 of that figure on its date and,
// at a month's turn, on the month before's end; for a January 누계 near
// last year's (question 1, newYearCarry), that 누계 at last year's end and
// the continued year's difference. Each is the question's other answer:
// once one records, the held line's confirmation is refused, and the other
// way round. An entry offered only in some replies (a line below the
// ledger is not offered) is still linked: recorded within the day, it
// answers the question all the same.
func (s *Service) figureAnswers(ctx context.Context, question int, e NewEntry, cmd Command) ([]NewEntry, error) {
	total := e
	total.Kind = KindCumulative
	switch question {
	case 0:
		out := []NewEntry{total}
		today := s.today()
		if cmd.Opts.Date == nil && cmd.dateTyped == "" && e.AsOf.Equal(today) && today.Day() <= monthTurnDays {
			end := total
			end.AsOf = dates.On(today.Year(), today.Month(), 1).AddDate(0, 0, -1)
			out = append(out, end)
		}
		return out, nil
	case 1, 2:
		// newYearCarry's lines; newYearDelta offers the same (review r39 F11)
		end := total
		end.AsOf = dates.On(e.AsOf.Year()-1, time.December, 31)
		out := []NewEntry{end}
		prev, err := s.lastYearTotal(ctx, e)
		if err != nil {
			return nil, err
		}
		if e.Count > prev {
			cont := total
			cont.Count = e.Count - prev
			out = append(out, cont)
		}
		return out, nil
	}
	return nil, nil
}

// programJobs is the program's live realised jobs with as-of dates in
// [from, to], every department's, straight from the ledger, and the part
// of them filed under dept.
func (s *Service) programJobs(ctx context.Context, programID int64, from, to time.Time, dept string) (all, own int64, err error) {
	depts, err := s.store.ProgramDepartmentJobs(ctx, programID, from, to)
	if err != nil {
		return 0, 0, err
	}
	for _, d := range depts {
		all += d.Jobs
		if d.Department == dept {
			own += d.Jobs
		}
	}
	return all, own, nil
}

// programJobsApprox is the program's live realised jobs with as-of dates in
// [from, to], every department's, and whether part of them is approximate
// now (여), so a reply quoting the figure keeps its 여 (review r22 F9/F21).
func (s *Service) programJobsApprox(ctx context.Context, programID int64, from, to time.Time) (int64, bool, error) {
	if to.Before(from) {
		return 0, false, nil
	}
	list, err := s.store.ProgramTotals(ctx, from, to, "")
	if err != nil {
		return 0, false, err
	}
	for _, t := range list {
		if t.ProgramID == programID {
			return t.Jobs, t.Approximate > 0, nil
		}
	}
	return 0, false, nil
}

// periodEnd reports whether a typed date names a month's or a period's end
// (11월말, 지난달 말, 3분기말, 말일, 연말): the date reports give their 누계.
func periodEnd(typed string) bool {
	f := strings.ToLower(typed)
	return strings.Contains(f, "말") || strings.Contains(f, "그믐") || strings.Contains(f, "end")
}

// totalAsDelta asks about a realised delta that may be a 누계 written
// without the word (review F35: `추가 청년 1,240 12월말` doubled the
// program's figure; review r11 F2: `추가 1만 2천 취약계층 날짜:11. 25.`
// right after a 12,100 누계, and `추가 1천 공동체` on a year of 120, were
// simply added): one that is at least nearly (nearTotal) the program's
// latest 누계 report dated on or before it, or its year-to-date total
// through its date, whatever its date's words and however the program is
// reported (the year-to-date branch only when the delta is also at least
// twice the program's largest earlier delta of the year, below); or one
// dated with a period's end word at least its
// department's own year-to-date figure in the program, which is what a
// department's month-end 누계 is. Never when that figure is zero: with
// nothing recorded before it, a delta and a 누계 record the same, so the
// year's first delta is no question. A 누계 dated after the delta is left
// to the question whether the delta is inside it (askInsideLaterReport).
// The question names the figure it matched and shows the line to type
// for a 누계, when that line would record anything.
//
// Twice the largest earlier delta (issue 20, r16): `추가 청년 40` then
// `추가 청년 41` was asked, 41 being 90% of a year made of one delta. A
// 누계 holds every delta before it, so once the year has two of some size
// it is at least about twice the largest; a delta under twice the largest
// is an ordinary one (as a 누계 it would mean fewer new jobs than that
// delta). The latest 누계 report is compared without it: `1만 2천` right
// after a 12,100 누계 repeats the report, whatever the deltas were.
func (s *Service) totalAsDelta(ctx context.Context, e NewEntry, p Program, cmd Command) (string, error) {
	if e.Kind != KindDelta || e.Status != StatusRealised {
		return "", nil
	}
	ytd, own, err := s.programJobs(ctx, e.ProgramID, dates.On(e.AsOf.Year(), 1, 1), e.AsOf, e.Department)
	if err != nil || ytd <= 0 {
		return "", err
	}
	count := numbers.Format(e.Count)
	if e.Approximate {
		count += "여"
	}
	report, found, largest, err := s.latestReport(ctx, e)
	if err != nil {
		return "", err
	}
	var why string
	switch {
	case found && nearTotal(e.Count, report.ReportedTotal):
		id := "k42.delta_near_report"
		if e.Count >= report.ReportedTotal {
			id = "k42.delta_at_least_report"
		}
		why = s.msg(id, "Count", s.unitCount(e.Count, e.Approximate, p.Unit), "Program", s.programLabel(p),
			"Total", s.unitCount(report.ReportedTotal, report.Approximate, p.Unit), "Date", s.date(report.AsOf))
	case nearTotal(e.Count, ytd) && e.Count >= 2*largest:
		id := "k42.delta_near_total"
		if e.Count >= ytd {
			id = "k32.delta_at_least_total"
		}
		_, ytdApprox, err := s.programJobsApprox(ctx, e.ProgramID, dates.On(e.AsOf.Year(), 1, 1), e.AsOf)
		if err != nil {
			return "", err
		}
		why = s.msg(id, "Count", s.unitCount(e.Count, e.Approximate, p.Unit),
			"Program", s.programLabel(p), "Date", s.date(e.AsOf), "Total", s.unitCount(ytd, ytdApprox, p.Unit))
	}
	if why != "" && e.IdempotencyKey != "" {
		// A redelivery of a request that recorded already is answered
		// "already recorded" by the store, not asked about the figure it
		// now finds in the ledger: its own (IdenticalEntry does the same).
		recorded, err := s.store.EntryKeyRecorded(ctx, e.IdempotencyKey)
		if err != nil || recorded {
			return "", err
		}
	}
	if why != "" {
		// The program's total after the add keeps the 여 of an
		// approximate year so far (review r22 F9: 5,800여 + 12,500 was
		// "누계는 18,300개가 됩니다").
		_, ytdApprox, err := s.programJobsApprox(ctx, e.ProgramID, dates.On(e.AsOf.Year(), 1, 1), e.AsOf)
		if err != nil {
			return "", err
		}
		afterApprox := e.Approximate || ytdApprox
		if e.Count < ytd {
			// As a 누계 it would be below the ledger's figure through
			// its date and refused: there is no 누계 line to offer, and
			// a 누계 that low means a recorded entry is wrong, which is
			// not "nothing to record" (review r15 F6): point to the list.
			return why + " " + s.msg("k49.delta_or_total_below", "After", s.unitCount(ytd+e.Count, afterApprox, p.Unit),
				"Count", s.unitCount(e.Count, e.Approximate, p.Unit), "Total", s.unitCount(ytd, ytdApprox, p.Unit), "Code", s.programWord(p)), nil
		}
		effect := s.msg("k32.total_records_nothing", "Total", s.unitCount(ytd, ytdApprox, p.Unit))
		if e.Count > ytd {
			effect = s.msg("k32.total_records_increment", "Increment", s.plusCount(e.Count-ytd, e.Approximate, p.Unit))
		}
		why += " " + s.msg("k32.delta_or_total", "After", s.unitCount(ytd+e.Count, afterApprox, p.Unit),
			"Line", s.cumulativeLine(p, count, e.AsOf), "Effect", effect)
		monthEnd, err := s.monthTurnTotalLine(ctx, e, p, cmd, count)
		if err != nil {
			return "", err
		}
		return strings.TrimSpace(why + " " + monthEnd), nil
	}
	if own > 0 && e.Count >= own && periodEnd(cmd.dateTyped) {
		word := s.programWord(p)
		rest := s.msg("k32.department_total_same", "Own", s.unitCount(own, false, p.Unit))
		if e.Count > own {
			rest = s.msg("k32.department_total_delta", "Line", s.msg("guards.own_cumulative_delta", "N", e.Count-own, "Program", word,
				"Date", fmt.Sprintf("%d/%d", int(e.AsOf.Month()), e.AsOf.Day()), "Department", e.Department))
		}
		return s.msg("k32.delta_dated_period_end", "Typed", cmd.dateTyped, "Count", s.unitCount(e.Count, e.Approximate, p.Unit),
			"Department", e.Department, "Date", s.date(e.AsOf), "Own", s.unitCount(own, false, p.Unit),
			"After", s.unitCount(own+e.Count, e.Approximate, p.Unit)) + " " + rest, nil
	}
	return "", nil
}

// monthTurnTotalLine is what monthTurnTotal asks, for a figure held as a
// 누계 written as new jobs (totalAsDelta) in a month's first seven days,
// dated today with no date typed: the add form's date, today unless
// changed (the picker always sends one, and the form records new jobs
// only), or a typed line without a date. The 누계 line dated today files
// the month before's year-end figure in this month, so the line dated the
// month before's end is offered too, or the question says that month is
// closed and whom to ask (k55 gap: the form never got the month-turn
// question). "" otherwise.
func (s *Service) monthTurnTotalLine(ctx context.Context, e NewEntry, p Program, cmd Command, count string) (string, error) {
	today := s.today()
	if cmd.Opts.Date != nil || cmd.dateTyped != "" || !e.AsOf.Equal(today) || today.Day() > monthTurnDays {
		return "", nil
	}
	last := dates.On(today.Year(), today.Month(), 1).AddDate(0, 0, -1)
	closes, err := s.store.MonthClosesBetween(ctx, last, last)
	if err != nil {
		return "", err
	}
	if len(closes) > 0 {
		return s.msg("k55.month_turn_closed", "Month", s.period(monthPeriod(closes[0].Month)), "Managers", s.managerNames(ctx)), nil
	}
	return s.msg("k58.total_month_end", "Last", s.date(last), "Line", s.cumulativeLine(p, count, last)), nil
}

// nearTotal says a delta is at least nine tenths of a year's figure: a
// 누계 written as a delta is that figure or more, or that figure rounded
// in words (`1만 2천` for a 누계 of 12,100). A delta fed month by month
// reaches it only early in the year, when the year holds a month or two.
func nearTotal(count, total int64) bool {
	return total > 0 && count*10 >= total*9
}

// latestReport is the program's latest live realised 누계 report of the
// year dated on or before e's date (the last recorded of the latest
// date): the figure a 누계 written as a delta most often repeats, even
// after deltas recorded since have taken the year's total above it; and
// the largest live realised delta of the year through e's date (0: none).
// Of a program with more entries than the list holds, the largest delta
// may be missed: it can only make the question more likely.
func (s *Service) latestReport(ctx context.Context, e NewEntry) (Entry, bool, int64, error) {
	es, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: e.ProgramID, From: dates.On(e.AsOf.Year(), 1, 1), To: e.AsOf, Limit: 500})
	if err != nil {
		return Entry{}, false, 0, err
	}
	var (
		latest  Entry
		found   bool
		largest int64
	)
	for _, x := range es {
		if !x.Voided() && x.Kind == KindDelta && x.Status == StatusRealised {
			largest = max(largest, x.Count)
		}
		if x.Voided() || x.Kind != KindCumulative || x.Status != StatusRealised || x.ReportedTotal <= 0 {
			continue
		}
		if !found || x.AsOf.After(latest.AsOf) || (x.AsOf.Equal(latest.AsOf) && x.ID > latest.ID) {
			latest, found = x, true
		}
	}
	return latest, found, largest, nil
}

// newYearCarryDays is how far into a year a 누계 is checked against last
// year's: January, when 누계 reports are still carried over by habit.
const newYearCarryDays = 31

// newYearCarry asks about a realised 누계 dated in January that is at least
// half the program's total of the year before (review F28: `누계 3,170
// 1. 4.` after `누계 3,120 작년 말` was booked as 3,170 new jobs, the
// official having carried last year's running total). 누계 restarts on
// 1 January; half is the line because a program hiring its whole cohort in
// January may well report most of last year's figure again, which the
// confirmation allows, while a continued total is at or above the year's.
// The question shows the new year's figure if it was a continuation.
func (s *Service) newYearCarry(ctx context.Context, e NewEntry, p Program, _ Command) (string, error) {
	if e.Kind != KindCumulative || e.Status != StatusRealised || e.AsOf.YearDay() > newYearCarryDays {
		return "", nil
	}
	prev, err := s.lastYearTotal(ctx, e)
	if err != nil || prev <= 0 || e.Count*2 < prev {
		return "", err
	}
	return s.restartsQuestion(ctx, "k32.cumulative_restarts", e, p, prev)
}

// lastYearTotal is the program's realised total of the year before e's.
func (s *Service) lastYearTotal(ctx context.Context, e NewEntry) (int64, error) {
	last := e.AsOf.Year() - 1
	prev, _, err := s.programJobs(ctx, e.ProgramID, dates.On(last, 1, 1), dates.On(last, 12, 31), "")
	return prev, err
}

// restartsQuestion is the new-year question key asks about e, a figure at
// least half of last year's total prev, with the 누계 line for the
// difference when e goes past prev (a continuation of last year's count).
// The line dated last 31 December comes first (review r20 G37: `추가 노인
// 누계 820` on 4 January 2027 after 807 in 2026 is most likely December's
// year-end report, which the question never offered; following the only
// line it gave filed 13 December jobs in January).
func (s *Service) restartsQuestion(ctx context.Context, key string, e NewEntry, p Program, prev int64) (string, error) {
	// Last year's total keeps its 여 when part of it is approximate, and
	// so does the difference (review r22 F21: "2026년 누계는 5,956개인데
	// … 6,010 − 5,956 = 54" for a 5,956여).
	_, prevApprox, err := s.programJobsApprox(ctx, e.ProgramID, dates.On(e.AsOf.Year()-1, 1, 1), dates.On(e.AsOf.Year()-1, 12, 31))
	if err != nil {
		return "", err
	}
	why := s.msg(key, "Program", s.programLabel(p), "Year", e.AsOf.Year()-1, "Prev", s.unitCount(prev, prevApprox, p.Unit),
		"Date", s.date(e.AsOf), "Count", s.unitCount(e.Count, e.Approximate, p.Unit), "NewYear", e.AsOf.Year())
	if e.Count >= prev {
		// A year-end 누계 below the ledger's year would be refused, so it
		// is offered only at or above it.
		end := dates.On(e.AsOf.Year()-1, time.December, 31)
		count := numbers.Format(e.Count)
		if e.Approximate {
			count += "여"
		}
		closes, err := s.store.MonthClosesBetween(ctx, end, end)
		if err != nil {
			return "", err
		}
		if len(closes) > 0 {
			why += " " + s.msg("k55.year_end_closed", "Date", s.date(end), "Count", s.unitCount(e.Count, e.Approximate, p.Unit),
				"Month", s.period(monthPeriod(closes[0].Month)), "Managers", s.managerNames(ctx))
		} else {
			why += " " + s.msg("k55.year_end_choice", "Date", s.date(end), "Count", s.unitCount(e.Count, e.Approximate, p.Unit),
				"Year", end.Year(), "Line", s.cumulativeLine(p, count, end))
		}
	}
	if e.Count > prev {
		count := numbers.Format(e.Count - prev)
		if e.Approximate || prevApprox {
			count += "여"
		}
		// The figures with their unit in Korean (80개에서 작년 누계 78여개를
		// 뺀 2여개): `80 − 78여 = 2여` is no sentence a 주무관 writes
		// (review awk5); English keeps the sum.
		typed, prevText, diff := numbers.Format(e.Count), numbers.Format(prev), numbers.Format(e.Count-prev)
		if s.lang == Korean {
			typed = s.unitCount(e.Count, e.Approximate, p.Unit)
			prevText = s.unitCount(prev, prevApprox, p.Unit)
			diff = s.unitCount(e.Count-prev, e.Approximate || prevApprox, p.Unit)
		}
		if prevApprox {
			why += " " + s.msg("k59.cumulative_restarts_continued_approx", "Count", typed, "Prev", prevText,
				"Diff", diff, "Line", s.cumulativeLine(p, count, e.AsOf))
		} else {
			why += " " + s.msg("k32.cumulative_restarts_continued", "Count", typed, "Prev", prevText,
				"Diff", diff, "Line", s.cumulativeLine(p, count, e.AsOf))
		}
	}
	return why, nil
}

// newYearDelta asks about a realised delta dated in January that is at
// least half the program's total of the year before while the year so far
// is under that half (review r15 F22: `추가 청년 1,410 어제` on 8 January
// 2027, more than all of 2026's 1,381, was stored at once: totalAsDelta
// has nothing to compare the year's first figure with, and newYearCarry
// looks only at 누계). It is newYearCarry's question for a figure typed
// without the word 누계, with the 누계 line for the difference.
func (s *Service) newYearDelta(ctx context.Context, e NewEntry, p Program, _ Command) (string, error) {
	if e.Kind != KindDelta || e.Status != StatusRealised || e.AsOf.YearDay() > newYearCarryDays {
		return "", nil
	}
	prev, err := s.lastYearTotal(ctx, e)
	if err != nil || prev <= 0 || e.Count*2 < prev {
		return "", err
	}
	ytd, _, err := s.programJobs(ctx, e.ProgramID, dates.On(e.AsOf.Year(), 1, 1), dates.On(e.AsOf.Year(), 12, 31), "")
	if err != nil || ytd*2 >= prev {
		return "", err
	}
	if e.IdempotencyKey != "" {
		// A redelivery of a request already recorded is answered by the
		// store, not asked about its own figure (as totalAsDelta).
		recorded, err := s.store.EntryKeyRecorded(ctx, e.IdempotencyKey)
		if err != nil || recorded {
			return "", err
		}
	}
	return s.restartsQuestion(ctx, "k49.delta_restarts", e, p, prev)
}

// cumulativeLine is the 누계 add a person would type for count on day:
// the program as typed (a Korean alias in Korean) and the date in full.
func (s *Service) cumulativeLine(p Program, count string, day time.Time) string {
	word := s.programWord(p)
	date := s.date(day) // 2026. 12. 4., read back as that day
	if s.lang != Korean {
		date = day.Format(time.DateOnly) // typed after date:
	}
	return s.msg("k32.cumulative_line", "Program", word, "Count", count, "Date", date)
}
