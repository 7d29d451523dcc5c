package bot

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// Reconnection backoff of the Socket Mode supervisor. The client retries a
// failed dial by itself; these bound the loop around it for errors it gives
// up on (a revoked token, say), so the bot keeps trying instead of going deaf.
const (
	socketBackoffMin = time.Second
	socketBackoffMax = 2 * time.Minute
	// socketHealthyRun resets the backoff: a connection that lasted this long
	// was not a crash loop.
	socketHealthyRun = time.Minute
	// socketReadLimit bounds one Socket Mode frame as maxViewBodyBytes
	// bounds an HTTP interaction or event: the largest payload (the App
	// Home echoed back) is smaller as JSON than form-encoded. slack-go
	// reads frames without a limit otherwise; a frame over it closes the
	// connection, and the client reconnects.
	socketReadLimit = maxViewBodyBytes
)

// acker acknowledges Socket Mode envelopes. *socketmode.Client implements it;
// tests record the acknowledgements instead of sending them over a socket.
type acker interface {
	Ack(req socketmode.Request, payload ...any) error
}

// runSocket connects to Slack over Socket Mode and dispatches envelopes until
// ctx ends, reconnecting with exponential backoff whenever the client stops.
func (b *Bot) runSocket(ctx context.Context) {
	client := socketmode.New(b.client,
		// The client tells a `disconnect` request's reason only in its debug
		// output; socketLog keeps those lines and drops the rest.
		socketmode.OptionDebug(true),
		socketmode.OptionLog(socketLog{log: b.log}),
		socketmode.OptionReadLimit(socketReadLimit),
	)
	h := b.socketHandler(client, client)
	go func() {
		for {
			select {
			case evt := <-client.Events:
				h.DispatchEvent(evt)
			case <-ctx.Done():
				return
			}
		}
	}()
	backoff := socketBackoffMin
	for {
		started := time.Now()
		err := client.RunContext(ctx)
		if ctx.Err() != nil {
			return
		}
		if time.Since(started) > socketHealthyRun {
			backoff = socketBackoffMin
		}
		b.log.ErrorContext(ctx, "slack socket mode stopped; reconnecting", "err", err, "backoff", backoff)
		t := time.NewTimer(backoff)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		backoff = min(backoff*2, socketBackoffMax)
	}
}

// socketHandler routes Socket Mode events to the bot. Acknowledgements go
// through ack rather than the client passed to each handler, so tests can
// drive the real dispatch and see what was acknowledged.
func (b *Bot) socketHandler(client *socketmode.Client, ack acker) *socketmode.SocketmodeHandler {
	h := socketmode.NewSocketmodeHandler(client)
	h.Handle(socketmode.EventTypeSlashCommand, func(e *socketmode.Event, _ *socketmode.Client) { b.socketSlash(e, ack) })
	h.Handle(socketmode.EventTypeInteractive, func(e *socketmode.Event, _ *socketmode.Client) { b.socketInteractive(e, ack) })
	h.Handle(socketmode.EventTypeEventsAPI, func(e *socketmode.Event, _ *socketmode.Client) { b.socketEvent(e, ack) })
	h.HandleDefault(func(e *socketmode.Event, _ *socketmode.Client) { b.socketLifecycle(e) })
	return h
}

// envelope starts the handling of one envelope in tracked work and reports
// whether it did. During shutdown it takes nothing new and leaves the envelope
// unacknowledged, so Slack delivers it again to a running instance. A
// redelivered envelope is acknowledged again (the first ack may have been
// lost) but not run twice.
func (b *Bot) envelope(e *socketmode.Event, ack acker, handle func(req socketmode.Request)) {
	if e.Request == nil {
		return
	}
	req := *e.Request
	b.work.Go(func() {
		if !b.seen.first("envelope:" + req.EnvelopeID) {
			b.ack(ack, req, nil)
			return
		}
		handle(req)
	})
}

// ack acknowledges an envelope, with payload when it is not nil.
func (b *Bot) ack(a acker, req socketmode.Request, payload any) {
	var err error
	if payload == nil {
		err = a.Ack(req)
	} else {
		err = a.Ack(req, payload)
	}
	if err != nil {
		b.log.Error("slack socket mode: acknowledging failed", "envelope", req.EnvelopeID, "err", err)
	}
}

// socketSlash runs a slash command: acknowledged with the reply when it is
// quick, else acknowledged empty with the reply following via response_url.
func (b *Bot) socketSlash(e *socketmode.Event, a acker) {
	cmd, ok := e.Data.(slack.SlashCommand)
	if !ok {
		return
	}
	b.envelope(e, a, func(req socketmode.Request) {
		if !b.teamAllowed(cmd.TeamID) {
			b.ack(a, req, nil)
			b.log.Warn("slack: refused a command from another workspace", "team", cmd.TeamID)
			return
		}
		msg := b.slash(cmd)
		if msg == nil {
			b.ack(a, req, nil)
			return
		}
		// Slack drops Socket Mode responses of 20 KB or more; Ack refuses
		// them before sending, and the reply then goes to response_url.
		if err := a.Ack(req, msg); err != nil {
			b.ack(a, req, nil)
			b.background(func(ctx context.Context) {
				if err := b.respond(ctx, cmd.ResponseURL, msg); err != nil {
					b.log.ErrorContext(ctx, "delivering a reply to response_url failed", "err", err)
				}
			})
		}
	})
}

// socketInteractive handles button presses (acknowledged first, run after)
// and modal submissions (acknowledged with field errors, if any).
func (b *Bot) socketInteractive(e *socketmode.Event, a acker) {
	cb, ok := e.Data.(slack.InteractionCallback)
	if !ok {
		return
	}
	b.envelope(e, a, func(req socketmode.Request) {
		if !b.teamAllowed(cb.Team.ID) {
			b.ack(a, req, nil)
			b.log.Warn("slack: refused an interaction from another workspace", "team", cb.Team.ID)
			return
		}
		if cb.Type != slack.InteractionTypeViewSubmission {
			b.ack(a, req, nil)
			b.interaction(cb)
			return
		}
		if resp := b.interaction(cb); resp != nil {
			b.ack(a, req, resp)
			return
		}
		b.ack(a, req, nil)
	})
}

// socketEvent acknowledges an Events API event, then handles it with the
// envelope ID as its idempotency key.
func (b *Bot) socketEvent(e *socketmode.Event, a acker) {
	ev, ok := e.Data.(slackevents.EventsAPIEvent)
	if !ok {
		return
	}
	b.envelope(e, a, func(req socketmode.Request) {
		b.ack(a, req, nil)
		if !b.teamAllowed(ev.TeamID) {
			b.log.Warn("slack: refused an event from another workspace", "team", ev.TeamID)
			return
		}
		b.event(ev, req.EnvelopeID)
	})
}

// socketLifecycle logs the connection's life, so an operator can see why the
// bot was unreachable and that it came back.
func (b *Bot) socketLifecycle(e *socketmode.Event) {
	switch e.Type {
	case socketmode.EventTypeConnecting:
		if c, ok := e.Data.(*slack.ConnectingEvent); ok && c.Attempt > 1 {
			b.log.Info("slack socket mode connecting", "attempt", c.Attempt)
		}
	case socketmode.EventTypeConnected:
		b.log.Info("slack socket mode connected")
	case socketmode.EventTypeConnectionError:
		if c, ok := e.Data.(*slack.ConnectionErrorEvent); ok {
			b.log.Warn("slack socket mode connection failed", "attempt", c.Attempt, "backoff", c.Backoff, "err", c.ErrorObj)
		}
	case socketmode.EventTypeInvalidAuth:
		b.log.Error("slack socket mode refused the app token; check SLACK_APP_TOKEN (xapp-…, scope connections:write)")
	case socketmode.EventTypeDisconnect:
		// Today's client handles `disconnect` itself (see socketLog); this
		// covers versions that pass it on.
		reason := ""
		if e.Request != nil {
			reason = e.Request.Reason
		}
		b.log.Warn("slack socket mode disconnect", "reason", reason)
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
		b.log.Warn("slack socket mode error", "type", string(e.Type), "detail", socketErrorDetail(e.Data))
	}
}

// socketErrorDetail describes an error event without its message payload,
// which can hold user content.
func socketErrorDetail(data any) string {
	switch d := data.(type) {
	case *slack.IncomingEventError:
		return d.Error()
	case *socketmode.ErrorBadMessage:
		return d.Cause.Error()
	case *socketmode.ErrorWriteFailed:
		return d.Cause.Error()
	}
	return ""
}

// socketLog receives the Socket Mode client's debug output and logs only the
// lines that explain connection trouble: the reason Slack gave for a
// `disconnect`, and why the client reconnects. Everything else is dropped:
// payload dumps carry user content.
type socketLog struct {
	log *slog.Logger
}

func (l socketLog) Output(_ int, s string) error {
	s = strings.TrimSpace(s)
	if raw, ok := strings.CutPrefix(s, "Received WebSocket message: "); ok {
		if !strings.Contains(raw, `"disconnect"`) {
			return nil
		}
		var req socketmode.Request
		if json.Unmarshal([]byte(raw), &req) == nil && req.Type == socketmode.RequestTypeDisconnect {
			l.log.Warn("slack socket mode disconnect", "reason", req.Reason, "host", req.DebugInfo.Host)
		}
		return nil
	}
	if cause, ok := strings.CutPrefix(s, "Reconnecting due to "); ok {
		l.log.Info("slack socket mode reconnecting", "cause", cause)
	}
	return nil
}
