package commands

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// reWeekOfMonth is a week of a month written as a date (`11월 넷째주`, `1월
// 첫째 주`, `2026년 11월 4주차`).
var reWeekOfMonth = regexp.MustCompile(`^(?:(?P<y>20[0-9]{2}) ?년 ?)?(?P<m>[0-9]{1,2}) ?월 ?(?:(?P<n>첫|둘|셋|넷|다섯) ?째|(?P<nd>[1-5]) ?(?:째|번째)?|(?P<final>마지막)) ?주(?:차)?$`)

// reWeekOfMonthEnglish is the same week written in English (`third week of
// November`, `the last week of Nov 2026`): dates7, where date: read
// `third` alone and refused it as no date.
var reWeekOfMonthEnglish = regexp.MustCompile(`(?i)^(?:the )?(?:(?P<ord>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)|(?P<final>last)) week (?:of|in) ` +
	`(?P<mon>[a-z]{3,9})\.?(?:,? (?P<y>20[0-9]{2}))?$`)

// englishWeekPlaces are the English places of a week in a month.
var englishWeekPlaces = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}

// lastMonthWeek is the place of a month's last week, the one holding its
// last Thursday (the ONE rule of monthWeek): 5 when the month has five
// Thursdays: November 2026's is 11. 23. ~ 11. 29.; 11. 30. begins the
// week holding December's first Thursday.
func lastMonthWeek(year int, month time.Month) int {
	last := dates.On(year, month+1, 0)
	for last.Weekday() != time.Thursday {
		last = last.AddDate(0, 0, -1)
	}
	return (last.Day()-1)/7 + 1
}

// weekOfMonth is a week of a month as typed: its words, the year and month
// it is read in, its number, and its days (has is false when the month has
// no such week).
type weekOfMonth struct {
	typed       string
	year, month int
	n           int
	from, to    time.Time
	has         bool
}

// readWeekOfMonth is the one reader of a week of a month (`11월 넷째주`,
// `2026년 1월 첫째 주`, `11월 4주차`): the longest run of words from the
// start of words that is one, read as the latest such month not after today
// when no year is typed. ok is false when words do not start with one.
// weekOrdinals are the Korean places of a week in a month (첫째 주,
// 둘째 주 …) as the week readers match them, without 째.
var weekOrdinals = map[string]int{"첫": 1, "둘": 2, "셋": 3, "넷": 4, "다섯": 5}

func readWeekOfMonth(words []token, today time.Time) (w weekOfMonth, k int, ok bool) {
	for k := min(len(words), 6); k >= 1; k-- {
		typed := textJoin(words[:k])
		re := reWeekOfMonth
		loc := re.FindStringSubmatch(typed)
		if loc == nil {
			re = reWeekOfMonthEnglish
			if loc = re.FindStringSubmatch(typed); loc == nil {
				continue
			}
		}
		group := func(name string) string {
			if i := re.SubexpIndex(name); i >= 0 {
				return loc[i]
			}
			return ""
		}
		month, _ := strconv.Atoi(group("m"))
		n, _ := strconv.Atoi(group("nd"))
		if w := group("n"); w != "" {
			n = weekOrdinals[w]
		}
		if mon := group("mon"); mon != "" {
			m, ok := dates.EnglishMonth(mon)
			if !ok {
				continue
			}
			month, n = m, englishWeekPlaces[strings.ToLower(group("ord"))]
		}
		if month < 1 || month > 12 {
			return weekOfMonth{}, 0, false
		}
		year := today.Year()
		if y := group("y"); y != "" {
			year, _ = strconv.Atoi(y)
		} else if time.Month(month) > today.Month() {
			year-- // a month after today's is last year's, as a date's is
		}
		if group("final") != "" {
			n = lastMonthWeek(year, time.Month(month)) // 11월 마지막 주, last week of November
		}
		from, to, has := monthWeek(year, time.Month(month), n)
		return weekOfMonth{typed: typed, year: year, month: month, n: n, from: from, to: to, has: has}, k, true
	}
	return weekOfMonth{}, 0, false
}

// weekOfMonthDate refuses a week of a month typed where a date goes
// (review r22 F3, r25 F14: `날짜:11월 넷째주` was named as 11월 and
// `날짜:1월 첫째주` offered January's end, capped at today): the reply names
// the week's days in the month and offers its last weekday, not after
// today; a week still to come is refused as such. words are the typed
// words from the month on; it returns nil when they are no such week.
func weekOfMonthDate(cmd *Command, words []token, today time.Time) error {
	w, _, ok := readWeekOfMonth(words, today)
	if !ok {
		return nil
	}
	if !w.has {
		return usageErr(cmd.Name, "notes.week_of_month_none", "Typed", w.typed, "Year", w.year, "Month", w.month, "Week", w.n)
	}
	if w.from.After(today) {
		return usageErr(cmd.Name, "notes.week_of_month_future", "Typed", w.typed, "From", dateArg(w.from), "To", dateArg(w.to))
	}
	last := lastWeekday(w.from, w.to)
	id := "notes.week_of_month_date"
	if last.After(today) {
		last, id = today, "notes.week_of_month_so_far" // the week is under way
	}
	return usageErr(cmd.Name, id, "Typed", w.typed, "From", dateArg(w.from), "To", dateArg(w.to),
		"Suggest", dateArg(last))
}

// weekOfMonthDaySource is a weekday of a week of a month, the one reader of
// it for the date slot (`11월 셋째 주 금요일`, `지난달 셋째 주 수요일`,
// `이번 달 둘째 주 월요일`, `11월 마지막 주 금요일`) and the note
// (gluedDaySpellings): review r41 F3, where the date slot read 금요일 alone
// and filed the week's Friday on the latest Friday.
const weekOfMonthDaySource = `(?:(?:(?P<y>20[0-9]{2}) ?년 ?)?(?P<m>[0-9]{1,2}) ?월|(?P<prev>지난 ?달|저번 ?달|전월)|(?P<this>이번 ?달|이달|금월)) ?` +
	`(?:(?P<n>첫|둘|셋|넷|다섯) ?째|(?P<first>첫)|(?P<nd>[1-5]) ?(?:째|번째)|(?P<final>마지막)) ?주 ?(?:차 ?)?(?P<wd>[월화수목금토일])(?:요일|욜)`

var (
	reWeekOfMonthDay     = regexp.MustCompile(`^` + weekOfMonthDaySource + `$`)
	reWeekOfMonthDayNote = regexp.MustCompile(weekOfMonthDaySource)
)

// weekOfMonthDay is a weekday of a week of a month as read: the days it
// may be (one, or two when the week's day and the month's n-th such
// weekday differ), the week's Monday-to-Sunday days (uncut), the month
// and the week's place (0 for 마지막).
type weekOfMonthDay struct {
	days        []time.Time
	from, to    time.Time
	year, month int
	n           int
}

// readWeekOfMonthDay reads a weekday of a week of a month from the groups
// of re matched in text, as of base (the day typed; a month after base's
// is last year's). ONE rule with `11월 넷째주` (monthWeek): the n-th week
// holds the month's n-th Thursday, and its Friday is the Friday of those
// Monday-to-Sunday days. When that day is not the month's n-th such
// weekday (a month beginning on a Friday: `5월 첫째 주 금요일` is 5. 8.
// by the week, 5. 1. as the first Friday), or lies outside the month,
// both days are kept and the caller asks. `마지막 주 금요일` is the
// month's last Friday. ok is false when text is no such words.
func readWeekOfMonthDay(re *regexp.Regexp, loc []int, text string, base time.Time) (w weekOfMonthDay, ok bool) {
	group := func(name string) string {
		i := re.SubexpIndex(name)
		if loc[2*i] < 0 {
			return ""
		}
		return text[loc[2*i]:loc[2*i+1]]
	}
	year, month := base.Year(), int(base.Month())
	switch {
	case group("prev") != "":
		prev := dates.On(base.Year(), base.Month(), 0)
		year, month = prev.Year(), int(prev.Month())
	case group("this") != "":
	default:
		month, _ = strconv.Atoi(group("m"))
		if month < 1 || month > 12 {
			return w, false
		}
		if y := group("y"); y != "" {
			year, _ = strconv.Atoi(y)
		} else if month > int(base.Month()) {
			year-- // a month after today's is last year's, as a date's is
		}
	}
	want := time.Weekday((dayTokenWeekday[group("wd")] + 1) % 7)
	w.year, w.month = year, month
	if group("final") != "" {
		day := dates.On(year, time.Month(month)+1, 0)
		for day.Weekday() != want {
			day = day.AddDate(0, 0, -1)
		}
		w.days = []time.Time{day}
		w.from = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		w.to = w.from.AddDate(0, 0, 6)
		return w, true
	}
	n, _ := strconv.Atoi(group("nd"))
	if g := group("n"); g != "" {
		n = weekOrdinals[g]
	} else if group("first") != "" {
		n = 1
	}
	w.n = n
	first := dates.On(year, time.Month(month), 1)
	w.from, w.to = monthWeekFull(year, time.Month(month), n)
	weekDay := w.from.AddDate(0, 0, (int(want)+6)%7)
	nth := first.AddDate(0, 0, (int(want)-int(first.Weekday())+7)%7+7*(n-1))
	_, _, hasWeek := monthWeek(year, time.Month(month), n)
	inMonth := func(d time.Time) bool { return int(d.Month()) == month && d.Year() == year }
	if hasWeek && (inMonth(weekDay) || inMonth(nth)) {
		w.days = append(w.days, weekDay)
	}
	if inMonth(nth) && !nth.Equal(weekDay) {
		w.days = append(w.days, nth)
	}
	return w, true
}

// weekOfMonthDayRun reads the words of ts from i as a weekday of a week of
// a month (`11월 셋째 주 금요일`): how many words, and the day. A week
// whose day is not the month's n-th such weekday is asked, both days
// offered (for add, as the lines to type); one the month lacks is refused.
// n is 0 when the words are no such day.
func weekOfMonthDayRun(cmd *Command, ts []token, i int, today time.Time) (n int, day time.Time, err error) {
	for k := min(len(ts), i+6); k > i; k-- {
		if slices.ContainsFunc(ts[i:k], func(t token) bool { return t.quoted }) {
			continue
		}
		typed := textJoin(ts[i:k])
		loc := reWeekOfMonthDay.FindStringSubmatchIndex(typed)
		if loc == nil {
			continue
		}
		w, ok := readWeekOfMonthDay(reWeekOfMonthDay, loc, typed, today)
		if !ok {
			return 0, time.Time{}, nil
		}
		switch len(w.days) {
		case 1:
			return k - i, w.days[0], nil
		case 0:
			return 0, time.Time{}, usageErr(cmd.Name, "weeks3.week_weekday_none", "Typed", typed, "Year", w.year, "Month", w.month)
		}
		first, second := w.days[0], w.days[1]
		at := strings.Index(cmd.Line, typed)
		if cmd.Name != cmdAdd || at < 0 {
			return 0, time.Time{}, usageErr(cmd.Name, "weeks3.week_weekday_two_days", "Typed", typed, "First", dateArg(first),
				"Second", dateArg(second), "From", dateArg(w.from), "To", dateArg(w.to), "Month", w.month, "N", w.n, "Weekday", weekdayArg(first))
		}
		before, after := cmd.Line[:at], cmd.Line[at+len(typed):]
		return 0, time.Time{}, usageErr(cmd.Name, "weeks3.week_weekday_two_days_lines", "Typed", typed, "First", dateArg(first),
			"Second", dateArg(second), "From", dateArg(w.from), "To", dateArg(w.to), "Month", w.month, "N", w.n,
			"Weekday", weekdayArg(first), "Before", before, "After", after)
	}
	return 0, time.Time{}, nil
}
