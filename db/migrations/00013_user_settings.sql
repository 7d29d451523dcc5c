-- +goose Up
-- Per-user settings chosen with /jobs commands. Today only the reply language
-- (`/jobs lang ko|en`); a user without a row follows their Slack locale and
-- then BOT_LANGUAGE. `/jobs lang auto` deletes the row rather than storing a
-- third value, so "no choice" has one representation.
CREATE TABLE user_settings (
    user_id    text PRIMARY KEY,
    language   text NOT NULL CHECK (language IN ('en', 'ko')),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE user_settings;
