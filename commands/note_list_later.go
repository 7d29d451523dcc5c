package commands

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// reLaterListDay is one day of a list or range in a note: 12/8, 12.8.,
// 12. 8., 2026. 12. 8., 2026-12-08, 12월 8일, 12월 8 (the 일 written once,
// after the last day: 12월 3~8일), or a day with 일 in the month written
// (3일~8일); a day alone (8일, 8) goes on a list after one of them
// (12/9·10·11; review r48 B4: `12월 3~8일 입사` was read by the month
// readers, which offered the entry's day for people not yet hired).
const reLaterListDay = `(?:(?:20[0-9]{2}) ?[./-] ?)?[0-9]{1,2} ?[./] ?[0-9]{1,2}\.?|(?:20[0-9]{2} ?년 ?)?[0-9]{1,2} ?월 ?[0-9]{1,2} ?일?|[0-9]{1,2} ?일`

// reLaterListSep is what joins the days of a list or range: a range mark, a
// list mark, 부터, 및, and, to.
const reLaterListSep = ` ?(?:~|～|-|–|·|,|、|부터|및|와|과|\band\b|\bto\b|\bthrough\b) ?`

// reLaterDayList is a list or range of two or more days.
var reLaterDayList = regexp.MustCompile(`(?:` + reLaterListDay + `)(?:` + reLaterListSep + `(?:` + reLaterListDay + `|[0-9]{1,2} ?일?))+`)

// reLaterListPart is one day of a list matched by reLaterDayList: its year, month
// and day, or a day alone inheriting the month before it.
var reLaterListPart = regexp.MustCompile(`(?:(?P<y>20[0-9]{2}) ?[./-] ?)?(?P<m>[0-9]{1,2}) ?[./] ?(?P<d>[0-9]{1,2})\.?|` +
	`(?:(?P<y2>20[0-9]{2}) ?년 ?)?(?P<m2>[0-9]{1,2}) ?월 ?(?P<d2>[0-9]{1,2}) ?일?|(?P<d3>[0-9]{1,2}) ?일?`)

// listStartsLater finds in a folded note a list or range of days, with a
// start word, reaching past the day written (`12/8, 12/3 입사`,
// `12/3-12/8 채용` on 12. 4.): some of its people start later, so they
// are not all hired yet, whatever the order of the days or the mark
// between them. Read day by day, a list ending on a day past (12/8, 12/3)
// or a range joined by `-` was left to the month readers, which asked
// which day the figure was of and offered the entry's day without the
// days (review r46 B3). It returns the list's span in folded.
func listStartsLater(folded string, written time.Time) (s, e int, found bool) {
	for _, loc := range reLaterDayList.FindAllStringIndex(folded, -1) {
		s, e := loc[0], loc[1]
		if s > 0 && strings.ContainsAny(folded[s-1:s], "0123456789/.-") || hangulBefore(folded[:s]) {
			continue
		}
		if rest := folded[e:]; rest != "" && strings.ContainsAny(rest[:1], "0123456789/") || reFigureAfter.MatchString(folded[e:]) {
			continue // 12/3, 1/2 정도; 12/3, 5명
		}
		later, month := false, 0
		for _, p := range reLaterListPart.FindAllStringSubmatchIndex(folded[s:e], -1) {
			get := func(name string) int {
				i := reLaterListPart.SubexpIndex(name)
				if p[2*i] < 0 {
					return 0
				}
				n, _ := strconv.Atoi(folded[s+p[2*i] : s+p[2*i+1]])
				return n
			}
			y, m, d := get("y")+get("y2"), get("m")+get("m2"), get("d")+get("d2")
			if m == 0 {
				m, d = month, get("d3") // 12/9·10·11: the month before
				if m == 0 {
					y, m = written.Year(), int(written.Month()) // 3일~8일: the month written
				}
			}
			month = m
			if m < 1 || m > 12 || d < 1 {
				continue
			}
			if y == 0 {
				if _, _, both := dates.AheadNextYear(fmt.Sprintf("%d/%d", m, d), written); both {
					continue // 1/2 on 12/31: asked as the date field asks
				}
			}
			if dateIsLater(y, m, d, written) {
				later = true
			}
		}
		if !later {
			continue
		}
		// the clause the list stands in: up to the next clause mark after
		// it, from the last one before it (a list's own commas are inside)
		from := strings.LastIndexAny(folded[:s], ";\n") + 1
		to := len(folded)
		if i := strings.IndexAny(folded[e:], ",;·\n"); i >= 0 {
			to = e + i
		}
		clause := folded[from:to]
		if startsAround(clause, s-from, e-from, false) {
			return s, e, true
		}
	}
	return 0, 0, false
}
