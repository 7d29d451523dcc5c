package bot

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// discardHook accepts response_url posts and forgets them, so a fuzz run that
// produces thousands of replies never blocks on a full channel.
func discardHook(tb testing.TB) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	tb.Cleanup(srv.Close)
	return srv.URL
}

// checkLedgerConsistent fails when the totals the store keeps disagree with
// the entries: the sign of a partial write.
func checkLedgerConsistent(t *testing.T, e *testEnv) {
	t.Helper()
	var entries, aggregated int64
	err := e.store.DB().QueryRowContext(context.Background(), `
		SELECT (SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL),
		       (SELECT coalesce(sum(jobs), 0) FROM program_days)`).Scan(&entries, &aggregated)
	if err != nil {
		t.Fatal(err)
	}
	if entries != aggregated {
		t.Fatalf("live entries sum to %d but the program totals to %d", entries, aggregated)
	}
}

// FuzzSlashCommand sends signed slash commands with arbitrary text through the
// real handler stack and database: nothing may panic, every request gets an
// answer, and the ledger stays consistent.
func FuzzSlashCommand(f *testing.F) {
	for _, s := range []string{"add 180 youth", "add 6백여 rail date:4월말", "undo", "void 1 x", "status 상반기",
		`candidate add "x" note: y`, "add '; DROP TABLE entries; --", "add 1만 2000 youth cumulative", "\x00", "list mine"} {
		f.Add(s)
	}
	env := newEnv(f, nil, nil)
	hook := discardHook(f)
	n := 0
	f.Fuzz(func(t *testing.T, text string) {
		n++
		w := env.post("/slack/commands", commandBody(text, fmt.Sprintf("fuzz-%d-%d", time.Now().UnixNano(), n), hook))
		if w.Code != http.StatusOK {
			t.Fatalf("text %q: status %d: %s", text, w.Code, w.Body.String())
		}
		if strings.Contains(w.Body.String(), "pq:") || strings.Contains(w.Body.String(), "goroutine ") {
			t.Fatalf("text %q: reply leaks internals: %s", text, w.Body.String())
		}
		ctx, cancel := context.WithTimeout(context.Background(), waitLong)
		defer cancel()
		if err := env.bot.work.Wait(ctx); err != nil {
			t.Fatalf("text %q: background work did not finish", text)
		}
		checkLedgerConsistent(t, env)
	})
}

// FuzzSignedBody sends arbitrary signed bodies to every Slack route: a
// malformed payload is refused with a 4xx, never a panic or a 5xx.
func FuzzSignedBody(f *testing.F) {
	for _, s := range []string{"payload=%7B%7D", `{"type":"url_verification","challenge":"x"}`, "payload=%7B%22type%22%3A%22block_actions%22%7D",
		"text=add+1+youth&trigger_id=t", "payload=not-json", `{"type":"event_callback","event":{"type":"app_home_opened"}}`} {
		f.Add([]byte(s))
	}
	env := newEnv(f, nil, nil)
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, path := range []string{"/slack/commands", "/slack/interactions", "/slack/events"} {
			w := env.post(path, string(body))
			if w.Code >= 500 {
				t.Fatalf("%s with %q: status %d", path, body, w.Code)
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), waitLong)
		defer cancel()
		if err := env.bot.work.Wait(ctx); err != nil {
			t.Fatalf("background work did not finish")
		}
		checkLedgerConsistent(t, env)
	})
}
