-- +goose Up
-- The order in which the ledger applied its entries' adds and voids (review
-- r6 X13). A 누계 report absorbs the deltas applied before it and not those
-- applied after, so an entries export must say that order for an import to
-- replay it. 기록 일시 and 무효 일시 do not: an imported row keeps the file's
-- times but is applied when it is imported. One sequence numbers both: an
-- entry's add takes the next number when it is inserted (added_seq) and its
-- void when voided_at is set (voided_seq, cleared when a 취소 restores the
-- entry). Writes to one program are serialised by its lock (Lock order,
-- totals.go), so within a program the numbers are the order applied.
--
-- Entries recorded before this migration are numbered in the order an import
-- replayed them until now: by time (a void never before its add), then by
-- entry number, an add before a void. A ledger that imported a file before
-- this migration may have applied some rows in another order; nothing
-- recorded says which.
CREATE SEQUENCE ledger_event_seq AS bigint;
ALTER TABLE entries ADD COLUMN added_seq bigint, ADD COLUMN voided_seq bigint;

WITH ev AS (
	SELECT id, false AS void, created_at AS at FROM entries
	UNION ALL
	SELECT id, true, GREATEST(voided_at, created_at) FROM entries WHERE voided_at IS NOT NULL
), n AS (
	SELECT id, void, row_number() OVER (ORDER BY at, id, void) AS seq FROM ev
), s AS (
	SELECT id, max(seq) FILTER (WHERE NOT void) AS added, max(seq) FILTER (WHERE void) AS voided
	FROM n GROUP BY id
)
UPDATE entries e SET added_seq = s.added, voided_seq = s.voided
FROM s WHERE s.id = e.id;

SELECT setval('ledger_event_seq', GREATEST((SELECT count(*) FROM entries) + (SELECT count(*) FROM entries WHERE voided_at IS NOT NULL), 1),
              (SELECT count(*) FROM entries) > 0);

ALTER TABLE entries ALTER COLUMN added_seq SET DEFAULT nextval('ledger_event_seq'),
                    ALTER COLUMN added_seq SET NOT NULL;
ALTER SEQUENCE ledger_event_seq OWNED BY entries.added_seq;

-- +goose StatementBegin
CREATE FUNCTION entries_void_seq() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.voided_at IS NULL THEN
		NEW.voided_seq := NULL;
	ELSIF OLD.voided_at IS NULL THEN
		NEW.voided_seq := nextval('ledger_event_seq');
	END IF;
	RETURN NEW;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER entries_void_seq BEFORE UPDATE OF voided_at ON entries
FOR EACH ROW EXECUTE FUNCTION entries_void_seq();

-- +goose Down
DROP TRIGGER entries_void_seq ON entries;
DROP FUNCTION entries_void_seq();
ALTER TABLE entries DROP COLUMN voided_seq, DROP COLUMN added_seq;
