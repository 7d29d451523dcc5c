package db

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// realisedSQL sums the live hire entries of agreement $1.
const realisedSQL = `
	SELECT COALESCE(SUM(e.count), 0) FROM agreement_hires h
	JOIN entries e ON e.id = h.hire_entry_id AND e.voided_at IS NULL
	WHERE h.agreement_entry_id = $1`

// HireAgreement turns part or all of an agreement into realised jobs (채용):
// a realised entry of the agreement's program, department and employment
// type on h.AsOf, linked to the agreement. Under the program's exclusive
// lock and the agreement's row lock (Lock order steps 1 and 2) it sums what
// the agreement realised so far, so two hires at once can never realise more
// than its count (*commands.OverRealisedError). ErrNotAgreement if the entry
// is no live agreement; a repeated key returns the first hire, Duplicate set.
func (s *Store) HireAgreement(ctx context.Context, h commands.Hire) (commands.HireResult, error) {
	if h.Key == "" {
		h.Key = newKey()
	}
	var out commands.HireResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var programID int64
		if err := sqlx.GetContext(ctx, tx, &programID, `SELECT program_id FROM entries WHERE id = $1`, h.AgreementID); err != nil {
			return err
		}
		if err := lockProgram(ctx, tx, programID); err != nil {
			return err
		}
		// A hire answering a held question looks for its other answers
		// under their locks (Lock order step 1b), before any row of
		// entries is locked: of the hire and another answer sent at once,
		// one records (review r33 B4, holdlock's open point).
		answer := commands.NewEntry{IdempotencyKey: h.Key, Answers: h.Answers}
		if err := lockAnswers(ctx, tx, []commands.NewEntry{answer}); err != nil {
			return err
		}
		if err := refuseAnswered(ctx, tx, answer); err != nil {
			return err
		}
		var r entryRow
		if err := sqlx.GetContext(ctx, tx, &r, entrySelect+` WHERE e.id = $1 FOR UPDATE OF e`, h.AgreementID); err != nil {
			return err
		}
		out.Agreement = r.entry()
		if first, err := entryByKey(ctx, tx, h.Key); err == nil {
			out.Hire, err = duplicate(ctx, tx, first)
			out.Duplicate = true
			if err != nil {
				return err
			}
			return sqlx.GetContext(ctx, tx, &out.Realised, realisedSQL, h.AgreementID)
		}
		var realised int64
		if err := sqlx.GetContext(ctx, tx, &realised, realisedSQL, h.AgreementID); err != nil {
			return err
		}
		// The check an imported hire passes too (commands.CheckHire).
		if err := commands.CheckHire(out.Agreement, realised, h.Count, h.AsOf); err != nil {
			return err
		}
		a := out.Agreement
		// A hire already inside the later 누계 reports (누계포함:예) re-bases
		// the first of them in addEntry, as an 추가 with 누계포함:예 does.
		var err error
		out.Hire, err = addEntry(ctx, tx, commands.NewEntry{
			ProgramID: a.ProgramID, Count: h.Count, Kind: commands.KindDelta, AsOf: h.AsOf,
			Status: commands.StatusRealised, EmploymentType: a.EmploymentType, Department: a.Department,
			Note: h.Note, LoggedBy: h.By, Source: h.Source, IdempotencyKey: h.Key, CloseReason: h.CloseReason,
			RecordedAt: h.At, WithinReports: h.WithinReports,
		})
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO agreement_hires (hire_entry_id, agreement_entry_id, hired_by, hired_at)
			VALUES ($1, $2, $3, COALESCE($4, now()))`,
			out.Hire.Entry.ID, a.ID, h.By, nullTime(h.At)); err != nil {
			return err
		}
		out.Realised = realised + h.Count
		out.Rebased = out.Hire.Rebased
		return nil
	})
	var over *commands.OverRealisedError
	var closed *commands.MonthClosedError
	var beyond *commands.HireBeyondReportError
	var before *commands.HireBeforeAgreementError
	var answered *commands.AnsweredError
	if errors.As(err, &over) || errors.As(err, &closed) || errors.As(err, &beyond) || errors.As(err, &before) || errors.As(err, &answered) ||
		errors.Is(err, commands.ErrNotAgreement) {
		return commands.HireResult{}, err
	}
	if said := exclusionError(err); said != nil {
		return commands.HireResult{}, said
	}
	if err != nil {
		return commands.HireResult{}, wrap(fmt.Sprintf("hire from agreement %d", h.AgreementID), err)
	}
	return out, nil
}

// AgreementTotals sums, per program, the live agreements dated in [from, to]
// and what their live hires dated on or before to realised (약정 이행), and
// apart, the live hires dated in [spanFrom, to] of agreements dated before
// from (a January hire of last year's agreement: this year's job, last
// year's agreement; review r22 F37). SpanRealised is the part of Realised
// dated in [spanFrom, to]: a week's or month's view says its own hires, in
// the span of their dates, beside the year's (review r37 F6: `현황 이번주`
// said last week's hires as the week's). A department other than "" keeps
// only the agreements it logged.
func (s *Store) AgreementTotals(ctx context.Context, from, spanFrom, to time.Time, department string) ([]commands.AgreementTotal, error) {
	const q = `
		WITH cur AS (
			SELECT a.program_id, SUM(a.count) AS agreed, COALESCE(SUM(r.realised), 0) AS realised,
			       COALESCE(SUM(r.span), 0) AS span, bool_or(a.approximate) AS approximate
			FROM entries a
			LEFT JOIN LATERAL (
				SELECT SUM(e.count) AS realised, SUM(e.count) FILTER (WHERE e.as_of >= $4::date) AS span
				FROM agreement_hires h
				JOIN entries e ON e.id = h.hire_entry_id AND e.voided_at IS NULL AND e.as_of <= $2::date
				WHERE h.agreement_entry_id = a.id
			) r ON true
			WHERE a.status = 'agreed' AND a.voided_at IS NULL AND a.as_of BETWEEN $1::date AND $2::date
			  AND ($3 = '' OR a.department = $3)
			GROUP BY a.program_id
		), earlier AS (
			SELECT a.program_id, SUM(e.count) AS earlier
			FROM agreement_hires h
			JOIN entries e ON e.id = h.hire_entry_id AND e.voided_at IS NULL AND e.as_of BETWEEN $4::date AND $2::date
			JOIN entries a ON a.id = h.agreement_entry_id AND a.status = 'agreed' AND a.as_of < $1::date
			WHERE ($3 = '' OR a.department = $3)
			GROUP BY a.program_id
		)
		SELECT program_id, COALESCE(c.agreed, 0) AS agreed, COALESCE(c.realised, 0) AS realised,
		       COALESCE(c.span, 0) AS span,
		       COALESCE(c.approximate, false) AS approximate, COALESCE(x.earlier, 0) AS earlier
		FROM cur c FULL JOIN earlier x USING (program_id)
		ORDER BY program_id`
	var rows []struct {
		ProgramID int64 `db:"program_id"`
		Agreed    int64 `db:"agreed"`
		Realised  int64 `db:"realised"`
		Span      int64 `db:"span"`
		// Approximate: one of the agreements is approximate (100여), so
		// the sum carries 여 (r20 F13/G10/G24).
		Approximate bool  `db:"approximate"`
		Earlier     int64 `db:"earlier"`
	}
	if spanFrom.Before(from) {
		spanFrom = from
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(from), dateArg(to), department, dateArg(spanFrom)); err != nil {
		return nil, wrap("agreement totals", err)
	}
	out := make([]commands.AgreementTotal, len(rows))
	for i, r := range rows {
		out[i] = commands.AgreementTotal{ProgramID: r.ProgramID, Agreed: r.Agreed, Realised: r.Realised, SpanRealised: r.Span,
			Approximate: r.Approximate, EarlierRealised: r.Earlier}
	}
	return out, nil
}

// StaleAgreements returns live agreements dated before before with nothing
// realised, oldest first, at most limit: what 약정 이행 점검 asks about.
func (s *Store) StaleAgreements(ctx context.Context, before time.Time, limit int) ([]commands.Entry, error) {
	q := entrySelect + `
		WHERE e.status = 'agreed' AND e.voided_at IS NULL AND e.as_of < $1::date
		  AND NOT EXISTS (SELECT 1 FROM agreement_hires h JOIN entries x ON x.id = h.hire_entry_id AND x.voided_at IS NULL
		                  WHERE h.agreement_entry_id = e.id)
		ORDER BY e.as_of, e.id
		LIMIT $2`
	var rows []entryRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(before), limit); err != nil {
		return nil, wrap("stale agreements", err)
	}
	return entries(rows), nil
}

// refuseLiveHires fails with *commands.AgreementHasHiresError when entry id
// is an agreement with live hires: a void (무효, 취소) must not leave them
// realising a voided entry. The caller holds the program's exclusive lock,
// which every hire and every correction of a hire takes first, so no hire
// can appear between this check and the void.
func refuseLiveHires(ctx context.Context, tx sqlx.ExtContext, id int64) error {
	hires, err := liveHires(ctx, tx, id)
	if err != nil || len(hires) == 0 {
		return err
	}
	agreement, err := entryByID(ctx, tx, id)
	if err != nil {
		return err
	}
	return &commands.AgreementHasHiresError{Agreement: agreement, Hires: hires}
}

// liveHires are the live hire entries recorded against agreement id, oldest
// first: what a void, a correction or a re-basing of the agreement must not
// leave realising less than they hired.
func liveHires(ctx context.Context, tx sqlx.ExtContext, id int64) ([]commands.Entry, error) {
	var rows []entryRow
	q := entrySelect + `
		JOIN agreement_hires h ON h.hire_entry_id = e.id
		WHERE h.agreement_entry_id = $1 AND e.voided_at IS NULL
		ORDER BY e.id`
	if err := sqlx.SelectContext(ctx, tx, &rows, q, id); err != nil {
		return nil, fmt.Errorf("live hires of %d: %w", id, err)
	}
	return entries(rows), nil
}

// OpenAgreements returns the live agreements of program that their live
// hires have not wholly realised, oldest first, at most limit, each with what
// it has realised: the agreements an add of "협약 인원 채용" may mean.
func (s *Store) OpenAgreements(ctx context.Context, programID int64, limit int) ([]commands.OpenAgreement, error) {
	q := `SELECT x.*, COALESCE(r.realised, 0) AS realised FROM (` + entrySelect + `
		WHERE e.program_id = $1 AND e.status = 'agreed' AND e.voided_at IS NULL) x
		LEFT JOIN LATERAL (
			SELECT SUM(h2.count) AS realised FROM agreement_hires h
			JOIN entries h2 ON h2.id = h.hire_entry_id AND h2.voided_at IS NULL
			WHERE h.agreement_entry_id = x.id
		) r ON true
		WHERE x.count > COALESCE(r.realised, 0)
		ORDER BY x.as_of, x.id
		LIMIT $2`
	return s.openAgreements(ctx, "open agreements", q, programID, limit)
}

// OpenAgreementsBefore returns the live agreements dated before before (an
// earlier year's) not wholly realised by their live hires dated through to,
// oldest first, at most limit; department "" is every department. A new
// year's views carry them, so an agreement still owed is not lost at the
// year turn (review r27 F10).
func (s *Store) OpenAgreementsBefore(ctx context.Context, before, to time.Time, department string, limit int) ([]commands.OpenAgreement, error) {
	q := `SELECT x.*, COALESCE(r.realised, 0) AS realised FROM (` + entrySelect + `
		WHERE e.status = 'agreed' AND e.voided_at IS NULL AND e.as_of < $1::date
		  AND ($3 = '' OR e.department = $3)) x
		LEFT JOIN LATERAL (
			SELECT SUM(h2.count) AS realised FROM agreement_hires h
			JOIN entries h2 ON h2.id = h.hire_entry_id AND h2.voided_at IS NULL AND h2.as_of <= $2::date
			WHERE h.agreement_entry_id = x.id
		) r ON true
		WHERE x.count > COALESCE(r.realised, 0)
		ORDER BY x.as_of, x.id
		LIMIT $4`
	return s.openAgreements(ctx, "open agreements before", q, dateArg(before), dateArg(to), department, limit)
}

// openAgreements reads agreements with what their hires realised (the
// column realised) by q, for OpenAgreements and OpenAgreementsBefore.
func (s *Store) openAgreements(ctx context.Context, what, q string, args ...any) ([]commands.OpenAgreement, error) {
	var rows []struct {
		entryRow
		Realised int64 `db:"realised"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, args...); err != nil {
		return nil, wrap(what, err)
	}
	out := make([]commands.OpenAgreement, len(rows))
	for i, r := range rows {
		out[i] = commands.OpenAgreement{Agreement: entries([]entryRow{r.entryRow})[0], Realised: r.Realised}
	}
	return out, nil
}
