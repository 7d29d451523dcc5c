package bot

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestSocketFrameOverTheLimitIsNotRead: a Socket Mode frame is bounded as an
// HTTP interaction is (1 MiB). A fake Slack sends a slash command padded past
// the limit on the first connection: the bot closes that connection without
// handling it, reconnects, and answers the next, ordinary command.
func TestSocketFrameOverTheLimitIsNotRead(t *testing.T) {
	type seen struct {
		conn int
		msg  string // "" when the connection was closed
		code int    // the close code then
	}
	got := make(chan seen, 10)
	var (
		mu    sync.Mutex
		conns int
	)
	envelope := func(id, text string) []byte {
		b, _ := json.Marshal(map[string]any{
			"type": "slash_commands", "envelope_id": id, "accepts_response_payload": true,
			"payload": map[string]any{"team_id": testTeam, "channel_id": testChannel, "user_id": testUser,
				"command": "/jobs", "text": text, "trigger_id": "trig-" + id},
		})
		return b
	}
	upgrader := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/apps.connections.open" {
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "url": "ws://" + r.Host + "/ws"})
			return
		}
		if r.URL.Path != "/ws" {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"ok":true}`))
			return
		}
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		mu.Lock()
		conns++
		n := conns
		mu.Unlock()
		_ = conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"hello","num_connections":1}`))
		frame := envelope("e-small", "help")
		if n == 1 {
			frame = envelope("e-big", "help "+strings.Repeat("가", (socketReadLimit+1024)/3)) // 3 bytes each
		}
		_ = conn.WriteMessage(websocket.TextMessage, frame)
		for {
			_, msg, err := conn.ReadMessage()
			if err != nil {
				var ce *websocket.CloseError
				code := 0
				if errors.As(err, &ce) {
					code = ce.Code
				}
				got <- seen{conn: n, code: code}
				return
			}
			got <- seen{conn: n, msg: string(msg)}
		}
	}))
	defer srv.Close()

	e := newEnv(t, nil, func(c *Config) {
		c.AppToken = "xapp-test"
		c.APIURL = srv.URL + "/"
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		e.bot.runSocket(ctx)
		close(done)
	}()
	defer func() {
		cancel()
		<-done
	}()
	deadline := time.After(waitLong)
	closedFirst := false
	for {
		select {
		case s := <-got:
			if strings.Contains(s.msg, "e-big") {
				t.Fatalf("the oversized frame was handled and acknowledged: %.200s", s.msg)
			}
			if s.conn == 1 && s.msg == "" {
				closedFirst = true
				if s.code != websocket.CloseMessageTooBig && s.code != 0 {
					t.Errorf("first connection closed with code %d; want %d (message too big)", s.code, websocket.CloseMessageTooBig)
				}
			}
			if strings.Contains(s.msg, "e-small") {
				if !closedFirst || s.conn != 2 {
					t.Errorf("the ordinary command was answered on connection %d (first closed: %v); want on the reconnection", s.conn, closedFirst)
				}
				return
			}
		case <-deadline:
			t.Fatalf("no answer to the ordinary command within %s (first connection closed: %v)", waitLong, closedFirst)
		}
	}
}
