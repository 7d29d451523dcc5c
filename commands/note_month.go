package commands

import (
	"context"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
)

// reWeekdayTail is a weekday in brackets after a date (12/30(수)).
var reWeekdayTail = regexp.MustCompile(`^ ?\([월화수목금토일]\)`)

// dateTail is how many bytes of tail close a date written in numbers: its
// stop (12. 30.) and a weekday in brackets (12. 30.(수), 12/30(수)).
func dateTail(tail string) int {
	n := 0
	if strings.HasPrefix(tail, ".") && (len(tail) == 1 || tail[1] == ' ' || tail[1] == '(') {
		n = 1
	}
	return n + len(reWeekdayTail.FindString(tail[n:]))
}

// noteMonthForms are the ways a note names a month, each read on its
// own so that one spelling's miss cannot hide another's (review r19 F4:
// one alternation consumed `26.11` of `2026.11월분` as M.D, dropped it as
// month 26, and never looked at `11월` again). Each form is tried at every
// place it starts; the earliest, then the longest, reading wins. Review
// r11 F9, r15 F3/F11/F13/F18, r19 F4, r19b-F3/M2: 11월분, 11월 실적, 11월
// 넷째주, 11월말, 11/28, 11.30, 11-30, 11·30, 2026. 11. 30., 26.11.30,
// 2026.11월, '26.11월, 작년 12월분, 2025년 12월, 25년 12월, 십일월,
// 지난달, 지지난달, 전월, 전전월, 작년말, last month, November, 30 Nov.
// The note is read with full-width digits and 月/分 folded (noteFold).
// 전달 alone also means "passed on", so it counts only with 분/실적/말;
// 이월 is "carried over" far more often than February, so it is no month.
var noteMonthForms = []struct {
	kind string
	re   *regexp.Regexp
}{
	// 2026. 11. 30., 2026-11-30, 26.11.30
	{"date", regexp.MustCompile(`['’]?(?P<y>(?:20)?[0-9]{2}) ?[./·-] ?(?P<m>[0-9]{1,2}) ?[./·-] ?(?P<d>[0-9]{1,2})`)},
	// 11월분, 2025년 12월, 25년 12월분, 작년 12월분, 2026.11월, '26.11월, 십일월분
	{"month", regexp.MustCompile(`(?:(?P<last>작년|지난 ?해|전년)(?: ?도)? ?|(?P<next>내년|다음 ?해|명년|익년|이듬 ?해)(?: ?도)? ?|['’]?(?P<y>(?:20)?[0-9]{2}) ?년(?: ?도)? ?|['’]?(?P<yd>(?:20)?[0-9]{2}) ?[./-] ?)?` +
		`(?:(?P<m>[0-9]{1,2}) ?|(?P<w>십일|십이|시|십|일|삼|사|오|유|육|칠|팔|구))월(?: ?(?P<md>[0-9]{1,2}) ?일(?:자)?)?(?: ?(?:분|실적|말))?`)},
	// 11월 넷째주, 1월 첫째 주, 11월 4주차: a week of a month (review r22
	// F3), read as its days (monthWeek).
	{"monthWeek", regexp.MustCompile(`(?:(?:['’]?(?P<y>(?:20)?[0-9]{2}) ?년 ?)?(?P<m>[0-9]{1,2}) ?월|(?P<prev>지난 ?달|저번 ?달|전월)|(?P<this>이번 ?달|이달|금월)) ?(?:(?P<n>첫|둘|셋|넷|다섯) ?째|(?P<nd>[1-5]) ?(?:째|번째)?) ?주(?:차)?`)},
	// third week of November, the 4th week of Nov: a week of a month in
	// English, read as 11월 셋째 주 is (review r41 F6)
	{"monthWeek", regexp.MustCompile(`(?i)\b(?:the )?(?P<ord>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th) week of (?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:,? (?P<y>20[0-9]{2})\b)?`)},
	// 2026. 12., 2026.12 실적, 2026-12, 2026/12분: a year and a month in
	// numbers (review r21 B5); numericYearMonthIs tells them from ids and
	// figures (2026-1호, 2026.5배).
	{"ym", regexp.MustCompile(`['’]?(?P<y>20[0-9]{2}) ?[./-] ?(?P<m>[0-9]{1,2})(?:\.)?(?: ?(?:분|실적|말))?`)},
	// 1월~11월, 1~11월, 1-11월, 2026년 1월~11월분: a range of months names
	// its last month (review r21 M6: 1월~11월 누계 was read as January).
	{"range", regexp.MustCompile(`(?:(?P<last>작년|지난 ?해|전년)(?: ?도)? ?|(?P<next>내년|다음 ?해|명년|익년|이듬 ?해)(?: ?도)? ?|['’]?(?P<y>(?:20)?[0-9]{2}) ?년(?: ?도)? ?|['’]?(?P<yd>(?:20)?[0-9]{2}) ?[./-] ?)?` +
		`(?P<m1>[0-9]{1,2}) ?(?:월 ?)?[~–-] ?(?P<m>[0-9]{1,2}) ?월(?: ?(?:분|실적|말))?`)},
	// 4분기, 3/4분기, 작년 4분기, 2026년 4분기, 상반기, 작년 하반기: a
	// quarter or a half (review r21 B5/M1: 3/4분기 was read as 4 March).
	{"quarter", regexp.MustCompile(`(?:(?P<last>작년|지난 ?해|전년)(?: ?도)? ?|(?P<next>내년|다음 ?해|명년|익년|이듬 ?해)(?: ?도)? ?|['’]?(?P<y>(?:20)?[0-9]{2}) ?년(?: ?도)? ?)?` +
		`(?:(?P<q>[1-4])(?: ?/ ?4)? ?분기|(?P<h>상|하) ?반기)(?: ?(?:분|실적|말))?`)},
	// 2026년도 실적, 2026년분, 작년분, 2026년 말: a year (review
	// r21 B5/M3), read only when it is before the entry's year.
	// 25년 채용, 2025년 입사: a year written with two digits and no
	// apostrophe too (review r38 B3: `25년 채용` was filed on the entry's
	// day).
	{"year", regexp.MustCompile(`(?:(?P<last>작년|지난 ?해)|['’]?(?P<y>20[0-9]{2}) ?년|['’](?P<y2>[0-9]{2}) ?년|(?P<y3>[2-9][0-9]) ?년)(?: ?도)?(?: ?(?P<suf>분|실적|치|누계|누락|연말|말|입사|채용))`)},
	// 전년도분, 전년 이월분, 지난 연도 실적, 전년도 누락분: the year
	// before (review r24 F10); 전년 대비 and 전년 누계 are yardsticks.
	// 전년도 채용, 전년 입사: the year before's hires (review r38 B3).
	{"yearWord", regexp.MustCompile(`(?:전년 ?도|전년|지난 ?연도|지난 ?년도)(?: ?(?P<suf>분|실적|치|누락|이월 ?실적|이월분?|입사|채용))`)},
	// 47주차, 2026년 47주차, W47, 2026-W47, week 47: an ISO week, as the
	// date field reads it (review r38 B3: `W47 채용` on a December entry
	// was filed on the entry's day); named by its days and offered on its
	// last weekday, as 지난주 and 11월 넷째주 are.
	{"isoWeek", regexp.MustCompile(`(?i)(?:(?P<y>20[0-9]{2}) ?(?:년 ?|-)?)?(?:제 ?)?(?:(?P<n>[0-9]{1,2}) ?주차|\bw(?P<wn>[0-9]{1,2})\b|\bweek (?P<en>[0-9]{1,2})\b)(?P<share> ?(?:분|실적))?`)},
	// 2026 실적 누락, 2026분: a four-digit year with no 년 (review r24 F10),
	// read only when it is before the entry's year.
	{"bareYear", regexp.MustCompile(`(?P<y>20[0-9]{2}) ?(?:실적|누락|분)`)},
	// 구랍 (지난해 섣달): last December (review r24 F10)
	{"gurap", regexp.MustCompile(`구랍`)},
	// 종무식 in January: the December before (review r24 F10)
	{"ceremony", regexp.MustCompile(`종무식`)},
	// 30일자, 31일 입사: a day alone, in the entry's month up to its day,
	// else the month before (review r24 F2/F10)
	{"day", regexp.MustCompile(`(?P<d>[0-9]{1,2}) ?일(?P<ja>자)?`)},
	// 월말 in a month's first days: the month before's end (review r24 F2)
	{"monthEnd", regexp.MustCompile(`월말`)},
	// 어제, 그제, 그저께: counted back from the entry's date (review r24 F2)
	// 이틀 전, 사흘 전, 나흘 전, 전일 채용, yesterday (review r26 M2)
	// 하루 전, 3일 전, 일주일 전, 2주 전, 보름 전, 한 달 전, 2 days ago, a
	// week ago (review r28 F1/F8: read as 이틀 전 is)
	{"relDay", regexp.MustCompile(`(?i)엊그저께|엊그제|그끄저께|그끄제|그저께|그제|어저께|어제|작일|전날|하루 ?전|이틀 ?전|사흘 ?전|나흘 ?전|전일|` +
		`일주일 ?전|보름 ?전|(?P<kn>[0-9]{1,2}|한|두|세|네) ?(?P<ku>일|주일|주|달|개월) ?전|` +
		`the day before yesterday|yesterday|\b(?P<en>[0-9]{1,2}|an?|one|two|three|four|five|six) (?P<eu>days?|weeks?|months?) ago\b`)},
	// 월요일 입사, 금요일 채용분, on Monday, last Friday: the latest such
	// day on or before the day typed (review r28 F8)
	// (금) 입사, last Fri: the same (review r30 B2)
	{"bareWeekday", regexp.MustCompile(`(?i)(?P<wd>[월화수목금토일])요일|\((?P<pwd>[월화수목금토일])\)|\b(?P<on>on|last|this past) (?P<ewd>(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b`)},
	// 주말에 입사: the weekend before the day typed (review r30 B2)
	// 지난 주말 입사: the weekend before the week typed in (review r30a)
	// last weekend, this past weekend: the English 지난 주말 (issue 20,
	// links5: read as `last week`, the offered line kept `hired end`)
	{"weekend", regexp.MustCompile(`(?i)(?P<last>지난 ?|저번 ?)?주말|\b(?P<elast>last|this past) weekend\b`)},
	// 오늘 입사 on a back-dated entry: the day typed, not the entry's
	// date (review r30a)
	{"today", regexp.MustCompile(`(?i)오늘|금일|\btoday\b`)},
	// 지난 금요일, 지난주 금요일 (review r24 F2)
	{"weekday", regexp.MustCompile(`(?P<p>지난 ?주|저번 ?주|전주|지난|저번) ?(?P<wd>[월화수목금토일])요일`)},
	// 지난주, 저번 주: the week before the entry's (review r24 F2)
	// 이번 주, this week: the week of the day typed (dates7: on an entry
	// dated another week it was filed unasked); `last weekend` is no week
	// (links5: the offered line kept `hired end`)
	{"week", regexp.MustCompile(`(?i)(?:지난 ?주|저번 ?주|(?:last|previous) week(?:'?s)?\b|(?P<this>이번 ?주|this week(?:'?s)?\b))(?: ?(?:분|실적))?`)},
	// 연말 in January: the December before (review r21 B5)
	{"bareYearEnd", regexp.MustCompile(`연말`)},
	// 11/28 (no spaces: 1 / 2 is a ratio)
	{"slash", regexp.MustCompile(`(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})`)},
	// 11.30, 11. 30, 11-30, 11·30
	{"dot", regexp.MustCompile(`(?P<m>[0-9]{1,2})(?P<sep>\. ?| \. ?| ?· ?|-)(?P<d>[0-9]{1,2})`)},
	// 지지난달, 전전월, 전전달분: two months back
	{"two", regexp.MustCompile(`(?:지지난 ?달|전전 ?월|전전 ?달)(?: ?(?:분|실적)|말)?`)},
	// 지난달, 전월, 저번달, 전달분, last month
	{"one", regexp.MustCompile(`(?i)(?:지난 ?달|전월|저번 ?달)(?: ?(?:분|실적)|말)?|전달 ?(?:분|실적|말|입사|채용)|last month(?:'?s)?|previous month(?:'?s)?`)},
	// 작년말, 지난해 말, 전년도 말: December of the year before
	{"yearEnd", regexp.MustCompile(`(?:작년|지난 ?해|전년)(?: ?도)? ?연?말`)},
	// November, Nov., 30 Nov, Nov 30, November 2025
	{"english", regexp.MustCompile(`(?i)\b(?:(?P<d>[0-9]{1,2})(?:st|nd|rd|th)? (?:of )?)?` +
		`(?P<en>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?` +
		`(?: (?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?\b)?(?:,? (?P<ey>20[0-9]{2})\b)?`)},
}

// koreanMonths are the Korean month words (십일월, 시월, 유월), 이월 left
// out (it means carried over).
var koreanMonths = map[string]int{"일": 1, "삼": 3, "사": 4, "오": 5, "유": 6, "육": 6, "칠": 7, "팔": 8, "구": 9, "시": 10, "십": 10, "십일": 11, "십이": 12}

// noteFold is the note as read: full-width forms (１１, ．, ／) and the
// ideographic space as their ASCII, 月/分/年/日 as 월/분/년/일, and the
// other middle dots as ·. offs maps each byte of the folded text (and its
// end) to the note's byte, so the word quoted back is the note's own.
func noteFold(note string) (folded string, offs []int) {
	var b strings.Builder
	for i, r := range note {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		case r == '月':
			r = '월'
		case r == '分':
			r = '분'
		case r == '前':
			r = '전' // 前月分 (review r24 F3)
		case r == '年':
			r = '년'
		case r == '日':
			r = '일'
		case r == '・' || r == '･' || r == '∙':
			r = '·'
		}
		n := b.Len()
		b.WriteRune(r)
		for ; n < b.Len(); n++ {
			offs = append(offs, i)
		}
	}
	return b.String(), append(offs, len(note))
}

// noteDateWords, right after a day (11.30기준, 11/28 채용, 11-30까지),
// make it a date; a unit (1.5배, 1/2명) or another word makes it a figure.
var noteDateWords = []string{"일", "기준", "까지", "자", "현재", "부로", "부터", "이후", "이전", "마감", "채용", "입사", "실적", "분", "말",
	"중", "경", "당시", "보고", "누계", "집계", "께", "쯤", "즈음", "시점", "발령", "계약", "신청", "접수", "완료", "시작", "종료"}

// noteUnits after a number with a space (1.5 배, 10.5 명) make it a figure.
var noteUnits = []string{"배", "명", "개", "건", "원", "인", "회", "차", "%", "퍼센트", "점", "세", "시간", "곳", "가구", "만", "천", "억"}

func hasAnySuffix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// numericIsDate says whether M/D or M.D (M-D, M·D) followed by rest names
// a day rather than a figure. Glued to a date word (11.30기준, 11/30까지)
// or 일, stopped (11. 30.), or in a range (11.28~11.30), it is a date;
// glued to anything else (1.5배, 1/2명, 10.5%) or followed by a unit it is
// a figure. Otherwise (the end, a space, a comma, a range 11.28~11.30) M/D
// is a date as written, and M.D or M-D only with a two-digit month or a
// space after the dot (11.30, 09.30, 11. 30): 3.14, 1.5 and 1.5~2 are
// figures. A day written as four digits (1130 기준) is left: it is as
// much the number 1,130.
func numericIsDate(kind, sep string, twoDigits bool, rest string) bool {
	if reWeekdayTail.MatchString(rest) {
		return true // 12/30(수) (review r28 F9)
	}
	switch {
	case rest == "":
	case strings.HasPrefix(rest, "."):
		return len(rest) == 1 || !strings.ContainsAny(rest[1:2], "0123456789")
	case strings.ContainsAny(rest[:1], "~-,;)"), strings.HasPrefix(rest, "·"): // 11/30·12/1: a list of days
	case strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\t"):
		next := strings.TrimLeft(rest, " \t")
		if hasAnyPrefix(next, noteUnits) || hasAnyPrefix(next, noteFractionWords) {
			return false // 1.5 배, 1/2 정도 (review r21 M1)
		}
		if hasAnyPrefix(next, noteDateWords) {
			return true
		}
	default:
		return hasAnyPrefix(rest, noteDateWords)
	}
	return kind == "slash" || twoDigits || sep == ". "
}

// noteRead is one reading of a note: the word as written, the first and
// last day of the months it names (one month, or a quarter, a half or a
// year), whether it is counted from today (지난달, 작년 12월, 작년말), and
// whether it counts only when before the entry's year (2026년도 실적,
// 2026년 말: `2026년 말까지` on a March 2026 entry is a target).
type noteRead struct {
	word        string
	first, last time.Time
	relative    bool
	pastOnly    bool
	// day is the day a word names (어제, 지난 금요일, 30일자), offered as
	// the date; from and to are a week's (지난주) when it straddles two
	// months, and the note cannot say which (review r24 F2).
	day, from, to time.Time
	dayWord       bool // counted in days or weeks (어제, 지난주)
	// named is the day a date in the note names (12. 17. 기준, 12/17
	// 현재, 17일자, 어제), in the entry's month too: a day other than the
	// entry's is asked (review r25 F1). inMonth marks a reading made only
	// for that (어제 in the entry's month), which names no other month.
	named   time.Time
	inMonth bool
	// weekFrom and weekTo are a week of a month's days in it (11월 넷째주:
	// 11. 23. ~ 11. 29.), offered as its last weekday (review r22 F3).
	weekFrom, weekTo time.Time
	// weekLast is the week's last weekday, or the day typed while the
	// week is under way (review r41 F4): the day its line is dated.
	weekLast time.Time
	// weekAgoFrom and weekAgoTo are last week's days (지난주 채용분) when
	// they lie in one month, offered as its last weekday (review r28 F2).
	weekAgoFrom, weekAgoTo time.Time
	// weekend is a weekend's Saturday (주말에 입사, review r30 B2), its
	// Sunday the day after.
	weekend time.Time
	// periodFrom is the first day of a period or list of days the note
	// names (12.28.~12.31.), named being its last (periodOfDays).
	periodFrom time.Time
	// yearStart marks the start of a year (연초, 올해 초), read as its
	// January and offered on January's last weekday (review r41 F5).
	yearStart bool
	// aheadFrom and aheadTo are next year's week of the number a yearless
	// week names (1주차 on 12. 31.: 2027. 1. 4. ~ 1. 10.) when it begins
	// within weekAheadWindow of the day written: the note may mean it as
	// well as the year's week read, so both are asked (minor43).
	aheadFrom, aheadTo time.Time
}

// weekAheadWindow is how soon next year's week of a yearless number must
// begin for the number to be asked as that week too: 1주차 and 2주차 typed
// in the last days of December.
const weekAheadWindow = 14 * 24 * time.Hour

// dated is the day offered for the figure: the day the word names (어제,
// 30일자, 12/3), else the last day of its months.
func (r noteRead) dated() time.Time {
	if !r.day.IsZero() {
		return r.day
	}
	if !r.named.IsZero() && r.months() == 1 && r.weekFrom.IsZero() {
		// 1/6 순차 입사, 12월 3일자: the day it names, not its month's end,
		// which typed back was asked again (review r31 F1)
		return r.named
	}
	if !r.weekFrom.IsZero() {
		if !r.weekLast.IsZero() {
			return r.weekLast
		}
		return lastWeekday(r.weekFrom, r.weekTo)
	}
	if r.yearStart {
		return lastWeekday(r.first, r.last) // 연초: January's last weekday
	}
	return r.last
}

// namesLaterDay says the note names one day of another month (2/1 현재
// on a 1월말 누계, typed on 2/2; Dec 30 on a January entry): asked as
// another day, that day offered, not its month read as another month's
// figure (review r28 F10, r31 F4: `note:hired Dec 30` offered Dec 31).
func (r noteRead) namesLaterDay(asOf time.Time) bool {
	return !r.named.IsZero() && !r.named.Equal(asOf) && r.weekAgoFrom.IsZero() && r.weekend.IsZero() && r.months() == 1
}

// lastWeekday is the last Monday-to-Friday day from from to to, or to
// when the span holds none (a week of a month cut to its Saturday 1st).
func lastWeekday(from, to time.Time) time.Time {
	for d := to; !d.Before(from); d = d.AddDate(0, 0, -1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			return d
		}
	}
	return to
}

// monthWeek is the n-th week (Monday to Sunday) of a month, the first
// being the one holding its first Thursday (KS X ISO 8601's week of a
// month: November 2026's first week is 2–8, not Sunday the 1st alone), cut
// to the month's days; ok=false when the month has no such week.
func monthWeek(year int, month time.Month, n int) (from, to time.Time, ok bool) {
	first := dates.On(year, month, 1)
	from, to = monthWeekFull(year, month, n)
	if from.Before(first) {
		from = first
	}
	if end := dates.On(year, month+1, 0); to.After(end) {
		to = end
	}
	return from, to, !from.After(to) && from.Month() == month
}

// monthWeekFull is the n-th week of a month as monthWeek reads it, not
// cut to the month's days: 12월 첫째 주 of 2026 is 11. 30. ~ 12. 6.
func monthWeekFull(year int, month time.Month, n int) (monday, sunday time.Time) {
	first := dates.On(year, month, 1)
	thursday := first.AddDate(0, 0, (int(time.Thursday)-int(first.Weekday())+7)%7)
	monday = thursday.AddDate(0, 0, -3+7*(n-1))
	return monday, monday.AddDate(0, 0, 6)
}

// weekHoldsEntry says the n-th week of month (of year, or of asOf's year
// or the next when 0), Monday to Sunday and not cut to the month, holds
// asOf.
func weekHoldsEntry(year, month, n int, asOf time.Time) bool {
	years := []int{year}
	if year == 0 {
		years = []int{asOf.Year(), asOf.Year() + 1}
	}
	for _, y := range years {
		monday, sunday := monthWeekFull(y, time.Month(month), n)
		if !asOf.Before(monday) && !asOf.After(sunday) {
			return true
		}
	}
	return false
}

// weekLast is the last weekday of a week of a month (from to to), or
// typed while the week is under way; zero for no week.
func weekLast(from, to, typed time.Time) time.Time {
	if from.IsZero() {
		return time.Time{}
	}
	last := lastWeekday(from, to)
	if !typed.IsZero() && last.After(typed) && !from.After(typed) {
		return typed
	}
	return last
}

// straddleDays are the days a week over two months (49주차, 지난주 typed
// on 12/7: 11. 30. ~ 12. 6.) is offered on when the entry's date asOf is
// outside it: the last working day (a weekday, not a solar holiday) of its
// days in each month, not after the day typed; ok is false for no such
// week or one holding asOf; a month's days with no working day are
// offered on their last day. Review r41 F6: the later
// month's line was dated asOf, outside the week.
func (r noteRead) straddleDays(asOf, today time.Time) (first, second time.Time, ok bool) {
	if r.from.IsZero() || !asOf.Before(r.from) && !asOf.After(r.to) {
		return first, second, false
	}
	typed := written(asOf, today)
	last := func(from, to time.Time) time.Time {
		if to.After(typed) {
			to = typed
		}
		for d := to; !d.Before(from); d = d.AddDate(0, 0, -1) {
			if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday && !dates.FixedHoliday(d) {
				return d
			}
		}
		return time.Time{}
	}
	monthEnd := dates.On(r.from.Year(), r.from.Month()+1, 0)
	first = last(r.from, monthEnd)
	second = last(monthEnd.AddDate(0, 0, 1), r.to)
	if first.IsZero() {
		first = lastWeekday(r.from, monthEnd)
	}
	if second.IsZero() && r.to.After(monthEnd) && typed.After(monthEnd) {
		// 53주차 of 2026 in January: 1. 1. (신정) ~ 1. 3. hold no working
		// day, so its January line is dated its last day
		second = r.to
		if second.After(typed) {
			second = typed
		}
	}
	return first, second, !second.IsZero()
}

// months is how many months the reading spans: 1 for a month, 3 for a
// quarter, 6 for a half, 12 for a year.
func (r noteRead) months() int {
	return (r.last.Year()-r.first.Year())*12 + int(r.last.Month()-r.first.Month()) + 1
}

// covers says whether day's month is within the reading's months.
func (r noteRead) covers(day time.Time) bool {
	m := day.Year()*12 + int(day.Month())
	return m >= r.first.Year()*12+int(r.first.Month()) && m <= r.last.Year()*12+int(r.last.Month())
}

// noteMonths reads the months a note names, as of today and the entry's
// date asOf: each word as written and the months it names. A month
// without a year is the latest such month not after the entry's date (N월
// after its month is the year before's), and so is a quarter (4분기 in
// January is last year's); 작년 N월 and 작년말 are the year before today's
// (the note is written today), 2025년 N월 and 25년 N월 that year's; a
// quarter or half still to come (하반기 in May) is not read, but in
// January it is last year's;
// 지난달 and 지지난달 are one and two months before today's; 연말 in
// January is the December before the entry's date. A number right after
// another digit (the 2 of 12월) is no month; nor are numbers out of range
// (13월, 11/32), nor a month followed by a plan (plannedAfter).
func noteMonths(note string, asOf, today time.Time) []noteRead {
	folded, offs := noteFold(note)
	folded, offs = dayTokens(folded, offs, asOf, today) // 11/30에, 목욜, Thursday hire (review r33 B3/B9)
	type reading struct {
		start, end int
		m          monthReading
	}
	var found []reading
	// the spans of dates of another event (면접 2026. 12. 3., trained
	// 2026-12-03): no reading starts inside one (offered8: the 12. 3. of
	// such a date was read alone as the figure's day, and the line offered
	// without it kept `면접 2026.`, the line dated it filed the jobs on the
	// interview's day)
	var otherEvents [][2]int
	for _, f := range noteMonthForms {
		for pos := 0; pos < len(folded); {
			loc := f.re.FindStringSubmatchIndex(folded[pos:])
			if loc == nil {
				break
			}
			for i := range loc {
				if loc[i] >= 0 {
					loc[i] += pos
				}
			}
			_, size := utf8.DecodeRuneInString(folded[loc[0]:])
			pos = loc[0] + size
			if startsDateWord(folded, f.kind, loc) && otherEventDate(folded[loc[0]:loc[1]], folded[:loc[0]], folded[loc[1]:]) {
				otherEvents = append(otherEvents, [2]int{loc[0], loc[1]})
			}
			if m, ok := noteReading(folded, f.kind, f.re, loc, asOf, today); ok {
				if f.kind == "bareYearEnd" || f.kind == "ceremony" {
					// 연말 in January is the December before; in another
					// month it is this year's end, still to come.
					if asOf.Month() != time.January {
						continue
					}
					m.year = asOf.Year() - 1
				}
				found = append(found, reading{loc[0], loc[1], m})
			}
		}
	}
	// The earliest reading wins, the longest at one place: 2026.11월분
	// over its 11월분, 지지난달 over its 지난달.
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].start != found[j].start {
			return found[i].start < found[j].start
		}
		return found[i].end > found[j].end
	})
	var reads []noteRead
	var spans [][2]int // each read's bytes in folded, to join a period of days (periodOfDays)
	taken := 0
	for _, r := range found {
		if r.start < taken || slices.ContainsFunc(otherEvents, func(o [2]int) bool { return o[0] < r.start && r.start < o[1] }) {
			continue
		}
		if r.m.mday > 0 {
			// 12. 30.(수): the date's stop and weekday are the word's, so
			// a line offered without it keeps no `.(수)` (review r28 F9)
			r.end += dateTail(folded[r.end:])
		}
		taken = r.end
		if r.m.week > 0 && weekHoldsEntry(r.m.year, r.m.month, r.m.week, asOf) {
			// 12월 첫째 주 on an entry dated 11/30: the week of 11/30 to
			// 12/6, the entry's own (review r41 F10), as 이번 주 is
			continue
		}
		year, span := r.m.year, max(r.m.span, 1)
		firstMonth := r.m.month - span + 1
		if year == 0 {
			// The month as of the entry's date: on 4 January 2027 `12월분`
			// is December 2026, and on an entry dated 2025. 12. 31.
			// `11월` is November 2025; `4분기` on 4 January 2027 is 2026's.
			year = asOf.Year()
			if r.m.week > 0 && time.Month(firstMonth) > asOf.Month() {
				// 12월 첫째 주 on 11. 27. typed 11. 30.: the week begun by
				// the day typed is this year's (dates7: read as 2025's),
				// within a quarter of the entry's date as dateYearTyped reads
				if monday, _ := monthWeekFull(year, time.Month(r.m.month), r.m.week); monday.After(written(asOf, today)) ||
					monday.Sub(asOf) > 92*24*time.Hour {
					year--
				}
			} else if time.Month(firstMonth) > asOf.Month() {
				if span > 1 && asOf.Month() != time.January {
					// 하반기 채용분 in May is this year's half to come,
					// no claim about the figure's month; 4분기 in
					// January is last year's, as 연말 is.
					continue
				}
				year--
			}
			if y := dateYearTyped(r.m.month, r.m.mday, asOf, today); y != 0 {
				year = y
			}
		}
		var named, weekFrom, weekTo time.Time
		if r.m.mday > 0 {
			if d := dates.On(year, time.Month(r.m.month), r.m.mday); d.Day() == r.m.mday {
				named = d
			}
		}
		if !r.m.day.IsZero() {
			named = r.m.day
		}
		if r.m.week > 0 {
			var ok bool
			if weekFrom, weekTo, ok = monthWeek(year, time.Month(r.m.month), r.m.week); !ok {
				weekFrom, weekTo = time.Time{}, time.Time{}
			}
		}
		reads = append(reads, noteRead{
			named:    named,
			inMonth:  r.m.inMonth,
			weekFrom: weekFrom,
			weekTo:   weekTo,
			weekLast: weekLast(weekFrom, weekTo, written(asOf, today)),
			word:     note[offs[r.start]:offs[r.end]],
			first:    dates.On(year, time.Month(firstMonth), 1),
			last:     dates.On(year, time.Month(r.m.month)+1, 0), // day 0: the month's last day
			relative: r.m.relative,
			pastOnly: r.m.pastOnly,
			day:      r.m.day,
			from:     r.m.from,
			to:       r.m.to,
			dayWord:  r.m.dayWord,

			weekAgoFrom: r.m.weekAgoFrom,
			weekend:     r.m.weekend,
			weekAgoTo:   r.m.weekAgoTo,
			aheadFrom:   r.m.aheadFrom,
			aheadTo:     r.m.aheadTo,
			yearStart:   r.m.month == 1 && reDayTokenYearStart.MatchString(note[offs[r.start]:offs[r.end]]),
		})
		spans = append(spans, [2]int{r.start, r.end})
		if n := len(reads); n >= 2 && periodOfDays(reads[n-2], reads[n-1], folded[spans[n-2][1]:r.start]) {
			// 12.28.~12.31. 입사자, 11/30·12/1 입사, 12.1. 입사, 12.3. 입사:
			// one period, the figure's day its last (review r37 F3, r35 M6:
			// each day asked alone, every line offered named the other)
			p, q := reads[n-2], reads[n-1]
			from := p.named
			if !p.periodFrom.IsZero() {
				from = p.periodFrom // 12/9·10·11: a list of three (dates7)
			}
			// the period runs from its earliest day, whatever the list's
			// order: 12/3, 12/1 is 12. 1. to 12. 3. (review r46 M1: the
			// earlier day was compared after the swap and never taken)
			if q.named.Before(from) {
				from = q.named
			}
			if p.named.After(q.named) {
				q = p // the period's last day is the figure's
			}
			q.periodFrom = from
			q.word = note[offs[spans[n-2][0]]:offs[r.end]]
			reads, spans = append(reads[:n-2], q), append(spans[:n-2], [2]int{spans[n-2][0], r.end})
		}
	}
	return reads
}

// rePeriodGap is what may stand between two days of a period or a list
// in a note: a range mark, a list mark or word, 부터, each day's start
// word repeated (12.1. 입사, 12.3. 입사).
var rePeriodGap = regexp.MustCompile(`^\.? ?(?:(?:입사자?|채용|출근|hired|started|joined) ?)?(?:~|-|–|·|,|、|/|및|와|과|부터|and|to|through)? ?$`)

// periodOfDays says whether two readings of a note, a and b with gap
// between them, are days of one period or list (12.28.~12.31., 11/30·12/1,
// 12/1, 12/3): each names one day, neither a word counted from a day
// (어제, 지난주, 주말), and nothing but a range or list mark lies between.
// The period is read as its last day: a note naming it on an entry of that
// day is the period's report, kept as written, as a range of months
// ending in the entry's month is; on another day the line dated its last
// day is offered, and the line without the period (review r37 F3, r35 M6).
func periodOfDays(a, b noteRead, gap string) bool {
	single := func(r noteRead) bool {
		return !r.named.IsZero() && r.day.IsZero() && !r.dayWord && !r.inMonth && r.weekFrom.IsZero() && r.weekend.IsZero() &&
			r.weekAgoFrom.IsZero() && r.from.IsZero() && r.periodFrom.IsZero() && r.months() == 1 && !r.pastOnly && !r.relative
	}
	list := a
	list.periodFrom = time.Time{} // a list read so far goes on (12/9·10·11, dates7)
	if !single(list) || !single(b) || a.named.Equal(b.named) {
		return false
	}
	if b.named.Sub(a.named).Abs() > 62*24*time.Hour {
		return false // 1/5, 11/30: two reports' days, not one period
	}
	return rePeriodGap.MatchString(strings.ToLower(gap))
}

// dateYearTyped is the year of a note's date without one (2/1 현재) as of
// the day typed, or 0 to read it as of the entry's date: the latest such
// date not after today, when that is after the entry's date and within a
// quarter of it (review r28 F10: on 2027-02-02 `누계 1월말 메모:2/1 현재`
// read 2/1 as 2026-02-01, and the line offered filed a 2027 누계 in
// February 2026). A back-dated entry's note (11/28 on a 2025-12-31 entry)
// stays its own year's.
//
// A month alone (mday 0) is read by its first day the same way (review r31
// F5: on 2027-01-04 `12/30 메모:12월 30일자 채용 (1월 보고)` read 1월 as
// January 2026 and the lines offered filed the jobs there).
func dateYearTyped(month, mday int, asOf, today time.Time) int {
	if today.IsZero() || asOf.IsZero() {
		return 0
	}
	day := max(mday, 1)
	y := today.Year()
	d := dates.On(y, time.Month(month), day)
	if d.Day() != day || d.After(today) {
		y--
		if d = dates.On(y, time.Month(month), day); d.Day() != day {
			return 0
		}
	}
	if !d.After(asOf) || d.Sub(asOf) > 92*24*time.Hour {
		return 0
	}
	return y
}

// monthReading is one form's reading: the year (0: not said), the last
// month, how many months it spans (0 or 1: one), whether it is counted
// from today and whether it counts only before the entry's year.
type monthReading struct {
	year, month, span  int
	relative, pastOnly bool
	day, from, to      time.Time
	dayWord            bool
	mday, week         int  // the day of a date (12. 17.), the week of 11월 넷째주
	inMonth            bool // a day word in the entry's own month (noteRead)
	// weekAgoFrom and weekAgoTo are the days of 지난주 within one month
	weekAgoFrom, weekAgoTo time.Time
	// weekend is a weekend's Saturday (주말에 입사, review r30 B2), its
	// Sunday the day after.
	weekend time.Time
	// aheadFrom and aheadTo are noteRead's: next year's week of the number
	aheadFrom, aheadTo time.Time
}

// noteComparedWords after a year or a quarter make it a comparison
// (`2025년 실적 대비`, `작년 실적보다`), no claim about the figure's period.
var noteComparedWords = []string{"대비", "보다", "비교", "比"}

// noteFractionWords after a spaced M/D make it a figure (`1/2 정도`, review
// r21 M1), as a unit does.
var noteFractionWords = []string{"정도", "가량", "수준", "이상", "이하", "미만", "초과", "내외", "남짓", "만큼", "비율"}

// noteReading is one form's match at loc in the folded note, or ok=false
// when it names no month there.
func noteReading(note, kind string, re *regexp.Regexp, loc []int, asOf, today time.Time) (r monthReading, ok bool) {
	group := func(name string) (string, bool) {
		i := re.SubexpIndex(name)
		if i < 0 || loc[2*i] < 0 {
			return "", false
		}
		return note[loc[2*i]:loc[2*i+1]], true
	}
	num := func(name string) int {
		v, _ := group(name)
		n, _ := strconv.Atoi(v)
		return n
	}
	twoDigitYear := func(name string) int {
		v, ok := group(name)
		if !ok {
			return 0
		}
		y, _ := strconv.Atoi(strings.TrimLeft(v, "'’"))
		if y < 100 {
			y += 2000
		}
		return y
	}
	sayYear := func() {
		if _, ok := group("last"); ok {
			r.year, r.relative = today.Year()-1, true
		} else if _, ok := group("next"); ok {
			// 내년 1월분 typed on 12/30: next January, a month to come
			// (review r32 F9: read as this January, the line offered
			// filed it eleven months back)
			r.year, r.relative = written(asOf, today).Year()+1, true
		} else if _, ok := group("y"); ok {
			r.year = twoDigitYear("y")
		} else if _, ok := group("yd"); ok {
			r.year = twoDigitYear("yd")
		}
	}
	before, rest := note[:loc[0]], note[loc[1]:]
	if !startsDateWord(note, kind, loc) {
		return r, false // the 2 of 12월, the 11 of 2026.11
	}
	if otherEventDate(note[loc[0]:loc[1]], before, rest) {
		return r, false // 12월 31일 퇴사자 대체, 11/20 면접: not when the jobs began (review r32 F14)
	}
	if w := strings.TrimRight(note[loc[0]:loc[1]], " "); plannedAfter(rest) &&
		!strings.HasSuffix(w, "분") && !strings.HasSuffix(w, "실적") && !strings.HasSuffix(w, "말") {
		// 12월 채용 예정 5명은 제외: a plan, not the figure's month. But
		// 11월분, 11월 실적, 11월말 say whose figure it is, whatever follows
		// (`11월분 예정 인원 모두 채용`, review r21 B2).
		return r, false
	}
	day := 0
	switch kind {
	case "date":
		if sep := func(from, to string) string { // the separator between two parts
			return strings.TrimSpace(note[loc[2*re.SubexpIndex(from)+1]:loc[2*re.SubexpIndex(to)]])
		}; sep("y", "m") != sep("m", "d") {
			return r, false // 12/9·10 (the 9th and the 10th) is no 2012. 9. 10.
		}
		r.year, r.month, day = twoDigitYear("y"), num("m"), num("d")
		if day < 1 || (rest != "" && strings.ContainsAny(rest[:1], "0123456789")) {
			return r, false
		}
		r.mday = day
	case "monthWeek":
		r.month = num("m")
		r.week = num("nd")
		if n, ok := group("n"); ok {
			r.week = weekOrdinals[n]
		}
		if o, ok := group("ord"); ok {
			mon, _ := group("mon")
			r.week = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}[strings.ToLower(o)]
			r.month = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}[strings.ToLower(mon[:3])]
		}
		if r.week < 1 {
			return r, false
		}
		sayYear()
		_, prev := group("prev")
		if _, this := group("this"); prev || this {
			// 지난달 셋째 주, 이번 달 첫째 주: the month counted from the day
			// typed (review r41 F6: 지난달 was read alone, 셋째 주 kept)
			if hangulBefore(before) {
				return r, false
			}
			month := written(asOf, today)
			if prev {
				month = dates.On(month.Year(), month.Month(), 0)
			}
			r.year, r.month, r.relative = month.Year(), int(month.Month()), true
		}
	case "ym":
		// 2026. 12. 누락분, 2026.12 실적, 2026-12, 2026/12분 but not
		// 2026-1호 (an id), 2026.5배 or 2026.12.1 (the date form's).
		if !numericYearMonthIs(rest) {
			return r, false
		}
		r.year, r.month = twoDigitYear("y"), num("m")
	case "month", "range":
		if w, isWord := group("w"); isWord {
			// 십일월분, 시월 실적 but not 구월동, 감사월, 오월드, 월요일
			if r, _ := utf8.DecodeLastRuneInString(note[:loc[2*re.SubexpIndex("w")]]); r != utf8.RuneError && unicode.Is(unicode.Hangul, r) && loc[2*re.SubexpIndex("w")] == loc[0] {
				return monthReading{}, false
			}
			if r, _ := utf8.DecodeRuneInString(rest); r != utf8.RuneError && unicode.Is(unicode.Hangul, r) && !strings.ContainsRune("분말중초달실", r) {
				return monthReading{}, false
			}
			r.month = koreanMonths[w]
		} else {
			r.month = num("m")
		}
		if kind == "month" {
			r.mday = num("md") // 12월 17일 기준: the day too (review r25 F1)
		}
		if kind == "range" && (num("m1") < 1 || num("m1") > 12) {
			return r, false
		}
		sayYear()
	case "quarter":
		if compared(rest) {
			return r, false
		}
		if h, ok := group("h"); ok {
			r.month, r.span = 6, 6
			if h == "하" {
				r.month = 12
			}
		} else {
			r.month, r.span = 3*num("q"), 3
		}
		sayYear()
	case "year":
		// 작년분, 2026년도 실적, 2026년 말: the year's December, counted
		// only when it is before the entry's year.
		if compared(rest) {
			return r, false
		}
		suffix, _ := group("suf")
		if _, ok := group("last"); ok && (suffix == "말" || suffix == "연말") {
			return r, false // 작년말 is the yearEnd form's
		}
		if _, ok := group("last"); ok && (suffix == "실적" || suffix == "누계") {
			return r, false // 작년 실적 초과, 작년 누계의 90%: a yardstick far more often
		}
		if (suffix == "입사" || suffix == "채용") && strings.HasPrefix(rest, "자") {
			return r, false // 작년 입사자 재채용: who they are, not the figure's year
		}
		sayYear()
		if _, ok := group("y2"); ok {
			r.year = twoDigitYear("y2") // '26년분 (review r24 F10)
		}
		if _, ok := group("y3"); ok {
			r.year = twoDigitYear("y3") // 25년 채용 (review r38 B3)
		}
		r.month, r.span, r.pastOnly = 12, 12, true
		if suffix == "말" || suffix == "연말" {
			r.span = 1
		}
	case "yearWord":
		// 전년도분, 전년 이월분, 지난 연도 실적 (review r24 F10): not 전년도
		// 실적 대비, 전년 실적 초과
		suffix, _ := group("suf")
		if compared(rest) || suffix == "실적" && yardstick(rest) || hangulBefore(before) {
			return r, false
		}
		if (suffix == "입사" || suffix == "채용") && strings.HasPrefix(rest, "자") {
			return r, false // 전년도 채용자 재고용: who they are, not the figure's year
		}
		if strings.HasPrefix(suffix, "이월") && (asOf.IsZero() || asOf.Month() != time.January) {
			// 전년도 이월분 in January is last December's carried in; in
			// another month it says the jobs go on from last year (k53)
			return r, false
		}
		r.year, r.month, r.span, r.relative, r.pastOnly = today.Year()-1, 12, 12, true, true
	case "isoWeek":
		// 47주차 채용: the week's days; not 11월 4주차 (monthWeek's), 3주차
		// 교육 after a word, nor a week holding the entry's date or still to
		// come (review r38 B3)
		// a week after a word (입사 3주차, 근무 2주차 교육) counts weeks
		// since something else; a week says the figure's only before a
		// start or a share word (47주차 채용, 47주차분, hired week 47)
		trimmed := strings.TrimRight(before, " ")
		_, share := group("share")
		if asOf.IsZero() || hangulBefore(trimmed) || strings.HasSuffix(trimmed, "월") ||
			!dayWordAfter(rest) && !share && !reDayTokenHired.MatchString(note) {
			return r, false
		}
		n := num("n") + num("wn") + num("en")
		typed := strconv.Itoa(n) + "주차"
		if y := num("y"); y > 0 {
			typed = strconv.Itoa(y) + "년 " + typed
		}
		from := written(asOf, today)
		p, err := dates.ParsePeriod(typed, from)
		if err != nil || !asOf.Before(p.From) && !asOf.After(p.To) || p.From.After(from) {
			return r, false
		}
		r.year, r.month = p.From.Year(), int(p.From.Month())
		if num("y") == 0 {
			// 1주차 on 12. 31.: a year back, or next year's first week
			// that begins in four days; asked as both (minor43)
			isoYear, _ := p.From.ISOWeek()
			ahead, err := dates.ParsePeriod(strconv.Itoa(isoYear+1)+"년 "+strconv.Itoa(n)+"주차", from)
			if err == nil && ahead.From.After(from) && ahead.From.Sub(from) <= weekAheadWindow {
				r.aheadFrom, r.aheadTo = ahead.From, ahead.To
			}
		}
		if p.To.Month() != p.From.Month() {
			r.from, r.to = p.From, p.To // over two months: which month's, asked (k60)
			break
		}
		r.weekAgoFrom, r.weekAgoTo = p.From, p.To
		if r.day = lastWeekday(p.From, p.To); r.day.After(from) {
			r.day = from
		}
		r.inMonth = p.From.Month() == asOf.Month() && p.From.Year() == asOf.Year()
	case "bareYear":
		// 2026 실적 누락, 2026분 (review r24 F10): not 2026 실적 대비, 2026 분기
		if compared(rest) || yardstick(rest) || strings.HasPrefix(rest, "기") || hangulBefore(before) {
			return r, false
		}
		r.year, r.month, r.span, r.pastOnly = num("y"), 12, 12, true
	case "gurap":
		if hangulBefore(before) {
			return r, false
		}
		r.year, r.month, r.relative = today.Year()-1, 12, true
	case "ceremony":
		r.month = 12 // in January the December before (noteMonths)
	case "day":
		// 30일자, 31일 입사: a day after the entry's is the month before's
		// (review r24 F2/F10); not 11월 30일 (the month form's), 30일간,
		// 30일 근무, 30일분.
		trimmed := strings.TrimRight(before, " ")
		if strings.HasSuffix(trimmed, "월") || hangulBefore(before) && !strings.HasSuffix(before, " ") {
			return r, false
		}
		if _, ja := group("ja"); !ja && !dayWordAfter(rest) && !reStartBefore.MatchString(trimmed) {
			return r, false // 출근일 7일, 임용일 14일: the start named before the day (review r42 B8)
		}
		d := num("d")
		if d < 1 || d > 31 || d == asOf.Day() {
			return r, false
		}
		if d < asOf.Day() {
			// 17일자 on the 18th: a day of the entry's month (review r25 F1)
			r.year, r.month, r.day, r.inMonth = asOf.Year(), int(asOf.Month()), dates.On(asOf.Year(), asOf.Month(), d), true
			break
		}
		prev := dates.On(asOf.Year(), asOf.Month(), 0)
		if d > prev.Day() {
			return r, false
		}
		r.year, r.month, r.day = prev.Year(), int(prev.Month()), dates.On(prev.Year(), prev.Month(), d)
	case "monthEnd":
		// 월말 입사자 on the 1st: last month's end (review r24 F2); not
		// 11월말, 이번 월말, 매 월말, 월말까지
		trimmed := strings.TrimRight(before, " ")
		if hangulBefore(before) && !strings.HasSuffix(before, " ") || asOf.Day() > 5 ||
			strings.HasSuffix(trimmed, "이번") || strings.HasSuffix(trimmed, "매") || strings.HasSuffix(trimmed, "다음") ||
			strings.HasSuffix(trimmed, "이달") || strings.HasSuffix(trimmed, "당") || strings.HasPrefix(rest, "까지") {
			return r, false
		}
		prev := dates.On(asOf.Year(), asOf.Month(), 0)
		r.year, r.month = prev.Year(), int(prev.Month())
	case "relDay":
		// 어제 입사 on the 1st: last month's last day (review r24 F2)
		if hangulBefore(before) {
			return r, false
		}
		w := strings.ToLower(strings.ReplaceAll(note[loc[0]:loc[1]], " ", ""))
		if w == "전일" && !hasAnyPrefix(strings.TrimLeft(rest, " "), noteDayWords) {
			return r, false // 전일제, 전일 근무 (full-time); 전일 채용 is the day before
		}
		if (w == "전일" || w == "전날") && hangulBefore(strings.TrimRight(before, " ")) {
			return r, false // 성탄절 전날, 입사 전날: the day before that, not yesterday (review r28 F5)
		}
		if strings.HasPrefix(strings.TrimLeft(rest, " "), "까지") {
			return r, false // 3일 전까지 신청: a deadline, no day of the figure
		}
		back := map[string]int{"엊그저께": 2, "엊그제": 2, "그끄저께": 3, "그끄제": 3, "그저께": 2, "그제": 2, "어저께": 1, "어제": 1, "작일": 1, "전날": 1,
			"전일": 1, "하루전": 1, "이틀전": 2, "사흘전": 3, "나흘전": 4, "일주일전": 7, "보름전": 15, "yesterday": 1, "thedaybeforeyesterday": 2}[w]
		months := 0
		n, unit := 0, ""
		if v, ok := group("kn"); ok {
			u, _ := group("ku")
			n, unit = map[string]int{"한": 1, "두": 2, "세": 3, "네": 4}[v], u
			if n == 0 {
				n, _ = strconv.Atoi(v)
			} else if u == "일" {
				return r, false // 한일, 두 일: no count of days
			}
		} else if v, ok := group("en"); ok {
			u, _ := group("eu")
			n, unit = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}[strings.ToLower(v)], strings.ToLower(u)
			if n == 0 {
				n, _ = strconv.Atoi(v)
			}
		}
		switch {
		case unit == "":
		case strings.HasPrefix(unit, "day") || unit == "일":
			back = n
		case strings.HasPrefix(unit, "week") || unit == "주" || unit == "주일":
			back = 7 * n
		default: // 달, 개월, months
			months = n
		}
		if n < 0 || back < 1 && months < 1 {
			return r, false
		}
		day := written(asOf, today).AddDate(0, -months, -back)
		r.year, r.month, r.day, r.relative, r.dayWord = day.Year(), int(day.Month()), day, true, true
		// 어제 입사 in the entry's month: the day is asked (review r25 F1)
		r.inMonth = day.Month() == asOf.Month() && day.Year() == asOf.Year()
	case "bareWeekday":
		// 월요일 입사, 금요일 채용분, on Monday: the latest such day on or
		// before the day typed; last Friday: before it. Not 월요일마다,
		// 매주 월요일, 다음 월요일, 월요일부터 근무 (review r28 F8).
		trimmed := strings.TrimRight(before, " ")
		if hangulBefore(before) || hasAnySuffix(trimmed, []string{"매주", "매", "다음", "다음주", "다음 주", "이번", "이번주", "이번 주", "오는",
			"내주", "차주", "돌아오는", "지난", "지난주", "지난 주", "저번", "저번주", "저번 주", "주", "격주", "첫째", "둘째", "셋째", "넷째"}) {
			return r, false
		}
		from := written(asOf, today)
		// the entry's own weekday, however far back the entry is dated:
		// 11/6 메모:금요일 입사 typed on Friday 12/4 names the Friday it
		// is dated (review r34 F3; r38 M6: within two weeks only, a
		// month back it was asked)
		window := 1 << 16
		var wd int
		w, ok := group("wd")
		if !ok {
			w, ok = group("pwd")
		}
		if ok {
			if !dayWordAfter(rest) && !reStartBefore.MatchString(trimmed) {
				return r, false // 출근일 월요일 is read as 월요일 출근 (review r42 B8)
			}
			wd = map[string]int{"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}[w]
		} else {
			ewd, _ := group("ewd")
			n, known := map[string]int{"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}[strings.ToLower(ewd[:3])]
			if !known || !englishWeekday(strings.ToLower(ewd)) {
				return r, false
			}
			wd = n
			if on, _ := group("on"); !strings.EqualFold(on, "on") {
				from = from.AddDate(0, 0, -1) // last Friday: before the day typed
				window = 7                    // last Monday names one Monday, not the week before's
			}
		}
		if asOf.Before(from) && (int(asOf.Weekday())+6)%7 == wd && !asOf.Before(from.AddDate(0, 0, -window)) {
			// 지난주 목요일 메모:목요일 입사분 typed on Friday 11/27: the memo
			// repeats the entry's own weekday, a week back too (review r34 F3)
			// 날짜:11/27 메모:금요일 입사 typed on Friday 12/4: the entry is
			// dated the Friday meant (review r30 M3)
			return r, false
		}
		// the latest on or before from: last Friday is before the day
		// typed, as the line's date reads it (review r32 F13)
		day := dates.WeekdayBefore(from.AddDate(0, 0, 1), time.Weekday((wd+1)%7))
		r.year, r.month, r.day, r.relative, r.dayWord = day.Year(), int(day.Month()), day, true, true
		r.inMonth = day.Month() == asOf.Month() && day.Year() == asOf.Year()
	case "weekend":
		// 주말에 입사 on Tuesday 12/1: 11/28 or 11/29, not December's; not
		// 주말 근무자, 이번 주말, 매 주말, 지난 주말 (the week form's)
		trimmed := strings.TrimRight(before, " ")
		_, english := group("elast")
		if english && !englishDayWordAround(trimmed, rest) {
			return r, false // last weekend staff: a note, as 지난 주말 근무자 is
		}
		if !english && (hangulBefore(before) || !dayWordAfter(rest) || hasAnySuffix(trimmed, []string{"이번", "다음", "매", "오는", "지난", "저번", "격주"})) {
			return r, false
		}
		sat := written(asOf, today)
		if _, last := group("last"); last || english {
			// 지난 주말: the weekend before the week typed in, also when
			// typed on a Saturday or a Sunday
			sat = dates.WeekStart(sat).AddDate(0, 0, -2)
		}
		for ; sat.Weekday() != time.Saturday; sat = sat.AddDate(0, 0, -1) {
		}
		if !asOf.Before(sat) && !asOf.After(sat.AddDate(0, 0, 1)) {
			return r, false // dated on that weekend: the note agrees
		}
		r.year, r.month, r.day, r.weekend, r.relative, r.dayWord = sat.Year(), int(sat.Month()), sat, sat, true, true
		r.inMonth = sat.Month() == asOf.Month() && sat.Year() == asOf.Year()
	case "today":
		// 오늘 입사, 오늘자 채용, hired today on an entry dated another
		// day: the day typed (review r30a); not 오늘 보고 (the report's
		// day), 오늘날, today's briefing
		if w := note[loc[0]:loc[1]]; strings.EqualFold(w, "today") {
			if !hasAnySuffix(strings.ToLower(strings.TrimRight(before, " ")), []string{"hired", "started", "joined", "employed", "as of", "starting", "start"}) {
				return r, false
			}
		} else if hangulBefore(before) || !dayWordAfter(rest) {
			return r, false
		}
		day := written(asOf, today)
		if day.Equal(asOf) {
			return r, false // dated today: the note agrees
		}
		r.year, r.month, r.day, r.relative, r.dayWord = day.Year(), int(day.Month()), day, true, true
		r.inMonth = day.Month() == asOf.Month() && day.Year() == asOf.Year()
	case "weekday", "week":
		// 지난 금요일: the latest Friday before the entry's date; 지난주
		// 금요일: the Friday of the week before; 지난주: that week, asked
		// about when it straddles two months (review r24 F2).
		if hangulBefore(before) {
			return r, false
		}
		from := written(asOf, today)
		monday := from.AddDate(0, 0, -((int(from.Weekday())+6)%7)-7)
		if kind == "week" && strings.HasPrefix(rest, "말") {
			return r, false // 지난 주말: the weekend form's
		}
		if _, this := group("this"); this && kind == "week" {
			// 이번 주 금요일, 이번 주초, 이번 주 내: other readers' or no claim
			if hangulBefore(before) || reThisWeekOther.MatchString(rest) {
				return r, false
			}
			monday = monday.AddDate(0, 0, 7)
			if sunday := monday.AddDate(0, 0, 6); !asOf.Before(monday) && !asOf.After(sunday) {
				return r, false // dated within this week: the note agrees
			}
			// another week than the entry's: asked as 지난주 is, offered
			// on its last weekday come by the day typed
			r.year, r.month, r.relative, r.dayWord = monday.Year(), int(monday.Month()), true, true
			r.weekAgoFrom, r.weekAgoTo = monday, monday.AddDate(0, 0, 6)
			r.day = weekLast(monday, monday.AddDate(0, 0, 6), from)
			r.year, r.month = r.day.Year(), int(r.day.Month())
			r.inMonth = r.day.Month() == asOf.Month() && r.day.Year() == asOf.Year()
			break
		}
		if kind == "week" {
			sunday := monday.AddDate(0, 0, 6)
			if !asOf.Before(monday) && !asOf.After(sunday) {
				return r, false // dated within last week: the note agrees
			}
			r.year, r.month, r.relative, r.dayWord = monday.Year(), int(monday.Month()), true, true
			if sunday.Month() != monday.Month() && asOf.Before(monday) && !asOf.IsZero() {
				// 지난주 (11. 30. ~ 12. 6.) on an entry dated 11. 20., before
				// the week: another week, asked as one within a month is
				// (its month its last weekday's: review r39, it was filed
				// unasked since November is one of the week's months)
				r.weekAgoFrom, r.weekAgoTo = monday, sunday
				r.day = lastWeekday(monday, sunday)
				r.year, r.month = r.day.Year(), int(r.day.Month())
				r.inMonth = r.day.Month() == asOf.Month() && r.day.Year() == asOf.Year()
				break
			}
			if sunday.Month() != monday.Month() {
				r.from, r.to = monday, sunday
				break
			}
			// Last week within one month, in the entry's month too: named
			// by its days and offered as its last weekday (review r28 F2:
			// inside a month it was not read, and across a month the line
			// offered was dated the month's end, this week's Monday).
			r.weekAgoFrom, r.weekAgoTo = monday, sunday
			r.day = lastWeekday(monday, sunday)
			r.inMonth = monday.Month() == asOf.Month() && monday.Year() == asOf.Year()
			break
		}
		p, _ := group("p")
		w, _ := group("wd")
		wd := map[string]int{"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}[w]
		day := monday.AddDate(0, 0, wd)
		if !strings.Contains(p, "주") {
			day = dates.WeekdayBefore(from, time.Weekday((wd+1)%7)) // as the line's date reads it (review r32 F13)
		}
		r.year, r.month, r.day, r.relative, r.dayWord = day.Year(), int(day.Month()), day, true, true
		r.inMonth = day.Month() == asOf.Month() && day.Year() == asOf.Year()
	case "bareYearEnd":
		// 연말 alone: not 올해 연말, 금년 연말, 연말( )정산, 연말연시
		trimmed := strings.TrimRight(before, " ")
		if strings.HasSuffix(trimmed, "올해") || strings.HasSuffix(trimmed, "금년") || strings.HasSuffix(trimmed, "이번") ||
			strings.HasSuffix(trimmed, "년") || strings.HasSuffix(trimmed, "작년") || strings.HasSuffix(trimmed, "해") ||
			yearEndCompound(rest) {
			return r, false
		}
		r.month = 12 // the year is the entry's (noteMonths)
	case "slash", "dot":
		sep, _ := group("sep")
		m, _ := group("m")
		r.month, day = num("m"), num("d")
		if day < 1 || !numericIsDate(kind, sep, len(m) == 2, rest) || strings.HasPrefix(strings.TrimLeft(rest, " "), "분기") {
			return r, false // 3/4분기 is a quarter (review r21 M1)
		}
		r.mday = day
	case "two", "one":
		if w := note[loc[0]:loc[1]]; (strings.HasSuffix(w, "입사") || strings.HasSuffix(w, "채용")) && strings.HasPrefix(rest, "자") {
			return r, false // 전달 입사자 교육: who they are, not the figure's month
		}
		back := 1
		if kind == "two" {
			back = 2
		}
		prev := dates.On(today.Year(), today.Month()-time.Month(back)+1, 0)
		r.year, r.month, r.relative = prev.Year(), int(prev.Month()), true
	case "yearEnd":
		r.year, r.month, r.relative = today.Year()-1, 12, true
	case "english":
		en, _ := group("en")
		r.month, _ = dates.EnglishMonth(en[:3])
		_, d1 := group("d")
		_, d2 := group("d2")
		_, y := group("ey")
		if strings.EqualFold(en, "may") && !d1 && !d2 && !y {
			return r, false // "may include": May only with a day or a year
		}
		day = max(num("d"), num("d2"))
		r.year, r.mday = num("ey"), day
	}
	if r.month < 1 || r.month > 12 || day > 31 {
		return r, false
	}
	return r, true
}

// otherEventWords, right after a note's date (12월 31일 퇴사자, 11/20
// 면접, 작년 12월 면접), say it is the day of something else than the
// start of the job: someone's leaving, an interview, a pass, an
// application, training. Such a date is not the figure's and is neither
// asked about nor cut out of the line offered; a date before 입사, 채용 or
// nothing is read as before (review r32 F14).
var otherEventWords = []string{"면접", "퇴사", "퇴직", "사직", "이직", "합격", "지원자", "지원서", "지원 접수", "지원접수", "교육", "연수", "수료",
	"계약 만료", "계약만료", "interview", "resign", "left", "quit", "retire", "applied", "application", "training", "passed"}

// otherEventAfter are the same words before a date (퇴사일 12/31, left on
// 12/1, interviewed 11/20).
var otherEventBefore = []string{"면접", "면접일", "퇴사", "퇴사일", "퇴직", "퇴직일", "합격", "합격일", "교육", "interview", "interviewed",
	"resigned", "left", "quit", "retired", "applied", "trained", "passed"}

// startsDateWord says the match at loc of a form of kind starts a word
// of its own: not the 2 of 12월, the 11 of 2026.11.
func startsDateWord(note, kind string, loc []int) bool {
	before := note[:loc[0]]
	return kind == "english" || before == "" || !strings.ContainsAny(before[len(before)-1:], "0123456789./")
}

// otherEventDate says whether the note's date word, between before and
// rest, is the day of another event than the start (otherEventWords). A
// word saying whose figure it is (11월분, 11월 실적, 누계) never is.
func otherEventDate(word, before, rest string) bool {
	if w := strings.TrimRight(word, " "); strings.HasSuffix(w, "분") || strings.HasSuffix(w, "실적") {
		return false
	}
	r := rest[dateTail(rest):]
	r = strings.TrimLeft(r, " ")
	for _, particle := range []string{"일자로", "일자", "자로", "부로", "일에", "일", "자", "에", "의", "날"} {
		if after, ok := strings.CutPrefix(r, particle); ok {
			r = strings.TrimLeft(after, " ")
			break
		}
	}
	lower := strings.ToLower(r)
	if hasAnyPrefix(lower, otherEventWords) {
		return true
	}
	if strings.HasPrefix(r, "지원") {
		// 11/20 지원, 11/25 입사: the application; not 12월 지원사업, 지원금
		next := strings.TrimPrefix(r, "지원")
		return next == "" || strings.ContainsAny(next[:1], ",.;)·/") || strings.HasPrefix(next, " 후") || strings.HasPrefix(next, " 및")
	}
	if hasAnyPrefix(lower, []string{"입사", "채용", "출근", "근무", "임용", "발령", "입소", "hired", "started", "joined"}) {
		return false // 합격 12/1 입사: the date is the start's
	}
	b := strings.ToLower(strings.TrimRight(before, " :("))
	b = strings.TrimSuffix(strings.TrimSuffix(b, " on"), " at")
	for _, w := range otherEventBefore {
		if strings.HasSuffix(b, w) && (len(b) == len(w) || !unicode.IsLetter(rune(b[len(b)-len(w)-1])) || w[0] >= 0x80) {
			return true
		}
	}
	return false
}

// written is the day a relative word (어제, 이틀 전, 지난 금요일, 지난주)
// counts back from: the day the note was written, today, when known (the
// line offered for 어제 입사, dated yesterday, is asked no more); asOf for
// a file's row, whose writing day is unknown.
func written(asOf, today time.Time) time.Time {
	if today.IsZero() {
		return asOf
	}
	return today
}

// noteDayWords after a day alone (30일 입사, 31일 기준) make it a date;
// 30일 근무, 30일간 are spans. 투입, 배치, 합류, 착수, 근무 시작, 첫 근무
// are everyday words for the start too (review r34 F1: `메모:목욜 투입` on
// an entry dated another day was stored unasked).
// 첫 출근 too (review r42 B8: `월요일 첫 출근`, `7일 첫 출근` were filed
// on the entry's day).
var noteDayWords = []string{"입사", "채용", "기준", "현재", "발령", "출근", "임용", "계약", "부로", "부 ", "자로", "까지 채용", "까지 입사",
	"투입", "배치", "합류", "착수", "근무 시작", "근무시작", "첫 근무", "첫근무", "첫 출근", "첫출근"}

// yardstick says the words after a year's 실적 make it a yardstick
// (전년 실적 초과, 2026 실적의 90%), no claim about the figure's year.
func yardstick(rest string) bool {
	return hasAnyPrefix(strings.TrimLeft(rest, " "), []string{"초과", "미달", "의", "수준", "을", "를", "보다", "대비", "比"})
}

// hangulBefore says a Hangul letter is glued before a word (지지난주,
// 구랍's 연구랍, 11월말's 월말 after 십일), so it is part of another word.
func hangulBefore(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return r != utf8.RuneError && unicode.Is(unicode.Hangul, r)
}

// compared says the words after a year or a quarter make it a comparison.
func compared(rest string) bool {
	return hasAnyPrefix(strings.TrimLeft(rest, " "), noteComparedWords)
}

// numericYearMonthIs says whether a year and month in numbers (2026.12,
// 2026-12) followed by rest name a month: at the end, before a space, a
// stop or a bracket, or glued to a date word (2026/12분, 2026.12기준); not
// glued to other words (2026-1호), nor a unit after it (2026.5 배).
func numericYearMonthIs(rest string) bool {
	switch {
	case rest == "":
		return true
	case strings.ContainsAny(rest[:1], "0123456789"):
		return false
	case strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\t"):
		next := strings.TrimLeft(rest, " \t")
		return !hasAnyPrefix(next, noteUnits) && !hasAnyPrefix(next, noteFractionWords)
	case strings.ContainsAny(rest[:1], ",;)~"):
		return true
	}
	return hasAnyPrefix(rest, noteDateWords)
}

// NoteNamesAnotherMonth is noteMonth for the importer (review r15 F17: a
// department's row dated 2026-12-01 with 메모 `11월분` was filed in
// December): the word and the last day of the months it names, when they
// do not hold asOf's month.
func NoteNamesAnotherMonth(note string, asOf, today time.Time) (word string, last time.Time, ok bool) {
	r, ok := noteMonth(note, asOf, today)
	return r.word, r.last, ok
}

// NoteNamesAnotherPeriod is NoteNamesAnotherMonth with the first day of
// the months the word names: a quarter, a half or a year (2026년도 실적)
// spans several, and the importer's refusal names them all.
func NoteNamesAnotherPeriod(note string, asOf, today time.Time) (word string, first, last time.Time, ok bool) {
	r, ok := noteMonth(note, asOf, today)
	return r.word, r.first, r.last, ok
}

// NoteMonths is noteMonths for the importer's department template, whose
// 비고 is one note over a row of month columns: the words of the note that
// name months, and the first and last day of each (a quarter or a year
// spans several; 1분기 유치 기업 over January and February reads). A year
// before asOf's alone (2025년도 실적) names its December; one of asOf's
// year or later (2026년 말까지) is a target, not read.
func NoteMonths(note string, asOf, today time.Time) (words []string, firsts, lasts []time.Time) {
	for _, r := range noteMonths(note, asOf, today) {
		if r.pastOnly && r.last.Year() >= asOf.Year() || r.inMonth {
			continue
		}
		words, firsts, lasts = append(words, r.word), append(firsts, r.first), append(lasts, r.last)
	}
	return words, firsts, lasts
}

// NoteNamesRelativeMonth is the first word of a note naming a month
// counted from the day the note was written (지난달, 지지난달, 전월, 작년
// 12월분, 작년말, 작년분, 작년 4분기, last month), for the importer: a file
// does not say when its notes were written, so the month such a word
// names cannot be told (review r19b-M3: a December file's `지난달 누락분`
// on a November row, imported in January, read 지난달 as December).
func NoteNamesRelativeMonth(note string) (word string, ok bool) {
	for _, r := range noteMonths(note, time.Time{}, time.Time{}) { // which word, not which month
		if r.relative {
			return r.word, true
		}
	}
	return "", false
}

// NoteNamesRelativeDay is the first word of a note naming a day or week
// counted back (어제, 그제, 지난 금요일, 지난주), for the importer: the
// file does not say when the note was written, nor which day it counts
// from (review r24 F17).
func NoteNamesRelativeDay(note string) (word string, ok bool) {
	for _, r := range noteMonths(note, time.Time{}, time.Time{}) {
		if r.dayWord {
			return r.word, true
		}
	}
	return "", false
}

// plannedAfter says the words after a month, up to the clause's end, make
// it a plan (`12월 채용예정 5명은 제외`, `5월 입사 예정자 포함`, an
// agreement's `11월 채용 예정`): the month of hires to come, which is no
// claim about the month the figure belongs to.
func plannedAfter(rest string) bool {
	if i := strings.IndexAny(rest, ",;·)"); i >= 0 {
		rest = rest[:i]
	}
	lower := strings.ToLower(rest) // November hires planned, expected in Jan
	return strings.Contains(rest, "예정") || strings.Contains(rest, "예상") || strings.Contains(rest, "계획") ||
		strings.Contains(lower, "planned") || strings.Contains(lower, "expected") || strings.Contains(lower, "forecast")
}

// noteMonth is the first reading of a note whose months do not hold
// asOf's month, or ok=false. A year alone (2026년도 실적, 작년분, 2026년
// 말) counts only when it is before asOf's year; a quarter (4분기) counts
// when asOf is outside it.
func noteMonth(note string, asOf, today time.Time) (r noteRead, ok bool) {
	for _, r := range noteMonths(note, asOf, today) {
		if r.pastOnly && r.last.Year() >= asOf.Year() {
			continue
		}
		if !r.covers(asOf) {
			return r, true
		}
	}
	return noteRead{}, false
}

// noteDay is the first reading of a note naming a day of asOf's month
// other than asOf (`12. 17. 기준`, `12/17 현재`, `17일자`, `12월 17일`,
// `어제 입사`, `이틀 전`, `as of 12/17` on the 18th), or ok=false: a 누계
// as of the 17th filed on the 18th takes in the 18th's entries, so the
// day is asked (review r25 F1, r26 M2). Run after noteMonth.
func noteDay(note string, asOf, today time.Time) (r noteRead, ok bool) {
	for _, r := range noteMonths(note, asOf, today) {
		if !r.weekFrom.IsZero() && !r.pastOnly && r.months() == 1 && r.covers(asOf) && r.named.IsZero() &&
			(asOf.Before(r.weekFrom) || asOf.After(r.weekTo)) && !r.weekFrom.After(written(asOf, today)) {
			// 날짜:11/27 메모:11월 셋째 주 입사: another week of the entry's
			// month, asked as 47주차 is (review r41 F4)
			return r, true
		}
		if !r.from.IsZero() && r.covers(asOf) && (asOf.Before(r.from) || asOf.After(r.to)) {
			// 49주차 채용 on 11/20: a week over two months that does not
			// hold the entry's date, asked (review r41 F6)
			return r, true
		}
		if r.named.IsZero() || r.pastOnly || r.months() > 1 {
			continue
		}
		if r.named.Year() == asOf.Year() && r.named.Month() == asOf.Month() && r.named.Day() != asOf.Day() {
			return r, true
		}
	}
	return noteRead{}, false
}

// noteNamesAnotherMonth is the refusal of an entry whose note names
// another month than its date (noteMonth), or "": the figure would be
// filed in one month while its note says another, so nothing is guessed.
// The reply gives the line dated that month's last day and the line
// keeping the entry's date without the word.
// reFutureStart is a month (and day) followed by a start-of-work word in a
// note: 2월 입사, 2월 1일 입사, 3/2 출근, 2월부터 근무.
var reFutureStart = regexp.MustCompile(`(?:(?P<m>[0-9]{1,2}) ?월(?: ?(?P<d>[0-9]{1,2}) ?일)?|(?P<sm>[0-9]{1,2})[/.](?P<sd>[0-9]{1,2})\.?) ?(?:부터 ?|에 ?|자 ?|자로 ?)?(?:입사|출근|근무 ?시작|근무|입소|발령|임용)`)

// reFutureDay is a start counted forward from the day typed: 내일 입사,
// 모레 출근, 다음주 입사, 다음 주 월요일 입사 (review r30 B6: they were
// recorded as today's realised jobs while 1/5 입사 was refused).
var reFutureDay = regexp.MustCompile(`["“‘']?(?:내일 ?모레|내일|모레|(?:다음 ?주|내주|차주)(?: ?[월화수목금토일]요일)?|다음 ?달|내달|익월)["”’']?(?: ?(?:부터|에|자로|자|중))? ?(?:입사|출근|근무 ?시작|입소|발령|임용)`)

// reFutureDayEn is an English start counted forward from the day typed:
// starting tomorrow, start next Monday, joins next week, hired tomorrow
// (review r30a: recorded as today's realised jobs while 내일 입사 is
// refused). A start word before or after the day is needed: "tomorrow's
// briefing" is no start.
var reFutureDayEn = regexp.MustCompile(`(?i)\b(?:(?:start(?:s|ing)?|begin(?:s|ning)?|join(?:s|ing)?|hired|onboard(?:ing)?|report(?:s|ing)? for work)(?: work)?(?: on| from)? (?:tomorrow|the day after tomorrow|next (?:week|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day))|(?:tomorrow|next (?:week|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day)),? (?:start(?:s|ing)?|begin(?:s|ning)?|join(?:s|ing)?|hires?|onboarding))\b`)

// reYearBefore is a year just before a month: 2026년 1월, '27년 1월.
var reYearBefore = regexp.MustCompile(`(?:20[0-9]{2}|['’]?[0-9]{2}) ?년 ?$`)

// noteStartsLater finds a note saying the people start work after asOf
// (`합격자(2월 입사)` on 5 January, `3/2 출근` on 20 February): a month
// one to three months after asOf's, or a day later in asOf's month. They
// are not hired yet, so the figure is no 실적 of asOf's month nor of the
// month named (review r22 F24: 2월 was read as last year's February and
// the offered line filed future hires there).
func noteStartsLater(note string, asOf time.Time) (string, bool) {
	folded, offs := noteFold(note)
	for _, loc := range reFutureDay.FindAllStringIndex(folded, -1) {
		if hangulBefore(folded[:loc[0]]) || strings.Contains(folded[loc[1]:], "제외") || strings.Contains(folded[loc[1]:], "빼고") {
			continue
		}
		return note[offs[loc[0]]:offs[loc[1]]], true
	}
	if loc := reFutureDayEn.FindStringIndex(folded); loc != nil && !strings.Contains(strings.ToLower(folded[loc[1]:]), "except") {
		return note[offs[loc[0]]:offs[loc[1]]], true
	}
	for _, loc := range reFutureStart.FindAllStringSubmatchIndex(folded, -1) {
		group := func(name string) int {
			i := reFutureStart.SubexpIndex(name)
			if loc[2*i] < 0 {
				return 0
			}
			n, _ := strconv.Atoi(folded[loc[2*i]:loc[2*i+1]])
			return n
		}
		m, d := group("m"), group("d")
		if m == 0 {
			m, d = group("sm"), group("sd")
		}
		if m < 1 || m > 12 || reYearBefore.MatchString(folded[:loc[0]]) {
			continue // 2026년 1월 입사, 27년 1월 입사: read with the year (NoteStartsLater, review r38 B1)
		}
		if rest := folded[loc[1]:]; strings.Contains(rest, "제외") || strings.Contains(rest, "빼고") || strings.Contains(rest, "미포함") {
			continue // 2월 입사 3명 제외: those are left out of the figure
		}
		ahead := (m - int(asOf.Month()) + 12) % 12
		if (ahead >= 1 && ahead <= 3) || (ahead == 0 && d > asOf.Day()) {
			return note[offs[loc[0]]:offs[loc[1]]], true
		}
	}
	return "", false
}

// noteNamesAnotherMonth refuses a draft dated asOf whose note names
// another day or month, offering the line dated day and the line keeping
// asOf without the word; day is zero when no dated line is offered.
func (s *Service) noteNamesAnotherMonth(p Program, d entryDraft, asOf, today time.Time) (why string, day time.Time) {
	// A deadline (`6월말까지 채용`, `hiring by June`) names no month of the
	// figure: on an agreement it is its plan, kept whole in the note; on
	// realised jobs one to come is a start to come (review r43 F2). The
	// readers below read the note without it; the lines offered keep it.
	_, deadlines := noteDeadlines(d.note, asOf)
	if w := deadlineToCome(deadlines, asOf); w != "" && d.status != StatusAgreed {
		return s.msg("lead.note_starts_later", "Words", w, "AsOf", s.date(asOf)), time.Time{}
	}
	if why := s.ambiguousNoteDate(p, d); why != "" {
		return why, time.Time{} // 12.1.2026: 1 December or 12 January (review r35 M7)
	}
	typed := d // the lines offered: the note as typed
	if d.status == StatusAgreed {
		// Only an agreement's deadline is read past: on realised jobs one
		// passed (`11/30까지` on 12/3) is still asked as the month named.
		d.note = deadlinesToComeMasked(d.note, deadlines, asOf)
	}
	if w, later := NoteStartsLater(d.note, asOf, today); later {
		if d.status == StatusAgreed {
			return "", time.Time{} // an agreement's start to come: its plan, no month of a figure
		}
		return s.msg("lead.note_starts_later", "Words", w, "AsOf", s.date(asOf)), time.Time{}
	}
	if w := noteLunarHoliday(d.note); w != "" && d.date == nil {
		// 메모:추석 연휴 입사 on an entry dated today: refused as the
		// holiday outside the note is (review r42 B8)
		return s.msg("notes8.note_lunar_holiday", "Word", w, "Date", s.date(asOf), "Kept", s.keptLine(p, typed, asOf, w)), time.Time{}
	}
	// 확인:예 does not pass a note naming another day or month: typed out
	// of habit (it answers other holds), it filed 11월분 in December and
	// 2025년 12월분 in 2026 (review r29 B2).
	r, ok := noteMonth(d.note, asOf, today)
	if ok && d.status == StatusAgreed && r.first.After(today) {
		return "", time.Time{} // an agreement's month to come: its plan, no month of a figure
	}
	if why := s.noteMonthToCome(r, ok, today); why != "" {
		return why, time.Time{}
	}
	day = r.dated()
	if !ok {
		if r, ok = noteDay(d.note, asOf, today); !ok {
			return "", time.Time{}
		}
		day = r.named
		if day.IsZero() {
			day = r.dated() // 11월 셋째 주 on 11/27: the week's last weekday (review r41 F4)
		}
	}
	if r.namesLaterDay(asOf) {
		day = r.named // 2/1 현재 on a 1월말 누계: that day, not its month's end (review r28 F10)
	}
	kept := s.keptLine(p, typed, asOf, r.word)
	if first, second, ok := r.straddleDays(asOf, today); ok {
		// 49주차 채용 typed on 12/7: each month's line dated inside the
		// week, never on 12/7 (review r41 F6)
		day, kept = first, s.draftLine(p, typed, second, typed.note)
	}
	reply := s.anotherMonthReply(r, asOf, typed.note, s.draftLine(p, typed, day, typed.note), kept)
	if _, _, weekends := entryWeekend(r, asOf); d.date != nil && day.Equal(r.named) && !weekends {
		// 날짜:11/28 메모:11월 26일 입사: the kept line leaves the start day
		// out, and says why (review r31 F3/F15)
		reply += " " + s.msg("kept.kept_line_drops_day", "Word", r.word, "Named", s.date(r.named))
	}
	return reply, day
}

// keptLine is the line keeping asOf for a draft whose note names another
// day or month: the note without that word (a word 확인:예 does not pass:
// review r29 B2), or no note when the note is only that word.
func (s *Service) keptLine(p Program, d entryDraft, asOf time.Time, word string) string {
	// 목요일에 입사 kept as 입사, not `에 입사` (review r30 B2); 12. 3.자
	// 채용 as 채용, not `자 채용` (review r31 F9)
	return s.draftLine(p, d, asOf, withoutNoteWords(d.note, datePhrase(d.note, word)))
}

// noteMonthClosed is the refusal of noteNamesAnotherMonth for staff when
// the month the note names is closed (review r22 F8, r24 F19: they were
// offered the line dated that month, which they cannot record): it names
// the closed month and whom to ask, and keeps the line without the word.
// "" when the note names no single other month, or it is open.
func (s *Service) noteMonthClosed(ctx context.Context, p Program, d entryDraft) (string, error) {
	today := s.today()
	asOf := today
	if d.date != nil {
		asOf = *d.date
	}
	if _, later := NoteStartsLater(d.note, asOf, today); later {
		return "", nil
	}
	masked := d.note
	if d.status == StatusAgreed {
		// an agreement's 6월말까지 to come names no month of the figure
		// (review r43 F2); one past does (review r46 M4)
		_, deadlines := noteDeadlines(d.note, asOf)
		masked = deadlinesToComeMasked(d.note, deadlines, asOf)
	}
	r, ok := noteMonth(masked, asOf, today)
	if !ok || !r.from.IsZero() || r.last.IsZero() {
		return "", nil
	}
	closes, err := s.store.MonthClosesBetween(ctx, r.last, r.last)
	if err != nil || len(closes) == 0 {
		return "", err
	}
	return s.msg("holds.note_month_closed", "Word", r.word, "Date", s.date(asOf),
		"Month", s.period(monthPeriod(closes[0].Month)), "Managers", s.managerNames(ctx),
		"Kept", s.keptLine(p, d, asOf, r.word)), nil
}

// noteMonthToCome is the refusal of a note naming a month that has not
// begun (`내년 1월분` typed on 12/30, `2027년 1월분`), or "": no 실적 of it
// exists yet, and no line is offered, since any date offered would file
// it in a month it is not (review r32 F9: 내년 was not read and the line
// offered filed it in January of this year).
func (s *Service) noteMonthToCome(r noteRead, ok bool, today time.Time) string {
	if !ok || today.IsZero() || !r.first.After(today) || !r.day.IsZero() {
		return ""
	}
	named := s.period(monthPeriod(dates.On(r.last.Year(), r.last.Month(), 1)))
	if n := r.months(); n == 12 {
		named = s.msg("k56.period_year", "Year", r.last.Year())
	} else if n == 6 && r.last.Month() == time.June {
		named = s.msg("k56.period_first_half", "Year", r.last.Year())
	} else if n == 6 {
		named = s.msg("k56.period_second_half", "Year", r.last.Year())
	} else if n > 1 {
		named = s.msg("k56.period_quarter", "Year", r.last.Year(), "Quarter", int(r.last.Month())/3)
	}
	return s.msg("r32notes.note_month_to_come", "Word", r.word, "Named", named, "First", s.date(r.first))
}

// anotherMonthReply is the refusal of a figure dated asOf whose note's
// reading r names other months, with the line dated their last day and
// the line kept without the word. When the years differ both are named
// (review r15 F18/F19: 작년 12월분 on a December date is no match); a
// quarter, a half or a year is named as such (2026년 4분기, 2026년).
func (s *Service) anotherMonthReply(r noteRead, asOf time.Time, note, dated, kept string) string {
	if !r.aheadFrom.IsZero() {
		return s.weekPastOrAheadReply(r, asOf, dated, kept) // 1주차 on 12. 31. (minor43)
	}
	if reply := s.dayAheadReply(r, asOf, dated, kept); reply != "" {
		return reply // 7일 입사 on 12. 4.: 11. 7. or 12. 7. (review r33 M2)
	}
	if reply := s.yearEndNoteReply(r, asOf, dated, kept); reply != "" {
		return reply // 메모:1/2 기준 on 31 December: 2026. 1. 2. or 2027. 1. 2. (review r39 F16)
	}
	if reply := s.weekdayFromReply(r, note, dated); reply != "" {
		return reply // 월요일부터 출근 typed on Friday: last or next Monday (review r35 B3)
	}
	if reply := s.weekendOfEntryReply(r, asOf, dated, kept); reply != "" {
		return reply // 주말 on a back-dated entry: both weekends (review r33 M10)
	}
	if !r.weekend.IsZero() {
		// 주말에 입사: the weekend's days named, dated the day they started (review r30 B2)
		return s.msg("r30a.note_names_weekend", "Word", r.word, "From", s.date(r.weekend), "To", s.date(r.weekend.AddDate(0, 0, 1)),
			"Date", s.date(asOf), "Dated", dated, "Kept", kept)
	}
	if !r.weekAgoFrom.IsZero() {
		// 지난주: its days named, dated its last weekday (review r28 F2)
		return s.msg("r28a.note_names_last_week", "Word", r.word, "From", s.date(r.weekAgoFrom), "To", s.date(r.weekAgoTo),
			"Date", s.date(asOf), "Last", s.date(r.day), "Dated", dated, "Kept", kept)
	}
	if !r.periodFrom.IsZero() {
		// 12.28.~12.31. on another day: the line dated its last (review r37 F3)
		return s.msg("offered19.note_names_period", "Word", r.word, "From", s.date(r.periodFrom), "Named", s.date(r.named),
			"Date", s.date(asOf), "Dated", dated, "Kept", kept)
	}
	if !r.weekFrom.IsZero() && r.named.IsZero() && r.covers(asOf) {
		// 11월 셋째 주 on 11/27: another week of the entry's month (review r41 F4)
		return s.msg("r28a.note_names_last_week", "Word", r.word, "From", s.date(r.weekFrom), "To", s.date(r.weekTo),
			"Date", s.date(asOf), "Last", s.date(r.dated()), "Dated", dated, "Kept", kept)
	}
	if r.covers(asOf) && r.named.Year() == asOf.Year() || r.namesLaterDay(asOf) {
		// a day of the entry's own month (review r25 F1)
		return s.msg("notes.note_names_another_day", "Word", r.word, "Named", s.date(r.named), "Date", s.date(asOf),
			"Dated", dated, "Kept", kept)
	}
	if !r.weekFrom.IsZero() {
		// 11월 넷째주: the week's days, dated its last weekday (review r22 F3)
		return s.msg("notes.note_names_another_week", "Word", r.word, "From", s.date(r.weekFrom), "To", s.date(r.weekTo),
			"Date", s.date(asOf), "Month", int(asOf.Month()), "Named", int(r.last.Month()), "Last", s.date(r.dated()),
			"Dated", dated, "Kept", kept)
	}
	if !r.from.IsZero() {
		// 지난주 over two months: which month's figure it is, asked (r24
		// F2), each month's line dated inside the week (r41 F6)
		month := asOf.Month()
		if asOf.Before(r.from) || asOf.After(r.to) {
			month = r.to.Month()
		}
		monthYear := asOf.Year()
		if asOf.Before(r.from) || asOf.After(r.to) {
			monthYear = r.to.Year()
		}
		named, other := s.straddleMonthNames(r.last, dates.On(monthYear, month, 1), asOf)
		return s.msg("k60.note_week_straddles", "Word", r.word, "From", s.date(r.from), "To", s.date(r.to), "Date", s.date(asOf),
			"Named", named, "Month", other, "Last", s.date(r.last), "Dated", dated, "Kept", kept)
	}
	if n := r.months(); n > 1 {
		var period string
		switch n {
		case 12:
			period = s.msg("k56.period_year", "Year", r.last.Year())
		case 6:
			period = s.msg("k56.period_first_half", "Year", r.last.Year())
			if r.last.Month() == time.December {
				period = s.msg("k56.period_second_half", "Year", r.last.Year())
			}
		default:
			period = s.msg("k56.period_quarter", "Year", r.last.Year(), "Quarter", int(r.last.Month())/3)
		}
		return s.msg("k56.note_names_another_period", "Word", r.word, "Date", s.date(asOf), "Month", int(asOf.Month()), "Year", asOf.Year(),
			"Period", period, "Last", s.date(r.last), "Dated", dated, "Kept", kept)
	}
	id := "k42.note_names_another_month"
	if r.last.Year() != asOf.Year() {
		id = "k49.note_names_another_year"
	}
	return s.msg(id, "Word", r.word, "Date", s.date(asOf), "Month", int(asOf.Month()), "Year", asOf.Year(),
		"Named", int(r.last.Month()), "NamedYear", r.last.Year(), "Dated", dated, "Kept", kept)
}

// straddleMonthNames names the two months a week over two months lies in,
// each with its year when either is not the entry's (minor43: `1주차` on
// 2026. 12. 31. asked "12월 실적인지 1월 실적인지" of 2025's December,
// which read as the entry's own December).
func (s *Service) straddleMonthNames(a, b, asOf time.Time) (string, string) {
	if a.Year() == asOf.Year() && b.Year() == asOf.Year() {
		return s.msg("minor43.month_alone", "Month", int(a.Month())), s.msg("minor43.month_alone", "Month", int(b.Month()))
	}
	return s.msg("format.period.month", "Year", a.Year(), "Month", int(a.Month())),
		s.msg("format.period.month", "Year", b.Year(), "Month", int(b.Month()))
}

// weekPastOrAheadReply asks a yearless week number that may be the year's
// week, long past, or next year's, about to begin (1주차 typed on 12. 31.:
// 2025. 12. 29. ~ 2026. 1. 4., or 2027. 1. 4. ~ 1. 10.): the past week's
// line (one for each month when it lies in two), and the week to come
// said to be no jobs yet (minor43).
func (s *Service) weekPastOrAheadReply(r noteRead, asOf time.Time, dated, kept string) string {
	pastFrom, pastTo := r.from, r.to
	if pastFrom.IsZero() {
		pastFrom, pastTo = r.weekAgoFrom, r.weekAgoTo
	}
	pastYear, week := pastFrom.ISOWeek()
	aheadYear, _ := r.aheadFrom.ISOWeek()
	args := []any{"Word", r.word, "Week", week, "PastYear", pastYear, "PastFrom", s.date(pastFrom), "PastTo", s.date(pastTo),
		"AheadYear", aheadYear, "AheadFrom", s.date(r.aheadFrom), "AheadTo", s.date(r.aheadTo), "Date", s.date(asOf),
		"Dated", dated, "Kept", kept}
	if !r.from.IsZero() {
		first, second := s.straddleMonthNames(r.from, r.to, asOf)
		return s.msg("minor43.note_week_past_or_ahead_months", append(args, "First", first, "Second", second)...)
	}
	return s.msg("minor43.note_week_past_or_ahead", args...)
}

// hireNamesAnotherMonth is noteNamesAnotherMonth for `채용 <약정> <수>`
// (review r15 F9: `채용 4 50 12.1 메모:11월분 2차 채용` was filed in
// December), or "".
// day is the dated line's day, zero when no dated line is offered.
// closed, when not nil, says which lines keep the reason: those dated in
// a closed month (review r35 M14).
func (s *Service) hireNamesAnotherMonth(agreement, count int64, note, reason string, closed func(time.Time) bool, asOf, today time.Time) (why string, day time.Time) {
	reasonOn := func(day time.Time) string {
		if closed == nil || closed(day) {
			return reason
		}
		return ""
	}
	if word, first, second, ok := ambiguousNoteDays(note); ok {
		// 12.1.2026, 3/12/2026: 1 December or 12 January, asked as an
		// add's note is (review r35q4); both lines dated, the note's date
		// written year first
		line := func(day time.Time) string {
			date := s.date(day)
			if s.lang != Korean {
				date = day.Format(time.DateOnly)
			}
			return s.hireLine(agreement, count, day, strings.Replace(note, word, date, 1), reasonOn(day))
		}
		return s.msg("r35q4.note_date_ambiguous", "Word", word, "First", s.date(first), "Second", s.date(second),
			"FirstLine", line(first), "SecondLine", line(second)), first
	}
	if w, later := NoteStartsLater(note, asOf, today); later {
		return s.msg("lead.hire_note_starts_later", "Words", w, "AsOf", s.date(asOf), "ID", agreement), time.Time{}
	}
	r, ok := noteMonth(note, asOf, today) // 확인:예 passes no such note (review r29 B2)
	if why := s.noteMonthToCome(r, ok, today); why != "" {
		return why, time.Time{}
	}
	day = r.dated()
	if !ok {
		if r, ok = noteDay(note, asOf, today); !ok {
			return "", time.Time{}
		}
		day = r.named
		if day.IsZero() {
			day = r.dated() // a week of the entry's month (review r41 F4)
		}
	}
	if r.namesLaterDay(asOf) {
		day = r.named
	}
	line := func(day time.Time, note string) string {
		return s.hireLine(agreement, count, day, note, reasonOn(day))
	}
	kept := line(asOf, withoutNoteWords(note, datePhrase(note, r.word)))
	if first, second, ok := r.straddleDays(asOf, today); ok {
		day, kept = first, line(second, note) // each month's line inside the week (review r41 F6)
	}
	return s.anotherMonthReply(r, asOf, note, line(day, note), kept), day
}

// hireLine is the 채용 of agreement a person would type for count dated
// day with note and reason.
func (s *Service) hireLine(agreement, count int64, day time.Time, note, reason string) string {
	date := s.date(day)
	if s.lang != Korean {
		date = day.Format(time.DateOnly)
	}
	parts := []string{s.msg("k49.line_hire"), strconv.FormatInt(agreement, 10), numbers.Format(count), s.msg("k42.line_date", "Date", date)}
	if note = s.lineNote(note, day); note != "" { // 어제 입사 as that day (review r39 F9, r44 M3)
		parts = append(parts, s.msg("k42.line_note", "Note", note))
	}
	if reason != "" {
		parts = append(parts, s.msg("k56.line_reason", "Reason", reason))
	}
	return strings.Join(parts, " ")
}

// draftLine is the add a person would type for d dated day with note:
// the program as typed (a Korean alias in Korean), the count, and every
// field the draft was given, each with its label (상태:채용, 확인:예,
// 누계포함:, 사유: too: r20 found 상태:채용 dropped).
func (s *Service) draftLine(p Program, d entryDraft, day time.Time, note string) string {
	word := s.programWord(p)
	count := numbers.Format(d.count.Value)
	if d.count.Approximate {
		count += "여"
	}
	date := s.date(day)
	if s.lang != Korean {
		date = day.Format(time.DateOnly)
	}
	parts := []string{s.msg("k42.line_add"), word}
	if d.cumulative {
		parts = append(parts, s.msg("k42.line_cumulative"))
	}
	parts = append(parts, count, s.msg("k42.line_date", "Date", date))
	switch d.status {
	case StatusAgreed:
		parts = append(parts, s.msg("k42.line_agreed"))
	case StatusRealised:
		// 상태:채용 as typed stays in the line offered (r20: it was dropped)
		parts = append(parts, s.msg("k56.line_realised"))
	}
	if d.employment != "" {
		parts = append(parts, s.msg("k42.line_type", "Type", EmploymentLabel(d.employment, s.lang)))
	}
	if d.department != "" {
		parts = append(parts, s.msg("k42.line_dept", "Department", d.department))
	}
	if d.confirmed {
		parts = append(parts, s.msg("k56.line_confirm"))
	}
	if d.within != nil {
		id := "k56.line_within_no"
		if *d.within {
			id = "k56.line_within_yes"
		}
		parts = append(parts, s.msg(id))
	}
	if note = s.lineNote(note, day); note != "" { // 어제 입사 as that day (review r39 F9, r44 M3)
		parts = append(parts, s.msg("k42.line_note", "Note", note))
	}
	if d.reason != "" && (d.reasonMonth == nil || d.reasonMonth(day)) { // 사유: takes the rest of the line, so it comes last
		parts = append(parts, s.msg("k56.line_reason", "Reason", d.reason))
	}
	return strings.Join(parts, " ")
}

// noteParticles are what may stand between a day word and 입사 (목요일에
// 입사, 31일에 입사, 목요일날 입사, 금요일자 입사): read as the bare form is
// (review r30 B2).
var noteParticles = []string{"에는", "에", "날에", "날", "자로", "자"}

// dayWordAfter tells whether rest, after a day word, says that day is the
// figure's (입사, 채용, 기준), a particle allowed between.
func dayWordAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	if hasAnyPrefix(rest, noteDayWords) {
		return true
	}
	for _, p := range noteParticles {
		if strings.HasPrefix(rest, p) {
			return hasAnyPrefix(strings.TrimLeft(rest[len(p):], " "), noteDayWords)
		}
	}
	return false
}

// englishDayWordAround says an English day phrase (last weekend) dates
// the note's people: a start named before it (hired last weekend, joined
// this past weekend), or nothing but a start after it (last weekend's
// hires, or the phrase alone), as dayWordAfter asks of 지난 주말.
func englishDayWordAround(before, rest string) bool {
	before, rest = strings.ToLower(before), strings.ToLower(strings.TrimLeft(rest, " '’s"))
	starts := []string{"hired", "hires", "hire", "started", "starts", "start", "joined", "joins", "join", "employed", "onboarded", "recruited"}
	return hasAnySuffix(before, starts) || rest == "" || hasAnyPrefix(rest, starts)
}

// englishWeekday tells a weekday's name or its short form (Fri, Thurs)
// from other words sharing its first letters (sunny, wedding).
func englishWeekday(w string) bool {
	for _, full := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if w == full || w == full[:3] || w == "tues" || w == "thur" || w == "thurs" {
			return true
		}
	}
	return false
}

// yearEndNoteReply is the refusal of a note's day without a year that the
// date field would ask about too (dates.AheadNextYear): `메모:1월 2일 기준`
// typed on 31 December names both 2026. 1. 2., long past, and 2027. 1. 2.,
// still to come, as `1월 2일` after the count does, never the past day
// alone (review r39 F16). "" when r is no such day.
func (s *Service) yearEndNoteReply(r noteRead, asOf time.Time, dated, kept string) string {
	if r.relative || r.dayWord {
		return ""
	}
	past, ahead, ok := dates.AheadNextYear(r.word, s.today())
	if !ok || !past.Equal(r.day) && !past.Equal(r.named) {
		return ""
	}
	return s.msg("yearend19.note_day_past_or_ahead", "Word", r.word, "Past", s.date(past), "Ahead", s.date(ahead),
		"Date", s.date(asOf), "Dated", dated, "Kept", kept)
}

// reNoteLunarHoliday is a lunar holiday in a note, with the words for a
// part of it: 추석 연휴, 추석 직후, 설 전, 설날 당일.
var reNoteLunarHoliday = regexp.MustCompile(`(?:설날|설|구정|추석|한가위)(?: ?(?:연휴|명절|기간|당일|전날|직전|직후|이전|이후|전|후|무렵|즈음|쯤|경|께|맞이))*`)

// noteLunarHoliday is a lunar holiday a note gives as the day the people
// started (추석 연휴 입사, 추석 직후 채용, 설 전 채용), as the note has
// it, or "". Its date moves every year, so the day is not read: the add
// names no date, the note says a day of another month, and the entry
// would be filed on the day typed (review r42 B8); a line with its date
// keeps it as a note word, as the holiday outside the note is kept.
func noteLunarHoliday(note string) string {
	folded, offs := noteFold(note)
	for _, loc := range reNoteLunarHoliday.FindAllStringIndex(folded, -1) {
		if hangulBefore(folded[:loc[0]]) {
			continue // 연설, 개설
		}
		rest := folded[loc[1]:]
		if r, _ := utf8.DecodeRuneInString(rest); unicode.Is(unicode.Hangul, r) && !hasAnyPrefix(rest, append([]string{"중", "부터"}, noteParticles...)) {
			continue // 설명, 설치, 추석맞이행사
		}
		rest = strings.TrimLeft(rest, " ")
		for _, p := range []string{"중에", "중", "부터"} {
			if cut, ok := strings.CutPrefix(rest, p); ok {
				rest = cut
				break
			}
		}
		if dayWordAfter(rest) {
			return note[offs[loc[0]]:offs[loc[1]]]
		}
	}
	return ""
}
