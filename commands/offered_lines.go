package commands

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// offeredLine is an add's (or 채용's) line as a question offers it back to
// type (확인:예, 누계포함:예/아니오, 확인:다시), naming absolute days (review
// r39 F17): a date that reads differently on another day (어제, 지난주
// 금요일, 이번 달 2일, 금요일, 11/20, yesterday) is written as the day it
// was read as, in place, and a line without a date gets the day it was
// dated (day; zero: the day it is typed), so the line typed back the next
// morning, or after a weekend, files the jobs on the day the question was
// about. Its note's words counted from the day typed are written the same
// way (absoluteNote), so the note-day check reads them as that day too.
// A date that says its year (2026. 12. 3., 2026-12-03) stays as typed.
// Every line offered from the line typed is built here.
func (s *Service) offeredLine(cmd Command, day time.Time) string {
	if cmd.Name != cmdAdd && cmd.Name != cmdHire || cmd.Line == "" || cmd.lineDated {
		return cmd.Line
	}
	return s.inReplyWords(cmd, s.offeredLineTyped(cmd, day))
}

// offeredLineTyped is offeredLine's line with the words as typed.
func (s *Service) offeredLineTyped(cmd Command, day time.Time) string {
	line := cmd.Line
	if cmd.Opts.Date != nil {
		day = *cmd.Opts.Date
	} else if day.IsZero() {
		day = s.today()
	}
	head, tail := line, ""
	if j, _ := restOfLineOption(line); j >= 0 {
		head, tail = line[:j], line[j:]
	}
	if note := cmd.Opts.Note; note != "" && tail != "" {
		if i := strings.Index(tail, note); i >= 0 {
			tail = tail[:i] + s.absoluteNote(note, day) + tail[i+len(note):]
		}
	}
	switch {
	case cmd.Opts.Date == nil:
		if day.IsZero() {
			return head + tail
		}
		// the day it was dated, before the note (review r25 F6)
		return withConfirm(head+tail, s.msg("k42.line_date", "Date", s.lineDate(day)))
	case cmd.dateRaw == "" || s.readsSameAnyDay(cmd.dateTyped, day):
		return head + tail
	}
	at := wordAt(head, cmd.dateRaw)
	if at < 0 {
		return head + tail
	}
	written := s.lineDate(day)
	if key, _, labelled := strings.Cut(cmd.dateRaw, ":"); labelled && optionKeys[fold(key)] == "date" {
		written = key + ":" + written
	}
	return head[:at] + written + head[at+len(cmd.dateRaw):] + tail
}

// wordAt is where words stand in line as whole words (after the start, a
// space or a colon, before a space or the end), or -1.
func wordAt(line, words string) int {
	for from := 0; from <= len(line); {
		i := strings.Index(line[from:], words)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(words)
		if (i == 0 || line[i-1] == ' ' || line[i-1] == ':') && (end == len(line) || line[end] == ' ') {
			return i
		}
		from = i + 1
	}
	return -1
}

// lineDate is a day as an offered line writes it: 2026. 12. 3. in Korean,
// 2026-12-03 in English, both read as that day whatever day they are typed.
func (s *Service) lineDate(day time.Time) string {
	if s.lang != Korean {
		return day.Format(time.DateOnly)
	}
	return s.date(day)
}

// readsSameAnyDay says typed, read as day today, reads as day on the days
// after too: a date with its year (2026. 12. 3.), not one counted from the
// day it is typed (어제, 금요일, 1월 2일, which turns to next year's).
func (s *Service) readsSameAnyDay(typed string, day time.Time) bool {
	today := s.today()
	if typed == "" || today.IsZero() {
		return false
	}
	for _, later := range []int{0, 1, 8, 32, 366} {
		d, err := dates.Parse(typed, today.AddDate(0, 0, later))
		if err != nil || !d.Equal(day) {
			return false
		}
	}
	return true
}

// reMonthCounted is the part of a note word naming a month counted from
// the day typed (지난달분, 전월 실적, last month's), without its suffix.
var reMonthCounted = regexp.MustCompile(`(?i)^(?:지지난 ?달|전전 ?월|전전 ?달|지난 ?달|전월|저번 ?달|전달|last month|previous month)`)

// absoluteNote is note as an offered line dated day writes it (review r39
// F9): each word counted from the day typed that agrees with day is
// written as what it names: a day (어제, 지난주 금요일, 지난달 말, 오늘,
// yesterday) as that day (2026. 12. 3.), a month (지난달분) as that month
// (2026년 11월분), and a week or a weekend holding day (지난주, 주말),
// which the date names already, is left out whole, never cut mid-phrase.
// Typed back on a later day the note still says the day the line is dated,
// and the note-day check does not ask again. Other words stay as typed.
func (s *Service) absoluteNote(note string, day time.Time) string {
	today := s.today()
	if note == "" || today.IsZero() || day.IsZero() {
		return note
	}
	out := note
	// read with no entry date, so a word agreeing with day is read too
	for _, r := range noteMonths(note, time.Time{}, today) {
		if !r.relative && !r.dayWord || !strings.Contains(out, r.word) {
			continue
		}
		switch {
		case !r.weekAgoFrom.IsZero() || !r.weekend.IsZero() || !r.from.IsZero():
			from, to := r.weekAgoFrom, r.weekAgoTo
			switch {
			case !r.weekend.IsZero():
				from, to = r.weekend, r.weekend.AddDate(0, 0, 1)
			case !r.from.IsZero():
				from, to = r.from, r.to
			}
			if !day.Before(from) && !day.After(to) {
				out = withoutNoteWords(out, datePhrase(out, r.word))
			}
		case !r.day.IsZero():
			if r.day.Equal(day) {
				out = dayWordAsDate(out, r.word, s.lineDate(day))
			}
		case r.months() == 1 && !r.pastOnly:
			core := reMonthCounted.FindString(r.word)
			if core == "" {
				if strings.HasSuffix(strings.TrimSpace(r.word), "말") && r.last.Equal(day) {
					out = strings.Replace(out, r.word, s.lineDate(day), 1) // 작년말
				}
				continue
			}
			rest := r.word[len(core):]
			if t := strings.TrimSpace(rest); t == "말" {
				if r.last.Equal(day) { // 지난달 말: that month's last day
					out = strings.Replace(out, r.word, s.lineDate(day), 1)
				}
				continue
			}
			if r.covers(day) {
				out = strings.Replace(out, r.word, s.lineMonth(r.last)+rest, 1)
			}
		}
	}
	return out
}

// lineMonth is a month as an offered line's note writes it: 2026년 11월,
// November 2026.
func (s *Service) lineMonth(m time.Time) string {
	name := m.Month().String()
	if s.lang == Korean {
		name = strconv.Itoa(int(m.Month())) + "월"
	}
	return s.msg("offered3.note_month", "Year", m.Year(), "Name", name)
}

// dayWordAsDate is note with word (목요일, 어제) written as date, once; the
// 날 a weekday word may carry (목요일날 입사) goes with it, since a date
// written out takes none (2026. 12. 31. 입사, not 2026. 12. 31.날).
func dayWordAsDate(note, word, date string) string {
	i := strings.Index(note, word)
	if i < 0 {
		return note
	}
	rest := note[i+len(word):]
	if after, ok := strings.CutPrefix(rest, "날"); ok && (after == "" || after[0] == ' ') {
		rest = after
	}
	return note[:i] + date + rest
}

// inReplyWords writes the command word and the field labels of an offered
// line in the reply's language, as the lines the bot builds itself are
// (draftLine): a Korean reply offered `add 4 disabled 2026. 11. 20.
// 누계포함:예 note:hired` to a line typed with English words (review awk5:
// a line of two languages). The values people write (a date, a department,
// the note's text) stay as typed; a status, an employment type and a yes or
// no are the reply's words. Both spellings read the same, so the line
// typed back records the same entry.
func (s *Service) inReplyWords(cmd Command, line string) string {
	head, tail := line, ""
	if j, _ := restOfLineOption(line); j >= 0 {
		head, tail = line[:j], line[j:]
	}
	words := strings.Fields(head)
	for i, w := range words {
		if i == 0 {
			switch f := fold(w); {
			case cmd.Name == cmdAdd && (f == "add" || f == "추가"):
				words[i] = s.msg("k42.line_add")
			case cmd.Name == cmdHire && (f == "hire" || f == "채용"):
				words[i] = s.msg("k49.line_hire")
			}
			continue
		}
		if relabelled, ok := s.optionInReplyWords(w); ok {
			words[i] = relabelled
		}
	}
	if tail != "" {
		key, value, _ := strings.Cut(tail, ":")
		switch optionKeys[fold(key)] {
		case "note":
			tail = s.msg("k42.line_note", "Note", strings.TrimLeft(value, " "))
		case "reason":
			tail = s.msg("k56.line_reason", "Reason", strings.TrimLeft(value, " "))
		}
		words = append(words, tail)
	}
	return strings.Join(words, " ")
}

// optionInReplyWords is one key:value word of a line in the reply's
// words, ok false for a word it leaves as typed.
func (s *Service) optionInReplyWords(w string) (string, bool) {
	key, value, ok := strings.Cut(w, ":")
	if !ok || value == "" {
		return "", false
	}
	switch optionKeys[fold(key)] {
	case "date":
		return s.msg("k42.line_date", "Date", value), true
	case "dept":
		return s.msg("k42.line_dept", "Department", value), true
	case "status":
		switch st, _ := lookup(statusWords, value); st {
		case StatusAgreed:
			return s.msg("k42.line_agreed"), true
		case StatusRealised:
			return s.msg("k56.line_realised"), true
		}
	case "type":
		if code, ok := lookup(employmentWords, value); ok {
			return s.msg("k42.line_type", "Type", EmploymentLabel(code, s.lang)), true
		}
	case "confirm":
		if isOneOf(token{text: value}, confirmYes) {
			return s.msg("k56.line_confirm"), true
		}
	case "within":
		switch {
		case isOneOf(token{text: value}, confirmYes):
			return s.msg("k56.line_within_yes"), true
		case isOneOf(token{text: value}, withinNo):
			return s.msg("k56.line_within_no"), true
		}
	}
	return "", false
}
