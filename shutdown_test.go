package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/db/dbtest"
)

// slowChartSlack is a Slack Web API whose chart upload takes longer than the
// shutdown grace: it lets chat.postMessage through at once, telling the test
// (which then stops the bot, as SIGTERM would), and answers the first upload
// step only after uploadDelay.
type slowChartSlack struct {
	srv         *httptest.Server
	posted      chan struct{}
	mu          sync.Mutex
	completed   bool // files.completeUploadExternal answered
	uploadDelay time.Duration
	postDelay   time.Duration // before chat.postMessage answers (after telling the test)
	stop        chan struct{} // closed when the test ends: a slow answer gives up
}

func newSlowChartSlack(t *testing.T, uploadDelay time.Duration) *slowChartSlack {
	f := &slowChartSlack{posted: make(chan struct{}, 1), uploadDelay: uploadDelay, stop: make(chan struct{})}
	answer := func(w http.ResponseWriter, v map[string]any) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(v)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		select {
		case f.posted <- struct{}{}:
		default: // a retry the test does not wait for
		}
		select {
		case <-time.After(f.postDelay):
		case <-r.Context().Done(): // the bot gave up on the request
			return
		case <-f.stop:
			return
		}
		answer(w, map[string]any{"ok": true, "channel": r.FormValue("channel"), "ts": "1764000000.000100"})
	})
	mux.HandleFunc("POST /api/files.getUploadURLExternal", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(f.uploadDelay) // a slow Slack, deliberately past the grace
		answer(w, map[string]any{"ok": true, "upload_url": f.srv.URL + "/upload/F1", "file_id": "F1"})
	})
	mux.HandleFunc("POST /upload/F1", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		_, _ = io.WriteString(w, "OK")
	})
	mux.HandleFunc("POST /api/files.completeUploadExternal", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.completed = true
		f.mu.Unlock()
		answer(w, map[string]any{"ok": true, "files": []map[string]any{{"id": "F1"}}})
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	t.Cleanup(func() { close(f.stop) }) // runs first: Close waits for handlers
	return f
}

// TestSigtermDuringDigestPost stops the bot while a manager's `/jobs digest
// post` is in flight, its message out and its chart upload slower than the
// shutdown grace. Before the database closes, the run is recorded as
// posted, the chart is uploaded and the manager has the reply; the whole stop
// fits the budget the README states.
func TestSigtermDuringDigestPost(t *testing.T) {
	const grace = time.Second
	databaseURL := dbtest.MigratedURL(t)
	fake := newSlowChartSlack(t, grace+2*time.Second) // past the grace and past the 2.5 s inline answer
	delivered := make(chan string, 4)
	catcher := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		delivered <- string(b)
	}))
	defer catcher.Close()
	addr := freeAddr(t)
	t.Chdir(t.TempDir()) // no stray .env
	for k, v := range map[string]string{
		"DATABASE_URL": databaseURL, "ADDR": addr, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "",
		"SLACK_SIGNING_SECRET": testSigningSecret, "SLACK_API_URL": fake.srv.URL + "/api/", "SLACK_TEAM_ID": "",
		"DIGEST_CHANNEL": "CDIGEST", "DIGEST_SCHEDULE": "0 9 29 2 *", // no firing, no catch-up during the test
		"MANAGER_IDS": "UBOSS", "SHUTDOWN_GRACE": grace.String(), "LOG_LEVEL": "info", "BOT_TIMEZONE": "", "BOT_LANGUAGE": "",
	} {
		t.Setenv(k, v)
	}
	ctx, sigterm := context.WithCancel(context.Background())
	defer sigterm()
	var stderr lockedWriter
	stderr.b = &strings.Builder{}
	exited := make(chan int, 1)
	go func() { exited <- run(ctx, []string{"serve"}, strings.NewReader(""), io.Discard, &stderr) }()
	srv := &server{base: "http://" + addr, responseURL: catcher.URL + "/respond", stderr: stderr.b}
	srv.waitReadyLocked(t, &stderr)

	answered := make(chan string, 1)
	go func() {
		_, body, err := srv.signedCommand(context.Background(), "digest post", "UBOSS", "trig-digest")
		if err != nil {
			body = "error: " + err.Error()
		}
		answered <- body
	}()
	select {
	case <-fake.posted:
	case <-time.After(30 * time.Second):
		t.Fatalf("the digest was never posted; log:\n%s", stderr.String())
	}
	stopAt := time.Now()
	sigterm()
	var code int
	select {
	case code = <-exited:
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop within 30 s")
	}
	took := time.Since(stopAt)
	log := stderr.String()

	// Everything below happened before run returned, so before the database closed.
	fake.mu.Lock()
	completed := fake.completed
	fake.mu.Unlock()
	if !completed {
		t.Errorf("the chart was not uploaded before shutdown ended")
	}
	reply := ""
	select {
	case reply = <-delivered:
	default:
		if body := <-answered; strings.Contains(body, "text") {
			reply = body
		}
	}
	if !strings.Contains(reply, "Posted the digest") {
		t.Errorf("the manager got no reply saying the digest was posted (reply %q)", reply)
	}
	if code != 0 {
		t.Errorf("serve exited %d", code)
	}
	if strings.Contains(log, "database is closed") || strings.Contains(log, "not recorded") {
		t.Errorf("an outcome was lost at shutdown; log:\n%s", log)
	}
	// The budget: grace, then up to 8 s to wrap up, then 2 s for Socket Mode.
	if budget := grace + 10*time.Second; took > budget {
		t.Errorf("shutdown took %v; the budget with SHUTDOWN_GRACE=%v is %v", took, grace, budget)
	}
	conn, err := sqlx.Connect("postgres", databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var status, ts string
	if err := conn.QueryRow(`SELECT status, message_ts FROM digest_runs WHERE channel = 'CDIGEST'`).Scan(&status, &ts); err != nil {
		t.Fatalf("digest run: %v", err)
	}
	if status != "posted" || ts != "1764000000.000100" {
		t.Errorf("digest run is %s (ts %q); want posted with the message's ts", status, ts)
	}
	t.Logf("stopped %v after SIGTERM", took)
}

// waitReadyLocked polls /readyz of an in-process server until it answers 200.
func (s *server) waitReadyLocked(t *testing.T, log *lockedWriter) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(s.base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("/readyz never answered 200; log:\n%s", log.String())
}

func (w *lockedWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// TestSigtermDuringScheduledDigestPost stops the bot while the scheduler's
// catch-up post of last week is in flight and Slack takes 25 s to answer.
// The scheduler used to wait up to 30 s for it, past every deploy file's
// grace period, so the platform killed the bot mid-post (issue 10, break 7).
// Now the post gets SHUTDOWN_GRACE, then records its outcome, and the whole
// stop fits the budget the README states.
func TestSigtermDuringScheduledDigestPost(t *testing.T) {
	const grace = time.Second
	databaseURL := dbtest.MigratedURL(t)
	fake := newSlowChartSlack(t, 0)
	fake.postDelay = 25 * time.Second
	addr := freeAddr(t)
	t.Chdir(t.TempDir())
	for k, v := range map[string]string{
		"DATABASE_URL": databaseURL, "ADDR": addr, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "",
		"SLACK_SIGNING_SECRET": testSigningSecret, "SLACK_API_URL": fake.srv.URL + "/api/", "SLACK_TEAM_ID": "",
		// Every Monday 09:00: last week's firing has always passed, so the
		// scheduler catches the week up as soon as it starts.
		"DIGEST_CHANNEL": "CDIGEST", "DIGEST_SCHEDULE": "0 9 * * MON", "MANAGER_IDS": "UBOSS",
		"SHUTDOWN_GRACE": grace.String(), "LOG_LEVEL": "info", "BOT_TIMEZONE": "", "BOT_LANGUAGE": "",
		"REMINDER_SCHEDULE": "off",
	} {
		t.Setenv(k, v)
	}
	// A bot that has served the channel for a month: its first start, which
	// posts nothing for a week before it ran, is long past.
	if code := run(context.Background(), []string{"migrate"}, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
		t.Fatalf("migrate: exit %d", code)
	}
	setup, err := sqlx.Connect("postgres", databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	_, err = setup.Exec(`INSERT INTO digest_channels (channel, first_run_at) VALUES ('CDIGEST', now() - interval '30 days')`)
	setup.Close()
	if err != nil {
		t.Fatal(err)
	}
	ctx, sigterm := context.WithCancel(context.Background())
	defer sigterm()
	var stderr lockedWriter
	stderr.b = &strings.Builder{}
	exited := make(chan int, 1)
	go func() { exited <- run(ctx, []string{"serve"}, strings.NewReader(""), io.Discard, &stderr) }()
	select {
	case <-fake.posted:
	case <-time.After(30 * time.Second):
		t.Fatalf("the scheduler never posted; log:\n%s", stderr.String())
	}
	stopAt := time.Now()
	sigterm()
	select {
	case <-exited:
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not stop within 60 s")
	}
	took := time.Since(stopAt)
	if budget := grace + 10*time.Second; took > budget {
		t.Errorf("shutdown took %v with a post in flight; the budget with SHUTDOWN_GRACE=%v is %v", took, grace, budget)
	}
	if log := stderr.String(); strings.Contains(log, "database is closed") {
		t.Errorf("the post's outcome was lost at shutdown; log:\n%s", log)
	}
	conn, err := sqlx.Connect("postgres", databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var claimed int
	if err := conn.Get(&claimed, `SELECT count(*) FROM digest_runs WHERE status = 'claimed'`); err != nil {
		t.Fatal(err)
	}
	if claimed != 0 {
		t.Errorf("%d digest run(s) left claimed: the next start would wait 15 minutes to take them over", claimed)
	}
	t.Logf("stopped %v after SIGTERM", took)
}
