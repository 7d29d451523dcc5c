package bot

import (
	"strings"
	"testing"

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
