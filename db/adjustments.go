package db

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// A cumulative report says the total through its date. The live cumulative
// reports of a program, year and status form a chain in date order: each
// records the difference from the ledger through its date (the reports
// before it and the entries it counted). Every change to that ledger which a
// later report counted is made good by re-basing the reports after it in
// that chain (rebaseReports), so each still states its total:
//
//   - a void or a correction of an entry: the reports that counted it, those
//     recorded after it (in ID order) and dated on or after it, and, for a
//     cumulative report, those dated after it (which it re-based when it was
//     recorded, or counted it);
//   - a cumulative report dated before a later one (month-end figures
//     reported late): the later reports, which did not count it.
//
// A delta recorded after a report and dated before it is not made good: it
// adds to that report (the add's reply names the report it changes).

// rebaseChange is a change of jobs dated asOf; a report dated on or after it
// takes it up if applies says so.
type rebaseChange struct {
	asOf    time.Time
	jobs    int64
	applies func(commands.Entry) bool
}

// lockReportsFrom locks the live cumulative reports of the program, year and
// status dated from from on (after from when strict), in ID order (Lock
// order step 2), and returns them in chain order (date, then ID).
func lockReportsFrom(ctx context.Context, tx sqlx.ExtContext, programID int64, status commands.EntryStatus, from time.Time, strict bool) ([]commands.Entry, error) {
	cmpOp := ">="
	if strict {
		cmpOp = ">"
	}
	q := entrySelect + `
		WHERE e.program_id = $1 AND e.status = $2 AND e.kind = 'cumulative' AND e.voided_at IS NULL
		  AND e.as_of ` + cmpOp + ` $3::date AND e.as_of <= $4::date
		ORDER BY e.id
		FOR UPDATE OF e`
	var rows []entryRow
	err := sqlx.SelectContext(ctx, tx, &rows, q, programID, string(status), dateArg(from), fmt.Sprintf("%04d-12-31", from.Year()))
	if err != nil {
		return nil, fmt.Errorf("later cumulative reports: %w", err)
	}
	out := entries(rows)
	slices.SortStableFunc(out, func(a, b commands.Entry) int {
		return cmp.Or(a.AsOf.Compare(b.AsOf), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// rebaseReports walks reports (locked, in chain order) and re-bases each by
// minus the changes dated on or before it that apply to it, the changes made
// to the reports before it included, keeping each change in
// entry_adjustments with causeID. It stops at the first report whose
// difference would not stay positive and returns it as blocked, writing
// nothing more (the caller refuses, and the transaction rolls back). The
// caller holds the program's exclusive lock.
func rebaseReports(ctx context.Context, tx sqlx.ExtContext, reports []commands.Entry, change rebaseChange, causeID int64, by string) ([]commands.Adjustment, *commands.Entry, error) {
	changes := []rebaseChange{change}
	var adjusted []commands.Adjustment
	for _, r := range reports {
		if r.ID == causeID {
			continue
		}
		var d int64
		for _, c := range changes {
			if !c.asOf.After(r.AsOf) && (c.applies == nil || c.applies(r)) {
				d -= c.jobs
			}
		}
		if d == 0 {
			continue
		}
		if r.Count+d <= 0 {
			return nil, &r, nil
		}
		if err := recordAdjustment(ctx, tx, r, r.Count+d, causeID, by); err != nil {
			return nil, nil, err
		}
		adjusted = append(adjusted, commands.Adjustment{Report: r, OldCount: r.Count})
		adjusted[len(adjusted)-1].Report.Count += d
		changes = append(changes, rebaseChange{asOf: r.AsOf, jobs: d})
	}
	return adjusted, nil, nil
}

// adjustLaterReports keeps cumulative reports true when an entry is voided
// or corrected (see rebaseReports above for which reports take the change).
// A correction passes replacement, the count that takes the voided one's
// place on the same date; a void passes 0. position is the ID the entry
// stands at in recording order: its own, or for the replacement of a
// correction (which gets a new ID) that of the entry first corrected, since
// the reports recorded since then count the chain's current figure. The
// caller holds the program's exclusive lock; report rows are locked in ID
// order and every change is kept in entry_adjustments.
func adjustLaterReports(ctx context.Context, tx sqlx.ExtContext, voided commands.Entry, position int64, by string, replacement int64) ([]commands.Adjustment, error) {
	reports, err := lockReportsFrom(ctx, tx, voided.ProgramID, voided.Status, voided.AsOf, false)
	if err != nil {
		return nil, err
	}
	counted := func(r commands.Entry) bool {
		return r.ID > position || (voided.Kind == commands.KindCumulative && r.AsOf.After(voided.AsOf))
	}
	adjusted, blocked, err := rebaseReports(ctx, tx, reports, rebaseChange{voided.AsOf, replacement - voided.Count, counted}, voided.ID, by)
	if err != nil {
		return nil, err
	}
	if blocked != nil {
		return nil, &commands.DependentReportError{Voided: voided.ID, Report: *blocked}
	}
	return adjusted, nil
}

// recordAdjustment sets a cumulative report's recorded difference and keeps
// the change, who made it and why, in entry_adjustments.
func recordAdjustment(ctx context.Context, tx sqlx.ExtContext, report commands.Entry, count, causeID int64, by string) error {
	const q = `
		WITH upd AS (
			UPDATE entries SET count = $2 WHERE id = $1 RETURNING id
		)
		INSERT INTO entry_adjustments (entry_id, cause_entry_id, old_count, new_count, adjusted_by)
		SELECT id, $3, $4, $2, $5 FROM upd`
	if _, err := tx.ExecContext(ctx, q, report.ID, count, causeID, report.Count, by); err != nil {
		return fmt.Errorf("adjust cumulative report %d: %w", report.ID, err)
	}
	return nil
}
