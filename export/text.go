package export

import (
	"jobsbot/commands"
)

// plainText is text typed by staff as a spreadsheet cell holds it: the
// characters that change how text shows without showing themselves
// (commands.CleanText: bidi controls, zero-width characters and joiners,
// the soft hyphen, invisible operators, byte-order marks, Hangul fillers)
// removed, in NFC: the note as typed text is read and stored. They can
// make a note read backwards, hide what a cell really holds, or sit in front
// of an = and slip it past the formula check; staff text never needs them in
// a spreadsheet. Every text cell of every export goes through it, before
// csvText's formula check.
func plainText(s string) string {
	return commands.CleanText(s)
}
