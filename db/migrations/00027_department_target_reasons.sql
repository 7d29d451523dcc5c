-- +goose Up
-- Why a department's target was changed (추경 반영 …), as target_revisions
-- keeps it for program targets (00030): the target history and the export
-- show it.
ALTER TABLE department_target_revisions ADD COLUMN reason text NOT NULL DEFAULT '';

-- +goose Down
-- The reasons are the audit record of why targets changed; nothing rebuilds
-- them. A rollback refuses to drop them while any is given.
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM department_target_revisions WHERE reason <> '') THEN
        RAISE EXCEPTION 'department_target_revisions.reason holds why department targets changed, which nothing rebuilds: rolling back would lose it. Dump it first (pg_dump --data-only -t department_target_revisions), then clear it (UPDATE department_target_revisions SET reason = ''''), and run the rollback again (deploy/README.md, Rolling back).';
    END IF;
END
$$;
-- +goose StatementEnd
ALTER TABLE department_target_revisions DROP COLUMN reason;
