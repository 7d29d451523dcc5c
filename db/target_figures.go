package db

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// TargetFigures returns, by year and program, every figure the program's
// target has held (its value now, and each revision's old and new value):
// a report's 목표(당초) and 목표(변경) cells, exported at any date, hold one
// of them; the first of each is the value now. The import compares those cells with these, so an edited target
// is refused rather than dropped (review r24 F13): an import never sets a
// target.
func (s *Store) TargetFigures(ctx context.Context) (map[int]map[int64][]int64, error) {
	const q = `
		SELECT year, program_id, jobs FROM (
			SELECT year, program_id, jobs, 0 AS ord FROM targets WHERE program_id IS NOT NULL
			UNION ALL SELECT year, program_id, old_jobs, 1 FROM target_revisions WHERE program_id IS NOT NULL AND old_jobs IS NOT NULL
			UNION ALL SELECT year, program_id, new_jobs, 1 FROM target_revisions WHERE program_id IS NOT NULL) t
		ORDER BY year, program_id, ord`
	var rows []struct {
		Year    int   `db:"year"`
		Program int64 `db:"program_id"`
		Jobs    int64 `db:"jobs"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q); err != nil {
		return nil, wrap("target figures", err)
	}
	out := map[int]map[int64][]int64{}
	for _, r := range rows {
		if out[r.Year] == nil {
			out[r.Year] = map[int64][]int64{}
		}
		out[r.Year][r.Program] = append(out[r.Year][r.Program], r.Jobs)
	}
	return out, nil
}
