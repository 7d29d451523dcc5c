package bot

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// TestRedactEscapedAndEncodedResponseURL (issue 20): a response_url is a
// secret however it is written: JSON-escaped (https:\/\/hooks.slack.com\/…,
// as a logged Slack payload carries it) or URL-encoded
// (https%3A%2F%2Fhooks.slack.com%2F…, as a logged raw form body carries it),
// with or without its scheme; the other fields of a form body stay.
func TestRedactEscapedAndEncodedResponseURL(t *testing.T) {
	const secret = "q7ZsecretXYZ"
	for in, want := range map[string]string{
		`{"response_url":"https:\/\/hooks.slack.com\/commands\/T1ABC\/472\/q7ZsecretXYZ","x":1}`:                     `{"response_url":"https:\/\/hooks.slack.com\/[redacted]","x":1}`,
		`token=abc&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1ABC%2F472%2Fq7ZsecretXYZ&trigger_id=13`: `token=abc&response_url=https%3A%2F%2Fhooks.slack.com%2F[redacted]&trigger_id=13`,
		`response_url=https%3a%2f%2fhooks.slack.com%2fcommands%2fT1ABC%2f472%2fq7ZsecretXYZ`:                         `response_url=https%3a%2f%2fhooks.slack.com%2f[redacted]`,
		`hooks.slack.com\/actions\/T1\/2\/q7ZsecretXYZ failed`:                                                       `hooks.slack.com\/[redacted] failed`,
		`hooks.slack.com%2Factions%2FT1%2F2%2Fq7ZsecretXYZ failed`:                                                   `hooks.slack.com%2F[redacted] failed`,
		`path \/commands\/T1ABC\/472\/q7ZsecretXYZ refused`:                                                          `path [redacted] refused`,
		`path %2Fcommands%2FT1ABC%2F472%2Fq7ZsecretXYZ refused`:                                                      `path [redacted] refused`,
		`a plain form text=%EC%B6%94%EA%B0%80+5&user_id=U1 stays`:                                                    `a plain form text=%EC%B6%94%EA%B0%80+5&user_id=U1 stays`,
	} {
		got := Redact(in)
		if got != want {
			t.Errorf("Redact(%q)\n = %q\nwant %q", in, got, want)
		}
		if strings.Contains(got, secret) {
			t.Errorf("Redact(%q) keeps the secret", in)
		}
	}
	// Through the process's logger, as a raw form body and a JSON payload
	// are logged: the captured lines carry no part of the secret path.
	var buf bytes.Buffer
	log := slog.New(RedactingHandler(slog.NewJSONHandler(&buf, nil)))
	log.Warn("slash body", "body", "command=%2Fjobs&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1ABC%2F472%2Fq7ZsecretXYZ&text=x")
	log.Warn(`payload {"response_url":"https:\/\/hooks.slack.com\/actions\/T1ABC\/473\/q7ZsecretXYZ"}`)
	for _, part := range []string{secret, "T1ABC", "472", "473"} {
		if strings.Contains(buf.String(), part) {
			t.Errorf("the log carries %q:\n%s", part, buf.String())
		}
	}
}
