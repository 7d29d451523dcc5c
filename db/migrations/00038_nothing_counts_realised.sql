-- +goose Up
-- 실적 없음 excludes realised jobs only (review_ko finding 7). An agreement
-- (약정, status agreed) is not 실적: a department whose month holds only
-- agreements may still say it had nothing, and an agreement may be added to
-- a month with a live 실적 없음. A realised job (채용, a hire against an
-- agreement included) is refused there as before, and a 실적 없음 is refused
-- in a month with live realised jobs. Same functions, same advisory lock
-- (class 4869955) and lock order as migration 00020: an add takes the
-- department's lock shared only when its statement added live realised jobs
-- to that department, so an agreement takes no 실적 없음 lock at all.

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION entries_refuse_nothing_month() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	said record;
BEGIN
	PERFORM pg_advisory_xact_lock_shared(4869955, k.key)
	FROM (SELECT DISTINCT nothing_lock_key(department) AS key
	      FROM added WHERE voided_at IS NULL AND count > 0 AND status = 'realised' ORDER BY 1) k;
	SELECT n.id, n.department, n.month INTO said
	FROM nothing_reports n
	JOIN (SELECT DISTINCT department, date_trunc('month', as_of)::date AS month
	      FROM added WHERE voided_at IS NULL AND count > 0 AND status = 'realised') a
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

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION nothing_reports_refuse_jobs() RETURNS trigger
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
	WHERE m.department = NEW.department AND m.month = NEW.month AND m.status = 'realised';
	IF jobs > 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'JB002',
			MESSAGE = format('department %s has %s realised jobs for %s', NEW.department, jobs, NEW.month),
			DETAIL = jobs::text;
	END IF;
	RETURN NEW;
END;
$$;
-- +goose StatementEnd

-- +goose Down
-- Migration 00020's functions, which counted agreements too.

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION entries_refuse_nothing_month() RETURNS trigger
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

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION nothing_reports_refuse_jobs() RETURNS trigger
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
