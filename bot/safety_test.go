package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"jobsbot/bot/slackpost"
	"jobsbot/commands"
)

// hostile is what a staff member might type to make the bot notify or
// mislead a whole channel.
var hostile = []string{"<!channel>", "<!here>", "<@U123>", "<http://evil|click>", "@here", "@channel", "@everyone"}

// strings in a decoded JSON message, with the key each sits under.
func walkStrings(v any, key string, visit func(key, s string)) {
	switch v := v.(type) {
	case string:
		visit(key, v)
	case []any:
		for _, e := range v {
			walkStrings(e, key, visit)
		}
	case map[string]any:
		for k, e := range v {
			walkStrings(e, k, visit)
		}
	}
}

// assertNothingLive fails if any hostile text is live in a message as Slack
// reads it: in the top-level text or any text a block shows. Button values
// are not shown and are skipped.
func assertNothingLive(t *testing.T, what string, msg map[string]any) {
	t.Helper()
	walkStrings(msg, "", func(key, s string) {
		if key == "value" || key == "action_id" || key == "block_id" {
			return
		}
		lower := strings.ToLower(s)
		for _, h := range hostile {
			if strings.Contains(lower, strings.ToLower(h)) {
				t.Errorf("%s: %q is live in %s: %q", what, h, key, s)
			}
		}
		if strings.ContainsRune(s, 0) || strings.ContainsRune(s, '\u202e') {
			t.Errorf("%s: control character in %s: %q", what, key, s)
		}
	})
	// Every mrkdwn text object is verbatim, so Slack links nothing itself.
	var check func(v any)
	check = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				check(e)
			}
		case map[string]any:
			if v["type"] == "mrkdwn" && v["verbatim"] != true {
				t.Errorf("%s: mrkdwn text without verbatim: %v", what, v)
			}
			for _, e := range v {
				check(e)
			}
		}
	}
	check(msg["blocks"])
}

// TestShareCarriesNoMentionsOrLinks shares a status whose program name (a
// manager's typing, but user text all the same) carries broadcast mentions,
// a user mention and a disguised link: the channel message must show them
// as text only, in its blocks and in its top-level text alike.
func TestShareCarriesNoMentionsOrLinks(t *testing.T) {
	e := newEnv(t, nil, nil)
	name := strings.Join(hostile, " ") + " Business & investment"
	add := commandBody(`program add evil en:"`+name+`" ko:"`+name+`" sector:public`, "trigger-prog", "")
	add = strings.Replace(add, "user_id="+testUser, "user_id="+testManager, 1)
	if got := decode(t, e.post("/slack/commands", add)); strings.Contains(got["text"].(string), "Only managers") {
		t.Fatalf("program add refused: %v", got)
	}
	e.post("/slack/commands", commandBody("add 7 evil", "trigger-add", ""))
	reply := decode(t, e.post("/slack/commands", commandBody("status", "trigger-status", "")))
	assertNothingLive(t, "status reply", reply)
	id, value := button(t, reply, commands.ActionShare)
	h := newHook(t)
	e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-share", h.URL, id, value)))
	got := h.next(t)
	if got["response_type"] != "in_channel" {
		t.Fatalf("share posted %v; want an in_channel message", got)
	}
	assertNothingLive(t, "shared status", got)
	text, _ := got["text"].(string)
	if !strings.Contains(text, "&lt;!channel&gt;") || !strings.Contains(text, "Business &amp; investment") || !strings.Contains(text, "＠here") {
		t.Errorf("shared text does not show the name escaped: %q", text)
	}
}

// TestNulRefusedOverHTTP: a NUL in a signed slash command is refused as bad
// input with the usage line; nothing is written.
func TestNulRefusedOverHTTP(t *testing.T) {
	e := newEnv(t, nil, nil)
	reply := decode(t, e.post("/slack/commands", commandBody("add 5 youth dept:일자리\x00정책과", "trigger-nul", "")))
	text, _ := reply["text"].(string)
	if !strings.Contains(text, "control character (U+0000)") || !strings.Contains(text, "Usage:") || strings.Contains(text, "went wrong") {
		t.Fatalf("reply to a NUL: %q", text)
	}
	if got := e.entries(t); len(got) != 0 {
		t.Fatalf("%d entries written; want none", len(got))
	}
}

// TestFailingResponseURLIsNotLogged: a response_url lets anyone post as the
// bot, so when posting to one fails the log says so without any of its path.
func TestFailingResponseURLIsNotLogged(t *testing.T) {
	var logs syncBuffer
	e := newEnv(t, nil, func(c *Config) {
		c.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + ln.Addr().String()
	ln.Close() // nothing listens there any more: the post fails with the URL in net/http's error
	const secretPath = "/commands/T0TEST/4720000000001/q7ZsecretHookTokenW3xyz"
	e.post("/slack/commands", commandBody("add 5 youth", "trigger-add", ""))
	e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-undo", dead+secretPath, "undo-0", "void 1 undone")))
	ctx, cancel := context.WithTimeout(context.Background(), waitLong)
	defer cancel()
	if err := e.bot.work.Wait(ctx); err != nil {
		t.Fatal("the button's work did not finish")
	}
	out := logs.String()
	if !strings.Contains(out, "delivering a button reply failed") {
		t.Fatalf("the failure was not logged at all:\n%s", out)
	}
	for _, part := range []string{"q7ZsecretHookTokenW3xyz", "4720000000001", "/commands/"} {
		if strings.Contains(out, part) {
			t.Errorf("the log carries %q of the response_url:\n%s", part, out)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		`Post "https://hooks.slack.com/commands/T1/2/abc": EOF`:  `Post "https://hooks.slack.com/[redacted]": EOF`,
		"token xoxb-123-456-abcDEF and xapp-1-A1-2-ff in a line": "token xoxb-[redacted] and xapp-[redacted] in a line",
		"wss://wss-primary.slack.com/link/?ticket=secret":        "wss://wss-primary.slack.com/[redacted]",
		"no secret: http://127.0.0.1:3000 is fine":               "no secret: http://127.0.0.1:3000 is fine",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q; want %q", in, got, want)
		}
	}
	var buf bytes.Buffer
	log := slog.New(RedactingHandler(slog.NewJSONHandler(&buf, nil))).With("url", "https://hooks.slack.com/services/T/B/X")
	log.Error("post https://hooks.slack.com/actions/T/1/Y failed", "err", fmt.Errorf("wrapped: %w", errors.New("xoxb-1-2-secret")),
		slog.Group("req", "token", "xapp-1-secret"))
	if s := buf.String(); strings.Contains(s, "/services/") || strings.Contains(s, "/actions/") || strings.Contains(s, "secret") {
		t.Errorf("log line carries a secret: %s", s)
	}
}

// TestSSLCheckRunsNothing: Slack's ssl_check comes unsigned when the app's
// URLs are saved; signed or not it gets 200 and runs no command.
func TestSSLCheckRunsNothing(t *testing.T) {
	e := newEnv(t, nil, nil)
	unsigned := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader("ssl_check=1&token=legacy-token"))
	unsigned.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, unsigned)
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("unsigned ssl_check answered %d %q; want 200 and nothing", w.Code, w.Body.String())
	}
	signed := commandBody("add 5 youth", "trigger-ssl", "") + "&ssl_check=1"
	if w := e.post("/slack/commands", signed); w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("signed ssl_check answered %d %q; want 200 and nothing", w.Code, w.Body.String())
	}
	if got := e.entries(t); len(got) != 0 {
		t.Errorf("ssl_check ran a command: %d entries", len(got))
	}
	// Without ssl_check an unsigned request is still refused.
	plain := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(commandBody("add 5 youth", "t", "")))
	w = httptest.NewRecorder()
	e.h.ServeHTTP(w, plain)
	if w.Code != http.StatusUnauthorized {
		t.Errorf("unsigned command answered %d; want 401", w.Code)
	}
}

// TestOwnLargestAddFormIsAccepted: Slack echoes the whole add form in its
// view_submission, so the form at its largest (every option Slack allows,
// each with a long Korean name) must pass the body limit and be recorded.
func TestOwnLargestAddFormIsAccepted(t *testing.T) {
	e := newEnv(t, nil, nil)
	var programs []commands.Program
	long := strings.Repeat("청년일자리창출지원사업", 10) // far past the 75-character option limit
	for i := range 2 * maxGroupOptions {
		sector := commands.SectorPublic
		if i%2 == 1 {
			sector = commands.SectorPrivate
		}
		programs = append(programs, commands.Program{Code: fmt.Sprintf("program%03d", i), NameKo: long, NameEn: long, Sector: sector, Active: true})
	}
	view, ok := e.bot.addModal(programs, testChannel, time.Now(), "")
	if !ok {
		t.Fatal("no form")
	}
	viewJSON, err := json.Marshal(view)
	if err != nil {
		t.Fatal(err)
	}
	var echoed map[string]any
	_ = json.Unmarshal(viewJSON, &echoed)
	var submitted map[string]any
	_ = json.Unmarshal([]byte(viewSubmission("V0BIG", "youth", "12", "", "realised")), &submitted)
	state := submitted["view"].(map[string]any)["state"]
	echoed["id"], echoed["state"], echoed["hash"] = "V0BIG", state, "1700000000.abcdef"
	submitted["view"] = echoed
	payload, _ := json.Marshal(submitted)
	body := interactionBody(string(payload))
	if len(body) <= maxBodyBytes {
		t.Fatalf("the echoed form is only %d bytes; the test must exceed the old 64 KiB limit", len(body))
	}
	t.Logf("largest add form echoed back: %d bytes", len(body))
	if w := e.post("/slack/interactions", body); w.Code != http.StatusOK {
		t.Fatalf("the bot's own form was answered %d", w.Code)
	}
	if got := e.entries(t); len(got) != 1 || got[0].Count != 12 {
		t.Fatalf("entries after the submission: %+v", got)
	}
}

// TestSharePostsOnlyWhatWasShown: figures that changed between the status
// and the press are not posted; the user gets the new view with a fresh
// button, and pressing that posts it with the moment it stands for.
func TestSharePostsOnlyWhatWasShown(t *testing.T) {
	e := newEnv(t, nil, nil)
	e.post("/slack/commands", commandBody("add 180 youth", "trigger-add-1", ""))
	reply := decode(t, e.post("/slack/commands", commandBody("status", "trigger-status", "")))
	id, value := button(t, reply, commands.ActionShare)
	e.post("/slack/commands", commandBody("add 20 youth", "trigger-add-2", "")) // now 200, not the 180 shown

	h := newHook(t)
	e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-share-1", h.URL, id, value)))
	got := h.next(t)
	text, _ := got["text"].(string)
	if got["response_type"] == "in_channel" || !strings.Contains(text, "nothing was posted") || !strings.Contains(text, "200") {
		t.Fatalf("share after the figures changed: %s %q; want a private note with the new 200", got["response_type"], text)
	}
	id, value = button(t, got, commands.ActionShare)
	e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-share-2", h.URL, id, value)))
	got = h.next(t)
	text, _ = got["text"].(string)
	if got["response_type"] != "in_channel" || !strings.Contains(text, "Total: 200") || !strings.Contains(text, "As of 20") {
		t.Fatalf("share of the unchanged view: %s %q; want it in the channel with its time", got["response_type"], text)
	}
	// A button from before sealing (a bare command) posts nothing either.
	e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-share-3", h.URL, id, "status")))
	if got = h.next(t); got["response_type"] == "in_channel" {
		t.Fatalf("an unsealed Share value was posted to the channel: %v", got)
	}
}

// TestOversizedResponseURLAnswerIsNotLogged (review B6): when the answer to a
// response_url post is larger than the bot reads, slackpost's error used to
// name the request's path, which Redact (looking for scheme://host/path)
// let through: the hooks.slack.com secret path reached the log. The bot's
// own logger is a plain JSON handler here, as in production behind
// RedactingHandler, so both the error and Redact are exercised.
func TestOversizedResponseURLAnswerIsNotLogged(t *testing.T) {
	for _, redacting := range []bool{false, true} {
		var logs syncBuffer
		e := newEnv(t, nil, func(c *Config) {
			var h slog.Handler = slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})
			if redacting {
				h = RedactingHandler(h)
			}
			c.Logger = slog.New(h)
		})
		big := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			// Announce more than the bot reads; the transport refuses it
			// before reading the body.
			w.Header().Set("Content-Length", fmt.Sprint(slackpost.MaxResponseBytes+1))
			w.WriteHeader(http.StatusOK)
		}))
		const secretPath = "/commands/T0TEST/4720000000002/b6secretHookTokenQ9"
		e.post("/slack/commands", commandBody("add 5 youth", "trigger-add", ""))
		e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-undo", big.URL+secretPath, "undo-0", "void 1 undone")))
		ctx, cancel := context.WithTimeout(context.Background(), waitLong)
		if err := e.bot.work.Wait(ctx); err != nil {
			t.Fatal("the button's work did not finish")
		}
		cancel()
		big.Close()
		out := logs.String()
		if !strings.Contains(out, "delivering a button reply failed") {
			t.Fatalf("the failure was not logged at all:\n%s", out)
		}
		for _, part := range []string{"b6secretHookTokenQ9", "4720000000002", "/commands/", "T0TEST"} {
			if strings.Contains(out, part) {
				t.Errorf("redacting handler %v: the log carries %q of the response_url:\n%s", redacting, part, out)
			}
		}
	}
}

// TestRedactBarePaths: a Slack hook path without its scheme and host (as an
// error may quote req.URL.Path) is a secret too.
func TestRedactBarePaths(t *testing.T) {
	for in, want := range map[string]string{
		"/commands/T1ABC/472/q7Zsecret: slack response larger": "[redacted]: slack response larger",
		"hooks.slack.com/actions/T1/2/abc failed":              "hooks.slack.com/[redacted] failed",
		"post to /services/T0/B0/XYZ refused":                  "post to [redacted] refused",
		"a plain /jobs add line stays":                         "a plain /jobs add line stays",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q; want %q", in, got, want)
		}
	}
}
