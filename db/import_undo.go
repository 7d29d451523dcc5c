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
//
// A row marked #N 정정분(취소) (UndoneOf) had its 정정 replayed at its add
// (redoCorrection): its void is that 정정's 취소 whatever the file says of
// the original since (voided again by a later 정정, review r23 B1).
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
	// The file marks the row #N 정정분(취소) (UndoneOf), or holds the
	// original live: either way the ledger it comes from took the 정정 back.
	_, inFile := r.origins[old.Origin]
	if !old.Voided() || old.Origin == "" || !inFile || row.UndoneOf == 0 && r.voidedOrigins[old.Origin] {
		return false, nil // a void, as the file says
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

// redoCorrection replays, before the add of row (a voided replacement
// marked #N 정정분(취소)), the 정정 that recorded it: the original (the
// file's row N) is voided as that 정정 voided it, re-basing the later 누계
// reports as it did, and linked to row once row is recorded; row's void,
// due later, is then that 정정's 취소 (undoneHere), which re-bases them back
// and restores the original. Replayed as a plain add and void, the copy's
// reports were never re-based by the 정정 nor back by its 취소, and `목록
// 무효` said another figure than the source's (review r23 B1: 15개 제외
// where the source says 10개).
//
// Nothing is replayed when the ledger holds row already (an export
// imported back: its 정정 and 취소 are this ledger's own), or when the
// file lacks the original or the ledger holds it voided: row is then
// replayed as the plain add and void it was before the mark.
func (r *importRun) redoCorrection(ctx context.Context, row commands.ImportRow) error {
	if row.Entry.Origin == "" || !row.Voided || row.Number == 0 {
		return nil
	}
	if _, err := entryByOrigin(ctx, r.tx, row.Entry.Origin); err == nil {
		return nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("entry of origin %s: %w", row.Entry.Origin, err)
	}
	origin := r.numberOrigins[row.UndoneOf]
	if origin == "" {
		return nil
	}
	if err := r.flush(ctx); err != nil {
		return err
	}
	old, err := entryByOrigin(ctx, r.tx, origin)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // its add was refused: its problem is listed
	}
	if err != nil {
		return fmt.Errorf("entry of origin %s: %w", origin, err)
	}
	if old.Voided() || old.ProgramID != row.Entry.ProgramID || old.Kind != row.Entry.Kind || old.Status != row.Entry.Status {
		return nil
	}
	// The count the 정정 re-based the later reports for, as void's
	// replacedBy reads it of a 정정 in the file.
	replacement := int64(0)
	if old.Kind == commands.KindDelta {
		replacement = row.Entry.Count
		if row.Separate {
			replacement = old.Count
		}
	}
	voids := r.res.Voided
	err = r.void(ctx, commands.ImportRow{Line: row.Line, Program: row.Program, Number: row.UndoneOf,
		Entry:       commands.NewEntry{Origin: origin, ProgramID: old.ProgramID, Kind: old.Kind, Status: old.Status},
		Voided:      true,
		VoidedBy:    row.Entry.LoggedBy,
		VoidReason:  row.UndoneReason,
		VoidedAt:    row.LoggedAt,
		CorrectedTo: row.Number,
	}, replacement)
	r.res.Voided = voids // the 정정 and its 취소 void one row of the file: counted at its void
	return err
}
