package commands

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
)

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
	{"month", regexp.MustCompile(`(?:(?P<last>작년|지난 ?해|전년)(?: ?도)? ?|['’]?(?P<y>(?:20)?[0-9]{2}) ?년(?: ?도)? ?|['’]?(?P<yd>(?:20)?[0-9]{2}) ?[./-] ?)?` +
		`(?:(?P<m>[0-9]{1,2}) ?|(?P<w>십일|십이|시|십|일|삼|사|오|유|육|칠|팔|구))월(?: ?(?:분|실적|말))?`)},
	// 11/28 (no spaces: 1 / 2 is a ratio)
	{"slash", regexp.MustCompile(`(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})`)},
	// 11.30, 11. 30, 11-30, 11·30
	{"dot", regexp.MustCompile(`(?P<m>[0-9]{1,2})(?P<sep>\. ?| ?· ?|-)(?P<d>[0-9]{1,2})`)},
	// 지지난달, 전전월, 전전달분: two months back
	{"two", regexp.MustCompile(`(?:지지난 ?달|전전 ?월|전전 ?달)(?: ?(?:분|실적)|말)?`)},
	// 지난달, 전월, 저번달, 전달분, last month
	{"one", regexp.MustCompile(`(?i)(?:지난 ?달|전월|저번 ?달)(?: ?(?:분|실적)|말)?|전달 ?(?:분|실적|말)|last month(?:'?s)?|previous month(?:'?s)?`)},
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

// englishMonths maps an English month name's first three letters.
var englishMonths = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

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
var noteDateWords = []string{"일", "기준", "까지", "자", "현재", "부터", "이후", "이전", "마감", "채용", "입사", "실적", "분", "말",
	"중", "경", "당시", "보고", "누계", "집계", "께", "쯤", "즈음", "시점", "발령", "계약", "신청", "접수", "완료", "시작", "종료"}

// noteUnits after a number with a space (1.5 배, 10.5 명) make it a figure.
var noteUnits = []string{"배", "명", "개", "건", "원", "인", "회", "차", "%", "퍼센트", "점", "세", "시간", "곳", "가구", "만", "천", "억"}

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
	switch {
	case rest == "":
	case strings.HasPrefix(rest, "."):
		return len(rest) == 1 || !strings.ContainsAny(rest[1:2], "0123456789")
	case strings.ContainsAny(rest[:1], "~-,;)"):
	case strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\t"):
		next := strings.TrimLeft(rest, " \t")
		if hasAnyPrefix(next, noteUnits) {
			return false
		}
		if hasAnyPrefix(next, noteDateWords) {
			return true
		}
	default:
		return hasAnyPrefix(rest, noteDateWords)
	}
	return kind == "slash" || twoDigits || sep == ". "
}

// noteMonths reads the months a note names, as of today and the entry's
// date asOf: each word as written and that month's last day. A month
// without a year is the latest such month not after the entry's date (N월
// after its month is the year before's); 작년 N월 and 작년말 are the year
// before today's (the note is written today), 2025년 N월 and 25년 N월 that
// year's; 지난달 and 지지난달 are one and two months before today's. A
// number right after another digit (the 2 of 12월) is no month; nor are
// numbers out of range (13월, 11/32), nor a month followed by a plan
// (plannedAfter).
func noteMonths(note string, asOf, today time.Time) (words []string, lasts []time.Time, relative []bool) {
	folded, offs := noteFold(note)
	type reading struct {
		start, end  int
		year, month int
		relative    bool
	}
	var found []reading
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
			if year, month, rel, ok := noteReading(folded, f.kind, f.re, loc, today); ok {
				found = append(found, reading{loc[0], loc[1], year, month, rel})
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
	taken := 0
	for _, r := range found {
		if r.start < taken {
			continue
		}
		taken = r.end
		year := r.year
		if year == 0 {
			// The month as of the entry's date: on 4 January 2027 `12월분`
			// is December 2026, and on an entry dated 2025. 12. 31.
			// `11월` is November 2025.
			year = asOf.Year()
			if time.Month(r.month) > asOf.Month() {
				year--
			}
		}
		words = append(words, note[offs[r.start]:offs[r.end]])
		lasts = append(lasts, dates.On(year, time.Month(r.month)+1, 0)) // day 0: the month's last day
		relative = append(relative, r.relative)
	}
	return words, lasts, relative
}

// noteReading is the year (0: not said) and month of one form's match at
// loc in the folded note, whether it is counted from today (relative:
// 지난달, 작년 12월, 작년말), or ok=false when it names no month there.
func noteReading(note, kind string, re *regexp.Regexp, loc []int, today time.Time) (year, month int, relative, ok bool) {
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
	before, rest := note[:loc[0]], note[loc[1]:]
	if kind != "english" && before != "" && strings.ContainsAny(before[len(before)-1:], "0123456789./") {
		return 0, 0, false, false // the 2 of 12월, the 11 of 2026.11
	}
	if w := strings.TrimRight(note[loc[0]:loc[1]], " "); plannedAfter(rest) &&
		!strings.HasSuffix(w, "분") && !strings.HasSuffix(w, "실적") && !strings.HasSuffix(w, "말") {
		// 12월 채용 예정 5명은 제외: a plan, not the figure's month. But
		// 11월분, 11월 실적, 11월말 say whose figure it is, whatever follows
		// (`11월분 예정 인원 모두 채용`, review r21 B2).
		return 0, 0, false, false
	}
	day := 0
	switch kind {
	case "date":
		year, month, day = twoDigitYear("y"), num("m"), num("d")
		if day < 1 || (rest != "" && strings.ContainsAny(rest[:1], "0123456789")) {
			return 0, 0, false, false
		}
	case "month":
		if w, isWord := group("w"); isWord {
			// 십일월분, 시월 실적 but not 구월동, 감사월, 오월드, 월요일
			if r, _ := utf8.DecodeLastRuneInString(note[:loc[2*re.SubexpIndex("w")]]); r != utf8.RuneError && unicode.Is(unicode.Hangul, r) && loc[2*re.SubexpIndex("w")] == loc[0] {
				return 0, 0, false, false
			}
			if r, _ := utf8.DecodeRuneInString(rest); r != utf8.RuneError && unicode.Is(unicode.Hangul, r) && !strings.ContainsRune("분말중초달실", r) {
				return 0, 0, false, false
			}
			month = koreanMonths[w]
		} else {
			month = num("m")
		}
		if _, ok := group("last"); ok {
			year, relative = today.Year()-1, true
		} else if _, ok := group("y"); ok {
			year = twoDigitYear("y")
		} else if _, ok := group("yd"); ok {
			year = twoDigitYear("yd")
		}
	case "slash", "dot":
		sep, _ := group("sep")
		m, _ := group("m")
		month, day = num("m"), num("d")
		if day < 1 || !numericIsDate(kind, sep, len(m) == 2, rest) {
			return 0, 0, false, false
		}
	case "two", "one":
		back := 1
		if kind == "two" {
			back = 2
		}
		prev := dates.On(today.Year(), today.Month()-time.Month(back)+1, 0)
		year, month, relative = prev.Year(), int(prev.Month()), true
	case "yearEnd":
		year, month, relative = today.Year()-1, 12, true
	case "english":
		en, _ := group("en")
		month = englishMonths[strings.ToLower(en[:3])]
		_, d1 := group("d")
		_, d2 := group("d2")
		_, y := group("ey")
		if strings.EqualFold(en, "may") && !d1 && !d2 && !y {
			return 0, 0, false, false // "may include": May only with a day or a year
		}
		day = max(num("d"), num("d2"))
		year = num("ey")
	}
	if month < 1 || month > 12 || day > 31 {
		return 0, 0, false, false
	}
	return year, month, relative, true
}

// NoteNamesAnotherMonth is noteMonth for the importer (review r15 F17: a
// department's row dated 2026-12-01 with 메모 `11월분` was filed in
// December): the word and the last day of the month it names, when that
// is not asOf's month and year.
func NoteNamesAnotherMonth(note string, asOf, today time.Time) (word string, last time.Time, ok bool) {
	return noteMonth(note, asOf, today)
}

// NoteMonths is noteMonths for the importer's department template, whose
// 비고 is one note over a row of month columns: the words of the note that
// name a month, and each month's last day.
func NoteMonths(note string, asOf, today time.Time) (words []string, lasts []time.Time) {
	words, lasts, _ = noteMonths(note, asOf, today)
	return words, lasts
}

// NoteNamesRelativeMonth is the first word of a note naming a month
// counted from the day the note was written (지난달, 지지난달, 전월, 작년
// 12월분, 작년말, last month), for the importer: a file does not say when
// its notes were written, so the month such a word names cannot be told
// (review r19b-M3: a December file's `지난달 누락분` on a November row,
// imported in January, read 지난달 as December).
func NoteNamesRelativeMonth(note string) (word string, ok bool) {
	words, _, relative := noteMonths(note, time.Time{}, time.Time{}) // which word, not which month
	for i, r := range relative {
		if r {
			return words[i], true
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

// noteMonth is the first month a note names that is not asOf's month and
// year: the word as written and that month's last day, or ok=false.
func noteMonth(note string, asOf, today time.Time) (word string, last time.Time, ok bool) {
	words, lasts, _ := noteMonths(note, asOf, today)
	for i, l := range lasts {
		if l.Year() != asOf.Year() || l.Month() != asOf.Month() {
			return words[i], l, true
		}
	}
	return "", time.Time{}, false
}

// noteNamesAnotherMonth is the refusal of an entry whose note names
// another month than its date (noteMonth), or "": the figure would be
// filed in one month while its note says another, so nothing is guessed.
// The reply gives the line dated that month's last day and the line
// keeping the entry's date without the word.
func (s *Service) noteNamesAnotherMonth(p Program, d entryDraft, asOf, today time.Time) string {
	word, last, ok := noteMonth(d.note, asOf, today)
	if !ok {
		return ""
	}
	rest := strings.Join(strings.Fields(strings.Replace(d.note, word, " ", 1)), " ")
	return s.anotherMonthReply(word, asOf, last, s.draftLine(p, d, last, d.note), s.draftLine(p, d, asOf, rest))
}

// anotherMonthReply is the refusal of a figure dated asOf whose note's
// word names the month ending last, with the line dated that month and
// the line kept without the word. When the years differ both are named
// (review r15 F18/F19: 작년 12월분 on a December date is no match).
func (s *Service) anotherMonthReply(word string, asOf, last time.Time, dated, kept string) string {
	id := "k42.note_names_another_month"
	if last.Year() != asOf.Year() {
		id = "k49.note_names_another_year"
	}
	return s.msg(id, "Word", word, "Date", s.date(asOf), "Month", int(asOf.Month()), "Year", asOf.Year(),
		"Named", int(last.Month()), "NamedYear", last.Year(), "Dated", dated, "Kept", kept)
}

// hireNamesAnotherMonth is noteNamesAnotherMonth for `채용 <약정> <수>`
// (review r15 F9: `채용 4 50 12.1 메모:11월분 2차 채용` was filed in
// December), or "".
func (s *Service) hireNamesAnotherMonth(agreement, count int64, note string, asOf, today time.Time) string {
	word, last, ok := noteMonth(note, asOf, today)
	if !ok {
		return ""
	}
	line := func(day time.Time, note string) string {
		date := s.date(day)
		if s.lang != Korean {
			date = day.Format(time.DateOnly)
		}
		parts := []string{s.msg("k49.line_hire"), strconv.FormatInt(agreement, 10), numbers.Format(count), s.msg("k42.line_date", "Date", date)}
		if note != "" {
			parts = append(parts, s.msg("k42.line_note", "Note", note))
		}
		return strings.Join(parts, " ")
	}
	rest := strings.Join(strings.Fields(strings.Replace(note, word, " ", 1)), " ")
	return s.anotherMonthReply(word, asOf, last, line(last, note), line(asOf, rest))
}

// draftLine is the add a person would type for d dated day with note:
// the program as typed (a Korean alias in Korean), the count, and the
// fields the draft was given, each with its label.
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
	if d.status == StatusAgreed {
		parts = append(parts, s.msg("k42.line_agreed"))
	}
	if d.employment != "" {
		parts = append(parts, s.msg("k42.line_type", "Type", EmploymentLabel(d.employment, s.lang)))
	}
	if d.department != "" {
		parts = append(parts, s.msg("k42.line_dept", "Department", d.department))
	}
	if note != "" {
		parts = append(parts, s.msg("k42.line_note", "Note", note))
	}
	return strings.Join(parts, " ")
}
