-- +goose Up
-- A write line marks itself pending before it runs (pending_at, its start),
-- and its record clears the mark. 취소 finding a newer line pending, one
-- that may still be waiting on a lock (another user's import holding the
-- program), refuses rather than reach past it to the line before (review
-- r16 BREAK 2). A mark a crashed replica left is ignored after two minutes.
ALTER TABLE last_actions ADD COLUMN pending_at timestamptz NULL;

-- +goose Down
-- Without the mark 취소 is as 1.8.0's: the in-transaction mark only.
ALTER TABLE last_actions DROP COLUMN pending_at;
