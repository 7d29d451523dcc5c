-- +goose Up
-- The rule for 여 (issue 19, db/approximate.go) looks up, per program, status
-- and year, the latest live cumulative report dated on or before a view's last
-- day. This partial index answers each lookup with one probe from its end
-- (index-only: the 여 is included), so status and the digest read a few rows
-- per program however large the ledger. Like the other partial indexes of
-- live reports it costs a delta add nothing.
CREATE INDEX entries_live_cumulative_latest ON entries (program_id, status, as_of DESC, id DESC)
    INCLUDE (approximate)
    WHERE kind = 'cumulative' AND voided_at IS NULL;

-- +goose Down
DROP INDEX entries_live_cumulative_latest;
