-- +goose Up
-- The monthly report and the export group live entries of a span by month,
-- program, department, employment type and status. The running totals
-- (program_days) keep no employment type, so they read entries; this
-- covering index lets them do it from the index alone, in as-of order.
CREATE INDEX entries_live_report ON entries (as_of)
    INCLUDE (program_id, department, employment_type, status, count, approximate)
    WHERE voided_at IS NULL;

-- employment_days is program_days split by employment type, for the
-- breakdown in /jobs status, which must not scan a year of entries. Triggers
-- keep it in step with entries in the same statement that inserts or voids,
-- so every writer (add, void, bulk fill) maintains it without knowing. Its
-- place in the lock order is explained at the top of db/totals.go.
CREATE TABLE employment_days (
    day             date   NOT NULL,
    program_id      bigint NOT NULL REFERENCES programs (id),
    status          text   NOT NULL CHECK (status IN ('realised', 'agreed')),
    employment_type text   NOT NULL,
    jobs            bigint NOT NULL DEFAULT 0 CHECK (jobs >= 0),
    PRIMARY KEY (day, program_id, status, employment_type)
);
CREATE INDEX employment_days_day ON employment_days (day) INCLUDE (program_id, status, employment_type, jobs);

-- A group whose entries are all voided keeps a zero row, as the triggers and
-- RebuildAggregates leave it, so a schema rolled back past this migration and
-- migrated again holds exactly the rows it held.
INSERT INTO employment_days (day, program_id, status, employment_type, jobs)
SELECT as_of, program_id, status, employment_type, coalesce(SUM(count) FILTER (WHERE voided_at IS NULL), 0)
FROM entries
GROUP BY as_of, program_id, status, employment_type;

-- Statement-level triggers with transition tables: one set-based upsert per
-- statement, so a bulk insert of a million rows costs one aggregate, not a
-- million trigger calls.
-- +goose StatementBegin
CREATE FUNCTION employment_days_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO employment_days (day, program_id, status, employment_type, jobs)
    SELECT as_of, program_id, status, employment_type, SUM(count)
    FROM new_rows WHERE voided_at IS NULL
    GROUP BY as_of, program_id, status, employment_type
    ORDER BY 1, 2, 3, 4 -- a fixed order, so concurrent statements cannot deadlock
    ON CONFLICT (day, program_id, status, employment_type)
    DO UPDATE SET jobs = employment_days.jobs + EXCLUDED.jobs;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- An update of entries changes employment_days by what its rows add now minus
-- what they added before: a void takes a row out, and a later cumulative
-- report whose recorded difference is recomputed (a void of an earlier entry)
-- changes its count. Negative changes update rows that must exist (they were
-- counted); positive ones upsert, in key order. One statement, no temp table.
-- +goose StatementBegin
CREATE FUNCTION employment_days_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH change AS (
        SELECT as_of, program_id, status, employment_type, SUM(jobs) AS jobs
        FROM (SELECT n.as_of, n.program_id, n.status, n.employment_type, n.count AS jobs
              FROM new_rows n WHERE n.voided_at IS NULL
              UNION ALL
              SELECT o.as_of, o.program_id, o.status, o.employment_type, -o.count
              FROM old_rows o WHERE o.voided_at IS NULL) c
        GROUP BY 1, 2, 3, 4
        HAVING SUM(jobs) <> 0
    ), lowered AS (
        UPDATE employment_days d SET jobs = d.jobs + c.jobs
        FROM change c
        WHERE c.jobs < 0 AND d.day = c.as_of AND d.program_id = c.program_id
          AND d.status = c.status AND d.employment_type = c.employment_type
        RETURNING 1
    )
    INSERT INTO employment_days (day, program_id, status, employment_type, jobs)
    SELECT as_of, program_id, status, employment_type, jobs
    FROM change WHERE jobs > 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, program_id, status, employment_type)
    DO UPDATE SET jobs = employment_days.jobs + EXCLUDED.jobs;
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE TRIGGER employment_days_insert AFTER INSERT ON entries
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION employment_days_insert();
CREATE TRIGGER employment_days_update AFTER UPDATE ON entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION employment_days_update();

-- +goose Down
DROP TRIGGER employment_days_update ON entries;
DROP TRIGGER employment_days_insert ON entries;
DROP FUNCTION employment_days_update();
DROP FUNCTION employment_days_insert();
DROP TABLE employment_days;
DROP INDEX entries_live_report;
