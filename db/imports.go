package db

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// importBatch is how many delta entries of an entries file go in one
// insertEntriesQuery statement.
const importBatch = 1000

// errImportRolledBack ends an import's transaction without committing: a
// dry run, or a file with a problem.
var errImportRolledBack = errors.New("import rolled back")

// Import applies a file read by package importer in one transaction, all
// or nothing: with any problem (a cumulative figure below the ledger, a
// month lowered since an earlier import), or in a dry run, nothing stays
// written and the result says what would have been added.
//
// Exactly once: the file's SHA-256 is a unique key of imports, inserted
// first, so the same file again, or concurrently, finds it and adds
// nothing; each row's idempotency key makes a row already in the ledger
// (from another file) add nothing; a month figure adds only its difference
// from what earlier imports recorded for that program and month.
//
// Locks (Lock order, totals.go): the imports row first (a second import of
// the same file waits there, holding nothing else), then every program of
// the file exclusively, in ascending ID order, then what addEntry and
// voidLocked take.
func (s *Store) Import(ctx context.Context, f commands.ImportFile, dryRun bool) (commands.ImportResult, error) {
	if f.Applied {
		done, err := s.Imported(ctx, f.SHA256)
		if err != nil || !done {
			return commands.ImportResult{}, wrap(fmt.Sprintf("import %q", f.Name), cmp.Or(err, errors.New("file marked applied is not")))
		}
		return commands.ImportResult{AlreadyImported: true}, nil
	}
	var res commands.ImportResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		res, err = importTx(ctx, tx, f)
		if err == nil && (dryRun || len(res.Problems) > 0 || res.AlreadyImported) {
			return errImportRolledBack
		}
		return err
	})
	if errors.Is(err, errImportRolledBack) {
		err = nil
	}
	if err != nil {
		return commands.ImportResult{}, wrap(fmt.Sprintf("import %q", f.Name), err)
	}
	return res, nil
}

// Imported reports whether the file with this SHA-256 (hex) was applied.
func (s *Store) Imported(ctx context.Context, sha256 string) (bool, error) {
	var done bool
	err := s.db.GetContext(ctx, &done, `SELECT EXISTS (SELECT 1 FROM imports WHERE sha256 = $1)`, sha256)
	return done, wrap("imported file", err)
}

// importRun is one import's state inside its transaction.
type importRun struct {
	tx       *sqlx.Tx
	f        commands.ImportFile
	importID int64
	res      commands.ImportResult
	cells    map[cellKey]*commands.ImportCell
	pending  []newEntryRow
	lines    map[string]int // idempotency key → line, of pending rows
	seen     map[string]bool
	// marks are the entries recorded, with their lines, for import_entries.
	markIDs   []int64
	markLines []int64
}

type cellKey struct {
	program string
	month   time.Time
}

func importTx(ctx context.Context, tx *sqlx.Tx, f commands.ImportFile) (commands.ImportResult, error) {
	r := &importRun{tx: tx, f: f, cells: map[cellKey]*commands.ImportCell{}, lines: map[string]int{}, seen: map[string]bool{}}
	const claim = `
		INSERT INTO imports (sha256, file_name, kind, imported_by, rows_read)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (sha256) DO NOTHING
		RETURNING id`
	err := sqlx.GetContext(ctx, tx, &r.importID, claim, f.SHA256, f.Name, string(f.Kind), f.By, len(f.Rows))
	if errors.Is(err, sql.ErrNoRows) {
		return commands.ImportResult{AlreadyImported: true}, nil
	}
	if err != nil {
		return commands.ImportResult{}, fmt.Errorf("claim file: %w", err)
	}
	var programs []int64
	for _, row := range f.Rows {
		programs = append(programs, row.Entry.ProgramID)
		r.cell(row).Rows++
	}
	slices.Sort(programs)
	for _, id := range slices.Compact(programs) {
		if err := lockProgram(ctx, tx, id); err != nil {
			return commands.ImportResult{}, err
		}
	}
	// Holding every program's lock, which a month close takes exclusively,
	// see which months are closed: an import never writes into one (it has
	// no manager's reason to mark the change with); the rows are listed as
	// problems, so nothing is written.
	if refused, err := r.refuseClosedMonths(ctx); err != nil || refused {
		return r.res, err
	}
	for _, ev := range importEvents(f) {
		row := f.Rows[ev.row]
		var err error
		switch {
		case ev.void:
			err = r.void(ctx, row)
		case row.Entry.Kind == commands.KindDelta && !row.MonthFigure:
			r.queue(row)
			if len(r.pending) >= importBatch {
				err = r.flush(ctx)
			}
		default:
			err = r.addOne(ctx, row)
		}
		if err != nil {
			return commands.ImportResult{}, err
		}
	}
	if err := r.flush(ctx); err != nil {
		return commands.ImportResult{}, err
	}
	if err := r.writeMarks(ctx); err != nil {
		return commands.ImportResult{}, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE imports SET added = $2 WHERE id = $1`, r.importID, r.res.Added); err != nil {
		return commands.ImportResult{}, fmt.Errorf("import count: %w", err)
	}
	for _, c := range r.cells {
		r.res.Cells = append(r.res.Cells, *c)
	}
	slices.SortFunc(r.res.Cells, func(a, b commands.ImportCell) int {
		return cmp.Or(strings.Compare(a.Program, b.Program), a.Month.Compare(b.Month))
	})
	return r.res, nil
}

// importEvent is one step of an import: a row's add, or the void of a row
// an entries file marks 무효.
type importEvent struct {
	at   time.Time
	void bool
	row  int
}

// importEvents orders a file's rows for writing. An entries file is
// replayed as it happened: adds in the order they were recorded, each void
// at its time, so cumulative reports and the reports a void adjusted come
// out as they were. Month figures go by date, so a cumulative month is
// taken against the months before it.
func importEvents(f commands.ImportFile) []importEvent {
	evs := make([]importEvent, 0, len(f.Rows))
	for i, row := range f.Rows {
		if f.Kind == commands.ImportEntries {
			evs = append(evs, importEvent{at: row.LoggedAt, row: i})
			if row.Voided {
				evs = append(evs, importEvent{at: cmp.Or(row.VoidedAt, row.LoggedAt), void: true, row: i})
			}
		} else {
			evs = append(evs, importEvent{at: row.Entry.AsOf, row: i})
		}
	}
	slices.SortStableFunc(evs, func(a, b importEvent) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		if a.void != b.void { // an add before a void of the same moment
			if a.void {
				return 1
			}
			return -1
		}
		return a.row - b.row
	})
	return evs
}

func (r *importRun) cell(row commands.ImportRow) *commands.ImportCell {
	m := row.Entry.AsOf
	k := cellKey{row.Program, time.Date(m.Year(), m.Month(), 1, 0, 0, 0, 0, time.UTC)}
	c, ok := r.cells[k]
	if !ok {
		c = &commands.ImportCell{Program: k.program, Month: k.month}
		r.cells[k] = c
	}
	return c
}

// refuseClosedMonths lists every row dated in a closed month as a problem
// and reports whether there was one.
func (r *importRun) refuseClosedMonths(ctx context.Context) (bool, error) {
	days := make([]time.Time, len(r.f.Rows))
	for i, row := range r.f.Rows {
		days[i] = row.Entry.AsOf
	}
	closed, err := closedMonths(ctx, r.tx, days)
	if err != nil || len(closed) == 0 {
		return false, err
	}
	for _, row := range r.f.Rows {
		if c, ok := closed[firstOfMonth(row.Entry.AsOf)]; ok {
			r.problem(row.Line, "날짜", fmt.Sprintf("%d년 %d월", c.Month.Year(), c.Month.Month()),
				"마감되지 않은 달(마감된 달은 `마감 해제` 뒤에 가져오십시오)")
		}
	}
	return true, nil
}

func (r *importRun) problem(line int, column, got, expected string) {
	r.res.Problems = append(r.res.Problems, commands.ImportProblem{Line: line, Column: column, Got: got, Expected: expected})
}

// queue adds a delta row to the pending batch.
func (r *importRun) queue(row commands.ImportRow) {
	if r.seen[row.Entry.IdempotencyKey] {
		r.res.Unchanged++
		return
	}
	r.seen[row.Entry.IdempotencyKey] = true
	r.pending = append(r.pending, newEntryRow{NewEntry: row.Entry})
	r.lines[row.Entry.IdempotencyKey] = row.Line
}

// flush writes the pending delta rows in one statement; a row it did not
// write was in the ledger already.
func (r *importRun) flush(ctx context.Context) error {
	if len(r.pending) == 0 {
		return nil
	}
	written, err := insertEntries(ctx, unprepared{r.tx, insertEntriesQuery}, r.pending)
	if err != nil {
		return fmt.Errorf("import entries: %w", err)
	}
	for _, p := range r.pending {
		res, ok := written[p.IdempotencyKey]
		if !ok {
			r.res.Unchanged++
			continue
		}
		if err := r.recorded(ctx, res.Entry, r.lines[p.IdempotencyKey]); err != nil {
			return err
		}
	}
	r.pending = r.pending[:0]
	clear(r.lines)
	return nil
}

// recorded marks an entry as this import's (written by writeMarks) and
// counts it.
func (r *importRun) recorded(_ context.Context, e commands.Entry, line int) error {
	r.markIDs, r.markLines = append(r.markIDs, e.ID), append(r.markLines, int64(line))
	r.res.Added++
	r.addToCell(e, e.Count)
	return nil
}

// markChunk is how many import_entries rows one statement writes.
const markChunk = 10000

// writeMarks writes import_entries for every entry recorded, a chunk per
// statement (one INSERT per entry would cost a round trip each).
func (r *importRun) writeMarks(ctx context.Context) error {
	const q = `
		INSERT INTO import_entries (import_id, entry_id, line)
		SELECT $1, id, line FROM unnest($2::bigint[], $3::int[]) AS m(id, line)`
	for start := 0; start < len(r.markIDs); start += markChunk {
		end := min(start+markChunk, len(r.markIDs))
		if _, err := r.tx.ExecContext(ctx, q, r.importID, pq.Array(r.markIDs[start:end]), pq.Array(r.markLines[start:end])); err != nil {
			return fmt.Errorf("mark imported entries: %w", err)
		}
	}
	return nil
}

// addOne records a cumulative row or a month figure, after the pending
// batch so that it is taken against everything before it.
func (r *importRun) addOne(ctx context.Context, row commands.ImportRow) error {
	if err := r.flush(ctx); err != nil {
		return err
	}
	e := row.Entry
	if row.MonthFigure {
		prefix := e.IdempotencyKey[:strings.LastIndex(e.IdempotencyKey, ":")+1]
		var before int64
		const q = `
			SELECT COALESCE(SUM(count), 0) FROM entries
			WHERE as_of = $1 AND program_id = $2 AND voided_at IS NULL
			  AND left(idempotency_key, length($3)) = $3`
		if err := sqlx.GetContext(ctx, r.tx, &before, q, dateArg(e.AsOf), e.ProgramID, prefix); err != nil {
			return fmt.Errorf("month imported before: %w", err)
		}
		switch {
		case e.Count == before:
			r.res.Unchanged++
			return nil
		case e.Count < before:
			r.problem(row.Line, fmt.Sprintf("%d월", e.AsOf.Month()), fmt.Sprint(e.Count),
				fmt.Sprintf("앞서 가져온 %d명보다 적습니다: 줄이려면 앞서 가져온 기록을 /jobs 취소로 무효 처리한 뒤 다시 보내 주십시오", before))
			return nil
		}
		e.Count -= before
	}
	res, err := addEntry(ctx, r.tx, e)
	var below *commands.CumulativeBelowError
	switch {
	case errors.As(err, &below):
		r.problem(row.Line, fmt.Sprintf("%d월", e.AsOf.Month()), fmt.Sprint(e.Count),
			fmt.Sprintf("누계가 장부의 %d명보다 적습니다: 누계는 줄어들 수 없습니다", below.Current))
		return nil
	case err != nil:
		return err
	case res.Duplicate || res.Agrees:
		r.res.Unchanged++
		return nil
	}
	return r.recorded(ctx, res.Entry, row.Line)
}

// void voids an entries file's 무효 row, recorded by this import or an
// earlier one.
func (r *importRun) void(ctx context.Context, row commands.ImportRow) error {
	if err := r.flush(ctx); err != nil {
		return err
	}
	e, err := entryByKey(ctx, r.tx, row.Entry.IdempotencyKey)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // the add was refused; its problem is listed
	}
	if err != nil {
		return err
	}
	if e.Voided() {
		return nil
	}
	voided, err := voidLockedReplacing(ctx, r.tx, e.ID, row.VoidedBy, row.VoidReason, 0, time.Time{})
	var dependent *commands.DependentReportError
	if errors.As(err, &dependent) {
		r.problem(row.Line, "무효", "무효", "이 기록을 무효로 하면 뒤의 누계 보고가 맞지 않게 됩니다")
		return nil
	}
	if err != nil {
		return err
	}
	r.res.Voided++
	r.addToCell(e, -e.Count)
	for _, a := range voided.Adjusted { // later 누계 reports keep their figure
		r.addToCell(a.Report, a.Report.Count-a.OldCount)
	}
	return nil
}

// addToCell counts jobs to the preview cell of an entry's program and month.
func (r *importRun) addToCell(e commands.Entry, jobs int64) {
	if c, ok := r.cells[cellKey{e.ProgramCode, time.Date(e.AsOf.Year(), e.AsOf.Month(), 1, 0, 0, 0, 0, time.UTC)}]; ok {
		c.Added += jobs
	}
}
