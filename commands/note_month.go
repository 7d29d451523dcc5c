package commands

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
)

// reNoteMonth finds the words of a note that say which month's figure an
// entry is: 11월분, 11월 실적, 지난달분, 전월 실적, last month's. Review r11
// F9: `추가 노인 15 메모:11월분` typed on 3 December was filed as a
// December figure, beside a November that said 실적 없음. The number must
// not follow another digit (12월분 holds no 2월분).
var reNoteMonth = regexp.MustCompile(`(?i)(?:^|[^0-9])(([0-9]{1,2}) ?월 ?(?:분|실적)|(?:지난 ?달|전월|전달) ?(?:분|실적)|last month'?s)`)

// noteMonth reads the month a note says its figure is for, as of today:
// the word as written and that month's last day (N월 after today's month
// is last year's), or ok=false when the note names no month.
func noteMonth(note string, today time.Time) (word string, last time.Time, ok bool) {
	m := reNoteMonth.FindStringSubmatchIndex(note)
	if m == nil {
		return "", time.Time{}, false
	}
	word = note[m[2]:m[3]]
	month := today.Month() - 1 // 지난달, last month
	year := today.Year()
	if m[4] >= 0 {
		n, err := strconv.Atoi(note[m[4]:m[5]])
		if err != nil || n < 1 || n > 12 {
			return "", time.Time{}, false
		}
		month = time.Month(n)
		if month > today.Month() {
			year--
		}
	}
	return word, dates.On(year, month+1, 0), true // day 0: the month's last day
}

// noteNamesAnotherMonth is the refusal of an entry whose note names
// another month than its date (noteMonth), or "": the figure would be
// filed in one month while its note says another, so nothing is guessed.
// The reply gives the line dated that month's last day and the line
// keeping the entry's date without the word.
func (s *Service) noteNamesAnotherMonth(p Program, d entryDraft, asOf, today time.Time) string {
	word, last, ok := noteMonth(d.note, today)
	if !ok || (last.Year() == asOf.Year() && last.Month() == asOf.Month()) {
		return ""
	}
	rest := strings.Join(strings.Fields(strings.Replace(d.note, word, " ", 1)), " ")
	return s.msg("k42.note_names_another_month", "Word", word, "Date", s.date(asOf), "Month", int(asOf.Month()),
		"Named", int(last.Month()), "Dated", s.draftLine(p, d, last, d.note), "Kept", s.draftLine(p, d, asOf, rest))
}

// draftLine is the add a person would type for d dated day with note:
// the program as typed (a Korean alias in Korean), the count, and the
// fields the draft was given, each with its label.
func (s *Service) draftLine(p Program, d entryDraft, day time.Time, note string) string {
	word := p.Code
	if s.lang == Korean && len(p.Aliases) > 0 {
		word = p.Aliases[0]
	}
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
