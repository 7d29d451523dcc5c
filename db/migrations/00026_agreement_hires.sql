-- +goose Up
-- An agreement (약정, an entry with status agreed) becomes jobs when people
-- are hired (채용): each hire is a realised entry of the agreement's program,
-- linked here to the agreement. What an agreement has realised is the sum of
-- its live hire entries, never more than the agreement's count.
CREATE TABLE agreement_hires (
    hire_entry_id      bigint      PRIMARY KEY REFERENCES entries (id),
    agreement_entry_id bigint      NOT NULL REFERENCES entries (id),
    hired_by           text        NOT NULL,
    hired_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agreement_hires_agreement ON agreement_hires (agreement_entry_id);

-- +goose Down
-- The audit record is no derived table: nothing rebuilds it from the
-- entries. A rollback refuses to drop it while it holds rows; dump it first
-- (deploy/README.md, "Rolling back").
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM agreement_hires) THEN
        RAISE EXCEPTION 'agreement_hires holds which hires (채용) realised which agreements (약정), which nothing rebuilds: rolling back would lose it. Dump it first (pg_dump --data-only -t agreement_hires), then empty it, and run the rollback again (deploy/README.md, Rolling back).';
    END IF;
END
$$;
-- +goose StatementEnd
DROP TABLE agreement_hires;
