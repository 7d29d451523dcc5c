package db

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// A cumulative report says the total through its date. The live cumulative
// reports of a program, year and status form a chain in date order: each
// records the difference from the ledger through its date (the reports
// before it and the entries it counted). Every change to that ledger which a
// later report counted is made good by re-basing the reports after it in
// that chain (planRebase, applyRebase), so each still states its total:
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
	// part, when set, is the change each report takes instead of jobs
	// (a 무효 of a 정정 chain: what the report counted of it).
	part func(commands.Entry) int64
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

// rebaseStep is one report's change in a re-basing: its difference moves
// by d.
type rebaseStep struct {
	report commands.Entry
	d      int64
}

// planRebase walks reports (locked, in chain order): each moves by minus
// the changes dated on or before it that apply to it, the moves of the
// reports before it included. It writes nothing; blocked is the first
// report whose difference would not stay positive.
func planRebase(reports []commands.Entry, change rebaseChange, causeID int64) (steps []rebaseStep, blocked *commands.Entry) {
	changes := []rebaseChange{change}
	for _, r := range reports {
		if r.ID == causeID {
			continue
		}
		var d int64
		for _, c := range changes {
			switch {
			case c.asOf.After(r.AsOf):
			case c.part != nil:
				d -= c.part(r)
			case c.applies == nil || c.applies(r):
				d -= c.jobs
			}
		}
		if d == 0 {
			continue
		}
		if r.Count+d <= 0 {
			return nil, &r
		}
		steps = append(steps, rebaseStep{r, d})
		changes = append(changes, rebaseChange{asOf: r.AsOf, jobs: d})
	}
	return steps, nil
}

// applyRebase records a planned re-basing, keeping each change in
// entry_adjustments with causeID. The caller holds the program's exclusive
// lock and the reports' rows.
func applyRebase(ctx context.Context, tx sqlx.ExtContext, steps []rebaseStep, causeID int64, by string, at time.Time) ([]commands.Adjustment, error) {
	var adjusted []commands.Adjustment
	for _, st := range steps {
		r := st.report
		if err := recordAdjustment(ctx, tx, r, r.Count+st.d, causeID, by, at); err != nil {
			return nil, err
		}
		a := commands.Adjustment{Report: r, OldCount: r.Count}
		a.Report.Count += st.d
		adjusted = append(adjusted, a)
	}
	return adjusted, nil
}

// adjustLaterReports keeps cumulative reports true when an entry is voided
// or corrected (see the top of this file for which reports take the change).
// A correction passes replacement, the count that takes the voided one's
// place on the same date; a void passes 0. position is the ID the entry
// stands at in recording order: its own, or for the replacement of a
// correction (which gets a new ID) that of the entry first corrected, since
// the reports recorded since then count the chain's current figure. The
// caller holds the program's exclusive lock; report rows are locked in ID
// order and every change is kept in entry_adjustments.
func adjustLaterReports(ctx context.Context, tx sqlx.ExtContext, voided commands.Entry, position int64, by string, replacement int64, at time.Time) ([]commands.Adjustment, error) {
	reports, err := lockReportsFrom(ctx, tx, voided.ProgramID, voided.Status, voided.AsOf, false)
	if err != nil {
		return nil, err
	}
	// A delta recorded after the reports dated after it is counted by them
	// all when it re-based one recorded before it: a 채용 recorded as
	// already inside the later 누계 (누계포함:예), whose reports kept their
	// totals (a correction of such a hire re-bases them as counted too). A
	// delta only ever re-bases reports recorded after it otherwise.
	var inside bool
	if voided.Kind == commands.KindDelta {
		if err := sqlx.GetContext(ctx, tx, &inside,
			`SELECT EXISTS (SELECT 1 FROM entry_adjustments WHERE cause_entry_id = ANY($1::bigint[]) AND entry_id < $2)`,
			pq.Array([]int64{voided.ID, position}), position); err != nil {
			return nil, fmt.Errorf("reports re-based by %d: %w", voided.ID, err)
		}
	}
	// A 정정's replacement whose 정정 left the reports recorded before it
	// as they were (누계포함:아니오: the change was separate from them) is
	// counted only by the reports recorded since: a 취소 of that 정정 moves
	// those reports' totals back rather than re-basing them (review r13 S6).
	// The answer is kept on the 정정's row (entry_corrections.separate),
	// not told from its stamps or its transaction: a replay's standing
	// clock ties the stamps, and a restore from a backup loads each table
	// in a transaction of its own (review r16 BREAK 1, 3).
	// That holds of a chain recorded inside an earlier report too (its
	// 정정 asks 누계포함 since review r23 B5): a 취소 of its 아니오 moves
	// no report.
	from := position
	separate := false
	if voided.Kind == commands.KindDelta && position != voided.ID {
		if err := sqlx.GetContext(ctx, tx, &separate,
			`SELECT EXISTS (SELECT 1 FROM entry_corrections WHERE new_entry_id = $1 AND separate)`, voided.ID); err != nil {
			return nil, fmt.Errorf("correction of %d: %w", voided.ID, err)
		}
		if separate {
			from = voided.ID
		}
	}
	// A report a 정정 answered 누계포함:아니오 recorded counts what the
	// report it replaced counted, no more: the deltas beside that one stay
	// separate from it though recorded before it (review r26 B2).
	counts, err := countingFrom(ctx, tx, reports)
	if err != nil {
		return nil, err
	}
	counted := func(r commands.Entry) bool {
		return (inside && !separate) || counts[r.ID] > from || (voided.Kind == commands.KindCumulative && r.AsOf.After(voided.AsOf))
	}
	var part func(commands.Entry) int64
	if voided.Kind == commands.KindDelta && replacement == 0 {
		// A 무효 of a delta takes out of each report what it counted of
		// the entry's 정정 chain: the figure it counted when recorded and
		// the changes answered 예 since, not those answered 아니오, kept
		// per link of the chain (review r23 B4). A report that counted any
		// element of the chain counted its start.
		sep, err := separateChanges(ctx, tx, voided.ID)
		if err != nil {
			return nil, err
		}
		part = func(r commands.Entry) int64 {
			if !inside && counts[r.ID] <= position {
				return 0
			}
			var separate int64
			for _, l := range sep {
				if l.id > counts[r.ID] {
					separate += l.change
				}
			}
			return -(voided.Count - separate)
		}
	}
	if voided.Status == commands.StatusAgreed {
		// Each agreed 누계 report's increment is an agreement of its own
		// (a company's MOU, hire-able by 채용): a void or 정정 of another
		// agreement must not change its size (review r13 S4). Only what
		// the entry's own chain re-based (누계포함:예, a late report dated
		// before) is undone; the later reports keep their increments and
		// their totals move by the change instead.
		own, err := rebasedBy(ctx, tx, []int64{voided.ID, position})
		if err != nil {
			return nil, err
		}
		counted = func(r commands.Entry) bool { return own[r.ID] }
	}
	change := rebaseChange{asOf: voided.AsOf, jobs: replacement - voided.Count, applies: counted}
	if voided.Status != commands.StatusAgreed {
		change.part = part
	}
	steps, blocked := planRebase(reports, change, voided.ID)
	if blocked != nil {
		return nil, &commands.DependentReportError{Voided: voided.ID, Report: *blocked}
	}
	return applyRebase(ctx, tx, steps, voided.ID, by, at)
}

// countingFrom is, per report of reports, the recording position from
// which it counts the ledger through its date: its own ID, or, for the
// replacement of a 누계 report whose 정정 was answered 누계포함:아니오
// (entry_corrections.separate: the deltas beside the report stay separate
// from the corrected figure), the position of the report it replaced. An
// entry recorded at or after that position (in its 정정 chain's start's
// place) was not counted by the report unless answered 누계포함:예.
func countingFrom(ctx context.Context, tx sqlx.ExtContext, reports []commands.Entry) (map[int64]int64, error) {
	ids := make([]int64, len(reports))
	for i, r := range reports {
		ids[i] = r.ID
	}
	var rows []struct {
		Report int64 `db:"report"`
		From   int64 `db:"from_id"`
	}
	const q = `
		WITH RECURSIVE back(report, id) AS (
			SELECT r, r FROM unnest($1::bigint[]) AS r
			UNION ALL
			SELECT b.report, c.old_entry_id FROM back b JOIN entry_corrections c ON c.new_entry_id = b.id AND c.separate
		)
		SELECT report, min(id) AS from_id FROM back GROUP BY report`
	if err := sqlx.SelectContext(ctx, tx, &rows, q, pq.Array(ids)); err != nil {
		return nil, fmt.Errorf("positions the reports count from: %w", err)
	}
	out := make(map[int64]int64, len(rows))
	for _, r := range rows {
		out[r.Report] = r.From
	}
	return out, nil
}

// chainChange is one 정정 of a delta's chain: the replacement's ID, the
// change of figure, and whether it was answered 누계포함:아니오.
type chainChange struct {
	id     int64
	change int64
}

// separateChanges lists the 정정s answered 누계포함:아니오 in the chain
// that ends at id (its replacements' IDs and changes): the reports that
// counted the chain before such a 정정 did not count its change.
func separateChanges(ctx context.Context, tx sqlx.ExtContext, id int64) ([]chainChange, error) {
	var rows []struct {
		ID     int64 `db:"id"`
		Change int64 `db:"change"`
	}
	const q = `
		WITH RECURSIVE back(id) AS (
			SELECT $1::bigint
			UNION ALL
			SELECT c.old_entry_id FROM back JOIN entry_corrections c ON c.new_entry_id = back.id
		)
		SELECT c.new_entry_id AS id, n.count - o.count AS change
		FROM back
		JOIN entry_corrections c ON c.new_entry_id = back.id AND c.separate
		JOIN entries n ON n.id = c.new_entry_id
		JOIN entries o ON o.id = c.old_entry_id`
	if err := sqlx.SelectContext(ctx, tx, &rows, q, id); err != nil {
		return nil, fmt.Errorf("separate changes of the chain of %d: %w", id, err)
	}
	out := make([]chainChange, len(rows))
	for i, r := range rows {
		out[i] = chainChange{r.ID, r.Change}
	}
	return out, nil
}

// rebasedBy is the set of reports the entries causes re-based.
func rebasedBy(ctx context.Context, tx sqlx.ExtContext, causes []int64) (map[int64]bool, error) {
	var ids []int64
	if err := sqlx.SelectContext(ctx, tx, &ids,
		`SELECT DISTINCT entry_id FROM entry_adjustments WHERE cause_entry_id = ANY($1::bigint[])`, pq.Array(causes)); err != nil {
		return nil, fmt.Errorf("reports re-based by %v: %w", causes, err)
	}
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// recordAdjustment sets a cumulative report's recorded difference and keeps
// the change, who made it, why and when, in entry_adjustments. at is the
// command's time (the service's clock, --today in a replay: issue 19 §6);
// zero: the database's.
// Every re-basing passes here, so here it is refused (refuseBelowHires)
// when it would leave an agreed report below what its hires realised.
func recordAdjustment(ctx context.Context, tx sqlx.ExtContext, report commands.Entry, count, causeID int64, by string, at time.Time) error {
	if err := refuseBelowHires(ctx, tx, report, count); err != nil {
		return err
	}
	const q = `
		WITH upd AS (
			UPDATE entries SET count = $2 WHERE id = $1 RETURNING id
		)
		INSERT INTO entry_adjustments (entry_id, cause_entry_id, old_count, new_count, adjusted_by, adjusted_at)
		SELECT id, $3, $4, $2, $5, COALESCE($6, now()) FROM upd`
	if _, err := tx.ExecContext(ctx, q, report.ID, count, causeID, report.Count, by, nullTime(at)); err != nil {
		return fmt.Errorf("adjust cumulative report %d: %w", report.ID, err)
	}
	return nil
}

// refuseBelowHires fails with *commands.ReportBelowHiresError when report,
// an agreed cumulative report being re-based to count, has live hires (채용)
// that realised more than count: it would agree fewer jobs than were hired
// from it. The caller holds the program's exclusive lock, which every hire
// and every void or correction of a hire takes first, and the report's row
// lock, so the sum cannot change before the re-basing commits. A report
// that rises, or is no agreement, needs no check.
func refuseBelowHires(ctx context.Context, tx sqlx.ExtContext, report commands.Entry, count int64) error {
	if report.Status != commands.StatusAgreed || count >= report.Count {
		return nil
	}
	hires, err := liveHires(ctx, tx, report.ID)
	if err != nil {
		return err
	}
	var hired int64
	for _, h := range hires {
		hired += h.Count
	}
	if count >= hired {
		return nil
	}
	return &commands.ReportBelowHiresError{Report: report, NewCount: count, Hired: hired, Hires: hires}
}

// mergeAdjustments joins the re-basings of two steps of one write: a report
// moved by both is one Adjustment from its count before the first to its
// count after the second (marked after close if either step marked it), and
// one the two steps left where it was is dropped. Order: first seen.
func mergeAdjustments(first, second []commands.Adjustment) []commands.Adjustment {
	var out []commands.Adjustment
	at := map[int64]int{}
	for _, a := range slices.Concat(first, second) {
		i, ok := at[a.Report.ID]
		if !ok {
			at[a.Report.ID] = len(out)
			out = append(out, a)
			continue
		}
		out[i].Report = a.Report
		out[i].AfterClose = out[i].AfterClose || a.AfterClose
	}
	return slices.DeleteFunc(out, func(a commands.Adjustment) bool { return a.Report.Count == a.OldCount })
}
