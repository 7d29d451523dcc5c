package db

import (
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

// departmentRow is one row of departments.
type departmentRow struct {
	Name      string         `db:"department"`
	Aliases   pq.StringArray `db:"aliases"`
	Active    bool           `db:"active"`
	Reporters pq.StringArray `db:"reporters"`
	Channel   string         `db:"channel"`
}

func (r departmentRow) department() commands.Department {
	return commands.Department{Name: r.Name, Aliases: []string(r.Aliases), Active: r.Active,
		Reporters: []string(r.Reporters), Channel: r.Channel}
}

const departmentColumns = `department, aliases, active, reporters, channel`

// Departments returns the active departments, ordered by name, from memory
// for up to cacheTTL.
func (s *Store) Departments(ctx context.Context) ([]commands.Department, error) {
	return getList(ctx, &s.departments, s.loadDepartments)
}

// loadDepartments reads the managed list from the database.
func (s *Store) loadDepartments(ctx context.Context) ([]commands.Department, error) {
	var rows []departmentRow
	q := `SELECT ` + departmentColumns + ` FROM departments WHERE active ORDER BY department`
	if err := sqlx.SelectContext(ctx, s.db, &rows, q); err != nil {
		return nil, wrap("departments", err)
	}
	out := make([]commands.Department, len(rows))
	for i, r := range rows {
		out[i] = r.department()
	}
	return out, nil
}

// AddDepartment adds d to the managed list. A retired row of the same name
// (or one the add statement created for an unchecked name) is reactivated
// with d's fields, keeping its last-logged date and its aliases (but for
// any an active department has taken since); an active one is a conflict.
func (s *Store) AddDepartment(ctx context.Context, d commands.Department) (commands.Department, error) {
	defer s.departments.forget()
	const q = `
		INSERT INTO departments (department, aliases, active, reporters, channel)
		VALUES ($1, $2, true, $3, $4)
		ON CONFLICT (department) DO UPDATE
		SET aliases = ARRAY(
		        SELECT a FROM unnest(departments.aliases || EXCLUDED.aliases) WITH ORDINALITY u(a, i)
		        WHERE a = ANY(EXCLUDED.aliases) OR NOT EXISTS (
		            SELECT 1 FROM departments o
		            WHERE o.active AND o.department <> departments.department AND (o.department = a OR a = ANY(o.aliases)))
		        GROUP BY a ORDER BY min(i)),
		    active = true, reporters = EXCLUDED.reporters,
		    channel = EXCLUDED.channel, updated_at = now()
		WHERE NOT departments.active
		RETURNING ` + departmentColumns
	var r departmentRow
	err := s.inTx(ctx, func(tx *sqlx.Tx) error { // records a delivery with it
		return sqlx.GetContext(ctx, tx, &r, q, d.Name, aliasArray(d.Aliases), aliasArray(d.Reporters), d.Channel)
	})
	if errors.Is(err, sql.ErrNoRows) {
		// ON CONFLICT skipped the update: the department is already active.
		return commands.Department{}, fmt.Errorf("db: add department %q: %w", d.Name, commands.ErrConflict)
	}
	if err != nil {
		return commands.Department{}, wrap(fmt.Sprintf("add department %q", d.Name), err)
	}
	return r.department(), nil
}

// UpdateDepartment saves the aliases, reporters, channel and active flag of
// the department named d.Name.
func (s *Store) UpdateDepartment(ctx context.Context, d commands.Department) (commands.Department, error) {
	defer s.departments.forget()
	const q = `
		UPDATE departments
		SET aliases = $2, reporters = $3, channel = $4, active = $5, updated_at = now()
		WHERE department = $1
		RETURNING ` + departmentColumns
	var r departmentRow
	err := s.inTx(ctx, func(tx *sqlx.Tx) error { // records a delivery with it
		return sqlx.GetContext(ctx, tx, &r, q, d.Name, aliasArray(d.Aliases), aliasArray(d.Reporters), d.Channel, d.Active)
	})
	if err != nil {
		return commands.Department{}, wrap(fmt.Sprintf("update department %q", d.Name), err)
	}
	return r.department(), nil
}

// RenameDepartment gives the department from a new name: a new row takes over
// its aliases, reporters and channel, with the old name as one more alias so
// people who still type it land on it, and everything credited to from moves
// to it (see moveDepartment). A rename to one of its own aliases drops that
// alias: it is the name now. ErrConflict if the new name is taken.
func (s *Store) RenameDepartment(ctx context.Context, from, to string) (commands.Department, error) {
	// An alias is the new name when it reads the same as commands.fold
	// reads names: case, spaces and - _ . · ・ / aside.
	const create = `
		INSERT INTO departments (department, aliases, active, reporters, channel)
		SELECT $2, array_append(ARRAY(
		           SELECT a FROM unnest(aliases) a
		           WHERE lower(regexp_replace(a, '[[:space:]_./·・-]', '', 'g')) <> lower(regexp_replace($2, '[[:space:]_./·・-]', '', 'g'))), $1),
		       true, reporters, channel
		FROM departments WHERE department = $1`
	out, err := s.takeOverDepartment(ctx, create, from, to, nil, &commands.DepartmentMerge{From: from, Into: to}, nil)
	if err != nil {
		return commands.Department{}, wrap(fmt.Sprintf("rename department %q to %q", from, to), err)
	}
	return out, nil
}

// MergeDepartments moves everything credited to from into into and drops
// from, whose name, aliases and reporters join into's. It refuses with
// *commands.MergeClosedMonthsError when from has live entries or a live
// 실적 없음 in a closed month: moving them would change that month's
// figures by department after the close.
func (s *Store) MergeDepartments(ctx context.Context, from, into string) (commands.Department, error) {
	out, _, err := s.MergeDepartmentsVoiding(ctx, commands.DepartmentMerge{From: from, Into: into})
	return out, err
}

// MergeDepartmentsVoiding is MergeDepartments that stamps the 실적 없음 it
// voids with m's clock, person and reasons (the command writes them in the
// session's language, review r13 W3) and returns them, each with the
// department that declared it, for the reply to name.
func (s *Store) MergeDepartmentsVoiding(ctx context.Context, m commands.DepartmentMerge) (commands.Department, []commands.NothingReport, error) {
	from, into := m.From, m.Into
	const join = `
		UPDATE departments d
		SET aliases = ARRAY(SELECT DISTINCT a FROM unnest(d.aliases || f.aliases || ARRAY[f.department]) a),
		    reporters = ARRAY(SELECT DISTINCT r FROM unnest(d.reporters || f.reporters) r),
		    channel = COALESCE(NULLIF(d.channel, ''), f.channel), active = true, updated_at = now()
		FROM departments f
		WHERE d.department = $2 AND f.department = $1`
	var voided []commands.NothingReport
	out, err := s.takeOverDepartment(ctx, join, from, into, refuseClosedMonths, &m, &voided)
	if closed, ok := errors.AsType[*commands.MergeClosedMonthsError](err); ok {
		return commands.Department{}, nil, closed
	}
	if err != nil {
		return commands.Department{}, nil, wrap(fmt.Sprintf("merge department %q into %q", from, into), err)
	}
	return out, voided, nil
}

// takeOverDepartment is what a rename and a merge share: in one transaction,
// under the move locks, check (if not nil) may refuse, stmt (parameters
// from, to) makes the row to take over from's fields (sql.ErrNoRows if it
// touched none, i.e. from is unknown), then everything credited to from
// moves to to.
func (s *Store) takeOverDepartment(ctx context.Context, stmt, from, to string, check func(context.Context, *sqlx.Tx, string) error,
	m *commands.DepartmentMerge, voided *[]commands.NothingReport) (commands.Department, error) {
	defer s.departments.forget()
	defer s.forgetPrograms()
	var out commands.Department
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockForDepartmentMove(ctx, tx, from, to); err != nil {
			return err
		}
		if check != nil {
			if err := check(ctx, tx, from); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, stmt, from, to)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return sql.ErrNoRows
		}
		var v []commands.NothingReport
		out, v, err = moveDepartment(ctx, tx, *m, to)
		if voided != nil {
			*voided = v
		}
		return err
	})
	return out, err
}

// lockForDepartmentMove takes the locks a rename or merge starts with, as
// the department-move paragraph of totals.go's lock order describes: it takes
// no program write lock (step 1), but every programs row, FOR NO KEY UPDATE
// (not UPDATE: every insert into entries checks its program with FOR KEY
// SHARE, the foreign key, which UPDATE would block while the move waits for
// that insert), then entries in SHARE ROW EXCLUSIVE mode (step 2), which
// waits for every add and void in flight and holds off new ones. Only then
// does the move write: entries (whose trigger moves department_days and
// department_months, steps 4 and 5), programs, candidates, targets,
// 실적 없음 reports and departments. An add or void waits for the move at
// entries, before it holds any totals row; the move waits for none of them.
// Moves are rare manager commands: the pause is short.
//
// Then, before it writes anything, it takes the 실적 없음 lock (step 7,
// advisory class 4869955, the key the triggers of migrations 00020 and
// 00038 use) of from and of into, exclusively, in ascending key order: the
// move voids into's 실적 없음 where it brings realised jobs, and moves
// from's. A 실적 없음 (AddNothing) in flight for either finishes first, and
// the move's void step sees it; one sent later waits for the move to commit
// and its trigger then sees the moved jobs (review_hostile2 N3). No cycle:
// the move holds no program lock, which is all an AddNothing takes before
// this lock, and an add that holds this lock shared holds entries, which the
// move waited for already.
func lockForDepartmentMove(ctx context.Context, tx *sqlx.Tx, from, into string) error {
	if _, err := tx.ExecContext(ctx, `SELECT 1 FROM programs ORDER BY id FOR NO KEY UPDATE`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `LOCK TABLE entries IN SHARE ROW EXCLUSIVE MODE`); err != nil {
		return err
	}
	const nothing = `
		SELECT count(pg_advisory_xact_lock(4869955, k.key))
		FROM (SELECT DISTINCT nothing_lock_key(d) AS key FROM unnest(ARRAY[$1::text, $2::text]) d ORDER BY 1) k`
	if _, err := tx.ExecContext(ctx, nothing, from, into); err != nil {
		return fmt.Errorf("lock 실적 없음 of %q and %q: %w", from, into, err)
	}
	return nil
}

// refuseClosedMonths fails with *commands.MergeClosedMonthsError when
// department has live entries or a live 실적 없음 in a closed month. It
// takes month_closes in SHARE mode after the move locks (totals.go): a
// close in flight finishes first and is seen, and none starts until the
// merge commits.
func refuseClosedMonths(ctx context.Context, tx *sqlx.Tx, department string) error {
	if _, err := tx.ExecContext(ctx, `LOCK TABLE month_closes IN SHARE MODE`); err != nil {
		return err
	}
	months, err := closedMonthsOf(ctx, tx, department)
	if err != nil || len(months) == 0 {
		return err
	}
	return &commands.MergeClosedMonthsError{Department: department, Months: months}
}

// ClosedMonthsOfDepartment returns the first days of the closed months in
// which department has live entries or a live 실적 없음, oldest first: the
// months whose filed figures carry its name.
func (s *Store) ClosedMonthsOfDepartment(ctx context.Context, department string) ([]time.Time, error) {
	months, err := closedMonthsOf(ctx, s.db, department)
	return months, wrap("closed months of a department", err)
}

// closedMonthsOf is the query behind refuseClosedMonths and
// ClosedMonthsOfDepartment.
func closedMonthsOf(ctx context.Context, q sqlx.QueryerContext, department string) ([]time.Time, error) {
	const query = `
		SELECT c.month FROM month_closes c
		WHERE EXISTS (SELECT 1 FROM entries e WHERE e.department = $1 AND e.voided_at IS NULL
		                AND e.as_of >= c.month AND e.as_of < c.month + interval '1 month')
		   OR EXISTS (SELECT 1 FROM nothing_reports n WHERE n.department = $1 AND n.voided_at IS NULL AND n.month = c.month)
		ORDER BY c.month`
	var months []time.Time
	if err := sqlx.SelectContext(ctx, q, &months, query, department); err != nil {
		return nil, fmt.Errorf("closed months of %q: %w", department, err)
	}
	for i := range months {
		months[i] = dateOf(months[i])
	}
	return months, nil
}

// moveDepartment credits everything of from to into (entries, and through
// them the department totals, programs, candidates, targets and "nothing"
// reports) and deletes from.
func moveDepartment(ctx context.Context, tx *sqlx.Tx, m commands.DepartmentMerge, into string) (commands.Department, []commands.NothingReport, error) {
	from := m.From
	at := any(nil) // NULL: the database's clock, for a caller that gives none
	if !m.At.IsZero() {
		at = m.At
	}
	by := m.By
	if by == "" {
		by = "merge"
	}
	dupReason, jobsReason := m.DuplicateReason, m.JobsReason
	if dupReason == "" {
		dupReason = "merged " + from + " into " + into + ": a 실적 없음 of " + into + " for the same month is kept"
	}
	if jobsReason == "" {
		jobsReason = "merged " + from + " into " + into + ": the merged department has jobs that month"
	}
	// The 실적 없음 from declared, to name the department each voided one
	// was declared by once the move has credited them all to into.
	var fromIDs []int64
	if err := sqlx.SelectContext(ctx, tx, &fromIDs, `SELECT id FROM nothing_reports WHERE department = $1 AND voided_at IS NULL`, from); err != nil {
		return commands.Department{}, nil, err
	}
	steps := []string{
		// The trigger on entries moves the department totals: from's rows
		// drop to 0 (readers skip them), into's take their jobs.
		`UPDATE entries SET department = $2 WHERE department = $1`,
		`UPDATE programs SET department = $2, updated_at = now() WHERE department = $1`,
		`UPDATE candidates SET department = $2 WHERE department = $1`,
		// The target taken over is a revision of into's target: 당초 → 변경.
		`INSERT INTO department_target_revisions (year, department, old_jobs, new_jobs, changed_by)
		 SELECT f.year, $2, i.jobs, COALESCE(i.jobs, 0) + f.jobs, $1 || ' → ' || $2
		 FROM department_targets f
		 LEFT JOIN department_targets i ON i.year = f.year AND i.department = $2
		 WHERE f.department = $1`,
		`INSERT INTO department_targets (year, department, jobs, set_by)
		 SELECT year, $2, jobs, set_by FROM department_targets WHERE department = $1
		 ON CONFLICT (year, department) DO UPDATE SET jobs = department_targets.jobs + EXCLUDED.jobs`,
		`DELETE FROM department_targets WHERE department = $1`,
		`UPDATE nothing_reports SET department = $2 WHERE department = $1`,
		`DELETE FROM departments WHERE department = $1`,
	}
	// The 실적 없음 a merge voids, before from's move to into: from's of
	// a month into has declared too (one declaration a month stays); then,
	// after it, those of a month the merged department has realised jobs
	// in — 실적 없음 and realised jobs of one month exclude each other
	// (migrations 00020, 00038; an agreement is not 실적). Stamped with
	// the command's clock, person and reason (review r13 W3).
	const voidDuplicate = `
		UPDATE nothing_reports n SET voided_at = COALESCE($3::timestamptz, now()), voided_by = $4, void_reason = $5
		WHERE department = $1 AND voided_at IS NULL
		  AND EXISTS (SELECT 1 FROM nothing_reports o WHERE o.department = $2 AND o.month = n.month AND o.voided_at IS NULL)
		RETURNING id, month`
	const voidJobs = `
		UPDATE nothing_reports n SET voided_at = COALESCE($3::timestamptz, now()), voided_by = $4, void_reason = $5
		WHERE department = $2 AND voided_at IS NULL
		  AND (SELECT COALESCE(SUM(m.jobs), 0) FROM department_months m
		       WHERE m.department = $2 AND m.month = n.month AND m.status = 'realised') > 0
		  AND $1::text IS NOT NULL -- from is not needed; named so both statements take the same arguments
		RETURNING id, month`
	var voided []commands.NothingReport
	void := func(q, reason string) error {
		var rows []struct {
			ID    int64     `db:"id"`
			Month time.Time `db:"month"`
		}
		if err := sqlx.SelectContext(ctx, tx, &rows, q, from, into, at, by, reason); err != nil {
			return err
		}
		for _, r := range rows {
			dept := into
			if slices.Contains(fromIDs, r.ID) {
				dept = from
			}
			voided = append(voided, commands.NothingReport{ID: r.ID, Department: dept, Month: dateOf(r.Month), VoidedBy: by, VoidReason: reason})
		}
		return nil
	}
	for i, q := range steps {
		if i == len(steps)-2 { // before from's 실적 없음 move
			if err := void(voidDuplicate, dupReason); err != nil {
				return commands.Department{}, nil, err
			}
		}
		if i == len(steps)-1 { // after it, before from's row goes
			if err := void(voidJobs, jobsReason); err != nil {
				return commands.Department{}, nil, err
			}
		}
		args := []any{from, into}
		if !strings.Contains(q, "$2") {
			args = args[:1]
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return commands.Department{}, nil, err
		}
	}
	slices.SortFunc(voided, func(a, b commands.NothingReport) int { return int(a.ID - b.ID) })
	var r departmentRow
	err := sqlx.GetContext(ctx, tx, &r, `SELECT `+departmentColumns+` FROM departments WHERE department = $1`, into)
	return r.department(), voided, err
}

// DepartmentTargets returns the yearly target of each department that has one.
func (s *Store) DepartmentTargets(ctx context.Context, year int) (map[string]int64, error) {
	var rows []struct {
		Department string `db:"department"`
		Jobs       int64  `db:"jobs"`
	}
	const q = `SELECT department, jobs FROM department_targets WHERE year = $1`
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, year); err != nil {
		return nil, wrap(fmt.Sprintf("department targets of %d", year), err)
	}
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[r.Department] = r.Jobs
	}
	return out, nil
}

// SetDepartmentTarget sets or revises a department's yearly target, keeping
// the old value in department_target_revisions; it returns the old value (0
// when there was none). The same figure again writes nothing: no revision
// reading "300 → 300". at is when the revision is made (the service's clock);
// reason is why. A revision of a set target without a reason fails with
// *commands.TargetReasonError, decided inside the transaction (as
// ReviseTarget does), so a manager whose command read the targets before
// another manager set this one cannot slip a reasonless revision past it.
func (s *Store) SetDepartmentTarget(ctx context.Context, year int, department string, jobs int64, by, reason string, at time.Time) (int64, bool, error) {
	var old sql.NullInt64
	unchanged := false
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// Insert first, as setTarget does: a first set that finds no row
		// inserts it, and a concurrent first set waits on the insert's
		// conflict, inserts nothing and then reads the committed row under
		// its lock, so it revises that value (and needs a reason). A
		// SELECT … FOR UPDATE before the insert would lock nothing when
		// there is no row, and both would set a "first" target.
		const insert = `
			INSERT INTO department_targets (year, department, jobs, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (year, department) DO NOTHING
			RETURNING jobs`
		var inserted int64
		err := sqlx.GetContext(ctx, tx, &inserted, insert, year, department, jobs, by, at)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if errors.Is(err, sql.ErrNoRows) {
			const current = `SELECT jobs FROM department_targets WHERE year = $1 AND department = $2 FOR UPDATE`
			if err := sqlx.GetContext(ctx, tx, &old, current, year, department); err != nil {
				return err
			}
			if unchanged = old.Int64 == jobs; unchanged {
				return nil
			}
			if reason == "" {
				return &commands.TargetReasonError{Old: old.Int64}
			}
			const update = `UPDATE department_targets SET jobs = $3, set_by = $4, set_at = $5 WHERE year = $1 AND department = $2`
			if _, err := tx.ExecContext(ctx, update, year, department, jobs, by, at); err != nil {
				return err
			}
		}
		const revision = `
			INSERT INTO department_target_revisions (year, department, old_jobs, new_jobs, changed_by, changed_at, reason)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`
		_, err = tx.ExecContext(ctx, revision, year, department, old, jobs, by, at, reason)
		return err
	})
	if err != nil {
		return 0, false, wrap(fmt.Sprintf("set target of %q for %d", department, year), err)
	}
	return old.Int64, unchanged, nil
}
