package commands

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// CleanName is the one normalisation of every name the ledger stores
// (departments, programs, candidates) and of every name typed to look one
// up: Unicode NFC, without zero-width and bidirectional control characters,
// with runs of white space made one space and the ends trimmed. Without it,
// "복지정책과" with a zero-width space inside, or in decomposed jamo, would be a
// second, look-alike department that splits the totals.
func CleanName(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case Invisible(r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Invisible reports zero-width characters and bidirectional controls: they
// change nothing a reader sees but make two names differ, make a note read
// backwards, or slip an = past a spreadsheet's formula check. It is the one
// list: CleanName, the exports (export.plainText) and the database's
// clean_name (migration 00010) strip the same set.
func Invisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, // zero-width space, (non-)joiner, LRM, RLM
		r >= 0x202A && r <= 0x202E, // bidi embeddings and overrides
		r >= 0x2060 && r <= 0x2064, // word joiner and invisible operators
		r >= 0x2066 && r <= 0x2069, // bidi isolates
		r == 0xFEFF, r == 0x061C, r == 0x180E, r == 0x00AD:
		return true
	}
	return false
}

// Ignorable reports the code points Unicode says a reader does not see
// (Default_Ignorable_Code_Point, as near as Go's tables give it): format
// characters (category Cf: the soft hyphen, zero-width characters, bidi
// marks, tags), the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0),
// variation selectors and the combining grapheme joiner. Invisible is a
// subset. The prepended concatenation marks (U+0600…) are Cf but show.
func Ignorable(r rune) bool {
	if r < 0xAD {
		return false
	}
	if unicode.Is(unicode.Cf, r) {
		return !unicode.Is(unicode.Prepended_Concatenation_Mark, r)
	}
	return unicode.In(r, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
}

// CleanText is typed text as it is read, stored and exported: without the
// Ignorable code points and in NFC. Every command line (Parse), every field
// of the add form and every imported cell goes through it before it is
// read, so a note's `내\u00AD일` or decomposed `어제` is the word it shows
// to every date and future check, and the export writes the note stored
// (review r35 B4). The marks Parse refuses (firstInvisible) are refused
// before it.
func CleanText(s string) string {
	return cleanMarks(s, Ignorable)
}

// CleanCell is CleanText for a cell of an imported file: the marks a typed
// line is refused for (a direction override, a zero-width space) stay in
// the cell, so the file's checks refuse it as the console refuses the line
// (review r38 B4: `1‮23` showed 132 and was stored as 123).
func CleanCell(s string) string {
	return cleanMarks(s, func(r rune) bool { return Ignorable(r) && !refusedMark(r) })
}

// cleanMarks is s without the marks drop says to drop, in NFC.
func cleanMarks(s string, drop func(rune) bool) string {
	if strings.IndexFunc(s, drop) >= 0 {
		s = strings.Map(func(r rune) rune {
			if drop(r) {
				return -1
			}
			return r
		}, s)
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// cleanNames applies CleanName to each name, dropping those left empty.
func cleanNames(names []string) []string {
	if names == nil {
		return nil
	}
	out := make([]string, 0, len(names))
	for _, n := range names {
		if c := CleanName(n); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// CleanReason is a reason (사유) as it is checked and stored: CleanName's
// cleaning (NFC, no zero-width or bidi characters, spaces collapsed) with
// control characters dropped too. Every "a reason is required" check tests
// what it returns, so a reason made only of invisible characters is none.
func CleanReason(s string) string {
	s = CleanName(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
	// Quotes around nothing ("  ") and Hangul fillers (ㅤ, which Go counts
	// as a letter) look typed but say nothing: a reason needs a real letter
	// or digit.
	s = strings.TrimSpace(strings.Trim(s, "\"'`“”‘’ "))
	if !strings.ContainsFunc(s, saysSomething) {
		return ""
	}
	return s
}

// saysSomething reports whether r is a letter or digit a reader sees: the
// Hangul fillers are letters to Unicode but print as blanks.
func saysSomething(r rune) bool {
	switch r {
	case 0x3164, 0x115F, 0x1160, 0xFFA0:
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
