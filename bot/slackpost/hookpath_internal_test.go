package slackpost

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestErrorsNameNoHookPath (review B6): the size error and the retry
// notice name a response_url's host or "response_url", never its path.
func TestErrorsNameNoHookPath(t *testing.T) {
	big := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", "100")
		w.WriteHeader(http.StatusOK)
	}))
	defer big.Close()
	c := &http.Client{Transport: LimitResponses(http.DefaultTransport, 10)}
	resp, err := c.Post(big.URL+"/commands/T0/123/hookSecret", "application/json", strings.NewReader("{}"))
	if err == nil {
		resp.Body.Close()
		t.Fatal("an answer past the limit was read")
	}
	var inner error = err
	if u, ok := err.(*url.Error); ok {
		inner = u.Err // net/http quotes the URL itself; that is Redact's to remove
	}
	if strings.Contains(inner.Error(), "hookSecret") || strings.Contains(inner.Error(), "/commands/") {
		t.Errorf("the size error names the hook's path: %v", inner)
	}
	for path, want := range map[string]string{"/api/chat.postMessage": "chat.postMessage", "/commands/T0/1.2/x.y": "response_url"} {
		req := httptest.NewRequest(http.MethodPost, "https://slack.example"+path, nil)
		if got := methodOf(req); got != want {
			t.Errorf("methodOf(%s) = %q; want %q", path, got, want)
		}
	}
}
