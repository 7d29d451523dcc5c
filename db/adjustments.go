package db

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// adjustLaterReports keeps cumulative reports true when an entry is voided.
// A cumulative report R dated d was recorded as R minus the live entries of
// its program, year and status dated on or before d that were recorded
// before it. Voiding one of those lowers that sum, so the report's recorded
// difference rises by the same amount; a report recorded later still, which
// counted both, then needs no change. In general each report recorded after
// the voided entry (in ID order) changes by minus the sum of the changes
// already made to entries recorded before it and dated on or before its
// date. The caller holds the program's exclusive lock, so no report or void
// of the program runs meanwhile; report rows are locked in ID order (Lock
// order step 2) and every change is kept in entry_adjustments.
// A correction passes replacement, the count that takes the voided one's
// place on the same date; a void passes 0. position is the ID the entry
// stands at in recording order: its own, or for the replacement of a
// correction (which gets a new ID) that of the entry first corrected, since
// the reports recorded since then count the chain's current figure.
func adjustLaterReports(ctx context.Context, tx sqlx.ExtContext, voided commands.Entry, position int64, by string, replacement int64) ([]commands.Adjustment, error) {
	q := entrySelect + `
		WHERE e.program_id = $1 AND e.status = $2 AND e.kind = 'cumulative' AND e.voided_at IS NULL
		  AND e.id > $3 AND e.as_of BETWEEN $4::date AND $5::date
		ORDER BY e.id
		FOR UPDATE OF e`
	year := voided.AsOf.Year()
	var rows []entryRow
	err := sqlx.SelectContext(ctx, tx, &rows, q, voided.ProgramID, string(voided.Status), position,
		fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year))
	if err != nil {
		return nil, fmt.Errorf("later cumulative reports: %w", err)
	}
	type change struct {
		asOf time.Time
		jobs int64
	}
	changes := []change{{voided.AsOf, replacement - voided.Count}}
	var adjusted []commands.Adjustment
	for _, r := range entries(rows) {
		var d int64
		for _, c := range changes {
			if !c.asOf.After(r.AsOf) {
				d -= c.jobs
			}
		}
		if d == 0 {
			continue
		}
		if r.Count+d <= 0 {
			return nil, &commands.DependentReportError{Voided: voided.ID, Report: r}
		}
		if err := recordAdjustment(ctx, tx, r, r.Count+d, voided.ID, by); err != nil {
			return nil, err
		}
		adjusted = append(adjusted, commands.Adjustment{Report: r, OldCount: r.Count})
		adjusted[len(adjusted)-1].Report.Count += d
		changes = append(changes, change{r.AsOf, d})
	}
	return adjusted, nil
}

// recordAdjustment sets a cumulative report's recorded difference and keeps
// the change, who made it and why, in entry_adjustments.
// Every re-basing passes here, so here it is refused (refuseBelowHires)
// when it would leave an agreed report below what its hires realised.
func recordAdjustment(ctx context.Context, tx sqlx.ExtContext, report commands.Entry, count, causeID int64, by string) error {
	if err := refuseBelowHires(ctx, tx, report, count); err != nil {
		return err
	}
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
	var rows []entryRow
	q := entrySelect + `
		JOIN agreement_hires h ON h.hire_entry_id = e.id
		WHERE h.agreement_entry_id = $1 AND e.voided_at IS NULL
		ORDER BY e.id`
	if err := sqlx.SelectContext(ctx, tx, &rows, q, report.ID); err != nil {
		return fmt.Errorf("live hires of report %d: %w", report.ID, err)
	}
	hires := entries(rows)
	var hired int64
	for _, h := range hires {
		hired += h.Count
	}
	if count >= hired {
		return nil
	}
	return &commands.ReportBelowHiresError{Report: report, NewCount: count, Hired: hired, Hires: hires}
}
