package main

import (
	"strings"
	"testing"
)

// TestConfigRefusesUnusableSettings: each setting the issue found unchecked
// is refused at start, naming the variable, and all of them together.
func TestConfigRefusesUnusableSettings(t *testing.T) {
	env := map[string]string{
		"ADDR":            "nonsense",
		"SLACK_BOT_TOKEN": "xapp-1-A0-123-abc",
		"SLACK_APP_TOKEN": "xoxb-123-456-abc",
		"MANAGER_IDS":     "U012AB3CD, @kim, kim@city.go.kr",
	}
	_, err := loadConfig(func(k string) string { return env[k] })
	if err == nil {
		t.Fatal("loadConfig accepted every bad setting")
	}
	msg := err.Error()
	for _, want := range []string{
		`ADDR: "nonsense" is not HOST:PORT`,
		"SLACK_BOT_TOKEN: a bot token starts with xoxb-", "belongs in SLACK_APP_TOKEN",
		"SLACK_APP_TOKEN: an app-level token starts with xapp-", "belongs in SLACK_BOT_TOKEN",
		`MANAGER_IDS: "@kim", "kim@city.go.kr" is not a Slack user ID`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	for _, secret := range []string{"abc", "123-456"} {
		if strings.Contains(msg, secret) {
			t.Errorf("error shows a token's %q:\n%s", secret, msg)
		}
	}
}

func TestConfigAcceptsUsualSettings(t *testing.T) {
	for _, env := range []map[string]string{
		{},
		{"ADDR": "127.0.0.1:3000", "SLACK_BOT_TOKEN": "xoxb-1-2-x", "SLACK_APP_TOKEN": "xapp-1-A-1-x", "MANAGER_IDS": "U012AB3CD,W0ABC"},
		{"ADDR": "[::1]:8080", "MANAGER_IDS": " UBOSS "},
	} {
		if _, err := loadConfig(func(k string) string { return env[k] }); err != nil {
			t.Errorf("loadConfig(%v): %v", env, err)
		}
	}
}
