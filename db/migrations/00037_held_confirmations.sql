-- +goose Up
-- held_confirmations keeps, per user and held entry (its fingerprint), the
-- token of the newest question the bot asked before recording it (an
-- identical entry again, or one over the year's target). The Record it
-- button carries that token; a typed 확인:예 / confirm:yes finds it here, so
-- both record under one idempotency key and the held entry is written once
-- whichever way, or both ways, the user answers. A newer question for the
-- same entry replaces the row.
CREATE TABLE held_confirmations (
    user_id     text        NOT NULL,
    entry_print text        NOT NULL CHECK (entry_print ~ '^[0-9a-f]{16}$'),
    token       text        NOT NULL CHECK (token ~ '^[0-9a-f]{32}$'),
    held_at     timestamptz NOT NULL,
    PRIMARY KEY (user_id, entry_print)
);

-- A manager's void of a closed month's 실적 없음 is a change after close
-- (마감 후 정정), like an entry's: marked here, its reason in void_reason.
ALTER TABLE nothing_reports ADD COLUMN void_after_close boolean NOT NULL DEFAULT false;

-- +goose Down
-- The mark is part of the audit record, which nothing rebuilds: a rollback
-- refuses while a void carries it (deploy/README.md, "Rolling back").
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM nothing_reports WHERE void_after_close) THEN
        RAISE EXCEPTION 'nothing_reports.void_after_close marks voids of 실적 없음 made after close (마감 후 정정), which nothing rebuilds: rolling back would lose them. Dump them first (SELECT * FROM nothing_reports WHERE void_after_close), then clear the mark, and run the rollback again (deploy/README.md, Rolling back).';
    END IF;
END
$$;
-- +goose StatementEnd
ALTER TABLE nothing_reports DROP COLUMN void_after_close;
DROP TABLE held_confirmations;
