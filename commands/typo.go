package commands

import (
	"strings"
	"unicode/utf8"
)

// resemblingCommand returns the command word an unknown first word is one
// letter away from (추기 → 추가, 현항 → 현황, stauts → status), or "". The
// reply then suggests that command rather than putting 추가 in front of
// the typo (review 19: `추가 추기 10 청년`).
func resemblingCommand(word string) string {
	typed := []rune(fold(word))
	if len(typed) < 2 {
		return ""
	}
	for _, s := range commandTable {
		if strings.Contains(s.Name, " ") {
			continue
		}
		for _, w := range s.Words {
			if oneEditApart(typed, []rune(fold(w))) {
				return w
			}
		}
	}
	return ""
}

// oneEditApart reports whether a becomes b by changing, adding or dropping
// exactly one letter (or swapping two neighbours). A changed Hangul
// syllable counts as one letter only if one of its jamo changed (추기 →
// 추가, 현항 → 현황); 약정 is no typo of 정정, whose first syllable differs
// in all three.
func oneEditApart(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		diff := []int{}
		for i := range a {
			if a[i] != b[i] {
				diff = append(diff, i)
			}
		}
		if len(diff) == 1 {
			return oneLetter(a[diff[0]], b[diff[0]])
		}
		return len(diff) == 2 && diff[1] == diff[0]+1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return string(a[i:]) == string(b[i+1:])
	}
	return false
}

// Hangul syllables (U+AC00–U+D7A3) are composed as
// 0xAC00 + (initial*21 + medial)*28 + final.
const (
	hangulFirst  = 0xAC00
	hangulLast   = 0xD7A3
	hangulFinals = 28
	hangulVowels = 21
)

// oneLetter reports whether x and y, one letter apart, differ by one typed
// letter: any two runes that are not both Hangul syllables, or syllables
// that differ in exactly one of their initial, medial and final jamo.
func oneLetter(x, y rune) bool {
	if x < hangulFirst || x > hangulLast || y < hangulFirst || y > hangulLast {
		return true
	}
	jamo := func(r rune) [3]rune {
		r -= hangulFirst
		return [3]rune{r / (hangulVowels * hangulFinals), r / hangulFinals % hangulVowels, r % hangulFinals}
	}
	a, b := jamo(x), jamo(y)
	n := 0
	for i := range a {
		if a[i] != b[i] {
			n++
		}
	}
	return n == 1
}

// gluedCommand reads a first word that is a Korean command with the next
// word glued to it (`추가청년`, `정정12`, review r20 round 2): the command
// and the rest, or "" when the word starts with no command. The longest
// command word wins (목록 before 목).
func gluedCommand(word string) (command, rest string) {
	for _, s := range commandTable {
		for _, w := range s.Words {
			if w == "" || w[0] < utf8.RuneSelf || len(w) <= len(command) {
				continue // English words: `addition` is no glued `add`
			}
			if r, ok := strings.CutPrefix(word, w); ok && r != "" {
				command, rest = w, r
			}
		}
	}
	return command, rest
}
