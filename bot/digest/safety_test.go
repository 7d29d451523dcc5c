package digest_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
)

// TestDigestCarriesNoMentionsOrLinks posts a digest whose week has a
// candidate and a void reason written to notify and mislead the channel:
// the posted message (top-level text and blocks) shows them as text only,
// and the bot's own "&" is escaped in the text too.
func TestDigestCarriesNoMentionsOrLinks(t *testing.T) {
	t.Parallel()
	url := newDatabase(t)
	store, err := db.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	svc := commands.New(commands.Config{Store: store, Location: seoul, Managers: []string{"UBOSS"},
		Now: func() time.Time { return time.Date(2026, 11, 26, 11, 0, 0, 0, seoul) }})
	evil := "<!channel> <!here> <@U123> <http://evil|click> @here @channel @everyone"
	boss := commands.Caller{UserID: "UBOSS"}
	for _, line := range []string{`candidate add "` + evil + ` Co-op"`, "add 5 youth", "void 1 " + evil} {
		if r := svc.Handle(context.Background(), boss, line); r.Outcome != commands.OutcomeOK {
			t.Fatalf("%s: %s", line, r.Text())
		}
	}
	// The database stamps moves and voids with its own clock: put them in the week.
	for _, q := range []string{
		`UPDATE candidate_moves SET moved_at = '2026-11-26 11:00+09' WHERE candidate_id = (SELECT max(id) FROM candidates)`,
		`UPDATE entries SET voided_at = '2026-11-26 11:00+09' WHERE id = 1`,
	} {
		if _, err := store.DB().ExecContext(context.Background(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	fake := newFakeSlack(t)
	rep := newReplica(t, url, fake.client(), "replica-a")
	if _, err := rep.poster.PostDigest(context.Background(), week, "scheduler"); err != nil {
		t.Fatal(err)
	}
	msg := receive(t, fake.posted, "the digest")
	receive(t, fake.uploaded, "the chart")
	var blocks []any
	for _, b := range msg.Blocks {
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		blocks = append(blocks, v)
	}
	all, _ := json.Marshal(blocks)
	if !strings.Contains(string(all), `Co-op`) || !strings.Contains(msg.Text, "Co-op") {
		t.Fatalf("the digest does not show the new candidate; text:\n%s", msg.Text)
	}
	if strings.Contains(msg.Text, "No entries were voided") || !strings.Contains(msg.Text, "&lt;http://evil|click&gt;") {
		t.Fatalf("the digest does not show the void and its reason; text:\n%s", msg.Text)
	}
	if !strings.Contains(msg.Text, "Business &amp; investment attraction") {
		t.Errorf("the bot's own & is not escaped in the text:\n%s", msg.Text)
	}
	check := func(where, s string) {
		lower := strings.ToLower(s)
		for _, h := range []string{"<!channel>", "<!here>", "<@u123>", "<http://evil|click>", "@here", "@channel", "@everyone"} {
			if strings.Contains(lower, h) {
				t.Errorf("%s: %q is live: %q", where, h, s)
			}
		}
	}
	check("text", msg.Text)
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			check("blocks", v)
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			if v["type"] == "mrkdwn" && v["verbatim"] != true {
				t.Errorf("mrkdwn text without verbatim: %v", v)
			}
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(blocks)
}
