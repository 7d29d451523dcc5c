package bot

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/commands"
)

const (
	userKo = "U0KOREAN"
	userEn = "U0ENGLISH"
)

// textOf posts a signed slash command as user and returns the reply text,
// which must come back inline.
func (e *testEnv) textOf(t *testing.T, user, text, trigger string) string {
	t.Helper()
	w := e.post("/slack/commands", commandBodyAs(user, text, trigger, ""))
	if w.Code != http.StatusOK || w.Body.Len() == 0 {
		t.Fatalf("%s as %s: %d %q; want an inline reply", text, user, w.Code, w.Body)
	}
	got, _ := decode(t, w)["text"].(string)
	return got
}

// withDefault makes the bot's command service use lang as BOT_LANGUAGE.
func withDefault(lang commands.Lang) (func(commands.Store) commands.Store, func(*Config)) {
	var store commands.Store
	wrap := func(s commands.Store) commands.Store { store = s; return s }
	mod := func(c *Config) {
		c.Service = commands.New(commands.Config{Store: store, Language: lang, Managers: []string{testManager},
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	}
	return wrap, mod
}

// One bot, two users: the one whose Slack locale is ko-KR is answered in
// Korean, the en-US one in English, whatever BOT_LANGUAGE says; `lang en`
// overrides the locale and `lang auto` returns to it. users.info is asked
// once per user, with include_locale, however many commands follow.
func TestReplyLanguageFollowsSlackLocale(t *testing.T) {
	for _, def := range []commands.Lang{commands.English, commands.Korean} {
		t.Run("BOT_LANGUAGE="+string(def), func(t *testing.T) {
			wrap, mod := withDefault(def)
			e := newEnv(t, wrap, mod)
			e.slack.setLocale(userKo, "ko-KR")
			e.slack.setLocale(userEn, "en-US")

			if got := e.textOf(t, userKo, "help", "t1"); !strings.Contains(got, "일자리 실적 장부 사용법") {
				t.Errorf("ko-KR user got %q", got)
			}
			if got := e.textOf(t, userEn, "help", "t2"); !strings.Contains(got, "job-creation ledger") {
				t.Errorf("en-US user got %q", got)
			}
			if got := e.textOf(t, userKo, "lang en", "t3"); !strings.Contains(got, "From now on your replies are in English") {
				t.Errorf("lang en answered %q", got)
			}
			if got := e.textOf(t, userKo, "add 180 youth", "t4"); !strings.Contains(got, "Recorded entry #1") {
				t.Errorf("after lang en, the ko-KR user got %q", got)
			}
			if got := e.textOf(t, userEn, "status", "t5"); !strings.Contains(got, "Jobs status") {
				t.Errorf("the en-US user's status is not English: %q", got)
			}
			if got := e.textOf(t, userKo, "lang auto", "t6"); !strings.Contains(got, "언어 선택을 해제했습니다") {
				t.Errorf("lang auto answered %q", got)
			}
			if got := e.textOf(t, userKo, "status", "t7"); !strings.Contains(got, "일자리 현황") {
				t.Errorf("after lang auto, the ko-KR user got %q", got)
			}
			if n := e.slack.infoCallsOf(userKo); n != 1 {
				t.Errorf("users.info asked about %s %d times over five commands; want 1 (cached)", userKo, n)
			}
			if n := e.slack.infoCallsOf(userEn); n != 1 {
				t.Errorf("users.info asked about %s %d times; want 1", userEn, n)
			}
		})
	}
}

// A users.info that never answers costs the reply at most the lookup
// budget: the reply still comes inline (well within fastWait), in
// BOT_LANGUAGE, and the failure is logged once at debug and remembered, so
// the next command does not ask again.
func TestLocaleLookupFailureFallsBackQuickly(t *testing.T) {
	logs := &syncBuffer{}
	wrap, mod := withDefault(commands.Korean)
	e := newEnv(t, wrap, func(c *Config) {
		mod(c)
		c.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	e.slack.setLocale(userEn, localeHang)
	start := time.Now()
	got := e.textOf(t, userEn, "help", "t1")
	if elapsed := time.Since(start); elapsed >= e.bot.fastWait {
		t.Errorf("reply took %s", elapsed)
	}
	if !strings.Contains(got, "일자리 실적 장부 사용법") {
		t.Errorf("without a locale the reply should be in BOT_LANGUAGE (ko): %q", got)
	}
	e.textOf(t, userEn, "help", "t2")
	if n := e.slack.infoCallsOf(userEn); n != 1 {
		t.Errorf("users.info asked %d times; want 1 (the failure is remembered)", n)
	}
	if n := strings.Count(logs.String(), "no Slack locale"); n != 1 || !strings.Contains(logs.String(), "level=DEBUG msg=\"no Slack locale") {
		t.Errorf("failed lookup logged %d times; want once at debug:\n%s", n, logs)
	}
}

// The App Home, buttons and the add-entry form speak the user's language;
// a status shared to the channel speaks the channel's (DIGEST_LANGUAGE),
// whoever pressed Share.
func TestEverySurfaceSpeaksTheUsersLanguage(t *testing.T) {
	e := newEnv(t, nil, func(c *Config) { c.ChannelLanguage = commands.Korean })
	e.slack.setLocale(userKo, "ko-KR")
	e.slack.setLocale(testUser, "ko-KR")

	// App Home.
	event := `{"type":"event_callback","team_id":"` + testTeam + `","event_id":"Ev0KO","event":{"type":"app_home_opened","user":"` + userKo + `","channel":"D0HOME","tab":"home","event_ts":"1700000000.1"}}`
	if w := e.post("/slack/events", event); w.Code != http.StatusOK {
		t.Fatalf("app_home_opened: %d", w.Code)
	}
	if body := string(e.slack.next(t, "views.publish").Body); !strings.Contains(body, "일자리 현황") || !strings.Contains(body, "갱신 ") {
		t.Errorf("App Home of a ko-KR user is not Korean: %s", body)
	}

	// The add-entry form opens with Korean labels for a ko-KR user.
	if w := e.post("/slack/commands", commandBodyAs(userKo, "add", "t-modal", "")); w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Fatalf("/jobs add: %d %q", w.Code, w.Body)
	}
	if body := string(e.slack.next(t, "views.open").Body); !strings.Contains(body, "일자리 실적 기록") || !strings.Contains(body, "공공 부문") {
		t.Errorf("the form of a ko-KR user is not Korean: %s", body)
	}

	// The add-entry form, submitted by a ko-KR user: confirmed in Korean.
	if w := e.post("/slack/interactions", interactionBody(viewSubmission("V0KO", "youth", "180", "2026-04-30", "realised"))); w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Fatalf("form submission: %d %q", w.Code, w.Body)
	}
	if text := e.slack.next(t, "chat.postEphemeral").Form.Get("text"); !strings.HasPrefix(text, "#1 기록") {
		t.Errorf("form confirmation is not Korean: %s", text)
	}

	// The en-US user's own status is English; sharing it posts Korean.
	w := e.post("/slack/commands", commandBodyAs(userEn, "status", "t-status", ""))
	reply := decode(t, w)
	if text, _ := reply["text"].(string); !strings.Contains(text, "Jobs status") {
		t.Fatalf("en-US status: %q", text)
	}
	id, value := button(t, reply, commands.ActionShare)
	h := newHook(t)
	e.post("/slack/interactions", interactionBody(blockActions(userEn, "t-share", h.URL, id, value)))
	shared := h.next(t)
	if text, _ := shared["text"].(string); shared["response_type"] != "in_channel" || !strings.Contains(text, "일자리 현황") {
		t.Errorf("shared status should be in the channel's language (ko): %v", shared)
	}

	// A button the en-US user presses for themself answers in English.
	w = e.post("/slack/commands", commandBodyAs(userEn, "add 35 youth", "t-add", ""))
	id, value = button(t, decode(t, w), commands.ActionUndo)
	e.post("/slack/interactions", interactionBody(blockActions(userEn, "t-undo", h.URL, id, value)))
	if b, _ := json.Marshal(h.next(t)); !strings.Contains(string(b), "Voided entry #2") {
		t.Errorf("Undo answer to the en-US user is not English: %s", b)
	}
}

// The locale cache forgets entries after their TTL and never holds more than
// its bound, dropping expired entries first.
func TestLocaleCacheTTLAndBound(t *testing.T) {
	now := time.Date(2026, 4, 30, 9, 0, 0, 0, time.UTC)
	c := newLocaleCache(2, func() time.Time { return now })
	c.put("U1", "ko-KR", time.Hour)
	c.put("U2", "", time.Minute) // a failed lookup
	if got, ok := c.get("U1"); !ok || got != "ko-KR" {
		t.Errorf("U1 = %q, %v", got, ok)
	}
	now = now.Add(2 * time.Minute)
	if _, ok := c.get("U2"); ok {
		t.Error("U2's failure is remembered past its TTL")
	}
	c.put("U3", "en-US", time.Hour) // full: the expired U2 makes room
	if _, ok := c.get("U1"); !ok {
		t.Error("a fresh entry was dropped while an expired one could go")
	}
	c.put("U4", "en-US", time.Hour)
	if n := c.items.Len(); n > 2 {
		t.Errorf("cache holds %d entries; bound is 2", n)
	}
	if got, ok := c.get("U4"); !ok || got != "en-US" {
		t.Errorf("the newest entry U4 = %q, %v", got, ok)
	}
	now = now.Add(time.Hour)
	if _, ok := c.get("U4"); ok {
		t.Error("U4 is still cached after its hour")
	}
}

// Socket Mode goes through the same place: a ko-KR user's command is
// acknowledged with a Korean reply, an en-US user's with English.
func TestSocketModeSpeaksTheUsersLanguage(t *testing.T) {
	e := newEnv(t, nil, nil)
	e.slack.setLocale(testUser, "ko-KR")
	acks := newAckRecorder()
	h := socketDispatch(e, acks)
	h.DispatchEvent(slashEvent("env-ko", "t-ko", "help", ""))
	if m, _ := acks.next(t).payload.(*slack.WebhookMessage); m == nil || !strings.Contains(m.Text, "일자리 실적 장부 사용법") {
		t.Errorf("ko-KR user over Socket Mode got %+v", m)
	}
	e.slack.setLocale(testUser, "en-US")
	e.bot.locales = newLocaleCache(localeCacheMax, time.Now) // forget the cached ko-KR
	h.DispatchEvent(slashEvent("env-en", "t-en", "help", ""))
	if m, _ := acks.next(t).payload.(*slack.WebhookMessage); m == nil || !strings.Contains(m.Text, "job-creation ledger") {
		t.Errorf("en-US user over Socket Mode got %+v", m)
	}
}
