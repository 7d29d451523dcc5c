package commands

import (
	"regexp"
	"slices"
	"strings"

	"jobsbot/commands/numbers"
)

// Review r24 F1, F16, F20: a note whose meaning contradicts how the line is
// filed was stored silently: `추가 청년 60 메모:11월말 누계` added 60 to a
// 47 누계 (the 60 was the total), `추가 청년 3 메모:퇴사 3명 차감` added 3
// (three jobs were lost), and `추가 투자 100 약정 메모:채용 완료` filed an
// agreement not counted while the note says the people are hired. A note
// never sets a field, so such a line is refused, nothing written, and the
// reply gives the lines to type for each reading.

var (
	// noteTotalStems say the figure is a running total (누계, 누적, 합계).
	noteTotalStems = []string{"누계", "누적", "합계", "총계", "누계치", "누적치", "누계인원", "누적인원", "누계실적",
		"누적실적", "연간누계", "연간누적", "현재누계", "누적합계", "누계합계"}
	// noteTotalEndings end such a word when it says what the figure is
	// (누계임, 누계로, 누계 기준); 누계와, 누계에, 누계포함 say something else.
	noteTotalEndings = []string{"", "임", "이다", "입니다", "로", "으로", "기준", "값", "치", "수치", "인원", "현황", "보고"}
	// noteTotalNotKind follow a total word that is not the figure's kind:
	// 누계 반영분 and 누계 포함 are a delta going into the total.
	noteTotalNotKind = []string{"반영", "반영분", "반영함", "포함", "포함분", "미포함", "미반영", "별도", "제외", "대비", "외",
		"아님", "아닌", "아니고", "아니라", "아님.", "증가", "증가분", "추가분", "추가", "에", "와", "과", "미산입", "산입"}

	// noteDecreaseExtra are decrease words a note says beside decreaseStems.
	noteDecreaseExtra = []string{"마이너스", "minus", "deducted", "deduct", "subtract", "subtracted"}
	// noteDecreaseNotKind follow a decrease word that names a subject, not
	// the figure going down: 감소 아님, 인구 감소 지역, 이탈 방지 교육.
	noteDecreaseNotKind = []string{"아님", "아닌", "아니고", "아니라", "없음", "무관", "방지", "예방", "우려", "대응", "대책", "지역",
		"위기", "위험", "예방교육", "방지교육", "not"}
	// noteReplacement says the people replace those who left (퇴사자 충원):
	// new hires, not a decrease.
	noteReplacement = []string{"재취업", "재고용", "재창업", "재입사", "재채용", "충원", "대체", "후임", "보충", "replace",
		"replaces", "replaced", "replacement", "replacing"}

	// reNoteHired finds the words of a note saying the people are hired.
	reNoteHired = regexp.MustCompile(`(?i)((채용|입사|취업|고용) ?(완료|됨|됐음|되었음|했음|하였음|함|완)|채용된|입사한|입사했|채용했|(already |been )hired|hiring (is )?(done|complete))`)
	// reNoteHireToCome are words saying the hire is still to come: 채용 완료
	// 예정 is no hire.
	reNoteHireToCome = regexp.MustCompile(`(?i)(예정|계획|목표|전까지|후 |not yet|planned|to be)`)
)

// noteFields are a note's words, folded and without brackets or stops.
func noteFields(note string) (raw, folded []string) {
	raw = strings.Fields(note)
	folded = make([]string, len(raw))
	for i, w := range raw {
		folded[i] = strings.TrimRight(fold(stripBrackets(w)), ",.;:·")
	}
	return raw, folded
}

// noteSaysTotal returns the words of a note saying its figure is a 누계
// (`11월말 누계`, `현재 누계`, `누계 60`), or "". A total given as another
// figure (`누계 60` on a line of 13) is the total beside the delta, not the
// line's kind.
func noteSaysTotal(note string, count int64) string {
	raw, f := noteFields(note)
	otherCount := func(i int) bool {
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < len(f) {
				if n, ok := noteCount(f[j]); ok && n.Value != count {
					return true
				}
			}
		}
		return false
	}
	for i, w := range f {
		next := ""
		if i+1 < len(f) {
			next = f[i+1]
		}
		kind := false
		for _, s := range noteTotalStems {
			if rest, ok := strings.CutPrefix(w, s); ok && slices.Contains(noteTotalEndings, rest) {
				kind = true
			}
		}
		switch {
		case w == "cumulative" || w == "ytd" || w == "year-to-date":
			kind = i == 0 || f[i-1] != "not"
		case (w == "running" || w == "cumulative") && next == "total",
			w == "total" && next == "to" && i+2 < len(f) && f[i+2] == "date":
			kind = i == 0 || f[i-1] != "not"
		case w == "총" || w == "total":
			// 총 60명: the line's own figure called the total
			if n, ok := noteCount(next); ok && n.Value == count {
				return raw[i] + " " + raw[i+1]
			}
		}
		if kind && !slices.Contains(noteTotalNotKind, next) && !otherCount(i) {
			return strings.TrimRight(raw[i], ")]}）,.")
		}
	}
	return ""
}

// noteSaysDecrease returns the word of a note saying the jobs went down
// (퇴사, 차감, 감소, 이탈, 중도 포기, 해고, 계약 해지, 마이너스), or "".
// 퇴사자 충원, 인구 감소 지역, 감소 아님 and English `who left` stay notes.
func noteSaysDecrease(note string) string {
	raw, f := noteFields(note)
	if slices.ContainsFunc(f, func(w string) bool { return containsAny(w, noteReplacement) }) {
		return ""
	}
	for i, w := range f {
		next, prev := "", ""
		if i+1 < len(f) {
			next = f[i+1]
		}
		if i > 0 {
			prev = f[i-1]
		}
		if slices.Contains(noteDecreaseNotKind, next) || prev == "인구" || prev == "not" || prev == "no" {
			continue
		}
		if w == "중도" && (strings.HasPrefix(next, "포기") || strings.HasPrefix(next, "탈락")) {
			return raw[i] + " " + raw[i+1] // 중도 포기, 중도 탈락 2명 (review r26 M2)
		}
		if strings.HasPrefix(w, "중도탈락") || quitWord(w, next) {
			return strings.TrimRight(raw[i], ")]}）,.")
		}
		if (w == "left" || w == "quit") && i+2 < len(f) && slices.Contains([]string{"the", "their", "his", "her"}, next) &&
			hasAnyPrefix(f[i+2], []string{"job", "program", "position", "post", "work"}) || w == "dropped" && next == "out" {
			// `2 left the job`, `dropped out`: English leaving a job (a bare
			// `who left` stays a note)
			return strings.Join(raw[i:min(i+3, len(raw))], " ")
		}
		if slices.Contains(noteDecreaseExtra, w) {
			return raw[i]
		}
		for _, s := range decreaseStems {
			if !isHangul(s) && s != "decrease" && s != "decreased" && s != "decreases" {
				continue // `who left`, `quit smoking`: English words of leaving are too common in a note
			}
			for _, e := range decreaseEndings {
				if w == s+e {
					return strings.TrimRight(raw[i], ")]}）,.")
				}
			}
		}
	}
	return ""
}

// quitWord says w is 그만두다 said of the people (그만둠, 그만뒀음,
// 그만두었음, 그만둔, 그만두고): they left, a decrease (review r26 M2);
// `그만두지 않음` is none.
func quitWord(w, next string) bool {
	if !strings.HasPrefix(w, "그만두") && !strings.HasPrefix(w, "그만둠") && !strings.HasPrefix(w, "그만뒀") && !strings.HasPrefix(w, "그만둔") {
		return false
	}
	return !strings.HasPrefix(w, "그만두지") && !strings.HasPrefix(next, "않")
}

// isHangul says s begins with a Hangul syllable.
func isHangul(s string) bool {
	for _, r := range s {
		return r >= '가' && r <= '힣'
	}
	return false
}

// noteSaysHired returns the words of a note saying the people are hired
// (채용 완료, 입사 완료, 채용됨, 채용했음), or "" (none, or the hire is
// still to come: 채용 완료 예정).
func noteSaysHired(note string) string {
	if reNoteHireToCome.MatchString(note) {
		return ""
	}
	return noteWordsOf(reNoteHired, note)
}

// emptyBrackets is a bracket pair holding nothing but punctuation and
// spaces, as a note's date leaves it when taken out.
var emptyBrackets = regexp.MustCompile(`[(\[{<（［〔〈《【]\s*[.,·:;/~\-]*\s*[)\]}>）］〕〉》】]`)

// withoutNoteWords is the note with words taken out, its spaces collapsed
// and the punctuation left at its ends trimmed (`12. 17. 기준` without
// `12. 17` is `기준`, not `. 기준`).
func withoutNoteWords(note, words string) string {
	note = strings.Replace(note, words, "", 1)
	// "지난주" 행사 참여 without its word: no empty quotes left (review r30 M2)
	for _, q := range []string{`""`, "“”", "''", "‘’", "「」", "『』"} {
		note = strings.Replace(note, q, "", 1)
	}
	// MOU 체결(11.19.) without its date: no "(.)" left (review r32 F3).
	note = emptyBrackets.ReplaceAllString(note, "")
	// hired yesterday, interviewed … without yesterday: no `hired ,` (offered8)
	note = spaceBeforeComma.ReplaceAllString(strings.Join(strings.Fields(note), " "), "$1")
	return strings.Trim(note, " .,·:;/-~")
}

// spaceBeforeComma is the space a word taken out leaves before a comma.
var spaceBeforeComma = regexp.MustCompile(` +([,;])`)

// NoteContradiction is how a note contradicts the way its entry is filed.
type NoteContradiction int

const (
	NoteAgrees       NoteContradiction = iota
	NoteSaysDecrease                   // 퇴사 3명 차감 on an add
	NoteSaysTotal                      // 11월말 누계 on a delta
	NoteSaysHired                      // 채용 완료 on an agreement (약정)
)

// NoteContradicts finds what a note says against how its entry is filed
// (review r24 F1, F16, F20): a decrease (not on a hire of an agreement), a
// running total beside a delta of count, or people hired on an agreement;
// with the note's words. One check for the typed line (noteContradicts)
// and an imported row (package importer, review r25), so a file cannot
// store what typing refuses.
func NoteContradicts(note string, count int64, cumulative bool, status EntryStatus, agreementHire bool) (NoteContradiction, string) {
	if note == "" {
		return NoteAgrees, ""
	}
	if words := noteSaysDecrease(note); words != "" && !agreementHire {
		return NoteSaysDecrease, words
	}
	if !cumulative {
		if words := noteSaysTotal(note, count); words != "" {
			return NoteSaysTotal, words
		}
	}
	if status == StatusAgreed && !agreementHire {
		if words := noteSaysHired(note); words != "" {
			return NoteSaysHired, words
		}
	}
	return NoteAgrees, ""
}

// noteContradicts refuses a draft whose note contradicts how it would be
// filed (review r24 F1, F16, F20): the reply names the note's words and
// gives the lines to type, each as the add form's line of the entry.
func (s *Service) noteContradicts(p Program, d entryDraft, e NewEntry) string {
	how, words := NoteContradicts(d.note, d.count.Value, d.cumulative, e.Status, d.agreementHire)
	count := s.approx(numbers.Format(d.count.Value), d.count.Approximate)
	switch how {
	case NoteSaysDecrease:
		plain := e
		plain.Note = ""
		return s.msg("k61.note_says_decrease", "Words", words, "Count", count, "Line", s.formLine(plain, p))
	case NoteSaysTotal, NoteSaysHired:
		// 확인:예 passes neither (review r29 B2: a 누계 note on a delta, or
		// 채용 완료 on an agreement, was filed as typed).
		if how == NoteSaysTotal {
			total := s.cumulativeLine(p, count, e.AsOf) + " " + s.msg("form.add_line_note", "Note", e.Note)
			return s.msg("k61.note_says_total", "Words", words, "Count", count, "Total", total, "Delta", s.keptFormLine(e, p, words))
		}
		hired := e
		hired.Status, hired.Note = StatusRealised, ""
		return s.msg("k61.agreed_note_hired", "Words", words, "Count", count, "Hire", commandName(cmdHire),
			"Realised", s.formLine(hired, p)+" "+s.msg("k61.status_realised")+" "+s.msg("form.add_line_note", "Note", e.Note), "Agreed", s.keptFormLine(e, p, words))
	}
	return ""
}

// keptFormLine is the line filing e as typed without the note's words
// that read otherwise (the note kept whole with 확인:예 let 확인:예 pass the
// check: review r29 B2).
func (s *Service) keptFormLine(e NewEntry, p Program, words string) string {
	e.Note = withoutNoteWords(e.Note, words)
	return s.formLine(e, p)
}
