-- +goose Up
-- Why a department's target was changed (추경 반영 …), as target_revisions
-- keeps it for program targets (00030): the target history and the export
-- show it.
ALTER TABLE department_target_revisions ADD COLUMN reason text NOT NULL DEFAULT '';

-- A manager's void or correction in an open month can re-base a cumulative
-- report dated in a closed month, which changes that month's figure: it is
-- marked 마감 후 정정 too, as an 'adjust' of the report.
ALTER TABLE entry_after_close DROP CONSTRAINT entry_after_close_change_check;
ALTER TABLE entry_after_close ADD CONSTRAINT entry_after_close_change_check CHECK (change IN ('add', 'void', 'adjust'));

-- +goose Down
-- The reasons and the 'adjust' marks are audit record; nothing rebuilds
-- them. A rollback refuses to drop them while any is kept.
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM department_target_revisions WHERE reason <> '') THEN
        RAISE EXCEPTION 'department_target_revisions.reason holds why department targets changed, which nothing rebuilds: rolling back would lose it. Dump it first (pg_dump --data-only -t department_target_revisions), then clear it (UPDATE department_target_revisions SET reason = ''''), and run the rollback again (deploy/README.md, Rolling back).';
    END IF;
    IF EXISTS (SELECT 1 FROM entry_after_close WHERE change = 'adjust') THEN
        RAISE EXCEPTION 'entry_after_close holds cumulative reports re-based in closed months (change adjust), which nothing rebuilds: rolling back would lose them. Dump it first (pg_dump --data-only -t entry_after_close), then delete those rows, and run the rollback again (deploy/README.md, Rolling back).';
    END IF;
END
$$;
-- +goose StatementEnd
ALTER TABLE entry_after_close DROP CONSTRAINT entry_after_close_change_check;
ALTER TABLE entry_after_close ADD CONSTRAINT entry_after_close_change_check CHECK (change IN ('add', 'void'));
ALTER TABLE department_target_revisions DROP COLUMN reason;
