-- +goose Up
-- digest_channels records when the bot first ran the digest for a channel, so
-- the first start never posts a week from before the bot was installed
-- (catch-up is for firings it missed after that). A channel that already has
-- digest runs has been served since its first claim.
CREATE TABLE digest_channels (
    channel      text        PRIMARY KEY,
    first_run_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO digest_channels (channel, first_run_at)
SELECT channel, min(claimed_at) FROM digest_runs GROUP BY channel;

-- +goose Down
DROP TABLE digest_channels;
