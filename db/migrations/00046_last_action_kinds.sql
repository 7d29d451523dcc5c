-- +goose Up
-- 취소 reads only the user's real last line (issue 20, review r12 BREAK 1).
-- 1.7.0 shipped 00045 with six kinds; a line's write now marks it in its own
-- transaction before its outcome is recorded, so three kinds join them:
-- written (the line's write committed, what it did is not recorded yet),
-- unfinished (the line did not finish by its deadline: it may or may not
-- have written), unsaved (the line could not reach the ledger: nothing
-- written). A line's records never replace a newer line's (at).
-- entry_print is a held question's entry (its hold print): the line
-- answering a question 취소 cancelled is refused, not recorded.
-- Both statements are catalogue changes on a table of a few hundred rows.
ALTER TABLE last_actions DROP CONSTRAINT last_actions_kind_check;
ALTER TABLE last_actions ADD CONSTRAINT last_actions_kind_check
    CHECK (kind IN ('entry', 'void', 'nothing', 'held', 'refused', 'other', 'written', 'unfinished', 'unsaved'));
ALTER TABLE last_actions ADD COLUMN entry_print text NULL;

-- +goose Down
-- 1.7.0 knows the six kinds only: a newer kind becomes 'other', which its
-- 취소 refuses to reach past (it never voids an entry on it).
UPDATE last_actions SET kind = 'other', entry_id = NULL WHERE kind IN ('written', 'unfinished', 'unsaved');
ALTER TABLE last_actions DROP COLUMN entry_print;
ALTER TABLE last_actions DROP CONSTRAINT last_actions_kind_check;
ALTER TABLE last_actions ADD CONSTRAINT last_actions_kind_check
    CHECK (kind IN ('entry', 'void', 'nothing', 'held', 'refused', 'other'));
