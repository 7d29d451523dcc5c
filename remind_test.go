package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// A department without reporters or channel is named as such in the dry
// run, in the bot's language, never left as a blank after the arrow.
func TestRemindDryRunNamesMissingContacts(t *testing.T) {
	url := dbtest.MigratedURL(t)
	loadArticle(t, url)
	cfg := digestConfig(t, url, "")
	cfg.Language = commands.Korean
	var out bytes.Buffer
	if err := runRemind(context.Background(), cfg, quiet, []string{"--dry-run", "--month", "2026-04", "--round", "1"}, &out); err != nil {
		t.Fatalf("jobsbot remind --dry-run: %v", err)
	}
	text := out.String()
	if !strings.Contains(text, "  공동체지원과 → 보고 담당자·채널 없음(`부서 추가 공동체지원과 @담당자`)\n") {
		t.Errorf("dry run lacks the missing-contact line:\n%s", text)
	}
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if strings.HasSuffix(strings.TrimSpace(line), "→") {
			t.Errorf("blank recipient: %q", line)
		}
	}
}
