-- +goose Up
-- digest_runs is the ledger that makes the weekly digest go out exactly once per
-- channel and week: a run claims its row before posting and records Slack's
-- message timestamp after, so replicas firing together, restarts and retries
-- never post the same week twice.
CREATE TABLE digest_runs (
    channel     text        NOT NULL,
    -- week_start is the Monday of the Monday..Sunday week the digest covers.
    week_start  date        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
    -- claimed_by names the process holding the claim (host, pid, random part),
    -- so an operator can tell which replica posted or got stuck.
    claimed_by  text        NOT NULL DEFAULT '',
    claimed_at  timestamptz NOT NULL DEFAULT now(),
    attempts    integer     NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    message_ts  text        NOT NULL DEFAULT '',
    posted_at   timestamptz NULL,
    last_error  text        NOT NULL DEFAULT '',
    UNIQUE (channel, week_start),
    CHECK ((status = 'posted') = (posted_at IS NOT NULL))
);

-- +goose Down
DROP TABLE digest_runs;
