-- +goose Up
-- write_limits holds each Slack user's write rate limit (issue 20), so every
-- replica draws on one allowance. The limit is a generic cell rate algorithm:
-- tat is the user's theoretical arrival time, the moment their allowance is
-- full again; a write is allowed while tat is at most the burst tolerance
-- ahead of now, and moves tat one interval later. One row per user who ever
-- wrote from Slack: a few hundred staff, never pruned. UNLOGGED: an allowance
-- is not worth a WAL flush on every write (measured: 4.5 ms per upsert logged
-- on a loaded test machine); after a server crash or a failover the table is
-- empty, which only gives every user a fresh burst.
CREATE UNLOGGED TABLE write_limits (
    user_id text        PRIMARY KEY,
    tat     timestamptz NOT NULL
);

-- A claim in command_deliveries records its outcome when its command has run
-- (done_at); a claim with none is the trace of a crash between claiming and
-- running, and a redelivery after deliveryRetryAfter runs the command again
-- (its write is idempotent by its own key). Rows older than Slack's
-- redelivery window are pruned as claims arrive, oldest first, through this
-- index.
ALTER TABLE command_deliveries ADD COLUMN done_at timestamptz NULL;
UPDATE command_deliveries SET done_at = claimed_at;
CREATE INDEX command_deliveries_claimed_at ON command_deliveries (claimed_at);

-- +goose Down
DROP INDEX command_deliveries_claimed_at;
ALTER TABLE command_deliveries DROP COLUMN done_at;
DROP TABLE write_limits;
