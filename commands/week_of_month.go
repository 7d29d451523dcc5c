package commands

import (
	"regexp"
	"strconv"
	"time"
)

// reWeekOfMonth is a week of a month written as a date (`11월 넷째주`, `1월
// 첫째 주`, `2026년 11월 4주차`).
var reWeekOfMonth = regexp.MustCompile(`^(?:(?P<y>20[0-9]{2}) ?년 ?)?(?P<m>[0-9]{1,2}) ?월 ?(?:(?P<n>첫|둘|셋|넷|다섯) ?째|(?P<nd>[1-5]) ?(?:째|번째)?) ?주(?:차)?$`)

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
func readWeekOfMonth(words []token, today time.Time) (w weekOfMonth, k int, ok bool) {
	for k := min(len(words), 4); k >= 1; k-- {
		typed := textJoin(words[:k])
		loc := reWeekOfMonth.FindStringSubmatch(typed)
		if loc == nil {
			continue
		}
		group := func(name string) string { return loc[reWeekOfMonth.SubexpIndex(name)] }
		month, _ := strconv.Atoi(group("m"))
		n, _ := strconv.Atoi(group("nd"))
		if w := group("n"); w != "" {
			n = map[string]int{"첫": 1, "둘": 2, "셋": 3, "넷": 4, "다섯": 5}[w]
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
