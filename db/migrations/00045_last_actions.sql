-- +goose Up
-- last_actions keeps, per user, the last line that could write (review F37,
-- F21/F22): what 취소 may undo. 취소 undoes that line only, and only once:
-- an entry it wrote (추가, 채용, 정정's replacement) recently, or a question
-- it left held; anything else (a refusal, a 무효, a 실적 없음, a target) is
-- named and refused, so 취소 never reaches back to an older entry.
-- kind: entry (entry_id written), void (entry_id voided), nothing (entry_id
-- is the 실적 없음's number), held (a question, nothing written), refused
-- (nothing written), other (any other write). undone_at is set when 취소
-- used it up. One row per user who ever wrote: a few hundred staff.
CREATE TABLE last_actions (
    user_id   text        PRIMARY KEY,
    command   text        NOT NULL,
    kind      text        NOT NULL CHECK (kind IN ('entry', 'void', 'nothing', 'held', 'refused', 'other')),
    entry_id  bigint      NULL,
    at        timestamptz NOT NULL,
    undone_at timestamptz NULL
);

-- +goose Down
-- Only 취소's memory of each user's last line: losing it makes the next 취소
-- refuse with "nothing to undo", never touch an entry.
DROP TABLE last_actions;
