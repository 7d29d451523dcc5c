-- +goose Up
-- Departments become a managed list (issues 9 and 10): entries may only be
-- credited to an active department, which a manager adds; the programs'
-- departments seed it. A row that the add statement creates on its own (only
-- possible for a name the command core did not check) starts inactive, so it
-- never shows in status unless it has live jobs.
ALTER TABLE departments
    ADD COLUMN aliases    text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN active     boolean     NOT NULL DEFAULT false,
    ADD COLUMN reporters  text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN channel    text        NOT NULL DEFAULT '',
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- clean_name is commands.CleanName for the rows already stored: NFC, without
-- zero-width and bidi control characters, white space runs made one space.
-- OR REPLACE: it lives as long as the session, and a rollback past this
-- migration followed by an upgrade runs it twice in one (migrate --down-to).
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION pg_temp.clean_name(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT btrim(regexp_replace(
        regexp_replace(normalize(s, NFC), '[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C\u180E\u00AD]', '', 'g'),
        '\s+', ' ', 'g'))
$$;
-- +goose StatementEnd

-- Stored names are cleaned, so a look-alike written before this migration
-- folds into the department it imitates. Program codes and aliases are left
-- alone: program_names holds them and they are plain words in practice.
UPDATE entries SET department = pg_temp.clean_name(department)
WHERE department <> pg_temp.clean_name(department);
UPDATE programs SET department = pg_temp.clean_name(department),
                    name_ko = pg_temp.clean_name(name_ko), name_en = pg_temp.clean_name(name_en)
WHERE department <> pg_temp.clean_name(department)
   OR name_ko <> pg_temp.clean_name(name_ko) OR name_en <> pg_temp.clean_name(name_en);
UPDATE candidates SET name = pg_temp.clean_name(name), department = pg_temp.clean_name(department),
                      representative = pg_temp.clean_name(representative)
WHERE name <> pg_temp.clean_name(name) OR department <> pg_temp.clean_name(department)
   OR representative <> pg_temp.clean_name(representative);

-- The daily totals of a look-alike are added to the cleaned name's, then dropped.
INSERT INTO department_days (department, day, program_id, status, jobs, approx_jobs)
SELECT pg_temp.clean_name(department), day, program_id, status, SUM(jobs), SUM(approx_jobs)
FROM department_days WHERE department <> pg_temp.clean_name(department)
GROUP BY 1, day, program_id, status
ON CONFLICT (department, day, program_id, status) DO UPDATE
SET jobs = department_days.jobs + EXCLUDED.jobs, approx_jobs = department_days.approx_jobs + EXCLUDED.approx_jobs;
DELETE FROM department_days WHERE department <> pg_temp.clean_name(department);

INSERT INTO departments (department, last_logged_on)
SELECT pg_temp.clean_name(department), max(last_logged_on)
FROM departments WHERE department <> pg_temp.clean_name(department)
GROUP BY 1
ON CONFLICT (department) DO UPDATE
SET last_logged_on = GREATEST(departments.last_logged_on, EXCLUDED.last_logged_on);
DELETE FROM departments WHERE department <> pg_temp.clean_name(department);

-- Seed: the programs' departments and every department with live entries are
-- managed. One whose entries were all voided (a typo, or the flood of issue
-- 10) stays as a retired row, so its history still has a name.
INSERT INTO departments (department)
SELECT DISTINCT department FROM programs WHERE department <> ''
ON CONFLICT (department) DO NOTHING;
UPDATE departments SET active = true
WHERE department <> ''
  AND (last_logged_on IS NOT NULL OR department IN (SELECT department FROM programs));

-- +goose Down
ALTER TABLE departments
    DROP COLUMN aliases, DROP COLUMN active, DROP COLUMN reporters,
    DROP COLUMN channel, DROP COLUMN updated_at;
