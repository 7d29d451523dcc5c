-- +goose Up
-- Deliveries of commands that write but carry no key of their own (undo, void,
-- target, program and candidate moves): a redelivered Slack request must not
-- run them twice. Entries and candidates dedupe on their own idempotency keys.
CREATE TABLE command_deliveries (
    idempotency_key text PRIMARY KEY,
    command         text NOT NULL,
    claimed_at      timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE command_deliveries;
