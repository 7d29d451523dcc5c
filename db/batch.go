package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// Group commit for /jobs add (issue 14). At month-end many staff report the
// same programs on the same date at once. Run one by one, every add waits for
// its own commit's WAL flush and queues on the program_days and
// department_days rows the others are updating. The store therefore groups
// the delta adds that arrive while a batch is being written into the next
// batch: one multi-row INSERT records them all (its statement trigger then
// updates each totals row once with the batch's sum), and it commits once;
// each request is still answered with its own entry and its program's year
// total as of that entry.
//
// Adds are spread over laneCount lanes by program ID, each writing one batch
// at a time, so two batches of one replica never touch the same totals rows
// (every totals row is per program) and never wait for each other. A lane
// has no goroutine while idle: the first add to find it idle starts one,
// which writes batches until the lane's queue is empty.
const (
	laneCount = 2
	// maxBatch bounds one statement's size, and so how long the adds at the
	// end of a big burst wait for the ones at its start.
	maxBatch = 64
	// batchTimeout bounds one batch's statement: it runs for many requests,
	// so no one request's context cancels it.
	batchTimeout = 10 * time.Second
	// maxQueued bounds the adds a lane holds, queued or being written: more
	// wait for room (or for their context to end), so a database that
	// stalls under a burst cannot make the queue grow without end.
	maxQueued = 4 * maxBatch
)

// errStoreClosed answers an add that arrives after Store.Close.
var errStoreClosed = fmt.Errorf("store closed: %w", commands.ErrUnavailable)

// errBatchFailed tells a waiting add that its batch failed as a whole and
// wrote nothing; AddEntry then records the add alone, so one add that the
// database refuses cannot fail the others.
var errBatchFailed = errors.New("batch failed")

// addLane is one queue of pending adds and whether a goroutine is writing it.
type addLane struct {
	mu      sync.Mutex
	queue   []*pendingAdd
	writing bool
	// slots holds a token for every add in the lane, queued or being
	// written: at most maxQueued.
	slots chan struct{}
}

// addLanes are the store's lanes and what Store.Close needs to stop them.
type addLanes struct {
	lanes [laneCount]addLane
	// closed (guarded by every lane's mu) refuses new adds once Close has
	// begun; writers counts the lanes' running goroutines, which Close waits
	// for before it closes the pool.
	closed  bool
	writers sync.WaitGroup
}

func newAddLanes() *addLanes {
	l := &addLanes{}
	for i := range l.lanes {
		l.lanes[i].slots = make(chan struct{}, maxQueued)
	}
	return l
}

// close refuses new adds and waits until every lane has written what it
// holds.
func (l *addLanes) close() {
	for i := range l.lanes {
		l.lanes[i].mu.Lock()
	}
	l.closed = true
	for i := range l.lanes {
		l.lanes[i].mu.Unlock()
	}
	l.writers.Wait()
}

// pendingAdd is one add waiting for a batch. state moves once, from waiting
// to taken (a batch will write it; its caller waits for the answer) or to
// abandoned (its caller gave up first; no batch will write it).
type pendingAdd struct {
	ctx    context.Context
	entry  commands.NewEntry
	state  atomic.Int32
	answer chan batchAnswer // buffered: the batch never waits for the caller
}

const (
	addWaiting int32 = iota
	addTaken
	addAbandoned
)

type batchAnswer struct {
	res commands.AddResult
	err error
}

// batchAdd records a delta add through its program's lane and returns its
// result; sql.ErrNoRows when the batch wrote nothing for it (a repeated
// idempotency key or a missing program), errBatchFailed when its batch failed.
// If ctx ends before a batch takes the add, nothing is written.
func (s *Store) batchAdd(ctx context.Context, e commands.NewEntry) (commands.AddResult, error) {
	lane := &s.lanes.lanes[uint64(e.ProgramID)%laneCount]
	select {
	case lane.slots <- struct{}{}:
		defer func() { <-lane.slots }()
	case <-ctx.Done():
		return commands.AddResult{}, ctx.Err()
	}
	p := &pendingAdd{ctx: ctx, entry: e, answer: make(chan batchAnswer, 1)}
	lane.mu.Lock()
	if s.lanes.closed {
		lane.mu.Unlock()
		return commands.AddResult{}, errStoreClosed
	}
	lane.queue = append(lane.queue, p)
	if !lane.writing {
		lane.writing = true
		s.lanes.writers.Add(1)
		go s.writeLane(lane)
	}
	lane.mu.Unlock()

	select {
	case a := <-p.answer:
		return a.res, a.err
	case <-ctx.Done():
		if p.state.CompareAndSwap(addWaiting, addAbandoned) {
			return commands.AddResult{}, ctx.Err()
		}
		// A batch has it already: its outcome is the truth, and a batch
		// ends within batchTimeout.
		a := <-p.answer
		return a.res, a.err
	}
}

// writeLane writes the lane's queue in batches until it is empty.
func (s *Store) writeLane(lane *addLane) {
	defer s.lanes.writers.Done()
	for {
		batch := takeBatch(lane)
		if batch == nil {
			return
		}
		s.writeBatch(batch)
	}
}

// takeBatch takes up to maxBatch adds off the lane's queue, in arrival order,
// skipping abandoned ones. An add whose idempotency key is already in the
// batch stays queued for the next one, where it finds its first copy, and
// so does an add held as a repeat whose fingerprint is in the batch. When
// the queue is empty it marks the lane idle and returns nil.
func takeBatch(lane *addLane) []*pendingAdd {
	lane.mu.Lock()
	defer lane.mu.Unlock()
	var (
		batch []*pendingAdd
		keys  = map[string]bool{}
		// prints holds the fingerprint keys of the batch's adds held as
		// repeats: a second add of one fingerprint waits for the next
		// batch, which finds the first recorded and holds it.
		prints = map[string]bool{}
		// answers holds the answer lock keys of the batch's adds that
		// answer a held question (NewEntry.Answers): another answer of the
		// same question waits for the next batch, which finds it recorded.
		answers = map[int32]bool{}
		rest    = lane.queue[:0]
	)
	for _, p := range lane.queue {
		print := ""
		if holdsRepeat(p.entry) {
			print = fmt.Sprint(repeatKey(p.entry))
		}
		mine := answerKeys(p.entry)
		switch {
		case len(batch) == maxBatch || keys[p.entry.IdempotencyKey] || (print != "" && prints[print]) ||
			slices.ContainsFunc(mine, func(k int32) bool { return answers[k] }):
			rest = append(rest, p)
		case p.state.CompareAndSwap(addWaiting, addTaken):
			keys[p.entry.IdempotencyKey] = true
			if print != "" {
				prints[print] = true
			}
			for _, k := range mine {
				answers[k] = true
			}
			batch = append(batch, p)
		}
	}
	clear(lane.queue[len(rest):])
	lane.queue = rest
	if len(batch) == 0 {
		lane.writing = false
	}
	return batch
}

// writeBatch writes one batch and answers each of its adds.
func (s *Store) writeBatch(batch []*pendingAdd) {
	// The batch ends by the earliest deadline among its adds (DB_DEADLINE),
	// so each is answered in time, and truly: a batch cut short before its
	// COMMIT wrote nothing, and the adds with time left retry alone.
	deadline := time.Now().Add(batchTimeout)
	for _, p := range batch {
		if d, ok := p.ctx.Deadline(); ok && d.Before(deadline) {
			deadline = d
		}
	}
	ctx, cancel := context.WithDeadline(commands.WithoutLine(commands.WithoutDelivery(context.WithoutCancel(batch[0].ctx))), deadline)
	defer cancel()
	rows := make([]newEntryRow, len(batch))
	for i, p := range batch {
		rows[i] = newEntryRow{NewEntry: p.entry} // a delta records its count
	}
	var (
		results map[string]commands.AddResult
		refused map[string]error
	)
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		stmt, err := s.insertEntriesStmt(ctx)
		if err != nil {
			return err
		}
		// One round trip before the insert: the programs' write locks
		// (Lock order step 1), in a statement of their own so that the
		// insert's snapshot is taken after them (it then sees a cumulative
		// report or void that committed while the batch waited, and the
		// year totals in the replies count it); and a generic plan for the
		// insert, whose plan does not depend on its values (planning it anew
		// for every batch, PostgreSQL's choice for a small one, costs more
		// than writing it). Two statements in one text need the simple
		// protocol, without parameters: the IDs are integers, written out.
		if _, err := tx.ExecContext(ctx, `SET LOCAL plan_cache_mode = force_generic_plan; `+
			lockProgramsShared(programArray(programsOf(rows)))); err != nil {
			return err
		}
		// Holding the programs' locks, see which months are closed: a close
		// takes every program's lock exclusively (closes.go), so none can
		// commit between this read and the insert.
		var open []newEntryRow
		open, refused, err = refuseClosed(ctx, tx, rows)
		if err != nil || len(open) == 0 {
			return err
		}
		// Then the adds held as repeats: their fingerprints' locks (Lock
		// order step 1a), and each one's identical delta, in statements of
		// their own (takeBatch keeps a second add of one fingerprint for
		// the next batch, which finds the first).
		if refused == nil {
			refused = map[string]error{}
		}
		if open, err = refuseRepeats(ctx, tx, open, refused); err != nil || len(open) == 0 {
			return err
		}
		// Then the answers of held questions: their locks (Lock order step
		// 1b) and each one's other answers (takeBatch keeps two answers of
		// one question in different batches).
		if open, err = refuseAnsweredRows(ctx, tx, open, refused); err != nil || len(open) == 0 {
			return err
		}
		results, err = insertEntries(ctx, tx.StmtxContext(ctx, stmt), open)
		if err != nil {
			return err
		}
		// Each add written is its user's last line, committed with it.
		var lines []commands.Line
		for _, p := range batch {
			if _, ok := results[p.entry.IdempotencyKey]; ok {
				if l := commands.LineFrom(p.ctx); l != nil {
					lines = append(lines, *l)
				}
			}
		}
		return markLines(ctx, tx, lines)
	})
	for _, p := range batch {
		var a batchAnswer
		switch {
		case err == nil && refused[p.entry.IdempotencyKey] != nil:
			a.err = refused[p.entry.IdempotencyKey]
		case err != nil && (len(batch) == 1 || errors.Is(err, commands.ErrMaybeSaved)):
			// Alone, or COMMIT sent with no answer: a retry alone would
			// wait on the same rows, and may have nothing left to write.
			a.err = err
		case err != nil:
			// results is not read: a transaction given up at the deadline
			// may still be writing it (inTx).
			a.err = fmt.Errorf("%w: %w", errBatchFailed, err)
		default:
			res, ok := results[p.entry.IdempotencyKey]
			if !ok {
				a.err = sql.ErrNoRows
			} else {
				a.res = res
			}
		}
		p.answer <- a
	}
}

// newEntryRow is one add's row for insertEntriesQuery: the count to record
// and, for a cumulative report, the figure typed.
type newEntryRow struct {
	commands.NewEntry
	reported sql.NullInt64
}

// insertEntriesQuery records entries: one multi-row INSERT into entries,
// whose statement trigger (entries_totals, migration 00022) adds them to
// every totals table and the departments list, in the lock order of
// totals.go, before the statement ends. The caller holds the write lock of
// every program in it (lockProgramsShared, or lockProgram for a cumulative
// report), taken in a statement of its own before this one, so this one's
// snapshot sees what a cumulative report or void of those programs committed
// while the caller waited.
//
// The entries come as parallel arrays, one element per entry ($1…$15), in
// the order they arrived. An empty department is the program's; a department
// name renamed or merged away since the caller looked it up (another
// replica's cache, a rename committed while this add waited for its lock)
// lands on the department that took it over. An entry whose program does not
// exist or whose idempotency key was used before returns no row. An entry
// without an origin (기록 식별자, migration 00041) gets a new one; an
// imported row keeps its file's.
//
// Each entry's year total is the program's total for that status and year
// before the statement (years, from program_months, which the trigger
// changes only after every part of this statement has read its snapshot)
// plus the batch's entries up to and including it, in arrival order: the
// figure a one-by-one run would have given.
const insertEntriesQuery = `
	WITH input AS MATERIALIZED (
		SELECT typed.*,
		       COALESCE((SELECT m.department FROM departments m
		                 WHERE m.active AND (m.department = typed.name OR typed.name = ANY(m.aliases))
		                 ORDER BY m.department = typed.name DESC, m.department LIMIT 1),
		                typed.name) AS managed
		FROM (
			SELECT i.*, p.code, COALESCE(NULLIF(i.department, ''), p.department) AS name
			FROM unnest($1::bigint[], $2::bigint[], $3::bigint[],
			            $4::text[], $5::date[], $6::bool[],
			            $7::text[], $8::text[], $9::text[],
			            $10::text[], $11::text[], $12::text[],
			            $13::text[], $14::timestamptz[], $15::text[])
			     WITH ORDINALITY AS i(program_id, count, reported_total,
			                          kind, as_of, approximate,
			                          status, employment_type, department,
			                          note, logged_by, source,
			                          idempotency_key, created_at, origin, ord)
			JOIN programs p ON p.id = i.program_id
		) typed
	), ins AS (
		INSERT INTO entries (program_id, count, reported_total, kind, as_of, approximate, status,
		                     employment_type, department, note, logged_by, source, idempotency_key, created_at, origin)
		SELECT program_id, count, reported_total, kind, as_of, approximate, status,
		       employment_type, managed, note, logged_by, source, idempotency_key, COALESCE(created_at, now()),
		       COALESCE(NULLIF(origin, '')::uuid, gen_random_uuid())
		FROM input ORDER BY ord
		ON CONFLICT (idempotency_key) DO NOTHING
		RETURNING *
	), years AS MATERIALIZED (
		-- Once per program, status and year: at most twelve program_months
		-- rows, found by a range scan of its primary key.
		SELECT g.program_id, g.status, g.year, t.jobs, t.approx_jobs
		FROM (SELECT DISTINCT program_id, status, date_trunc('year', as_of)::date AS year FROM input) g
		CROSS JOIN LATERAL (
			SELECT COALESCE(SUM(m.jobs), 0) AS jobs, COALESCE(SUM(m.approx_jobs), 0) AS approx_jobs
			FROM program_months m
			WHERE m.program_id = g.program_id AND m.status = g.status
			  AND m.month BETWEEN g.year AND (g.year + interval '11 months')::date
		) t
	)
	SELECT ins.id, ins.program_id, input.code AS program_code, ins.count, ins.reported_total, ins.kind,
	       ins.as_of, ins.approximate, ins.status, ins.employment_type, ins.department, ins.note,
	       ins.logged_by, ins.source, ins.idempotency_key, ins.created_at, ins.voided_at, ins.voided_by,
	       ins.void_reason, ins.added_seq, ins.voided_seq, ins.origin,
	       years.jobs + SUM(ins.count) OVER running AS year_total,
	       years.approx_jobs > 0 OR bool_or(ins.approximate) OVER running AS year_approximate
	FROM ins
	JOIN input ON input.idempotency_key = ins.idempotency_key
	JOIN years ON years.program_id = ins.program_id AND years.status = ins.status
	          AND years.year = date_trunc('year', ins.as_of)::date
	WINDOW running AS (PARTITION BY ins.program_id, ins.status, years.year ORDER BY input.ord)`

// insertEntries runs insertEntriesQuery for rows, which must have distinct
// idempotency keys, and returns each recorded entry's result by its key; a
// row missing from the map wrote nothing.
func insertEntries(ctx context.Context, q selecter, rows []newEntryRow) (map[string]commands.AddResult, error) {
	n := len(rows)
	var (
		programID = make([]int64, n)
		count     = make([]int64, n)
		reported  = make([]sql.NullInt64, n)
		kind      = make([]string, n)
		asOf      = make([]string, n)
		approx    = make([]bool, n)
		status    = make([]string, n)
		emptype   = make([]string, n)
		dept      = make([]string, n)
		note      = make([]string, n)
		loggedBy  = make([]string, n)
		source    = make([]string, n)
		key       = make([]string, n)
		created   = make([]sql.NullTime, n)
		origin    = make([]string, n)
	)
	for i, r := range rows {
		programID[i], count[i], reported[i] = r.ProgramID, r.Count, r.reported
		kind[i], asOf[i], approx[i] = string(r.Kind), dateArg(r.AsOf), r.Approximate
		status[i], emptype[i], dept[i] = string(r.Status), r.EmploymentType, r.Department
		note[i], loggedBy[i], source[i] = r.Note, r.LoggedBy, string(r.Source)
		key[i], created[i] = r.IdempotencyKey, sql.NullTime{Time: r.RecordedAt, Valid: !r.RecordedAt.IsZero()}
		origin[i] = r.Origin
	}

	var recorded []struct {
		entryRow
		YearTotal       int64 `db:"year_total"`
		YearApproximate bool  `db:"year_approximate"`
	}
	// $1 … $15, in insertEntriesQuery's order.
	args := []any{
		pq.Array(programID), pq.Array(count), pq.Array(reported),
		pq.Array(kind), pq.Array(asOf), pq.Array(approx),
		pq.Array(status), pq.Array(emptype), pq.Array(dept),
		pq.Array(note), pq.Array(loggedBy), pq.Array(source),
		pq.Array(key), pq.Array(created), pq.Array(origin)}
	if p := previewFrom(ctx); p != nil {
		// An import preview's entries take IDs of their own, not the
		// sequence's (import_preview.go); every path of an import inserts
		// unprepared, on its transaction.
		u, ok := q.(unprepared)
		if !ok {
			return nil, errors.New("import preview: insert not on the preview's transaction")
		}
		query, err := previewInsertQuery()
		if err != nil {
			return nil, err
		}
		q, args = unprepared{u.db, query}, append(args, p.take(n))
	}
	err := q.SelectContext(ctx, &recorded, args...)
	if err != nil {
		return nil, err
	}
	out := make(map[string]commands.AddResult, len(recorded))
	for _, r := range recorded {
		out[r.IdempotencyKey] = commands.AddResult{Entry: r.entry(), ProgramTotal: r.YearTotal, ProgramApproximate: r.YearApproximate}
	}
	return out, nil
}

// lockProgramsShared is a query that takes the write locks of the programs
// in ids (an array expression), shared, in the array's order (programsOf
// sorts them): step 1 of the Lock order.
func lockProgramsShared(ids string) string {
	return `SELECT count(pg_advisory_xact_lock_shared(` + programLockClass + `, (id % 2147483647)::int)) FROM unnest(` + ids + `) AS id`
}

// programArray writes program IDs as a PostgreSQL array literal.
func programArray(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return "'{" + strings.Join(parts, ",") + "}'::bigint[]"
}

// programsOf returns the distinct program IDs of rows in ascending order.
func programsOf(rows []newEntryRow) []int64 {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ProgramID
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// insertEntry records one entry through insertEntriesQuery: count (and, for
// a cumulative report, the figure typed) for e; sql.ErrNoRows when it wrote
// nothing.
func insertEntry(ctx context.Context, q selecter, e commands.NewEntry, count int64, reported sql.NullInt64) (commands.AddResult, error) {
	e.Count = count
	results, err := insertEntries(ctx, q, []newEntryRow{{NewEntry: e, reported: reported}})
	if err != nil {
		return commands.AddResult{}, err
	}
	res, ok := results[e.IdempotencyKey]
	if !ok {
		return commands.AddResult{}, sql.ErrNoRows
	}
	return res, nil
}

// selecter runs one query into a slice: a prepared *sqlx.Stmt, or
// unprepared.
type selecter interface {
	SelectContext(ctx context.Context, dest any, args ...any) error
}

// unprepared runs a query text on a connection or transaction, for the rare
// paths where preparing would cost more than it saves.
type unprepared struct {
	db    sqlx.QueryerContext
	query string
}

func (u unprepared) SelectContext(ctx context.Context, dest any, args ...any) error {
	return sqlx.SelectContext(ctx, u.db, dest, u.query, args...)
}

// insertEntriesStmt prepares insertEntriesQuery once per Store; a failure
// (the database down at the first add) is not kept, so the next add tries
// again.
func (s *Store) insertEntriesStmt(ctx context.Context) (*sqlx.Stmt, error) {
	s.insertMu.Lock()
	defer s.insertMu.Unlock()
	if s.insert == nil {
		stmt, err := s.db.PreparexContext(ctx, insertEntriesQuery)
		if err != nil {
			return nil, err
		}
		s.insert = stmt
	}
	return s.insert, nil
}

// refuseRepeats takes the fingerprint locks of the batch's adds held as
// repeats and moves each whose identical delta is recorded from rows into
// refused (*commands.RepeatError). The batch holds its programs' locks.
func refuseRepeats(ctx context.Context, tx *sqlx.Tx, rows []newEntryRow, refused map[string]error) ([]newEntryRow, error) {
	return refuseHeldRows(ctx, tx, rows, refused, lockRepeats, refuseRepeat, func(err error) bool {
		var repeat *commands.RepeatError
		return errors.As(err, &repeat)
	})
}

// refuseAnsweredRows takes the answer locks of the batch's adds that answer
// a held question with other answers and moves each whose other answer
// recorded a live entry from rows into refused (*commands.AnsweredError).
func refuseAnsweredRows(ctx context.Context, tx *sqlx.Tx, rows []newEntryRow, refused map[string]error) ([]newEntryRow, error) {
	return refuseHeldRows(ctx, tx, rows, refused, lockAnswers, refuseAnswered, func(err error) bool {
		var answered *commands.AnsweredError
		return errors.As(err, &answered)
	})
}

// refuseHeldRows takes the rows' locks (lock), asks refuse of each row and
// moves those it refuses (isRefusal) from rows into refused, by
// idempotency key; it returns the rows left and any other error.
func refuseHeldRows(ctx context.Context, tx *sqlx.Tx, rows []newEntryRow, refused map[string]error,
	lock func(context.Context, sqlx.ExecerContext, []commands.NewEntry) error,
	refuse func(context.Context, sqlx.QueryerContext, commands.NewEntry) error,
	isRefusal func(error) bool) ([]newEntryRow, error) {
	es := make([]commands.NewEntry, len(rows))
	for i, r := range rows {
		es[i] = r.NewEntry
	}
	if err := lock(ctx, tx, es); err != nil {
		return nil, err
	}
	open := rows[:0:0]
	for _, r := range rows {
		switch err := refuse(ctx, tx, r.NewEntry); {
		case isRefusal(err):
			refused[r.IdempotencyKey] = err
		case err != nil:
			return nil, err
		default:
			open = append(open, r)
		}
	}
	return open, nil
}

// refuseClosed splits a batch's rows into those dated in open months and the
// refusals (*commands.MonthClosedError) of the others, by idempotency key.
// The batch holds the locks of its programs.
func refuseClosed(ctx context.Context, tx sqlx.QueryerContext, rows []newEntryRow) ([]newEntryRow, map[string]error, error) {
	days := make([]time.Time, len(rows))
	for i, r := range rows {
		days[i] = r.AsOf
	}
	closed, err := closedMonths(ctx, tx, days)
	if err != nil || len(closed) == 0 {
		return rows, nil, err
	}
	open := make([]newEntryRow, 0, len(rows))
	refused := map[string]error{}
	for _, r := range rows {
		if c, ok := closed[firstOfMonth(r.AsOf)]; ok {
			refused[r.IdempotencyKey] = &commands.MonthClosedError{Close: c}
			continue
		}
		open = append(open, r)
	}
	return open, refused, nil
}
