package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"

	"jobsbot/db/dbtest"
)

const testSigningSecret = "test-signing-secret"

// cutProxy forwards TCP to PostgreSQL and can cut every connection and refuse
// new ones, the way a database outage looks to the bot, then come back on the
// same address.
type cutProxy struct {
	t      *testing.T
	addr   string
	target string
	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]bool
}

func startProxy(t *testing.T, target string) *cutProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{t: t, addr: ln.Addr().String(), target: target, conns: map[net.Conn]bool{}}
	p.serve(ln)
	t.Cleanup(p.cut)
	return p
}

func (p *cutProxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns[c], p.conns[up] = true, true
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
}

// cut closes the listener and every open connection.
func (p *cutProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		c.Close()
	}
	p.conns = map[net.Conn]bool{}
}

// restore listens again on the same address.
func (p *cutProxy) restore() {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatalf("proxy: listen again on %s: %v", p.addr, err)
	}
	p.serve(ln)
}

// viaProxy rewrites a database URL to go through the proxy.
func viaProxy(databaseURL, proxyAddr string) string {
	u, _ := url.Parse(databaseURL)
	u.Host = proxyAddr
	return u.String()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// server is a running `jobsbot serve` in HTTP mode.
type server struct {
	cmd         *exec.Cmd
	base        string
	responseURL string
	delivered   chan string // bodies posted to response_url
	exited      chan error
	stderr      *strings.Builder
}

// startServe runs the real binary against databaseURL with a fake Slack Web
// API and a response_url catcher, and waits until it is ready.
func startServe(t *testing.T, bin, databaseURL string) *server {
	t.Helper()
	s := launchServe(t, bin, databaseURL)
	s.waitReady(t, http.StatusOK, 30*time.Second)
	return s
}

// launchServe starts `jobsbot serve` as startServe does, without waiting.
func launchServe(t *testing.T, bin, databaseURL string) *server {
	t.Helper()
	delivered := make(chan string, 100)
	catcher := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		delivered <- string(body)
	}))
	t.Cleanup(catcher.Close)
	fakeSlack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"ok":true}`)
	}))
	t.Cleanup(fakeSlack.Close)
	addr := freeAddr(t)
	s := &server{base: "http://" + addr, responseURL: catcher.URL + "/respond", delivered: delivered,
		exited: make(chan error, 1), stderr: &strings.Builder{}}
	s.cmd = exec.Command(bin, "serve")
	s.cmd.Dir = t.TempDir()
	s.cmd.Env = append(consoleEnv(databaseURL), "ADDR="+addr, "SLACK_BOT_TOKEN=xoxb-test",
		"SLACK_SIGNING_SECRET="+testSigningSecret, "SLACK_API_URL="+fakeSlack.URL+"/", "LOG_LEVEL=info",
		"WRITE_RATE_LIMIT=off") // the load test's 8 users write far faster than any person
	s.cmd.Stderr = &lockedWriter{b: s.stderr}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.exited <- s.cmd.Wait() }()
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Kill()
			<-s.exited
		}
	})
	return s
}

type lockedWriter struct {
	mu sync.Mutex
	b  *strings.Builder
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// waitReady polls /readyz until it answers want, failing after limit.
func (s *server) waitReady(t *testing.T, want int, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	last := 0
	for time.Now().Before(deadline) {
		resp, err := http.Get(s.base + "/readyz")
		if err == nil {
			last = resp.StatusCode
			resp.Body.Close()
			if last == want {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("/readyz did not answer %d within %v (last %d); server log:\n%s", want, limit, last, s.stderr.String())
}

// signedCommand sends a slash command signed exactly as Slack signs it.
func (s *server) signedCommand(ctx context.Context, text, user, trigger string) (int, string, error) {
	form := url.Values{"token": {"x"}, "team_id": {"T1"}, "user_id": {user}, "command": {"/jobs"},
		"text": {text}, "response_url": {s.responseURL}, "trigger_id": {trigger}, "channel_id": {"C1"}}
	body := form.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/slack/commands", strings.NewReader(body))
	if err != nil {
		return 0, "", err
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(testSigningSecret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

// replyTo returns the reply to a command: the HTTP body, or what arrived at
// response_url when the bot answered later.
func (s *server) replyTo(t *testing.T, status int, body string) string {
	t.Helper()
	if status != http.StatusOK {
		t.Fatalf("slash command answered %d: %s", status, body)
	}
	if strings.TrimSpace(body) != "" && strings.Contains(body, "text") {
		return body
	}
	select {
	case d := <-s.delivered:
		return d
	case <-time.After(10 * time.Second):
		t.Fatal("no reply in the response nor at response_url")
	}
	return ""
}

func TestServeSurvivesDatabaseOutage(t *testing.T) {
	bin := buildBinary(t)
	direct := dbtest.MigratedURL(t)
	u, _ := url.Parse(direct)
	proxy := startProxy(t, u.Host)
	srv := startServe(t, bin, viaProxy(direct, proxy.addr))
	ctx := context.Background()

	status, body, err := srv.signedCommand(ctx, "add 180 youth", "U1", "trig-1")
	if err != nil {
		t.Fatal(err)
	}
	if reply := srv.replyTo(t, status, body); !strings.Contains(reply, "#1") {
		t.Fatalf("first add: %s", reply)
	}

	proxy.cut()
	srv.waitReady(t, http.StatusServiceUnavailable, 5*time.Second)
	start := time.Now()
	status, body, err = srv.signedCommand(ctx, "add 35 youth", "U1", "trig-2")
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("during the outage the command took %v; Slack gives up after 3 s", took)
	}
	if reply := srv.replyTo(t, status, body); !strings.Contains(reply, "nothing was saved") {
		t.Fatalf("during the outage the reply was %s", reply)
	}

	proxy.restore()
	srv.waitReady(t, http.StatusOK, 10*time.Second)
	status, body, err = srv.signedCommand(ctx, "add 35 youth", "U1", "trig-3")
	if err != nil {
		t.Fatal(err)
	}
	if reply := srv.replyTo(t, status, body); !strings.Contains(reply, "#") || strings.Contains(reply, "nothing was saved") {
		t.Fatalf("after the outage the reply was %s", reply)
	}
	srv.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-srv.exited:
		if err != nil {
			t.Fatalf("serve exited with %v after SIGTERM; log:\n%s", err, srv.stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10 s of SIGTERM")
	}
}

var entryNumber = regexp.MustCompile(`entry #(\d+)`)

// TestSigtermUnderLoadKeepsEveryAcknowledgedEntry sends adds from several
// clients, stops the bot with SIGTERM in the middle, and checks that every add
// the bot acknowledged is in the database.
func TestSigtermUnderLoadKeepsEveryAcknowledgedEntry(t *testing.T) {
	bin := buildBinary(t)
	databaseURL := dbtest.MigratedURL(t)
	srv := startServe(t, bin, databaseURL)

	var mu sync.Mutex
	acknowledged := map[string]bool{} // entry numbers (#N) the bot's replies gave
	enough := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for client := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ctx.Err() == nil && i < 2000; i++ {
				trigger := fmt.Sprintf("load-%d-%d", client, i)
				status, body, err := srv.signedCommand(ctx, fmt.Sprintf("add %d youth confirm:yes", i+1), fmt.Sprintf("U%d", client), trigger) // a new count each time: the same entry twice waits for confirmation; confirm:yes answers the year-so-far question a rising count asks
				if err != nil {
					return // the server has gone away: stop this client
				}
				if m := entryNumber.FindStringSubmatch(body); status == http.StatusOK && m != nil {
					mu.Lock()
					acknowledged[m[1]] = true
					if len(acknowledged) >= 200 {
						once.Do(func() { close(enough) })
					}
					mu.Unlock()
				}
			}
		}()
	}
	select {
	case <-enough:
	case <-ctx.Done():
		t.Fatalf("fewer than 200 adds acknowledged; log:\n%s", srv.stderr.String())
	}
	stopAt := time.Now()
	srv.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-srv.exited:
		if err != nil {
			t.Fatalf("serve exited with %v after SIGTERM", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10 s of SIGTERM")
	}
	stopped := time.Since(stopAt)
	wg.Wait()

	conn, err := sqlx.Connect("postgres", databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var stored []string
	// By the number each reply gave, not the request's trigger_id: a line
	// with confirm:yes and no question pending is keyed by the entry it
	// records, once a day (links5), not by the request.
	if err := conn.Select(&stored, `SELECT id::text FROM entries`); err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, k := range stored {
		have[k] = true
	}
	missing := 0
	for trigger := range acknowledged {
		if !have[trigger] {
			missing++
		}
	}
	if missing > 0 {
		t.Fatalf("%d of %d acknowledged entries are missing from the database", missing, len(acknowledged))
	}
	t.Logf("%d acknowledged, %d stored, stopped %v after SIGTERM", len(acknowledged), len(stored), stopped)
}
