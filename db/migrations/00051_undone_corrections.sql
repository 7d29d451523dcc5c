-- +goose Up
-- A 취소 of a 정정 restores the original and voids the replacement, and
-- drops their entry_corrections row: nothing said afterwards that the
-- voided replacement had been a 정정's. An entries export then showed it as
-- a plain void, and an import replayed it so: the copy's `목록 무효` named
-- another figure than the source's (what the 취소 re-based back, review
-- r23 B1). The 취소 now keeps the 정정 here, the export marks the
-- replacement (#N 정정분(취소)) and an import replays the 정정 and its
-- 취소. A 취소 made before this migration left no trace to backfill from.
CREATE TABLE undone_corrections (
    new_entry_id bigint      PRIMARY KEY REFERENCES entries (id),
    old_entry_id bigint      NOT NULL REFERENCES entries (id),
    reason       text        NOT NULL,
    corrected_by text        NOT NULL,
    corrected_at timestamptz NOT NULL,
    separate     boolean     NOT NULL DEFAULT false,
    undone_at    timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
-- Only the export's 정정분(취소) mark reads it: without it a later export
-- writes the voided replacement as a plain void, as before.
DROP TABLE undone_corrections;
