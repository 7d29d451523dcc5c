-- +goose Up
-- program_months is program_days summed by month. Every /jobs add replies with
-- its program's total for the year, and summing a year of program_days (up to
-- 730 rows per program) was most of the database's work per add once adds
-- were written in batches (issue 14); a year is at most 12 rows here. It is
-- kept in the same statement as program_days by every writer (batch.go,
-- applyTallies, RebuildAggregates), in the lock order of db/totals.go.
CREATE TABLE program_months (
    program_id  bigint NOT NULL REFERENCES programs (id),
    month       date   NOT NULL CHECK (month = date_trunc('month', month)::date),
    status      text   NOT NULL CHECK (status IN ('realised', 'agreed')),
    jobs        bigint NOT NULL DEFAULT 0,
    approx_jobs bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id, month, status),
    CHECK (jobs >= 0 AND approx_jobs >= 0 AND approx_jobs <= jobs)
);

-- The backfill must see every entry its writers committed: SHARE waits for
-- the writes in flight and holds off new ones until the migration commits.
-- (A previous version still running afterwards would not keep the monthly
-- tables: stop it first; deploy/README.md, "Upgrading".)
LOCK TABLE entries IN SHARE MODE;

INSERT INTO program_months (program_id, month, status, jobs, approx_jobs)
SELECT program_id, date_trunc('month', day)::date, status, SUM(jobs), SUM(approx_jobs)
FROM program_days
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;

-- +goose Down
DROP TABLE program_months;
