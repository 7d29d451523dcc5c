package bot

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

// TestRedactQuotedAndDoubleEncodedResponseURL (issue 20, r16): a
// response_url quoted with %q (a JSON-escaped payload quoted again, so its
// slashes read \\/ and its quotes \") and one URL-encoded twice
// (https%253A%252F%252Fhooks.slack.com…, a form body logged inside a URL)
// are redacted too, through the process's logger.
func TestRedactQuotedAndDoubleEncodedResponseURL(t *testing.T) {
	const secret = "q7ZsecretXYZ"
	payload := `{"response_url":"https:\/\/hooks.slack.com\/commands\/T1ABC\/472\/q7ZsecretXYZ","x":1}`
	for _, in := range []string{
		fmt.Sprintf("%q", payload),
		fmt.Sprintf("%q", fmt.Sprintf("%q", payload)),
		fmt.Sprintf("%q", "https://hooks.slack.com/commands/T1ABC/472/q7ZsecretXYZ"),
		"next=https%253A%252F%252Fhooks.slack.com%252Fcommands%252FT1ABC%252F472%252Fq7ZsecretXYZ&x=1",
		"next=https%25253A%25252F%25252Fhooks.slack.com%25252Fcommands%25252FT1ABC%25252F472%25252Fq7ZsecretXYZ",
		"path %252Fcommands%252FT1ABC%252F472%252Fq7ZsecretXYZ refused",
		"hooks.slack.com%252Factions%252FT1%252F2%252Fq7ZsecretXYZ",
		`path \\/commands\\/T1ABC\\/472\\/q7ZsecretXYZ`,
	} {
		got := Redact(in)
		if strings.Contains(got, secret) || strings.Contains(got, "T1ABC") {
			t.Errorf("Redact(%s)\n = %s keeps the secret", in, got)
		}
	}
	// The other fields of a double-encoded body stay readable.
	if got := Redact("a=1&next=https%253A%252F%252Fhooks.slack.com%252Fcommands%252FT1%252F2%252Fq7ZsecretXYZ&b=2"); !strings.HasSuffix(got, "&b=2") || !strings.HasPrefix(got, "a=1&next=https%253A%252F%252Fhooks.slack.com") {
		t.Errorf("double-encoded body: %s", got)
	}
	var buf bytes.Buffer
	log := slog.New(RedactingHandler(slog.NewTextHandler(&buf, nil)))
	log.Warn("payload " + fmt.Sprintf("%q", payload))
	log.Warn("bad", "body", fmt.Sprintf("%q", payload), "next", "https%253A%252F%252Fhooks.slack.com%252Fcommands%252FT1ABC%252F473%252Fq7ZsecretXYZ")
	log.Warn("bad", "err", fmt.Errorf("post %q: refused", "https://hooks.slack.com/actions/T1ABC/474/q7ZsecretXYZ"))
	for _, part := range []string{secret, "T1ABC", "472", "473", "474"} {
		if strings.Contains(buf.String(), part) {
			t.Errorf("the log carries %q:\n%s", part, buf.String())
		}
	}
}
