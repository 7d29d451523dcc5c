package commands

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
)

// reNoteMonth finds the words of a note that name a month: 11월분,
// 11월 실적, 11월 넷째주, 11월말, 11/28, 11.30, 2026. 11. 30., 작년 12월분,
// 2025년 12월, 지난달, 전월, 저번달, last month. Review r11 F9: `추가 노인
// 15 메모:11월분` typed on 3 December was filed as a December figure;
// review r15 F3/F11/F13/F18: `지난달 누락`, `11월 4주차`, `11/28 채용
// 인원`, `11월말 현재 누계`, `작년 12월분` were too, because only 분/실적
// were read. 전달 alone also means "passed on", so it counts only with
// 분/실적/말. What comes before and after a number is checked in
// noteMonths (RE2 has no look-around).
var reNoteMonth = regexp.MustCompile(`(?i)` +
	`(?P<fy>20[0-9]{2}) ?[./-] ?(?P<fm>[0-9]{1,2}) ?[./-] ?(?P<fd>[0-9]{1,2})` +
	`|(?:(?P<last>작년|지난 ?해|전년) ?|(?P<y>20[0-9]{2}) ?년 ?)?(?P<m>[0-9]{1,2}) ?월(?: ?(?:분|실적|말))?` +
	`|(?P<sm>[0-9]{1,2})/(?P<sd>[0-9]{1,2})` +
	`|(?P<dm>[0-9]{1,2})\. ?(?P<dd>[0-9]{1,2})` +
	`|(?:지난 ?달|전월|저번 ?달)(?: ?(?:분|실적)|말)?|전달 ?(?:분|실적|말)` +
	`|last month(?:'?s)?`)

// noteMonths reads the months a note names, as of today and the entry's
// date asOf: each word as written and that month's last day. A month
// without a year is the latest such month not after the entry's date (N월
// after its month is the year before's); 작년 N월 is the year before
// today's (the note is written today), 2025년 N월 that year's; 지난달 is
// the month before today's. A number right after another digit (the 2 of
// 12월) and M.D or M/D followed by a digit or a unit (1.5배, 1/2) are no
// month; nor are numbers out of range (13월, 11/32).
func noteMonths(note string, asOf, today time.Time) (words []string, lasts []time.Time) {
	group := func(m []int, name string) (string, bool) {
		i := reNoteMonth.SubexpIndex(name)
		if m[2*i] < 0 {
			return "", false
		}
		return note[m[2*i]:m[2*i+1]], true
	}
	num := func(m []int, name string) int {
		v, _ := group(m, name)
		n, _ := strconv.Atoi(v)
		return n
	}
	for _, m := range reNoteMonth.FindAllStringSubmatchIndex(note, -1) {
		if m[0] > 0 && strings.ContainsAny(note[m[0]-1:m[0]], "0123456789./") {
			continue
		}
		word := note[m[0]:m[1]]
		if plannedAfter(note[m[1]:]) {
			continue // 12월 채용 예정 5명은 제외: a plan, not the figure's month
		}
		var month, day, year int
		numeric := false
		if _, ok := group(m, "fy"); ok {
			year, month, day = num(m, "fy"), num(m, "fm"), num(m, "fd")
		} else if _, ok := group(m, "m"); ok {
			month = num(m, "m")
			if _, ok := group(m, "last"); ok {
				year = today.Year() - 1
			} else if _, ok := group(m, "y"); ok {
				year = num(m, "y")
			}
		} else if _, ok := group(m, "sm"); ok {
			month, day, numeric = num(m, "sm"), num(m, "sd"), true
		} else if _, ok := group(m, "dm"); ok {
			month, day, numeric = num(m, "dm"), num(m, "dd"), true
		} else { // last month
			prev := dates.On(today.Year(), today.Month(), 0)
			month, year = int(prev.Month()), prev.Year()
		}
		if numeric {
			// 11.30 기준, 11/28 채용: followed by the end, a space or a
			// stop; 1.5배, 1/2명, 3.14 are figures.
			if rest := note[m[1]:]; rest != "" && !strings.ContainsAny(rest[:1], " \t.,)~") && !strings.HasPrefix(rest, "일") {
				continue
			}
			if day < 1 {
				continue
			}
		}
		if month < 1 || month > 12 || day > 31 {
			continue
		}
		if year == 0 {
			// The month as of the entry's date: on 4 January 2027 `12월분`
			// is December 2026, and on an entry dated 2025. 12. 31.
			// `11월` is November 2025.
			year = asOf.Year()
			if time.Month(month) > asOf.Month() {
				year--
			}
		}
		words = append(words, word)
		lasts = append(lasts, dates.On(year, time.Month(month)+1, 0)) // day 0: the month's last day
	}
	return words, lasts
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
	return noteMonths(note, asOf, today)
}

// plannedAfter says the words after a month, up to the clause's end, make
// it a plan (`12월 채용예정 5명은 제외`, `5월 입사 예정자 포함`, an
// agreement's `11월 채용 예정`): the month of hires to come, which is no
// claim about the month the figure belongs to.
func plannedAfter(rest string) bool {
	if i := strings.IndexAny(rest, ",;·)"); i >= 0 {
		rest = rest[:i]
	}
	return strings.Contains(rest, "예정") || strings.Contains(rest, "예상") || strings.Contains(rest, "계획")
}

// noteMonth is the first month a note names that is not asOf's month and
// year: the word as written and that month's last day, or ok=false.
func noteMonth(note string, asOf, today time.Time) (word string, last time.Time, ok bool) {
	words, lasts := noteMonths(note, asOf, today)
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
