package commands

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// reEnglishWeekTyped is a week of the year by its number in English as the
// date option's words (week 47, wk 47), joined as 47주차 is.
var reEnglishWeekTyped = regexp.MustCompile(`^(?:week|wk) ?[0-9]{1,2}$`)

// reDayList is days of one month listed after its month (12/9·10·11,
// 12월 9·10·11일, 12. 9·10): several days, no one day.
var reDayList = regexp.MustCompile(`^(?P<m>[0-9]{1,2})(?:/|\. ?|월 ?)(?P<d>[0-9]{1,2})(?P<more>(?: ?[·,] ?[0-9]{1,2})+)(?:일|\.)?$`)

// dayListDate refuses days listed as the line's date (날짜:12/9·10·11,
// dates7: refused as no date without saying why, while the note read
// 10·11 as 10. 11.). An entry is dated one day: the reply names the days
// and asks for one line a day. nil when typed is no such list.
func dayListDate(cmd *Command, typed string, today time.Time) error {
	m := reDayList.FindStringSubmatch(strings.TrimSpace(typed))
	if m == nil {
		return nil
	}
	first, err := dates.Parse(m[reDayList.SubexpIndex("m")]+"/"+m[reDayList.SubexpIndex("d")], today)
	if err != nil {
		return nil // 13/9·10: refused as the date it is not
	}
	last := first
	for _, f := range strings.FieldsFunc(m[reDayList.SubexpIndex("more")], func(r rune) bool { return r == '·' || r == ',' || r == ' ' }) {
		n, _ := strconv.Atoi(f)
		d := dates.On(first.Year(), first.Month(), n)
		if d.Day() != n {
			return nil // 11/29·31: no such day, refused as no date
		}
		if d.After(last) {
			last = d
		}
	}
	return usageErr(cmd.Name, "dates7.day_list_is_not_a_day", "Typed", typed, "First", dateArg(first), "Last", dateArg(last))
}

// dayListSpellings writes each day of a list after a month-day in full
// (12/9·10·11 as 12/9·12/10·12/11), so the note readers read the days of
// that month, not 10·11 as 10. 11. (dates7).
var reNoteDayList = regexp.MustCompile(`(?:^|[^0-9./])(?P<m>[0-9]{1,2})/[0-9]{1,2}(?P<more>(?: ?· ?[0-9]{1,2})+)(?:[^0-9./]|$)`)

var reNoteDayListItem = regexp.MustCompile(`[0-9]{1,2}`)

func dayListSpellings(folded string) []dayTokenEdit {
	var edits []dayTokenEdit
	for _, m := range reNoteDayList.FindAllStringSubmatchIndex(folded, -1) {
		month := folded[m[2]:m[3]]
		for _, loc := range reNoteDayListItem.FindAllStringIndex(folded[m[4]:m[5]], -1) {
			at := m[4] + loc[0]
			edits = append(edits, dayTokenEdit{at, at, month + "/"})
		}
	}
	return edits
}

// reThisWeekOther is what after 이번 주 or this week makes it another
// reader's (이번 주 금요일, this week's Friday) or no week claimed (이번 주초,
// 이번 주말, 이번 주 내, this weekend).
var reThisWeekOther = regexp.MustCompile(`(?i)^ ?(?:[월화수목금토일](?:요일|욜)?(?:[^가-힣]|$)|초|말|내|이내|안|end|(?:mon|tue|wed|thu|fri|sat|sun))`)
