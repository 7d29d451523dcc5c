-- +goose Up
-- A month whose figures went to the mayor or the ministry is closed (마감):
-- staff can no longer add, void or correct entries dated in it; a manager
-- still can, with a reason, and the change is marked 마감 후 정정. A row here
-- is a month that is closed now; month_close_history keeps every close and
-- reopening (마감 해제) with who, when and why.
CREATE TABLE month_closes (
    month     date        PRIMARY KEY CHECK (extract(day FROM month) = 1),
    closed_by text        NOT NULL,
    closed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE month_close_history (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    month    date        NOT NULL,
    action   text        NOT NULL CHECK (action IN ('close', 'reopen')),
    acted_by text        NOT NULL,
    reason   text        NOT NULL DEFAULT '',
    acted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX month_close_history_month ON month_close_history (month, id);

-- +goose Down
-- The audit record is no derived table: nothing rebuilds it from the
-- entries. A rollback refuses to drop it while it holds rows; dump it first
-- (deploy/README.md, "Rolling back").
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM month_closes) OR EXISTS (SELECT 1 FROM month_close_history) THEN
        RAISE EXCEPTION 'month_closes, month_close_history holds the record of closed and reopened months (마감), which nothing rebuilds: rolling back would lose it. Dump it first (pg_dump --data-only -t month_closes -t month_close_history), then empty it, and run the rollback again (deploy/README.md, Rolling back).';
    END IF;
END
$$;
-- +goose StatementEnd
DROP TABLE month_close_history;
DROP TABLE month_closes;
