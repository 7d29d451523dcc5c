package dbtest

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/db"
)

// Synthetic data shape: what FillSynthetic writes.
const (
	// SyntheticPrograms is how many programs the synthetic entries spread
	// over; the fill adds programs until there are this many.
	SyntheticPrograms = 30
	// SyntheticDepartments is how many departments log synthetic entries.
	SyntheticDepartments = 200
	// SyntheticDays is the span of as-of dates: ten years back from today.
	SyntheticDays = 3653
	// SyntheticUsers is how many Slack user IDs log synthetic entries.
	SyntheticUsers = 200

	// bulkChunk is how many entries one INSERT … SELECT writes, so progress
	// can be reported and no single statement queues millions of foreign-key
	// checks.
	bulkChunk = 500_000
	// bulkDropIndexes is the size from which the fill drops the secondary
	// indexes of entries and builds them again afterwards: one sorted build
	// is several times faster than millions of random index inserts.
	bulkDropIndexes = 200_000
)

// FillSynthetic adds n synthetic entries for benchmarks and tests, set-based
// in one transaction, and rebuilds the running totals from the ledger in the
// same transaction (the SQL function rebuild_totals, which `jobsbot migrate
// --rebuild-totals` runs too), so the store answers exactly as if every entry
// had gone through AddEntry and VoidEntry. The entries trigger is off while
// it writes: one rebuild in day order is faster than the trigger's upserts
// for millions of rows, and leaves each span's totals rows on shared pages.
// ALTER TABLE holds off every other session until the commit, so none ever
// sees the entries without their totals. It lives here, beside the other
// test helpers, because no production path writes synthetic data.
//
// The entries span SyntheticDays as-of dates up to today in Seoul,
// SyntheticPrograms programs (missing ones are added as "synthetic-NN"), and
// SyntheticDepartments departments, each program logged by ten departments.
// About 2% are voided, 5% are cumulative reports, 10% approximate, 8%
// agreed, and a fifth are back-dated by up to two weeks. The same seed gives
// the same figures; idempotency keys carry a random tag, so filling twice
// adds twice. It is meant for benchmark databases: for a large n it holds an
// exclusive lock on entries and rebuilds its indexes. progress, if not nil,
// is called after each chunk with the number of entries written so far.
func FillSynthetic(ctx context.Context, s *db.Store, n int64, seed int64, progress func(done int64)) error {
	if n <= 0 {
		return nil
	}
	keyPrefix := "bulk:" + commands.RandomHex(8) + ":"
	today := time.Now().In(dates.Seoul()).Format(time.DateOnly)

	tx, err := s.DB().BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("bulk fill: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	err = func() error {
		// Index builds sort in memory when they can; the defaults (64MB,
		// 4MB) would spill a ten-million-row sort to disk.
		for _, set := range []string{`SET LOCAL maintenance_work_mem = '512MB'`, `SET LOCAL work_mem = '256MB'`} {
			if _, err := tx.ExecContext(ctx, set); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `ALTER TABLE entries DISABLE TRIGGER entries_totals_insert`); err != nil {
			return err
		}
		if err := addSyntheticPrograms(ctx, tx); err != nil {
			return fmt.Errorf("programs: %w", err)
		}
		var rebuild []string
		if n >= bulkDropIndexes {
			var err error
			if rebuild, err = dropSecondaryIndexes(ctx, tx, "entries"); err != nil {
				return fmt.Errorf("drop indexes: %w", err)
			}
		}
		for done := int64(0); done < n; {
			size := min(bulkChunk, n-done)
			if _, err := tx.ExecContext(ctx, syntheticEntries, done+1, done+size, seed, today, keyPrefix); err != nil {
				return fmt.Errorf("entries %d..%d: %w", done+1, done+size, err)
			}
			done += size
			if progress != nil {
				progress(done)
			}
		}
		for _, def := range rebuild {
			if _, err := tx.ExecContext(ctx, def); err != nil {
				return fmt.Errorf("rebuild index: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `ALTER TABLE entries ENABLE TRIGGER entries_totals_insert`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `SELECT rebuild_totals()`); err != nil {
			return fmt.Errorf("rebuild totals: %w", err)
		}
		return nil
	}()
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		return fmt.Errorf("bulk fill: %w", err)
	}
	// Fresh statistics and a visibility map, as autovacuum would leave them
	// soon after: without them the planner guesses and index-only scans
	// visit the heap.
	if _, err := s.DB().ExecContext(ctx, `VACUUM (ANALYZE) entries, program_days, program_months, department_days, department_months, employment_days, employment_months, departments, programs`); err != nil {
		return fmt.Errorf("bulk fill: vacuum: %w", err)
	}
	return nil
}

// syntheticEntries writes entries $1..$2 of a fill. Every field comes from
// hashes of the entry's number and the seed ($3), so a seed gives the same
// ledger; the & keeps hashes non-negative. $4 is today, $5 the key prefix.
const syntheticEntries = `
	WITH p AS (
		SELECT array_agg(id ORDER BY id) AS ids
		FROM (SELECT id FROM programs ORDER BY id LIMIT 30) x
	), d AS (
		SELECT array_agg(format('부서%s과', lpad(g::text, 3, '0')) ORDER BY g) AS names
		FROM generate_series(1, 200) g
	), r AS (
		SELECT g.i,
		       hashint8extended(g.i, $3::bigint) & 9223372036854775807 AS r1,
		       hashint8extended(g.i, $3::bigint + 1) & 9223372036854775807 AS r2,
		       hashint8extended(g.i, $3::bigint + 2) & 9223372036854775807 AS r3
		FROM generate_series($1::bigint, $2::bigint) AS g(i)
	), f AS (
		SELECT r.i,
		       p.ids[1 + r.r1 % array_length(p.ids, 1)] AS program_id,
		       d.names[1 + ((r.r1 % 30) * 7 + (r.r2 / 1000) % 10) % 200] AS department,
		       $4::date - ((r.r1 / 30) % 3653)::int AS as_of,
		       CASE WHEN (r.r2 / 40) % 20 = 0 THEN 1 + (r.r2 / 800) % 2000 ELSE 1 + r.r2 % 40 END AS count,
		       'U' || lpad(((r.r2 / 100000) % 200)::text, 4, '0') AS logged_by,
		       r.r3 % 1000 < 20 AS voided,
		       (r.r3 / 1000) % 100 < 5 AS cumulative,
		       (r.r3 / 100000) % 100 < 10 AS approximate,
		       (r.r3 / 10000000) % 100 < 8 AS agreed,
		       (ARRAY['', 'regular', 'temporary', 'daily'])[1 + (r.r3 / 1000000000) % 4] AS employment_type,
		       CASE WHEN (r.r3 / 10000000000) % 10 < 2 THEN ((r.r3 / 100000000000) % 15)::int ELSE 0 END AS lag_days,
		       (r.r3 / 10000000000000) % 36000 AS secs,
		       (r.r3 / 1000000000000000) % 8 AS flavour
		FROM r, p, d
	), t AS (
		SELECT f.*,
		       LEAST(now(), ((f.as_of + f.lag_days)::timestamp + interval '9 hours' + f.secs * interval '1 second')
		                    AT TIME ZONE 'Asia/Seoul') AS created_at
		FROM f
	)
	INSERT INTO entries (program_id, count, reported_total, kind, as_of, approximate, status,
	                     employment_type, department, note, logged_by, source, idempotency_key,
	                     created_at, voided_at, voided_by, void_reason)
	SELECT t.program_id, t.count,
	       CASE WHEN t.cumulative THEN t.count + t.secs % 5000 END,
	       CASE WHEN t.cumulative THEN 'cumulative' ELSE 'delta' END,
	       t.as_of, t.approximate,
	       CASE WHEN t.agreed THEN 'agreed' ELSE 'realised' END,
	       t.employment_type, t.department,
	       CASE WHEN t.flavour < 2 THEN '합성 메모 ' || t.i ELSE '' END,
	       t.logged_by,
	       CASE t.flavour WHEN 0 THEN 'modal' WHEN 1 THEN 'console' ELSE 'slash' END,
	       $5::text || t.i,
	       t.created_at,
	       CASE WHEN t.voided THEN LEAST(now(), t.created_at + (t.secs * 7) * interval '1 second') END,
	       CASE WHEN t.voided THEN t.logged_by ELSE '' END,
	       CASE WHEN t.voided THEN 'synthetic void' ELSE '' END
	FROM t`

// addSyntheticPrograms adds programs "synthetic-01"… until there are
// SyntheticPrograms, each with its code as its only name.
func addSyntheticPrograms(ctx context.Context, tx sqlx.ExtContext) error {
	const q = `
		WITH want AS (
			SELECT g, format('synthetic-%s', lpad(g::text, 2, '0')) AS code
			FROM generate_series(1, GREATEST(0, $1 - (SELECT count(*) FROM programs))) g
		), added AS (
			INSERT INTO programs (code, name_ko, name_en, sector, disclosure_type, department)
			SELECT code, format('합성 사업 %s', g), format('Synthetic program %s', g),
			       CASE WHEN g % 3 = 0 THEN 'private' ELSE 'public' END, 'direct',
			       format('부서%s과', lpad((g * 7 % 200 + 1)::text, 3, '0'))
			FROM want
			ON CONFLICT (code) DO NOTHING
			RETURNING id, code
		)
		INSERT INTO program_names (name, program_id)
		SELECT lower(code), id FROM added`
	_, err := tx.ExecContext(ctx, q, SyntheticPrograms)
	return err
}

// dropSecondaryIndexes drops the indexes of a table that back no constraint
// and returns the statements that create them again.
func dropSecondaryIndexes(ctx context.Context, tx sqlx.ExtContext, table string) ([]string, error) {
	const q = `
		SELECT i.indexname, i.indexdef
		FROM pg_indexes i
		WHERE i.schemaname = current_schema() AND i.tablename = $1
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint c
		                  WHERE c.conrelid = $1::text::regclass AND c.conname = i.indexname)
		ORDER BY i.indexname`
	var rows []struct {
		Name string `db:"indexname"`
		Def  string `db:"indexdef"`
	}
	if err := sqlx.SelectContext(ctx, tx, &rows, q, table); err != nil {
		return nil, err
	}
	defs := make([]string, 0, len(rows))
	for _, r := range rows {
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+pq.QuoteIdentifier(r.Name)); err != nil {
			return nil, err
		}
		defs = append(defs, r.Def)
	}
	return defs, nil
}
