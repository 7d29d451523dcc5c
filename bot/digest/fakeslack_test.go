package digest_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/slack-go/slack"
)

// fakeSlack is a Slack Web API that records digests and charts. It answers
// chat.postMessage, conversations.history and the three steps of a file
// upload, and can be told to rate-limit or refuse the next posts.
type fakeSlack struct {
	srv *httptest.Server

	mu         sync.Mutex
	calls      int           // chat.postMessage requests, refused ones included
	messages   []fakeMessage // messages accepted
	limitNext  int           // answer this many posts with 429 Retry-After: 1
	refuseNext int           // answer this many posts with ok:false channel_not_found
	uploads    []fakeUpload

	posted   chan fakeMessage // one value per accepted message
	uploaded chan fakeUpload  // one value per completed upload
}

type fakeMessage struct {
	Channel, TS, Text, Week string
	Blocks                  []json.RawMessage
}

type fakeUpload struct {
	Channel, ThreadTS, Title string
	Bytes                    []byte
}

func newFakeSlack(t *testing.T) *fakeSlack {
	t.Helper()
	f := &fakeSlack{posted: make(chan fakeMessage, 100), uploaded: make(chan fakeUpload, 100)}
	var pending []byte // the file bytes between upload steps 2 and 3
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.calls++
		switch {
		case f.limitNext > 0:
			f.limitNext--
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		case f.refuseNext > 0:
			f.refuseNext--
			writeJSON(w, map[string]any{"ok": false, "error": "channel_not_found"})
			return
		}
		m := fakeMessage{Channel: r.FormValue("channel"), Text: r.FormValue("text"), TS: fmt.Sprintf("1764000000.%06d", len(f.messages)+1)}
		var meta slack.SlackMetadata
		_ = json.Unmarshal([]byte(r.FormValue("metadata")), &meta)
		if meta.EventType == "jobsbot_digest" {
			m.Week, _ = meta.EventPayload["week"].(string)
		}
		if b := r.FormValue("blocks"); b != "" {
			if err := json.Unmarshal([]byte(b), &m.Blocks); err != nil {
				t.Errorf("chat.postMessage blocks are not JSON: %v", err)
			}
		}
		f.messages = append(f.messages, m)
		f.posted <- m
		writeJSON(w, map[string]any{"ok": true, "channel": m.Channel, "ts": m.TS})
	})
	mux.HandleFunc("POST /api/conversations.history", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		var out []map[string]any
		for i := len(f.messages) - 1; i >= 0; i-- { // newest first, as Slack does
			m := f.messages[i]
			msg := map[string]any{"type": "message", "ts": m.TS, "text": m.Text}
			if m.Week != "" && r.FormValue("include_all_metadata") == "1" {
				msg["metadata"] = map[string]any{"event_type": "jobsbot_digest", "event_payload": map[string]any{"week": m.Week}}
			}
			out = append(out, msg)
		}
		writeJSON(w, map[string]any{"ok": true, "messages": out, "has_more": false})
	})
	mux.HandleFunc("POST /api/files.getUploadURLExternal", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, map[string]any{"ok": true, "upload_url": f.srv.URL + "/upload/F1", "file_id": "F1"})
	})
	mux.HandleFunc("POST /upload/F1", func(w http.ResponseWriter, r *http.Request) {
		file, _, err := r.FormFile("file")
		if err != nil {
			t.Errorf("upload has no file: %v", err)
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		b, _ := io.ReadAll(file)
		f.mu.Lock()
		pending = b
		f.mu.Unlock()
		_, _ = io.WriteString(w, "OK - "+fmt.Sprint(len(b)))
	})
	mux.HandleFunc("POST /api/files.completeUploadExternal", func(w http.ResponseWriter, r *http.Request) {
		var files []slack.FileSummary
		_ = json.Unmarshal([]byte(r.FormValue("files")), &files)
		f.mu.Lock()
		u := fakeUpload{Channel: r.FormValue("channel_id"), ThreadTS: r.FormValue("thread_ts"), Bytes: pending}
		if len(files) == 1 {
			u.Title = files[0].Title
		}
		f.uploads = append(f.uploads, u)
		f.mu.Unlock()
		f.uploaded <- u
		writeJSON(w, map[string]any{"ok": true, "files": []map[string]any{{"id": "F1", "title": u.Title}}})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("fake Slack: unexpected %s %s", r.Method, r.URL.Path)
		writeJSON(w, map[string]any{"ok": false, "error": "unknown_method"})
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// client returns a real slack-go client talking to the fake.
func (f *fakeSlack) client() *slack.Client {
	return slack.New("xoxb-test", slack.OptionAPIURL(f.srv.URL+"/api/"))
}

func (f *fakeSlack) accepted() []fakeMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeMessage(nil), f.messages...)
}

func (f *fakeSlack) postCalls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
