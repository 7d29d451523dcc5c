-- +goose Up
-- A 정정 of a delta that a later 누계 counted asks 누계포함 (review r13 S6).
-- Its answer is a fact of the 정정, kept here: separate is true when it
-- was answered 아니오 (the change is separate jobs, the later reports keep
-- their increments). Told apart from the stamps or the transaction before,
-- which a replay's standing clock and a dump/restore defeat (review r16
-- BREAK 1, 3). Every 정정 before 1.8.0 re-based the later reports: false.
ALTER TABLE entry_corrections ADD COLUMN separate boolean NOT NULL DEFAULT false;
-- A write line marks itself pending before it runs, so 취소 sent while it
-- waits (on a lock held by another user's import, say) finds it and
-- refuses rather than reaching past it to the line before (review r16
-- BREAK 2).
ALTER TABLE last_actions DROP CONSTRAINT last_actions_kind_check;
ALTER TABLE last_actions ADD CONSTRAINT last_actions_kind_check
    CHECK (kind IN ('entry', 'void', 'nothing', 'held', 'refused', 'other', 'written', 'unfinished', 'unsaved', 'pending'));

-- +goose Down
-- 1.8.0 tells no pending line: it becomes 'unfinished', which 1.8.0's 취소
-- refuses the same way. The 정정 answers are lost: a later 취소 of a 정정
-- answered 아니오 re-bases as one answered 예 would.
UPDATE last_actions SET kind = 'unfinished' WHERE kind = 'pending';
ALTER TABLE last_actions DROP CONSTRAINT last_actions_kind_check;
ALTER TABLE last_actions ADD CONSTRAINT last_actions_kind_check
    CHECK (kind IN ('entry', 'void', 'nothing', 'held', 'refused', 'other', 'written', 'unfinished', 'unsaved'));
ALTER TABLE entry_corrections DROP COLUMN separate;
