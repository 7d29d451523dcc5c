package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"jobsbot/commands"
)

// ackRecorder records acknowledgements instead of writing them to a socket.
// With refusePayload it fails acks that carry a payload, as the client does
// for responses over Slack's 20 KB limit.
type ackRecorder struct {
	got           chan ackCall
	refusePayload bool
}

type ackCall struct {
	envelope string
	payload  any // nil for a bare acknowledgement
}

func newAckRecorder() *ackRecorder { return &ackRecorder{got: make(chan ackCall, 20)} }

func (a *ackRecorder) Ack(req socketmode.Request, payload ...any) error {
	if len(payload) > 0 && a.refusePayload {
		return errors.New("socket mode response too large")
	}
	c := ackCall{envelope: req.EnvelopeID}
	if len(payload) > 0 {
		c.payload = payload[0]
	}
	a.got <- c
	return nil
}

func (a *ackRecorder) next(t *testing.T) ackCall {
	t.Helper()
	select {
	case c := <-a.got:
		return c
	case <-time.After(waitLong):
		t.Fatalf("no acknowledgement within %s", waitLong)
		return ackCall{}
	}
}

// socketDispatch returns the bot's real Socket Mode handler on a client
// pointed at the fake Web API, acknowledging into a recorder.
func socketDispatch(e *testEnv, acks acker) *socketmode.SocketmodeHandler {
	api := slack.New("xoxb-test", slack.OptionAPIURL(e.slack.GetAPIURL()), slack.OptionAppLevelToken("xapp-test"))
	client := socketmode.New(api)
	return e.bot.socketHandler(client, acks)
}

func slashEvent(envelope, trigger, text, responseURL string) socketmode.Event {
	return socketmode.Event{
		Type: socketmode.EventTypeSlashCommand,
		Data: slack.SlashCommand{TeamID: testTeam, ChannelID: testChannel, UserID: testUser, Command: "/jobs",
			Text: text, TriggerID: trigger, ResponseURL: responseURL},
		Request: &socketmode.Request{Type: socketmode.RequestTypeSlashCommands, EnvelopeID: envelope},
	}
}

func TestSocketSlashCommand(t *testing.T) {
	e := newEnv(t, nil, nil)
	acks := newAckRecorder()
	h := socketDispatch(e, acks)

	evt := slashEvent("env-1", "trigger-sock", "add 35 youth", "")
	h.DispatchEvent(evt)
	first := acks.next(t)
	msg, ok := first.payload.(*slack.WebhookMessage)
	if first.envelope != "env-1" || !ok || !strings.Contains(msg.Text, "#1") {
		t.Fatalf("ack %+v; want env-1 acknowledged with the reply naming #1", first)
	}

	// The same envelope again (Slack did not see the ack): acknowledged, not run.
	h.DispatchEvent(evt)
	if again := acks.next(t); again.envelope != "env-1" || again.payload != nil {
		t.Errorf("redelivered envelope ack %+v; want a bare ack", again)
	}
	// The same command in a new envelope: its trigger_id still records it once.
	h.DispatchEvent(slashEvent("env-2", "trigger-sock", "add 35 youth", ""))
	if m, _ := acks.next(t).payload.(*slack.WebhookMessage); m == nil || !strings.Contains(m.Text, "already recorded") {
		t.Errorf("redelivered command answered %+v; want 'already recorded'", m)
	}
	if n := len(e.entries(t)); n != 1 {
		t.Errorf("%d entries; want 1", n)
	}
	if got := counterValue(t, e, `jobsbot_commands_total{command="add",outcome="ok"}`); got != "1" {
		t.Errorf("add ran %s times successfully; want 1", got)
	}
}

func TestSocketSlowCommand(t *testing.T) {
	gate := &gateStore{entered: make(chan struct{}, 1), gate: make(chan struct{})}
	e := newEnv(t, func(s commands.Store) commands.Store { gate.Store = s; return gate }, nil)
	e.bot.fastWait = 50 * time.Millisecond
	acks := newAckRecorder()
	h := socketDispatch(e, acks)
	hk := newHook(t)

	h.DispatchEvent(slashEvent("env-slow", "trigger-slow", "add 180 youth", hk.URL))
	<-gate.entered
	if a := acks.next(t); a.envelope != "env-slow" || a.payload != nil {
		t.Fatalf("slow command ack %+v; want a bare ack before the work is done", a)
	}
	close(gate.gate)
	if text, _ := hk.next(t)["text"].(string); !strings.Contains(text, "#1") {
		t.Errorf("response_url reply %q; want #1", text)
	}
}

// A reply too large for a Socket Mode response goes to response_url.
func TestSocketReplyTooLargeForAck(t *testing.T) {
	e := newEnv(t, nil, nil)
	acks := newAckRecorder()
	acks.refusePayload = true
	h := socketDispatch(e, acks)
	hk := newHook(t)
	h.DispatchEvent(slashEvent("env-big", "trigger-big", "help", hk.URL))
	if a := acks.next(t); a.payload != nil {
		t.Errorf("ack %+v; want a bare ack", a)
	}
	if text, _ := hk.next(t)["text"].(string); !strings.Contains(text, "jobsbot") {
		t.Errorf("response_url got %q; want the help text", text)
	}
}

func TestSocketInteractions(t *testing.T) {
	e := newEnv(t, nil, nil)
	acks := newAckRecorder()
	h := socketDispatch(e, acks)
	hk := newHook(t)

	h.DispatchEvent(slashEvent("env-add", "trigger-add", "add 180 youth", ""))
	added := acks.next(t).payload.(*slack.WebhookMessage)
	var undo *slack.ButtonBlockElement
	for _, b := range added.Blocks.BlockSet {
		if ab, ok := b.(*slack.ActionBlock); ok {
			undo = ab.Elements.ElementSet[0].(*slack.ButtonBlockElement)
		}
	}
	if undo == nil {
		t.Fatal("no Undo button on the confirmation")
	}

	var press slack.InteractionCallback
	if err := json.Unmarshal([]byte(blockActions(testUser, "trigger-undo", hk.URL, undo.ActionID, undo.Value)), &press); err != nil {
		t.Fatal(err)
	}
	h.DispatchEvent(socketmode.Event{Type: socketmode.EventTypeInteractive, Data: press,
		Request: &socketmode.Request{Type: socketmode.RequestTypeInteractive, EnvelopeID: "env-undo"}})
	if a := acks.next(t); a.envelope != "env-undo" || a.payload != nil {
		t.Errorf("button ack %+v; want a bare ack", a)
	}
	hk.next(t)
	if entry, err := e.store.Entry(context.Background(), 1); err != nil || !entry.Voided() {
		t.Errorf("entry after Undo over Socket Mode: %+v, %v; want voided", entry, err)
	}

	var submit slack.InteractionCallback
	if err := json.Unmarshal([]byte(viewSubmission("V0SOCK", "youth", "lots", "", "realised")), &submit); err != nil {
		t.Fatal(err)
	}
	h.DispatchEvent(socketmode.Event{Type: socketmode.EventTypeInteractive, Data: submit,
		Request: &socketmode.Request{Type: socketmode.RequestTypeInteractive, EnvelopeID: "env-form"}})
	resp, ok := acks.next(t).payload.(*slack.ViewSubmissionResponse)
	if !ok || resp.ResponseAction != slack.RAErrors || resp.Errors[commands.FieldCount] == "" {
		t.Errorf("bad form ack %+v; want field errors on %q", resp, commands.FieldCount)
	}
}

func TestSocketAppHome(t *testing.T) {
	e := newEnv(t, nil, nil)
	acks := newAckRecorder()
	h := socketDispatch(e, acks)
	evt := socketmode.Event{
		Type: socketmode.EventTypeEventsAPI,
		Data: slackevents.EventsAPIEvent{
			Type: slackevents.CallbackEvent, TeamID: testTeam,
			Data: &slackevents.EventsAPICallbackEvent{Type: slackevents.CallbackEvent, EventID: "Ev0SOCK"},
			InnerEvent: slackevents.EventsAPIInnerEvent{Type: string(slackevents.AppHomeOpened),
				Data: &slackevents.AppHomeOpenedEvent{Type: string(slackevents.AppHomeOpened), User: testUser, Tab: "home"}},
		},
		Request: &socketmode.Request{Type: socketmode.RequestTypeEventsAPI, EnvelopeID: "env-home"},
	}
	h.DispatchEvent(evt)
	if a := acks.next(t); a.envelope != "env-home" || a.payload != nil {
		t.Errorf("event ack %+v", a)
	}
	if call := e.slack.next(t, "views.publish"); !strings.Contains(string(call.Body), testUser) {
		t.Errorf("views.publish %s; want the user's home", call.Body)
	}
}

// syncBuffer is a log destination safe for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestSocketLogKeepsDisconnectReasonsOnly(t *testing.T) {
	var buf syncBuffer
	l := socketLog{log: slog.New(slog.NewTextHandler(&buf, nil))}
	_ = l.Output(2, `Received WebSocket message: {"debug_info":{"host":"applink-7"},"reason":"refresh_requested","type":"disconnect"}`)
	_ = l.Output(2, `Received WebSocket message: {"envelope_id":"e1","payload":{"text":"private note"},"type":"slash_commands"}`)
	_ = l.Output(2, "Reconnecting due to ping timeout")
	_ = l.Output(2, "Starting to receive message")
	out := buf.String()
	for _, want := range []string{"reason=refresh_requested", "host=applink-7", "cause=\"ping timeout\""} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "private note") || strings.Contains(out, "Starting") {
		t.Errorf("log carries payloads or noise:\n%s", out)
	}
}

// The supervisor keeps reconnecting when the client gives up, so the bot
// never goes silently deaf, and stops when told to.
func TestSocketSupervisorReconnects(t *testing.T) {
	var buf syncBuffer
	e := newEnv(t, nil, func(c *Config) {
		c.AppToken = "xapp-test"
		c.Logger = slog.New(slog.NewTextHandler(&buf, nil))
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		e.bot.runSocket(ctx)
		close(done)
	}()
	e.slack.next(t, "apps.connections.open")
	e.slack.next(t, "apps.connections.open") // after the supervisor's backoff
	cancel()
	select {
	case <-done:
	case <-time.After(waitLong):
		t.Fatal("runSocket did not stop")
	}
	if out := buf.String(); !strings.Contains(out, "reconnecting") || !strings.Contains(out, "invalid_auth") {
		t.Errorf("the supervisor did not log why it reconnects:\n%s", out)
	}
}
