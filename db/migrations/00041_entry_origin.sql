-- +goose Up
-- Every entry's origin (기록 식별자): a UUID given when it is first recorded
-- and kept by every ledger an entries export carries it to. The export writes
-- it; an import skips a row whose origin the ledger already holds, so an
-- export imported back into its own ledger, or into ledger B and back from
-- B's export, adds nothing twice (review i32, finding 1).
--
-- Cost: a volatile default makes ADD COLUMN rewrite the whole table under an
-- ACCESS EXCLUSIVE lock, each existing row getting its own UUID (no UPDATE,
-- so no row trigger fires and no dead tuples are left), and the unique index
-- is then built under a SHARE lock. On a ledger of millions of entries this
-- takes minutes during which entries can be neither read nor written: run
-- it in a quiet hour (/work/notes/i32.changelog.md).
ALTER TABLE entries ADD COLUMN origin uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX entries_origin ON entries (origin);

-- +goose Down
DROP INDEX entries_origin;
ALTER TABLE entries DROP COLUMN origin;
