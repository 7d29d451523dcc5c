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
-- so every writer (add, void, bulk fill) maintains it without knowing. Lock
-- order: entries first, then employment_days, on every path.
CREATE TABLE employment_days (
    day             date   NOT NULL,
    program_id      bigint NOT NULL REFERENCES programs (id),
    status          text   NOT NULL CHECK (status IN ('realised', 'agreed')),
    employment_type text   NOT NULL,
    jobs            bigint NOT NULL DEFAULT 0 CHECK (jobs >= 0),
    PRIMARY KEY (day, program_id, status, employment_type)
);
CREATE INDEX employment_days_day ON employment_days (day) INCLUDE (program_id, status, employment_type, jobs);

INSERT INTO employment_days (day, program_id, status, employment_type, jobs)
SELECT as_of, program_id, status, employment_type, SUM(count)
FROM entries WHERE voided_at IS NULL
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

-- +goose StatementBegin
CREATE FUNCTION employment_days_void() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE employment_days d SET jobs = d.jobs - v.jobs
    FROM (SELECT o.as_of, o.program_id, o.status, o.employment_type, SUM(o.count) AS jobs
          FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.voided_at IS NULL AND n.voided_at IS NOT NULL
          GROUP BY 1, 2, 3, 4) v
    WHERE d.day = v.as_of AND d.program_id = v.program_id AND d.status = v.status
      AND d.employment_type = v.employment_type;
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE TRIGGER employment_days_insert AFTER INSERT ON entries
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION employment_days_insert();
CREATE TRIGGER employment_days_void AFTER UPDATE ON entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION employment_days_void();

-- +goose Down
DROP TRIGGER employment_days_void ON entries;
DROP TRIGGER employment_days_insert ON entries;
DROP FUNCTION employment_days_void();
DROP FUNCTION employment_days_insert();
DROP TABLE employment_days;
DROP INDEX entries_live_report;
