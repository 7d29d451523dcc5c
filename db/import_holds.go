package db

// An import holds what the typed add holds (review r22 F16, F35b): one row
// larger than the program's whole-year target, and a delta that reads like
// a 누계 written as new jobs. An import has no question to answer, so such
// a row is refused, naming the check, unless its 확인 column says 예, as
// the typed line is recorded after 확인:예. Rows with a 기록 식별자 (an
// export of a ledger, whose entries were asked about when typed, there or
// here) and voided rows are not held: another ledger's whole export
// imported into an empty one must not be refused for rows confirmed where
// they were typed (review r29 B3). A made-up identifier therefore skips
// the holds too (r26 M3, open: a typed UUID cannot be told from another
// ledger's). The figures compared are the ledger's before the file:
// a department's list of rows is not asked about its own earlier rows.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
	"jobsbot/commands/numbers"
)

// sizeKey is one program's year.
type sizeKey struct {
	program int64
	year    int
}

// sizeLedger is what the size checks compare a program's rows with: its
// year's target (the overall one where it has none) and its live realised
// entries of the year as the ledger held them before the file's first row
// of that program.
type sizeLedger struct {
	name, unit string
	target     int64
	overall    bool
	entries    []sizeEntry // by as_of
}

type sizeEntry struct {
	AsOf     time.Time `db:"as_of"`
	Count    int64     `db:"count"`
	Kind     string    `db:"kind"`
	Reported int64     `db:"reported"`
}

// sizeOf reads (once) the program's year for the size checks.
func (r *importRun) sizeOf(ctx context.Context, program int64, year int) (*sizeLedger, error) {
	if r.sizes == nil {
		r.sizes = map[sizeKey]*sizeLedger{}
	}
	k := sizeKey{program, year}
	if l, ok := r.sizes[k]; ok {
		return l, nil
	}
	l := &sizeLedger{}
	var prog struct {
		Name string `db:"name_ko"`
		Unit string `db:"unit"`
	}
	if err := sqlx.GetContext(ctx, r.tx, &prog, `SELECT name_ko, unit FROM programs WHERE id = $1`, program); err != nil {
		return nil, fmt.Errorf("program %d: %w", program, err)
	}
	l.name, l.unit = prog.Name, prog.Unit
	var targets []struct {
		Program *int64 `db:"program_id"`
		Jobs    int64  `db:"jobs"`
	}
	if err := sqlx.SelectContext(ctx, r.tx, &targets, `SELECT program_id, jobs FROM targets WHERE year = $1 AND (program_id = $2 OR program_id IS NULL)`, year, program); err != nil {
		return nil, fmt.Errorf("targets of %d: %w", year, err)
	}
	for _, t := range targets {
		if t.Program != nil {
			l.target, l.overall = t.Jobs, false
		} else if l.target == 0 {
			l.target, l.overall = t.Jobs, true
		}
	}
	const q = `
		SELECT as_of, count, kind, COALESCE(reported_total, 0) AS reported FROM entries
		WHERE program_id = $1 AND status = $4 AND voided_at IS NULL
		  AND as_of BETWEEN $2::date AND $3::date
		ORDER BY as_of, id`
	if err := sqlx.SelectContext(ctx, r.tx, &l.entries, q, program,
		dateArg(time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)), dateArg(time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)), string(commands.StatusRealised)); err != nil {
		return nil, fmt.Errorf("program's year for the size checks: %w", err)
	}
	r.sizes[k] = l
	return l, nil
}

// sizeHold refuses a row the typed add would hold, naming the check and
// the 확인 column; it reports whether it did.
func (r *importRun) sizeHold(ctx context.Context, row commands.ImportRow) (bool, error) {
	e := row.Entry
	if row.Confirmed || e.Origin != "" || row.Voided || row.Within || e.Status != commands.StatusRealised || e.Kind != commands.KindDelta {
		return false, nil
	}
	l, err := r.sizeOf(ctx, e.ProgramID, e.AsOf.Year())
	if err != nil {
		return false, err
	}
	column := "일자리 수"
	if row.MonthFigure {
		column = fmt.Sprintf("%d월", e.AsOf.Month())
	}
	count := numbers.Format(e.Count)
	if l.target > 0 && e.Count > l.target {
		id := "i46.import_over_target"
		if l.overall {
			id = "i46.import_over_overall_target"
		}
		r.Problem(commands.NewImportProblem(row.Line, column, count, id, "Count", count, "Unit", l.unit,
			"Program", l.name, "Year", e.AsOf.Year(), "Target", numbers.Format(l.target)))
		return true, nil
	}
	if row.MonthFigure {
		return false, nil // a month's whole figure is no delta: the report's 누계 cell is checked apart
	}
	// As totalAsDelta: at least nine tenths of the latest 누계 report on or
	// before the row's date, or of the year's total through it when the row
	// is also at least twice the largest earlier delta.
	var ytd, largest, report int64
	found := false
	for _, x := range l.entries {
		if x.AsOf.After(e.AsOf) {
			break
		}
		ytd += x.Count
		if x.Kind == string(commands.KindCumulative) {
			report, found = x.Reported, true
		} else {
			largest = max(largest, x.Count)
		}
	}
	if ytd <= 0 {
		return false, nil
	}
	near := func(total int64) bool { return total > 0 && e.Count*10 >= total*9 }
	var total int64
	switch {
	case found && near(report):
		total = report
	case near(ytd) && e.Count >= 2*largest:
		total = ytd
	default:
		return false, nil
	}
	r.Problem(commands.NewImportProblem(row.Line, column, count, "i46.import_like_total", "Count", count, "Unit", l.unit,
		"Program", l.name, "Date", e.AsOf, "Total", numbers.Format(total), "Near", e.Count < total))
	return true, nil
}

// heldUnchanged says whether the ledger holds the row's 기록 식별자 for the
// same record (sameRecord), and the row voids nothing the ledger has live:
// importing it changes nothing.
func (r *importRun) heldUnchanged(ctx context.Context, row commands.ImportRow) (commands.Entry, bool, error) {
	if row.Entry.Origin == "" || row.MonthFigure {
		return commands.Entry{}, false, nil
	}
	held, err := entryByOrigin(ctx, r.tx, row.Entry.Origin)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return commands.Entry{}, false, nil
	case err != nil:
		return commands.Entry{}, false, fmt.Errorf("entry of origin %s: %w", row.Entry.Origin, err)
	}
	if !sameRecord(held, row.Entry) || (row.Voided && !held.Voided()) {
		return commands.Entry{}, false, nil
	}
	return held, true, nil
}
