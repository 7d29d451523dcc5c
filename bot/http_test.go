package bot

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"jobsbot/commands"
)

// The first thing a new user tries: a signed `/jobs add 180 youth` is
// answered with the new entry; the same body with one byte changed is
// refused; a second delivery with the same trigger_id records nothing new.
func TestSignedAddCommand(t *testing.T) {
	e := newEnv(t, nil, nil)
	body := commandBody("add 180 youth", "trigger-1", "")

	w := e.post("/slack/commands", body)
	if w.Code != http.StatusOK {
		t.Fatalf("signed add: %d %s", w.Code, w.Body)
	}
	reply := decode(t, w)
	text, _ := reply["text"].(string)
	if !strings.Contains(text, "#1") || !strings.Contains(text, "180") {
		t.Errorf("reply text %q does not name entry #1 with 180 jobs", text)
	}
	if reply["response_type"] != "ephemeral" {
		t.Errorf("response_type = %v; want ephemeral", reply["response_type"])
	}
	if blocks, _ := reply["blocks"].([]any); len(blocks) == 0 {
		t.Errorf("reply has no blocks: %s", w.Body)
	}
	if !strings.Contains(w.Body.String(), `"action_id":"undo-0"`) {
		t.Errorf("confirmation has no Undo button: %s", w.Body)
	}

	// One byte changed after signing.
	r := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(strings.Replace(body, "180", "181", 1)))
	sign(r, testSecret, body, time.Now())
	tw := httptest.NewRecorder()
	e.h.ServeHTTP(tw, r)
	if tw.Code != http.StatusUnauthorized {
		t.Errorf("tampered body: %d; want 401", tw.Code)
	}

	// Slack delivers the same command again.
	w = e.post("/slack/commands", body)
	if w.Code != http.StatusOK {
		t.Fatalf("redelivery: %d %s", w.Code, w.Body)
	}
	if got := decode(t, w)["text"].(string); !strings.Contains(got, "already recorded") {
		t.Errorf("redelivery reply %q does not say it was already recorded", got)
	}
	if n := len(e.entries(t)); n != 1 {
		t.Errorf("%d entries after a redelivery; want 1", n)
	}
}

func TestRefusedRequests(t *testing.T) {
	e := newEnv(t, nil, func(c *Config) { c.TeamID = testTeam })
	body := commandBody("add 180 youth", "trigger-x", "")

	unsigned := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(body))
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, unsigned)
	if w.Code != http.StatusUnauthorized {
		t.Errorf("unsigned: %d; want 401", w.Code)
	}

	if w := e.post("/slack/commands", body+"&pad="+strings.Repeat("x", maxBodyBytes)); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("too large: %d; want 413", w.Code)
	}

	other := strings.Replace(body, "team_id="+testTeam, "team_id=T0OTHER", 1)
	if w := e.post("/slack/commands", other); w.Code != http.StatusForbidden {
		t.Errorf("other workspace: %d; want 403", w.Code)
	}
	if w := e.post("/slack/interactions", interactionBody(`{"type":"block_actions","team":{"id":"T0OTHER"},"user":{"id":"U1"}}`)); w.Code != http.StatusForbidden {
		t.Errorf("interaction from another workspace: %d; want 403", w.Code)
	}
	if w := e.post("/slack/events", `{"type":"event_callback","team_id":"T0OTHER","event_id":"Ev1","event":{"type":"app_home_opened","user":"U1","tab":"home"}}`); w.Code != http.StatusForbidden {
		t.Errorf("event from another workspace: %d; want 403", w.Code)
	}
	if n := len(e.entries(t)); n != 0 {
		t.Errorf("%d entries after refused requests; want 0", n)
	}
	e.slack.none(t, "views.publish")
}

func TestURLVerification(t *testing.T) {
	e := newEnv(t, nil, nil)
	w := e.post("/slack/events", `{"token":"legacy","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`)
	if w.Code != http.StatusOK || w.Body.String() != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("url_verification: %d %q; want the challenge echoed", w.Code, w.Body)
	}
}

// A command slower than Slack's limit is acknowledged at once and answered
// through response_url when it is done.
func TestSlowCommandRepliesViaResponseURL(t *testing.T) {
	gate := &gateStore{entered: make(chan struct{}, 1), gate: make(chan struct{})}
	e := newEnv(t, func(s commands.Store) commands.Store { gate.Store = s; return gate }, nil)
	e.bot.fastWait = 50 * time.Millisecond
	h := newHook(t)

	w := e.post("/slack/commands", commandBody("add 180 youth", "trigger-slow", h.URL))
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Fatalf("slow command: %d %q; want an empty 200 at once", w.Code, w.Body)
	}
	select {
	case <-gate.entered:
	case <-time.After(waitLong):
		t.Fatal("the command never reached the store")
	}
	close(gate.gate)
	got := h.next(t)
	if text, _ := got["text"].(string); !strings.Contains(text, "#1") {
		t.Errorf("response_url got %v; want the reply naming #1", got)
	}
	if got["response_type"] != "ephemeral" {
		t.Errorf("response_url reply is %v; want ephemeral", got["response_type"])
	}
	if n := len(e.entries(t)); n != 1 {
		t.Errorf("%d entries; want 1", n)
	}
}

func TestHealthAndReadiness(t *testing.T) {
	var down atomic.Bool
	e := newEnv(t, nil, func(c *Config) {
		ping := c.Ready
		c.Ready = func(ctx context.Context) error {
			if down.Load() {
				return errors.New("connection refused")
			}
			return ping(ctx)
		}
	})
	get := func(path string) (int, string) {
		w := httptest.NewRecorder()
		e.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		return w.Code, w.Body.String()
	}
	if code, body := get("/healthz"); code != 200 || body != "ok" {
		t.Errorf("/healthz: %d %q", code, body)
	}
	if code, _ := get("/readyz"); code != 200 {
		t.Errorf("/readyz with the database up: %d; want 200", code)
	}
	down.Store(true)
	if code, _ := get("/readyz"); code != 503 {
		t.Errorf("/readyz with the database down: %d; want 503", code)
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Errorf("/healthz while not ready: %d; want 200", code)
	}
	down.Store(false)
	if code, _ := get("/readyz"); code != 200 {
		t.Errorf("/readyz after the database came back: %d; want 200", code)
	}
}

func TestMetrics(t *testing.T) {
	e := newEnv(t, nil, nil)
	e.post("/slack/commands", commandBody("add 180 youth", "trigger-m1", ""))
	e.post("/slack/commands", commandBody("add 180 nosuchprogram", "trigger-m2", ""))
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body, _ := io.ReadAll(w.Body)
	for _, want := range []string{
		`jobsbot_commands_total{command="add",outcome="ok"} 1`,
		`jobsbot_commands_total{command="add",outcome="refused"} 1`,
		`jobsbot_command_duration_seconds_count{command="add"} 2`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func TestNewValidatesConfig(t *testing.T) {
	svc := commands.New(commands.Config{})
	for _, tc := range []struct {
		name string
		cfg  Config
		want string // "" for no error
	}{
		{"no bot token", Config{Service: svc, SigningSecret: "s"}, "SLACK_BOT_TOKEN"},
		{"http mode without secret", Config{Service: svc, BotToken: "xoxb-1"}, "SLACK_SIGNING_SECRET"},
		{"socket mode without secret", Config{Service: svc, BotToken: "xoxb-1", AppToken: "xapp-1"}, ""},
		{"http mode", Config{Service: svc, BotToken: "xoxb-1", SigningSecret: "s"}, ""},
		{"api url without slash", Config{Service: svc, BotToken: "xoxb-1", SigningSecret: "s", APIURL: "http://x/api"}, "SLACK_API_URL"},
		{"no service", Config{BotToken: "xoxb-1", SigningSecret: "s"}, "service"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.cfg)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("New: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("New: %v; want an error naming %s", err, tc.want)
			}
		})
	}
}
