package slackpost_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/bot/slackpost"
)

// fakePost answers chat.postMessage: the first `limited` calls with a 429
// asking for retryAfter, the rest with success.
func fakePost(t *testing.T, limited int32, retryAfter string) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/chat.postMessage" {
			t.Errorf("unexpected call %s", r.URL.Path)
		}
		if calls.Add(1) <= limited {
			w.Header().Set("Retry-After", retryAfter)
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true,"channel":"C1","ts":"1.0"}`))
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

// The client waits out a short rate limit itself and says so.
func TestClientWaitsOutAShortRateLimit(t *testing.T) {
	srv, calls := fakePost(t, 1, "1")
	var heard []string
	api := slackpost.WatchedSlackClient("xoxb-test", srv.URL+"/api/",
		func(method string, wait time.Duration) { heard = append(heard, method+" "+wait.String()) })
	_, ts, err := api.PostMessageContext(context.Background(), "C1", slack.MsgOptionText("hi", false))
	if err != nil || ts != "1.0" {
		t.Fatalf("post = %q, %v; want 1.0 after one wait", ts, err)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("%d calls; want 2 (a 429, then the retry)", n)
	}
	if len(heard) != 1 || heard[0] != "chat.postMessage 1s" {
		t.Errorf("onRetry heard %q; want one 1s wait on chat.postMessage", heard)
	}
}

// A wait past MaxRetryAfter is the caller's to decide: the client returns
// the rate limit at once.
func TestClientHandsBackALongRateLimit(t *testing.T) {
	srv, calls := fakePost(t, 1, "120")
	api := slackpost.NewSlackClient("xoxb-test", srv.URL+"/api/")
	_, _, err := api.PostMessageContext(context.Background(), "C1", slack.MsgOptionText("hi", false))
	var limited *slack.RateLimitedError
	if !errors.As(err, &limited) || limited.RetryAfter != 120*time.Second {
		t.Fatalf("err = %v; want the 120 s rate limit", err)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d calls; want 1", n)
	}
}

// The client gives up after RateLimitRetries waits.
func TestClientRetriesARateLimitABoundedNumberOfTimes(t *testing.T) {
	srv, calls := fakePost(t, 100, "0")
	api := slackpost.NewSlackClient("xoxb-test", srv.URL+"/api/")
	_, _, err := api.PostMessageContext(context.Background(), "C1", slack.MsgOptionText("hi", false))
	var limited *slack.RateLimitedError
	if !errors.As(err, &limited) {
		t.Fatalf("err = %v; want the rate limit", err)
	}
	if n := calls.Load(); n != slackpost.RateLimitRetries+1 {
		t.Errorf("%d calls; want %d", n, slackpost.RateLimitRetries+1)
	}
}
