-- +goose Up
-- department_months and employment_months are department_days and
-- employment_days summed by month, as program_months is program_days. Status
-- sums a year of them for the department list and the employment breakdown:
-- at 10M entries a year of department_days is ~170k rows and status took
-- 1.5× its 1M time (issue 14); whole months now come from these tables, and
-- only the days at the ends of a span from the daily ones. They are kept by
-- the same writers as their daily tables, in the lock order of db/totals.go.
CREATE TABLE department_months (
    department  text   NOT NULL,
    month       date   NOT NULL CHECK (month = date_trunc('month', month)::date),
    program_id  bigint NOT NULL REFERENCES programs (id),
    status      text   NOT NULL CHECK (status IN ('realised', 'agreed')),
    jobs        bigint NOT NULL DEFAULT 0,
    approx_jobs bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (department, month, program_id, status),
    CHECK (jobs >= 0 AND approx_jobs >= 0 AND approx_jobs <= jobs)
);
CREATE INDEX department_months_month ON department_months (month) INCLUDE (department, program_id, status, jobs);

-- The backfill must see every entry its writers committed: SHARE waits for
-- the writes in flight and holds off new ones until the migration commits.
-- (A previous version still running afterwards would not keep the monthly
-- tables: stop it first; deploy/README.md, "Upgrading".)
LOCK TABLE entries IN SHARE MODE;

INSERT INTO department_months (department, month, program_id, status, jobs, approx_jobs)
SELECT department, date_trunc('month', day)::date, program_id, status, SUM(jobs), SUM(approx_jobs)
FROM department_days
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4;

CREATE TABLE employment_months (
    month           date   NOT NULL CHECK (month = date_trunc('month', month)::date),
    program_id      bigint NOT NULL REFERENCES programs (id),
    status          text   NOT NULL CHECK (status IN ('realised', 'agreed')),
    employment_type text   NOT NULL,
    jobs            bigint NOT NULL DEFAULT 0 CHECK (jobs >= 0),
    PRIMARY KEY (month, program_id, status, employment_type)
);

INSERT INTO employment_months (month, program_id, status, employment_type, jobs)
SELECT date_trunc('month', day)::date, program_id, status, employment_type, SUM(jobs)
FROM employment_days
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4;

-- The triggers of migration 00012 keep employment_months too: the same
-- change, summed by month, right after employment_days and in key order.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION employment_days_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO employment_days (day, program_id, status, employment_type, jobs)
    SELECT as_of, program_id, status, employment_type, SUM(count)
    FROM new_rows WHERE voided_at IS NULL
    GROUP BY as_of, program_id, status, employment_type
    ORDER BY 1, 2, 3, 4 -- a fixed order, so concurrent statements cannot deadlock
    ON CONFLICT (day, program_id, status, employment_type)
    DO UPDATE SET jobs = employment_days.jobs + EXCLUDED.jobs;
    INSERT INTO employment_months (month, program_id, status, employment_type, jobs)
    SELECT date_trunc('month', as_of)::date, program_id, status, employment_type, SUM(count)
    FROM new_rows WHERE voided_at IS NULL
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (month, program_id, status, employment_type)
    DO UPDATE SET jobs = employment_months.jobs + EXCLUDED.jobs;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION employment_days_update() RETURNS trigger LANGUAGE plpgsql AS $$
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

    WITH change AS (
        SELECT date_trunc('month', as_of)::date AS month, program_id, status, employment_type, SUM(jobs) AS jobs
        FROM (SELECT n.as_of, n.program_id, n.status, n.employment_type, n.count AS jobs
              FROM new_rows n WHERE n.voided_at IS NULL
              UNION ALL
              SELECT o.as_of, o.program_id, o.status, o.employment_type, -o.count
              FROM old_rows o WHERE o.voided_at IS NULL) c
        GROUP BY 1, 2, 3, 4
        HAVING SUM(jobs) <> 0
    ), lowered AS (
        UPDATE employment_months m SET jobs = m.jobs + c.jobs
        FROM change c
        WHERE c.jobs < 0 AND m.month = c.month AND m.program_id = c.program_id
          AND m.status = c.status AND m.employment_type = c.employment_type
        RETURNING 1
    )
    INSERT INTO employment_months (month, program_id, status, employment_type, jobs)
    SELECT month, program_id, status, employment_type, jobs
    FROM change WHERE jobs > 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (month, program_id, status, employment_type)
    DO UPDATE SET jobs = employment_months.jobs + EXCLUDED.jobs;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION employment_days_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO employment_days (day, program_id, status, employment_type, jobs)
    SELECT as_of, program_id, status, employment_type, SUM(count)
    FROM new_rows WHERE voided_at IS NULL
    GROUP BY as_of, program_id, status, employment_type
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, program_id, status, employment_type)
    DO UPDATE SET jobs = employment_days.jobs + EXCLUDED.jobs;
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION employment_days_update() RETURNS trigger LANGUAGE plpgsql AS $$
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
DROP TABLE employment_months;
DROP TABLE department_months;
