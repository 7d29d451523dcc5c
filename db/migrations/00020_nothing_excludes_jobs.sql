-- +goose Up
-- 실적 없음 (a nothing_reports row) and live jobs for one department and month
-- exclude each other, in either order and under concurrency (issue 20). Both
-- sides meet on one transaction advisory lock per department and month, class
-- 4869955 ("JOC"; the program write lock is 4869954), keyed by a hash of the
-- two (a collision only serializes two unrelated months): an add takes it
-- shared, a 실적 없음 exclusively. Each check is a statement of its own inside
-- the trigger function, so in READ COMMITTED it reads with a snapshot taken
-- after its lock was granted and sees what the other side committed while it
-- waited. Lock order (db/totals.go): this lock is the last an add takes, when
-- its INSERT's statement trigger fires; a 실적 없음 takes it and no other, so
-- no cycle can close through it.

-- +goose StatementBegin
CREATE FUNCTION nothing_lock_key(department text) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN hashtext(department);
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION entries_refuse_nothing_month() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	said record;
BEGIN
	PERFORM pg_advisory_xact_lock_shared(4869955, k.key)
	FROM (SELECT DISTINCT nothing_lock_key(department) AS key
	      FROM added WHERE voided_at IS NULL AND count > 0 ORDER BY 1) k;
	SELECT n.id, n.department, n.month INTO said
	FROM nothing_reports n
	JOIN (SELECT DISTINCT department, date_trunc('month', as_of)::date AS month
	      FROM added WHERE voided_at IS NULL AND count > 0) a
	  ON n.department = a.department AND n.month = a.month
	WHERE n.voided_at IS NULL
	ORDER BY n.id
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'JB001',
			MESSAGE = format('department %s reported nothing (실적 없음) for %s', said.department, said.month),
			DETAIL = said.id::text;
	END IF;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER entries_refuse_nothing_month AFTER INSERT ON entries
REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION entries_refuse_nothing_month();

-- +goose StatementBegin
CREATE FUNCTION nothing_reports_refuse_jobs() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	jobs bigint;
BEGIN
	IF NEW.voided_at IS NOT NULL THEN
		RETURN NEW;
	END IF;
	PERFORM pg_advisory_xact_lock(4869955, nothing_lock_key(NEW.department));
	SELECT COALESCE(SUM(m.jobs), 0) INTO jobs
	FROM department_months m
	WHERE m.department = NEW.department AND m.month = NEW.month;
	IF jobs > 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'JB002',
			MESSAGE = format('department %s has %s jobs for %s', NEW.department, jobs, NEW.month),
			DETAIL = jobs::text;
	END IF;
	RETURN NEW;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER nothing_reports_refuse_jobs BEFORE INSERT ON nothing_reports
FOR EACH ROW EXECUTE FUNCTION nothing_reports_refuse_jobs();

-- +goose Down
DROP TRIGGER nothing_reports_refuse_jobs ON nothing_reports;
DROP FUNCTION nothing_reports_refuse_jobs();
DROP TRIGGER entries_refuse_nothing_month ON entries;
DROP FUNCTION entries_refuse_nothing_month();
DROP FUNCTION nothing_lock_key(text);
