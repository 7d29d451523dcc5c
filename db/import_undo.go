package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// A 취소 of a 정정 restores the original and voids the replacement; the
// ledger then keeps no link between them (restoreCorrection drops the
// entry_corrections row), so its next entries export shows the original
// live and the replacement voided, like any void. The replay of such a file
// into another ledger must not take it for a plain void where that ledger
// still holds the 정정 (from the export taken before the 취소, review r26
// B1), and must not drop the voided replacement where its figure equals
// the ledger's (review r26 B3).

// undoneHere replays the void of e, the live replacement of a 정정 this
// ledger holds, as the 취소 of that 정정 when the file holds the 정정's
// original live: the ledger the file comes from took the 정정 back after
// an earlier export of it was imported here. A plain void would leave the
// original voided too, and neither counted (review r26 B1: 20 → 0). done
// is true when the row was taken so (restored, or refused as a problem on
// its line).
func (r *importRun) undoneHere(ctx context.Context, row commands.ImportRow, e commands.Entry) (done bool, _ error) {
	if row.CorrectedTo != 0 || row.Entry.Origin == "" {
		return false, nil // the file voids it by a 정정 of its own, or says nothing of where it came from
	}
	var oldID int64
	err := sqlx.GetContext(ctx, r.tx, &oldID, `SELECT old_entry_id FROM entry_corrections WHERE new_entry_id = $1`, e.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("correction replaced by %d: %w", e.ID, err)
	}
	old, err := entryByID(ctx, r.tx, oldID)
	if err != nil {
		return false, fmt.Errorf("corrected entry %d: %w", oldID, err)
	}
	if _, inFile := r.origins[old.Origin]; !inFile || old.Origin == "" || r.voidedOrigins[old.Origin] || !old.Voided() {
		return false, nil // the file does not hold the original live: a void, as it says
	}
	res, ok, err := restoreCorrection(ctx, r.tx, e.ID, row.VoidedBy, row.VoidReason, row.VoidedAt)
	var undo *commands.UndoCorrectionError
	if errors.As(err, &undo) {
		r.Problem(commands.NewImportProblem(row.Line, "무효", "무효", "impundo.import_undo_refused", "ID", e.ID, "Original", old.ID))
		return true, nil
	}
	if refused, err := r.voidRefused(row, e, err); refused || err != nil {
		return true, err
	}
	if !ok {
		return false, nil
	}
	r.res.Voided++
	r.addToCell(e, -e.Count)
	if res.Restored != nil {
		r.addToCell(*res.Restored, res.Restored.Count)
	}
	for _, a := range res.Adjusted {
		r.addToCell(a.Report, a.Report.Count-a.OldCount)
	}
	return true, nil
}

// recordVoidedReport records a 누계 row the file marks 무효 whose figure the
// ledger agrees with when it is replayed (nothing to record, were it
// live): the replacement of a 정정 taken back (취소) in the ledger the file
// comes from, whose original is live again beside it (review r26 B3). It
// never counted there after the 취소 and counts nothing here: it is
// recorded voided, with the file's figures (보고 누계 and the 일자리 수
// derived there) and the file's void, so the copy holds every row with the
// source's numbers, and its void, due later, finds it voided. ok is false
// (nothing written) when the row states no increment to record.
func (r *importRun) recordVoidedReport(ctx context.Context, row commands.ImportRow) (ok bool, _ error) {
	if !row.Voided || row.Entry.Kind != commands.KindCumulative || !row.StatedSet || row.Stated <= 0 {
		return false, nil
	}
	e := row.Entry
	var res commands.AddResult
	err := r.savepoint(ctx, func() error {
		var err error
		res, err = insertEntry(ctx, unprepared{r.tx, insertEntriesQuery}, e, row.Stated, sql.NullInt64{Int64: e.Count, Valid: true})
		if err != nil {
			return err
		}
		_, err = r.tx.ExecContext(ctx, `
			UPDATE entries SET voided_at = COALESCE($2, now()), voided_by = $3, void_reason = $4
			WHERE id = $1 AND voided_at IS NULL`, res.Entry.ID, nullTime(row.VoidedAt), row.VoidedBy, row.VoidReason)
		return err
	})
	var nothing *commands.NothingRecordedError
	switch {
	case errors.As(err, &nothing):
		return true, r.nothingProblem(ctx, row.Line, nothing.NothingID)
	case errors.Is(err, sql.ErrNoRows):
		return false, nil // its key is in the ledger: the row is there
	case err != nil:
		return false, fmt.Errorf("record voided report: %w", err)
	}
	r.markIDs, r.markLines = append(r.markIDs, res.Entry.ID), append(r.markLines, int64(row.Line))
	r.lineOf[res.Entry.ID] = row.Line
	r.res.Added++
	r.res.Voided++
	return true, nil
}
