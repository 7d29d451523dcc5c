package commands

import (
	"regexp"
	"strings"
)

// reUnreadDayLike is a word that names a day though the date reader did
// not read it: a weekday in any spelling (목욜쯤, 수요일께, thursdayish) or
// a day counted from today (어제께, 그저께쯤).
var reUnreadDayLike = regexp.MustCompile(`(?i)[월화수목금토일](?:요일|욜)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|어제|그제|그저께|엊그제`)

// unreadDayLike is the unread words when one of them looks like a day.
// Review r34 F1: the line offered for an unread `목욜` moved it after 메모:,
// and typed back it filed the figure on today without a word, so such a
// word is refused naming it and asking for the day after 날짜:, with no
// line that keeps it in the note.
func unreadDayLike(unread []string) string {
	for _, u := range unread {
		if reUnreadDayLike.MatchString(u) {
			return strings.Join(unread, " ")
		}
	}
	return ""
}
