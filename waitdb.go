package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"jobsbot/commands"
	"jobsbot/db"
)

// Retry pauses while PostgreSQL does not answer at start: short at first (a
// database starting beside the bot is up in seconds), then no more than
// every half minute, so a long outage costs the server little.
const (
	firstRetry = 500 * time.Millisecond
	maxRetry   = 30 * time.Second
)

// openWhenReachable opens and migrates the database, retrying with backoff
// while it cannot be reached, so a bot started before PostgreSQL (a reboot,
// a database restart) waits instead of crash-looping. Meanwhile it answers on
// addr: /healthz 200 (alive), /readyz 503 (not ready) and /metrics, so the
// orchestrator neither kills the pod nor routes to it. Other errors (a wrong
// password, a schema newer than this binary) end it at once.
func openWhenReachable(ctx context.Context, databaseURL string, create bool, addr string, logger *slog.Logger, reg prometheus.Gatherer) (*db.Store, error) {
	store, err := openStore(ctx, databaseURL, create)
	if err == nil || !errors.Is(err, commands.ErrUnavailable) {
		return store, err
	}
	stop, err := serveWhileWaiting(addr, logger, reg)
	if err != nil {
		return nil, err
	}
	defer stop()
	for attempt := 1; ; attempt++ {
		pause := min(firstRetry<<min(attempt-1, 8), maxRetry)
		pause = pause/2 + mrand.N(pause/2+1) // jitter: replicas do not knock in step
		logger.Warn("database not reachable; retrying", "attempt", attempt, "retry_in", pause.Round(time.Millisecond).String(), "err", err)
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("stopped while waiting for the database: %w", err)
		case <-time.After(pause):
		}
		store, err = openStore(ctx, databaseURL, create)
		if err == nil || !errors.Is(err, commands.ErrUnavailable) {
			if err == nil {
				logger.Info("database reachable", "attempts", attempt+1)
			}
			return store, err
		}
	}
}

// serveWhileWaiting answers the probes and /metrics on addr until stop is
// called; stop frees the port for the bot's own server.
func serveWhileWaiting(addr string, logger *slog.Logger, reg prometheus.Gatherer) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s (ADDR): %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, "not ready: waiting for the database")
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan struct{})
	go func() { defer close(done); _ = srv.Serve(ln) }()
	logger.Info("waiting for the database; answering /healthz and /readyz meanwhile", "addr", ln.Addr().String())
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		<-done
	}, nil
}
