package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Run serves HTTP on Config.Addr, and Slack over Socket Mode when an app
// token is set, until ctx is done. It then shuts down within a fixed budget
// (README, Security): it takes no new work and gives commands in flight the
// shutdown grace (10 s) to finish and deliver their replies; then it cancels
// what still runs and waits up to wrapUpGrace (8 s) more, while that work
// records its outcome and sends its reply; it closes the Socket Mode
// connection last (2 s), so the acknowledgements still go out. When Run
// returns no work of the bot is left running, so the caller may close the
// database. It returns nil after a clean stop, or the error that kept it
// from serving.
// It stays one function so the shutdown sequence above, with its defers and
// budgets, reads in the order it happens.
func (b *Bot) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", b.addr)
	if err != nil {
		return fmt.Errorf("bot: listen on %s (ADDR): %w", b.addr, err)
	}
	srv := &http.Server{
		Handler:           b.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()

	mode := "http"
	socketCtx, stopSocket := context.WithCancel(context.Background())
	defer stopSocket()
	socketDone := make(chan struct{})
	if b.appToken != "" {
		mode = "socket"
		go func() {
			defer close(socketDone)
			b.runSocket(socketCtx)
		}()
	} else {
		close(socketDone)
	}
	b.log.Info("jobsbot serving Slack", "mode", mode, "addr", ln.Addr().String())

	var failed error
	select {
	case <-ctx.Done():
	case err := <-serveErr:
		failed = fmt.Errorf("bot: http server: %w", err)
	}

	b.log.Info("shutting down: finishing commands in flight")
	grace, cancel := context.WithTimeout(context.Background(), b.grace)
	defer cancel()
	// Shutdown closes the listener and waits for requests in flight; each
	// answers within Slack's 3 s, handing slow work to b.work.
	if err := srv.Shutdown(grace); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		b.log.Warn("http shutdown", "err", err)
	}
	b.work.Close()
	if err := b.work.Wait(grace); err != nil {
		b.log.Warn("shutdown grace ran out; cancelling commands still in flight")
	}
	b.stopWork()
	wrapUp, cancelWrapUp := context.WithTimeout(context.Background(), wrapUpGrace)
	defer cancelWrapUp()
	if err := b.work.Wait(wrapUp); err != nil {
		b.log.Error("cancelled commands did not wrap up in time; their outcome may be lost")
	}
	stopSocket()
	select {
	case <-socketDone:
	case <-time.After(socketCloseGrace):
		b.log.Warn("socket mode did not stop in time")
	}
	if failed == nil {
		b.log.Info("stopped")
	}
	return failed
}
