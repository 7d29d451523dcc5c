package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
	"jobsbot/export"
)

// fakeFiles is a fake Slack Web API for the external upload flow:
// conversations.open, files.getUploadURLExternal, the upload URL itself and
// files.completeUploadExternal. failUpload makes the upload URL answer 500.
type fakeFiles struct {
	srv        *httptest.Server
	failUpload bool

	mu        sync.Mutex
	calls     []string
	declared  int    // the length announced to getUploadURLExternal
	uploaded  []byte // the bytes POSTed to the upload URL
	completed url.Values
}

func newFakeFiles(t *testing.T) *fakeFiles {
	f := &fakeFiles{}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeFiles) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, r.URL.Path)
	reply := func(v any) { _ = json.NewEncoder(w).Encode(v) }
	switch r.URL.Path {
	case "/api/conversations.open":
		_ = r.ParseForm()
		reply(map[string]any{"ok": true, "channel": map[string]any{"id": "D" + r.Form.Get("users")}})
	case "/api/files.getUploadURLExternal":
		_ = r.ParseForm()
		f.declared, _ = strconv.Atoi(r.Form.Get("length"))
		reply(map[string]any{"ok": true, "upload_url": f.srv.URL + "/api/upload/F1", "file_id": "F1"})
	case "/api/upload/F1":
		if f.failUpload {
			http.Error(w, "upload failed", http.StatusInternalServerError)
			return
		}
		file, _, err := r.FormFile("file")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f.uploaded, _ = io.ReadAll(file)
		_, _ = io.WriteString(w, "OK")
	case "/api/files.completeUploadExternal":
		_ = r.ParseForm()
		f.completed = r.Form
		reply(map[string]any{"ok": true, "files": []map[string]any{{"id": "F1", "title": "report"}}})
	default:
		http.NotFound(w, r)
	}
}

func exportService(t *testing.T, apiURL string) (*commands.Service, *export.Exporter) {
	t.Helper()
	store := dbtest.New(t)
	loc := time.FixedZone("KST", 9*60*60)
	now := time.Date(2026, 5, 15, 10, 0, 0, 0, loc)
	x := export.New(store, loc)
	svc := commands.New(commands.Config{Store: store, Location: loc, Language: commands.Korean, Now: func() time.Time { return now },
		Exporter: x, FileSender: NewFileSender("xoxb-test", apiURL, nil)})
	for _, line := range []string{"add 180 youth date:2026-01-31", "add 2400여 invest cumulative date:2026-04-30", "add 35 youth date:2025-03-02 confirm:yes"} {
		if r := svc.Handle(context.Background(), commands.Caller{UserID: "U1"}, line); r.Outcome != commands.OutcomeOK {
			t.Fatalf("%s: %s", line, r.Text())
		}
	}
	return svc, x
}

func TestExportUploadsTheFileToTheUsersDM(t *testing.T) {
	fake := newFakeFiles(t)
	svc, _ := exportService(t, fake.srv.URL+"/api/")
	r := svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceSlash}, "엑셀 2026")
	if r.Outcome != commands.OutcomeOK || !strings.Contains(r.Title, "2026년_일자리사업_추진실적_5월15일.xlsx") {
		t.Fatalf("reply %s: %s", r.Outcome, r.Text())
	}
	fake.mu.Lock()
	defer fake.mu.Unlock()
	want := "/api/conversations.open,/api/files.getUploadURLExternal,/api/upload/F1,/api/files.completeUploadExternal"
	if got := strings.Join(fake.calls, ","); got != want {
		t.Fatalf("calls %s, want %s", got, want)
	}
	if fake.declared != len(fake.uploaded) || len(fake.uploaded) == 0 {
		t.Errorf("declared %d bytes, uploaded %d", fake.declared, len(fake.uploaded))
	}
	if got := fake.completed.Get("channel_id"); got != "DU1" {
		t.Errorf("shared to %q, want the DM with U1", got)
	}
	if c := fake.completed.Get("initial_comment"); !strings.Contains(c, "누계 2,580") {
		t.Errorf("summary %q, want the total to date", c)
	}
	// The uploaded bytes are the whole workbook: it opens, and its report
	// sheet says what a fresh export of the same ledger says.
	up, err := excelize.OpenReader(bytes.NewReader(fake.uploaded))
	if err != nil {
		t.Fatalf("the uploaded file is not a workbook: %v", err)
	}
	var again bytes.Buffer
	if _, _, err := svc.ExportTo(context.Background(), &again, commands.ExportRequest{Format: commands.FormatXLSX, Year: 2026}); err != nil {
		t.Fatal(err)
	}
	fresh, err := excelize.OpenReader(&again)
	if err != nil {
		t.Fatal(err)
	}
	for _, sheet := range fresh.GetSheetList() {
		a, _ := up.GetRows(sheet, excelize.Options{RawCellValue: true})
		b, _ := fresh.GetRows(sheet, excelize.Options{RawCellValue: true})
		if len(b) < 1 || !equalRows(a, b) {
			t.Errorf("sheet %s differs:\nuploaded %v\nexported %v", sheet, a, b)
		}
	}
}

func equalRows(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") {
			return false
		}
	}
	return true
}

func TestExportUploadFailureTellsTheUserAndSharesNothing(t *testing.T) {
	fake := newFakeFiles(t)
	fake.failUpload = true
	svc, _ := exportService(t, fake.srv.URL+"/api/")
	r := svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceSlash}, "export xlsx")
	if r.Outcome != commands.OutcomeFailed || !strings.Contains(r.Title, "아무것도 공유하지 않았습니다") {
		t.Fatalf("reply %s: %s", r.Outcome, r.Text())
	}
	fake.mu.Lock()
	defer fake.mu.Unlock()
	for _, c := range fake.calls {
		if c == "/api/files.completeUploadExternal" {
			t.Fatal("the upload failed but the file was still shared")
		}
	}
	if strings.Contains(r.Text(), "500") || strings.Contains(r.Text(), "upload") {
		t.Errorf("the user sees an internal error: %s", r.Text())
	}
}

// The whole path a user takes: a signed /jobs 엑셀 slash command, the bot's
// reply, and the file in the user's DM.
func TestSlashExportSendsTheWorkbook(t *testing.T) {
	files := newFakeFiles(t)
	var store commands.Store
	e := newEnv(t, func(s commands.Store) commands.Store { store = s; return s }, func(c *Config) {
		sc := testServiceConfig(store)
		sc.Exporter, sc.FileSender = export.New(store, nil), NewFileSender("xoxb-test", files.srv.URL+"/api/", nil)
		c.Service = commands.New(sc)
	})
	e.bot.fastWait = waitLong
	w := e.post("/slack/commands", commandBody("엑셀 csv", "trigger-export", "https://hooks.slack.invalid/x"))
	if w.Code != http.StatusOK {
		t.Fatalf("slash command: %d %q", w.Code, w.Body)
	}
	if text, _ := decode(t, w)["text"].(string); !strings.Contains(text, "jobs-report-") || !strings.Contains(text, ".csv") {
		t.Errorf("reply %q; want it to name the file sent", text)
	}
	files.mu.Lock()
	defer files.mu.Unlock()
	if files.completed.Get("channel_id") != "D"+testUser || !bytes.HasPrefix(files.uploaded, []byte("\xEF\xBB\xBF")) {
		t.Errorf("shared to %q, %d bytes; want a CSV in the DM with %s", files.completed.Get("channel_id"), len(files.uploaded), testUser)
	}
}

// TestExportNeedsNoWritableTempDir is `/jobs export` in a read-only
// container: TMPDIR names no directory anyone can write in (a regular file,
// so not even root can), and the workbook still reaches the user's DM whole.
func TestExportNeedsNoWritableTempDir(t *testing.T) {
	notADir := filepath.Join(t.TempDir(), "not-a-directory")
	if err := os.WriteFile(notADir, nil, 0o400); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", notADir)
	if f, err := os.CreateTemp("", "probe-*"); err == nil {
		f.Close()
		t.Fatalf("TMPDIR=%s is writable (%s); the test would prove nothing", notADir, f.Name())
	}
	fake := newFakeFiles(t)
	svc, _ := exportService(t, fake.srv.URL+"/api/")
	r := svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceSlash}, "엑셀 2026 실적")
	if r.Outcome != commands.OutcomeOK {
		t.Fatalf("export with an unwritable TMPDIR: %s: %s", r.Outcome, r.Text())
	}
	fake.mu.Lock()
	defer fake.mu.Unlock()
	if fake.declared != len(fake.uploaded) || len(fake.uploaded) == 0 {
		t.Errorf("declared %d bytes, uploaded %d", fake.declared, len(fake.uploaded))
	}
	if _, err := excelize.OpenReader(bytes.NewReader(fake.uploaded)); err != nil {
		t.Errorf("the uploaded file is not a workbook: %v", err)
	}
}

// TestUploadFailuresAreCounted: a failed delivery shows in
// jobsbot_export_upload_failures_total, which starts at 0.
func TestUploadFailuresAreCounted(t *testing.T) {
	fake := newFakeFiles(t)
	fake.failUpload = true
	sender := NewFileSender("xoxb-test", fake.srv.URL+"/api/", nil)
	reg := prometheus.NewRegistry()
	if err := sender.CountFailures(reg); err != nil {
		t.Fatal(err)
	}
	if n := testutil.ToFloat64(sender.failures); n != 0 {
		t.Fatalf("failures before any upload = %v", n)
	}
	body := strings.NewReader("a,b\n")
	err := sender.SendFile(context.Background(), "U1", commands.File{Name: "x.csv", Size: 4, Body: body})
	if err == nil {
		t.Fatal("the upload failed but SendFile reported none")
	}
	if n := testutil.ToFloat64(sender.failures); n != 1 {
		t.Errorf("failures after one failed upload = %v; want 1", n)
	}
}
