-- +goose Up
-- A 정정 taken back by 취소 (issue 19 §4, review r39 F8 = r33 M7): the 취소
-- voids the replacement and restores the original, and removes the 정정's
-- entry_corrections row, so nothing recorded that the replacement's void
-- was the 정정's undoing: `목록 무효` counted it as jobs taken out ("8개
-- 제외") though, the original restored, nothing was. The 취소 (and an
-- import's replay of it) writes a row here in its own transaction; `목록
-- 무효` lists such voids apart, the entries export marks them (정정 cell
-- "정정 취소(#N 되살림)") and an import of that export writes the row too.
-- Before this migration no 취소 wrote one: those replacements read as plain voids,
-- as they did.
CREATE TABLE correction_undos (
    replacement_entry_id bigint      PRIMARY KEY REFERENCES entries (id),
    original_entry_id    bigint      NOT NULL REFERENCES entries (id),
    undone_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (replacement_entry_id <> original_entry_id)
);
CREATE INDEX correction_undos_original ON correction_undos (original_entry_id);

-- +goose Down
-- The audit record is no derived table: nothing rebuilds it from the
-- entries. A rollback refuses to drop it while it holds rows; dump it first
-- (deploy/README.md, "Rolling back").
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM correction_undos) THEN
        RAISE EXCEPTION 'correction_undos holds the record of corrections (정정) taken back by 취소, which nothing rebuilds: rolling back would lose it. Dump it first (pg_dump --data-only -t correction_undos), then empty it, and run the rollback again (deploy/README.md, Rolling back).';
    END IF;
END
$$;
-- +goose StatementEnd
DROP TABLE correction_undos;
