-- +goose Up
-- The monthly report, the export and the employment-type breakdown of status
-- group live entries of a span by month, program, department, employment type
-- and status. The running totals (program_days) do not keep employment types,
-- so they read entries; this covering index lets them do it from the index
-- alone, in as-of order, without touching the table's rows.
CREATE INDEX entries_live_report ON entries (as_of)
    INCLUDE (program_id, department, employment_type, status, count, approximate)
    WHERE voided_at IS NULL;

-- +goose Down
DROP INDEX entries_live_report;
