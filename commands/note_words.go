package commands

import (
	"strings"

	"jobsbot/commands/numbers"
)

// bareLabels are Korean field labels typed without their colon (부서
// 노인복지과, 상태 약정, 메모 경로당). Only the Korean words: "note" or
// "type" in an English note are ordinary words.
var bareLabels = map[string]string{
	"날짜": "date", "일자": "date", "기준일": "date",
	"부서":   "dept",
	"상태":   "status",
	"고용형태": "type", "형태": "type",
	"메모": "note", "비고": "note",
}

// readNoteWords checks the words an add would keep as its note, which
// review 19 saw hold a second program (청년 노인), a department whose colon
// was forgotten (부서 노인복지과), a second count (외 20명) and leftover
// labels (날짜 :, 상태). A bare label is read where what it labels is plain:
// 메모 starts the note, 부서 takes the next word as the department, and a
// label whose field was already read (상태 약정: 약정 was taken as the
// status) is dropped. Anything else is refused naming the word, so nothing
// a user meant as a field is filed as a note. quoted words stay as typed.
func (s *Service) readNoteWords(d *entryDraft, words []string, programs []Program, cmd string) ([]string, *Reply) {
	refuse := func(id string, args ...any) ([]string, *Reply) {
		r := s.refuse(cmd, s.msg(id, args...))
		return nil, &r
	}
	index := s.programIndex(programs)
	// the entry's own program by another of its names (invest 기업유치) is
	// an ordinary note word
	own, ownFound := index.find(programs, d.program)
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := words[i]
		if strings.HasPrefix(w, `"`) || strings.HasPrefix(w, "“") {
			out = append(out, w)
			continue
		}
		label := strings.TrimSpace(strings.TrimSuffix(w, ":"))
		if key, ok := bareLabels[label]; ok {
			// a lone ":" after the label (날짜 : 5/5) belongs to it
			next := i + 1
			if next < len(words) && words[next] == ":" {
				next++
			}
			switch {
			case key == "note":
				// 메모 without its colon still says the rest is a note
				d.labelledNote = strings.Join(words[next:], " ")
				return out, nil
			case key == "dept" && d.department == "" && next < len(words):
				d.department = words[next]
				i = next
				continue
			case key == "date" && d.date != nil,
				key == "status" && d.status != "",
				key == "type" && d.employment != "":
				i = next - 1 // the field was read from the words after it
				continue
			}
			return refuse("note_words.label_needs_colon", "Label", label)
		}
		if ownFound && fold(w) != "" && (fold(w) == fold(d.program) || fold(w) == fold(d.programTyped)) {
			// 추가 5 노인 노인: the program typed twice, said so rather
			// than as a word that reads as nothing (k44 F14).
			return refuse("k44.program_twice", "Word", w, "Program", s.programLabel(own))
		}
		if p, ok := index.find(programs, w); ok && !(own.ID == p.ID && ownFound) {
			return refuse("note_words.second_program", "Word", w, "Program", s.programLabel(p))
		}
		if m, d, ok := digitsDate(w); ok {
			// 1207 after the count: 12/7 typed without its dot, or a
			// second figure; neither is guessed (k44 F14).
			return refuse("k44.digits_date", "Typed", w, "Month", m, "Day", d)
		}
		if n, ok := noteCount(w); ok {
			// 누계 6,000, (2,500), 3천, 3명: a second figure is no note
			// (review r1 S2); the same figure again is said to be that.
			first := numbers.Format(d.count.Value)
			if d.count.Approximate {
				first += "여"
			}
			if n.Value == d.count.Value {
				return refuse("entries.same_count_twice", "First", first, "Second", w)
			}
			return refuse("entries.note_holds_second_count", "First", first, "Second", w)
		}
		out = append(out, w)
	}
	return out, nil
}

// noteCount reads a note word that is a count of jobs: a number with or
// without 명/개 (6,000, 3천, 3명), bracketed or not ((2,500)). A number with
// another suffix (2차, 3층, 3개사, 5건, 500만원) is a note word.
func noteCount(w string) (numbers.Number, bool) {
	n, err := numbers.Parse(stripBrackets(w))
	if err != nil || !(n.Counter == "" || n.Counter == "명" || n.Counter == "개") {
		return numbers.Number{}, false
	}
	return n, true
}
