package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// CorrectEntry replaces an entry's figure in one step (정정): in one
// transaction, under the program's exclusive lock, it voids the entry with
// the reason and records its replacement on the same date with the same
// fields, linked to it in entry_corrections. A delta's later cumulative
// reports are recomputed for the change of count, as a void recomputes them
// (adjustments.go); a cumulative report is recorded anew as the difference
// from the total through its date of the other live entries, as a fresh
// report of the corrected figure would be. It refuses a closed month unless
// c.CloseReason is given, and marks the change 마감 후 정정 then.
func (s *Store) CorrectEntry(ctx context.Context, c commands.Correction) (commands.CorrectionResult, error) {
	if c.Key == "" {
		c.Key = newKey()
	}
	var out commands.CorrectionResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var programID int64
		if err := sqlx.GetContext(ctx, tx, &programID, `SELECT program_id FROM entries WHERE id = $1`, c.OldID); err != nil {
			return err
		}
		if err := lockProgram(ctx, tx, programID); err != nil {
			return err
		}
		old, err := entryByID(ctx, tx, c.OldID)
		if err != nil {
			return err
		}
		if old.Voided() {
			return commands.ErrAlreadyVoided
		}
		agreementID, hired, err := checkAgreementCorrection(ctx, tx, old, c.NewCount)
		if err != nil {
			return err
		}
		replacement := int64(0)
		if old.Kind == commands.KindDelta {
			replacement = c.NewCount
			if c.Separate {
				// The later reports keep their increments: re-based as
				// if the figure had not changed, i.e. not at all.
				replacement = old.Count
			}
		}
		before, err := rebasedSum(ctx, tx, old.ID)
		if err != nil {
			return err
		}
		voided, closed, err := voidChecked(ctx, tx, old.ID, c.By, c.Reason, c.CloseReason, replacement, c.At)
		if err != nil {
			return err
		}
		if old.Kind == commands.KindDelta && !c.Separate {
			inside, err := rebaseInsideAnswer(ctx, tx, old, c.NewCount, c.By, c.At)
			if err != nil {
				return err
			}
			if err := markAdjusted(ctx, tx, inside, c.By, c.CloseReason, c.At); err != nil {
				return err
			}
			voided.Adjusted = mergeAdjustments(voided.Adjusted, inside)
		}
		after, err := rebasedSum(ctx, tx, old.ID)
		if err != nil {
			return err
		}
		out.Old, out.Adjusted, out.AfterClose = voided.Entry, voided.Adjusted, closed
		ne := commands.NewEntry{
			ProgramID: old.ProgramID, Count: c.NewCount, Kind: old.Kind, AsOf: old.AsOf, Approximate: c.Approximate,
			Status: old.Status, EmploymentType: old.EmploymentType, Department: old.Department, Note: old.Note,
			LoggedBy: c.By, Source: c.Source, IdempotencyKey: c.Key, CloseReason: c.CloseReason, RecordedAt: c.At,
		}
		if old.Kind == commands.KindDelta {
			out.New, err = insertEntry(ctx, unprepared{tx, insertEntriesQuery}, ne, c.NewCount, sql.NullInt64{})
			if err == nil && closed {
				err = markAfterClose(ctx, tx, out.New.Entry, "add", c.By, c.CloseReason, c.At)
			}
		} else {
			// A 정정 of a 누계 says the total through its date is the
			// figure typed: the replacement is that report made now, read
			// against the live entries through the date other than the
			// report it replaces (voided above), exactly as a fresh report
			// and the import's replay of the 정정 are. Deltas recorded
			// after the report and dated on or before it are inside the
			// typed total, not added to it (review r5 S6, r6 X5); a figure
			// below them is refused (*commands.CumulativeBelowError).
			//
			// A 정정 answered 누계포함:아니오 keeps the deltas the report
			// did not count (recorded after it, answered 아니오) outside
			// the typed figure: the ledger through the date is the figure
			// plus them, and the replacement reports the figure typed
			// (review r22 F30: 12 → 14 beside a separate +3 made the year
			// 14, not 17, and reversed the 아니오 unasked).
			separate := int64(0)
			if c.Separate && old.Status == commands.StatusRealised {
				if separate, err = separateFromReport(ctx, tx, old, false); err != nil {
					return err
				}
			}
			ne.Count += separate
			out.New, err = addEntryRebasing(ctx, tx, ne, old.Status != commands.StatusAgreed)
			if err == nil && separate > 0 && !out.New.Agrees {
				err = reportFigure(ctx, tx, &out.New.Entry, c.NewCount)
			}
			if below, ok := errors.AsType[*commands.CumulativeBelowError](err); ok && separate > 0 {
				below.Current, below.Reported = below.Current-separate, below.Reported-separate
			}
			// An agreed 누계 with hires keeps them when its increment, now
			// the corrected figure less the ledger before it, still holds
			// them: a raise always does (review r13 W6).
			if err == nil && hired > 0 && (out.New.Agrees || out.New.Entry.Count < hired) {
				increment := int64(0)
				if !out.New.Agrees {
					increment = out.New.Entry.Count
				}
				err = &commands.AgreementBelowRealisedError{Agreement: old, Realised: hired, Cumulative: true, Increment: increment}
			}
		}
		if err != nil {
			return err
		}
		// A 누계 report is voided (re-basing the later reports for its
		// figure gone) and recorded anew (re-basing them back for the new
		// figure): each later report is named once, from what it recorded
		// before the 정정 to what it records now.
		out.Adjusted = mergeAdjustments(out.Adjusted, out.New.Rebased)
		out.New.Rebased = nil
		newID := sql.NullInt64{Int64: out.New.Entry.ID, Valid: !out.New.Agrees}
		if err := moveAgreementLinks(ctx, tx, old, agreementID, newID, c.By, c.At); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO entry_corrections (old_entry_id, new_entry_id, reason, corrected_by, corrected_at, separate, rebased)
			VALUES ($1, $2, $3, $4, COALESCE($5, now()), $6, $7)`, old.ID, newID, c.Reason, c.By, nullTime(c.At),
			c.Separate && (old.Kind == commands.KindDelta || old.Status == commands.StatusRealised), after-before)
		return err
	})
	var closed *commands.MonthClosedError
	var dep *commands.DependentReportError
	var below *commands.CumulativeBelowError
	var over *commands.OverRealisedError
	var under *commands.AgreementBelowRealisedError
	var belowHires *commands.ReportBelowHiresError
	var later *commands.LaterReportError
	if errors.As(err, &closed) || errors.As(err, &dep) || errors.As(err, &below) || errors.Is(err, commands.ErrAlreadyVoided) ||
		errors.As(err, &over) || errors.As(err, &under) || errors.As(err, &belowHires) || errors.As(err, &later) {
		return commands.CorrectionResult{}, err
	}
	if said := exclusionError(err); said != nil {
		return commands.CorrectionResult{}, said
	}
	if err != nil {
		return commands.CorrectionResult{}, wrap(fmt.Sprintf("correct entry %d", c.OldID), err)
	}
	return out, nil
}

// checkAgreementCorrection keeps 채용 consistent through a correction of
// old to newCount, under the program's exclusive lock the caller holds. A
// hire (old realises an agreement) may not take the agreement beyond its
// size: the agreement's row is locked (Lock order step 2: an agreement is
// older than its hires, so its id is lower) and its live hires summed with
// old's count replaced. An agreement may not shrink below what its hires
// realised. It returns the agreement old is a hire of, 0 if none, and
// what old's own hires realised when old is an agreed 누계 (its increment
// is checked against it once the replacement is recorded).
func checkAgreementCorrection(ctx context.Context, tx *sqlx.Tx, old commands.Entry, newCount int64) (agreement, hired int64, err error) {
	var agreementID int64
	err = sqlx.GetContext(ctx, tx, &agreementID, `SELECT agreement_entry_id FROM agreement_hires WHERE hire_entry_id = $1`, old.ID)
	switch {
	case err == nil:
		var r entryRow
		if err := sqlx.GetContext(ctx, tx, &r, entrySelect+` WHERE e.id = $1 FOR UPDATE OF e`, agreementID); err != nil {
			return 0, 0, err
		}
		var realised int64
		if err := sqlx.GetContext(ctx, tx, &realised, realisedSQL, agreementID); err != nil {
			return 0, 0, err
		}
		others := realised - old.Count
		if a := r.entry(); others+newCount > a.Count {
			return 0, 0, &commands.OverRealisedError{Agreement: a, Realised: others}
		}
		return agreementID, 0, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, 0, err
	}
	if old.Status != commands.StatusAgreed {
		return 0, 0, nil
	}
	var realised int64
	if err := sqlx.GetContext(ctx, tx, &realised, realisedSQL, old.ID); err != nil {
		return 0, 0, err
	}
	// A delta agreement's size is the figure; an agreed 누계's is its
	// increment, known once the replacement is read against the ledger
	// (the caller checks it then).
	if realised > 0 && old.Kind == commands.KindDelta && newCount < realised {
		return 0, 0, &commands.AgreementBelowRealisedError{Agreement: old, Realised: realised}
	}
	return 0, realised, nil
}

// moveAgreementLinks carries agreement_hires over to a correction's
// replacement: a corrected hire still realises its agreement, and the hires
// of a corrected agreement realise its replacement, so the agreement's
// realised sum and its remaining count stay whole. at is the correction's
// instant (the service's clock; zero: the database's).
func moveAgreementLinks(ctx context.Context, tx *sqlx.Tx, old commands.Entry, agreementID int64, newID sql.NullInt64, by string, at time.Time) error {
	if !newID.Valid {
		return nil
	}
	if agreementID != 0 {
		_, err := tx.ExecContext(ctx, `INSERT INTO agreement_hires (hire_entry_id, agreement_entry_id, hired_by, hired_at)
			VALUES ($1, $2, $3, COALESCE($4, now()))`, newID.Int64, agreementID, by, nullTime(at))
		return err
	}
	if old.Status == commands.StatusAgreed {
		_, err := tx.ExecContext(ctx, `UPDATE agreement_hires SET agreement_entry_id = $2 WHERE agreement_entry_id = $1`, old.ID, newID.Int64)
		return err
	}
	return nil
}

// entryMarksQuery reads the marks of the entries $1 (entryMarks).
const entryMarksQuery = `
		SELECT x.id,
		       c1.old_entry_id IS NOT NULL AS corrected,
		       COALESCE(c1.new_entry_id, 0) AS corrected_to,
		       COALESCE(c2.old_entry_id, 0) AS correction_of,
		       COALESCE(c1.reason, c2.reason, '') AS reason,
		       EXISTS (SELECT 1 FROM entry_after_close a WHERE a.entry_id = x.id) AS after_close,
		       -- the reasons of its changes after close (add, 조정, void),
		       -- each once, in the order given (review r45 A1)
		       -- (an add before its void when both bear one stamp)
		       ARRAY(SELECT r.reason FROM (SELECT a.reason, min(a.changed_at) AS at,
		                                          min(CASE a.change WHEN 'add' THEN 0 WHEN 'adjust' THEN 1 ELSE 2 END) AS step
		                                   FROM entry_after_close a
		                                   WHERE a.entry_id = x.id AND a.reason <> '' GROUP BY a.reason) r
		             ORDER BY r.at, r.step, r.reason) AS after_close_reasons,
		       COALESCE(h.agreement_entry_id, 0) AS agreement,
		       -- a 정정's replacement is in its chain's place, and its void
		       -- re-bases the reports recorded after that place (review r29
		       -- B8): its 누계포함 cell carries the 정정's answer instead
		       (h.hire_entry_id IS NOT NULL AND c2.old_entry_id IS NULL AND EXISTS (
		           SELECT 1 FROM entry_adjustments a WHERE a.cause_entry_id = x.id AND a.entry_id < x.id))
		       OR (e.kind = 'delta' AND c2.old_entry_id IS NULL AND h.hire_entry_id IS NULL AND EXISTS (
		           SELECT 1 FROM entry_adjustments a WHERE a.cause_entry_id = x.id AND a.entry_id < x.id
		                                              AND a.new_count < a.old_count)) AS within,
		       (e.kind = 'delta' AND c2.old_entry_id IS NOT NULL
		        AND c2.separate
		        AND EXISTS (SELECT 1 FROM entries r
		                    WHERE r.program_id = e.program_id AND r.status = e.status AND r.kind = 'cumulative'
		                      AND r.id < x.id
		                      AND (r.id > root.id
		                           -- a chain recorded inside an earlier report (누계포함:예) is
		                           -- counted by it too (review r23 B5)
		                           OR EXISTS (SELECT 1 FROM entry_adjustments a
		                                      WHERE a.cause_entry_id = root.id AND a.entry_id = r.id AND a.entry_id < root.id))
		                      AND r.as_of >= e.as_of AND extract(year FROM r.as_of) = extract(year FROM e.as_of)))
		       OR (e.kind = 'cumulative' AND c2.old_entry_id IS NOT NULL AND c2.separate) AS separate,
		       COALESCE(u.original_entry_id, 0) AS undone_of
		FROM unnest($1::bigint[]) AS x(id)
		JOIN entries e ON e.id = x.id
		LEFT JOIN entry_corrections c1 ON c1.old_entry_id = x.id
		LEFT JOIN entry_corrections c2 ON c2.new_entry_id = x.id
		LEFT JOIN agreement_hires h ON h.hire_entry_id = x.id
		LEFT JOIN correction_undos u ON u.replacement_entry_id = x.id
		LEFT JOIN LATERAL (WITH RECURSIVE chain(id) AS (
		                       SELECT c2.old_entry_id
		                       UNION ALL
		                       SELECT c.old_entry_id FROM entry_corrections c JOIN chain ON c.new_entry_id = chain.id)
		                   SELECT min(id) AS id FROM chain) root ON true
		WHERE c1.old_entry_id IS NOT NULL OR c2.old_entry_id IS NOT NULL OR h.hire_entry_id IS NOT NULL
		   OR u.replacement_entry_id IS NOT NULL
		   OR EXISTS (SELECT 1 FROM entry_after_close a WHERE a.entry_id = x.id)
		   OR (e.kind = 'delta' AND EXISTS (
		           SELECT 1 FROM entry_adjustments a WHERE a.cause_entry_id = x.id AND a.entry_id < x.id
		                                              AND a.new_count < a.old_count))`

// EntryMarks returns what the audit tables say of each of ids: corrections,
// corrections taken back (취소), changes after close, the agreement a hire realised, and whether a delta
// (a hire, or an add that is no 정정's replacement) was recorded as inside
// a later 누계 (누계포함:예): it lowered a report recorded before it. Entries with nothing
// are left out; nil ids means every entry with a mark (the export).
func (s *Store) EntryMarks(ctx context.Context, ids []int64) (map[int64]commands.EntryMark, error) {
	if ids == nil {
		const all = `
			SELECT old_entry_id FROM entry_corrections
			UNION SELECT new_entry_id FROM entry_corrections WHERE new_entry_id IS NOT NULL
			UNION SELECT entry_id FROM entry_after_close
			UNION SELECT hire_entry_id FROM agreement_hires
			UNION SELECT replacement_entry_id FROM correction_undos
			UNION SELECT a.cause_entry_id FROM entry_adjustments a JOIN entries e ON e.id = a.cause_entry_id
			      WHERE e.kind = 'delta' AND a.entry_id < a.cause_entry_id AND a.new_count < a.old_count`
		if err := sqlx.SelectContext(ctx, s.db, &ids, all); err != nil {
			return nil, wrap("marked entries", err)
		}
	}
	return entryMarks(ctx, s.db, ids)
}

// entryMarks is EntryMarks of ids read through q: an import compares the
// rows the ledger holds with their marks inside its transaction.
func entryMarks(ctx context.Context, q sqlx.QueryerContext, ids []int64) (map[int64]commands.EntryMark, error) {
	var rows []struct {
		ID           int64          `db:"id"`
		Corrected    bool           `db:"corrected"`
		CorrectedTo  int64          `db:"corrected_to"`
		CorrectionOf int64          `db:"correction_of"`
		Reason       string         `db:"reason"`
		AfterClose   bool           `db:"after_close"`
		Reasons      pq.StringArray `db:"after_close_reasons"`
		Agreement    int64          `db:"agreement"`
		Within       bool           `db:"within"`
		Separate     bool           `db:"separate"`
		UndoneOf     int64          `db:"undone_of"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, entryMarksQuery, pq.Array(ids)); err != nil {
		return nil, wrap("entry marks", err)
	}
	out := make(map[int64]commands.EntryMark, len(rows))
	for _, r := range rows {
		out[r.ID] = commands.EntryMark{Corrected: r.Corrected, CorrectedTo: r.CorrectedTo, CorrectionOf: r.CorrectionOf,
			Reason: r.Reason, AfterClose: r.AfterClose, AfterCloseReasons: r.Reasons, Agreement: r.Agreement, Within: r.Within, Separate: r.Separate, UndoneOf: r.UndoneOf}
	}
	return out, nil
}

// CorrectionRebases returns, per corrected entry of ids, the sum of what
// its 정정 re-based the later 누계 reports by (new less old increments), as
// the 정정 recorded it on its row (entry_corrections.rebased, migration
// 00050): re-basings made when the entry was recorded are not the 정정's.
// A fact of the row, not told from transaction ids or stamps, so a copy
// restored from pg_dump and an imported one say what the ledger says
// (review r21 B3, r19b F1/F2). Entries with none are left out (review r13
// W10).
func (s *Store) CorrectionRebases(ctx context.Context, ids []int64) (map[int64]int64, error) {
	var rows []struct {
		ID   int64 `db:"old_entry_id"`
		Jobs int64 `db:"rebased"`
	}
	const q = `
		SELECT old_entry_id, rebased FROM entry_corrections
		WHERE old_entry_id = ANY($1::bigint[]) AND rebased <> 0`
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, pq.Array(ids)); err != nil {
		return nil, wrap("correction re-basings", err)
	}
	out := make(map[int64]int64, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Jobs
	}
	return out, nil
}

// rebaseInsideAnswer makes a 정정 answered 누계포함:예 (or never asked) of
// old, a delta that replaced another by a 정정 answered 아니오, do what its
// question said (review r21 B4). The void of old re-based only the reports
// recorded since old (the chain's earlier change was separate from the
// reports recorded before it: adjustLaterReports); but the question named
// the later reports that counted the chain's first entry, and the answer
// 예 says this 정정's own change (newCount less old's count) is inside
// them: they keep their totals, their increments take the change. Only
// this change: the earlier separate change stays separate. An agreed
// entry's reports keep their increments (adjustLaterReports). The caller
// holds the program's exclusive lock; the reports' rows are locked in ID
// order and each change is kept in entry_adjustments, caused by old.
func rebaseInsideAnswer(ctx context.Context, tx sqlx.ExtContext, old commands.Entry, newCount int64, by string, at time.Time) ([]commands.Adjustment, error) {
	if old.Status == commands.StatusAgreed || newCount == old.Count {
		return nil, nil
	}
	root, err := correctionRoot(ctx, tx, old.ID)
	if err != nil || root == old.ID {
		return nil, err
	}
	var separate, inside bool
	if err := sqlx.GetContext(ctx, tx, &separate,
		`SELECT EXISTS (SELECT 1 FROM entry_corrections WHERE new_entry_id = $1 AND separate)`, old.ID); err != nil {
		return nil, fmt.Errorf("correction of %d: %w", old.ID, err)
	}
	if err := sqlx.GetContext(ctx, tx, &inside,
		`SELECT EXISTS (SELECT 1 FROM entry_adjustments WHERE cause_entry_id = ANY($1::bigint[]) AND entry_id < $2)`,
		pq.Array([]int64{old.ID, root}), root); err != nil {
		return nil, fmt.Errorf("reports re-based by %d: %w", old.ID, err)
	}
	if !separate {
		return nil, nil // the void re-based every report that counted the chain
	}
	reports, err := lockReportsFrom(ctx, tx, old.ProgramID, old.Status, old.AsOf, false)
	if err != nil {
		return nil, err
	}
	counts, err := countingFrom(ctx, tx, reports)
	if err != nil {
		return nil, err
	}
	// A chain recorded inside an earlier report (inside) is counted by
	// the reports recorded before it too (review r23 B5).
	counted := func(r commands.Entry) bool { return (inside || counts[r.ID] > root) && counts[r.ID] < old.ID }
	steps, blocked := planRebase(reports, rebaseChange{asOf: old.AsOf, jobs: newCount - old.Count, applies: counted}, old.ID)
	if blocked != nil {
		return nil, &commands.DependentReportError{Voided: old.ID, Report: *blocked}
	}
	return applyRebase(ctx, tx, steps, old.ID, by, at)
}

// rebasedSum is what the re-basings entry id caused moved the reports by
// (new less old increments), so far. A 정정 reads it before and after it
// voids its original, under the program's lock: the difference is its own
// (entry_corrections.rebased).
func rebasedSum(ctx context.Context, tx sqlx.ExtContext, id int64) (int64, error) {
	var sum int64
	if err := sqlx.GetContext(ctx, tx, &sum,
		`SELECT COALESCE(SUM(new_count - old_count), 0) FROM entry_adjustments WHERE cause_entry_id = $1`, id); err != nil {
		return 0, fmt.Errorf("re-basings caused by %d: %w", id, err)
	}
	return sum, nil
}

// correctionRoot is the ID of the entry a chain of corrections (정정) that
// ends at id started from: id itself for an entry that corrects nothing.
func correctionRoot(ctx context.Context, tx sqlx.ExtContext, id int64) (int64, error) {
	const q = `
		WITH RECURSIVE chain(id) AS (
			SELECT $1::bigint
			UNION ALL
			SELECT c.old_entry_id FROM entry_corrections c JOIN chain ON c.new_entry_id = chain.id
		)
		SELECT min(id) FROM chain`
	var root int64
	if err := sqlx.GetContext(ctx, tx, &root, q, id); err != nil {
		return 0, fmt.Errorf("correction root of %d: %w", id, err)
	}
	return root, nil
}

// restoreCorrection is a 취소 of entry id when it is the replacement a
// correction (정정) recorded: it undoes the 정정 as if it had never
// happened, in the caller's transaction, under the program's exclusive lock
// the caller holds and with id's row locked. ok is false (nothing done) when
// id replaced nothing.
//
// The replacement is voided and the later cumulative reports it re-based
// are re-based back to the original's figure (the same reports the 정정
// re-based, and those recorded since, which counted the replacement); the
// original is live again, with the re-basings the replacement took since
// (a report dated before it recorded later) carried over; hire links go
// back (a corrected hire's link to its agreement is dropped, a corrected
// agreement's hires realise the original again); the 마감 후 정정 marks the
// 정정 left and its entry_corrections row are removed. It refuses
// (*commands.UndoCorrectionError, *commands.MonthClosedError, and what a
// re-basing refuses) with nothing written when any of that cannot be done
// safely: a month it touches is closed, hires were recorded on the
// replacement since, the original would over-realise its agreement or
// record no increase.
//
// Locks: the original's row (a lower ID than id's, taken after it) and the
// later reports' rows come after id's; no cycle can close, since every
// write of the program's entries rows holds the program's lock, which the
// caller holds exclusively (top of totals.go). The link tables come last.
func restoreCorrection(ctx context.Context, tx sqlx.ExtContext, id int64, by, reason string, at time.Time) (commands.VoidResult, bool, error) {
	var oldID int64
	err := sqlx.GetContext(ctx, tx, &oldID, `SELECT old_entry_id FROM entry_corrections WHERE new_entry_id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return commands.VoidResult{}, false, nil
	}
	if err != nil {
		return commands.VoidResult{}, false, fmt.Errorf("correction of entry %d: %w", id, err)
	}
	repl, err := entryByID(ctx, tx, id)
	if err != nil {
		return commands.VoidResult{}, false, err
	}
	var r entryRow
	if err := sqlx.GetContext(ctx, tx, &r, entrySelect+` WHERE e.id = $1 FOR UPDATE OF e`, oldID); err != nil {
		return commands.VoidResult{}, false, fmt.Errorf("corrected entry %d: %w", oldID, err)
	}
	old := r.entry()
	if !old.Voided() {
		return commands.VoidResult{}, false, fmt.Errorf("corrected entry %d is live", oldID)
	}
	// Re-basings the replacement took since the 정정 would have been the
	// original's.
	var drift int64
	if err := sqlx.GetContext(ctx, tx, &drift, `
		SELECT COALESCE(SUM(new_count - old_count), 0) FROM entry_adjustments WHERE entry_id = $1`, id); err != nil {
		return commands.VoidResult{}, false, fmt.Errorf("re-basings of entry %d: %w", id, err)
	}
	count := old.Count + drift
	refusal := &commands.UndoCorrectionError{Correction: repl, Original: old, Count: count}
	if count <= 0 {
		return commands.VoidResult{}, false, refusal
	}
	if _, err := checkOpen(ctx, tx, old.AsOf, ""); err != nil {
		return commands.VoidResult{}, false, err
	}
	hireOf, err := checkRestoreHires(ctx, tx, repl, old, count, refusal)
	if err != nil {
		return commands.VoidResult{}, false, err
	}
	var before int64
	if err := sqlx.GetContext(ctx, tx, &before, `SELECT COALESCE(max(id), 0) FROM entry_adjustments`); err != nil {
		return commands.VoidResult{}, false, fmt.Errorf("re-basings before the 취소 of %d: %w", id, err)
	}
	voided, _, err := voidChecked(ctx, tx, id, by, reason, "", count, at)
	if err != nil {
		return commands.VoidResult{}, false, err
	}
	// The re-basings the 취소 makes put back what the 정정 moved: they are
	// the original's (its figure counts again), not the replacement's own.
	// Kept under the replacement, with the 정정's link gone, they read as
	// the replacement recorded inside the later 누계 (누계포함:예): its
	// entries export said 예, and a copy imported from it re-based the
	// report at the replacement's add and took it up at its void, so its
	// `목록 무효` said "0개 제외, 흡수" where the source says the replacement's
	// figure went out (review r29 B4, r30 B3, B7). Only a delta's: a 누계
	// replacement's own add may have re-based an agreed report the
	// original never did, and under the original's cause a later void of
	// the original would re-base that report's agreement (r13 S4); the
	// export reads 누계포함 of deltas only.
	if repl.Kind == commands.KindDelta {
		if _, err := tx.ExecContext(ctx, `
			UPDATE entry_adjustments SET cause_entry_id = $2
			WHERE cause_entry_id = $1 AND id > $3 AND entry_id <> $2`, id, old.ID, before); err != nil {
			return commands.VoidResult{}, false, fmt.Errorf("re-basings of the 취소 of %d: %w", id, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `
		UPDATE entries SET voided_at = NULL, voided_by = '', void_reason = '', count = $2
		WHERE id = $1 AND voided_at IS NOT NULL`, old.ID, count); err != nil {
		return commands.VoidResult{}, false, fmt.Errorf("restore entry %d: %w", old.ID, err)
	}
	if drift != 0 {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO entry_adjustments (entry_id, cause_entry_id, old_count, new_count, adjusted_by, adjusted_at)
			VALUES ($1, $2, $3, $4, $5, COALESCE($6, now()))`, old.ID, id, old.Count, count, by, nullTime(at)); err != nil {
			return commands.VoidResult{}, false, fmt.Errorf("carry re-basings to entry %d: %w", old.ID, err)
		}
	}
	restored, err := entryByID(ctx, tx, old.ID)
	if err != nil {
		return commands.VoidResult{}, false, err
	}
	// Link tables last (Lock order).
	switch {
	case hireOf != 0:
		_, err = tx.ExecContext(ctx, `DELETE FROM agreement_hires WHERE hire_entry_id = $1`, id)
	case repl.Status == commands.StatusAgreed:
		_, err = tx.ExecContext(ctx, `UPDATE agreement_hires SET agreement_entry_id = $2 WHERE agreement_entry_id = $1`, id, old.ID)
	}
	if err != nil {
		return commands.VoidResult{}, false, fmt.Errorf("move hire links back to entry %d: %w", old.ID, err)
	}
	// The 정정's 마감 후 정정 marks (its month was closed then and has been
	// reopened since): the original's void, the replacement's add, and the
	// re-basings it made, stamped with the 정정's moment and author.
	if _, err := tx.ExecContext(ctx, `
		DELETE FROM entry_after_close
		WHERE (entry_id = $1 AND change = 'void') OR (entry_id = $2 AND change = 'add')
		   OR (change = 'adjust' AND changed_at = $3 AND changed_by = $4
		       AND entry_id IN (SELECT entry_id FROM entry_adjustments WHERE cause_entry_id IN ($1, $2)))`,
		old.ID, id, *old.VoidedAt, old.VoidedBy); err != nil {
		return commands.VoidResult{}, false, fmt.Errorf("after-close marks of the correction of %d: %w", old.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM entry_corrections WHERE new_entry_id = $1`, id); err != nil {
		return commands.VoidResult{}, false, fmt.Errorf("drop correction link of %d: %w", id, err)
	}
	// What the 취소 was, kept where the link was (migration 00051): the
	// replacement's void undid the 정정 and took out nothing, which `목록
	// 무효` and the entries export say (issue 19 §4, review r39 F8).
	if err := recordUndo(ctx, tx, id, old.ID); err != nil {
		return commands.VoidResult{}, false, err
	}
	voided.Restored = &restored
	return voided, true, nil
}

// recordUndo records that the void of replacement (voided) was the 취소 of
// the 정정 that replaced original: at its void's moment.
func recordUndo(ctx context.Context, tx sqlx.ExtContext, replacement, original int64) error {
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO correction_undos (replacement_entry_id, original_entry_id, undone_at)
		SELECT id, $2, voided_at FROM entries WHERE id = $1 AND voided_at IS NOT NULL
		ON CONFLICT (replacement_entry_id) DO NOTHING`, replacement, original); err != nil {
		return fmt.Errorf("record the 취소 of the correction by %d: %w", replacement, err)
	}
	return nil
}

// checkRestoreHires refuses (refusal, filled in) a 취소 of a 정정 that
// would break 채용: hires recorded on a corrected agreement's replacement
// since the 정정 depend on it; the hires the original agreement had must
// fit in its count; a corrected hire, restored, must not take its agreement
// beyond its size. It returns the agreement a corrected hire realises, 0 if
// none.
func checkRestoreHires(ctx context.Context, tx sqlx.ExtContext, repl, old commands.Entry, count int64, refusal *commands.UndoCorrectionError) (int64, error) {
	var agreementID int64
	err := sqlx.GetContext(ctx, tx, &agreementID, `SELECT agreement_entry_id FROM agreement_hires WHERE hire_entry_id = $1`, repl.ID)
	switch {
	case err == nil:
		var a entryRow
		if err := sqlx.GetContext(ctx, tx, &a, entrySelect+` WHERE e.id = $1`, agreementID); err != nil {
			return 0, err
		}
		var realised int64
		if err := sqlx.GetContext(ctx, tx, &realised, realisedSQL, agreementID); err != nil {
			return 0, err
		}
		if realised-repl.Count+count > a.Count {
			refusal.Agreement, refusal.Realised = a.entry(), realised
			return 0, refusal
		}
		return agreementID, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, err
	}
	if repl.Status != commands.StatusAgreed {
		return 0, nil
	}
	hires, err := liveHires(ctx, tx, repl.ID)
	if err != nil {
		return 0, err
	}
	var hired int64
	for _, h := range hires {
		hired += h.Count
		if h.ID > repl.ID {
			refusal.Hires = append(refusal.Hires, h)
		}
	}
	if len(refusal.Hires) > 0 {
		return 0, refusal
	}
	if hired > count {
		refusal.Agreement, refusal.Realised = old, hired
		return 0, refusal
	}
	return 0, nil
}

// separateFromReport is what a 누계 report old did not count of the
// ledger through its date: the total through it less the figure it
// reported, i.e. the deltas recorded after it and dated on or before it
// that were answered 누계포함:아니오 (separate jobs; one answered 예
// re-based the report instead). live says old still counts in the total;
// once voided, its increment is added back. Never below zero.
func separateFromReport(ctx context.Context, tx sqlx.ExtContext, old commands.Entry, live bool) (int64, error) {
	through, err := totalThrough(ctx, tx, old.ProgramID, old.AsOf, old.Status)
	if err != nil {
		return 0, fmt.Errorf("total through report %d: %w", old.ID, err)
	}
	if !live {
		through += old.Count
	}
	return max(through-old.ReportedTotal, 0), nil
}

// reportFigure makes a replacement 누계 report state the figure typed
// (reported) where its increment was taken against the ledger less the
// separate jobs beside it (separateFromReport).
func reportFigure(ctx context.Context, tx sqlx.ExtContext, e *commands.Entry, reported int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE entries SET reported_total = $2 WHERE id = $1`, e.ID, reported); err != nil {
		return fmt.Errorf("reported figure of %d: %w", e.ID, err)
	}
	e.ReportedTotal = reported
	return nil
}
