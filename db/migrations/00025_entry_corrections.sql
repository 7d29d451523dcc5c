-- +goose Up
-- A one-step correction (정정) voids an entry and records its replacement in
-- one transaction; the old entry stays in history, linked to the new one.
-- new_entry_id is NULL when the corrected figure is a cumulative report that
-- the ledger already agrees with (nothing new to record).
CREATE TABLE entry_corrections (
    old_entry_id bigint      PRIMARY KEY REFERENCES entries (id),
    new_entry_id bigint      NULL UNIQUE REFERENCES entries (id),
    reason       text        NOT NULL,
    corrected_by text        NOT NULL,
    corrected_at timestamptz NOT NULL DEFAULT now()
);

-- Changes a manager made to a closed month (마감 후 정정): the list, the
-- report, the export and the digest mark them.
CREATE TABLE entry_after_close (
    entry_id   bigint      NOT NULL REFERENCES entries (id),
    change     text        NOT NULL CHECK (change IN ('add', 'void')),
    month      date        NOT NULL,
    changed_by text        NOT NULL,
    reason     text        NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entry_id, change)
);
CREATE INDEX entry_after_close_at ON entry_after_close (changed_at);
CREATE INDEX entry_after_close_month ON entry_after_close (month);

-- +goose Down
-- The audit record is no derived table: nothing rebuilds it from the
-- entries. A rollback refuses to drop it while it holds rows; dump it first
-- (deploy/README.md, "Rolling back").
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM entry_corrections) OR EXISTS (SELECT 1 FROM entry_after_close) THEN
        RAISE EXCEPTION 'entry_corrections, entry_after_close holds the record of corrections (정정) and changes after close (마감 후 정정), which nothing rebuilds: rolling back would lose it. Dump it first (pg_dump --data-only -t entry_corrections -t entry_after_close), then empty it, and run the rollback again (deploy/README.md, Rolling back).';
    END IF;
END
$$;
-- +goose StatementEnd
DROP TABLE entry_after_close;
DROP TABLE entry_corrections;
