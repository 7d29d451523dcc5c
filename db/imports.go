package db

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// importBatch is how many delta entries of an entries file go in one
// insertEntriesQuery statement.
const importBatch = 2000

// errImportRolledBack ends an import's transaction without committing: a
// dry run, or a file with a problem.
var errImportRolledBack = errors.New("import rolled back")

// Import applies a file read by package importer in one transaction, all
// or nothing: with any problem (a cell the reader refused, a cumulative
// figure below the ledger, a month lowered since an earlier import), or in
// a dry run, nothing stays written and the result says what would have been
// added.
//
// A file with a Scan is read inside the transaction and its rows written
// in batches as they come, so a large entries file is never held whole: an
// entries file is replayed as it happened, adds in the order recorded (기록
// 일시), each void at its time (무효 일시), which is the order the export
// writes. A file whose rows are not in that order (sorted by hand) is read
// again, held and sorted: the first pass is rolled back. Month files (a
// report, a template) are small and always held, and go by date.
//
// Exactly once: the file's SHA-256 is a unique key of imports, inserted
// first, so the same file again, or concurrently, finds it and adds
// nothing; each row's idempotency key makes a row already in the ledger
// (from another file) add nothing; a month figure adds only its difference
// from what earlier imports recorded for that program and month.
//
// Locks (Lock order, totals.go): the imports row first (a second import of
// the same file waits there, holding nothing else), then every program of
// the ledger exclusively, in ascending ID order (the rows' programs are not
// known before they are read), then what addEntry and voidLocked take. A
// dry run takes none of the program locks and claims no imports row
// (import_preview.go).
func (s *Store) Import(ctx context.Context, f commands.ImportFile, dryRun bool) (commands.ImportResult, error) {
	if f.Applied {
		done, err := s.Imported(ctx, f.SHA256)
		if err != nil || !done {
			return commands.ImportResult{}, wrap(fmt.Sprintf("import %q", f.Name), cmp.Or(err, errors.New("file marked applied is not")))
		}
		return commands.ImportResult{AlreadyImported: true}, nil
	}
	var res commands.ImportResult
	run := func(hold bool) error {
		return s.inTx(ctx, func(tx *sqlx.Tx) error {
			ctx := ctx
			if dryRun { // a preview: no program lock, no entry number used (import_preview.go)
				var err error
				if ctx, err = withPreview(ctx, tx); err != nil {
					return err
				}
			}
			var err error
			res, err = importTx(ctx, tx, f, hold)
			if err == nil && (dryRun || len(res.Problems) > 0 || res.AlreadyImported) {
				return errImportRolledBack
			}
			return err
		})
	}
	err := run(false)
	if errors.Is(err, errOutOfOrder) {
		err = run(true)
	}
	if errors.Is(err, errImportRolledBack) {
		err = nil
	}
	if err != nil {
		return commands.ImportResult{}, wrap(fmt.Sprintf("import %q", f.Name), err)
	}
	if len(res.Problems) > 0 {
		// A file refused as a whole wrote nothing (its transaction rolled
		// back): the rows applied before a later row's problem are no
		// entries added, and the log and the reply must not count them
		// (review r38 M5: a refused file logged "added": 1).
		res.Added, res.Voided, res.Kept, res.KeptBy, res.Cells, res.Missing = 0, 0, 0, nil, nil, nil
	}
	return res, nil
}

// errOutOfOrder stops a streamed entries file whose rows are not in the
// order they were recorded: it is read again and sorted.
var errOutOfOrder = errors.New("import: rows not in the order recorded")

// Imported reports whether the file with this SHA-256 (hex) was applied.
func (s *Store) Imported(ctx context.Context, sha256 string) (bool, error) {
	var done bool
	err := s.db.GetContext(ctx, &done, `SELECT EXISTS (SELECT 1 FROM imports WHERE sha256 = $1)`, sha256)
	return done, wrap("imported file", err)
}

// importMaxProblems caps the problems the store lists (a closed month named
// on every one of a hundred thousand rows helps nobody).
const importMaxProblems = 200

// importRun is one import's state inside its transaction; it is the sink
// the file's scan reads into.
type importRun struct {
	ctx      context.Context
	tx       *sqlx.Tx
	f        commands.ImportFile
	importID int64
	res      commands.ImportResult
	cells    map[cellKey]*commands.ImportCell
	closed   map[time.Time]commands.MonthClose
	hold     bool                 // hold every row and replay them sorted
	held     []commands.ImportRow // month files, or an entries file held
	last     importEvent          // the latest streamed row's add
	streamed bool                 // a row was streamed: last is set
	// replacements are the counts of held delta rows that replace a 정정's
	// original, by Number.
	replacements map[int64]int64
	// numberOrigins are the file's rows' 기록 식별자 by Number: a void
	// finds its 정정's replacement by them (undoneCorrection).
	numberOrigins map[int64]string
	// voidedOrigins are the 기록 식별자 of the file's rows marked 무효: a
	// 정정's original the file holds live makes its replacement's void a
	// 취소 (undoneHere).
	voidedOrigins map[string]bool
	voids         []importEvent // voids of streamed rows, not yet due, by time
	problems      int           // every problem, listed or not
	pending       []newEntryRow
	lines         map[string]int // idempotency key → line, of pending rows
	// links are the 정정s to link in entry_corrections once their
	// replacement is recorded, by the replacement's Number; numbers are the
	// Numbers of pending rows that are such replacements, by key.
	links   map[int64]correctionLink
	numbers map[string]rowRef
	// agreements are the agreements (약정) recorded, their entries by
	// Number; hires the hires recorded with the agreement each realised
	// (약정 번호), linked in agreement_hires once every row is written.
	agreements map[int64]int64
	hires      []hireLink
	// lineOf is the file's line of each 누계 report, agreement and hire
	// this import recorded, by entry ID: a problem about one names its
	// line, not its ID, which in a preview is simulated and in a refused
	// apply rolled back.
	lineOf map[int64]int
	// marks are the entries recorded, with their lines, for import_entries.
	markIDs   []int64
	markLines []int64
	// origins are the file's 기록 식별자 with the line each was first on;
	// checks the idempotency keys of pending rows the file does not void,
	// which must not be the same record as a live entry (refuseIdentical).
	origins map[string]int
	// fileOrders are the 기록 순번 and 무효 순번 the file's rows hold so
	// far, and originOrders each 기록 식별자's row's (correctedByOrder).
	fileOrders   map[int64]bool
	originOrders map[string]rowOrder
	checks       map[string]bool
	// known are the program days whose entries like holds (refuseIdentical);
	// programDepts each program's department, read when first needed.
	known        map[dayKey]bool
	like         map[likeKey][]int64
	programDepts map[int64]string
	// startSeq is the ledger's event number when the import began: the
	// entries up to it were there before the file.
	startSeq int64
	// reports are the live 누계 reports of a program, status and year, by
	// date, read once for deltaBeforeReport (a query per row made a 9,999-row
	// department file miss Slack's import deadline); any add or void of a
	// row that is no plain delta clears them, as it may add or void one.
	reports map[reportKey][]laterReport
	// sizes are the programs' years the size checks compare rows with
	// (i46_import_holds.go), read once each.
	sizes map[sizeKey]*sizeLedger
	// newHires are the lines of hires without 기록 식별자 (new rows):
	// their 약정 번호 naming no agreement of the file is refused with the
	// console's 채용 line (r25 F3).
	newHires map[int]bool
	// rowLinks are the link cells of rows with a 기록 식별자 not yet found
	// present or written, by line; heldRows those found present, compared
	// with the ledger once the file is replayed (import_links.go, r26 M1).
	rowLinks    map[int]map[string]string
	heldRows    []heldRow
	linkColumns map[string]string // the file's link columns, each empty
	// undos are the file's rows whose 정정 cell says 정정 취소(#N 되살림):
	// the 취소 is recorded for them once every row is replayed (linkUndos).
	undos []undoRow
	// newLines are the lines of the rows this import wrote (recorded,
	// recordVoidedReport): a 취소 the file marks is recorded only on a row
	// written here, never on one the ledger held (review r44 B1).
	newLines map[int]bool
}

// reportKey names the 누계 reports deltaBeforeReport reads together.
type reportKey struct {
	program int64
	status  commands.EntryStatus
	year    int
}

// laterReport is a live 누계 report as deltaBeforeReport names it.
type laterReport struct {
	ID       int64         `db:"id"`
	AsOf     time.Time     `db:"as_of"`
	Reported sql.NullInt64 `db:"reported_total"`
	Origin   string        `db:"origin"`
}

type cellKey struct {
	program string
	month   time.Time
}

func importTx(ctx context.Context, tx *sqlx.Tx, f commands.ImportFile, hold bool) (commands.ImportResult, error) {
	r := &importRun{ctx: ctx, tx: tx, f: f, hold: hold, cells: map[cellKey]*commands.ImportCell{}, lines: map[string]int{},
		links: map[int64]correctionLink{}, numbers: map[string]rowRef{}, agreements: map[int64]int64{},
		lineOf: map[int64]int{}, origins: map[string]int{}, numberOrigins: map[int64]string{}, voidedOrigins: map[string]bool{}, fileOrders: map[int64]bool{}, originOrders: map[string]rowOrder{}, checks: map[string]bool{}, known: map[dayKey]bool{}, like: map[likeKey][]int64{}}
	preview := previewFrom(ctx) != nil
	if preview {
		// A preview claims no imports row: it would hold it, and use up an
		// imports number, to be rolled back anyway.
		var done bool
		if err := sqlx.GetContext(ctx, tx, &done, `SELECT EXISTS (SELECT 1 FROM imports WHERE sha256 = $1)`, f.SHA256); err != nil {
			return commands.ImportResult{}, fmt.Errorf("imported file: %w", err)
		}
		if done {
			return commands.ImportResult{AlreadyImported: true}, nil
		}
	}
	const claim = `
		INSERT INTO imports (sha256, file_name, kind, imported_by)
		VALUES ($1, $2, $3, $4)
		ON CONFLICT (sha256) DO NOTHING
		RETURNING id`
	if !preview {
		err := sqlx.GetContext(ctx, tx, &r.importID, claim, f.SHA256, f.Name, string(cmp.Or(f.Kind, commands.ImportEntries)), f.By)
		if errors.Is(err, sql.ErrNoRows) {
			return commands.ImportResult{AlreadyImported: true}, nil
		}
		if err != nil {
			return commands.ImportResult{}, fmt.Errorf("claim file: %w", err)
		}
		var programs []int64
		if err := sqlx.SelectContext(ctx, tx, &programs, `SELECT id FROM programs ORDER BY id`); err != nil {
			return commands.ImportResult{}, fmt.Errorf("import programs: %w", err)
		}
		for _, id := range programs {
			if err := lockProgram(ctx, tx, id); err != nil {
				return commands.ImportResult{}, err
			}
		}
	}
	// Holding every program's lock, which a month close takes exclusively,
	// see which months are closed: an import never writes into one (it has
	// no manager's reason to mark the change with); its rows there are
	// listed as problems, so nothing is written. (A preview holds no lock:
	// a month closed after this read is found by the apply.)
	var closes []closeRow
	if err := sqlx.SelectContext(ctx, tx, &closes, `SELECT month, closed_by, closed_at FROM month_closes`); err != nil {
		return commands.ImportResult{}, fmt.Errorf("closed months: %w", err)
	}
	// The last number given (none yet on a fresh ledger: is_called false).
	const lastSeq = `SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ledger_event_seq`
	if err := sqlx.GetContext(ctx, tx, &r.startSeq, lastSeq); err != nil {
		return commands.ImportResult{}, fmt.Errorf("ledger event number: %w", err)
	}
	r.closed = make(map[time.Time]commands.MonthClose, len(closes))
	for _, c := range closes {
		r.closed[dateOf(c.Month)] = c.close()
	}

	// The per-month figures the preview and the reply print are the SUM of
	// the live entries after the file minus the SUM before it, read from
	// the ledger itself (review r36 B5): a 정정 and its 취소 replayed, and
	// the re-basings they make, count exactly what was written.
	before, err := liveCellSums(ctx, tx)
	if err != nil {
		return commands.ImportResult{}, err
	}

	scan := f.Scan
	if scan == nil {
		scan = func(sink commands.ImportSink) error {
			sink.Kind(f.Kind)
			for _, row := range f.Rows {
				if err := sink.Row(row); err != nil {
					return err
				}
			}
			return nil
		}
	}
	r.res.Kind = f.Kind
	if err := pipeline(ctx, scan, r); err != nil {
		return commands.ImportResult{}, err
	}
	if len(r.res.Problems) > 0 {
		if r.res.Kind == commands.ImportReport || r.res.Kind == commands.ImportTemplate {
			// The month figures held are still checked against the ledger,
			// inside this transaction, which rolls back: a refused file
			// names every problem row, not only those the scan found
			// (import6: an edited 비고 on one row hid a figure below the
			// ledger on another).
			for _, ev := range importEvents(r.res.Kind, r.held) {
				if err := r.apply(ev, r.held[ev.row]); err != nil {
					return commands.ImportResult{}, err
				}
			}
		}
		return r.res, nil
	}
	r.replacements = replacements(r.res.Kind, r.held)
	for _, ev := range importEvents(r.res.Kind, r.held) {
		if err := r.apply(ev, r.held[ev.row]); err != nil {
			return commands.ImportResult{}, err
		}
	}
	for _, ev := range r.voids {
		if err := r.void(ctx, ev.data, 0); err != nil {
			return commands.ImportResult{}, err
		}
	}
	if err := r.flush(ctx); err != nil {
		return commands.ImportResult{}, err
	}
	if err := r.linkHires(ctx); err != nil {
		return commands.ImportResult{}, err
	}
	if err := r.checkHires(ctx); err != nil {
		return commands.ImportResult{}, err
	}
	if err := r.unlinked(ctx); err != nil {
		return commands.ImportResult{}, err
	}
	if err := r.linkUndos(ctx); err != nil {
		return commands.ImportResult{}, err
	}
	if err := r.checkHeldLinks(ctx); err != nil {
		return commands.ImportResult{}, err
	}
	if err := r.writeMarks(ctx); err != nil {
		return commands.ImportResult{}, err
	}
	if len(r.res.Problems) > 0 {
		return r.res, nil
	}
	if err := r.missingRows(ctx); err != nil {
		return commands.ImportResult{}, err
	}
	const done = `UPDATE imports SET added = $2, kind = $3, rows_read = $4 WHERE id = $1`
	if !preview {
		if _, err := tx.ExecContext(ctx, done, r.importID, r.res.Added, string(cmp.Or(r.res.Kind, commands.ImportEntries)), r.res.Rows); err != nil {
			return commands.ImportResult{}, fmt.Errorf("import count: %w", err)
		}
	}
	after, err := liveCellSums(ctx, tx)
	if err != nil {
		return commands.ImportResult{}, err
	}
	for k, c := range r.cells {
		c.Added = after[cellStatus{k, commands.StatusRealised}] - before[cellStatus{k, commands.StatusRealised}]
		c.Agreed = after[cellStatus{k, commands.StatusAgreed}] - before[cellStatus{k, commands.StatusAgreed}]
		r.res.Cells = append(r.res.Cells, *c)
	}
	slices.SortFunc(r.res.Cells, func(a, b commands.ImportCell) int {
		return cmp.Or(strings.Compare(a.Program, b.Program), a.Month.Compare(b.Month))
	})
	return r.res, nil
}

// missingRows finds the live entries of the range an entries file
// recognisably exports that the file lacks: rows deleted from an export
// (review r20 G44). The import never voids them; the preview names them.
//
// The file is an export of this ledger when some of its 기록 식별자 are
// this ledger's entries'. Its range is from 1 January of its earliest such
// entry's year (an export is of whole years) to its latest such entry's
// 기준일, and of the entries recorded up to the latest of them (later ones
// came after the export). It is a full export of that range when at most
// as many of the range's entries are missing as it holds: a few rows
// copied out of an export into a file of their own name nothing. An entry
// dated after the file's latest 기준일 cannot be told from one the export
// cut (a report date), so a deleted row of the latest date is not named.
func (r *importRun) missingRows(ctx context.Context) error {
	if r.res.Kind != commands.ImportEntries || len(r.origins) == 0 {
		return nil
	}
	origins := make([]string, 0, len(r.origins))
	for o := range r.origins {
		origins = append(origins, o)
	}
	var span struct {
		Held int64         `db:"held"`
		From sql.NullTime  `db:"lo"`
		To   sql.NullTime  `db:"hi"`
		Seq  sql.NullInt64 `db:"seq"`
	}
	if err := sqlx.GetContext(ctx, r.tx, &span, `
		SELECT count(*) AS held, min(as_of) AS lo, max(as_of) AS hi, max(added_seq) AS seq
		FROM entries WHERE origin = ANY($1::uuid[]) AND added_seq <= $2`, pq.Array(origins), r.startSeq); err != nil {
		return fmt.Errorf("the file's exported range: %w", err)
	}
	if span.Held == 0 {
		return nil
	}
	var missing []int64
	if err := sqlx.SelectContext(ctx, r.tx, &missing, `
		SELECT id FROM entries
		WHERE as_of BETWEEN make_date($2, 1, 1) AND $3 AND added_seq <= $4 AND voided_at IS NULL
		  AND NOT (origin = ANY($1::uuid[]))
		ORDER BY id`, pq.Array(origins), span.From.Time.Year(), dateArg(span.To.Time), span.Seq.Int64); err != nil {
		return fmt.Errorf("entries missing from the file: %w", err)
	}
	if int64(len(missing)) > span.Held {
		return nil // no full export: rows copied out of one
	}
	r.res.Missing = missing
	return nil
}

// scanItem is one thing a scan read: a kind, a row or a problem.
type scanItem struct {
	kind    commands.ImportKind
	row     *commands.ImportRow
	problem *commands.ImportProblem
}

// scanQueue is how many items a scan may read ahead of the writes.
const scanQueue = 2 * importBatch

// pipeline runs scan in a goroutine of its own, reading the file (CPU in
// this process) while sink writes what it has read (work in the
// database): on two cores the two overlap. Items reach sink in the order
// read, on this goroutine, the only one to use the transaction. A sink
// error stops the scan, and pipeline returns only once the scan has ended.
func pipeline(ctx context.Context, scan func(commands.ImportSink) error, sink commands.ImportSink) error {
	items := make(chan scanItem, scanQueue)
	stop := make(chan struct{})
	scanned := make(chan error, 1)
	go func() {
		defer close(items)
		defer func() {
			// A panic in the reader (a crafted workbook, a bug) would end the
			// process on this goroutine: the import fails instead, and the
			// transaction rolls back.
			if p := recover(); p != nil {
				scanned <- fmt.Errorf("import: reading the file panicked: %v", p)
			}
		}()
		scanned <- scan(chanSink{items: items, stop: stop, ctx: ctx})
	}()
	var err error
	for it := range items {
		if err != nil {
			continue // drain, so the scan is never blocked
		}
		switch {
		case it.row != nil:
			if err = sink.Row(*it.row); err != nil {
				close(stop)
			}
		case it.problem != nil:
			sink.Problem(*it.problem)
		default:
			sink.Kind(it.kind)
		}
	}
	if scanErr := <-scanned; err == nil && !errors.Is(scanErr, errScanStopped) {
		err = scanErr
	}
	return err
}

// errScanStopped ends a scan whose rows are no longer wanted.
var errScanStopped = errors.New("import: scan stopped")

// chanSink passes what a scan reads to pipeline.
type chanSink struct {
	items chan<- scanItem
	stop  <-chan struct{}
	ctx   context.Context
}

func (c chanSink) send(it scanItem) error {
	select {
	case c.items <- it:
		return nil
	case <-c.stop:
		return errScanStopped
	case <-c.ctx.Done():
		return c.ctx.Err()
	}
}

func (c chanSink) Kind(k commands.ImportKind) { _ = c.send(scanItem{kind: k}) }
func (c chanSink) Row(row commands.ImportRow) error {
	return c.send(scanItem{row: &row})
}
func (c chanSink) Problem(p commands.ImportProblem) { _ = c.send(scanItem{problem: &p}) }

// Kind takes what the scan found the file to be.
func (r *importRun) Kind(k commands.ImportKind) { r.res.Kind = k }

// Problem takes a problem the scan found in the file.
func (r *importRun) Problem(p commands.ImportProblem) {
	r.problems++
	if r.problems <= importMaxProblems {
		r.res.Problems = append(r.res.Problems, p)
	}
}

// Row takes a checked row: a row of an entries file in the order recorded
// is written (in a batch) at once, any other is held. After a problem,
// rows are only counted: nothing of the file will stay written.
func (r *importRun) Row(row commands.ImportRow) error {
	r.res.Rows++
	c := r.cell(row)
	c.Rows++
	if row.Entry.Approximate && !row.Voided {
		// Said with 여 where the figure is shown, when the row adds to it
		// (a row already held adds nothing, and the figure says +0).
		if row.Entry.Status == commands.StatusAgreed {
			c.AgreedApprox = true
		} else {
			c.AddedApprox = true
		}
	}
	for _, n := range []int64{row.AddOrder, row.VoidOrder} {
		if n > 0 {
			r.fileOrders[n] = true
		}
	}
	if o := row.Entry.Origin; o != "" {
		if first, dup := r.origins[o]; dup {
			r.Problem(commands.NewImportProblem(row.Line, "기록 식별자", o, "import.problem.origin_repeated", "Line", first))
			return nil
		}
		r.origins[o] = row.Line
		r.originOrders[o] = rowOrder{row.AddOrder, row.VoidOrder, row.Voided, row.CorrectedTo != 0}
		if row.Voided {
			r.voidedOrigins[o] = true
		}
		if row.Number > 0 {
			r.numberOrigins[row.Number] = o
		}
		if row.Voided && row.UndoneOf > 0 {
			r.undos = append(r.undos, undoRow{origin: o, of: row.UndoneOf, line: row.Line, number: row.Number, reason: row.VoidReason})
		}
	}
	r.keepLinks(row)
	if row.Agreement > 0 && row.Entry.Origin == "" {
		if r.newHires == nil {
			r.newHires = map[int]bool{}
		}
		r.newHires[row.Line] = true
	}
	if c, ok := r.closed[firstOfMonth(row.Entry.AsOf)]; ok {
		// A row of a closed month whose 기록 식별자 the ledger holds, the
		// same record and no void the ledger lacks, adds nothing: it passes
		// as unchanged (review r22 F12: the ledger's own export, imported
		// back after 마감, was refused on every closed month's row). Only a
		// row that would change a closed month is refused.
		held, unchanged, err := r.heldUnchanged(r.ctx, row)
		if err != nil {
			return err
		}
		if unchanged {
			r.notePresent(row.Line, held.ID)
			return r.present(r.ctx, held, rowRef{row.Number, row.Agreement, row.Separate, row.Line, row.AfterClose})
		}
		if row.MonthFigure {
			// A report's month cell the ledger already holds as it is adds
			// nothing and passes; a changed one is refused naming the
			// report's own column, the month (review r39 F6: every closed
			// month's row was refused under a [기준일] column the report
			// does not have).
			before, err := r.ledgerSpan(r.ctx, row.Entry, firstOfMonth(row.Entry.AsOf), row.Entry.AsOf)
			if err != nil {
				return fmt.Errorf("closed month in the ledger: %w", err)
			}
			if row.Entry.Count == before {
				r.res.Unchanged++
				return nil
			}
			r.Problem(commands.NewImportProblem(row.Line, fmt.Sprintf("%d월", row.Entry.AsOf.Month()), fmt.Sprint(row.Entry.Count),
				"import.problem.closed_month", "Year", c.Month.Year(), "Month", int(c.Month.Month())))
			return nil
		}
		r.Problem(commands.NewImportProblem(row.Line, "기준일", "", "import.problem.closed_month",
			"Year", c.Month.Year(), "Month", int(c.Month.Month())))
		return nil
	}
	if row.Entry.Origin != "" {
		if len(row.IfNotHeld) > 0 {
			held, err := r.holds(r.ctx, row.Entry)
			if err != nil {
				return err
			}
			if !held {
				for _, p := range row.IfNotHeld {
					r.Problem(p)
				}
				return nil
			}
		}
	}
	if held, err := r.sizeHold(r.ctx, row); err != nil || held {
		return err
	}
	if r.problems > 0 && r.res.Kind != commands.ImportReport && r.res.Kind != commands.ImportTemplate {
		return nil
	}
	if r.hold || r.res.Kind != commands.ImportEntries {
		r.held = append(r.held, row)
		return nil
	}
	add := addEvent(row, row.Line)
	if r.streamed && compareEvents(add, r.last) < 0 {
		return errOutOfOrder
	}
	r.last, r.streamed = add, true
	// Voids due before this add (compareEvents: at one minute, by number).
	for len(r.voids) > 0 && compareEvents(r.voids[0], add) < 0 {
		ev := r.voids[0]
		r.voids = r.voids[1:]
		if err := r.void(r.ctx, ev.data, replacedBy(ev.data, row)); err != nil {
			return err
		}
	}
	if err := r.apply(add, row); err != nil {
		return err
	}
	if row.Voided {
		ev := voidEvent(row, row.Line)
		ev.data = row
		i, _ := slices.BinarySearchFunc(r.voids, ev, compareEvents)
		r.voids = slices.Insert(r.voids, i, ev)
	}
	return nil
}

// apply writes one step of an import.
func (r *importRun) apply(ev importEvent, row commands.ImportRow) error {
	switch {
	case ev.void:
		return r.void(r.ctx, row, r.replacements[row.CorrectedTo])
	case row.Entry.Kind == commands.KindDelta && !row.MonthFigure && !row.Within:
		if refused, err := r.deltaBeforeReport(r.ctx, row); err != nil || refused {
			return err
		}
		r.queue(row)
		if len(r.pending) >= importBatch {
			return r.flush(r.ctx)
		}
		return nil
	default:
		return r.addOne(r.ctx, row)
	}
}

// importEvent is one step of an import: a row's add, or the void of a row
// an entries file marks 무효.
type importEvent struct {
	at   time.Time
	seq  int64 // orders events of one moment: see addEvent
	void bool
	row  int                // the row's index (held rows) or line (streamed rows)
	data commands.ImportRow // a streamed void's row
}

// addEvent is a row's add, at its 기록 일시. The export writes times to the
// minute, so many events share one; there the entry numbers (번호) order
// them: entry n's add is 2n, and its void 2n+1, just after it and before
// any entry recorded later. So a 정정, which voids the original and records
// its replacement (a higher number) at one moment, is replayed as it
// happened: void, then the replacement, never the replacement over a live
// original (review r4 X4). A file without numbers has every add at 0 and
// every void at 1: an add before a void of the same moment, then by row.
//
// A file that says the order its ledger applied rows in (기록 순번, 무효
// 순번: every row has them, importer checks) is replayed in that order and
// its times do not order anything: a row imported there kept its file's
// 기록 일시 but was applied at import, after rows recorded later (review r6
// X13). Such events all have the zero time, so the orders alone compare.
func addEvent(row commands.ImportRow, at int) importEvent {
	if row.AddOrder > 0 {
		return importEvent{seq: 2 * row.AddOrder, row: at}
	}
	return importEvent{at: row.LoggedAt, seq: 2 * row.Number, row: at}
}

// voidEvent is a row's void, at its 무효 일시 (its 기록 일시 without one).
// A 정정's original (CorrectedTo) is voided just before its replacement's
// add.
func voidEvent(row commands.ImportRow, at int) importEvent {
	if row.AddOrder > 0 { // never before its add, whatever the file says
		return importEvent{seq: max(2*row.VoidOrder, 2*row.AddOrder+1), void: true, row: at}
	}
	seq := 2*row.Number + 1
	if row.CorrectedTo > row.Number {
		seq = 2*row.CorrectedTo - 1
	}
	// Never before its add: a 무효 일시 earlier than the 기록 일시 (two
	// clocks, the service's and the database's) would find no entry to void
	// and leave it live.
	when := cmp.Or(row.VoidedAt, row.LoggedAt)
	if when.Before(row.LoggedAt) {
		when = row.LoggedAt
	}
	return importEvent{at: when, seq: seq, void: true, row: at}
}

func compareEvents(a, b importEvent) int {
	if c := a.at.Compare(b.at); c != 0 {
		return c
	}
	if c := cmp.Compare(a.seq, b.seq); c != 0 {
		return c
	}
	if a.void != b.void { // an add before a void of the same moment
		if a.void {
			return 1
		}
		return -1
	}
	return a.row - b.row
}

// importEvents orders held rows for writing. An entries file is replayed
// as it happened: adds in the order they were recorded, each void at its
// time, so cumulative reports and the reports a void adjusted come out as
// they were. Month figures go by date, so a cumulative month is taken
// against the months before it.
func importEvents(kind commands.ImportKind, rows []commands.ImportRow) []importEvent {
	evs := make([]importEvent, 0, len(rows))
	for i, row := range rows {
		if kind == commands.ImportEntries {
			evs = append(evs, addEvent(row, i))
			if row.Voided {
				evs = append(evs, voidEvent(row, i))
			}
		} else {
			evs = append(evs, importEvent{at: row.Entry.AsOf, row: i})
		}
	}
	slices.SortStableFunc(evs, compareEvents)
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

// queue adds a delta row to the pending batch.
func (r *importRun) queue(row commands.ImportRow) {
	if _, dup := r.lines[row.Entry.IdempotencyKey]; dup { // twice in one batch; across batches the key's conflict finds it
		r.res.Unchanged++
		return
	}
	r.pending = append(r.pending, newEntryRow{NewEntry: row.Entry})
	r.lines[row.Entry.IdempotencyKey] = row.Line
	if !row.Voided && !row.MonthFigure {
		r.checks[row.Entry.IdempotencyKey] = true
	}
	// A hire keeps its 약정 번호 with or without a 번호 of its own: a new
	// row without one lost its link and was stored as a plain add (r25 F3).
	// A 마감 후 정정 row keeps its mark, so that one this ledger holds is
	// counted as its own (AfterClosePresent) in a month open here too
	// (review r32 F12).
	if _, ok := r.links[row.Number]; ((ok || row.Entry.Status == commands.StatusAgreed) && row.Number > 0) || row.Agreement > 0 || row.AfterClose {
		r.numbers[row.Entry.IdempotencyKey] = rowRef{row.Number, row.Agreement, row.Separate, row.Line, row.AfterClose}
	}
}

// flush writes the pending delta rows in one statement; a row it did not
// write was in the ledger already.
func (r *importRun) flush(ctx context.Context) error {
	if len(r.pending) == 0 {
		return nil
	}
	if err := r.skipPresent(ctx); err != nil {
		return err
	}
	if err := r.refuseIdentical(ctx); err != nil {
		return err
	}
	if len(r.pending) == 0 {
		clear(r.lines)
		clear(r.numbers)
		clear(r.checks)
		return nil
	}
	var written map[string]commands.AddResult
	err := r.savepoint(ctx, func() error {
		var err error
		written, err = insertEntries(ctx, unprepared{r.tx, insertEntriesQuery}, r.pending)
		return err
	})
	var nothing *commands.NothingRecordedError
	if errors.As(err, &nothing) {
		return r.nothingLines(ctx)
	}
	if err != nil {
		return fmt.Errorf("import entries: %w", err)
	}
	for _, p := range r.pending {
		res, ok := written[p.IdempotencyKey]
		if !ok {
			r.res.Unchanged++
			continue
		}
		if err := r.recorded(ctx, res.Entry, r.lines[p.IdempotencyKey], r.numbers[p.IdempotencyKey]); err != nil {
			return err
		}
	}
	r.pending = r.pending[:0]
	clear(r.lines)
	clear(r.numbers)
	clear(r.checks)
	if len(r.markIDs) >= markChunk {
		return r.writeMarks(ctx)
	}
	return nil
}

// recorded marks an entry as this import's (written by writeMarks) and
// counts it. When it is the replacement of a 정정 the import replayed
// (number, its row's Number, is a link's), the 정정 is linked in
// entry_corrections, as CorrectEntry links it: a later void or 정정 of the
// replacement then re-bases the reports the chain's first entry counted,
// and a 취소 of it restores the original, as in the ledger exported.
func (r *importRun) recorded(ctx context.Context, e commands.Entry, line int, ref rowRef) error {
	delete(r.rowLinks, line) // written: a new entry, its links replayed
	r.wrote(line)
	r.markIDs, r.markLines = append(r.markIDs, e.ID), append(r.markLines, int64(line))
	if e.Kind == commands.KindCumulative || e.Status == commands.StatusAgreed || ref.agreement > 0 {
		// The entries a problem may name (a 누계 report, an agreement, a
		// hire): not every row, so a large file holds no map of them all.
		r.lineOf[e.ID] = line
	}
	r.res.Added++
	if _, fromFile := r.origins[e.Origin]; fromFile && e.Origin != "" {
		// Kept its file's 기록자: the preview names whose (r26 M3).
		r.res.Kept++
		if len(r.res.KeptBy) < 3 && !slices.Contains(r.res.KeptBy, e.LoggedBy) {
			r.res.KeptBy = append(r.res.KeptBy, e.LoggedBy)
		}
	}
	number := ref.number
	if number > 0 && e.Status == commands.StatusAgreed {
		r.agreements[number] = e.ID
	}
	if ref.agreement > 0 {
		r.hires = append(r.hires, hireLink{hire: e.ID, agreement: ref.agreement, by: e.LoggedBy, line: line, count: e.Count, asOf: e.AsOf})
	}
	l, ok := r.links[number]
	if !ok || number == 0 {
		return nil
	}
	delete(r.links, number)
	return r.link(ctx, l, e, ref)
}

// link links a 정정 the import replayed to its replacement e, recorded by
// this import or found present. A replacement of another program, kind
// (증가분, 누계) or status (채용, 약정) is refused on the original's line,
// which names it: a 정정 keeps all three, and a link across them would let
// a later 취소 restore the original beside an entry it never replaced
// (review B8).
//
// ref.separate is the replacement row's 누계포함 아니오: the link keeps the
// 정정's answer (entry_corrections.separate), as CorrectEntry does, so a
// later void or 취소 of the replacement re-bases as in the ledger exported.
func (r *importRun) link(ctx context.Context, l correctionLink, e commands.Entry, ref rowRef) error {
	if l.program != e.ProgramID || l.kind != e.Kind || l.status != e.Status {
		r.Problem(commands.NewImportProblem(l.line, "정정", commands.CorrectedToCell(l.number), "import.problem.correction_across",
			"ID", l.number))
		return nil
	}
	separate := ref.separate
	if separate && e.Status == commands.StatusAgreed {
		// A 정정 of an agreement (약정) never changes a later agreed
		// report's increment: the typed 정정 refuses 누계포함 on it
		// (k47.within_not_for_agreement), and so does its import (review
		// r19 F17).
		line := ref.line
		if line == 0 {
			line = l.line
		}
		r.Problem(commands.NewImportProblem(line, "누계포함", "아니오", "i45.import_within_not_for_agreement"))
		return nil
	}
	// Link tables come last (Lock order): the import holds every program's
	// lock, and the entries rows are written. A 정정 already linked (both
	// entries present in the ledger) stays as it is.
	if _, err := r.tx.ExecContext(ctx, `
		INSERT INTO entry_corrections (old_entry_id, new_entry_id, reason, corrected_by, corrected_at, separate, rebased)
		VALUES ($1, $2, $3, $4, COALESCE($5, now()), $6, $7)
		ON CONFLICT DO NOTHING`, l.old, e.ID, l.reason, l.by, nullTime(l.at), separate && (e.Kind == commands.KindDelta || e.Status == commands.StatusRealised), l.rebased); err != nil {
		return fmt.Errorf("link correction of entry %d: %w", l.old, err)
	}
	if !l.moveHires {
		return nil
	}
	if _, err := r.tx.ExecContext(ctx, `UPDATE agreement_hires SET agreement_entry_id = $2 WHERE agreement_entry_id = $1`, l.old, e.ID); err != nil {
		return fmt.Errorf("move hire links of entry %d: %w", l.old, err)
	}
	// The replacement must hold what its hires realised, as a typed 정정
	// of the agreement is refused below them (checkAgreementCorrection).
	hires, err := liveHires(ctx, r.tx, e.ID)
	if err != nil {
		return err
	}
	var hired int64
	ids := make([]string, len(hires))
	for i, h := range hires {
		hired += h.Count
		ids[i] = fmt.Sprintf("#%d", h.ID)
	}
	if hired > e.Count {
		r.Problem(commands.NewImportProblem(l.line, "정정", commands.CorrectedToCell(l.number), "undolink.import_correction_below_hires",
			"ID", l.old, "Replacement", l.number, "Count", e.Count, "Hired", hired, "Hires", strings.Join(ids, ", ")))
	}
	return nil
}

// present takes a row whose 기록 식별자 the ledger holds, as entry e: it is
// not added again (counted among the unchanged), but the links the file
// makes to it resolve to e: a 정정 the file replayed whose replacement it
// is, and the hires of the file whose agreement it is.
func (r *importRun) present(ctx context.Context, e commands.Entry, ref rowRef) error {
	r.res.Present++
	r.res.Unchanged++
	if ref.afterClose {
		r.res.AfterClosePresent++
	}
	number := ref.number
	if number == 0 {
		return nil
	}
	if e.Status == commands.StatusAgreed {
		r.agreements[number] = e.ID
	}
	l, ok := r.links[number]
	if !ok {
		return nil
	}
	delete(r.links, number)
	return r.link(ctx, l, e, ref)
}

// sameRecord says whether a file's row is the record the ledger holds
// under the row's 기록 식별자: the same program, 기준일, kind, status and
// figure (a 누계's reported total), and the same 부서, 고용형태, 어림수 and
// 메모. An origin alone proves nothing: a row edited after the export (5 →
// 500), or one given another entry's origin, would otherwise be skipped as
// present, or void or link that entry (review r12 BREAK 2); a 부서, 고용형태
// or 어림수 fixed in the file was skipped as present with "가져왔습니다"
// (review r24 F7).
func sameRecord(held commands.Entry, row commands.NewEntry) bool {
	return len(recordChanges(held, row)) == 0
}

// recordChange is one column of a file's row that differs from the entry
// the ledger holds under the row's 기록 식별자: the file's header, and the
// ledger's and the file's values as the export writes them.
type recordChange struct {
	column, held, row string
}

// recordChanges lists the columns of row that differ from held, in the
// export's column order. 메모 is compared too: an import never edits a
// recorded entry, and a note fixed in the file would otherwise be dropped
// as silently as a department (review r24 F7). A row whose 부서 cell is
// blank credits the program's department (as a new row would); the
// reader fills it in for rows with an origin, so "" is not compared.
func recordChanges(held commands.Entry, row commands.NewEntry) []recordChange {
	var out []recordChange
	add := func(column, h, r string) { out = append(out, recordChange{column, h, r}) }
	if held.ProgramID != row.ProgramID {
		add("사업", held.ProgramCode, "")
	}
	if !held.AsOf.Equal(row.AsOf) {
		add("기준일", dateArg(held.AsOf), dateArg(row.AsOf))
	}
	kind := func(k commands.EntryKind) string {
		if k == commands.KindCumulative {
			return "누계"
		}
		return "증가분"
	}
	if held.Kind != row.Kind {
		add("보고 방식", kind(held.Kind), kind(row.Kind))
	}
	if held.Status != row.Status {
		add("상태", commands.StatusLabel(held.Status, commands.Korean), commands.StatusLabel(row.Status, commands.Korean))
	}
	figure, column := held.Count, "일자리 수"
	if held.Kind == commands.KindCumulative {
		figure, column = held.ReportedTotal, "보고 누계"
	}
	if held.Kind == row.Kind && figure != row.Count {
		add(column, numbers.Format(figure), numbers.Format(row.Count))
	} else if held.Kind != row.Kind && figure != row.Count {
		add("일자리 수", numbers.Format(figure), numbers.Format(row.Count))
	}
	if row.Department != "" && held.Department != row.Department {
		add("부서", held.Department, row.Department)
	}
	if held.EmploymentType != row.EmploymentType {
		add("고용형태", commands.EmploymentLabel(held.EmploymentType, commands.Korean),
			commands.EmploymentLabel(row.EmploymentType, commands.Korean))
	}
	if held.Approximate != row.Approximate {
		mark := func(b bool) string {
			if b {
				return "여"
			}
			return ""
		}
		add("어림수(여)", mark(held.Approximate), mark(row.Approximate))
	}
	// The held note as the export writes it (commands.CleanText, the
	// boundary rule): a note stored before CleanText existed may keep a
	// zero-width space or a bidi mark the export drops, and the ledger's
	// own export was then refused as edited (review r38 M7).
	if heldNote := strings.TrimSpace(commands.CleanText(held.Note)); heldNote != row.Note {
		add("메모", heldNote, row.Note)
	}
	return out
}

// holds says whether the ledger holds an entry of e's 기록 식별자 that
// records the same thing: a row of the ledger's own export, skipped as
// present. Any other identifier (unknown, or naming another record) gives
// the row no standing a row without one lacks.
func (r *importRun) holds(ctx context.Context, e commands.NewEntry) (bool, error) {
	held, err := entryByOrigin(ctx, r.tx, e.Origin)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("entry of origin %s: %w", e.Origin, err)
	}
	return sameRecord(held, e), nil
}

// originMismatch is the problem of a row whose 기록 식별자 names an entry
// of this ledger that records something else: it names the columns that
// differ, both values of each, and what to type instead (an import never
// edits a recorded entry: a figure is corrected with 정정, anything else
// is voided and added again; review r24 F7).
func originMismatch(line int, row commands.NewEntry, held commands.Entry) commands.ImportProblem {
	changes := recordChanges(held, row)
	columns, said := make([]string, 0, len(changes)), make([]string, 0, len(changes))
	countOnly := len(changes) > 0
	for _, c := range changes {
		columns = append(columns, c.column)
		if c.column == "사업" {
			said = append(said, "사업")
		} else {
			said = append(said, fmt.Sprintf("%s %q → %q", c.column, c.held, c.row))
		}
		countOnly = countOnly && (c.column == "일자리 수" || c.column == "보고 누계") && held.Kind == row.Kind
	}
	return commands.NewImportProblem(line, strings.Join(columns, ", "), "", "i48.import_origin_changed",
		"ID", held.ID, "Columns", strings.Join(columns, ", "), "Changes", strings.Join(said, ", "), "CountOnly", countOnly)
}

// skipPresent takes the pending rows whose 기록 식별자 the ledger holds out
// of the batch (present).
func (r *importRun) skipPresent(ctx context.Context) error {
	var origins []string
	for _, p := range r.pending {
		if p.Origin != "" {
			origins = append(origins, p.Origin)
		}
	}
	if len(origins) == 0 {
		return nil
	}
	var rows []entryRow
	if err := sqlx.SelectContext(ctx, r.tx, &rows, entrySelect+` WHERE e.origin = ANY($1::uuid[])`, pq.Array(origins)); err != nil {
		return fmt.Errorf("entries of the file's origins: %w", err)
	}
	if len(rows) == 0 {
		return nil
	}
	found := make(map[string]commands.Entry, len(rows))
	for _, row := range rows {
		found[row.Origin] = row.entry()
	}
	kept := r.pending[:0]
	for _, p := range r.pending {
		e, ok := found[p.Origin]
		if !ok {
			kept = append(kept, p)
			continue
		}
		if !sameRecord(e, p.NewEntry) {
			r.Problem(originMismatch(r.lines[p.IdempotencyKey], p.NewEntry, e))
		} else {
			r.notePresent(r.lines[p.IdempotencyKey], e.ID)
			if err := r.present(ctx, e, r.numbers[p.IdempotencyKey]); err != nil {
				return err
			}
		}
		delete(r.lines, p.IdempotencyKey)
		delete(r.numbers, p.IdempotencyKey)
		delete(r.checks, p.IdempotencyKey)
	}
	r.pending = kept
	return nil
}

// refuseIdentical refuses, each on its line, the pending rows (their
// origin unknown here) that are the same record as a live delta entry the
// ledger held before the import (program, 기준일, count, status,
// department): a file without 기록 식별자, or with one from another
// ledger, holding this ledger's own entries would count them twice. A row
// whose key an earlier import recorded is that import's (it adds nothing);
// a row the file voids adds nothing either, and rows of the file itself
// are not compared with each other (two like hires on one day happen).
//
// The ledger's entries of each program and day the file names are read
// once (like): a file of thousands of rows on a few days would otherwise
// scan the rows it has itself written, batch after batch. Only rows that
// match are checked again, live and not already imported, in one query.
func (r *importRun) refuseIdentical(ctx context.Context) error {
	type candidate struct {
		key string
		id  int64
	}
	var (
		cands        []candidate
		days         []int64
		dayDates     []string
		wantPrograms bool
	)
	for _, p := range r.pending {
		if r.checks[p.IdempotencyKey] && p.Kind == commands.KindDelta {
			d := dayKey{p.ProgramID, dateArg(p.AsOf)}
			if !r.known[d] {
				r.known[d] = true
				days, dayDates = append(days, d.program), append(dayDates, d.asOf)
			}
			wantPrograms = wantPrograms || p.Department == ""
		}
	}
	if wantPrograms && r.programDepts == nil {
		var rows []struct {
			ID         int64  `db:"id"`
			Department string `db:"department"`
		}
		if err := sqlx.SelectContext(ctx, r.tx, &rows, `SELECT id, department FROM programs`); err != nil {
			return fmt.Errorf("programs' departments: %w", err)
		}
		r.programDepts = make(map[int64]string, len(rows))
		for _, p := range rows {
			r.programDepts[p.ID] = p.Department
		}
	}
	if len(days) > 0 {
		const q = `
			SELECT e.id, e.program_id, e.as_of, e.count, e.status, e.department
			FROM unnest($1::bigint[], $2::date[]) AS d(program_id, as_of)
			JOIN entries e ON e.as_of = d.as_of AND e.program_id = d.program_id
			WHERE e.kind = 'delta' AND e.voided_at IS NULL AND e.added_seq <= $3`
		var rows []struct {
			ID         int64     `db:"id"`
			ProgramID  int64     `db:"program_id"`
			AsOf       time.Time `db:"as_of"`
			Count      int64     `db:"count"`
			Status     string    `db:"status"`
			Department string    `db:"department"`
		}
		if err := sqlx.SelectContext(ctx, r.tx, &rows, q, pq.Array(days), pq.Array(dayDates), r.startSeq); err != nil {
			return fmt.Errorf("entries of the file's days: %w", err)
		}
		for _, e := range rows {
			k := likeKey{e.ProgramID, dateArg(dateOf(e.AsOf)), e.Count, e.Status, e.Department}
			r.like[k] = append(r.like[k], e.ID)
		}
	}
	for _, p := range r.pending {
		if !r.checks[p.IdempotencyKey] || p.Kind != commands.KindDelta {
			continue
		}
		dept := cmp.Or(p.Department, r.programDepts[p.ProgramID])
		for _, id := range r.like[likeKey{p.ProgramID, dateArg(p.AsOf), p.Count, string(p.Status), dept}] {
			cands = append(cands, candidate{p.IdempotencyKey, id})
		}
	}
	if len(cands) == 0 {
		return nil
	}
	keys, ids := make([]string, len(cands)), make([]int64, len(cands))
	for i, c := range cands {
		keys[i], ids[i] = c.key, c.id
	}
	const q = `
		SELECT DISTINCT ON (i.key) i.key, e.id
		FROM unnest($1::text[], $2::bigint[]) AS i(key, id)
		JOIN entries e ON e.id = i.id AND e.voided_at IS NULL
		WHERE NOT EXISTS (SELECT 1 FROM entries k WHERE k.idempotency_key = i.key)
		ORDER BY i.key, e.id`
	var same []struct {
		Key string `db:"key"`
		ID  int64  `db:"id"`
	}
	if err := sqlx.SelectContext(ctx, r.tx, &same, q, pq.Array(keys), pq.Array(ids)); err != nil {
		return fmt.Errorf("entries like the file's rows: %w", err)
	}
	if len(same) == 0 {
		return nil
	}
	refused := make(map[string]int64, len(same))
	for _, s := range same {
		refused[s.Key] = s.ID
	}
	kept := r.pending[:0]
	for _, p := range r.pending {
		if id, ok := refused[p.IdempotencyKey]; ok {
			r.Problem(commands.NewImportProblem(r.lines[p.IdempotencyKey], "", "", "import.problem.identical_live_entry", "ID", id))
			continue
		}
		kept = append(kept, p)
	}
	r.pending = kept
	return nil
}

// dayKey is a program and a day (2006-01-02); likeKey an entry's program,
// day, count, status and department: what makes two rows the same record.
type (
	dayKey struct {
		program int64
		asOf    string
	}
	likeKey struct {
		program      int64
		asOf         string
		count        int64
		status, dept string
	}
)

// rowRef is what recorded needs of a row beyond its entry: its Number and
// the agreement it realised (약정 번호), both as the file numbers them, and,
// on a 정정's replacement, whether the 정정 was answered 누계포함 아니오.
type rowRef struct {
	number, agreement int64
	separate          bool
	line              int  // the row's line, for a problem the link finds
	afterClose        bool // the row is marked 마감 후 정정
}

// hireLink is a hire (채용) recorded, and the Number of the agreement it
// realised.
type hireLink struct {
	hire, agreement int64
	by              string
	line            int
	count           int64
	asOf            time.Time
}

// linkHires links each hire recorded to its agreement in agreement_hires,
// as the ledger exported had it, so 약정 이행 and the checks on a later
// void, 정정 or 취소 of either read as there. The links are written after
// every row, since a corrected agreement's replacement (the number its
// hires name) is recorded after them. A hire whose agreement is not among
// the rows this import recorded is a problem on its line: it would count as
// a plain entry, its agreement's 이행 short.
func (r *importRun) linkHires(ctx context.Context) error {
	for _, h := range r.hires {
		a, ok := r.agreements[h.agreement]
		if !ok && r.newHires[h.line] {
			// A new row (no 기록 식별자) naming an agreement that is no
			// row of the file means the ledger's: the console's 채용 links
			// it, with its checks and holds (r25 F3).
			r.Problem(commands.NewImportProblem(h.line, "약정 번호", fmt.Sprint(h.agreement), "improws.import_hire_ledger_agreement",
				"ID", h.agreement, "Count", h.count, "Date", fmt.Sprintf("%d. %d. %d.", h.asOf.Year(), h.asOf.Month(), h.asOf.Day())))
			continue
		}
		if !ok {
			r.Problem(commands.NewImportProblem(h.line, "약정 번호", fmt.Sprint(h.agreement), "import.problem.hire_agreement_missing",
				"ID", h.agreement))
			continue
		}
		if _, err := r.tx.ExecContext(ctx, `INSERT INTO agreement_hires (hire_entry_id, agreement_entry_id, hired_by) VALUES ($1, $2, $3)`,
			h.hire, a, h.by); err != nil {
			return fmt.Errorf("link hire %d to agreement %d: %w", h.hire, a, err)
		}
	}
	return nil
}

// unlinked lists, as a problem on the original's line, each 정정 whose
// replacement (the 정정 column's #N) this import did not record and that is
// not linked already: a later void or 취소 of the replacement would not
// read as in the ledger exported, so the file is refused, not imported
// differently.
func (r *importRun) unlinked(ctx context.Context) error {
	numbers := make([]int64, 0, len(r.links))
	for n := range r.links {
		numbers = append(numbers, n)
	}
	slices.Sort(numbers)
	for _, n := range numbers {
		l := r.links[n]
		var linked bool
		if err := sqlx.GetContext(ctx, r.tx, &linked, `SELECT EXISTS (SELECT 1 FROM entry_corrections WHERE old_entry_id = $1)`, l.old); err != nil {
			return fmt.Errorf("correction of entry %d: %w", l.old, err)
		}
		if !linked {
			r.Problem(commands.NewImportProblem(l.line, "정정", commands.CorrectedToCell(n), "import.problem.correction_unlinked", "ID", n))
		}
	}
	return nil
}

// correctionLink is a 정정 the import replayed: the original's entry, and
// the void's reason, author and time, which the 정정's were.
type correctionLink struct {
	line   int
	number int64 // the replacement's Number, as the file's 정정 column says it
	old    int64
	reason string
	by     string
	at     time.Time
	// The original's program, kind and status: a 정정 keeps them, so a
	// replacement of another is no 정정 of it (review B8).
	program int64
	kind    commands.EntryKind
	status  commands.EntryStatus
	// rebased is what the original's void re-based the later 누계 reports
	// by: the 정정's own re-basing (entry_corrections.rebased).
	rebased int64
	// moveHires: the original is an agreement voided with its hires, which
	// the replacement takes over (a 정정 of an agreement, review r29 B5).
	moveHires bool
}

// markChunk is how many import_entries rows one statement writes.
const markChunk = 10000

// writeMarks writes import_entries for every entry recorded, a chunk per
// statement (one INSERT per entry would cost a round trip each).
func (r *importRun) writeMarks(ctx context.Context) error {
	if previewFrom(ctx) != nil { // a preview's entries are rolled back: nothing to mark
		r.markIDs, r.markLines = r.markIDs[:0], r.markLines[:0]
		return nil
	}
	const q = `
		INSERT INTO import_entries (import_id, entry_id, line)
		SELECT $1, id, line FROM unnest($2::bigint[], $3::int[]) AS m(id, line)`
	for start := 0; start < len(r.markIDs); start += markChunk {
		end := min(start+markChunk, len(r.markIDs))
		if _, err := r.tx.ExecContext(ctx, q, r.importID, pq.Array(r.markIDs[start:end]), pq.Array(r.markLines[start:end])); err != nil {
			return fmt.Errorf("mark imported entries: %w", err)
		}
	}
	r.markIDs, r.markLines = r.markIDs[:0], r.markLines[:0]
	return nil
}

// rowTotal checks a report's or template's 누계 cell against the ledger
// once the line's months are taken (row is its latest month): the year's
// figure through that month, for the program (in the template's
// department), must be the cell's. A cell that differs is refused naming
// it and the ledger's figure, never resolved one way (review r20 G38).
func (r *importRun) rowTotal(ctx context.Context, row commands.ImportRow) error {
	e := row.Entry
	first := time.Date(e.AsOf.Year(), time.January, 1, 0, 0, 0, 0, time.UTC)
	total, err := r.ledgerSpan(ctx, e, first, row.RowTotalAsOf)
	if err != nil {
		return fmt.Errorf("year in the ledger: %w", err)
	}
	if total == row.RowTotal {
		return nil
	}
	r.Problem(commands.NewImportProblem(row.Line, "누계", fmt.Sprint(row.RowTotal), "i44.import_row_total_differs",
		"Total", numbers.Format(row.RowTotal), "Months", numbers.Format(total), "Month", int(row.RowTotalAsOf.Month())))
	return nil
}

// ledgerSpan is the ledger's live figure for e's program and status (in
// e's department when it names one) dated from first through last: what a
// report's month or 누계 cell is compared with.
func (r *importRun) ledgerSpan(ctx context.Context, e commands.NewEntry, first, last time.Time) (int64, error) {
	var total int64
	const q = `
		SELECT COALESCE(SUM(count), 0) FROM entries
		WHERE program_id = $1 AND status = $2 AND voided_at IS NULL
		  AND as_of BETWEEN $3::date AND $4::date
		  AND ($5 = '' OR department = $5)`
	err := sqlx.GetContext(ctx, r.tx, &total, q, e.ProgramID, string(e.Status), dateArg(first), dateArg(last), e.Department)
	return total, err
}

// addOne records a cumulative row or a month figure, after the pending
// batch so that it is taken against everything before it.
func (r *importRun) addOne(ctx context.Context, row commands.ImportRow) (err error) {
	if err := r.flush(ctx); err != nil {
		return err
	}
	if row.MonthFigure && row.RowTotalSet {
		problems := r.problems
		defer func() {
			if err == nil && r.problems == problems {
				err = r.rowTotal(ctx, row)
			}
		}()
	}
	clear(r.reports) // a 누계 report or an agreement: read them again
	e := row.Entry
	if e.Origin != "" && !row.MonthFigure {
		existing, err := entryByOrigin(ctx, r.tx, e.Origin)
		if err == nil {
			if !sameRecord(existing, e) {
				r.Problem(originMismatch(row.Line, e, existing))
				return nil
			}
			r.notePresent(row.Line, existing.ID)
			return r.present(ctx, existing, rowRef{row.Number, row.Agreement, row.Separate, row.Line, row.AfterClose})
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("entry of origin %s: %w", e.Origin, err)
		}
	}
	if row.MonthFigure {
		// A month figure is the month's whole figure for the program (a
		// report's, across departments) or for the program in one
		// department (a template's): what the ledger already holds for that
		// month, typed or imported from any file, is part of it. So a
		// report and a template covering the same month, in either order,
		// or a template after the department typed its entries, agree and
		// add only what is new; a figure below the ledger's conflicts and
		// refuses the file.
		before, err := r.ledgerSpan(ctx, e, firstOfMonth(e.AsOf), e.AsOf)
		if err != nil {
			return fmt.Errorf("month in the ledger: %w", err)
		}
		switch {
		case e.Count == before:
			r.res.Unchanged++
			return nil
		case e.Count < before:
			id := "import.problem.month_below_ledger"
			if e.Department != "" {
				id = "import.problem.month_below_ledger_department"
			}
			r.Problem(commands.NewImportProblem(row.Line, fmt.Sprintf("%d월", e.AsOf.Month()), fmt.Sprint(e.Count),
				id, "Before", numbers.Format(before), "Department", e.Department))
			return nil
		}
		if len(row.IfAdds) > 0 {
			// The cell adds jobs: what its 비고 says of them is asked now
			// (a report's 비고 naming another month, issue 19 r39 F5).
			for _, p := range row.IfAdds {
				r.Problem(p.With("Added", numbers.Format(e.Count-before)))
			}
			return nil
		}
		e.Count -= before
	}
	// A hire recorded as already inside the later 누계 reports (누계포함:예)
	// re-bases the first of them as HireAgreement did, so each keeps the
	// total it reported (review B4): planned before the add, as there.
	var steps []rebaseStep
	if row.Within {
		later, err := lockReportsFrom(ctx, r.tx, e.ProgramID, e.Status, e.AsOf, false)
		if err != nil {
			return err
		}
		var blocked *commands.Entry
		if steps, blocked = planRebase(later, rebaseChange{asOf: e.AsOf, jobs: e.Count}, 0); blocked != nil {
			r.Problem(commands.NewImportProblem(row.Line, "누계포함", "예", "import.problem.within_beyond_report",
				"Count", numbers.Format(e.Count), "ID", blocked.ID, "Added", numbers.Format(blocked.Count)))
			return nil
		}
	}
	var below *commands.CumulativeBelowError
	// A 정정 of a 누계 answered 누계포함:아니오 (the replacement row's cell)
	// keeps the separate deltas beside the typed figure, as CorrectEntry
	// does (review r22 F30).
	separate := int64(0)
	if l, ok := r.links[row.Number]; ok && row.Number > 0 && row.Separate && e.Kind == commands.KindCumulative &&
		e.Status == commands.StatusRealised && l.kind == e.Kind && l.program == e.ProgramID {
		old, err := entryByID(ctx, r.tx, l.old)
		if err != nil {
			return err
		}
		if separate, err = separateFromReport(ctx, r.tx, old, !old.Voided()); err != nil {
			return err
		}
		e.Count += separate
	}
	if separate == 0 {
		if kept, err := r.undoneReport(ctx, row, e); err != nil || kept {
			return err
		}
	}
	var res commands.AddResult
	err = r.savepoint(ctx, func() error {
		var err error
		res, err = addEntry(ctx, r.tx, e)
		if err == nil && separate > 0 && !res.Agrees && !res.Duplicate {
			err = reportFigure(ctx, r.tx, &res.Entry, e.Count-separate)
		}
		return err
	})
	if separate > 0 {
		e.Count -= separate
		if errors.As(err, &below) {
			below.Current -= separate
		}
	}
	var (
		nothing *commands.NothingRecordedError
		later   *commands.LaterReportError
		hires   *commands.ReportBelowHiresError
	)
	switch {
	case errors.As(err, &nothing):
		return r.nothingProblem(ctx, row.Line, nothing.NothingID)
	case errors.As(err, &below):
		r.Problem(commands.NewImportProblem(row.Line, fmt.Sprintf("%d월", e.AsOf.Month()), fmt.Sprint(e.Count),
			"import.problem.cumulative_below", "Current", numbers.Format(below.Current)))
		return nil
	case errors.As(err, &hires):
		id, kv := r.entryRef("import.problem.add_below_hires", "import.problem.add_below_hires_in_file", hires.Report.ID)
		r.Problem(commands.NewImportProblem(row.Line, fmt.Sprintf("%d월", e.AsOf.Month()), fmt.Sprint(e.Count),
			id, append(kv, "NewCount", hires.NewCount, "Hired", hires.Hired)...))
		return nil
	case errors.As(err, &later): // refused before anything was written
		id, kv := r.entryRef("import.problem.later_report", "import.problem.later_report_in_file", later.Report.ID)
		r.Problem(commands.NewImportProblem(row.Line, fmt.Sprintf("%d월", e.AsOf.Month()), fmt.Sprint(e.Count),
			id, append(kv, "Total", numbers.Format(later.Report.ReportedTotal))...))
		return nil
	case err != nil:
		return err
	case res.Agrees && row.Voided:
		// A voided 누계 is kept, voided, though it would record nothing
		// live (review r26 B3): dropping it numbered every later entry
		// one lower than in the ledger exported.
		if kept, err := r.recordVoidedReport(ctx, row); err != nil || kept {
			return err
		}
		r.res.Unchanged++
		return nil
	case res.Duplicate || res.Agrees:
		r.res.Unchanged++
		return nil
	}
	// A row with a 기록 식별자 (an export's) is not held to its 일자리 수:
	// an export writes a 누계's increment in its own ledger, after the
	// re-basings of its 누계포함:예 rows, which another ledger (and this one
	// replaying the file in order) derives otherwise. Its 보고 누계 is what
	// is recorded either way; the increment is derived here, never taken
	// from the file (issue 20 r16, kept).
	if e.Kind == commands.KindCumulative && e.Origin == "" && row.StatedSet && !row.MonthFigure && res.Entry.Count != row.Stated {
		// The file's 일자리 수 beside its 누계 says another increment than
		// the ledger derives from it: one of the two figures is wrong, and
		// which is for the department to say (review r13 S3).
		r.Problem(commands.NewImportProblem(row.Line, "일자리 수", fmt.Sprint(row.Stated), "import.problem.cumulative_increment_differs",
			"Stated", numbers.Format(row.Stated), "Derived", numbers.Format(res.Entry.Count),
			"Total", numbers.Format(e.Count), "Before", numbers.Format(e.Count-res.Entry.Count)))
		return nil
	}
	if err := r.recorded(ctx, res.Entry, row.Line, rowRef{row.Number, row.Agreement, row.Separate, row.Line, row.AfterClose}); err != nil || len(steps) == 0 {
		return err
	}
	adjusted, err := applyRebase(ctx, r.tx, steps, res.Entry.ID, e.LoggedBy, e.RecordedAt)
	if err != nil {
		return fmt.Errorf("re-base the 누계 a hire is inside: %w", err)
	}
	var closed *commands.MonthClosedError
	if err := markAdjusted(ctx, r.tx, adjusted, e.LoggedBy, "", e.RecordedAt); errors.As(err, &closed) {
		m := closed.Close.Month
		r.Problem(commands.NewImportProblem(row.Line, "누계포함", "예", "import.problem.closed_month", "Year", m.Year(), "Month", int(m.Month())))
		return nil
	} else if err != nil {
		return err
	}
	// its jobs are inside the 누계 it re-based: said apart (review r27 F9);
	// a row the file voids (a 정정's original) is no longer inside it, its
	// replacement is (review r35 M13)
	if c, ok := r.cells[cellKey{res.Entry.ProgramCode, time.Date(res.Entry.AsOf.Year(), res.Entry.AsOf.Month(), 1, 0, 0, 0, 0, time.UTC)}]; ok && !row.Voided {
		c.Within += res.Entry.Count
	}
	return nil
}

// void voids an entries file's 무효 row, recorded by this import or an
// earlier one.
// replacedBy is the count the void of row (a 정정's original) re-bases
// later cumulative reports for: its replacement add's, when add is it
// and both are deltas (as CorrectEntry voids with the new count); 0
// otherwise.
func replacedBy(row, add commands.ImportRow) int64 {
	if row.CorrectedTo == 0 || row.CorrectedTo != add.Number || row.Entry.Kind != commands.KindDelta ||
		add.Entry.Kind != commands.KindDelta || row.Entry.ProgramID != add.Entry.ProgramID {
		return 0
	}
	if add.Separate {
		// 누계포함 아니오: the 정정 re-based no later report, as a void
		// replaced by the same count does not (review r13 S6).
		return row.Entry.Count
	}
	return add.Entry.Count
}

// replacements maps, for held entries rows, each 정정 replacement's Number
// to its count, when replacing a delta by a delta.
func replacements(kind commands.ImportKind, rows []commands.ImportRow) map[int64]int64 {
	out := map[int64]int64{}
	if kind != commands.ImportEntries {
		return out
	}
	byNumber := make(map[int64]commands.ImportRow, len(rows))
	for _, row := range rows {
		if row.Number > 0 {
			byNumber[row.Number] = row
		}
	}
	for _, row := range rows {
		if add, ok := byNumber[row.CorrectedTo]; ok && row.CorrectedTo > 0 {
			if n := replacedBy(row, add); n > 0 {
				out[row.CorrectedTo] = n
			}
		}
	}
	return out
}

// undoneCorrection refuses the void of e, live in the ledger, that the
// file says a 정정 made, when the ledger holds that 정정's replacement
// voided: the 정정 was taken back (취소) after the file was exported, so
// the file's void is older than the ledger's restore. Voiding e again
// left neither e nor its replacement live and dropped their jobs (review
// r23 B3: the ledger's own export imported after a 취소, 100 → 88).
func (r *importRun) undoneCorrection(ctx context.Context, row commands.ImportRow, e commands.Entry) (bool, error) {
	origin := r.numberOrigins[row.CorrectedTo]
	if row.CorrectedTo == 0 || origin == "" {
		return false, nil
	}
	repl, err := entryByOrigin(ctx, r.tx, origin)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !repl.Voided()) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("replacement of origin %s: %w", origin, err)
	}
	r.Problem(commands.NewImportProblem(row.Line, "무효", "무효", "lead.import_correction_undone", "ID", e.ID, "Replacement", repl.ID))
	return true, nil
}

// voidRefused lists as a problem on row's line the refusal err says the
// ledger makes of voiding e (a later report it breaks or leaves below its
// hires, an agreement with live hires, a closed month): refused is true
// and nothing of the file stays written. Another error is returned.
func (r *importRun) voidRefused(row commands.ImportRow, e commands.Entry, err error) (refused bool, _ error) {
	var (
		dependent  *commands.DependentReportError
		hires      *commands.AgreementHasHiresError
		closed     *commands.MonthClosedError
		belowHires *commands.ReportBelowHiresError
	)
	switch {
	case err == nil:
		return false, nil
	case errors.As(err, &dependent):
		r.Problem(commands.NewImportProblem(row.Line, "무효", "무효", "import.problem.void_breaks_report"))
	case errors.As(err, &belowHires):
		id, kv := r.entryRef("import.problem.void_below_hires", "import.problem.void_below_hires_in_file", belowHires.Report.ID)
		r.Problem(commands.NewImportProblem(row.Line, "무효", "무효", id,
			append(kv, "NewCount", belowHires.NewCount, "Hired", belowHires.Hired)...))
	case errors.As(err, &hires):
		ids := make([]int64, len(hires.Hires))
		for i, h := range hires.Hires {
			ids[i] = h.ID
		}
		r.Problem(r.hasHiresProblem(row.Line, e.ID, ids))
	case errors.As(err, &closed):
		m := closed.Close.Month
		r.Problem(commands.NewImportProblem(row.Line, "무효", "무효", "import.problem.void_changes_closed_month",
			"Year", m.Year(), "Month", int(m.Month())))
	default:
		return false, err
	}
	return true, nil
}

func (r *importRun) void(ctx context.Context, row commands.ImportRow, replacement int64) error {
	if err := r.flush(ctx); err != nil {
		return err
	}
	clear(r.reports) // the void may be of a 누계 report
	// By origin first: the row's entry may be one the ledger held before
	// (skipped as present) or recorded by this import; by key for a file
	// without 기록 식별자, or a row an import of such a file recorded.
	err := sql.ErrNoRows
	var e commands.Entry
	if row.Entry.Origin != "" {
		e, err = entryByOrigin(ctx, r.tx, row.Entry.Origin)
	}
	if errors.Is(err, sql.ErrNoRows) {
		e, err = entryByKey(ctx, r.tx, row.Entry.IdempotencyKey)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil // the add was refused; its problem is listed
	}
	if err != nil {
		return err
	}
	if e.Voided() {
		return nil
	}
	if undone, err := r.undoneCorrection(ctx, row, e); err != nil || undone {
		return err
	}
	if undone, err := r.undoneHere(ctx, row, e); err != nil || undone {
		return err
	}
	// The void keeps when, by whom and why the file says it was voided
	// (무효 일시, 무효 처리자, 무효 사유); without a 무효 일시, now.
	// It is checked as a typed void is (voidUnmarked): an import has no
	// manager's close reason, so it changes no closed month, and it leaves
	// no live hire realising a voided agreement. A refusal is a problem on
	// the row's line: nothing of the file stays written.
	// The original of a 정정 of an agreement (약정) whose replacement is a
	// row of the file keeps its hires: the 정정 carries them over to the
	// replacement (moveAgreementLinks), which link does once it is recorded
	// or found present. Refusing the void for them refused every later
	// export of a copy made before the 정정 (review r29 B5).
	moveHires := row.CorrectedTo > 0 && e.Status == commands.StatusAgreed && r.numberOrigins[row.CorrectedTo] != ""
	var voided commands.VoidResult
	if moveHires {
		voided, _, err = voidChecked(ctx, r.tx, e.ID, row.VoidedBy, row.VoidReason, "", replacement, row.VoidedAt)
	} else {
		voided, err = voidUnmarkedReplacing(ctx, r.tx, e.ID, row.VoidedBy, row.VoidReason, replacement, row.VoidedAt)
	}
	if refused, err := r.voidRefused(row, e, err); refused || err != nil {
		return err
	}
	if row.CorrectedTo > 0 && e.Kind == commands.KindDelta && replacement != 0 && replacement != e.Count {
		// A 정정 answered 예 of a replacement whose own 정정 was 아니오:
		// its change is inside the reports that counted the chain, as
		// CorrectEntry re-bases them (review r21 B4).
		inside, err := rebaseInsideAnswer(ctx, r.tx, e, replacement, row.VoidedBy, row.VoidedAt)
		if refused, err := r.voidRefused(row, e, err); refused || err != nil {
			return err
		}
		err = markAdjusted(ctx, r.tx, inside, row.VoidedBy, "", row.VoidedAt)
		if refused, err := r.voidRefused(row, e, err); refused || err != nil {
			return err
		}
		voided.Adjusted = mergeAdjustments(voided.Adjusted, inside)
	}
	r.res.Voided++
	if row.CorrectedTo > 0 {
		// A 정정's original: its replacement, recorded next, is linked to it.
		var rebased int64
		for _, a := range voided.Adjusted {
			rebased += a.Report.Count - a.OldCount
		}
		r.links[row.CorrectedTo] = correctionLink{line: row.Line, number: row.CorrectedTo, old: e.ID, reason: row.VoidReason, by: row.VoidedBy, at: row.VoidedAt,
			program: e.ProgramID, kind: e.Kind, status: e.Status, rebased: rebased, moveHires: moveHires}
	}
	return nil
}

// savepoint runs write under a savepoint. When the entries trigger refuses
// a row for a department and month that reported 실적 없음 (however the
// trigger decides it: the error it raises is what is matched), the
// transaction is rolled back to the savepoint, so it can go on to name the
// lines, and the error comes back as *commands.NothingRecordedError.
func (r *importRun) savepoint(ctx context.Context, write func() error) error {
	if _, err := r.tx.ExecContext(ctx, `SAVEPOINT import_write`); err != nil {
		return fmt.Errorf("import savepoint: %w", err)
	}
	err := write()
	var nothing *commands.NothingRecordedError
	if !errors.As(err, &nothing) {
		nothing, _ = exclusionError(err).(*commands.NothingRecordedError)
	}
	if err != nil && nothing == nil {
		return err // the transaction is lost: the import fails
	}
	if nothing != nil {
		if _, rbErr := r.tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT import_write`); rbErr != nil {
			return fmt.Errorf("import rollback to savepoint: %w", rbErr)
		}
	}
	if _, relErr := r.tx.ExecContext(ctx, `RELEASE SAVEPOINT import_write`); relErr != nil {
		return fmt.Errorf("import release savepoint: %w", relErr)
	}
	if nothing != nil {
		return nothing
	}
	return nil
}

// nothingLines names, after a batch was refused for a 실적 없음, each
// pending row the refusal is about: it writes them one at a time, each
// under its savepoint (rare, so the round trips do not matter), then drops
// the batch. The file is refused, so nothing of it stays written.
func (r *importRun) nothingLines(ctx context.Context) error {
	found := false
	for _, p := range r.pending {
		err := r.savepoint(ctx, func() error {
			_, err := insertEntries(ctx, unprepared{r.tx, insertEntriesQuery}, []newEntryRow{p})
			return err
		})
		var nothing *commands.NothingRecordedError
		switch {
		case errors.As(err, &nothing):
			found = true
			if err := r.nothingProblem(ctx, r.lines[p.IdempotencyKey], nothing.NothingID); err != nil {
				return err
			}
		case err != nil:
			return fmt.Errorf("import entries: %w", err)
		}
	}
	if !found {
		return errors.New("import entries: a 실적 없음 refused the batch but no row of it")
	}
	r.pending = r.pending[:0]
	clear(r.lines)
	return nil
}

// nothingProblem lists a row refused for the 실적 없음 nothingID as a
// problem on its line.
func (r *importRun) nothingProblem(ctx context.Context, line int, nothingID int64) error {
	var n struct {
		Department string    `db:"department"`
		Month      time.Time `db:"month"`
	}
	if err := sqlx.GetContext(ctx, r.tx, &n, `SELECT department, month FROM nothing_reports WHERE id = $1`, nothingID); err != nil {
		return fmt.Errorf("nothing report %d: %w", nothingID, err)
	}
	r.Problem(commands.NewImportProblem(line, "기준일", "", "import.problem.month_reported_nothing",
		"ID", nothingID, "Department", n.Department, "Year", n.Month.Year(), "Month", int(n.Month.Month())))
	return nil
}

// entryRef is the message id and arguments naming an entry a problem is
// about: its line (inFile, "Line") when this import recorded it, else its
// number (byNumber, "ID"). An entry this import recorded has
// no number anyone can look up: a preview's are simulated, and a refused
// apply's rolled back (review i31).
func (r *importRun) entryRef(byNumber, inFile string, entryID int64) (string, []any) {
	if line, ok := r.lineOf[entryID]; ok {
		return inFile, []any{"Line", line}
	}
	return byNumber, []any{"ID", entryID}
}

// hasHiresProblem refuses, on line, the void of agreement agreementID while
// hires (entry IDs) made from it stay live: those this import recorded by
// their lines, the others by their numbers.
func (r *importRun) hasHiresProblem(line int, agreementID int64, hires []int64) commands.ImportProblem {
	var lines, ids []string
	for _, h := range hires {
		if l, ok := r.lineOf[h]; ok {
			lines = append(lines, fmt.Sprint(l))
		} else {
			ids = append(ids, fmt.Sprintf("#%d", h))
		}
	}
	if len(lines) == 0 {
		return commands.NewImportProblem(line, "무효", "무효", "import.problem.agreement_has_hires",
			"ID", agreementID, "Hires", strings.Join(ids, ", "))
	}
	return commands.NewImportProblem(line, "무효", "무효", "import.problem.agreement_has_hires_in_file",
		"Lines", strings.Join(lines, ", "), "Hires", strings.Join(ids, ", "), i18n.PluralCount, len(lines))
}

// fileHire is a live hire linked to an agreement this import recorded.
type fileHire struct {
	Agreement int64     `db:"agreement"`
	ID        int64     `db:"id"`
	Program   int64     `db:"program_id"`
	Count     int64     `db:"count"`
	AsOf      time.Time `db:"as_of"`
}

// checkHires checks, once every row is written and every hire linked, each
// agreement this import recorded and the live hires made from it by the
// check a typed 채용 passes (commands.CheckHire), hire by hire in date
// order: a hire beyond what the agreement has left, or dated before it, is
// a problem on the hire's line; an agreement the file voids while hires
// made from it stay live, one on the agreement's line naming theirs. A
// replay checks hires and voids as it goes no better: the links are
// written last (linkHires), so the end state is what is checked.
func (r *importRun) checkHires(ctx context.Context) error {
	if len(r.agreements) == 0 || r.problems > 0 {
		return nil
	}
	ids := slices.Collect(maps.Values(r.agreements))
	slices.Sort(ids)
	var rows []entryRow
	if err := sqlx.SelectContext(ctx, r.tx, &rows, entrySelect+` WHERE e.id = ANY($1) ORDER BY e.id`, pq.Array(ids)); err != nil {
		return fmt.Errorf("imported agreements: %w", err)
	}
	var hires []fileHire
	if err := sqlx.SelectContext(ctx, r.tx, &hires, `
		SELECT ah.agreement_entry_id AS agreement, h.id, h.program_id, h.count, h.as_of
		FROM agreement_hires ah JOIN entries h ON h.id = ah.hire_entry_id
		WHERE ah.agreement_entry_id = ANY($1) AND h.voided_at IS NULL
		ORDER BY ah.agreement_entry_id, h.as_of, h.id`, pq.Array(ids)); err != nil {
		return fmt.Errorf("imported hires: %w", err)
	}
	byAgreement := map[int64][]fileHire{}
	for _, h := range hires {
		byAgreement[h.Agreement] = append(byAgreement[h.Agreement], h)
	}
	for _, row := range rows {
		a := row.entry()
		hs := byAgreement[a.ID]
		if len(hs) == 0 {
			continue
		}
		aLine := r.lineOf[a.ID]
		if a.Voided() {
			live := make([]int64, len(hs))
			for i, h := range hs {
				live[i] = h.ID
			}
			r.Problem(r.hasHiresProblem(aLine, a.ID, live))
			continue
		}
		var realised int64
		for _, h := range hs {
			line := r.lineOf[h.ID]
			if h.Program != a.ProgramID {
				// A typed 채용 hires in its agreement's program only; a file
				// may name any 약정 번호 (review r12 BREAK 3).
				r.Problem(commands.NewImportProblem(line, "약정 번호", "", "import.problem.hire_other_program", "Line", aLine))
				continue
			}
			err := commands.CheckHire(a, realised, h.Count, dateOf(h.AsOf))
			var (
				over   *commands.OverRealisedError
				before *commands.HireBeforeAgreementError
			)
			switch {
			case errors.As(err, &over):
				r.Problem(commands.NewImportProblem(line, "약정 번호", "", "import.problem.hire_over_agreement",
					"Line", aLine, "Size", numbers.Format(a.Count), "Realised", numbers.Format(realised),
					"Count", numbers.Format(h.Count)))
			case errors.As(err, &before):
				r.Problem(commands.NewImportProblem(line, "기준일", "", "import.problem.hire_before_agreement",
					"Line", aLine, "Date", before.AsOf, "AsOf", a.AsOf))
			case err != nil:
				return fmt.Errorf("hire %d of agreement %d: %w", h.ID, a.ID, err)
			}
			realised += h.Count
		}
	}
	return nil
}

// deltaBeforeReport refuses a department file's 증가분 row dated on or
// before a live 누계 report of its program and status (the ledger's, or one
// of this file's rows applied before it) when its 누계포함 cell does not
// say whether the jobs are inside that report: added on top, the report's
// total no longer holds (r13 S3: a 12/3 누계 870 read 875 after a 12/2
// row below it); a typed add asks the same question. A row of a ledger's
// export the ledger holds (same 기록 식별자, same record) was answered when
// typed, and is replayed as it was; an identifier the ledger does not hold
// proves nothing, and its row is asked as a row without one (issue 20 r16).
func (r *importRun) deltaBeforeReport(ctx context.Context, row commands.ImportRow) (bool, error) {
	e := row.Entry
	if row.WithinSaid || row.Voided {
		return false, nil
	}
	key := reportKey{e.ProgramID, e.Status, e.AsOf.Year()}
	reports, ok := r.reports[key]
	if !ok {
		if err := sqlx.SelectContext(ctx, r.tx, &reports, `
			SELECT id, as_of, reported_total, COALESCE(origin::text, '') AS origin FROM entries
			WHERE program_id = $1 AND status = $2 AND kind = 'cumulative' AND voided_at IS NULL
			  AND as_of >= $3::date AND as_of <= $4::date
			ORDER BY as_of, id`,
			e.ProgramID, string(e.Status), fmt.Sprintf("%04d-01-01", key.year), fmt.Sprintf("%04d-12-31", key.year)); err != nil {
			return false, fmt.Errorf("later 누계 of a delta row: %w", err)
		}
		if r.reports == nil {
			r.reports = map[reportKey][]laterReport{}
		}
		r.reports[key] = reports
	}
	i := slices.IndexFunc(reports, func(p laterReport) bool { return !dateOf(p.AsOf).Before(dateOf(e.AsOf)) })
	if i < 0 {
		return false, nil
	}
	report := reports[i]
	if e.Origin != "" {
		// A row of another ledger's export was answered there against the
		// reports that ledger held, which its export carries: a report of
		// this file (by its 기록 식별자) is replayed as answered. A report
		// the file does not carry (this ledger's own) was never asked
		// about, and the row is asked as a row without one is. Asked only
		// here, where the row would be refused: most rows cost no query.
		if _, carried := r.origins[report.Origin]; carried && report.Origin != "" {
			return false, nil
		}
		if held, err := r.holds(ctx, e); err != nil || held {
			return false, err
		}
	}
	day := dateOf(report.AsOf)
	id, kv := r.entryRef("import.problem.delta_before_cumulative", "import.problem.delta_before_cumulative_in_file", report.ID)
	r.Problem(commands.NewImportProblem(row.Line, "누계포함", "", id, append(kv,
		"Count", numbers.Format(e.Count), "Date", day,
		"Total", numbers.Format(report.Reported.Int64))...))
	return true, nil
}

// cellStatus is a preview cell's key with a status.
type cellStatus struct {
	cell   cellKey
	status commands.EntryStatus
}

// liveCellSums is the SUM of the live entries' jobs by program, month and
// status, as the import's transaction sees the ledger.
func liveCellSums(ctx context.Context, tx *sqlx.Tx) (map[cellStatus]int64, error) {
	var rows []struct {
		Program string    `db:"code"`
		Month   time.Time `db:"month"`
		Status  string    `db:"status"`
		Sum     int64     `db:"sum"`
	}
	if err := sqlx.SelectContext(ctx, tx, &rows, `
		SELECT p.code, date_trunc('month', e.as_of)::date AS month, e.status, SUM(e.count) AS sum
		FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE e.voided_at IS NULL
		GROUP BY 1, 2, 3`); err != nil {
		return nil, fmt.Errorf("live sums by month: %w", err)
	}
	m := make(map[cellStatus]int64, len(rows))
	for _, x := range rows {
		m[cellStatus{cellKey{x.Program, dateOf(x.Month)}, commands.EntryStatus(x.Status)}] = x.Sum
	}
	return m, nil
}
