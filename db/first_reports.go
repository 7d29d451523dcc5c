package db

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/commands"
)

// FirstCumulativeReports returns, per program, its year's first report
// when it is a live realised 누계 with a positive increment dated in
// [from, to] (of department dept when it is not ""): the report whose
// increment is the whole year to its date (commands/label9_lumps.go). First
// means nothing of the program's year comes before it (by date, then
// number) but deltas recorded after it: a back-dated delta does not change
// what the report stated (commands.reportedBefore, the same rule in Go;
// review r47 F1). from and to lie in one year. ApproxNow is the 여 of the
// program's latest live realised 누계 of the year through to.
//
// Each program costs index probes, not a pass over the year's entries: the
// candidate and the latest report are read from entries_live_cumulative_latest
// (migration 00033), and the check that nothing of the program's year comes
// before the candidate stops at the first such entry.
func (s *Store) FirstCumulativeReports(ctx context.Context, from, to time.Time, dept string) ([]commands.FirstReport, error) {
	q := `
		SELECT x.*, coalesce((
			SELECT l.approximate FROM entries l
			WHERE l.program_id = x.program_id AND l.status = 'realised' AND l.kind = 'cumulative' AND l.voided_at IS NULL
			  AND l.as_of BETWEEN date_trunc('year', $1::date)::date AND $2::date
			ORDER BY l.as_of DESC, l.id DESC
			LIMIT 1), false) AS approx_now
		FROM (` + entrySelect + `
			WHERE e.id IN (
				SELECT c.id FROM programs cp
				CROSS JOIN LATERAL (
					SELECT c.id FROM entries c
					WHERE c.program_id = cp.id AND c.status = 'realised' AND c.kind = 'cumulative' AND c.voided_at IS NULL
					  AND c.as_of BETWEEN $1::date AND $2::date
					ORDER BY c.as_of, c.id
					LIMIT 1
				) c)
			  AND e.count > 0 AND ($3 = '' OR e.department = $3)
			  AND NOT EXISTS (
				SELECT 1 FROM entries f
				WHERE f.program_id = e.program_id AND f.status = 'realised' AND f.voided_at IS NULL
				  AND f.as_of BETWEEN date_trunc('year', e.as_of)::date AND e.as_of AND (f.as_of, f.id) < (e.as_of, e.id)
				  AND (f.kind = 'cumulative' OR f.id < e.id))
		) x
		ORDER BY x.id`
	var rows []struct {
		entryRow
		ApproxNow bool `db:"approx_now"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, dateArg(from), dateArg(to), dept); err != nil {
		return nil, wrap("first cumulative reports", err)
	}
	out := make([]commands.FirstReport, len(rows))
	for i, r := range rows {
		out[i] = commands.FirstReport{Entry: r.entry(), ApproxNow: r.ApproxNow}
	}
	return out, nil
}
