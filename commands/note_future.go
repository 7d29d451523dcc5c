package commands

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"jobsbot/commands/dates"
)

// NoteStartsLater finds a note of a realised entry dated asOf saying the
// people start work later: 내일, 모레, 글피, 다음 주, 다다음주, 다음 달,
// 내년, 오는 월요일, 이번 주 금요일, 이번 금요일, 이번 주말 (after asOf), 이달 4일,
// 4일 금요일 (review r40 B7/B8), a date after the day written
// (`12/10 입사` on 4 December), tomorrow, next week, next Monday,
// upcoming, will start. Words counted from a day (내일, 이번 주) count
// from written, the day the note was written (the day typed; an import
// row's 기록 일시, or the import day when the row has none). The word may
// carry a particle (부터, 에, 중, 경, 쯤, 초) and other words may stand
// between it and the start word (`내일 오전 입사`, `내일 첫 출근`); a
// clause holding only the word counts too (`다음달`, `12/10`). They are
// not hired yet: no 실적 of asOf's month nor of any other (issues 19/20,
// review r33 B1, B2, B10, B11). It returns the word as the note has it.
func NoteStartsLater(note string, asOf, written time.Time) (word string, ok bool) {
	// The first reader's start in a month that has come by the day
	// written is no start to come (startsLater, review r33 M9).
	if w, later := startsLater(note, asOf, written); later && !bareWorkWord(note, w) {
		return w, true
	}
	asOf = time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	if written.IsZero() || written.Before(asOf) {
		written = asOf
	}
	written = time.Date(written.Year(), written.Month(), written.Day(), 0, 0, 0, 0, time.UTC)
	folded, offs := noteFold(note)
	// 15.12 입사, starts 15/12, starting Dec15: read month first, as the
	// note-day readers read them (dayFirstSpellings, issue 19)
	folded, offs = applyDayTokenEdits(folded, offs, dayFirstSpellings(folded))
	folded = asciiLower(folded)
	end := func(i int) int {
		if i >= len(offs) {
			return len(note)
		}
		return offs[i]
	}
	if s, e, found := listStartsLater(folded, written); found {
		return strings.TrimSpace(note[end(s):end(e)]), true
	}
	start := 0
	for i := 0; i <= len(folded); {
		r, size := utf8.DecodeRuneInString(folded[i:])
		if i < len(folded) && !strings.ContainsRune(",;·\n", r) {
			i += size
			continue
		}
		if s, e, found := clauseStartsLater(folded[start:i], asOf, written); found {
			return strings.TrimSpace(note[end(start+s):end(start+e)]), true
		}
		if i == len(folded) {
			break
		}
		i += size
		start = i
	}
	return "", false
}

// reLaterWord is a word counting forward from the day written.
var reLaterWord = regexp.MustCompile(`내일 ?모레|내일|모레|글피|다다음 ?(?:주|달)|다음 ?(?:주|달|해)(?: ?[월화수목금토일]요일)?|담주|담달|내주|차주|내달|익월|익년|내년|명년|` +
	`(?:다음|돌아오는) ?[월화수목금토일](?:요일|욜)|` +
	`오는 ?(?:[월화수목금토일](?:요일|욜)|주|달|[0-9]{1,2} ?일)|(?:이번 ?주|금주|이번) ?(?P<kw>[월화수목금토일])(?:요일|욜)|` +
	// review r40 B7: 이번 주말, this weekend (its Sunday not yet come)
	`(?P<we>(?:이번 ?주|금주|이번) ?주말|\bthis weekend\b)|` +
	`\b(?:the )?day after tomorrow\b|\btomorrow\b|\btmrw\b|\bnext (?:week|month|year|(?P<ew>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*)\b|` +
	`\bupcoming\b|\b(?:the )?coming (?:week|month|year|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\bin (?:a|one|two|three|four|[0-9]+) (?:days?|weeks?|months?)\b|` +
	`\b(?:will|shall|going to|due to|set to|about to|scheduled to) (?:be )?(?:start|starting|join|joining|begin|beginning|commence|hired|onboarded)\b|` +
	`\bthis (?P<tw>mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|` +
	`[0-9]{1,3} ?(?:일|주|개월|달) ?(?:후|뒤)(?:에|부터)? ?(?:입사|출근|근무|합류)|` +
	// review r38 B1: 익일, 낼/다음 날 before the start word (입사 다음 날
	// 교육 is no start), 곧, 조만간, days and weeks in words (사흘 뒤, 한 주
	// 후), in a few days, the day after
	`익일|(?:낼|다음 ?날)(?:부터|에|자로|자)? ?(?:입사|출근|근무|입소|발령|임용|합류|투입|배치|채용)|곧|조만간|` +
	`(?:(?:한|두|세|네|몇) ?(?:주|달)|이틀|사흘|나흘|닷새|엿새|이레|열흘|보름|며칠) ?(?:후|뒤)|` +
	`\bin (?:a few|a couple of|a couple|several|few|some) (?:days?|weeks?|months?)\b|\bthe (?:next day|day after)\b`)

// reWeekendStart is a start word right after 이번 주말 (a particle between):
// 이번 주말 입사, 이번 주말부터 근무.
var reWeekendStart = regexp.MustCompile(`^(?:에는|에|부터는|부터|중에|중)? ?(?:첫 ?)?(?:입사|출근|근무 ?시작|입소|발령|임용|합류|투입|배치|채용)|^부터 ?근무`)

// reLaterDate is a date in a note: 20261210, 2026. 12. 10., 2026-12-10,
// 2027년 1월 5일, 27년 1월, 12월 10일, 12/10, 2027년, '27년, Dec 10, 10 Dec
// 2026 (the 8-digit and two-digit-year forms: review r38 B1; 27년 alone,
// without the mark, is as often 27 years of service). A day alone (10일)
// is left to the note-day readers, which read a day past in the month
// before (30일자 입사 on 12/1 is 11/30).
var reLaterDate = regexp.MustCompile(`(?P<y8>20[0-9]{2})(?P<m8>[01][0-9])(?P<d8>[0-3][0-9])|` +
	`(?P<y1>20[0-9]{2}) ?[./-] ?(?P<m1>[0-9]{1,2}) ?[./-] ?(?P<d1>[0-9]{1,2})\.?|` +
	`(?:(?P<y2>20[0-9]{2}|['’]?[0-9]{2}) ?년 ?)?(?P<m2>[0-9]{1,2}) ?월(?: ?(?P<d2>[0-9]{1,2}) ?일)?|` +
	`(?P<m3>[0-9]{1,2})[/.](?P<d3>[0-9]{1,2})|(?P<y5>20[0-9]{2}|['’][0-9]{2}) ?년|` +
	// review r39 F10, r40 B7: 12. 10. (spaced, closed by its stop); 이달
	// 4일, 금월 4일, this month's 4th, the 4th of this month: the month written
	`(?P<m4>[0-9]{1,2})\. (?P<d4>[0-9]{1,2})\.|(?:이번 ?달|이달|금월) ?(?P<td>[0-9]{1,2}) ?일|` +
	`\bthis month(?:['’]s)? (?:the )?(?P<etd>[0-9]{1,2})(?:st|nd|rd|th)\b|\bthe (?P<etd2>[0-9]{1,2})(?:st|nd|rd|th) (?:of )?this month\b|` +
	`\b(?P<em6>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.? (?P<d6>[0-9]{1,2})(?:st|nd|rd|th)?(?:,? (?P<y6>20[0-9]{2}))?\b|` +
	`\b(?P<d7>[0-9]{1,2})(?:st|nd|rd|th)? (?P<em7>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?(?: (?P<y7>20[0-9]{2}))?\b`)

// laterStartWords say when work starts, in Korean after the word (채용
// too: `다음달 채용`, `12월 채용` typed in November, review r37 F1/F2); the
// English ones may stand anywhere in the clause (hired tomorrow).
var laterStartWords = []string{"입사", "출근", "근무", "입소", "발령", "임용", "합류", "투입", "배치", "채용"}

var reEnglishStart = regexp.MustCompile(`\b(?:start|starts|starting|join|joins|joining|hire|hires|hired|hiring|begin|begins|beginning|onboard[a-z]*|employ[a-z]*|commenc[a-z]*)\b`)

// reStartBefore is a start word before the word: 입사일: 내일, 입사 예정일 12/10.
// 발령, 임용, 입소, 합류 and the English first day, start date name the start
// as 출근 does (review r39 F10: `발령 12/10`, `first day 12/10`).
var reStartBefore = regexp.MustCompile(`(?:(?:입사|출근|근무 ?시작|첫 ?출근|발령|임용|입소|합류)(?: ?예정)? ?(?:일|일자|날)?|` +
	`\b(?:first (?:working )?day|start(?:ing)? (?:date|day)|joining date|date of joining)(?: is| on| will be)?) ?[:：]? ?["“‘']?$`)

// reFigureAfter is a unit or an amount after 3.5 or 1/2: a figure, no day.
var reFigureAfter = regexp.MustCompile(`^ ?(?:배|%|퍼센트|정도|가량|명|개|건|원|천|만|억|x\b|times\b|of\b)`)

// laterParticles may follow a Korean word (내일부터, 다음달 초, 내년도).
var laterParticles = []string{"부터는", "부터", "에는", "에", "자로", "자", "중으로", "중에", "중", "경에", "경", "쯤에", "쯤", "께", "초에", "초", "말에", "말", "중순", "초순", "하순", "은", "는", "이", "도", "날", "의", "로", "으로"}

// reLeftOut are words saying those people are left out of the figure.
var reLeftOut = regexp.MustCompile(`제외|빼고|미포함|불포함|\bexcluding\b|\bexcept\b|\bnot (?:included|counted)\b`)

// clauseStartsLater is the span of the first word of clause saying its
// people start after asOf, or found=false.
func clauseStartsLater(clause string, asOf, written time.Time) (s, e int, found bool) {
	if strings.TrimSpace(clause) == "" {
		return 0, 0, false
	}
	for _, loc := range reLaterWord.FindAllStringSubmatchIndex(clause, -1) {
		s, e := loc[0], loc[1]
		if !laterWordStands(clause, s, e) || !dayAfterStands(clause, s, e) {
			continue
		}
		weekday := ""
		for _, name := range []string{"kw", "ew", "tw"} {
			if i := reLaterWord.SubexpIndex(name); loc[2*i] >= 0 {
				weekday = clause[loc[2*i]:loc[2*i+1]]
			}
		}
		if i := reLaterWord.SubexpIndex("we"); loc[2*i] >= 0 {
			weekday = "일" // a weekend whose Sunday is to come is no proof anyone started
			// but only as when they start: 이번 주말 근무 가능자 채용 hires
			// people who can work this weekend (r30a)
			if !reWeekendStart.MatchString(clause[e:]) && !englishStarts(clause) && !reStartBefore.MatchString(strings.TrimRight(clause[:s], " ")) {
				continue
			}
		}
		if w := clause[s:e]; weekday != "" && !strings.HasPrefix(w, "next ") && !strings.Contains(w, "coming") {
			if day := thisWeekDay(weekday, written); !day.After(asOf) {
				continue // 이번 주 월요일 on Wednesday: a day past, read elsewhere
			}
		}
		if startsAround(clause, s, e, true) {
			return s, e, true
		}
	}
	for _, loc := range reLaterDate.FindAllStringSubmatchIndex(clause, -1) {
		s, e := loc[0], loc[1]
		if hangulBefore(clause[:s]) || s > 0 && strings.ContainsAny(clause[s-1:s], "0123456789/.-") {
			continue
		}
		if rest := clause[e:]; rest != "" && strings.ContainsAny(rest[:1], "0123456789/") {
			continue
		}
		get := func(name string) int {
			i := reLaterDate.SubexpIndex(name)
			if loc[2*i] < 0 {
				return 0
			}
			text := strings.TrimLeft(clause[loc[2*i]:loc[2*i+1]], "'’")
			n, err := strconv.Atoi(text)
			if err != nil {
				return 0
			}
			if strings.HasPrefix(name, "y") && len(text) == 2 {
				n += 2000 // '27년, 27년 1월
			}
			return n
		}
		word := func(name string) string {
			i := reLaterDate.SubexpIndex(name)
			if loc[2*i] < 0 {
				return ""
			}
			return clause[loc[2*i]:loc[2*i+1]]
		}
		var y, m, d int
		bare := true
		switch {
		case get("m8") > 0:
			y, m, d = get("y8"), get("m8"), get("d8")
			if m > 12 || d < 1 || dates.On(y, time.Month(m), d).Day() != d {
				continue // 20261301: no day
			}
		case get("m1") > 0:
			y, m, d = get("y1"), get("m1"), get("d1")
		case get("m2") > 0:
			y, m, d = get("y2"), get("m2"), get("d2")
			if d == 0 && monthWeekHolds(clause[e:], y, m, written) {
				continue // 12월 첫째 주 on 11/30: a week holding the day written (review r41 F10)
			}
			if monday, n, ok := monthWeekAhead(clause[e:], y, m, written); d == 0 && ok {
				// 12월 셋째 주 입사 on 12/2: a week begun after the day
				// written, whatever its month (dates7: a week of the month
				// typed in was filed unasked); one begun by then is left
				// to the month readers
				if !monday.After(written) {
					continue
				}
				if startsAround(clause, s, e+n, bare) {
					return s, e + n, true
				}
				continue
			}
		case get("m3") > 0:
			m, d = get("m3"), get("d3")
			bare = false // 3.14, 1/2 alone are figures as often as days
			if reFigureAfter.MatchString(clause[e:]) || strings.HasPrefix(clause[e:], "분기") {
				continue // 3.5배, 1/2 정도; 1/4분기 is a quarter (laterSpan)
			}
		case get("m4") > 0:
			m, d = get("m4"), get("d4")
		case get("td") > 0 || get("etd") > 0 || get("etd2") > 0:
			y, m, d = written.Year(), int(written.Month()), get("td")+get("etd")+get("etd2")
			if dates.On(y, time.Month(m), d).Day() != d {
				continue // 이달 31일 in November: no day
			}
		case get("y5") > 0:
			y = get("y5")
		case word("em6") != "":
			mm, ok := dates.EnglishMonth(word("em6"))
			if !ok {
				continue
			}
			y, m, d = get("y6"), mm, get("d6")
		case word("em7") != "":
			mm, ok := dates.EnglishMonth(word("em7"))
			if !ok {
				continue
			}
			y, m, d = get("y7"), mm, get("d7")
		default:
			continue
		}
		// A day after the entry's but come by the day written is a start
		// that happened: the day readers ask which day the figure is of.
		// They do not read 20261201, so it is refused after the entry's
		// day, never filed on it (review r38 B1).
		since := written
		if get("m8") > 0 {
			since = asOf
		}
		if y == 0 && d > 0 {
			if _, _, both := dates.AheadNextYear(fmt.Sprintf("%d/%d", m, d), written); both {
				continue // 1/2 on 12/31: 2026. 1. 2. or 2027. 1. 2., asked as the date field asks (review r41 F10)
			}
		}
		if !dateIsLater(y, m, d, since) {
			continue
		}
		if startsAround(clause, s, e, bare) {
			return s, e, true
		}
	}
	if s, e, found := laterSpan(clause, asOf, written); found {
		return s, e, true
	}
	return laterPartOrWeekday(clause, asOf, written)
}

// dayAfterStands says a match of `the day after` or `the next day` stands
// for a start to come: at the clause's end or before a start word
// (starts the day after), not before what it is after (hired the day
// after the fair: a day past).
func dayAfterStands(clause string, s, e int) bool {
	w := clause[s:e]
	if (strings.HasPrefix(w, "다음") || strings.HasPrefix(w, "익일")) && dates.EndsWithFixedHoliday(clause[:s]) {
		// 성탄절 다음날 입사: the day after the holiday, no start after the
		// entry's day; a note keeps it as it keeps 성탄절 전날 (review awk5:
		// 광복절 다음날 입사 typed in December was refused as not yet)
		return false
	}
	if w != "the day after" && w != "the next day" {
		return true
	}
	rest := strings.TrimLeft(clause[e:], " ")
	if rest == "" || !unicode.IsLetter(rune(rest[0])) || rest[0] >= utf8.RuneSelf {
		return true
	}
	return reEnglishStart.MatchString(rest) && reEnglishStart.FindStringIndex(rest)[0] == 0
}

// reLaterSpan is a span of the year a note's start may fall in (review
// r38 B1/B2): 연말, by year end, 연내, 새해, an ISO week by its number
// (49주차), a quarter (4분기, 3/4분기, q4, 2026년 4분기) or a half (하반기).
var reLaterSpan = regexp.MustCompile(`(?P<yearend>연말|\bby (?:the )?(?:year[- ]?end|end of (?:the |this )?year)\b)|(?P<within>연내)|(?P<newyear>새해)|` +
	`(?P<week>[0-9]{1,2}) ?주차|` +
	`(?:(?P<qy>20[0-9]{2}) ?년? ?)?(?:(?P<q>[1-4]) ?(?:/ ?4 ?)?분기|\bq(?P<q2>[1-4])\b|\b(?P<q3>[1-4])q\b)|` +
	`(?:(?P<hy>20[0-9]{2}) ?년? ?)?(?P<half>상반기|하반기)`)

// laterSpan reads a span of the year with a start word (laterStartWords,
// an English one) saying the people start in it, as a start after the
// entry's day:
//   - 연말, 연내, by year end: on an entry dated before 12. 31. (연말 on
//     12. 25. too: a part begun is no proof, as 이달 말 is not); 연말 on a
//     January entry is last year's, left to the month readers;
//   - 새해: the next January, on an entry dated February to December
//     (in January it is the year begun);
//   - a week, a quarter or a half beginning after the entry's day (49주차
//     on a 11. 20. entry; q4 on 9. 30.; 하반기 on 6. 30.). One holding the
//     entry's day is the entry's own (4분기 on 10. 15.). Unlike a month
//     (review r33 M9) one over by the day written is refused too: no month
//     reader reads `3분기 입사`, so it would be filed on the entry's day;
//     only last week's number, read as 지난주 (dayTokens), is left to them.
//     A quarter without a year three ahead (4분기 typed in the first) is as
//     likely last year's: left.
func laterSpan(clause string, asOf, written time.Time) (s, e int, found bool) {
	for _, loc := range reLaterSpan.FindAllStringSubmatchIndex(clause, -1) {
		s, e := loc[0], loc[1]
		if hangulBefore(clause[:s]) || s > 0 && strings.ContainsAny(clause[s-1:s], "0123456789/.") {
			continue // 12월 5주차 is a week of a month (monthWeek)
		}
		if strings.HasSuffix(strings.TrimRight(clause[:s], " "), "월") {
			continue
		}
		group := func(name string) string {
			i := reLaterSpan.SubexpIndex(name)
			if loc[2*i] < 0 {
				return ""
			}
			return clause[loc[2*i]:loc[2*i+1]]
		}
		var later bool
		switch {
		case group("yearend") == "연말" && yearEndCompound(clause[e:]):
			continue // 연말 정산, 연말연시: no day of a start
		case group("yearend") == "연말" && asOf.Month() == time.January:
			continue // 연말 in January is last year's, asked by the month readers (k56)
		case group("yearend") != "" || group("within") != "":
			later = dates.On(asOf.Year(), 12, 31).After(asOf)
		case group("newyear") != "":
			later = asOf.Month() != time.January
		case group("week") != "":
			// the week is read as the week readers read it (dates: the
			// most recent week n, 52주차 on 2027. 1. 5. being 2026's), so
			// 52주차 and W52 name one week (minor43: 52주차 was 2027's,
			// a start to come, while W52 was 2026's)
			n := atoiOr(group("week"))
			p, err := dates.ParsePeriod(strconv.Itoa(n)+"주차", written)
			if err != nil {
				continue
			}
			monday := p.From
			// the week before the day written is read as 지난주 (dayTokens)
			_, lastWeek := written.AddDate(0, 0, -7).ISOWeek()
			later = monday.After(asOf) && (n != lastWeek || monday.AddDate(0, 0, 6).After(written))
		default:
			q := atoiOr(group("q") + group("q2") + group("q3"))
			months := 3
			if h := group("half"); h != "" {
				q, months = 1, 6
				if h == "하반기" {
					q = 2
				}
			}
			year := atoiOr(group("qy") + group("hy"))
			if year == 0 {
				year = asOf.Year()
				if ahead := q - ((int(asOf.Month())-1)/months + 1); months == 3 && ahead == 3 {
					continue // 4분기 typed in the first quarter: last year's as likely
				}
			}
			from := dates.On(year, time.Month((q-1)*months+1), 1)
			later = from.After(asOf)
		}
		if later && startsAround(clause, s, e, false) {
			return s, e, true
		}
	}
	return 0, 0, false
}

// reStartWordKo is a Korean start word: 입사, 첫 출근, 근무 시작.
var reStartWordKo = regexp.MustCompile(`(첫 ?)?(입사|출근|근무|입소|발령|임용|합류|투입|배치|채용)( ?(?:시작|개시|예정))?`)

// reNotStartAfter is a word after a start word making it about something
// else: 근무표, 근무 일정, 투입 교육 (review r35 M15).
var reNotStartAfter = regexp.MustCompile(`^ ?(?:표|일정|계획|교육|안내|준비|회의|지침|현황|명단|시간|형태|조건|장소|공고|박람회|설명회|면접|절차|인원 ?확정)`)

// reNotStartBetween between the word and the start word ties the word to
// something else: 내년 사업 대비 인력 배치.
var reNotStartBetween = regexp.MustCompile(`대비|위한|관련|계획|준비`)

// koreanStartAfter says text (from the word on) holds a start word that
// starts someone: 근무 alone counts only from the word (다음주부터 근무,
// 12/8~ 근무) or as 첫 근무, 근무 시작; 근무표, 근무 일정, 투입 교육 are no
// start (review r35 M15: `다음달 근무표 작성 완료`, `1/2 근무` were refused).
func koreanStartAfter(text string, from bool) bool {
	for _, m := range reStartWordKo.FindAllStringSubmatchIndex(text, -1) {
		if reNotStartBetween.MatchString(text[:m[0]]) {
			return false
		}
		if m[6] < 0 && reNotStartAfter.MatchString(text[m[1]:]) {
			continue
		}
		if text[m[4]:m[5]] == "근무" && !from && m[2] < 0 && m[6] < 0 {
			continue
		}
		return true
	}
	return false
}

// reEnglishNotStart before an English start word makes it another act's
// object: next week we will review hires.
var reEnglishNotStart = regexp.MustCompile(`\b(?:review|discuss|plan|interview|check|report|post|approv|list)[a-z]*\s+(?:(?:the|new|our|all|of)\s+)*$`)

// englishStarts says an English start word of the clause starts someone.
func englishStarts(clause string) bool {
	for _, m := range reEnglishStart.FindAllStringIndex(clause, -1) {
		if !reEnglishNotStart.MatchString(clause[:m[0]]) {
			return true
		}
	}
	return false
}

// bareWorkWord says the first reader's word is a figure or day with 근무
// alone (`1/2 근무`): no start (review r35 M15).
func bareWorkWord(note, w string) bool {
	if !strings.HasSuffix(w, "근무") || strings.Contains(w, "부터") || strings.Contains(w, "첫") {
		return false
	}
	i := strings.Index(note, w)
	return i >= 0 && !regexp.MustCompile(`^ ?(?:시작|개시|예정)`).MatchString(note[i+len(w):])
}

// reStartSep is a start word before a bracket or arrow: 입사(, 첫 출근 →.
var reStartSep = regexp.MustCompile(`(?:입사|출근|근무 ?시작|첫 ?근무|합류|투입)(?: ?예정)? ?(?:일|일자|날)? ?(?:\(|-|→|->|~|=)$`)

// reExpectedAfter says the word is when a start is expected: 12/8 예상.
var reExpectedAfter = regexp.MustCompile(`^[ )]*(?:입사|출근|근무)? ?(?:예정|예상)`)

// reMonthPart is a month or a part of it: 12월 말, 12월 중순, 이달 말, 이번달.
var reMonthPart = regexp.MustCompile(`(?:(?:(?P<y>20[0-9]{2}) ?년 ?)?(?P<m>[0-9]{1,2}) ?월|(?P<this>이번 ?달|이달|금월)) ?(?P<part>초순|중순|하순|초|중|말|)`)

// reDayWeekday is a day with its weekday: 7일(월), 4일 금요일, Friday 4th,
// Friday the 4th (review r40 B8: `4일 금요일` was read as the weekday
// alone, last Friday).
var reDayWeekday = regexp.MustCompile(`(?P<d>[0-9]{1,2}) ?일 ?(?:\( ?(?P<w>[월화수목금토일])(?:요일)? ?\)|(?P<w2>[월화수목금토일])(?:요일|욜))|` +
	`\b(?P<ew>mon|tues|wednes|thurs|fri|satur|sun)day,? (?:the )?(?P<ed>[0-9]{1,2})(?:st|nd|rd|th)\b`)

// dayOfWeekday is the one day d of written's month or a neighbouring one
// falling on weekday (4일 금요일 typed 2026. 12. 2. is 12. 4.): a day
// with its weekday names one day, not the latest such weekday. When two
// months hold it the nearer to written is taken; ok=false when none does
// or both are as near.
func dayOfWeekday(d int, weekday time.Weekday, written time.Time) (day time.Time, ok bool) {
	best := -1
	for _, m := range []int{-1, 0, 1} {
		c := dates.On(written.Year(), written.Month()+time.Month(m), d)
		if c.Day() != d || c.Weekday() != weekday {
			continue
		}
		gap := int(c.Sub(written).Hours() / 24)
		if gap < 0 {
			gap = -gap
		}
		switch {
		case best < 0 || gap < best:
			day, best, ok = c, gap, true
		case gap == best:
			ok = false
		}
	}
	return day, ok
}

// reDayWeekdayGroup is the match's day and weekday (Korean or English).
func reDayWeekdayGroup(clause string, loc []int) (d int, weekday time.Weekday) {
	g := func(name string) string {
		i := reDayWeekday.SubexpIndex(name)
		if loc[2*i] < 0 {
			return ""
		}
		return clause[loc[2*i]:loc[2*i+1]]
	}
	if w := g("ew"); w != "" {
		return atoiOr(g("ed")), laterEnglishWeekday(w)
	}
	return atoiOr(g("d")), koreanWeekday(g("w") + g("w2"))
}

// reEnglishWeekdayStart is a start on a weekday or a day: to start
// Monday, joining Monday, starts on the 7th.
var reEnglishWeekdayStart = regexp.MustCompile(`\b(?:start|starts|starting|join|joins|joining|begin|begins|beginning)(?: work)?(?: on| from)? (?:(?P<w>mon|tues|wednes|thurs|fri|satur|sun)day|the (?P<d>[0-9]{1,2})(?:st|nd|rd|th))\b`)

// laterPartOrWeekday reads the starts to come the words above miss
// (review r35 B1, B5): a month or part of one not over by the day written
// and begun after the entry's day (`12월 말 입사` on a 2026. 11. 30. entry
// typed 12/4), a part of the month written still to come (`12월 중순
// 입사`, `이달 말 입사` typed 12/4), a day to come with its weekday (`7일(월)
// 입사`), an English start on another weekday or a later day.
func laterPartOrWeekday(clause string, asOf, written time.Time) (s, e int, found bool) {
	for _, loc := range reMonthPart.FindAllStringSubmatchIndex(clause, -1) {
		s, e := loc[0], loc[1]
		if hangulBefore(clause[:s]) || s > 0 && strings.ContainsAny(clause[s-1:s], "0123456789") {
			continue
		}
		if rest := clause[e:]; regexp.MustCompile(`^ ?[0-9]`).MatchString(rest) {
			continue // 12월 10일: a day, read above
		}
		group := func(name string) string {
			i := reMonthPart.SubexpIndex(name)
			if loc[2*i] < 0 {
				return ""
			}
			return clause[loc[2*i]:loc[2*i+1]]
		}
		y, m := written.Year(), written.Month()
		if group("this") == "" {
			if n := atoiOr(group("y")); n > 0 {
				y = n
			}
			n := atoiOr(group("m"))
			if n < 1 || n > 12 || group("y") == "" && time.Month(n) != written.Month() {
				continue
			}
			m = time.Month(n)
		}
		last := dates.On(y, m+1, 1).AddDate(0, 0, -1).Day()
		from, to := 1, last
		switch group("part") {
		case "초", "초순":
			to = 10
		case "중순":
			from, to = 11, 20
		case "하순", "말":
			from = 21
		}
		ps, pe := dates.On(y, m, from), dates.On(y, m, to)
		if group("part") == "" && !(ps.After(written) || ps.After(asOf) && pe.After(written)) {
			continue // a month holding the entry's day is its own (12월 입사 on 12. 4.)
		}
		// a part of the month not over on the day written: begun or not,
		// it says no one started by the entry's day (이달 말 on 12. 25.,
		// 이달 중순 on 12. 15.; review r38 B1)
		if group("part") != "" && !pe.After(written) {
			continue
		}
		fromWord := strings.HasPrefix(strings.TrimLeft(clause[e:], " "), "부터") // 이달 말부터 근무
		if koreanStartAfter(clause[s:], fromWord) && !reLeftOut.MatchString(clause[e:]) {
			return s, e, true
		}
	}
	for _, loc := range reDayWeekday.FindAllStringSubmatchIndex(clause, -1) {
		s, e := loc[0], loc[1]
		if hangulBefore(clause[:s]) || s > 0 && strings.ContainsAny(clause[s-1:s], "0123456789/.") {
			continue
		}
		d, weekday := reDayWeekdayGroup(clause, loc)
		day, ok := dayOfWeekday(d, weekday, written)
		if !ok || !day.After(written) || !day.After(asOf) {
			continue
		}
		if (koreanStartAfter(clause[s:], false) || englishStarts(clause) || reStartBefore.MatchString(strings.TrimRight(clause[:s], " "))) &&
			!reLeftOut.MatchString(clause[e:]) {
			return s, e, true
		}
	}
	// 출근일 금요일, 첫 출근 금요일, first day Friday typed on a Wednesday,
	// 출근일 14일 on the 9th: the start named before this week's day or
	// the month's day still to come (review r42 B8); a day past (출근일
	// 월요일, 출근일 7일) is the day readers'
	for _, loc := range reLabelWeekday.FindAllStringSubmatchIndex(clause, -1) {
		s, e := loc[0], loc[1]
		if hangulBefore(clause[:s]) || s > 0 && strings.ContainsAny(clause[s-1:s], "0123456789/.") ||
			!reStartBefore.MatchString(strings.TrimRight(clause[:s], " ")) || reLeftOut.MatchString(clause[e:]) {
			continue
		}
		var day time.Time
		switch {
		case loc[2] >= 0:
			day = thisWeekDay(clause[loc[2]:loc[3]], written)
		case loc[4] >= 0:
			w := clause[loc[4]:loc[5]]
			if !englishWeekday(w) {
				continue // monthly, sunny: no weekday
			}
			day = thisWeekDay(w[:3], written)
		default:
			// 출근일 14일: the day of the month written, as 출근일 12/14
			// is read (review r39 F10); 입사 14일 차 counts days
			d := atoiOr(clause[loc[6]:loc[7]])
			if day = dates.On(written.Year(), written.Month(), d); day.Day() != d || regexp.MustCompile(`^ ?(?:차|째|간|동안|만)`).MatchString(clause[e:]) {
				continue
			}
		}
		if day.After(written) && day.After(asOf) {
			return s, e, true
		}
	}
	if loc := reEnglishWeekdayStart.FindStringSubmatchIndex(clause); loc != nil && !reLeftOut.MatchString(clause[loc[1]:]) {
		if loc[2] >= 0 && laterEnglishWeekday(clause[loc[2]:loc[3]]) != written.Weekday() {
			return loc[0], loc[1], true
		}
		if loc[4] >= 0 && atoiOr(clause[loc[4]:loc[5]]) > written.Day() {
			return loc[0], loc[1], true
		}
	}
	return 0, 0, false
}

// reLabelWeekday is a weekday alone, Korean (금요일, 금욜) or English
// (Friday, Fri), read after a start word (reStartBefore).
// A day of the month alone (14일) is read there too.
var reLabelWeekday = regexp.MustCompile(`(?P<ko>[월화수목금토일])(?:요일|욜)|\b(?P<en>(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b|(?P<d>[0-9]{1,2}) ?일`)

func koreanWeekday(w string) time.Weekday {
	return map[string]time.Weekday{"일": time.Sunday, "월": time.Monday, "화": time.Tuesday, "수": time.Wednesday,
		"목": time.Thursday, "금": time.Friday, "토": time.Saturday}[w]
}

func laterEnglishWeekday(w string) time.Weekday {
	return map[string]time.Weekday{"sun": time.Sunday, "mon": time.Monday, "tues": time.Tuesday, "wednes": time.Wednesday,
		"thurs": time.Thursday, "fri": time.Friday, "satur": time.Saturday}[w]
}

// laterWordStands says the match at clause[s:e] is a word of its own:
// not the end of a longer word (청년내일채움), not the start of one
// (내달려, 내주고) beyond a particle, and not `내일까지` or `until next
// week` (a time up to then, no start).
func laterWordStands(clause string, s, e int) bool {
	w := clause[s:e]
	if r, _ := utf8.DecodeRuneInString(w); unicode.Is(unicode.Hangul, r) && hangulBefore(clause[:s]) {
		return false
	}
	rest := clause[e:]
	if strings.HasPrefix(rest, "까지") || reUntilBefore.MatchString(clause[:s]) {
		return false
	}
	for _, p := range laterParticles {
		if strings.HasPrefix(rest, p) {
			rest = rest[len(p):]
			break
		}
	}
	r, _ := utf8.DecodeRuneInString(rest)
	first, _ := utf8.DecodeRuneInString(w)
	// 내일입사 is read; 내일채움공제, 내달려 are other words
	return !unicode.Is(unicode.Hangul, r) || !unicode.Is(unicode.Hangul, first) || hasAnyPrefix(rest, laterStartWords)
}

// reUntilBefore ends a clause's words before a time up to which, not from which.
var reUntilBefore = regexp.MustCompile(`\b(?:until|till|through|by)\s*$`)

// startsAround says the clause says work starts at the word clause[s:e]:
// a start word after it (any words between), an English start word
// anywhere, a start word just before it (입사일: 내일), or the word alone.
func startsAround(clause string, s, e int, bare bool) bool {
	if reLeftOut.MatchString(clause[e:]) {
		return false // 내일 입사 2명 제외: those are left out of the figure
	}
	rest := clause[e:]
	from := false
	for _, p := range laterParticles {
		if strings.HasPrefix(rest, p) {
			from = strings.HasPrefix(p, "부터")
			rest = rest[len(p):]
			break
		}
	}
	from = from || strings.HasPrefix(strings.TrimLeft(rest, " "), "~")
	before := strings.TrimRight(clause[:s], " ")
	if koreanStartAfter(clause[s:], from) || englishStarts(clause) || reStartBefore.MatchString(before) {
		return true
	}
	// 입사(다음주), 입사-다음주, 첫 출근 → 다음주: the word alone after a
	// start word; 입사(다음주 교육) is about something else (review r35 B1)
	if r := strings.TrimLeft(rest, " "); reStartSep.MatchString(before) && (r == "" || strings.HasPrefix(r, ")")) {
		return true
	}
	// 입사일 미정(12/8 예상): a start expected then
	if reExpectedAfter.MatchString(rest) && hasAny(clause, laterStartWords) {
		return true
	}
	alone := strings.Trim(clause[:s]+rest, " \t\"“”‘’'()[]{}.:!?~-")
	return bare && alone == ""
}

// dateIsLater says a date read in a note (y and d zero when not given) is
// after asOf. A month without a year is the next one to three months
// ahead or asOf's own, as noteStartsLater reads it.
func dateIsLater(y, m, d int, asOf time.Time) bool {
	if m < 0 || m > 12 || d < 0 || d > 31 {
		return false
	}
	if m == 0 {
		return y > asOf.Year() && d == 0 // 2027년 입사
	}
	if y == 0 {
		ahead := (m - int(asOf.Month()) + 12) % 12
		return ahead >= 1 && ahead <= 3 || ahead == 0 && d > asOf.Day()
	}
	if y != asOf.Year() || m != int(asOf.Month()) {
		return y > asOf.Year() || y == asOf.Year() && m > int(asOf.Month())
	}
	return d > asOf.Day()
}

// thisWeekDay is the day of written's week (Monday first) a Korean (월)
// or English (mon) weekday names.
func thisWeekDay(name string, written time.Time) time.Time {
	index := map[string]int{"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6,
		"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}[name]
	monday := written.AddDate(0, 0, -((int(written.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, index)
}

// hasAny says s holds one of words.
func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// asciiLower lowers A–Z only, keeping every byte offset.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// quotedDayNoteRefused is the reply to a quoted day word (`"어제"`) whose
// note line, offered as the way to keep it (k36), the note checks would
// refuse (review r33 M6): a start to come (`"내일"`) is refused as not
// hired yet; another day than the entry's is offered as the date line
// alone. ok=false when the note line would be kept.
func (s *Service) quotedDayNoteRefused(command, w string, d entryDraft, p Program, value, field string, today time.Time) (Reply, bool) {
	asOf := today
	if d.date != nil {
		asOf = *d.date
	}
	d.note = strings.TrimSpace(d.note + " " + w)
	if _, later := NoteStartsLater(d.note, asOf, today); later && d.status != StatusAgreed {
		return s.refuse(command, s.msg("lead.note_starts_later", "Words", w, "AsOf", s.date(asOf))), true
	}
	if why, _ := s.noteNamesAnotherMonth(p, d, asOf, today); why == "" {
		return Reply{}, false
	}
	return s.refuse(command, s.msg("future.quoted_day_not_note", "Typed", w, "Value", value, "Field", field)), true
}

// reWeekdayFrom is a bare weekday with 부터 (from) before a start word:
// 월요일부터 출근.
var reWeekdayFrom = regexp.MustCompile(`^[월화수목금토일](?:요일|욜)$`)

// weekdayFromReply is the refusal of a bare weekday with 부터 (`월요일부터
// 출근`) typed after that weekday, or "": read as the past one (2026. 11.
// 30. on Friday 12. 4.) it filed people starting on the coming one (12.
// 7.) in the month before (review r35 B3). Both days are named: the line
// dated the past day, and none for the day to come.
// note is the note as typed: the dated line writes the weekday as its day
// (review r39 F9), so the word is looked for there.
func (s *Service) weekdayFromReply(r noteRead, note, dated string) string {
	past := r.day
	if past.IsZero() {
		past = r.named
	}
	if past.IsZero() || !reWeekdayFrom.MatchString(r.word) || !strings.Contains(note, r.word+"부터") ||
		!koreanStartAfter(note[strings.Index(note, r.word+"부터"):], true) {
		return ""
	}
	ahead := past.AddDate(0, 0, 7)
	if !ahead.After(s.today()) {
		return ""
	}
	return s.msg("r35future.note_weekday_from", "Word", r.word, "Named", s.date(past), "Ahead", s.date(ahead), "Dated", dated)
}

// reMonthWeekAfter is a week of a month after its month: 12월 첫째 주, 12월
// 1주차.
var reMonthWeekAfter = regexp.MustCompile(`^ ?(?:(?P<n>첫|둘|셋|넷|다섯) ?째|(?P<nd>[1-5]) ?(?:째|번째)?) ?주`)

// monthWeekHolds says rest, after a month m (of year y, or of the day
// written's year or the next when 0), names a week of that month
// (Monday to Sunday, the first holding its first Thursday) that begins on
// or before written: 12월 첫째 주 on 11/30 is the week of 11/30 to 12/6,
// this week, no start to come (review r41 F10).
func monthWeekHolds(rest string, y, m int, written time.Time) bool {
	loc := reMonthWeekAfter.FindStringSubmatchIndex(rest)
	if loc == nil || m < 1 || m > 12 {
		return false
	}
	n := weekOrdinals[submatch(rest, reMonthWeekAfter, loc, "n")]
	if n == 0 {
		n = atoiOr(submatch(rest, reMonthWeekAfter, loc, "nd"))
	}
	return weekHoldsEntry(y, m, n, written)
}

// monthWeekAhead reads rest, after a month m (of year y, or when 0 of the
// day written's year, the next for a month up to three before it, as a
// bare month to come is read), as a week of that month: its Monday and
// the bytes of rest it takes; ok is false when rest names no week or the
// month is more than three months from written.
func monthWeekAhead(rest string, y, m int, written time.Time) (monday time.Time, n int, ok bool) {
	loc := reMonthWeekAfter.FindStringSubmatchIndex(rest)
	if loc == nil || m < 1 || m > 12 {
		return monday, 0, false
	}
	place := weekOrdinals[submatch(rest, reMonthWeekAfter, loc, "n")]
	if place == 0 {
		place = atoiOr(submatch(rest, reMonthWeekAfter, loc, "nd"))
	}
	if y == 0 {
		ahead := (m - int(written.Month()) + 12) % 12
		if ahead > 3 {
			return monday, 0, false
		}
		y = written.Year()
		if m < int(written.Month()) {
			y++
		}
	}
	monday, _ = monthWeekFull(y, time.Month(m), place)
	n = loc[1]
	if strings.HasPrefix(rest[n:], "차") {
		n += len("차") // 12월 3주차
	}
	return monday, n, true
}

// submatch is the named group of a match at loc in s, or "".
func submatch(s string, re *regexp.Regexp, loc []int, name string) string {
	i := re.SubexpIndex(name)
	if i < 0 || loc[2*i] < 0 {
		return ""
	}
	return s[loc[2*i]:loc[2*i+1]]
}

// yearEndCompound says rest, the words right after 연말, make it another
// word than the year's end: 연말정산 or 연말 정산 (the year-end tax
// settlement), 연말연시 (the holidays). A 정정's reason `연말 정산 오기`
// was refused as a date, and `메모:연말 정산 담당 채용` as a start to come.
func yearEndCompound(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	return strings.HasPrefix(rest, "정산") || strings.HasPrefix(rest, "연시")
}
