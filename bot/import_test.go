package bot

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/importer"
)

// sharedFileAPI fakes the Web API methods /jobs 가져오기 calls: the direct
// message with the bot, its history holding one file the user sent,
// files.info, and the download, which must carry the bot token.
type sharedFileAPI struct {
	*httptest.Server
	user      string
	data      []byte
	downloads atomic.Int32
}

func newSharedFileAPI(t *testing.T, user string, data []byte) *sharedFileAPI {
	t.Helper()
	f := &sharedFileAPI{user: user, data: data}
	mux := http.NewServeMux()
	answer := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, body)
		}
	}
	mux.HandleFunc("/conversations.open", answer(`{"ok":true,"channel":{"id":"D0IMPORT"}}`))
	mux.HandleFunc("/conversations.history", answer(fmt.Sprintf(`{"ok":true,"messages":[
		{"type":"message","user":"UBOT","text":"earlier reply","ts":"1700000002.000000"},
		{"type":"message","user":%q,"text":"","ts":"1700000001.000000","files":[{"id":"F0IMPORT","name":"실적.csv"}]}]}`, user)))
	mux.HandleFunc("/files.info", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"ok":true,"file":{"id":%q,"name":"실적.csv","created":1700000001,"user":%q,"size":%d,"url_private_download":%q}}`,
			r.Form.Get("file"), f.user, len(f.data), f.URL+"/download/F0IMPORT")
	})
	mux.HandleFunc("/download/F0IMPORT", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer xoxb-test" {
			http.Error(w, "no token", http.StatusUnauthorized)
			return
		}
		f.downloads.Add(1)
		_, _ = w.Write(f.data)
	})
	f.Server = httptest.NewServer(mux)
	t.Cleanup(f.Close)
	return f
}

// storeLater lets the import service reach the test bot's store, which
// newEnv creates after the Config is built.
type storeLater struct{ *db.Store }

// replyOf is the answer to a slash command: inline, or through the
// response_url when it took longer.
func replyOf(t *testing.T, w *httptest.ResponseRecorder, h *hook) map[string]any {
	t.Helper()
	if w.Body.Len() > 0 {
		return decode(t, w)
	}
	return h.next(t)
}

func text(reply map[string]any) string { return fmt.Sprint(reply) }

// TestImportThroughSlack: a manager sends a CSV to the bot in a direct
// message and types /jobs 가져오기; the bot fetches it through files.info
// and the download, answers with a preview and a 가져오기 button and writes
// nothing; a staff member's press is refused; the manager's press applies
// it; a second press adds nothing.
func TestImportThroughSlack(t *testing.T) {
	csv := "\uFEFF기준일,사업코드,일자리 수,보고 방식,보고 누계,상태\n2026-01-31,youth,180,증가분,,채용\n2026-04-30,invest,,누계,2400,채용\n"
	api := newSharedFileAPI(t, testManager, []byte(csv))
	later := &storeLater{}
	var store commands.Store
	e := newEnv(t, func(s commands.Store) commands.Store { store = s; return s }, func(c *Config) {
		sc := testServiceConfig(store)
		sc.FileFetcher = NewFileFetcher("xoxb-test", api.URL+"/")
		sc.FileImporter = importer.Service{Store: later, Today: func() time.Time { return time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC) }}
		c.Service = commands.New(sc)
	})
	later.Store = e.store
	total := func() (n int64) {
		t.Helper()
		if err := e.store.DB().GetContext(context.Background(), &n, `SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); err != nil {
			t.Fatal(err)
		}
		return n
	}

	h := newHook(t)
	preview := replyOf(t, e.post("/slack/commands", commandBodyAs(testManager, "가져오기", "trigger-import", h.URL)), h)
	if s := text(preview); !strings.Contains(s, "This is a preview") || !strings.Contains(s, "Business &amp; investment attraction April 2026: rows 1, jobs realised +2,400") {
		t.Fatalf("preview: %s", s)
	}
	// The preview names the file it read, who sent it and when (Seoul time).
	if s := text(preview); !strings.Contains(s, "실적.csv") || !strings.Contains(s, "2023") || !strings.Contains(s, "07:13") {
		t.Errorf("preview does not name the file, sender and time: %s", s)
	}
	if api.downloads.Load() != 1 || total() != 0 {
		t.Fatalf("after the preview: %d downloads, %d jobs in the ledger", api.downloads.Load(), total())
	}
	id, value := button(t, preview, commands.ActionImport)

	// A staff member pressing it can do no more than typing could.
	e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-staff", h.URL, id, value)))
	if got := text(h.next(t)); !strings.Contains(got, "manager") && !strings.Contains(got, "관리자") {
		t.Errorf("staff press: %s", got)
	}
	if total() != 0 {
		t.Fatal("a staff member's press imported the file")
	}

	e.post("/slack/interactions", interactionBody(blockActions(testManager, "trigger-apply", h.URL, id, value)))
	if got := text(h.next(t)); !strings.Contains(got, "가져왔습니다") && !strings.Contains(got, "Imported") {
		t.Errorf("manager press: %s", got)
	}
	if got := total(); got != 2580 {
		t.Fatalf("ledger holds %d, want 2580", got)
	}
	e.post("/slack/interactions", interactionBody(blockActions(testManager, "trigger-again", h.URL, id, value)))
	if got := text(h.next(t)); !strings.Contains(got, "imported before") {
		t.Errorf("second press: %s", got)
	}
	if got := total(); got != 2580 {
		t.Errorf("after the second press the ledger holds %d", got)
	}
	var source string
	if err := e.store.DB().GetContext(context.Background(), &source, `SELECT DISTINCT source FROM entries`); err != nil || source != "import" {
		t.Errorf("entries' source %q (%v)", source, err)
	}
}
