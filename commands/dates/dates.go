// Package dates reads the dates and periods city staff type (2026-04-30,
// 2026. 4. 30., 4/30, 4월말, 어제, 1분기, 상반기, 지난달) and does the
// Monday-to-Sunday week arithmetic the weekly digest needs.
//
// Every calendar date is a time.Time at midnight UTC, because that is how
// lib/pq reads a Postgres date column: keeping one representation means dates
// from the database and dates from user input compare with == and Equal.
// The city's own time zone matters only once, when deciding what "today" is;
// see Today.
//
// Parsing is strict on purpose: an unreadable or impossible date (2026-02-30)
// is an error rather than a guess, so a job count is never filed under the wrong
// day. Future dates are not rejected here; callers decide what they allow.
package dates

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Years outside this range are typos in a job ledger; refusing them also means
// a bare count such as "180" can never be read as a year.
const (
	minYear = 2000
	maxYear = 2100
)

// Error reports text that is not a date, period or week this package accepts.
// Callers match it with errors.As and word their own reply from Input and Reason.
type Error struct {
	// Input is the text exactly as given.
	Input string
	// Reason is a short English sentence fragment, e.g. "is not a real date".
	Reason string
}

// Error returns the input and the reason, e.g. `"2026-02-30" is not a real date`.
func (e *Error) Error() string { return fmt.Sprintf("%q %s", e.Input, e.Reason) }

// Reasons, kept as constants so tests and callers can compare them.
const (
	reasonEmpty     = "is empty"
	reasonNotDate   = "is not a date format I know"
	reasonNotPeriod = "is not a period I know"
	reasonNotWeek   = "is not an ISO week like 2026-W17"
	reasonYear      = "has a year outside 2000-2100"
	reasonMonth     = "has a month outside 1-12"
	reasonDay       = "is not a real date"
	reasonQuarter   = "has a quarter outside 1-4"
	reasonHalf      = "has a half-year other than 1 or 2"
	reasonWeek      = "has a week number that year does not have"
)

// On returns the calendar date year-month-day as midnight UTC, the package's
// one representation of a date.
func On(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// Today returns the calendar date of now in loc (the city's zone, usually
// Asia/Seoul) as midnight UTC. Without this step a bot running in UTC would
// file everything typed before 09:00 in Seoul under the previous day.
// A nil loc means UTC.
func Today(now time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return dateOf(now.In(loc))
}

// dateOf drops the clock from t, keeping the calendar date as t's own location
// sees it.
func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return On(y, m, d)
}

// lastDay is the last day of month m of year y; day 0 of the next month
// normalises to it, which handles leap years for free.
func lastDay(y int, m time.Month) int { return On(y, m+1, 0).Day() }

// normalize trims, lower-cases English, turns full-width digits into ASCII and
// every kind of space into ' ', so that the patterns below stay simple.
func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case unicode.IsSpace(r):
			return ' '
		}
		return unicode.ToLower(r)
	}, strings.TrimSpace(s))
}

// Date patterns. Go's \d and \s are ASCII-only, which is what we want after
// normalize.
var (
	reDash     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	reDot      = regexp.MustCompile(`^(\d{4}) *\. *(\d{1,2}) *\. *(\d{1,2}) *\.?$`)
	reSlash    = regexp.MustCompile(`^(\d{4})/(\d{1,2})/(\d{1,2})$`)
	reMonthDay = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})$`)
	reKorean   = regexp.MustCompile(`^(?:(\d{4}) *년 *)?(\d{1,2}) *월 *(?:(말일?)|(\d{1,2}) *일)$`)
)

// Parse reads one calendar date: 2026-04-30, 2026.4.30, 2026. 4. 30., 2026/4/30,
// 4/30, 4월 30일, 4월30일, 2026년 4월 30일, 4월말 (the last day of April),
// 2026년 4월말, today/오늘 and yesterday/어제. Forms without a year take today's
// year; today is a calendar date such as Today returns. The result is midnight
// UTC. Impossible dates (2026-02-30, 4/31, 13월말) are errors, never rolled over
// into the next month.
func Parse(s string, today time.Time) (time.Time, error) {
	fail := func(reason string) (time.Time, error) {
		return time.Time{}, &Error{Input: s, Reason: reason}
	}
	t := normalize(s)
	base := dateOf(today)
	switch t {
	case "":
		return fail(reasonEmpty)
	case "today", "오늘":
		return base, nil
	case "yesterday", "어제":
		return base.AddDate(0, 0, -1), nil
	}

	var ys, ms, ds string
	monthEnd := false
	if m := reDash.FindStringSubmatch(t); m != nil {
		ys, ms, ds = m[1], m[2], m[3]
	} else if m := reDot.FindStringSubmatch(t); m != nil {
		ys, ms, ds = m[1], m[2], m[3]
	} else if m := reSlash.FindStringSubmatch(t); m != nil {
		ys, ms, ds = m[1], m[2], m[3]
	} else if m := reMonthDay.FindStringSubmatch(t); m != nil {
		ms, ds = m[1], m[2]
	} else if m := reKorean.FindStringSubmatch(t); m != nil {
		ys, ms, ds = m[1], m[2], m[4]
		monthEnd = m[3] != ""
	} else {
		return fail(reasonNotDate)
	}

	year := base.Year()
	if ys != "" {
		year = atoi(ys)
	}
	if year < minYear || year > maxYear {
		return fail(reasonYear)
	}
	month := atoi(ms)
	if month < 1 || month > 12 {
		return fail(reasonMonth)
	}
	last := lastDay(year, time.Month(month))
	day := last
	if !monthEnd {
		day = atoi(ds)
	}
	if day < 1 || day > last {
		return fail(reasonDay)
	}
	return On(year, time.Month(month), day), nil
}

// atoi reads a string the patterns have already limited to a few ASCII digits.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// Period is a span of whole calendar dates, both ends inclusive, as reports
// ask for them ("this year", "Q1", "April").
type Period struct {
	// From and To are the first and last dates, midnight UTC.
	From, To time.Time
	// Label is the canonical name shown back to users and accepted again by
	// ParsePeriod: "2026", "2026-04", "2026 Q1" or "2026 H1".
	Label string
}

// Year returns the whole calendar year, January 1 to December 31.
func Year(year int) Period {
	return Period{From: On(year, 1, 1), To: On(year, 12, 31), Label: strconv.Itoa(year)}
}

func monthPeriod(year int, month time.Month) Period {
	return Period{
		From:  On(year, month, 1),
		To:    On(year, month+1, 0),
		Label: fmt.Sprintf("%04d-%02d", year, int(month)),
	}
}

func quarterPeriod(year, q int) Period {
	first := time.Month(3*q - 2)
	return Period{
		From:  On(year, first, 1),
		To:    On(year, first+3, 0),
		Label: fmt.Sprintf("%04d Q%d", year, q),
	}
}

func halfPeriod(year, h int) Period {
	first := time.Month(6*h - 5)
	return Period{
		From:  On(year, first, 1),
		To:    On(year, first+6, 0),
		Label: fmt.Sprintf("%04d H%d", year, h),
	}
}

// Period patterns. A year written directly before a Korean quarter digit needs
// a separator: "20261분기" could be a typo for anything, so it is refused.
const yearPrefix = `(?:(\d{4})(?: *년 *| *- *| +))?`

var (
	reYear       = regexp.MustCompile(`^(\d{4}) *년?$`)
	reYearMonth  = regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})|/(\d{1,2})| *\. *(\d{1,2}) *\.?)$`)
	reKoMonth    = regexp.MustCompile(`^(?:(\d{4}) *년 *)?(\d{1,2}) *월$`)
	reQuarter    = regexp.MustCompile(`^(?:(\d{4})(?: *년 *| *- *| *))?q(\d)$`)
	reKoQuarter  = regexp.MustCompile(`^` + yearPrefix + `(\d)(?:/4)? *분기$`)
	reHalf       = regexp.MustCompile(`^(?:(\d{4})(?: *년 *| *- *| *))?h(\d)$`)
	reKoHalf     = regexp.MustCompile(`^(?:(\d{4})(?: *년 *| *- *| *))?(상|하) *반기$`)
	relativeKeys = map[string]string{
		"this-year": "this-year", "올해": "this-year", "금년": "this-year",
		"last-year": "last-year", "작년": "last-year", "지난해": "last-year",
		"this-month": "this-month", "이번달": "this-month",
		"last-month": "last-month", "지난달": "last-month",
	}
)

// ParsePeriod reads a reporting period: a year (2026), a month (2026-04,
// 2026.4, 2026년 4월, 4월), a quarter (q1, Q1, 1분기, 1/4분기, 2026 q1, 2026-q1,
// 2026년 1분기), a half-year (h1, 상반기, 하반기, 2026 h1, 2026년 상반기) or a
// relative period (this-year/올해, last-year/작년, this-month/이번달/이번 달,
// last-month/지난달). Forms without a year take today's year. Only years
// 2000-2100 are accepted, so a count such as "180" is never taken for a year.
func ParsePeriod(s string, today time.Time) (Period, error) {
	fail := func(reason string) (Period, error) {
		return Period{}, &Error{Input: s, Reason: reason}
	}
	t := normalize(s)
	if t == "" {
		return fail(reasonEmpty)
	}
	base := dateOf(today)

	// Relative periods: "this month", "this-month", "이번 달" and "이번달"
	// are all the same request.
	words := strings.Fields(t)
	key, ok := relativeKeys[strings.Join(words, "-")]
	if !ok {
		key, ok = relativeKeys[strings.Join(words, "")]
	}
	if ok {
		y, m, _ := base.Date()
		switch key {
		case "this-year":
			return Year(y), nil
		case "last-year":
			return Year(y - 1), nil
		case "this-month":
			return monthPeriod(y, m), nil
		default: // last-month
			prev := On(y, m, 1).AddDate(0, -1, 0)
			return monthPeriod(prev.Year(), prev.Month()), nil
		}
	}

	// year resolves an optional year capture and checks its range.
	year := func(ys string) (int, bool) {
		if ys == "" {
			return base.Year(), true
		}
		y := atoi(ys)
		return y, y >= minYear && y <= maxYear
	}

	if m := reYear.FindStringSubmatch(t); m != nil {
		y, ok := year(m[1])
		if !ok {
			return fail(reasonYear)
		}
		return Year(y), nil
	}

	var ys, ms string
	if m := reYearMonth.FindStringSubmatch(t); m != nil {
		ys, ms = m[1], m[2]+m[3]+m[4] // exactly one alternative matched
	} else if m := reKoMonth.FindStringSubmatch(t); m != nil {
		ys, ms = m[1], m[2]
	}
	if ms != "" {
		y, ok := year(ys)
		if !ok {
			return fail(reasonYear)
		}
		month := atoi(ms)
		if month < 1 || month > 12 {
			return fail(reasonMonth)
		}
		return monthPeriod(y, time.Month(month)), nil
	}

	for _, re := range []*regexp.Regexp{reQuarter, reKoQuarter} {
		if m := re.FindStringSubmatch(t); m != nil {
			y, ok := year(m[1])
			if !ok {
				return fail(reasonYear)
			}
			q := atoi(m[2])
			if q < 1 || q > 4 {
				return fail(reasonQuarter)
			}
			return quarterPeriod(y, q), nil
		}
	}

	if m := reHalf.FindStringSubmatch(t); m != nil {
		y, ok := year(m[1])
		if !ok {
			return fail(reasonYear)
		}
		h := atoi(m[2])
		if h < 1 || h > 2 {
			return fail(reasonHalf)
		}
		return halfPeriod(y, h), nil
	}
	if m := reKoHalf.FindStringSubmatch(t); m != nil {
		y, ok := year(m[1])
		if !ok {
			return fail(reasonYear)
		}
		h := 1
		if m[2] == "하" {
			h = 2
		}
		return halfPeriod(y, h), nil
	}

	return fail(reasonNotPeriod)
}

// WeekStart returns the Monday on or before day, as midnight UTC. Weeks run
// Monday to Sunday, as Korean offices and ISO 8601 count them.
func WeekStart(day time.Time) time.Time {
	d := dateOf(day)
	back := (int(d.Weekday()) + 6) % 7 // Monday 0 ... Sunday 6
	return d.AddDate(0, 0, -back)
}

var reISOWeek = regexp.MustCompile(`^(\d{4})(?:-?w| *년 *)(\d{1,2})(?: *주차?)?$`)

// ParseISOWeek reads an ISO 8601 week such as "2026-W17" (also "2026W17", a
// lower-case w, and the Korean "2026년 17주차" or "2026년 17주") and returns
// its Monday. Week 1 is the week holding January 4,
// so 2026-W01 starts on 2025-12-29; W53 is accepted only in years that have it.
// The digest uses ISO weeks because they are unambiguous across year ends.
func ParseISOWeek(s string) (monday time.Time, err error) {
	fail := func(reason string) (time.Time, error) {
		return time.Time{}, &Error{Input: s, Reason: reason}
	}
	m := reISOWeek.FindStringSubmatch(normalize(s))
	if m == nil {
		return fail(reasonNotWeek)
	}
	year, week := atoi(m[1]), atoi(m[2])
	if year < minYear || year > maxYear {
		return fail(reasonYear)
	}
	// December 28 is always in the last ISO week of its year.
	if _, weeks := On(year, 12, 28).ISOWeek(); week < 1 || week > weeks {
		return fail(reasonWeek)
	}
	return WeekStart(On(year, 1, 4)).AddDate(0, 0, 7*(week-1)), nil
}

// ISOWeekLabel names the ISO week holding monday (any day of the week gives
// the same answer), e.g. "2026-W17"; the year is the ISO week-year, so
// 2021-01-03 is in "2020-W53". ParseISOWeek reads the label back.
func ISOWeekLabel(monday time.Time) string {
	year, week := dateOf(monday).ISOWeek()
	return fmt.Sprintf("%04d-W%02d", year, week)
}

// LastCompleteWeek returns the Monday of the most recent Monday..Sunday week
// that ended before today. The week holding today has not ended yet even on a
// Sunday, so this is always the Monday a week before WeekStart(today): the
// weekly digest reports only weeks nobody can still add to.
func LastCompleteWeek(today time.Time) (monday time.Time) {
	return WeekStart(today).AddDate(0, 0, -7)
}
