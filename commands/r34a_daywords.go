package commands

import (
	"regexp"
	"slices"
	"strings"
	"time"
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

// sameWeekdayWords are a weekday alone, as a line's date (금요일, 금욜,
// friday, on friday), spaces taken out.
var sameWeekdayWords = map[string]bool{
	"월요일": true, "화요일": true, "수요일": true, "목요일": true, "금요일": true, "토요일": true, "일요일": true,
	"월욜": true, "화욜": true, "수욜": true, "목욜": true, "금욜": true, "토욜": true, "일욜": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// askSameWeekday asks about an add dated by a weekday alone typed on that
// weekday (review r34 F9: `금요일` typed on a Friday was filed today
// without a word, while an official who means today writes 오늘 and one
// who writes 금요일 on a Friday often means the Friday just past). The
// reply offers both lines, today's and last week's, the rest of the line
// as typed.
func askSameWeekday(cmd *Command, typed, raw string, d, today time.Time) error {
	if cmd.Name != cmdAdd || d.Year() != today.Year() || d.YearDay() != today.YearDay() {
		return nil
	}
	w := strings.ToLower(strings.ReplaceAll(typed, " ", ""))
	w = strings.TrimPrefix(w, "on")
	if !sameWeekdayWords[w] {
		return nil
	}
	at := strings.Index(cmd.Line, raw)
	if at < 0 {
		return nil
	}
	for _, f := range strings.Fields(cmd.Line) {
		if strings.Contains(f, ":") {
			break // the note and the options: the user's own words
		}
		if slices.Contains(forwardWords, strings.ToLower(f)) {
			return nil // 금요일 다음 주: a day to come, refused as such (review r32 F1)
		}
	}
	before := strings.TrimSpace(cmd.Line[:at])
	after := strings.TrimRight(cmd.Line[at+len(raw):], " ")
	last := d.AddDate(0, 0, -7)
	return usageErr(cmd.Name, "r34a.same_weekday_ask", "Typed", typed, "Before", before, "After", after,
		"Today", dateArg(d), "Last", dateArg(last))
}
