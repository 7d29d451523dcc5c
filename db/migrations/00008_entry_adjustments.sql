-- +goose Up
-- A cumulative report is stored as the difference from the program's total
-- through its date. When an earlier entry is voided, later reports of the same
-- program, year and status are recomputed so each still states the total
-- through its date (VoidEntry); every such change is kept here.
CREATE TABLE entry_adjustments (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id       bigint      NOT NULL REFERENCES entries (id),
    -- cause_entry_id is the voided entry that made the recomputation necessary.
    cause_entry_id bigint      NOT NULL REFERENCES entries (id),
    old_count      bigint      NOT NULL,
    new_count      bigint      NOT NULL CHECK (new_count > 0),
    adjusted_by    text        NOT NULL,
    adjusted_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entry_adjustments_entry ON entry_adjustments (entry_id, id);

-- A void looks for the live cumulative reports of its program recorded after
-- the voided entry; they are few (month-end reports), so this stays small.
CREATE INDEX entries_live_cumulative ON entries (program_id, status, id)
    WHERE kind = 'cumulative' AND voided_at IS NULL;

-- +goose Down
DROP INDEX entries_live_cumulative;
DROP TABLE entry_adjustments;
