// Package reasons holds the typed reason codes that the numbers and dates
// packages give when they refuse text. Callers map a code to a catalogue
// message in one table, never by matching English words.
package reasons

// Reason says why a count, date, period or week was not read. The zero
// value None means nothing went wrong.
type Reason int

// The reasons. Count* come from the numbers package, the rest from dates.
const (
	None Reason = iota

	CountEmpty
	CountNotNumber
	CountComma
	CountTooLarge
	CountNotWhole
	CountSign
	CountSpace
	CountSpaceCounter
	CountBareUnit
	CountOrder
	CountSmallDigit
	CountZeroUnit
	CountPlace
	CountShortTail

	DateEmpty
	DateNotDate
	DateNotPeriod
	DateNotWeek
	DateYear
	DateMonth
	DateDay
	DateQuarter
	DateHalf
	DateWeek
	DateRange
	DateWeekday
	DateAmbiguous
)

// english is a short English sentence fragment for each reason, used only
// by Error methods (logs and tests); users see catalogue messages.
var english = [...]string{
	None:              "",
	CountEmpty:        "is empty",
	CountNotNumber:    "is not a number",
	CountComma:        "has a misplaced comma",
	CountTooLarge:     "is too large",
	CountNotWhole:     "is not a whole number",
	CountSign:         "has a sign; only plain counts are accepted",
	CountSpace:        "has a space inside the number",
	CountSpaceCounter: "has a space before its counter",
	CountBareUnit:     "has a unit with no digit before it",
	CountOrder:        "has its units out of order",
	CountSmallDigit:   "needs a single digit 1-9 before 천, 백 or 십",
	CountZeroUnit:     "has a zero before a unit",
	CountPlace:        "has a part too big for its place",
	CountShortTail:    "has too few digits after its unit word to say their place",
	DateEmpty:         "is empty",
	DateNotDate:       "is not a date format I know",
	DateNotPeriod:     "is not a period I know",
	DateNotWeek:       "is not an ISO week like 2026-W17",
	DateYear:          "has a year outside 2000-2100",
	DateMonth:         "has a month outside 1-12",
	DateDay:           "is not a real date",
	DateQuarter:       "has a quarter outside 1-4",
	DateHalf:          "has a half-year other than 1 or 2",
	DateWeek:          "has a week number that year does not have",
	DateRange:         "ends before it starts",
	DateWeekday:       "names a weekday or date in brackets that is another day",
	DateAmbiguous:     "has its year last and reads both month first and day first",
}

// String returns the English fragment, e.g. "is not a real date".
func (r Reason) String() string {
	if r < 0 || int(r) >= len(english) {
		return "is not readable"
	}
	return english[r]
}
