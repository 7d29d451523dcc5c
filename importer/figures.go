package importer

// Figures in a file are read by the parser typed counts go through
// (commands/numbers), so a cell the console refuses is refused here too
// (review r22 F35: "1,6", "1,20" and "2,4000" were stored as 16, 120 and
// 24,000 where `추가 여성 1,6` says the comma is misplaced).

import (
	"errors"
	"strings"

	"jobsbot/commands"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
	"jobsbot/commands/reasons"
)

// maxFigure is the largest figure a cell may hold (as before: 1e12).
const maxFigure = 1_000_000_000_000

// jobCounters may follow a figure in a cell (30명, 30개): any other
// counter (4개사, 3곳, 5건) counts no jobs.
var jobCounters = map[string]bool{"": true, "개": true, "명": true}

// negativeFigure says whether a cell writes a decrease: -5, −5, △5 (the
// 공문 minus), (5) (accounting): the import records jobs created, and a
// smaller figure is made by voiding or correcting an entry.
func negativeFigure(s string) bool {
	for _, p := range []string{"-", "−", "－", "△", "▽"} {
		if rest, ok := strings.CutPrefix(s, p); ok && numbers.StartsLikeNumber(rest) {
			return true
		}
	}
	if inner, ok := strings.CutPrefix(s, "("); ok {
		if inner, ok = strings.CutSuffix(inner, ")"); ok && numbers.StartsLikeNumber(inner) {
			return true
		}
	}
	return false
}

// readFigure reads a figure cell (trimmed, not empty) as a typed count is
// read; the message says why it is refused (ok false).
func readFigure(column, s string) (int64, message, bool) {
	if negativeFigure(s) {
		return 0, msg("i46.import_negative_figure", "Typed", s), false
	}
	n, err := numbers.Parse(s)
	var ne *numbers.Error
	switch {
	case errors.As(err, &ne) && ne.Reason == reasons.CountSign:
		return 0, msg("i46.import_negative_figure", "Typed", s), false
	case err != nil:
		id, args := commands.CountRefusal(s, err)
		return 0, msg(id, args...), false
	case n.Counter == "원":
		return 0, msg("import.problem.money_figure"), false
	case !jobCounters[n.Counter]:
		return 0, msg("i46.import_counter_not_jobs", "Typed", s, "Counter", n.Counter), false
	case n.Approximate && column == colCount:
		return 0, msg("i46.import_approximate_in_count", "Typed", s, "N", numbers.Format(n.Value)), false
	case n.Approximate:
		return 0, msg("i46.import_approximate_figure", "Typed", s, "N", numbers.Format(n.Value)), false
	case n.Value > maxFigure:
		return 0, msg("parse.count.too_large", "Typed", s), false
	}
	return n.Value, message{}, true
}

// figureOrNot reads a figure the import only compares (a 누계 row's 일자리
// 수, a report's 누계 cell): ok false when the cell is not one the parser
// reads.
func figureOrNot(s string) (int64, bool) {
	n, _, ok := readFigure("", strings.TrimSpace(s))
	return n, ok
}

// creditCount counts the rows of an entries file credited to whoever
// imports (no 기록 식별자): the preview names them (review r22 F15).
type creditCount struct{ n int }

// noteCredit says, once the rows are read, whom the file's new rows are
// credited to.
func (r Reader) noteCredit() {
	if r.credit == nil || r.credit.n == 0 || r.notes == nil || r.By == "" {
		return
	}
	r.notes.Add(0, "", CreditNoteID, "By", r.By, "N", numbers.Format(int64(r.credit.n)), i18n.PluralCount, r.credit.n)
}

// CreditNoteID is the preview note naming whom new rows are credited to;
// /jobs 가져오기 puts the user's name for the ID in it.
const CreditNoteID = "i46.import_credited"
