package bot

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// freeAddr returns a loopback address nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
}

// waitServing polls /healthz until the server answers.
func waitServing(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(waitLong)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s never answered /healthz", base)
}

// On shutdown Run stops taking requests but lets a command in flight finish
// and deliver its reply before it returns.
func TestRunFinishesCommandsInFlight(t *testing.T) {
	gate := &gateStore{entered: make(chan struct{}, 1), gate: make(chan struct{})}
	addr := freeAddr(t)
	e := newEnv(t, func(s commands.Store) commands.Store { gate.Store = s; return gate }, func(c *Config) { c.Addr = addr })
	e.bot.fastWait = 50 * time.Millisecond
	hk := newHook(t)
	base := "http://" + addr

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- e.bot.Run(ctx) }()
	waitServing(t, base)

	body := commandBody("add 180 youth", "trigger-run", hk.URL)
	req, _ := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	sign(req, testSecret, body, time.Now())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("command over the network: %d", resp.StatusCode)
	}
	<-gate.entered

	cancel()
	select {
	case err := <-done:
		t.Fatalf("Run returned (%v) with a command still in flight", err)
	case <-time.After(200 * time.Millisecond):
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("the server still takes requests while shutting down")
	}
	close(gate.gate)
	if text, _ := hk.next(t)["text"].(string); !strings.Contains(text, "#1") {
		t.Errorf("reply delivered during shutdown: %q; want #1", text)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v; want nil after a clean stop", err)
		}
	case <-time.After(waitLong):
		t.Fatal("Run did not return")
	}
}

func TestRunReportsListenError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	e := newEnv(t, nil, func(c *Config) { c.Addr = ln.Addr().String() })
	if err := e.bot.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "ADDR") {
		t.Errorf("Run on a busy port = %v; want an error naming ADDR", err)
	}
}
