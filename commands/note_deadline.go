package commands

import (
	"regexp"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// A month or day followed by 까지 in a note (`6월말까지 채용`, `3/31까지`),
// or after by, until, no later than in English (`hiring by June`), is a
// deadline: when the people are to be (or were) hired, never the month of
// the figure. Read as the figure's month, `C사 MOU, 6월말까지 채용` on an
// agreement signed 2027. 1. 6. was asked as last year's June figure and the
// line offered filed the MOU in June 2026, while the line keeping the date
// dropped the deadline (review r43 F2).
var (
	reDeadlineKo  = regexp.MustCompile(`(?:(?P<y>20[0-9]{2}) ?년 ?)?(?P<m>1[0-2]|0?[1-9]) ?월 ?(?:(?P<d>[12][0-9]|3[01]|0?[1-9]) ?일|(?P<w>말일|말|초순|초|중순|하순|중|안|내))? ?까지`)
	reDeadlineNum = regexp.MustCompile(`(?:(?P<y>20[0-9]{2}) ?[./] ?)?(?P<m>1[0-2]|0?[1-9]) ?[./] ?(?P<d>[12][0-9]|3[01]|0?[1-9])\.? ?(?:일 ?)?까지`)
	reDeadlineEn  = regexp.MustCompile(`(?i)\b(?:by|until|till|no later than|not later than)\s+(?:the\s+)?(?:(?P<w>end|middle|mid|start|beginning|early|late)(?:\s+of\s+|-|\s+))?` +
		`(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?` +
		`(?:\s+(?P<d>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<y>20[0-9]{2})\b)?`)
	reDeadlineEnNum = regexp.MustCompile(`(?i)\b(?:by|until|till|no later than|not later than)\s+(?:(?P<y>20[0-9]{2})-)?(?P<m>1[0-2]|0?[1-9])[/-](?P<d>[12][0-9]|3[01]|0?[1-9])\b`)
)

// noteDeadline is a deadline a note names: its words as typed and the last
// day it allows.
type noteDeadline struct {
	word string
	day  time.Time
	s, e int  // its span in the note
	year bool // the year was typed
}

// noteDeadlines returns the note with its deadlines blanked out (spaces of
// the same length, so the other readers' offsets and words stay those of
// the note) and the deadlines, each dated the last day it allows. A month
// without a year is the nearest one to asOf: `6월말까지` on 2027. 1. 6. is
// June 2027, `10월말까지 채용 완료` on 2026. 11. 30. October 2026.
func noteDeadlines(note string, asOf time.Time) (masked string, found []noteDeadline) {
	b := []byte(note)
	for _, re := range []*regexp.Regexp{reDeadlineKo, reDeadlineNum, reDeadlineEn, reDeadlineEnNum} {
		for _, loc := range re.FindAllStringSubmatchIndex(string(b), -1) {
			if loc[0] > 0 && strings.ContainsAny(string(b[loc[0]-1:loc[0]]), "0123456789./-~") {
				continue // the 2 of 12월까지, the 11 of 2026.11.30까지, 12/28~12/31까지
			}
			if before := strings.TrimSpace(string(b[:loc[0]])); strings.HasSuffix(before, "부터") || strings.HasSuffix(before, "~") {
				continue // 12/28부터 12/31까지 입사: a period's end, read as the period
			}
			group := func(name string) string {
				i := re.SubexpIndex(name)
				if i < 0 || loc[2*i] < 0 {
					return ""
				}
				return string(b[loc[2*i]:loc[2*i+1]])
			}
			month := atoiOr(group("m"))
			if mon := strings.ToLower(group("mon")); mon != "" {
				month = strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", mon[:3])/3 + 1
			}
			if month < 1 || month > 12 {
				continue
			}
			day := atoiOr(group("d"))
			switch strings.ToLower(group("w")) {
			case "초", "초순", "start", "beginning", "early":
				day = 10
			case "중순", "middle", "mid":
				day = 20
			}
			year := atoiOr(group("y"))
			last := func(y int) time.Time {
				end := dates.On(y, time.Month(month)+1, 0)
				if day >= 1 && day < end.Day() {
					return dates.On(y, time.Month(month), day)
				}
				return end
			}
			var when time.Time
			if year > 0 {
				when = last(year)
			} else {
				when = last(asOf.Year())
				if when.Before(asOf.AddDate(0, -6, 0)) {
					when = last(asOf.Year() + 1) // 2월까지 typed in December: next February
				} else if when.After(asOf.AddDate(0, 6, 0)) {
					when = last(asOf.Year() - 1) // 12월까지 채용 완료 typed in January: the December past
				}
			}
			found = append(found, noteDeadline{word: strings.TrimSpace(string(b[loc[0]:loc[1]])), day: when, s: loc[0], e: loc[1], year: year > 0})
			for i := loc[0]; i < loc[1]; i++ {
				b[i] = ' '
			}
		}
	}
	return string(b), found
}

// deadlineToCome is the first deadline of the note after asOf, or "": on
// realised jobs, a deadline to come says the people are not all hired yet
// (`6월말까지 채용` on 2027. 1. 6.), a start to come as NoteStartsLater's
// words are. A deadline passed (`10월말까지 채용 완료` on 2026. 11. 30.)
// says by when they were hired, not in which month: the figure keeps its
// date.
func deadlineToCome(found []noteDeadline, asOf time.Time) string {
	for _, d := range found {
		if d.day.After(asOf) {
			return d.word
		}
	}
	return ""
}

// deadlinesToComeMasked is the note of an agreement dated asOf with only
// its deadlines to come blanked out (spaces, as noteDeadlines blanks
// them). A deadline to come is the agreement's plan, no month of the
// figure; one already past (`11월까지 체결분` typed in December) names
// the month the figure is of, asked as on realised jobs (review r46 M4:
// every 까지 was read past, and the December entry was filed unasked).
// A month without a year more than three months back is as likely next
// year's plan (`6월말까지 채용` on an MOU of 12. 4.): kept, as the months
// ahead a start is read in are three (dateIsLater).
func deadlinesToComeMasked(note string, found []noteDeadline, asOf time.Time) string {
	b := []byte(note)
	for _, d := range found {
		if !d.day.After(asOf) && (d.year || d.day.After(asOf.AddDate(0, -3, 0))) {
			continue // a month past: asked as the figure's month
		}
		for i := d.s; i < d.e && i < len(b); i++ {
			b[i] = ' '
		}
	}
	return string(b)
}
