package db

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// defaultListLimit caps ListEntries when the filter gives no limit: a reply
// can show only so much, and the ledger grows to millions of rows.
const defaultListLimit = 100

// entryRow is an entries row joined with its program's code.
type entryRow struct {
	ID             int64         `db:"id"`
	ProgramID      int64         `db:"program_id"`
	ProgramCode    string        `db:"program_code"`
	Count          int64         `db:"count"`
	ReportedTotal  sql.NullInt64 `db:"reported_total"`
	Kind           string        `db:"kind"`
	AsOf           time.Time     `db:"as_of"`
	Approximate    bool          `db:"approximate"`
	Status         string        `db:"status"`
	EmploymentType string        `db:"employment_type"`
	Department     string        `db:"department"`
	Note           string        `db:"note"`
	LoggedBy       string        `db:"logged_by"`
	Source         string        `db:"source"`
	IdempotencyKey string        `db:"idempotency_key"`
	CreatedAt      time.Time     `db:"created_at"`
	VoidedAt       sql.NullTime  `db:"voided_at"`
	VoidedBy       string        `db:"voided_by"`
	VoidReason     string        `db:"void_reason"`
	AddedSeq       sql.NullInt64 `db:"added_seq"`
	VoidedSeq      sql.NullInt64 `db:"voided_seq"`
	Origin         string        `db:"origin"`
}

func (r entryRow) entry() commands.Entry {
	e := commands.Entry{
		ID:             r.ID,
		ProgramID:      r.ProgramID,
		ProgramCode:    r.ProgramCode,
		Count:          r.Count,
		ReportedTotal:  r.ReportedTotal.Int64,
		Kind:           commands.EntryKind(r.Kind),
		AsOf:           dateOf(r.AsOf),
		Approximate:    r.Approximate,
		Status:         commands.EntryStatus(r.Status),
		EmploymentType: r.EmploymentType,
		Department:     r.Department,
		Note:           r.Note,
		LoggedBy:       r.LoggedBy,
		Source:         commands.Source(r.Source),
		IdempotencyKey: r.IdempotencyKey,
		CreatedAt:      r.CreatedAt.UTC(),
		VoidedBy:       r.VoidedBy,
		VoidReason:     r.VoidReason,
		AddedSeq:       r.AddedSeq.Int64,
		VoidedSeq:      r.VoidedSeq.Int64,
		Origin:         r.Origin,
	}
	if r.VoidedAt.Valid {
		t := r.VoidedAt.Time.UTC()
		e.VoidedAt = &t
	}
	return e
}

const entrySelect = `
	SELECT e.id, e.program_id, p.code AS program_code, e.count, e.reported_total, e.kind,
	       e.as_of, e.approximate, e.status, e.employment_type, e.department, e.note,
	       e.logged_by, e.source, e.idempotency_key, e.created_at, e.voided_at, e.voided_by,
	       e.void_reason, e.added_seq, e.voided_seq, e.origin
	FROM entries e
	JOIN programs p ON p.id = e.program_id`

// AddEntry records an entry; the entries trigger adds it to the running
// totals in the same statement. A
// cumulative entry is stored as the difference from the program's total
// through its as-of date (same year and status), computed under the
// program's exclusive write lock (see Lock order in totals.go); a figure equal
// to that total writes nothing, and one dated before a later cumulative
// report re-bases it (adjustments.go). An entry without a department is credited to
// its program's department. An empty idempotency key gets a random one.
func (s *Store) AddEntry(ctx context.Context, e commands.NewEntry) (commands.AddResult, error) {
	if e.IdempotencyKey == "" {
		e.IdempotencyKey = newKey()
	}
	if e.Kind == commands.KindDelta && e.Count > 0 && e.CloseReason == "" && !e.WithinReports {
		// The commonest write goes in a batch with the delta adds that
		// arrive with it (batch.go): one statement, one commit.
		res, err := s.batchAdd(ctx, e)
		if err == nil {
			return res, nil
		}
		if !errors.Is(err, sql.ErrNoRows) && !errors.Is(err, errBatchFailed) {
			return commands.AddResult{}, wrap(fmt.Sprintf("add entry for program %d", e.ProgramID), err)
		}
		// Nothing written: a repeated key or a missing program, which the
		// general path below answers, or a batch that failed as a whole,
		// which this add retries alone.
	}
	var res commands.AddResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		res, err = addEntry(ctx, tx, e)
		return err
	})
	if err != nil {
		return commands.AddResult{}, wrap(fmt.Sprintf("add entry for program %d", e.ProgramID), err)
	}
	return res, nil
}

// addEntry does AddEntry's work inside tx.
func addEntry(ctx context.Context, tx sqlx.ExtContext, e commands.NewEntry) (commands.AddResult, error) {
	return addEntryRebasing(ctx, tx, e, true)
}

// addEntryRebasing is addEntry; rebase false leaves the later cumulative
// reports as they are (a 정정 of an agreed 누계: the later agreements keep
// their sizes, review r13 S4).
func addEntryRebasing(ctx context.Context, tx sqlx.ExtContext, e commands.NewEntry, rebase bool) (commands.AddResult, error) {
	cumulative := e.Kind == commands.KindCumulative
	// The program's write lock comes first (Lock order step 1), in a
	// statement of its own, so that the insert's snapshot sees what the
	// holders it waited for committed. A cumulative report takes it
	// exclusively, and before looking for the key: a retried report must find
	// its first copy, not compute a difference from the total it produced.
	lock := func() error {
		_, err := tx.ExecContext(ctx, lockProgramsShared(programArray([]int64{e.ProgramID})))
		return err
	}
	if cumulative || e.WithinReports { // both re-base later reports
		lock = func() error { return lockProgram(ctx, tx, e.ProgramID) }
	}
	if previewFrom(ctx) != nil {
		lock = func() error { return nil } // an import preview takes no program lock (import_preview.go)
	}
	if err := lock(); err != nil {
		return commands.AddResult{}, err
	}
	_, department, err := programForEntry(ctx, tx, e.ProgramID)
	if err != nil {
		return commands.AddResult{}, err
	}
	if first, err := entryByKey(ctx, tx, e.IdempotencyKey); err == nil {
		return duplicate(ctx, tx, first)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return commands.AddResult{}, err
	}
	if e.Department == "" {
		e.Department = department
	}
	// An add held as a repeat looks for its identical delta under the
	// fingerprint's lock (Lock order step 1a), in statements of their own
	// after the key's: a concurrent identical add waits here for the first
	// to commit, then finds it and is held (review r6 X12).
	if holdsRepeat(e) {
		if err := lockRepeats(ctx, tx, []commands.NewEntry{e}); err != nil {
			return commands.AddResult{}, err
		}
		if err := refuseRepeat(ctx, tx, e); err != nil {
			return commands.AddResult{}, err
		}
	}
	// An answer of a question with other answers looks for theirs under
	// the answers' locks (Lock order step 1b).
	if len(e.Answers) > 0 {
		if err := lockAnswers(ctx, tx, []commands.NewEntry{e}); err != nil {
			return commands.AddResult{}, err
		}
		if err := refuseAnswered(ctx, tx, e); err != nil {
			return commands.AddResult{}, err
		}
	}
	closed, err := checkOpen(ctx, tx, e.AsOf, e.CloseReason)
	if err != nil {
		return commands.AddResult{}, err
	}
	count, reported := e.Count, sql.NullInt64{}
	if cumulative {
		through, err := totalThrough(ctx, tx, e.ProgramID, e.AsOf, e.Status)
		if err != nil {
			return commands.AddResult{}, err
		}
		switch {
		case e.Count == through || e.Approximate && commands.ApproxCovers(e.Count, through):
			// 1,300여 on a ledger of 1,336: the report says 1,300 or a
			// little over, which the ledger is (review r43 F5)
			res, err := agrees(ctx, tx, e)
			res.Ledger = through
			return res, err
		case e.Count < through:
			return commands.AddResult{}, belowError(ctx, tx, e, through)
		}
		count, reported = e.Count-through, sql.NullInt64{Int64: e.Count, Valid: true}
	} else if count <= 0 {
		return commands.AddResult{}, fmt.Errorf("count %d is not positive", count)
	}
	// A report dated before a later one (a month-end figure reported late)
	// re-bases the later reports, which did not count it, so each keeps
	// its total (adjustments.go). Their rows are locked before the insert
	// (ascending ID order, Lock order step 2), and a report that would leave
	// one no increase is refused before anything is written.
	var steps []rebaseStep
	if cumulative && rebase {
		later, err := lockReportsFrom(ctx, tx, e.ProgramID, e.Status, e.AsOf, true)
		if err != nil {
			return commands.AddResult{}, err
		}
		var blocked *commands.Entry
		if steps, blocked = planRebase(later, rebaseChange{asOf: e.AsOf, jobs: count}, 0); blocked != nil {
			through, err := totalThrough(ctx, tx, e.ProgramID, blocked.AsOf, e.Status)
			if err != nil {
				return commands.AddResult{}, err
			}
			return commands.AddResult{}, &commands.LaterReportError{Reported: e.Count, AsOf: e.AsOf, Approximate: e.Approximate,
				Report: *blocked, Through: through - blocked.Count + count}
		}
	} else if e.WithinReports {
		// A delta already inside the later reports (누계포함:예: a 채용 or
		// an 추가 entered late, its jobs already in a 누계 reported since)
		// re-bases the first of them the same way, reports of its own date
		// included; one left no increase refuses it before anything is
		// written.
		later, err := lockReportsFrom(ctx, tx, e.ProgramID, e.Status, e.AsOf, false)
		if err != nil {
			return commands.AddResult{}, err
		}
		var blocked *commands.Entry
		if steps, blocked = planRebase(later, rebaseChange{asOf: e.AsOf, jobs: count}, 0); blocked != nil {
			return commands.AddResult{}, &commands.HireBeyondReportError{Report: *blocked, Count: count}
		}
	}

	res, err := insertEntry(ctx, unprepared{tx, insertEntriesQuery}, e, count, reported)
	if errors.Is(err, sql.ErrNoRows) {
		// A concurrent request with the same key committed first.
		first, err := entryByKey(ctx, tx, e.IdempotencyKey)
		if err != nil {
			return commands.AddResult{}, err
		}
		return duplicate(ctx, tx, first)
	}
	if err == nil && closed {
		err = markAfterClose(ctx, tx, res.Entry, "add", e.LoggedBy, e.CloseReason, e.RecordedAt)
	}
	if err != nil || len(steps) == 0 {
		return res, err
	}
	adjusted, err := applyRebase(ctx, tx, steps, res.Entry.ID, e.LoggedBy, e.RecordedAt)
	if err != nil {
		return commands.AddResult{}, err
	}
	if err := markAdjusted(ctx, tx, adjusted, e.LoggedBy, e.CloseReason, e.RecordedAt); err != nil {
		return commands.AddResult{}, err
	}
	res.Rebased = adjusted
	if res.ProgramTotal, err = yearTotal(ctx, tx, e.ProgramID, e.AsOf.Year(), e.Status); err != nil {
		return commands.AddResult{}, err
	}
	return res, nil
}

// agrees is AddEntry's answer to a cumulative figure that equals the total
// through its date: nothing to record.
func agrees(ctx context.Context, tx sqlx.ExtContext, e commands.NewEntry) (commands.AddResult, error) {
	total, err := yearTotal(ctx, tx, e.ProgramID, e.AsOf.Year(), e.Status)
	if err != nil {
		return commands.AddResult{}, err
	}
	res := commands.AddResult{Agrees: true, ProgramTotal: total, Entry: commands.Entry{
		ProgramID: e.ProgramID, ReportedTotal: e.Count, Kind: e.Kind, AsOf: e.AsOf, Approximate: e.Approximate,
		Status: e.Status, Department: e.Department, LoggedBy: e.LoggedBy, Source: e.Source,
	}}
	if e.Approximate || e.ExactReason == "" {
		return res, nil
	}
	olds, news, err := makeLatestReportExact(ctx, tx, e)
	if err != nil || len(olds) == 0 {
		return res, err
	}
	res.MadeExact, res.ExactEntry = &olds[0], &news[0]
	res.MadeExactAll, res.ExactAll = olds, news
	return res, nil
}

// makeLatestReportExact clears 여 from what makes the program's figure
// through e's date approximate, when e (an exact report agreeing with the
// ledger) follows it: the latest report decides whether the figure is
// approximate (approximate.go), and an entries row can hold no zero count to
// say so itself. That is the latest live cumulative report of e's year and
// status dated on or before e's, if it carries 여, and every live delta
// carrying 여 dated after it (after 1 January if there is none) through e's
// date. Each is voided with e.ExactReason and recorded again with the same
// date, count and reported total, exact, linked in entry_corrections, so no
// total moves and the trail shows why. An entry in a closed month without a
// manager's reason is left as it is. The caller holds the program's
// exclusive lock; the entries are voided in ascending ID order (Lock order
// step 2). It returns the entries voided and their exact copies, pairwise.
func makeLatestReportExact(ctx context.Context, tx sqlx.ExtContext, e commands.NewEntry) ([]commands.Entry, []commands.Entry, error) {
	from := fmt.Sprintf("%04d-01-01", e.AsOf.Year())
	q := entrySelect + `
		WHERE e.program_id = $1 AND e.status = $2 AND e.kind = 'cumulative' AND e.voided_at IS NULL
		  AND e.as_of BETWEEN $3::date AND $4::date
		ORDER BY e.as_of DESC, e.id DESC
		LIMIT 1`
	var rows []entryRow
	if err := sqlx.SelectContext(ctx, tx, &rows, q, e.ProgramID, string(e.Status), from, dateArg(e.AsOf)); err != nil {
		return nil, nil, fmt.Errorf("latest report: %w", err)
	}
	var found []commands.Entry
	after := from
	if len(rows) > 0 {
		latest := rows[0].entry()
		if latest.Approximate {
			found = append(found, latest)
		}
		after = dateArg(latest.AsOf.AddDate(0, 0, 1))
	}
	q = entrySelect + `
		WHERE e.program_id = $1 AND e.status = $2 AND e.kind = 'delta' AND e.voided_at IS NULL AND e.approximate
		  AND e.as_of BETWEEN $3::date AND $4::date
		ORDER BY e.id`
	rows = nil
	if err := sqlx.SelectContext(ctx, tx, &rows, q, e.ProgramID, string(e.Status), after, dateArg(e.AsOf)); err != nil {
		return nil, nil, fmt.Errorf("approximate deltas: %w", err)
	}
	found = append(found, entries(rows)...)
	slices.SortFunc(found, func(a, b commands.Entry) int { return cmp.Compare(a.ID, b.ID) })
	var olds, news []commands.Entry
	for _, old := range found {
		var closed *commands.MonthClosedError
		if _, err := checkOpen(ctx, tx, old.AsOf, e.CloseReason); errors.As(err, &closed) {
			continue
		} else if err != nil {
			return nil, nil, err
		}
		voided, wasClosed, err := voidChecked(ctx, tx, old.ID, e.LoggedBy, e.ExactReason, e.CloseReason, old.Count, e.RecordedAt)
		if err != nil {
			return nil, nil, err
		}
		key := e.IdempotencyKey
		if len(olds) > 0 {
			key = fmt.Sprintf("%s:exact:%d", e.IdempotencyKey, old.ID)
		}
		ne := commands.NewEntry{
			ProgramID: old.ProgramID, Count: old.Count, Kind: old.Kind, AsOf: old.AsOf,
			Status: old.Status, EmploymentType: old.EmploymentType, Department: old.Department, Note: old.Note,
			LoggedBy: e.LoggedBy, Source: e.Source, IdempotencyKey: key, CloseReason: e.CloseReason, RecordedAt: e.RecordedAt,
		}
		reported := sql.NullInt64{}
		if old.Kind == commands.KindCumulative {
			reported = sql.NullInt64{Int64: old.ReportedTotal, Valid: true}
		}
		added, err := insertEntry(ctx, unprepared{tx, insertEntriesQuery}, ne, old.Count, reported)
		if err != nil {
			return nil, nil, err
		}
		if wasClosed {
			if err := markAfterClose(ctx, tx, added.Entry, "add", e.LoggedBy, e.CloseReason, e.RecordedAt); err != nil {
				return nil, nil, err
			}
		}
		// The copy keeps the figure the later reports counted: no
		// separate change (누계포함 is never asked), so a later void of it
		// re-bases them as a void of the original would.
		// What the void re-based is kept as a 정정's is (entry_corrections.rebased).
		var rebased int64
		for _, a := range voided.Adjusted {
			rebased += a.Report.Count - a.OldCount
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO entry_corrections (old_entry_id, new_entry_id, reason, corrected_by, corrected_at, separate, rebased)
			VALUES ($1, $2, $3, $4, COALESCE($5, now()), false, $6)`, old.ID, added.Entry.ID, e.ExactReason, e.LoggedBy, nullTime(e.RecordedAt), rebased); err != nil {
			return nil, nil, fmt.Errorf("link exact copy: %w", err)
		}
		// An agreed entry's hires realise its exact copy (as after a 정정).
		if _, err := tx.ExecContext(ctx, `UPDATE agreement_hires SET agreement_entry_id = $2 WHERE agreement_entry_id = $1`,
			old.ID, added.Entry.ID); err != nil {
			return nil, nil, fmt.Errorf("move hires to exact copy: %w", err)
		}
		olds, news = append(olds, voided.Entry), append(news, added.Entry)
	}
	return olds, news, nil
}

// belowCulprits is how many entries a refused cumulative report names.
const belowCulprits = 3

// belowError refuses a cumulative figure below the total through its date,
// naming the live entries most worth checking: first those the latest live
// report through the date did not count (recorded after it, or dated after
// it: a back-dated delta, which the 과 re-sending that report does not
// know of, review r5 A13), then those that alone exceed the difference (a
// figure typed ten times too large, a month logged twice), then the latest.
func belowError(ctx context.Context, tx sqlx.ExtContext, e commands.NewEntry, through int64) error {
	q := `WITH report AS (
			SELECT id, as_of FROM entries
			WHERE program_id = $1 AND status = $2 AND voided_at IS NULL AND kind = 'cumulative'
			  AND as_of BETWEEN $3::date AND $4::date
			ORDER BY as_of DESC, id DESC LIMIT 1
		)
		` + entrySelect + `
		LEFT JOIN report ON true
		WHERE e.program_id = $1 AND e.status = $2 AND e.voided_at IS NULL
		  AND e.as_of BETWEEN $3::date AND $4::date
		ORDER BY COALESCE(e.id > report.id OR e.as_of > report.as_of, true) DESC,
		         e.count >= $5 DESC, e.as_of DESC, e.id DESC
		LIMIT $6`
	var rows []entryRow
	from := fmt.Sprintf("%04d-01-01", e.AsOf.Year())
	err := sqlx.SelectContext(ctx, tx, &rows, q, e.ProgramID, string(e.Status), from, dateArg(e.AsOf), through-e.Count, belowCulprits)
	if err != nil {
		return fmt.Errorf("entries to check: %w", err)
	}
	return &commands.CumulativeBelowError{Current: through, Reported: e.Count, AsOf: e.AsOf, Entries: entries(rows)}
}

// duplicate is AddEntry's answer to a repeated idempotency key.
func duplicate(ctx context.Context, db sqlx.ExtContext, first commands.Entry) (commands.AddResult, error) {
	total, err := yearTotal(ctx, db, first.ProgramID, first.AsOf.Year(), first.Status)
	if err != nil {
		return commands.AddResult{}, err
	}
	return commands.AddResult{Entry: first, ProgramTotal: total, Duplicate: true}, nil
}

// Entry returns one entry, voided or not; ErrNotFound if there is none.
func (s *Store) Entry(ctx context.Context, id int64) (commands.Entry, error) {
	e, err := entryByID(ctx, s.db, id)
	if err != nil {
		return commands.Entry{}, wrap(fmt.Sprintf("entry %d", id), err)
	}
	return e, nil
}

// LatestLiveEntryBy returns the newest entry by the user that is not voided;
// ErrNotFound if there is none.
func (s *Store) LatestLiveEntryBy(ctx context.Context, userID string) (commands.Entry, error) {
	q := entrySelect + ` WHERE e.logged_by = $1 AND e.voided_at IS NULL ORDER BY e.id DESC LIMIT 1`
	var r entryRow
	if err := sqlx.GetContext(ctx, s.db, &r, q, userID); err != nil {
		return commands.Entry{}, wrap(fmt.Sprintf("latest live entry by %q", userID), err)
	}
	return r.entry(), nil
}

// ListEntries returns entries newest first (by ID), voided ones included. A
// filter without a limit returns at most defaultListLimit entries.
func (s *Store) ListEntries(ctx context.Context, f commands.EntryFilter) ([]commands.Entry, error) {
	var (
		where []string
		args  []any
	)
	add := func(cond string, arg any) {
		args = append(args, arg)
		where = append(where, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if f.LoggedBy != "" {
		add("e.logged_by = ?", f.LoggedBy)
	}
	if f.ProgramID != 0 {
		add("e.program_id = ?", f.ProgramID)
	}
	if f.Department != "" {
		add("e.department = ?", f.Department)
	}
	if f.Status != "" {
		add("e.status = ?", string(f.Status))
	}
	if !f.From.IsZero() {
		add("e.as_of >= ?::date", dateArg(f.From))
	}
	if !f.To.IsZero() {
		add("e.as_of <= ?::date", dateArg(f.To))
	}
	limit := f.Limit
	if limit <= 0 {
		limit = defaultListLimit
	}
	q := entrySelect
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	args = append(args, limit)
	q += ` ORDER BY e.id DESC LIMIT $` + strconv.Itoa(len(args))

	var rows []entryRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, args...); err != nil {
		return nil, wrap("list entries", err)
	}
	return entries(rows), nil
}

// VoidEntry marks a live entry voided with who and why (the entries
// trigger takes it out of the running totals) and recomputes the later cumulative reports that counted on
// it, all in one transaction; ErrAlreadyVoided if it was voided before,
// ErrNotFound if it does not exist, *commands.DependentReportError if a later
// report cannot stay true without it. at is when (the service's clock).
func (s *Store) VoidEntry(ctx context.Context, id int64, by, reason string, at time.Time) (commands.VoidResult, error) {
	var out commands.VoidResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// The program never changes, so reading it unlocked is safe; its lock
		// comes first (Lock order).
		var programID int64
		if err := sqlx.GetContext(ctx, tx, &programID, `SELECT program_id FROM entries WHERE id = $1`, id); err != nil {
			return err
		}
		if err := lockProgram(ctx, tx, programID); err != nil {
			return err
		}
		var err error
		out, err = voidUnmarked(ctx, tx, id, by, reason, at)
		return err
	})
	if err != nil {
		return commands.VoidResult{}, wrap(fmt.Sprintf("void entry %d", id), err)
	}
	return out, nil
}

// voidUnmarked is every void without a manager's close reason (무효 typed by
// anyone, 취소, an import's 무효 row): one path, so they refuse alike. An
// agreement with live hires is refused (*commands.AgreementHasHiresError),
// and so is a void of an entry in a closed month or one that would recompute
// a later cumulative report in a closed month (*commands.MonthClosedError):
// only a manager's void, with its reason, changes a closed month, marked.
// The caller holds the entry's program lock.
func voidUnmarked(ctx context.Context, tx sqlx.ExtContext, id int64, by, reason string, at time.Time) (commands.VoidResult, error) {
	return voidUnmarkedReplacing(ctx, tx, id, by, reason, 0, at)
}

// voidUnmarkedReplacing is voidUnmarked re-basing later cumulative reports
// as if the entry's count became replacement (an import's replay of a
// 정정, whose replacement it adds next).
func voidUnmarkedReplacing(ctx context.Context, tx sqlx.ExtContext, id int64, by, reason string, replacement int64, at time.Time) (commands.VoidResult, error) {
	if err := refuseLiveHires(ctx, tx, id); err != nil {
		return commands.VoidResult{}, err
	}
	out, _, err := voidChecked(ctx, tx, id, by, reason, "", replacement, at)
	return out, err
}

// voidLockedReplacing voids entry id, whose program the caller has locked,
// and keeps the totals and the later cumulative reports right. The later
// reports are recomputed as if the entry's count became replacement: 0 for
// a void, the new count for a correction whose replacement the caller
// records on the same date. at is when (the service's clock; zero: the
// database's).
func voidLockedReplacing(ctx context.Context, tx sqlx.ExtContext, id int64, by, reason string, replacement int64, at time.Time) (commands.VoidResult, error) {
	// The WHERE clause makes concurrent voids of one entry safe: the loser
	// waits for the winner's commit and then matches no row.
	const q = `
		UPDATE entries
		SET voided_at = COALESCE($4, now()), voided_by = $2, void_reason = $3
		WHERE id = $1 AND voided_at IS NULL
		RETURNING id`
	var voidedID int64
	if err := sqlx.GetContext(ctx, tx, &voidedID, q, id, by, reason, nullTime(at)); errors.Is(err, sql.ErrNoRows) {
		return commands.VoidResult{}, commands.ErrAlreadyVoided
	} else if err != nil {
		return commands.VoidResult{}, err
	}
	voided, err := entryByID(ctx, tx, id)
	if err != nil {
		return commands.VoidResult{}, err
	}
	position, err := correctionRoot(ctx, tx, id)
	if err != nil {
		return commands.VoidResult{}, err
	}
	adjusted, err := adjustLaterReports(ctx, tx, voided, position, by, replacement, at)
	if err != nil {
		return commands.VoidResult{}, err
	}
	return commands.VoidResult{Entry: voided, Adjusted: adjusted}, nil
}

// VoidedBetween returns entries voided within [from, to), oldest void first.
func (s *Store) VoidedBetween(ctx context.Context, from, to time.Time) ([]commands.Entry, error) {
	q := entrySelect + ` WHERE e.voided_at >= $1 AND e.voided_at < $2 ORDER BY e.voided_at, e.id`
	var rows []entryRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, from, to); err != nil {
		return nil, wrap("voided between", err)
	}
	return entries(rows), nil
}

// VoidedDated returns the voided entries dated from from through to
// (dates, both inclusive), whenever voided, in the order of their voids.
func (s *Store) VoidedDated(ctx context.Context, from, to time.Time) ([]commands.Entry, error) {
	q := entrySelect + ` WHERE e.voided_at IS NOT NULL AND e.as_of BETWEEN $1::date AND $2::date ORDER BY e.voided_at, e.id`
	var rows []entryRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, from.Format(time.DateOnly), to.Format(time.DateOnly)); err != nil {
		return nil, wrap("voided entries dated between", err)
	}
	return entries(rows), nil
}

// TakenUpByLaterReports returns, per entry of ids, the jobs later 누계
// reports took up when it was voided: the rises (new above old) of the
// reports re-based with it as the cause. A re-base made when the entry was
// recorded (a report dated before a later one lowers that one) is a fall
// and is left out. What a void took out of the ledger is the entry's count
// less this (review r11 F8).
// Only the last re-basing of each report by the entry is the void's: the
// void is the last thing the entry does. An earlier rise is a 정정 of the
// entry that a 취소 took back since (the 취소 re-based the report back,
// kept with the entry as cause since review r29 B4, older 취소s with the
// voided replacement as cause, and dropped the link): it took nothing up
// (review r29 B6: 15 taken up where the void took up 10).
func (s *Store) TakenUpByLaterReports(ctx context.Context, ids []int64) (map[int64]int64, error) {
	return s.jobsByID(ctx, "taken up by later reports", `
		SELECT cause_entry_id AS id, SUM(jobs) AS jobs
		FROM (SELECT DISTINCT ON (cause_entry_id, entry_id) cause_entry_id, new_count - old_count AS jobs
		      FROM entry_adjustments
		      WHERE cause_entry_id = ANY($1::bigint[])
		      ORDER BY cause_entry_id, entry_id, id DESC) last
		WHERE jobs > 0
		GROUP BY cause_entry_id`, ids)
}

// AdjustedBy returns, per 누계 report of ids, how much the re-basings
// since it was recorded changed its increment (new less old, summed): its
// increment when recorded is its count less this.
func (s *Store) AdjustedBy(ctx context.Context, ids []int64) (map[int64]int64, error) {
	return s.jobsByID(ctx, "re-basings of reports", `
		SELECT entry_id AS id, SUM(new_count - old_count) AS jobs
		FROM entry_adjustments
		WHERE entry_id = ANY($1::bigint[])
		GROUP BY entry_id`, ids)
}

// jobsByID runs q, which selects id and jobs for the entries $1 (ids),
// into a map; what names it in an error.
func (s *Store) jobsByID(ctx context.Context, what, q string, ids []int64) (map[int64]int64, error) {
	var rows []struct {
		ID   int64 `db:"id"`
		Jobs int64 `db:"jobs"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, pq.Array(ids)); err != nil {
		return nil, wrap(what, err)
	}
	out := make(map[int64]int64, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Jobs
	}
	return out, nil
}

// entryByID returns one entry with its program code.
func entryByID(ctx context.Context, db sqlx.ExtContext, id int64) (commands.Entry, error) {
	var r entryRow
	if err := sqlx.GetContext(ctx, db, &r, entrySelect+` WHERE e.id = $1`, id); err != nil {
		return commands.Entry{}, err
	}
	return r.entry(), nil
}

// entryByKey returns the entry recorded with an idempotency key.
func entryByKey(ctx context.Context, db sqlx.ExtContext, key string) (commands.Entry, error) {
	var r entryRow
	if err := sqlx.GetContext(ctx, db, &r, entrySelect+` WHERE e.idempotency_key = $1`, key); err != nil {
		return commands.Entry{}, err
	}
	return r.entry(), nil
}

// entryByOrigin returns the entry of an origin (기록 식별자).
func entryByOrigin(ctx context.Context, db sqlx.ExtContext, origin string) (commands.Entry, error) {
	var r entryRow
	if err := sqlx.GetContext(ctx, db, &r, entrySelect+` WHERE e.origin = $1::uuid`, origin); err != nil {
		return commands.Entry{}, err
	}
	return r.entry(), nil
}

func entries(rows []entryRow) []commands.Entry {
	out := make([]commands.Entry, len(rows))
	for i, r := range rows {
		out[i] = r.entry()
	}
	return out
}
