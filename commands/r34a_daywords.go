package commands

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"time"
)

// reUnreadDayLike is a word that names a day though the date reader did
// not read it: a weekday in any spelling (목욜쯤, 수요일께, thursdayish) or
// a day counted from today (어제께, 그저께쯤).
var reUnreadDayLike = regexp.MustCompile(`(?i)[월화수목금토일](?:요일|욜)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|어제|그제|그저께|엊그제`)

// unreadDayLike is the unread words when one of them looks like a day.
// Review r34 F1: the line offered for an unread `목욜` moved it after 메모:,
// and typed back it filed the figure on today without a word, so such a
// word is refused naming it and asking for the day after 날짜:, with no
// line that keeps it in the note.
func unreadDayLike(unread []string) string {
	for _, u := range unread {
		if reUnreadDayLike.MatchString(u) {
			return strings.Join(unread, " ")
		}
	}
	return ""
}

// sameWeekdayWords are a weekday alone, as a line's date (금요일, 금욜,
// friday, on friday), spaces taken out.
var sameWeekdayWords = map[string]bool{
	"월요일": true, "화요일": true, "수요일": true, "목요일": true, "금요일": true, "토요일": true, "일요일": true,
	"월욜": true, "화욜": true, "수욜": true, "목욜": true, "금욜": true, "토욜": true, "일욜": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// askSameWeekday asks about an add dated by a weekday alone typed on that
// weekday (review r34 F9: `금요일` typed on a Friday was filed today
// without a word, while an official who means today writes 오늘 and one
// who writes 금요일 on a Friday often means the Friday just past). The
// reply offers both lines, today's and last week's, each naming its day,
// the rest of the line as typed.
func askSameWeekday(cmd *Command, typed, raw string, d, today time.Time) error {
	if cmd.Name != cmdAdd && cmd.Name != cmdHire || d.Year() != today.Year() || d.YearDay() != today.YearDay() {
		return nil
	}
	w := strings.ToLower(strings.ReplaceAll(typed, " ", ""))
	w = strings.TrimPrefix(w, "on")
	if !sameWeekdayWords[w] {
		return nil
	}
	at := strings.Index(cmd.Line, raw)
	if at < 0 {
		return nil
	}
	for _, f := range strings.Fields(cmd.Line) {
		if strings.Contains(f, ":") {
			break // the note and the options: the user's own words
		}
		if slices.Contains(forwardWords, strings.ToLower(f)) {
			return nil // 금요일 다음 주: a day to come, refused as such (review r32 F1)
		}
	}
	before := strings.TrimSpace(cmd.Line[:at])
	after := strings.TrimRight(cmd.Line[at+len(raw):], " ")
	last := d.AddDate(0, 0, -7)
	if cmd.Name == cmdHire {
		// 채용 1 2 금요일 on a Friday: the same question, each line with
		// its day written out (review r42 B7: it was taken as today), and
		// the two lines one question's answers, as the add's (issue 20,
		// links5: typed one after the other, both recorded)
		return &DayChoiceError{
			UsageError: usageErr(cmd.Name, "notes8.hire_same_weekday_ask", "Typed", typed, "Today", dateArg(d), "Last", dateArg(last),
				"TodayLine", yearLine{line: cmd.Line, typed: raw, day: d}, "LastLine", yearLine{line: cmd.Line, typed: raw, day: last}),
			Line: strings.Replace(cmd.Line, raw, d.Format(time.DateOnly), 1), Days: [2]time.Time{d, last},
		}
	}
	return &DayChoiceError{
		UsageError: usageErr(cmd.Name, "r34a.same_weekday_ask", "Typed", typed, "Before", before, "After", after,
			"Today", dateArg(d), "Last", dateArg(last)),
		// each line names its day (review r43 F1: `날짜:오늘` typed back
		// on Monday filed Friday's jobs on Monday)
		Line: before + " 날짜:" + d.Format(time.DateOnly) + after, Days: [2]time.Time{d, last}, Typed: cmd.Line,
	}
}

// DayChoiceError is an add line whose date reads as two days (금요일 typed
// on a Friday: today or last week's), refused offering a line for each.
// The two lines are two readings of one report (review r38 B7: typed one
// after the other, both recorded), so the service keeps them as one
// question's answers, as a note-day refusal's (holdNoteLines): it reads
// Line, the line as offered for Days[0], to the entry both would record.
type DayChoiceError struct {
	*UsageError
	Line string       // the line offered for Days[0], to read the entry from
	Days [2]time.Time // the days the two lines are dated
	// Typed is the line as typed: words no field reads are refused in it
	// before the question is asked (review r43 A1: `추가 청년 8 월요일
	// 입사` on a Monday offered two lines, both refused for `입사`), and
	// refusedFirst says the line was so refused, its answer the refusal.
	Typed        string
	refusedFirst bool
}

// Unwrap is the refusal as a usage error, so it is answered as one.
func (e *DayChoiceError) Unwrap() error { return e.UsageError }

// dayChoiceCommand is the command of the line a DayChoiceError offers for
// its first day, carrying the question: add (or hire) reads it to the
// entry and answers with the question, writing nothing but the lines' tokens. ok is
// false when err is another error, or the line offered is not read.
func dayChoiceCommand(err error, today time.Time) (Command, bool) {
	ask, ok := errors.AsType[*DayChoiceError](err)
	if !ok {
		return Command{}, false
	}
	cmd, perr := Parse(ask.Line, today)
	if perr != nil || cmd.Name != cmdAdd && cmd.Name != cmdHire || cmd.Opts.Date == nil || !cmd.Opts.Date.Equal(ask.Days[0]) {
		return Command{}, false
	}
	cmd.dayChoice = ask
	return cmd, true
}

// saneYearFirst is the first year a date typed with the year last is
// asked about: the ledger holds no jobs before 2000 (dates.minYear).
const saneYearFirst = 2000

// yearLastAsk refuses a date typed with the year last that reads both
// ways (dates.YearLastBothWays: 3/12/2026 is 12 March month first, 3
// December day first), naming both days (review r35q4). An add offers the
// line dated each, as a DayChoiceError: the two lines are two readings of
// one report, so once one records the other is refused.
func yearLastAsk(cmd *Command, typed string, first, second, today time.Time) error {
	if y := first.Year(); y < saneYearFirst || !today.IsZero() && y > today.Year()+1 {
		// 1/2/9999: no line is offered dated in a year that cannot be
		// meant (minor43: the two lines offered were dated 9999)
		return usageErr(cmd.Name, "minor43.date_year_wrong", "Typed", typed, "Year", y)
	}
	at := strings.Index(cmd.Line, typed)
	if cmd.Name != cmdAdd || at < 0 {
		return usageErr(cmd.Name, "b7hold.date_ambiguous", "Typed", typed, "First", dateArg(first), "Second", dateArg(second))
	}
	before, after := cmd.Line[:at], cmd.Line[at+len(typed):]
	return &DayChoiceError{
		UsageError: usageErr(cmd.Name, "b7hold.date_ambiguous_lines", "Typed", typed, "First", dateArg(first), "Second", dateArg(second),
			"Before", before, "After", after),
		Line: before + first.Format(time.DateOnly) + after, Days: [2]time.Time{first, second},
	}
}
