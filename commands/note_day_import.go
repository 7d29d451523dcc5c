package commands

import "time"

// NoteNamesAnotherDay is the console's note-day check for the importer
// (review r34 F7: an imported row dated 12-07 with 메모 `12/4 입사` was
// stored, while the typed line is refused): the word of a note naming one
// day other than asOf, and that day, read by the same reader as the typed
// add (noteDay after noteMonth, as noteNamesAnotherMonth runs them).
// Relative words (어제, 지난주 금요일, 목욜) count from written, the day the
// note was written. A note naming another month without a day (11월분) is
// NoteNamesAnotherMonth's, not this check's.
func NoteNamesAnotherDay(note string, asOf, written time.Time) (word string, named time.Time, ok bool) {
	if r, other := noteMonth(note, asOf, written); other {
		// 어제 입사 on the 1st, 11/30 입사 on a December row: a day of
		// another month
		if r.named.IsZero() || r.months() != 1 || r.named.Equal(asOf) {
			return "", time.Time{}, false
		}
		return r.word, r.named, true
	}
	r, ok := noteDay(note, asOf, written)
	if ok && r.named.IsZero() {
		return r.word, r.dated(), true // 12월 첫째 주 입사 on a 12-29 row: the week's (review r41 F4)
	}
	return r.word, r.named, ok
}
