package bot

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

const (
	testSecret  = "test-signing-secret"
	testTeam    = "T0TEST"
	testUser    = "U0STAFF"
	testManager = "U0MANAGER"
	testChannel = "C0JOBS"
	// waitLong bounds every wait on a channel: generous, because a slow CI
	// machine must not fail a test that would pass, and a hang still ends.
	waitLong = 15 * time.Second
)

// apiCall is one request the fake Slack Web API received.
type apiCall struct {
	Method string
	Body   []byte
	Form   url.Values // for form-encoded calls
}

// fakeSlack is slack-go's slacktest server with handlers for the methods the
// bot calls, recording each call. A method can be told to answer 429 once.
type fakeSlack struct {
	*slacktest.Server
	mu        sync.Mutex
	calls     map[string]chan apiCall
	limitOnce map[string]bool
	attempts  map[string]int
	// locales answer users.info: a user not listed has en-US, and the
	// locale localeHang makes the call hang until the client gives up.
	locales   map[string]string
	infoCalls map[string]int
	// names are the display names users.info gives; a user not listed has none.
	names map[string]string
}

// localeHang is a fake locale: users.info for that user never answers.
const localeHang = "hang"

func newFakeSlack(t testing.TB) *fakeSlack {
	t.Helper()
	f := &fakeSlack{calls: map[string]chan apiCall{}, limitOnce: map[string]bool{}, attempts: map[string]int{},
		locales: map[string]string{}, infoCalls: map[string]int{}, names: map[string]string{}}
	answers := map[string]string{
		"views.open":         `{"ok":true,"view":{"id":"V0OPENED"}}`,
		"views.publish":      `{"ok":true,"view":{"id":"V0HOME"}}`,
		"chat.postEphemeral": `{"ok":true,"message_ts":"1700000000.000100"}`,
		"chat.postMessage":   `{"ok":true,"channel":"D0DM","ts":"1700000000.000200"}`,
		// Socket Mode cannot connect to the fake: the supervisor must keep trying.
		"apps.connections.open": `{"ok":false,"error":"invalid_auth"}`,
	}
	for method := range answers {
		f.calls[method] = make(chan apiCall, 100)
	}
	f.Server = slacktest.NewTestServer(func(c slacktest.Customize) {
		for method, answer := range answers {
			c.Handle("/"+method, f.handler(method, answer))
		}
		c.Handle("/users.info", f.usersInfo)
	})
	f.Start()
	t.Cleanup(f.Stop)
	return f
}

func (f *fakeSlack) handler(method, answer string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.attempts[method]++
		limited := f.limitOnce[method]
		f.limitOnce[method] = false
		f.mu.Unlock()
		if limited {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		call := apiCall{Method: method, Body: body}
		if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
			call.Form, _ = url.ParseQuery(string(body))
		}
		f.calls[method] <- call
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, answer)
	}
}

// usersInfo answers users.info with the user's locale, as Slack does when
// asked with include_locale=true (and only then).
func (f *fakeSlack) usersInfo(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	user := r.PostForm.Get("user")
	f.mu.Lock()
	f.infoCalls[user]++
	locale, ok := f.locales[user]
	name := f.names[user]
	f.mu.Unlock()
	if !ok {
		locale = "en-US"
	}
	if locale == localeHang {
		select {
		case <-r.Context().Done():
		case <-time.After(waitLong):
		}
		return
	}
	info := map[string]any{"id": user, "name": strings.ToLower(user)}
	if name != "" {
		info["profile"] = map[string]any{"display_name": name, "real_name": name + " (real)"}
	}
	if r.PostForm.Get("include_locale") == "true" {
		info["locale"] = locale
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "user": info})
}

// setLocale sets the locale users.info answers for user.
func (f *fakeSlack) setLocale(user, locale string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.locales[user] = locale
}

// infoCallsOf counts users.info calls about user.
func (f *fakeSlack) infoCallsOf(user string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.infoCalls[user]
}

// rateLimitOnce makes the next call of method answer 429 with Retry-After: 1.
func (f *fakeSlack) rateLimitOnce(method string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.limitOnce[method] = true
}

func (f *fakeSlack) attemptsOf(method string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.attempts[method]
}

// next waits for the next successful call of method.
func (f *fakeSlack) next(t *testing.T, method string) apiCall {
	t.Helper()
	select {
	case c := <-f.calls[method]:
		return c
	case <-time.After(waitLong):
		t.Fatalf("fake Slack: no %s call within %s", method, waitLong)
		return apiCall{}
	}
}

// none checks that method was not called (within a short grace).
func (f *fakeSlack) none(t *testing.T, method string) {
	t.Helper()
	select {
	case c := <-f.calls[method]:
		t.Fatalf("fake Slack: unexpected %s call: %s", method, c.Body)
	case <-time.After(200 * time.Millisecond):
	}
}

// hook catches POSTs to a response_url.
type hook struct {
	*httptest.Server
	got chan map[string]any
}

func newHook(t *testing.T) *hook {
	t.Helper()
	h := &hook{got: make(chan map[string]any, 20)}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m map[string]any
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
			t.Errorf("response_url: body is not JSON: %v", err)
		}
		h.got <- m
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hook) next(t *testing.T) map[string]any {
	t.Helper()
	select {
	case m := <-h.got:
		return m
	case <-time.After(waitLong):
		t.Fatalf("response_url: nothing posted within %s", waitLong)
		return nil
	}
}

// testEnv is a Bot on a real, fresh PostgreSQL database with a fake Slack.
type testEnv struct {
	bot   *Bot
	store *db.Store
	slack *fakeSlack
	h     http.Handler
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// testServiceConfig is the command service newEnv builds on store; a test
// that needs a file sender or fetcher builds its own from it, as serve
// hands them over when the Service is built.
func testServiceConfig(store commands.Store) commands.Config {
	return commands.Config{Store: store, Managers: []string{testManager}, Logger: quietLog()}
}

// newEnv builds a test bot; wrap, when not nil, wraps the store the command
// service sees (to slow it down), and mod adjusts the Config.
func newEnv(t testing.TB, wrap func(commands.Store) commands.Store, mod func(*Config)) *testEnv {
	t.Helper()
	store := dbtest.New(t)
	var svcStore commands.Store = store
	if wrap != nil {
		svcStore = wrap(store)
	}
	svc := commands.New(testServiceConfig(svcStore))
	fake := newFakeSlack(t)
	cfg := Config{
		Service:       svc,
		Ready:         store.Ping,
		BotToken:      "xoxb-test",
		SigningSecret: testSecret,
		APIURL:        fake.GetAPIURL(),
		Logger:        quietLog(),
	}
	if mod != nil {
		mod(&cfg)
	}
	b, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	// Registered after dbtest's cleanups, so it runs before them: background
	// work must end before its database is dropped.
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), waitLong)
		defer cancel()
		if err := b.work.Wait(ctx); err != nil {
			t.Errorf("background work still running at the end of the test")
		}
		b.stopWork()
	})
	return &testEnv{bot: b, store: store, slack: fake, h: b.Handler()}
}

// sign signs a request exactly as Slack does.
func sign(r *http.Request, secret, body string, at time.Time) {
	ts := strconv.FormatInt(at.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + ts + ":" + body))
	r.Header.Set(headerTimestamp, ts)
	r.Header.Set(headerSignature, "v0="+hex.EncodeToString(mac.Sum(nil)))
}

// post sends a form body signed now to path and returns the response.
func (e *testEnv) post(path, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	sign(r, testSecret, body, time.Now())
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, r)
	return w
}

// commandBody is a slash-command form body as Slack sends it.
func commandBody(text, triggerID, responseURL string) string {
	return url.Values{
		"token":        {"legacy-token"},
		"team_id":      {testTeam},
		"team_domain":  {"daejeon"},
		"channel_id":   {testChannel},
		"channel_name": {"jobs"},
		"user_id":      {testUser},
		"user_name":    {"kim"},
		"command":      {"/jobs"},
		"text":         {text},
		"api_app_id":   {"A0JOBS"},
		"response_url": {responseURL},
		"trigger_id":   {triggerID},
	}.Encode()
}

// commandBodyAs is commandBody sent by another user.
func commandBodyAs(user, text, triggerID, responseURL string) string {
	v, _ := url.ParseQuery(commandBody(text, triggerID, responseURL))
	v.Set("user_id", user)
	return v.Encode()
}

// interactionBody wraps an interaction payload as Slack posts it.
func interactionBody(payload string) string {
	return url.Values{"payload": {payload}}.Encode()
}

// entries lists every entry in the store, newest first.
func (e *testEnv) entries(t *testing.T) []commands.Entry {
	t.Helper()
	list, err := e.store.ListEntries(context.Background(), commands.EntryFilter{Limit: 1000})
	if err != nil {
		t.Fatalf("ListEntries: %v", err)
	}
	return list
}

// decode reads a JSON response body.
func decode(t *testing.T, w *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
		t.Fatalf("response is not JSON (%d): %q", w.Code, w.Body.String())
	}
	return m
}

// gateStore blocks AddEntry until the test opens the gate, so a slow
// database is simulated without sleeping and hoping.
type gateStore struct {
	commands.Store
	entered chan struct{}
	gate    chan struct{}
}

func (g *gateStore) AddEntry(ctx context.Context, e commands.NewEntry) (commands.AddResult, error) {
	g.entered <- struct{}{}
	select {
	case <-g.gate:
	case <-ctx.Done():
		return commands.AddResult{}, ctx.Err()
	}
	return g.Store.AddEntry(ctx, e)
}

// httptestGet returns the body of a GET through the bot's handler.
func httptestGet(e *testEnv, path string) string {
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	return w.Body.String()
}
