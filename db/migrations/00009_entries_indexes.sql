-- +goose Up
-- Every index on entries costs each /jobs add an insert. Two served no query:
-- undo now walks entries_by_user from the newest entry and stops at the first
-- live one (a user's newest entries are seldom voided), and department
-- totals come from department_days, never from entries. What remains, and the
-- query each serves:
--   entries_pkey (id)                    an entry by number: void, list, joins
--   entries_idempotency_key_key          a redelivered add finds its first copy
--   entries_by_user (logged_by, id)      `list mine`; `undo` (newest live entry)
--   entries_by_program (program_id, id)  `list <program>`; a refused cumulative
--                                        figure's entries to check
--   entries_by_as_of (as_of, id)         `list <period>`
--   entries_voided_at (voided only)      the digest's voided-this-week; new rows skip it
--   entries_live_cumulative (partial)    a void's later cumulative reports; deltas skip it
DROP INDEX IF EXISTS entries_live_by_user;
DROP INDEX IF EXISTS entries_by_department;

-- +goose Down
CREATE INDEX entries_live_by_user ON entries (logged_by, id DESC) WHERE voided_at IS NULL;
CREATE INDEX entries_by_department ON entries (department, as_of) WHERE voided_at IS NULL;
