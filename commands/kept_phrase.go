package commands

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Review r31 F1/F9/F11: the line kept on the typed date dropped only the
// date word a note was read by, and left its suffix behind: `12. 3.자 채용`
// kept as `자 채용`, `11월 말경 입사` as `경 입사`, `3일자로 입사` as `로
// 입사`, `hired on 12/3` as `hired on`. The whole date phrase is dropped:
// the word, the words glued or spaced after it that belong to the date
// (자, 말, 경, 쯤, 부터, 까지, 기준, 현재, particles) and, in English, the
// preposition before it.

// keptDateSuffixes follow a date word and belong to it (12/3자, 11월 말경,
// 3일자로, 11/30부터, 11월 중순, 12/3 기준), longest first so 자로 is taken
// before 자.
var keptDateSuffixes = []string{"일자로", "일자", "동안", "오전", "오후", "자로", "부로", "즈음", "무렵", "부터", "까지", "기준", "현재", "초순", "중순", "하순",
	"에는", "날에", "일", "자", "부", "말", "경", "쯤", "께", "초", "중", "에", "날", "의", "로"}

// keptDatePrefixes come before an English date and belong to it (hired on
// 12/3, as of Dec 3, at the end of November, for November), longest first.
var keptDatePrefixes = []string{"at the end of", "by the end of", "the end of", "end of", "in late", "in early", "in mid", "as of",
	"since", "from", "until", "late", "early", "mid", "for", "on", "in", "by", "at"}

// datePhrase is the phrase of note holding word, a date it names: word
// with the suffixes after it and the English preposition before it, as
// written in note; word when note does not hold it.
func datePhrase(note, word string) string {
	i := strings.Index(note, word)
	if word == "" || i < 0 {
		return word
	}
	start, end := i, i+len(word)
	for {
		rest := note[end:]
		gap := len(rest) - len(strings.TrimLeft(rest, " "))
		if gap == 0 && strings.HasPrefix(rest, ".") {
			gap = 1 // 12. 3.자: the date's stop before its suffix
		}
		if gap > 1 {
			break
		}
		found := false
		for _, s := range keptDateSuffixes {
			after, ok := strings.CutPrefix(rest[gap:], s)
			if ok && phraseEnds(after) {
				end += gap + len(s)
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	before := strings.ToLower(note[:start])
	for _, p := range keptDatePrefixes {
		if b, ok := strings.CutSuffix(before, p+" "); ok && (b == "" || strings.HasSuffix(b, " ")) {
			start -= len(p) + 1
			break
		}
	}
	return note[start:end]
}

// phraseEnds says after, the note after a suffix, starts a new word: the
// end, a space, a stop or a bracket, or another suffix (말경, 일자로).
func phraseEnds(after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	if after == "" || unicode.IsSpace(r) || unicode.IsPunct(r) {
		return true
	}
	for _, s := range keptDateSuffixes {
		if strings.HasPrefix(after, s) && phraseEnds(after[len(s):]) {
			return true
		}
	}
	return false
}
