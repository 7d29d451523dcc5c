package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil/promlint"

	"jobsbot/db/dbtest"
)

// TestServeStartsBeforeTheDatabase: `serve` started while nothing answers on
// the database's address stays up, answers /healthz 200 and /readyz 503,
// and once PostgreSQL appears there it migrates and serves commands.
func TestServeStartsBeforeTheDatabase(t *testing.T) {
	bin := buildBinary(t)
	direct := dbtest.URL(t)
	u, _ := url.Parse(direct)
	proxy := &cutProxy{t: t, addr: freeAddr(t), target: u.Host, conns: map[net.Conn]bool{}}
	t.Cleanup(proxy.cut)
	srv := launchServe(t, bin, viaProxy(direct, proxy.addr))

	waitFor(t, srv, "/healthz", http.StatusOK, "ok")
	waitFor(t, srv, "/readyz", http.StatusServiceUnavailable, "not ready")
	for _, want := range []string{"jobsbot_database_up 0", `jobsbot_build_info{commit="`} {
		waitFor(t, srv, "/metrics", http.StatusOK, want)
	}
	select {
	case err := <-srv.exited:
		t.Fatalf("serve exited while the database was down: %v\n%s", err, srv.stderr.String())
	default:
	}

	proxy.restore()
	srv.waitReady(t, http.StatusOK, 60*time.Second)
	waitFor(t, srv, "/metrics", http.StatusOK, "jobsbot_database_up 1")
	checkMetrics(t, srv)
	status, body, err := srv.signedCommand(context.Background(), "add 180 youth", "U1", "trig-1")
	if err != nil {
		t.Fatal(err)
	}
	if reply := srv.replyTo(t, status, body); !strings.Contains(reply, "#1") {
		t.Fatalf("first add after the database came: %s", reply)
	}
	if log := srv.stderr.String(); !strings.Contains(log, "database not reachable; retrying") {
		t.Errorf("the log does not show the retries:\n%s", log)
	}
	srv.cmd.Process.Signal(syscall.SIGTERM)
	if err := <-srv.exited; err != nil {
		t.Fatalf("serve exited with %v after SIGTERM", err)
	}
}

// waitFor polls path until it answers status with a body containing want.
func waitFor(t *testing.T, s *server, path string, status int, want string) {
	t.Helper()
	var last string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		resp, err := http.Get(s.base + path)
		if err != nil {
			last = err.Error()
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == status && strings.Contains(string(body), want) {
			return
		}
		last = resp.Status
	}
	t.Fatalf("GET %s never answered %d with %q (last %s); log:\n%s", path, status, want, last, s.stderr.String())
}

// checkMetrics reads the serving bot's /metrics: every counter an alert
// would watch is there at 0 before anything happened, and the whole page
// passes promlint (what `promtool check metrics` runs).
func checkMetrics(t *testing.T, s *server) {
	t.Helper()
	resp, err := http.Get(s.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`jobsbot_commands_total{command="add",outcome="failed"} 0`,
		`jobsbot_slack_api_errors_total{method="chat.postMessage"} 0`,
		`jobsbot_slack_api_errors_total{method="response_url"} 0`,
		"jobsbot_export_upload_failures_total 0",
		`jobsbot_build_info{commit="`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	problems, err := promlint.New(bytes.NewReader(page)).Lint()
	if err != nil {
		t.Fatalf("promlint: %v", err)
	}
	for _, p := range problems {
		t.Errorf("promlint: %s: %s", p.Metric, p.Text)
	}
}
