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
DROP TABLE agreement_hires;
