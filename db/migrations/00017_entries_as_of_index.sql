-- +goose Up
-- Every index on entries costs each /jobs add one more insert (issue 14).
-- entries_by_as_of and entries_live_report both led with as_of; one covering
-- index now serves the queries of both, so a delta add maintains five
-- indexes instead of six (the partial ones take no delta add). The indexes
-- left, and the query each serves:
--   entries_pkey (id)                      an entry by number: void, list, joins
--   entries_idempotency_key_key            a redelivered add finds its first copy
--   entries_by_user (logged_by, id)        `list mine`; `undo` (the newest live entry)
--   entries_by_program (program_id, id)    `list <program>`; the entries a refused
--                                          cumulative figure names
--   entries_by_as_of (as_of) INCLUDE …     `list <period>` and the export's entries
--                                          (Store.ListEntries, EachEntry); the monthly
--                                          report and a department's employment
--                                          breakdown from the index alone
--                                          (MonthTotals, EmploymentTotals), which skip
--                                          voided rows by the included voided_at
--   entries_voided_at (voided only)        the digest's voided-this-week; no add
--   entries_live_cumulative (partial)      a void's later cumulative reports; no delta add
--   entries_live_cumulative_by_as_of       the digest's jobs from cumulative reports in
--     (partial)                            its week (CumulativeJobsByDay); no delta add
CREATE INDEX entries_by_as_of_covering ON entries (as_of)
    INCLUDE (program_id, department, employment_type, status, count, approximate, voided_at);
DROP INDEX entries_by_as_of;
DROP INDEX entries_live_report;
ALTER INDEX entries_by_as_of_covering RENAME TO entries_by_as_of;
CREATE INDEX entries_live_cumulative_by_as_of ON entries (as_of) INCLUDE (program_id, status, count)
    WHERE kind = 'cumulative' AND voided_at IS NULL;

-- +goose Down
DROP INDEX entries_live_cumulative_by_as_of;
ALTER INDEX entries_by_as_of RENAME TO entries_by_as_of_covering;
CREATE INDEX entries_by_as_of ON entries (as_of, id DESC);
CREATE INDEX entries_live_report ON entries (as_of)
    INCLUDE (program_id, department, employment_type, status, count, approximate)
    WHERE voided_at IS NULL;
DROP INDEX entries_by_as_of_covering;
