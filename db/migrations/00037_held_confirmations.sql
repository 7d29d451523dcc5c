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

-- +goose Down
DROP TABLE held_confirmations;
