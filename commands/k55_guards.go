package commands

import (
	"context"
	"regexp"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// monthTurnTotal asks about a 누계 typed without a date in the first days
// of a month (review r20 G9/G14: `추가 청년 누계 975` on 1 December was
// filed 12. 1., +25 in 12월, and `추가 공동체 누계 9` on 3 December, after
// 11월 was closed, went into 12월 as +5: both were November's year-end
// figures). The days are monthTurnDays, the same first week in which
// 실적 없음 without a month asks which month is meant. The question is of
// the date: the hold's footer (confirmReply) offers first the line dated
// the month before's last day (or the question says that month is closed
// and whom to ask), then the held line as typed, dated today (review r21
// M2: the footer spoke of the figure).
func (s *Service) monthTurnTotal(ctx context.Context, e NewEntry, p Program, cmd Command) (string, *dateQuestion, error) {
	today := s.today()
	if e.Kind != KindCumulative || cmd.Opts.Date != nil || cmd.dateTyped != "" || cmd.Line == "" ||
		!e.AsOf.Equal(today) || today.Day() > monthTurnDays {
		return "", nil, nil
	}
	last := dates.On(today.Year(), today.Month(), 1).AddDate(0, 0, -1)
	// Below the ledger's total through the month before's end it cannot
	// be that month's 누계 (the line dated then would be refused): in
	// January it is the new year's first, naturally small (review r22
	// F25: `누계 30` on 4 January after a 2026 of 1,000 was held); in
	// another month the ledger refuses it, naming the entries.
	through, err := s.programThrough(ctx, e.ProgramID, e.Status, last)
	if err != nil {
		return "", nil, err
	}
	if e.Count < through {
		return "", nil, nil
	}
	why := s.msg("k55.month_turn_total", "Today", s.date(today), "Last", s.date(last), "Month", int(last.Month()))
	closes, err := s.store.MonthClosesBetween(ctx, last, last)
	if err != nil {
		return "", nil, err
	}
	q := &dateQuestion{}
	if len(closes) > 0 {
		why += " " + s.msg("k55.month_turn_closed", "Month", s.period(monthPeriod(closes[0].Month)), "Managers", s.managerNames(ctx))
	} else {
		monthEnd := s.msg("k55.month_end_word", "Month", int(last.Month()), "Date", last.Format(time.DateOnly))
		q.first, q.firstDate, q.monthEnd = withConfirm(cmd.Line, s.msg("k55.date_option")+":"+monthEnd), last, true
	}
	return why, q, nil
}

// noteSaysLastYearsFigure is a note saying the figure is a past year's
// (`작년 실적 이관`, `전년도분`, `2025년 실적`, `last year's hires`), not a
// comparison with it (`전년 대비`).
var noteSaysLastYearsFigure = regexp.MustCompile(`(?i)(작년|지난\s?해|전년도?|20[0-9]{2}\s?년)\s?(실적|분|말|치)|last year'?s`)

// noteWordSaysYear is a note's month word that names its year (2025년
// 11월분, '25년, 25.11., 작년 11월), not only its month. A two-figure
// first part is a year only where it cannot be a month (13 and up):
// `11.9.` is November 9th, the entry's own day, and says nothing of the
// year (review r40 B3).
var noteWordSaysYear = regexp.MustCompile(`(?i)20[0-9]{2}|'[0-9]{2}|[0-9]{2} ?년|^(?:1[3-9]|[2-9][0-9])[./-] ?[0-9]{1,2}[./-]|작년|지난\s?해|전년|구랍|last year`)

// pastYearDate asks about an entry dated in a year before this one (review
// r20 G2: `추가 청년 6 25.11.19` on 2026-11-20, a 26→25 slip, was filed in
// 2025 with no question and became 전년 동기 in every 현황). Not asked:
// last December's dates in January, when the year-end reports arrive (the
// README's `12월말` in January), and a line whose date or note says the
// year in words (작년, 2025년), which is already the answer.
func (s *Service) pastYearDate(ctx context.Context, e NewEntry, p Program, cmd Command) (string, *dateQuestion, error) {
	today := s.today()
	if e.AsOf.Year() >= today.Year() || cmd.Line == "" {
		return "", nil, nil
	}
	if today.Month() == time.January && e.AsOf.Year() == today.Year()-1 && e.AsOf.Month() == time.December {
		return "", nil, nil
	}
	// The date typed says the year (작년 12월, 2025년 11월), or the note names
	// the entry's own month of that year (`메모:2025년 11월분`). A year-on-year
	// word elsewhere in the note (`전년 대비 증가`) says nothing of the date
	// (review r21 B1).
	said := strings.ToLower(cmd.dateTyped)
	for _, w := range []string{"작년", "지난해", "전년", "last year", strings.TrimSpace(s.msg("k55.year_word", "Year", e.AsOf.Year()))} {
		if strings.Contains(said, w) {
			return "", nil, nil
		}
	}
	// The note must say the year itself: `메모:1.9. 입사` on a `26.1.9` line
	// typed in 2027 names the entry's own day, read in the entry's year,
	// and says nothing of which year was meant (review r37 F8: the 26→27
	// slip was filed in 2026 unasked).
	words, firsts, lasts := NoteMonths(e.Note, e.AsOf, today)
	for i, l := range lasts {
		if firsts[i].Month() == l.Month() && l.Year() == e.AsOf.Year() && l.Month() == e.AsOf.Month() && // one month, not a quarter
			noteWordSaysYear.MatchString(words[i]) {
			return "", nil, nil
		}
	}
	if noteSaysLastYearsFigure.MatchString(e.Note) {
		return "", nil, nil
	}
	why := s.msg("k55.past_year", "Date", s.date(e.AsOf), "Year", e.AsOf.Year(), "ThisYear", today.Year())
	// The line with this year's date comes first in the hold's footer
	// (confirmReply), then the held line as typed (review r21 M2).
	q := &dateQuestion{}
	this := dates.On(today.Year(), e.AsOf.Month(), e.AsOf.Day())
	if !this.After(today) && cmd.dateTyped != "" && strings.Contains(cmd.Line, cmd.dateTyped) {
		day := s.date(this)
		if s.lang != Korean {
			day = this.Format(time.DateOnly)
		}
		q.first, q.firstDate = strings.Replace(cmd.Line, cmd.dateTyped, day, 1), this
	}
	return why, q, nil
}

// dateQuestion is a hold about an entry's date, not its figure (review r21
// M2): the earlier-year date (pastYearDate) and the dateless 누계 at a
// month's turn (monthTurnTotal). Its footer names the date the entry would
// be filed at, and offers first the line for the other date when there is
// one. withFigure: a question of the figure was asked with it, so the
// footer asks that both are right.
type dateQuestion struct {
	first      string    // the line dated the other day, "" none
	firstDate  time.Time // that day
	monthEnd   bool      // first is dated the month before's end, not this year
	withFigure bool
}
