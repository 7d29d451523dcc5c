package export

import "strings"

// invisibleText drops the characters that change how text shows without
// showing themselves: the Unicode bidi controls (embeddings, overrides,
// isolates and marks), which can make a note read backwards or hide what a
// cell really holds, and the zero-width and byte-order marks, which can sit
// in front of an = and slip it past the formula check. Staff text never
// needs them in a spreadsheet.
var invisibleText = strings.NewReplacer(
	"\u202A", "", "\u202B", "", "\u202C", "", "\u202D", "", "\u202E", "", // embeddings, overrides
	"\u2066", "", "\u2067", "", "\u2068", "", "\u2069", "", // isolates
	"\u200E", "", "\u200F", "", "\u061C", "", // marks
	"\u200B", "", "\u2060", "", "\uFEFF", "", // zero-width space, word joiner, BOM
)

// plainText is text typed by staff as a spreadsheet cell holds it: the
// invisible characters above removed. Every text cell of every export goes
// through it, before csvText's formula check.
func plainText(s string) string { return invisibleText.Replace(s) }
