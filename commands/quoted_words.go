package commands

import (
	"strings"
	"time"
	"unicode"

	"jobsbot/commands/dates"
)

// quotedFieldWord refuses a quoted word of an add line that reads as one of
// the entry's fields: a date ("어제", "11월 9일"), a status ("MOU", "약정"),
// another program ("청년") or a department ("노인복지과 실적"). Quotes mark
// a note, but such a word kept there was filed silently: the entry dated
// today, an agreement counted as hires, jobs under the wrong program or
// department (k36 B1). The reply names the word and what it reads as, and
// gives both lines to type: the field with its label, or the word after
// 메모:, which keeps anything as a note. Quoted plain words pass.
func (s *Service) quotedFieldWord(cmd Command, words []string, d entryDraft, programs []Program, depts []Department) (Reply, bool) {
	today := s.today()
	index := s.programIndex(programs)
	own, ownFound := index.find(programs, d.program)
	for _, w := range words {
		if !isQuotedWord(w) {
			continue
		}
		ts := tokenize(strings.Trim(w, `"“”`))
		inner := textJoin(ts)
		note := lineWithNote(strings.Join(strings.Fields(strings.Replace(cmd.Line, w, "", 1)), " "), []string{w}, s.msg("entries.note_label"))
		if day, isDay, ok := quotedDate(ts, d.date != nil, today); ok {
			value := inner
			if isDay {
				value = s.date(day)
			}
			field := strings.Replace(cmd.Line, w, s.msg("k36.label_date")+inner, 1)
			if r, refused := s.quotedDayNoteRefused(cmd.Name, w, d, own, value, field, today); refused {
				return r, true // its note line would be refused too (review r33 M6)
			}
			return s.refuse(cmd.Name, s.msg("k36.quoted_word_is_field", "Typed", w, "Kind", s.msg("k36.kind_date"),
				"Value", value, "Field", field, "Note", note)), true
		}
		if st, ok := quotedStatus(ts); ok && d.status != st {
			value := label(statusWords, st, s.lang)
			field := withConfirm(cmd.Line, s.msg("k36.label_status")+value) // before 메모:, which takes the rest
			return s.refuse(cmd.Name, s.msg("k36.quoted_word_is_field", "Typed", w, "Kind", s.msg("k36.kind_status"),
				"Value", value, "Field", field, "Note", note)), true
		}
		for _, x := range append([]string{inner}, wordsOf(ts)...) {
			if p, ok := index.find(programs, x); ok && !(ownFound && p.ID == own.ID) {
				return s.refuse(cmd.Name, s.msg("note_words.second_program", "Word", w, "Program", s.programLabel(p))), true
			}
		}
		for _, x := range append([]string{inner}, wordsOf(ts)...) {
			x = stripBrackets(x)
			dept, ok := findDepartment(depts, x)
			if !ok {
				dept, ok = findDepartment(depts, strings.TrimSuffix(x, "분"))
			}
			if ok {
				// The department the entry is filed under too: the words
				// are read as nothing else, so they are asked about as any
				// unread word is.
				return s.refuse(cmd.Name, s.msg("entries.note_is_a_department", "Text", x, "Dept", dept.Name)), true
			}
		}
	}
	return Reply{}, false
}

// wordsOf is the text of each token.
func wordsOf(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.text
	}
	return out
}

// quotedDate reports whether the words of a quoted note read as a date or
// were meant as one: a day (어제, 11월 9일, yesterday), a period (지난달) or
// a word that looks like a date (말일, 금요일). The holidays and parts of
// the week pass beside the line's own date, which they describe (10/5
// "추석 연휴"), as they do unquoted; alone they were meant as the day.
// English words are checked only against what reads as a date, since
// reDateLike's month prefixes (mar, dec) begin ordinary words.
func quotedDate(ts []token, lineHasDate bool, today time.Time) (day time.Time, isDay, ok bool) {
	for i := range ts {
		if n, d := dateRun(ts, i, today); n > 0 {
			return d, true, true
		}
	}
	for _, t := range ts {
		w := stripBrackets(t.text)
		if w == "" || allDigits(w) || lineHasDate && (reLunarHoliday.MatchString(w) || reWeekPart.MatchString(w)) {
			continue
		}
		if reLunarHoliday.MatchString(w) {
			return time.Time{}, false, true
		}
		if _, err := dates.ParsePeriod(w, today); err == nil {
			return time.Time{}, false, true
		}
		if strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Hangul, r) || unicode.IsDigit(r) }) &&
			(reDateLike.MatchString(w) || reVagueDay.MatchString(w)) {
			return time.Time{}, false, true
		}
	}
	return time.Time{}, false, false
}

// quotedStatus is the status a quoted note's words name: 약정, 채용 or
// realised as the plain words read unquoted, and MOU, 협약 and the other
// agreement words as 약정.
func quotedStatus(ts []token) (EntryStatus, bool) {
	for _, t := range ts {
		f := fold(stripBrackets(t.text))
		if st, ok := freeStatusWords[f]; ok {
			return st, true
		}
		if containsAny(f, statusLike) {
			return StatusAgreed, true
		}
	}
	return "", false
}

// unquoteWord is w without the quotes that wrap all of it, or w.
func unquoteWord(w string) string {
	if isQuotedWord(w) {
		return strings.Trim(w, `"“”`)
	}
	return w
}

// throughWords end a date that gives a total through or as of that day
// (11월9일까지, 4월말 현재, 4/30 기준): after 날짜: or in the add form's
// date they leave open whether the count is that 누계 or the day's new
// jobs, as an unlabelled 까지 does.
var throughWords = []string{"까지", "현재", "기준일", "기준"}

// asOfWords are the throughWords that make a date "as of" that day (12. 4.
// 현재, 4/30기준, 11월30일 기준일). Reports write a total so (F33: `추가
// 노인 3,020 (12.4. 현재)` was booked as 3,020 new jobs of that day), so an
// add without 누계 is asked which it is, as 까지 is (asked before them).
var asOfWords = []string{"현재", "기준일", "기준"}

// throughWord splits a typed date into the day and the word of words
// (throughWords, asOfWords) it ends in, or returns word "" when it ends in
// none.
func throughWord(typed string, words []string) (day, word string) {
	t := strings.TrimSpace(typed)
	for _, w := range words {
		if rest, ok := strings.CutSuffix(t, w); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest), w
		}
	}
	return "", ""
}
