package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"jobsbot/bot/digest/chart"
	"jobsbot/commands"
	"jobsbot/db/dbtest"

	"github.com/jmoiron/sqlx"
)

// digestConfig is the configuration `jobsbot digest` would read, pointed at
// databaseURL and, when apiURL is set, at a fake Slack.
func digestConfig(t *testing.T, databaseURL, apiURL string) config {
	t.Helper()
	env := map[string]string{"DATABASE_URL": databaseURL, "BOT_TIMEZONE": "Asia/Seoul"}
	if apiURL != "" {
		env["SLACK_BOT_TOKEN"] = "xoxb-test"
		env["SLACK_API_URL"] = apiURL
		env["DIGEST_CHANNEL"] = "CDIGEST"
	}
	cfg, err := loadConfig(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

var quiet = slog.New(slog.DiscardHandler)

// loadArticle puts the demo (the article's April figures) into databaseURL
// as of 2026-05-06, so 2026-W18 (27 April – 3 May) holds them.
func loadArticle(t *testing.T, databaseURL string) {
	t.Helper()
	cfg := digestConfig(t, databaseURL, "")
	// The console's demo loader, through a prefilled database.
	store, err := openStore(context.Background(), databaseURL, true)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	sc := serviceConfig(cfg, store, quiet)
	sc.Now = func() time.Time { return time.Date(2026, 5, 6, 3, 0, 0, 0, time.UTC) }
	svc := commands.New(sc)
	if err := loadDemo(context.Background(), svc); err != nil {
		t.Fatal(err)
	}
}

func TestDigestCommandPrintsAndDrawsTheChart(t *testing.T) {
	url := dbtest.MigratedURL(t)
	loadArticle(t, url)
	file := filepath.Join(t.TempDir(), "out.png")
	var out bytes.Buffer
	err := runDigest(context.Background(), digestConfig(t, url, ""), quiet,
		[]string{"--week", "2026-W18", "--chart", file, "--today", "2026-05-06"}, &out)
	if err != nil {
		t.Fatalf("jobsbot digest: %v", err)
	}
	for _, want := range []string{"Weekly jobs digest · 2026-W18 (2026-04-27 – 2026-05-03)", "This week: about 11,980 jobs",
		"Year to date (2026-05-03): about 11,980 of the 20,500 target (58%)", "Public 8,980 · Private about 3,000", "Chart written to " + file} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s is not a PNG: %v", file, err)
	}
	if sz := img.Bounds().Size(); sz.X != chart.Width || sz.Y != chart.Height {
		t.Errorf("chart is %v; want %dx%d", sz, chart.Width, chart.Height)
	}
	for _, bad := range [][]string{{"--week", "W17"}, {"--week", "2026-W19", "--today", "2026-05-06"}, {"stray"}} {
		err := runDigest(context.Background(), digestConfig(t, url, ""), quiet, bad, io.Discard)
		if _, ok := err.(flagError); !ok {
			t.Errorf("jobsbot digest %v: %v; want a flag error", bad, err)
		}
	}
	err = runDigest(context.Background(), digestConfig(t, url, ""), quiet, []string{"--post"}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "SLACK_BOT_TOKEN") {
		t.Errorf("--post without a token: %v; want it to name SLACK_BOT_TOKEN", err)
	}
}

// TestDigestPostRunsConcurrently: three `jobsbot digest --post` at the same
// moment against one fake Slack post one message; a fourth after them, none.
func TestDigestPostRunsConcurrently(t *testing.T) {
	bin := buildBinary(t)
	url := dbtest.MigratedURL(t)
	loadArticle(t, url)
	slack := newCountingSlack(t)
	env := append(consoleEnv(url), "SLACK_BOT_TOKEN=xoxb-test", "SLACK_API_URL="+slack.srv.URL+"/api/", "DIGEST_CHANNEL=CDIGEST")
	post := func() *exec.Cmd {
		cmd := exec.Command(bin, "digest", "--post", "--week", "2026-W18", "--today", "2026-05-06")
		cmd.Dir, cmd.Env = t.TempDir(), env
		return cmd
	}
	// Three processes, started together, each with its own connections.
	var (
		wg   sync.WaitGroup
		outs [3][]byte
		errs [3]error
	)
	for i := range 3 {
		cmd := post()
		wg.Go(func() { outs[i], errs[i] = cmd.CombinedOutput() })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("run %d: %v\n%s", i, err, outs[i])
		}
	}
	if n := slack.count(); n != 1 {
		t.Fatalf("three concurrent runs made %d chat.postMessage calls; want 1", n)
	}
	fourth, err := post().CombinedOutput()
	if err != nil {
		t.Fatalf("fourth run: %v\n%s", err, fourth)
	}
	if n := slack.count(); n != 1 || !strings.Contains(string(fourth), "already posted") {
		t.Fatalf("after a fourth run: %d calls, output %q; want 1 call and 'already posted'", n, fourth)
	}
}

// countingSlack is a minimal fake Slack that counts chat.postMessage and
// accepts chart uploads.
type countingSlack struct {
	srv   *httptest.Server
	mu    sync.Mutex
	posts int
}

func newCountingSlack(t *testing.T) *countingSlack {
	t.Helper()
	f := &countingSlack{}
	reply := func(w http.ResponseWriter, v map[string]any) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(v)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.posts++
		n := f.posts
		f.mu.Unlock()
		reply(w, map[string]any{"ok": true, "channel": r.FormValue("channel"), "ts": fmt.Sprintf("1777000000.%06d", n)})
	})
	mux.HandleFunc("POST /api/conversations.history", func(w http.ResponseWriter, r *http.Request) {
		reply(w, map[string]any{"ok": true, "messages": []any{}})
	})
	mux.HandleFunc("POST /api/files.getUploadURLExternal", func(w http.ResponseWriter, r *http.Request) {
		reply(w, map[string]any{"ok": true, "upload_url": f.srv.URL + "/upload", "file_id": "F1"})
	})
	mux.HandleFunc("POST /upload", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "OK") })
	mux.HandleFunc("POST /api/files.completeUploadExternal", func(w http.ResponseWriter, r *http.Request) {
		reply(w, map[string]any{"ok": true, "files": []map[string]any{{"id": "F1"}}})
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *countingSlack) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.posts
}

// TestDigestPostRefusesAWeekNotYetOverByTheRealClock: --today replays, but a
// post is real and claims its week once for good. A week the real clock has
// not finished is refused before anything is claimed or sent, and the same
// replay without --post still previews it.
func TestDigestPostRefusesAWeekNotYetOverByTheRealClock(t *testing.T) {
	url := dbtest.MigratedURL(t)
	loadArticle(t, url)
	slack := newCountingSlack(t)
	cfg := digestConfig(t, url, slack.srv.URL+"/api/")
	for _, args := range [][]string{
		{"--post", "--week", "2099-W50", "--today", "2099-12-31"},
		{"--post", "--today", "2099-12-31"}, // the last complete week before the pretended day
	} {
		err := runDigest(context.Background(), cfg, quiet, args, io.Discard)
		if _, ok := err.(flagError); !ok || !strings.Contains(err.Error(), "has not ended yet by the real clock") {
			t.Errorf("jobsbot digest %v: %v; want a flag error saying the week has not ended by the real clock", args, err)
		}
	}
	if n := slack.count(); n != 0 {
		t.Errorf("%d chat.postMessage calls; want none", n)
	}
	conn, err := sqlx.Connect("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var claims int
	if err := conn.Get(&claims, `SELECT count(*) FROM digest_runs`); err != nil {
		t.Fatal(err)
	}
	if claims != 0 {
		t.Errorf("%d digest_runs rows; want none (the real week must stay unclaimed)", claims)
	}
	var out bytes.Buffer
	if err := runDigest(context.Background(), cfg, quiet, []string{"--week", "2099-W50", "--today", "2099-12-31"}, &out); err != nil {
		t.Errorf("the preview of a replayed week: %v", err)
	}
	if !strings.Contains(out.String(), "2099-W50") {
		t.Errorf("preview lacks the week:\n%s", out.String())
	}
}
