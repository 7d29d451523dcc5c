package commands

import "strings"

// CodeSpanText is user text made safe to show inside a code span
// (`…`): its backticks are left out, since one would close the span and
// show the rest of the reply as code (minor43: the combining-mark refusal
// named a cell word holding a backtick inside backquotes). Every reply
// that quotes a user's word in backquotes passes it through here.
func CodeSpanText(s string) string {
	return strings.ReplaceAll(s, "`", "")
}
