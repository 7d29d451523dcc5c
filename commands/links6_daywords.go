package commands

import (
	"errors"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// lineRelativeDays are the words of a note for one day counted from the
// day typed, with how many days back (a day ahead negative), that a line a
// refusal offers writes as that day (lineNote). Longest first at a place.
// Words with another reading are left out: 전일 (전일제, full-time), 전날
// and 익일 (the day before or after something named), 엊그제 (a few days
// ago, no one day).
var lineRelativeDays = []struct {
	word string
	back int
}{
	{"the day before yesterday", 2}, {"day before yesterday", 2},
	{"yesterday", 1}, {"today", 0}, {"tomorrow", -1},
	{"그끄저께", 3}, {"그끄제", 3}, {"그저께", 2}, {"그제", 2}, {"어저께", 1}, {"어제", 1}, {"작일", 1},
	{"오늘", 0}, {"금일", 0}, {"내일", -1}, {"모레", -2},
}

// lineRelativeParticles may follow a Korean day word of lineRelativeDays
// glued (어제자, 오늘부터, 그제의): the word is still that day. Any other
// syllable makes another word (오늘날, 어제오늘, 내일모레), left as typed.
var lineRelativeParticles = []string{"에", "자", "부", "까지", "의", "은", "는", "도", "로", "기준", "현재", "이", "가", "과", "와"}

// lineNote is note as a line a refusal offers dated day writes it: its
// words counted from the day typed agreeing with day as that day
// (absoluteNote), then every other word of lineRelativeDays as the day it
// names (review r44 M3: `메모:어제 입사, 어제 면접` offered
// `메모:2026. 12. 3. 입사, 어제 면접`, a word that names another day when
// the line is typed back the next morning). Each word is written as its
// own day, so the note says what it said when typed.
func (s *Service) lineNote(note string, day time.Time) string {
	note = s.absoluteNote(note, day)
	today := s.today()
	if note == "" || today.IsZero() {
		return note
	}
	var b strings.Builder
	for i := 0; i < len(note); {
		if w, back, ok := relativeDayAt(note, i); ok {
			date := s.lineDate(today.AddDate(0, 0, -back))
			// A word of another day than the line's stays as typed when its
			// date would be read as the figure's (the English reader reads
			// `trained 2026-12-04`): the line typed back would be refused.
			if now, then := b.String()+note[i:], b.String()+date+note[i+len(w):]; !today.AddDate(0, 0, -back).Equal(day) &&
				otherDaysRead(then, day, today) > otherDaysRead(now, day, today) {
				b.WriteString(w)
			} else {
				b.WriteString(date)
			}
			i += len(w)
			continue
		}
		_, size := utf8.DecodeRuneInString(note[i:])
		b.WriteString(note[i : i+size])
		i += size
	}
	return b.String()
}

// relativeDayAt is the word of lineRelativeDays starting at byte i of
// note, standing as a word of its own: not inside another (엊그제, 오늘날,
// todays), and in English matched without regard to case.
func relativeDayAt(note string, i int) (string, int, bool) {
	if r, _ := utf8.DecodeLastRuneInString(note[:i]); i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return "", 0, false
	}
	for _, d := range lineRelativeDays {
		if len(note)-i < len(d.word) || !strings.EqualFold(note[i:i+len(d.word)], d.word) {
			continue
		}
		rest := note[i+len(d.word):]
		next, _ := utf8.DecodeRuneInString(rest)
		if rest != "" && (unicode.IsLetter(next) || unicode.IsDigit(next)) &&
			!(unicode.Is(unicode.Hangul, next) && hasAnyPrefix(rest, lineRelativeParticles)) {
			return "", 0, false
		}
		return note[i : i+len(d.word)], d.back, true
	}
	return "", 0, false
}

// otherDaysRead counts the readings of note naming one day other than
// day, the date of the line it is written in.
func otherDaysRead(note string, day, today time.Time) int {
	n := 0
	for _, r := range noteMonths(note, day, today) {
		if !r.named.IsZero() && !r.named.Equal(day) {
			n++
		}
	}
	return n
}

// offeredDayNotes is err with the lines a date question offers (금요일 on
// a Friday, a date read month or day first, a date without a year near
// the year's end) writing their note's words counted from the day typed
// as the days they name (lineNote), as the note-day question's lines do
// (review r46 M2: `메모:어제 입사` offered as typed on Friday recorded
// unasked when typed back on Saturday, 어제 then naming the line's own
// date). Any other error is returned as it is.
func (s *Service) offeredDayNotes(err error) error {
	ue, ok := errors.AsType[*UsageError](err)
	if !ok {
		return err
	}
	ask, choice := errors.AsType[*DayChoiceError](err)
	args := slices.Clone(ue.Args)
	changed := false
	for i := 1; i < len(args); i += 2 {
		switch v := args[i].(type) {
		case string:
			if choice && args[i-1] == "After" {
				if note := s.lineNoteOf(ask.Line); note != "" {
					args[i] = replaceLast(v, note, s.lineNote(note, ask.Days[0]))
					changed = changed || args[i] != v
				}
			}
		case yearLine:
			if note := s.lineNoteOf(strings.Replace(v.line, v.typed, v.day.Format(time.DateOnly), 1)); note != "" {
				w := v
				w.line = replaceLast(v.line, note, s.lineNote(note, v.day))
				args[i], changed = w, changed || w.line != v.line
			}
		}
	}
	if !changed {
		return err
	}
	out := *ue
	out.Args = args
	if !choice {
		return &out
	}
	asked := *ask
	asked.UsageError = &out
	return &asked
}

// lineNoteOf is the note of line as read today, "" when it has none or
// is not read.
func (s *Service) lineNoteOf(line string) string {
	cmd, err := Parse(line, s.today())
	if err != nil {
		return ""
	}
	return strings.TrimSpace(cmd.Opts.Note)
}

// replaceLast is s with its last old replaced by new.
func replaceLast(s, old, new string) string {
	at := strings.LastIndex(s, old)
	if at < 0 {
		return s
	}
	return s[:at] + new + s[at+len(old):]
}
