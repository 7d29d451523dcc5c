-- +goose Up
-- Why a target was changed (추경 반영 …): auditors ask, the report's 목표 변경 이력 shows it.
ALTER TABLE target_revisions ADD COLUMN reason text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE target_revisions DROP COLUMN reason;
