package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
	"jobsbot/commands/i18n"
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
	_, ok, err := restoreCorrection(ctx, r.tx, e.ID, row.VoidedBy, row.VoidReason, row.VoidedAt)
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
	r.wrote(row.Line)
	r.lineOf[res.Entry.ID] = row.Line
	r.res.Added++
	r.res.Voided++
	return true, nil
}

// undoneReport takes a 누계 row the file marks 무효 that was the
// replacement of a 정정 of a 누계 taken back by 취소 in the ledger the file
// comes from (review r33 B6, B7). There the 정정 voided the original before
// the replacement was added, so the replacement's increment was derived
// without it; the 취소 restored the original and dropped the link, so the
// file shows the original live beside the voided replacement, on the same
// day. Replayed as a plain add, the replacement was derived against the
// restored original: a figure below it refused the whole file (B6), one
// above it stored another increment than the source's (B7). It is taken so
// only when the ledger here holds a 누계 from the file live on that day (same
// program, status and department), the plain add would not record the
// file's own increment, and that increment is the one derived without that
// report; any other voided 누계 is replayed as before. The 정정 is then
// replayed (replayCorrection) and the row's void becomes its 취소; where it
// cannot be, the row is recorded voided as the file says, re-basing nothing
// (the 정정 and its 취소 together left the other entries' figures as they
// were; nor can it lower the ledger: r29 B9). kept is true when the row was
// taken so (or refused as a problem on its line).
func (r *importRun) undoneReport(ctx context.Context, row commands.ImportRow, e commands.NewEntry) (kept bool, _ error) {
	if !row.Voided || row.MonthFigure || row.CorrectedTo != 0 || e.Kind != commands.KindCumulative || e.Origin == "" ||
		!row.StatedSet || row.Stated <= 0 {
		return false, nil
	}
	// The original may be voided later in the file (a 무효 after the 취소):
	// live here until its void is replayed.
	live := make([]string, 0, len(r.origins))
	for o := range r.origins {
		if o != e.Origin {
			live = append(live, o)
		}
	}
	// The live 누계 reports of its program, status, day and department
	// this file recorded: a restored original is one of them.
	var beside []besideReport
	if err := sqlx.SelectContext(ctx, r.tx, &beside, `
		SELECT id, count, origin FROM entries
		WHERE program_id = $1 AND status = $2 AND kind = 'cumulative' AND as_of = $3 AND ($4 = '' OR department = $4)
		  AND voided_at IS NULL AND origin = ANY($5)`,
		e.ProgramID, e.Status, e.AsOf, e.Department, pq.Array(live)); err != nil {
		return false, fmt.Errorf("restored report beside %s: %w", e.Origin, err)
	}
	if len(beside) == 0 {
		return false, nil
	}
	// What the plain add would record (addEntry's derivation, nothing
	// written): a figure the ledger agrees with is recordVoidedReport's
	// case already, and one the add derives as the file says needs
	// nothing. The replacement is taken so only when the file's increment
	// is the one derived with that original voided, as the 정정 derived it:
	// any other difference (a re-basing since its add) is the plain
	// replay's.
	through, err := totalThrough(ctx, r.tx, e.ProgramID, e.AsOf, e.Status)
	if err != nil {
		return false, err
	}
	if e.Count == through || e.Count-through == row.Stated {
		return false, nil
	}
	i := slices.IndexFunc(beside, func(o besideReport) bool { return e.Count-(through-o.Count) == row.Stated })
	byOrder := false
	if i < 0 {
		// A report recorded between the 정정 and its 취소 may have re-based
		// the replacement since its add (a 누계포함:예 delta, an earlier
		// 누계, a void of an earlier delta: review r36 B1, B2, B4), so the
		// file's increment is no longer the one derived at its add. The
		// file's own order then tells the 정정 (correctedByOrder).
		if i = r.correctedByOrder(row, beside); i < 0 {
			return false, nil
		}
		byOrder = true
	}
	// The 정정 is replayed when its 취소 can be (undoneHere: the file holds
	// the original live). An agreed 누계's 정정 also moves hires and
	// re-bases no later agreement (r13 S4): not replayed, recorded voided.
	if e.Status == commands.StatusRealised && !r.voidedOrigins[beside[i].Origin] {
		if done, err := r.replayCorrection(ctx, row, e, beside[i].ID, byOrder); err != nil || done {
			return done, err
		}
	}
	return r.recordVoidedReport(ctx, row)
}

// replayCorrection replays the 정정 of the 누계 oldID that row's report
// replaced, as CorrectEntry made it: the original voided (re-basing the
// later reports for its figure gone), the replacement recorded live against
// the ledger without it, and the two linked. The row's void, due later, is
// then the 취소 it was (undoneHere restores the original, re-basing the
// later reports back), so the re-basings a report recorded in between took
// are the source's too. done is false, nothing written, when the ledger
// here refuses any step or derives another increment than the file's; the
// caller then records the row voided as it stands.
//
// byOrder (the 정정 told by the file's order, correctedByOrder): the file's
// increment is the replacement's after the re-basings recorded between
// its add and its void, which the replay of those rows makes here too; the
// add's own increment is not compared with it.
func (r *importRun) replayCorrection(ctx context.Context, row commands.ImportRow, e commands.NewEntry, oldID int64, byOrder bool) (done bool, _ error) {
	if _, err := r.tx.ExecContext(ctx, `SAVEPOINT import_replay_correction`); err != nil {
		return false, fmt.Errorf("import savepoint: %w", err)
	}
	var res commands.AddResult
	err := func() error {
		var err error
		if _, _, err = voidChecked(ctx, r.tx, oldID, e.LoggedBy, "", "", 0, e.RecordedAt); err != nil {
			return err
		}
		if res, err = addEntry(ctx, r.tx, e); err != nil {
			return err
		}
		if res.Agrees || res.Duplicate || (!byOrder && res.Entry.Count != row.Stated) {
			return errNotReplayed
		}
		_, err = r.tx.ExecContext(ctx, `
			INSERT INTO entry_corrections (old_entry_id, new_entry_id, reason, corrected_by, corrected_at, separate, rebased)
			VALUES ($1, $2, '', $3, COALESCE($4, now()), false, 0)`, oldID, res.Entry.ID, e.LoggedBy, nullTime(e.RecordedAt))
		return err
	}()
	if err != nil {
		if _, rbErr := r.tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT import_replay_correction`); rbErr != nil {
			return false, fmt.Errorf("import rollback to savepoint: %w", rbErr)
		}
	}
	if _, relErr := r.tx.ExecContext(ctx, `RELEASE SAVEPOINT import_replay_correction`); relErr != nil {
		return false, fmt.Errorf("import release savepoint: %w", relErr)
	}
	if err != nil {
		return false, nil
	}
	return true, r.recorded(ctx, res.Entry, row.Line, rowRef{row.Number, row.Agreement, row.Separate, row.Line, row.AfterClose})
}

// besideReport is a live 누계 of a voided report's program, day and
// department, recorded from the same file.
type besideReport struct {
	ID     int64  `db:"id"`
	Count  int64  `db:"count"`
	Origin string `db:"origin"`
}

// errNotReplayed: a 정정 replayed under a savepoint did not give the file's
// figures; rolled back.
var errNotReplayed = errors.New("correction not replayed as the file says")

// correctedByOrder is the index in beside of the report the voided 누계 row
// replaced by a 정정 taken back by 취소, told by the file's order (기록
// 순번, 무효 순번), or -1. A 정정 voids the original and adds the
// replacement, the void taking the number just before the replacement's
// add; the 취소 restores the original and clears that void's number. So
// the file shows the replacement's add right after a number no row of the
// file holds, the original (live in the file, or voided only after the
// replacement's void) added before it, and the replacement's void after.
// Exactly one such report beside is taken; none, or two, is -1.
func (r *importRun) correctedByOrder(row commands.ImportRow, beside []besideReport) int {
	if row.AddOrder <= 1 || row.VoidOrder <= row.AddOrder || r.fileOrders[row.AddOrder-1] {
		return -1 // no void cleared just before the add
	}
	// A number is also lost by an add that wrote nothing (a request sent
	// twice): the row's void must be the 취소's own.
	cat := i18n.Default()
	if reason := strings.TrimSpace(row.VoidReason); reason != cat.Source("entries.undone_by_its_author", i18n.Korean) &&
		reason != cat.Source("entries.undone_by_its_author", i18n.English) {
		return -1
	}
	found := -1
	for i, o := range beside {
		h, ok := r.originOrders[o.Origin]
		if !ok || h.add <= 0 || h.add >= row.AddOrder || h.corrected || (h.voided && h.void < row.VoidOrder) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// rowOrder is a file row's 기록 순번 and 무효 순번, whether it is voided,
// and whether by a 정정 of its own.
type rowOrder struct {
	add, void         int64
	voided, corrected bool
}

// undoRow is a voided row of the file marked 정정 취소(#N 되살림): its
// 기록 식별자, N, the file's number of the row its 취소 restored, and the
// row's line, own number and 무효 사유.
type undoRow struct {
	origin string
	of     int64
	line   int
	number int64
	reason string
}

// wrote notes that the row on line was written by this import (a new
// entry), so the 취소 its 정정 cell marks may be recorded on it (linkUndos).
func (r *importRun) wrote(line int) {
	if r.newLines == nil {
		r.newLines = map[int]bool{}
	}
	r.newLines[line] = true
}

// linkUndos records the 취소 of the 정정s the file marks taken back
// (correction_undos), once every row is replayed: the copy's `목록 무효`
// then lists their replacements' voids apart, as the source's does (issue
// 19 §4). A 취소 replayed as one (undoneHere, restoreCorrection) has its
// row already.
//
// correction_undos is audit record: a row of it hides a void from `목록
// 무효`'s jobs taken out and keeps `migrate --down-to` from dropping the
// table. The cell alone is no proof of a 취소 (review r44 B1: a plain 무효,
// its cell edited to 정정 취소(#1 되살림), was relabelled, the import
// saying it added nothing). So a row the ledger held is never marked from
// the file: checkHeldLinks compares its cell with what the ledger records
// and refuses a difference. A row this import wrote is marked only when the
// file's rows are a 정정 taken back by 취소 (undoWhy); otherwise the cell is
// refused on its line, and nothing is imported.
func (r *importRun) linkUndos(ctx context.Context) error {
	for _, u := range r.undos {
		if !r.newLines[u.line] {
			continue // held: the ledger's own record stands (checkHeldLinks)
		}
		original := r.numberOrigins[u.of]
		why := r.undoWhy(u, original)
		if why == "" {
			var recorded bool
			if err := sqlx.GetContext(ctx, r.tx, &recorded, `
				SELECT EXISTS (SELECT 1 FROM correction_undos c
					JOIN entries rep ON rep.id = c.replacement_entry_id JOIN entries orig ON orig.id = c.original_entry_id
					WHERE rep.origin = $1::uuid AND orig.origin = $2::uuid)`, u.origin, original); err != nil {
				return fmt.Errorf("the 취소 of the correction by %s: %w", u.origin, err)
			}
			if recorded {
				continue // replayed as the 취소 it was (restoreCorrection)
			}
			// A 정정 keeps everything of the entry but its figure
			// (CorrectEntry): the two rows must agree on the rest.
			res, err := r.tx.ExecContext(ctx, `
				INSERT INTO correction_undos (replacement_entry_id, original_entry_id, undone_at)
				SELECT rep.id, orig.id, rep.voided_at
				FROM entries rep JOIN entries orig ON orig.origin = $2::uuid
				WHERE rep.origin = $1::uuid AND rep.voided_at IS NOT NULL AND rep.id <> orig.id
				  AND rep.program_id = orig.program_id AND rep.kind = orig.kind AND rep.as_of = orig.as_of
				  AND rep.status = orig.status AND rep.department IS NOT DISTINCT FROM orig.department
				  AND rep.employment_type IS NOT DISTINCT FROM orig.employment_type
				  AND NOT EXISTS (SELECT 1 FROM entry_corrections c WHERE c.old_entry_id = rep.id)
				ON CONFLICT (replacement_entry_id) DO NOTHING`, u.origin, original)
			if err != nil {
				return fmt.Errorf("record the 취소 of the correction by %s: %w", u.origin, err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return fmt.Errorf("record the 취소 of the correction by %s: %w", u.origin, err)
			} else if n == 1 {
				continue
			}
			why = "fields"
		}
		r.Problem(commands.NewImportProblem(u.line, "정정", commands.UndoneCell(u.of), "undo9.import_undo_cell_refused",
			"Number", u.number, "Of", u.of, "Why", why, "Reason", strings.TrimSpace(u.reason)))
	}
	return nil
}

// undoWhy is why the file's rows are no 정정 of its row #u.of by u's row
// taken back by 취소, "" when nothing in the file says so: "number" (the
// file holds no other row #N), "reason" (the row's void is not a 취소's:
// the 취소 writes its own 무효 사유, entries.undone_by_its_author), "order"
// (the replacement added before the original, or the original voided
// before the replacement's void, though the 취소 restored it).
func (r *importRun) undoWhy(u undoRow, original string) string {
	if original == "" || original == u.origin {
		return "number"
	}
	cat := i18n.Default()
	if reason := strings.TrimSpace(u.reason); reason != cat.Source("entries.undone_by_its_author", i18n.Korean) &&
		reason != cat.Source("entries.undone_by_its_author", i18n.English) {
		return "reason"
	}
	rep, orig := r.originOrders[u.origin], r.originOrders[original]
	if rep.add > 0 && orig.add > 0 && orig.add >= rep.add {
		return "order"
	}
	if orig.voided && orig.void > 0 && rep.void > 0 && orig.void < rep.void {
		return "order"
	}
	return ""
}
