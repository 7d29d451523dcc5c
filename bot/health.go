package bot

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"sync"
)

// serveHealthz answers whether the process is alive; it checks nothing else,
// so an orchestrator restarts the bot only when it is truly stuck.
func serveHealthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = io.WriteString(w, "ok")
}

// readiness answers /readyz: 200 while the check passes, 503 while it fails.
// It runs the check on every probe, so the bot turns ready again by itself
// when the database comes back, without a restart.
type readiness struct {
	check func(ctx context.Context) error
	log   *slog.Logger

	mu    sync.Mutex
	state string // the last answer, to log changes rather than every probe
}

func (h *readiness) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var err error
	if h.check != nil {
		ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
		err = h.check(ctx)
		cancel()
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	state := "ready"
	if err != nil {
		state = "not ready"
	}
	h.mu.Lock()
	changed := state != h.state
	h.state = state
	h.mu.Unlock()
	if err != nil {
		if changed {
			h.log.WarnContext(r.Context(), "not ready", "err", err)
		}
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, "not ready")
		return
	}
	if changed {
		h.log.InfoContext(r.Context(), "ready")
	}
	_, _ = io.WriteString(w, "ok")
}
