-- +goose Up
-- The database keeps every totals table itself (issue 21). Until now the
-- application kept program_days, program_months, department_days and
-- department_months (the batch statement, the void path, the department
-- move) and triggers kept employment_days and employment_months, so any other
-- writer of entries (an import, an operator's psql fix, the previous release)
-- left the monthly and department totals wrong. From here on three
-- statement-level triggers with transition tables, on INSERT, UPDATE and
-- DELETE of entries, keep all six tables and the departments list, and no
-- application code writes them. Whatever changes entries, in whatever way,
-- the totals follow in the same statement.
--
-- Upgrading: the previous release writes the totals itself, so with these
-- triggers in place it would count its adds twice. Stop it before this
-- migration runs (deploy/README.md, "Upgrading"); rolling this migration
-- back (its Down section) restores the previous mechanism.

-- The triggers of migrations 00012 and 00018 go: entries_totals keeps those
-- tables too.
DROP TRIGGER employment_days_update ON entries;
DROP TRIGGER employment_days_insert ON entries;
DROP FUNCTION employment_days_update();
DROP FUNCTION employment_days_insert();

-- entries_totals_change is what one statement did to one key of the finest
-- grain, (program, department, day, status, employment type): live jobs and
-- approximate live jobs added (negative: taken away), and whether rows with
-- that key exist after the statement (present), so the totals have a row for
-- every key that has entries, voided ones included (CheckTotals, rebuild).
CREATE TYPE entries_totals_change AS (
    program_id      bigint,
    department      text,
    day             date,
    status          text,
    employment_type text,
    jobs            bigint,
    approx_jobs     bigint,
    present         boolean
);

-- entries_totals is the one trigger function, for the three events: it sums
-- the statement's transition tables into changes (new rows count plus, old
-- rows minus; an updated row whose counted fields did not change, such as a
-- note's fix, counts not at all, so it touches and locks no totals row) and
-- applies them to each totals table in the lock order of
-- db/totals.go: program_days, program_months, department_days,
-- department_months, departments, employment_days, employment_months, and
-- within each table in key order.
--
-- Each table gets one upsert of the changes that form a valid row by
-- themselves (jobs >= 0, 0 <= approx_jobs <= jobs): PostgreSQL checks the
-- proposed row of INSERT ... ON CONFLICT against the table's CHECK before it
-- finds the conflict, so a negative change cannot go through it. Those are
-- UPDATEs of rows that must exist (what they lower was counted there); only
-- an UPDATE or DELETE of entries makes them, so an insert, the hot path, runs
-- just the upserts. A zero change only makes sure a present key has its row.
-- Before it lowers, an UPDATE or DELETE locks every existing row its change
-- touches in key order (the UPDATE's join would take them in any order), so
-- even an operator's statement that mixes both keeps the lock order. A row to
-- lower that is missing means the totals were already wrong: the statement
-- fails, naming the repair, rather than leave them silently wrong.
--
-- Every totals row is per program, and every writer of the application holds
-- its program's write lock (shared for delta adds, which only raise totals;
-- exclusive for everything that lowers them) or, for a department move, a
-- lock on entries that holds off every other writer: two statements that
-- touch one totals row never wait for each other in a cycle.
-- +goose StatementBegin
CREATE FUNCTION entries_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changes entries_totals_change[];
    lowers  boolean := TG_OP <> 'INSERT';
    missing bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(c) INTO changes FROM (
            SELECT program_id, department, as_of, status, employment_type,
                   COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL), 0),
                   COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL AND approximate), 0),
                   true
            FROM new_rows
            GROUP BY program_id, department, as_of, status, employment_type
        ) c;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT array_agg(c) INTO changes FROM (
            SELECT program_id, department, as_of, status, employment_type,
                   SUM(jobs), SUM(approx_jobs), bool_or(present)
            FROM (SELECT program_id, department, as_of, status, employment_type,
                         CASE WHEN voided_at IS NULL THEN count ELSE 0 END AS jobs,
                         CASE WHEN voided_at IS NULL AND approximate THEN count ELSE 0 END AS approx_jobs,
                         true AS present
                  FROM new_rows n
                  WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND
                                    (o.program_id, o.department, o.as_of, o.status, o.employment_type, o.count, o.approximate, o.voided_at IS NULL)
                                  = (n.program_id, n.department, n.as_of, n.status, n.employment_type, n.count, n.approximate, n.voided_at IS NULL))
                  UNION ALL
                  SELECT program_id, department, as_of, status, employment_type,
                         CASE WHEN voided_at IS NULL THEN -count ELSE 0 END,
                         CASE WHEN voided_at IS NULL AND approximate THEN -count ELSE 0 END,
                         false
                  FROM old_rows o
                  WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id AND
                                    (o.program_id, o.department, o.as_of, o.status, o.employment_type, o.count, o.approximate, o.voided_at IS NULL)
                                  = (n.program_id, n.department, n.as_of, n.status, n.employment_type, n.count, n.approximate, n.voided_at IS NULL))) r
            GROUP BY program_id, department, as_of, status, employment_type
        ) c;
    ELSE
        SELECT array_agg(c) INTO changes FROM (
            SELECT program_id, department, as_of, status, employment_type,
                   -COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL), 0),
                   -COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL AND approximate), 0),
                   false
            FROM old_rows
            GROUP BY program_id, department, as_of, status, employment_type
        ) c;
    END IF;
    IF changes IS NULL THEN
        RETURN NULL; -- the statement touched no row
    END IF;

    -- 3. program_days, then program_months.
    IF lowers THEN
        PERFORM 1 FROM program_days t JOIN (SELECT program_id, day, status FROM unnest(changes)) c ON t.program_id = c.program_id AND t.day = c.day AND t.status = c.status
        ORDER BY t.program_id, t.day, t.status FOR UPDATE OF t;
        WITH c AS (SELECT program_id, day, status, SUM(jobs) AS jobs, SUM(approx_jobs) AS approx_jobs FROM unnest(changes)
                   GROUP BY 1, 2, 3 HAVING NOT (SUM(jobs) >= 0 AND SUM(approx_jobs) BETWEEN 0 AND SUM(jobs))),
             u AS (UPDATE program_days t SET jobs = t.jobs + c.jobs, approx_jobs = t.approx_jobs + c.approx_jobs FROM c WHERE t.program_id = c.program_id AND t.day = c.day AND t.status = c.status RETURNING 1)
        SELECT (SELECT count(*) FROM c) - (SELECT count(*) FROM u) INTO missing;
        IF missing <> 0 THEN
            RAISE EXCEPTION 'program_days is out of step with entries: % rows to lower are missing', missing
                USING HINT = 'jobsbot migrate --rebuild-totals recomputes the totals from entries';
        END IF;
    END IF;
    INSERT INTO program_days AS t (program_id, day, status, jobs, approx_jobs)
    SELECT program_id, day, status, jobs, approx_jobs
    FROM (SELECT program_id, day, status, SUM(jobs) AS jobs, SUM(approx_jobs) AS approx_jobs, bool_or(present) AS present
          FROM unnest(changes) GROUP BY 1, 2, 3) c
    WHERE jobs >= 0 AND approx_jobs BETWEEN 0 AND jobs AND (present OR jobs > 0)
    ORDER BY 1, 2, 3
    ON CONFLICT (program_id, day, status) DO UPDATE
    SET jobs = t.jobs + EXCLUDED.jobs, approx_jobs = t.approx_jobs + EXCLUDED.approx_jobs
    WHERE EXCLUDED.jobs <> 0 OR EXCLUDED.approx_jobs <> 0;

    IF lowers THEN
        PERFORM 1 FROM program_months t JOIN (SELECT program_id, date_trunc('month', day)::date AS month, status FROM unnest(changes)) c ON t.program_id = c.program_id AND t.month = c.month AND t.status = c.status
        ORDER BY t.program_id, t.month, t.status FOR UPDATE OF t;
        WITH c AS (SELECT program_id, date_trunc('month', day)::date AS month, status, SUM(jobs) AS jobs, SUM(approx_jobs) AS approx_jobs FROM unnest(changes)
                   GROUP BY 1, 2, 3 HAVING NOT (SUM(jobs) >= 0 AND SUM(approx_jobs) BETWEEN 0 AND SUM(jobs))),
             u AS (UPDATE program_months t SET jobs = t.jobs + c.jobs, approx_jobs = t.approx_jobs + c.approx_jobs FROM c WHERE t.program_id = c.program_id AND t.month = c.month AND t.status = c.status RETURNING 1)
        SELECT (SELECT count(*) FROM c) - (SELECT count(*) FROM u) INTO missing;
        IF missing <> 0 THEN
            RAISE EXCEPTION 'program_months is out of step with entries: % rows to lower are missing', missing
                USING HINT = 'jobsbot migrate --rebuild-totals recomputes the totals from entries';
        END IF;
    END IF;
    INSERT INTO program_months AS t (program_id, month, status, jobs, approx_jobs)
    SELECT program_id, month, status, jobs, approx_jobs
    FROM (SELECT program_id, date_trunc('month', day)::date AS month, status,
                 SUM(jobs) AS jobs, SUM(approx_jobs) AS approx_jobs, bool_or(present) AS present
          FROM unnest(changes) GROUP BY 1, 2, 3) c
    WHERE jobs >= 0 AND approx_jobs BETWEEN 0 AND jobs AND (present OR jobs > 0)
    ORDER BY 1, 2, 3
    ON CONFLICT (program_id, month, status) DO UPDATE
    SET jobs = t.jobs + EXCLUDED.jobs, approx_jobs = t.approx_jobs + EXCLUDED.approx_jobs
    WHERE EXCLUDED.jobs <> 0 OR EXCLUDED.approx_jobs <> 0;

    -- 4. department_days, then department_months.
    IF lowers THEN
        PERFORM 1 FROM department_days t JOIN (SELECT department, day, program_id, status FROM unnest(changes)) c ON t.department = c.department AND t.day = c.day AND t.program_id = c.program_id AND t.status = c.status
        ORDER BY t.department, t.day, t.program_id, t.status FOR UPDATE OF t;
        WITH c AS (SELECT department, day, program_id, status, SUM(jobs) AS jobs, SUM(approx_jobs) AS approx_jobs FROM unnest(changes)
                   GROUP BY 1, 2, 3, 4 HAVING NOT (SUM(jobs) >= 0 AND SUM(approx_jobs) BETWEEN 0 AND SUM(jobs))),
             u AS (UPDATE department_days t SET jobs = t.jobs + c.jobs, approx_jobs = t.approx_jobs + c.approx_jobs FROM c WHERE t.department = c.department AND t.day = c.day AND t.program_id = c.program_id AND t.status = c.status RETURNING 1)
        SELECT (SELECT count(*) FROM c) - (SELECT count(*) FROM u) INTO missing;
        IF missing <> 0 THEN
            RAISE EXCEPTION 'department_days is out of step with entries: % rows to lower are missing', missing
                USING HINT = 'jobsbot migrate --rebuild-totals recomputes the totals from entries';
        END IF;
    END IF;
    INSERT INTO department_days AS t (department, day, program_id, status, jobs, approx_jobs)
    SELECT department, day, program_id, status, jobs, approx_jobs
    FROM (SELECT department, day, program_id, status,
                 SUM(jobs) AS jobs, SUM(approx_jobs) AS approx_jobs, bool_or(present) AS present
          FROM unnest(changes) GROUP BY 1, 2, 3, 4) c
    WHERE jobs >= 0 AND approx_jobs BETWEEN 0 AND jobs AND (present OR jobs > 0)
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (department, day, program_id, status) DO UPDATE
    SET jobs = t.jobs + EXCLUDED.jobs, approx_jobs = t.approx_jobs + EXCLUDED.approx_jobs
    WHERE EXCLUDED.jobs <> 0 OR EXCLUDED.approx_jobs <> 0;

    IF lowers THEN
        PERFORM 1 FROM department_months t JOIN (SELECT department, date_trunc('month', day)::date AS month, program_id, status FROM unnest(changes)) c ON t.department = c.department AND t.month = c.month AND t.program_id = c.program_id AND t.status = c.status
        ORDER BY t.department, t.month, t.program_id, t.status FOR UPDATE OF t;
        WITH c AS (SELECT department, date_trunc('month', day)::date AS month, program_id, status, SUM(jobs) AS jobs, SUM(approx_jobs) AS approx_jobs FROM unnest(changes)
                   GROUP BY 1, 2, 3, 4 HAVING NOT (SUM(jobs) >= 0 AND SUM(approx_jobs) BETWEEN 0 AND SUM(jobs))),
             u AS (UPDATE department_months t SET jobs = t.jobs + c.jobs, approx_jobs = t.approx_jobs + c.approx_jobs FROM c WHERE t.department = c.department AND t.month = c.month AND t.program_id = c.program_id AND t.status = c.status RETURNING 1)
        SELECT (SELECT count(*) FROM c) - (SELECT count(*) FROM u) INTO missing;
        IF missing <> 0 THEN
            RAISE EXCEPTION 'department_months is out of step with entries: % rows to lower are missing', missing
                USING HINT = 'jobsbot migrate --rebuild-totals recomputes the totals from entries';
        END IF;
    END IF;
    INSERT INTO department_months AS t (department, month, program_id, status, jobs, approx_jobs)
    SELECT department, month, program_id, status, jobs, approx_jobs
    FROM (SELECT department, date_trunc('month', day)::date AS month, program_id, status,
                 SUM(jobs) AS jobs, SUM(approx_jobs) AS approx_jobs, bool_or(present) AS present
          FROM unnest(changes) GROUP BY 1, 2, 3, 4) c
    WHERE jobs >= 0 AND approx_jobs BETWEEN 0 AND jobs AND (present OR jobs > 0)
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (department, month, program_id, status) DO UPDATE
    SET jobs = t.jobs + EXCLUDED.jobs, approx_jobs = t.approx_jobs + EXCLUDED.approx_jobs
    WHERE EXCLUDED.jobs <> 0 OR EXCLUDED.approx_jobs <> 0;

    -- 5. departments lists every department that ever logged. Only a name
    -- the command core did not check (an import, psql) lacks a row, and gets
    -- an inactive one; an existing row is neither updated nor locked.
    INSERT INTO departments (department)
    SELECT DISTINCT department FROM unnest(changes) WHERE present
    ORDER BY 1
    ON CONFLICT (department) DO NOTHING;

    -- 6. employment_days, then employment_months (no approximate part).
    IF lowers THEN
        PERFORM 1 FROM employment_days t JOIN (SELECT day, program_id, status, employment_type FROM unnest(changes)) c ON t.day = c.day AND t.program_id = c.program_id AND t.status = c.status AND t.employment_type = c.employment_type
        ORDER BY t.day, t.program_id, t.status, t.employment_type FOR UPDATE OF t;
        WITH c AS (SELECT day, program_id, status, employment_type, SUM(jobs) AS jobs FROM unnest(changes)
                   GROUP BY 1, 2, 3, 4 HAVING SUM(jobs) < 0),
             u AS (UPDATE employment_days t SET jobs = t.jobs + c.jobs FROM c WHERE t.day = c.day AND t.program_id = c.program_id AND t.status = c.status AND t.employment_type = c.employment_type RETURNING 1)
        SELECT (SELECT count(*) FROM c) - (SELECT count(*) FROM u) INTO missing;
        IF missing <> 0 THEN
            RAISE EXCEPTION 'employment_days is out of step with entries: % rows to lower are missing', missing
                USING HINT = 'jobsbot migrate --rebuild-totals recomputes the totals from entries';
        END IF;
    END IF;
    INSERT INTO employment_days AS t (day, program_id, status, employment_type, jobs)
    SELECT day, program_id, status, employment_type, jobs
    FROM (SELECT day, program_id, status, employment_type, SUM(jobs) AS jobs, bool_or(present) AS present
          FROM unnest(changes) GROUP BY 1, 2, 3, 4) c
    WHERE jobs >= 0 AND (present OR jobs > 0)
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, program_id, status, employment_type) DO UPDATE
    SET jobs = t.jobs + EXCLUDED.jobs
    WHERE EXCLUDED.jobs <> 0;

    IF lowers THEN
        PERFORM 1 FROM employment_months t JOIN (SELECT date_trunc('month', day)::date AS month, program_id, status, employment_type FROM unnest(changes)) c ON t.month = c.month AND t.program_id = c.program_id AND t.status = c.status AND t.employment_type = c.employment_type
        ORDER BY t.month, t.program_id, t.status, t.employment_type FOR UPDATE OF t;
        WITH c AS (SELECT date_trunc('month', day)::date AS month, program_id, status, employment_type, SUM(jobs) AS jobs FROM unnest(changes)
                   GROUP BY 1, 2, 3, 4 HAVING SUM(jobs) < 0),
             u AS (UPDATE employment_months t SET jobs = t.jobs + c.jobs FROM c WHERE t.month = c.month AND t.program_id = c.program_id AND t.status = c.status AND t.employment_type = c.employment_type RETURNING 1)
        SELECT (SELECT count(*) FROM c) - (SELECT count(*) FROM u) INTO missing;
        IF missing <> 0 THEN
            RAISE EXCEPTION 'employment_months is out of step with entries: % rows to lower are missing', missing
                USING HINT = 'jobsbot migrate --rebuild-totals recomputes the totals from entries';
        END IF;
    END IF;
    INSERT INTO employment_months AS t (month, program_id, status, employment_type, jobs)
    SELECT month, program_id, status, employment_type, jobs
    FROM (SELECT date_trunc('month', day)::date AS month, program_id, status, employment_type,
                 SUM(jobs) AS jobs, bool_or(present) AS present
          FROM unnest(changes) GROUP BY 1, 2, 3, 4) c
    WHERE jobs >= 0 AND (present OR jobs > 0)
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (month, program_id, status, employment_type) DO UPDATE
    SET jobs = t.jobs + EXCLUDED.jobs
    WHERE EXCLUDED.jobs <> 0;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- PostgreSQL allows transition tables only on a trigger of one event: three
-- triggers, one function.
CREATE TRIGGER entries_totals_insert AFTER INSERT ON entries
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entries_totals();
CREATE TRIGGER entries_totals_update AFTER UPDATE ON entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entries_totals();
CREATE TRIGGER entries_totals_delete AFTER DELETE ON entries
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entries_totals();

-- rebuild_totals recomputes every totals table and the departments list from
-- the ledger (`jobsbot migrate --rebuild-totals`, and the benchmark fill after
-- a bulk load): a row for every key that has entries, voided ones included,
-- holding the live jobs (0 once all were voided); departments keeps its rows
-- (it is the managed list) and gains any name entries carry that it lacks.
-- Rows are written in day order, the order live writes leave them in, so a
-- span's rows share pages. SHARE on entries lets readers in but waits for,
-- and then holds off, every writer until the caller commits; the totals
-- tables are then taken whole, in the lock order.
-- +goose StatementBegin
CREATE FUNCTION rebuild_totals() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE entries IN SHARE MODE;
    TRUNCATE program_days, program_months, department_days, department_months, employment_days, employment_months;
    INSERT INTO program_days (program_id, day, status, jobs, approx_jobs)
    SELECT program_id, as_of, status,
           COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL), 0),
           COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL AND approximate), 0)
    FROM entries
    GROUP BY program_id, as_of, status
    ORDER BY as_of, program_id, status;
    INSERT INTO program_months (program_id, month, status, jobs, approx_jobs)
    SELECT program_id, date_trunc('month', day)::date, status, SUM(jobs), SUM(approx_jobs)
    FROM program_days
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3;
    INSERT INTO department_days (department, day, program_id, status, jobs, approx_jobs)
    SELECT department, as_of, program_id, status,
           COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL), 0),
           COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL AND approximate), 0)
    FROM entries
    GROUP BY department, as_of, program_id, status
    ORDER BY as_of, department, program_id, status;
    INSERT INTO department_months (department, month, program_id, status, jobs, approx_jobs)
    SELECT department, date_trunc('month', day)::date, program_id, status, SUM(jobs), SUM(approx_jobs)
    FROM department_days
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4;
    INSERT INTO departments (department)
    SELECT DISTINCT department FROM entries
    ORDER BY 1
    ON CONFLICT (department) DO NOTHING;
    INSERT INTO employment_days (day, program_id, status, employment_type, jobs)
    SELECT as_of, program_id, status, employment_type,
           COALESCE(SUM(count) FILTER (WHERE voided_at IS NULL), 0)
    FROM entries
    GROUP BY as_of, program_id, status, employment_type
    ORDER BY 1, 2, 3, 4;
    INSERT INTO employment_months (month, program_id, status, employment_type, jobs)
    SELECT date_trunc('month', day)::date, program_id, status, employment_type, SUM(jobs)
    FROM employment_days
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4;
END $$;
-- +goose StatementEnd

-- A TRUNCATE fires no row-changing trigger; the totals of an emptied ledger
-- are rebuilt (to nothing but the keys of what is left, which is nothing).
-- +goose StatementBegin
CREATE FUNCTION entries_totals_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM rebuild_totals();
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER entries_totals_truncate AFTER TRUNCATE ON entries
    FOR EACH STATEMENT EXECUTE FUNCTION entries_totals_truncated();

-- +goose Down
-- Back to the previous mechanism: the application keeps program_* and
-- department_*, the triggers of migrations 00012 and 00018 (as 00018 left
-- them) keep employment_*. The totals are right at this point, so the
-- previous release goes on from them.
DROP TRIGGER entries_totals_truncate ON entries;
DROP FUNCTION entries_totals_truncated();
DROP FUNCTION rebuild_totals();
DROP TRIGGER entries_totals_delete ON entries;
DROP TRIGGER entries_totals_update ON entries;
DROP TRIGGER entries_totals_insert ON entries;
DROP FUNCTION entries_totals();
DROP TYPE entries_totals_change;

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

CREATE TRIGGER employment_days_insert AFTER INSERT ON entries
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION employment_days_insert();
CREATE TRIGGER employment_days_update AFTER UPDATE ON entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION employment_days_update();
