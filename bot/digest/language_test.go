package digest_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/bot/digest"
	"jobsbot/commands"
	"jobsbot/db"
)

// The digest is posted in the channel's language (DIGEST_LANGUAGE), not in
// BOT_LANGUAGE nor in the language of the manager who posts it: the message,
// its chart note and the chart's title are Korean, while the manager's own
// confirmation follows the manager (English).
func TestDigestIsPostedInTheChannelsLanguage(t *testing.T) {
	t.Parallel()
	url := newDatabase(t)
	fake := newFakeSlack(t)
	store, err := db.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	cfg := commands.Config{Store: store, Location: seoul, Language: commands.English,
		Managers: []string{"UBOSS"}, Now: func() time.Time { return now }}
	// As serve wires them: the poster words digests with a Service of its
	// own, and the Service that answers commands is built with the poster.
	p, err := digest.NewPoster(digest.Config{Service: commands.New(cfg), Runs: store, Slack: fake.client(), Channel: channel,
		Language: commands.Korean, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	boss := commands.Caller{UserID: "UBOSS", Source: commands.SourceSlash, Locale: "en-US"}
	cfg.DigestPoster = p
	r := commands.New(cfg).Handle(context.Background(), boss, "digest post")
	if r.Outcome != commands.OutcomeOK || !strings.HasPrefix(r.Title, "Posted the digest") {
		t.Fatalf("manager's reply: %s %q", r.Outcome, r.Text())
	}
	msg := receive(t, fake.posted, "the digest")
	if !strings.HasPrefix(msg.Text, "주간 일자리 실적 보고 · ") || strings.Contains(msg.Text, "Weekly jobs digest") {
		t.Errorf("posted digest is not Korean:\n%s", msg.Text)
	}
	if blocks := string(joinRaw(msg.Blocks)); !strings.Contains(blocks, "차트는 스레드에 있습니다") {
		t.Errorf("chart note is not Korean: %s", blocks)
	}
	if up := receive(t, fake.uploaded, "the chart"); !strings.Contains(up.Title, "누적 일자리 실적") {
		t.Errorf("chart title %q is not Korean", up.Title)
	}
}

func joinRaw[T ~[]byte](parts []T) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
