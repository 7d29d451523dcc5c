package commands

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
)

// Refusals that named the wrong part or did not say what to type (review
// F16, issue 19): each form stays refused, never read, and the reply names
// the part and the form that reads.

// koreanDigits and koreanUnits are the Sino-Korean numeral syllables.
var (
	koreanDigits = map[rune]int64{'일': 1, '이': 2, '삼': 3, '사': 4, '오': 5, '육': 6, '륙': 6, '칠': 7, '팔': 8, '구': 9}
	koreanSmall  = map[rune]int64{'십': 10, '백': 100, '천': 1000}
	koreanBig    = map[rune]int64{'만': 10_000, '억': 100_000_000}
)

// koreanNumeral reads a count written in Korean numeral words (삼백,
// 오십, 이천오백, 천이백명) only to say what it is in digits: the bot does
// not count in words, since 이, 사, 일 are also ordinary syllables. A word
// is one when it has two or more syllables, all numerals, at least one a
// unit (십, 백, 천, 만, 억), no two digits in a row, and a 명 or 개 at most
// after them.
func koreanNumeral(word string) (int64, bool) {
	w := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(word, "명"), "개"), "여")
	rs := []rune(w)
	if len(rs) < 2 {
		return 0, false
	}
	var total, section, digit int64
	unit := false
	for _, r := range rs {
		switch {
		case koreanDigits[r] != 0:
			if digit != 0 {
				return 0, false // 삼사: two digits, no number
			}
			digit = koreanDigits[r]
		case koreanSmall[r] != 0:
			if digit == 0 {
				digit = 1 // 천이백: 천 is 일천
			}
			section += digit * koreanSmall[r]
			digit, unit = 0, true
		case koreanBig[r] != 0:
			section += digit
			if section == 0 {
				section = 1
			}
			total += section * koreanBig[r]
			section, digit, unit = 0, 0, true
		default:
			return 0, false
		}
	}
	return total + section + digit, unit
}

// koreanNumeralHint refuses a line whose count is written in Korean
// numeral words, naming the word and the count in digits; nil when no word
// of ts is one. The one check for every command whose count is missing.
func koreanNumeralHint(cmd *Command, ts []token) error {
	for _, t := range ts {
		if t.quoted {
			continue
		}
		if n, ok := koreanNumeral(t.text); ok {
			return koreanNumeralErr(cmd.Name, t.text, n)
		}
	}
	return nil
}

// koreanNumeralErr is the refusal of typed, a count in Korean numeral
// words that reads as n, with n in digits (삼백여 as 300여).
func koreanNumeralErr(command, typed string, n int64) error {
	digits := strconv.FormatInt(n, 10)
	if strings.HasSuffix(strings.TrimSuffix(strings.TrimSuffix(typed, "명"), "개"), "여") {
		digits += "여"
	}
	return usageErr(command, "k52.hint_korean_numeral", "Typed", typed, "Digits", digits)
}

// recentMonthEnd is the last month end on or before today: the month end
// a 말일 or 누계 without a month most likely means (a future month end
// cannot be reported yet).
func recentMonthEnd(today time.Time) time.Time {
	if end := dates.On(today.Year(), today.Month()+1, 0); end.Equal(today) {
		return end
	}
	return dates.On(today.Year(), today.Month(), 0)
}

// recentDay is the latest date on or before today whose day of the month
// is day (30일 on 2 December: 30 November); false when no month within a
// year has it.
func recentDay(day int, today time.Time) (time.Time, bool) {
	for k := 0; k < 12; k++ {
		first := dates.On(today.Year(), today.Month()-time.Month(k), 1)
		if day < 1 || day > dates.On(first.Year(), first.Month()+1, 0).Day() {
			continue
		}
		if d := dates.On(first.Year(), first.Month(), day); !d.After(today) {
			return d, true
		}
	}
	return time.Time{}, false
}

var (
	// reDayOnly is a day of the month without its month (30일, 30일자).
	reDayOnly = regexp.MustCompile(`^(\d{1,2}) *일(자|까지|기준)?$`)
	// reMonthEndOnly is a month end without its month (말일, 월말).
	reMonthEndOnly = regexp.MustCompile(`^(말일|월말|말)(에|까지|기준|자|경)?$`)
	// reDashMonthDay is a month and day joined by a hyphen (11-27), which
	// the bot does not read as a date: 11-27 is also a range.
	reDashMonthDay = regexp.MustCompile(`^(\d{1,2})-(\d{1,2})$`)
)

// dateWithoutMonth refuses a date word that lacks what makes it one day —
// a day without its month (30일), a month end without its month (말일),
// a month and day joined by a hyphen (11-27) — with the forms that read
// for the most recent such day; nil for any other word. unreadDate's first
// check, so every command reading a date says the same.
func dateWithoutMonth(cmd *Command, text string, today time.Time) error {
	if m := reDayOnly.FindStringSubmatch(text); m != nil {
		day, _ := strconv.Atoi(m[1])
		if d, ok := recentDay(day, today); ok {
			return usageErr(cmd.Name, "k52.hint_day_needs_month", "Text", text, "MonthDay", monthDayArg(d),
				"Korean", koreanMonthDay(d), "Date", dateArg(d))
		}
	}
	if reMonthEndOnly.MatchString(text) {
		d := recentMonthEnd(today)
		return usageErr(cmd.Name, "k52.hint_month_end_needs_month", "Text", text, "MonthEnd", d, "Date", dateArg(d))
	}
	if m := reDashMonthDay.FindStringSubmatch(text); m != nil {
		if d, err := dates.Parse(m[1]+"/"+m[2], today); err == nil {
			return usageErr(cmd.Name, "k52.hint_dash_month_day", "Text", text, "MonthDay", monthDayArg(d),
				"Korean", koreanMonthDay(d), "Date", dateArg(d))
		}
	}
	return nil
}

// koreanMonthDay is a date as the Korean form types it (11월 30일), in
// both languages: the line the person typed is Korean.
func koreanMonthDay(d time.Time) string { return fmt.Sprintf("%d월 %d일", d.Month(), d.Day()) }

// totalWords before an add's count say "in all" (청년 총 300) but are not
// read: neither 누계 (which 누적 and 총계 are) nor part of the program.
var totalWords = []string{"총", "합계", "전체"}

// totalWordHint refuses an add whose count follows 총, 합계 or 전체 (추가
// 청년 총 300): the word was taken into the program's name, refused as no
// program. The reply names it as unread and gives the 누계 line, for a
// year-to-date total, dated the line's date or the last month end.
func totalWordHint(cmd *Command, ts []token, i int, today time.Time) error {
	if cmd.Name != cmdAdd || i == 0 || ts[i-1].quoted || !isOneOf(ts[i-1], totalWords) {
		return nil
	}
	line := totalLine{words: rawJoin(append(slices.Clone(ts[:i-1]), ts[i:]...)), monthEnd: recentMonthEnd(today)}
	if cmd.Opts.Date != nil {
		line.date = *cmd.Opts.Date
	}
	return usageErr(cmd.Name, "k52.hint_total_word", "Word", ts[i-1].text, "Line", line)
}

// totalLine is the add line for a year-to-date total in the reply's
// language: the count and program, 누계, and the date.
type totalLine struct {
	words    string
	date     time.Time // the line's date; zero for none
	monthEnd time.Time // the date offered when the line gave none
}

// In implements i18n.Localized.
func (l totalLine) In(p i18n.Printer) string {
	// 누계 always: a 누계 the line had was taken out of words already.
	parts := []string{p.T("k42.line_add"), l.words, p.T("k42.line_cumulative")}
	if l.date.IsZero() {
		parts = append(parts, p.T("k52.hint_month_end_date", "Date", l.monthEnd))
	} else {
		parts = append(parts, p.Date(l.date))
	}
	return strings.Join(parts, " ")
}
