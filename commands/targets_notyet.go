package commands

import (
	"strings"
	"time"
)

// A view as of a past date compares with the targets in force on it; a
// target first set after that date had none, so the view shows today's
// and says so (review r5 L5). The headline's own target says it with
// status.no_target_yet; every other target a view lists (a program's line in
// a department's status, a department's line, a report row) is named by
// notYetNote under its list. Status and the report both call it, so they
// say it in the same words.

// notYetNote names the targets shown for day that were not yet set on it, ""
// when there are none.
func (s *Service) notYetNote(day time.Time, names []string) string {
	if len(names) == 0 {
		return ""
	}
	return s.msg("targets_notyet.shown_current", "Date", s.date(day), "Names", strings.Join(names, ", "), "N", len(names))
}
