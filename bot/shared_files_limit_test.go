package bot

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"jobsbot/bot/slackpost"
)

// TestFileFetcherMetadataIsSizeLimited: the calls that find the user's file
// (conversations.open, conversations.history, files.info) are read through
// the same size limit as every other Web API answer, so a huge answer fails
// the fetch instead of being decoded whole (review r6 X10). Before, the
// fetcher's own client read them without a limit.
func TestFileFetcherMetadataIsSizeLimited(t *testing.T) {
	huge := `{"ok":true,"messages":[` + strings.Repeat(`{"type":"message","user":"U0OTHER","text":"x"},`, slackpost.MaxResponseBytes/40) + `{"type":"message","user":"U0OTHER","text":"x"}]}`
	for _, tc := range []struct{ name, fileID, path, body string }{
		{"history", "", "/conversations.history", huge},
		{"files.info", "F1", "/files.info", `{"ok":true,"file":{"id":"F1","user":"U0ME","size":10,"name":"` + strings.Repeat("a", slackpost.MaxResponseBytes+10) + `"}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				switch r.URL.Path {
				case "/conversations.open":
					_, _ = w.Write([]byte(`{"ok":true,"channel":{"id":"D1"}}`))
				case tc.path:
					_, _ = w.Write([]byte(tc.body))
				default:
					http.Error(w, "unexpected "+r.URL.Path, http.StatusNotFound)
				}
			}))
			defer api.Close()
			_, err := NewFileFetcher("xoxb-test", api.URL+"/").FetchFile(context.Background(), "U0ME", tc.fileID, 1<<20)
			if !errors.Is(err, slackpost.ErrResponseTooLarge) {
				t.Fatalf("a %d-byte %s answer: err %v, want %v", len(tc.body), tc.path, err, slackpost.ErrResponseTooLarge)
			}
		})
	}
}
