package commands

import (
	"slices"
	"strings"
	"unicode"
)

// placeholderWords are the words the usage lines hold a reason's place
// with (`정정 <번호> <수> <사유>`, `void <number> <reason>`), and the words
// typed to fill the field without saying why (review r38 M1: 없음, n/a).
var placeholderWords = []string{"사유", "이유", "reason", "바른사유", "사유입력",
	"없음", "없다", "없슴", "없어요", "없습니다", "사유없음", "이유없음", "해당없음", "무",
	"none", "nothing", "noreason", "n/a", "na", "nil", "null", "ok", "okay", "yes", "no"}

// keyboardRows are the rows of a keyboard, whose runs (asdf, qwer, 1234)
// are typed to fill a field, not to say anything.
var keyboardRows = []string{"qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"}

// placeholderReason reports whether a reason is only a placeholder: the
// usage line's (<사유>, ‹사유›, <reason>, or 사유 / reason alone; typed back
// from an offered line, `<사유>` was kept as the official reason of a
// closed month's 정정, review r34 F4), or anything typed to fill the field
// that says nothing of why (review r38 M1: x, 없음, ㅇ, ., -, asdf): a
// reason is kept in the audit record as the official's word.
func placeholderReason(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.ContainsFunc(strings.Trim(s, "\"'`“”‘’ "), func(r rune) bool {
		return saysSomething(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	}) {
		return false // nothing visible: no reason, refused as such
	}
	inner := strings.Trim(s, "<>‹›〈〉《》«»[](){}「」『』\"'`“”‘’ ….:-–—_~?!*#/=+,;|\\")
	inner = strings.Join(strings.Fields(fold(inner)), "")
	if slices.Contains(placeholderWords, inner) {
		return true
	}
	runes := []rune(inner)
	if len(runes) <= 1 {
		// punctuation alone (., -) or one letter (x, ㅇ); one Hangul
		// syllable is a word (`또`: again) and stands
		return len(runes) == 0 || !unicode.Is(unicode.Hangul, runes[0]) || runes[0] >= 0x3131 && runes[0] <= 0x318E
	}
	if strings.Count(inner, string(runes[0])) == len(runes) {
		return true // one letter repeated: xxx, ㅇㅇ, ...
	}
	jamo := true
	for _, r := range runes {
		jamo = jamo && r >= 0x3131 && r <= 0x318E // ㄱ..ㆎ: letters not made into syllables
	}
	if jamo {
		return true // ㅁㄴㅇㄹ, ㅇㅋ
	}
	if len(runes) >= 3 {
		for _, row := range keyboardRows {
			if strings.Contains(row, inner) {
				return true // asdf, qwer, 123
			}
		}
	}
	return false
}

// refusePlaceholderReason refuses a line whose reason is only a
// placeholder, for every command a reason goes with (정정, 무효, 마감
// 해제, 목표): nothing is written.
func refusePlaceholderReason(cmd *Command) error {
	reason := cmd.Opts.Reason
	if cmd.Name == cmdVoid {
		reason = strings.TrimSpace(cmd.Opts.Note + " " + reason) // 무효's trailing words are its reason
	}
	if !placeholderReason(reason) {
		return nil
	}
	return usageErr(cmd.Name, "r34b.placeholder_reason", "Typed", strings.TrimSpace(reason))
}
