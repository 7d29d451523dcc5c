package main

import (
	"strings"
	"testing"
)

// Settings that would run the bot wrongly are refused at start, each with a
// line naming the variable and what to write, all of them together.
func TestConfigRefusesUnsafeSettings(t *testing.T) {
	for _, tc := range []struct {
		name, value string
		ok          bool
	}{
		{"WRITE_RATE_LIMIT", "0", false},
		{"WRITE_RATE_LIMIT", "off", true},
		{"WRITE_RATE_LIMIT", "OFF", true},
		{"WRITE_RATE_LIMIT", "1", true},
		{"EXPORT_CONCURRENCY", "0", false},
		{"EXPORT_CONCURRENCY", "3", true},
		{"DIGEST_SCHEDULE", "@every 1s", false},
		{"DIGEST_SCHEDULE", "@every 59m", false},
		{"DIGEST_SCHEDULE", "* * * * *", false},
		{"DIGEST_SCHEDULE", "0,30 9 * * MON", false},
		{"DIGEST_SCHEDULE", "0 * * * *", true},
		{"DIGEST_SCHEDULE", "0 0 30 2 *", false},
		{"DIGEST_SCHEDULE", "0 9 29 2 *", true},
		{"DIGEST_SCHEDULE", "@weekly", true},
		{"DIGEST_SCHEDULE", "0 9 * * MON", true},
		{"SLACK_API_URL", "ftp://x", false},
		{"SLACK_API_URL", "slack.com/api", false},
		{"SLACK_API_URL", "http://127.0.0.1:9/api/", true},
		{"DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", false},
		{"DATABASE_URL", "postgres://postgres@127.0.0.1:5432/template1", false},
		{"DATABASE_URL", "postgres://postgres@127.0.0.1:5432", false},
		{"DATABASE_URL", "postgres://postgres@127.0.0.1:5432/jobs?dbname=postgres", false},
		{"DATABASE_URL", "postgresql://bot@db.internal/jobsbot", true},
	} {
		_, err := loadConfig(func(k string) string {
			if k == tc.name {
				return tc.value
			}
			return ""
		})
		if tc.ok && err != nil {
			t.Errorf("%s=%s refused: %v", tc.name, tc.value, err)
		}
		if !tc.ok && (err == nil || !strings.HasPrefix(err.Error(), tc.name+": ")) {
			t.Errorf("%s=%s: error %v; want one naming %s", tc.name, tc.value, err, tc.name)
		}
	}
	env := map[string]string{"WRITE_RATE_LIMIT": "0", "DIGEST_SCHEDULE": "@every 1s", "SLACK_API_URL": "ftp://x",
		"DATABASE_URL": "postgres://postgres@127.0.0.1/postgres"}
	_, err := loadConfig(func(k string) string { return env[k] })
	for name := range env {
		if err == nil || !strings.Contains(err.Error(), name+": ") {
			t.Errorf("four bad settings at once: %v does not name %s", err, name)
		}
	}
}
