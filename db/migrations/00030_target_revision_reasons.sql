-- +goose Up
-- Why a target was changed (추경 반영 …): auditors ask, the report's 목표 변경 이력 shows it.
ALTER TABLE target_revisions ADD COLUMN reason text NOT NULL DEFAULT '';

-- +goose Down
-- The reasons are the audit record of why targets changed; nothing rebuilds
-- them. A rollback refuses to drop them while any is given.
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM target_revisions WHERE reason <> '') THEN
        RAISE EXCEPTION 'target_revisions.reason holds why targets changed, which nothing rebuilds: rolling back would lose it. Dump it first (pg_dump --data-only -t target_revisions), then clear it (UPDATE target_revisions SET reason = ''''), and run the rollback again (deploy/README.md, Rolling back).';
    END IF;
END
$$;
-- +goose StatementEnd
ALTER TABLE target_revisions DROP COLUMN reason;
