package slackpost_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"jobsbot/bot/slackpost"
)

// hugeUserInfo answers users.info with a valid start of a user object and
// then size bytes of a name, streamed from one small buffer: the server
// never holds the body, so what the test measures is the client.
func hugeUserInfo(t *testing.T, size int64, announce bool, written *atomic.Int64) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		head := []byte(`{"ok":true,"user":{"id":"U1","name":"`)
		w.Header().Set("Content-Type", "application/json")
		if announce {
			w.Header().Set("Content-Length", strconv.FormatInt(int64(len(head))+size+3, 10))
		}
		w.Write(head)
		chunk := bytes.Repeat([]byte("a"), 64<<10)
		for sent := int64(0); sent < size; sent += int64(len(chunk)) {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return // the client hung up, as it should
			}
		}
		w.Write([]byte(`"}}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// A 200 MB users.info answer fails the call cleanly, and the bot's memory
// stays bounded: it reads at most MaxResponseBytes of it.
func TestOversizedSlackResponseFailsWithinMemory(t *testing.T) {
	const size = 200 << 20
	for _, announce := range []bool{false, true} {
		var written atomic.Int64
		srv := hugeUserInfo(t, size, announce, &written)
		api := slackpost.NewSlackClient("xoxb-test", srv.URL+"/")
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := api.GetUserInfoContext(context.Background(), "U1")
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Fatalf("Content-Length announced %v: a 200 MB users.info answer was accepted", announce)
		}
		if !errors.Is(err, slackpost.ErrResponseTooLarge) && !strings.Contains(err.Error(), slackpost.ErrResponseTooLarge.Error()) {
			t.Errorf("Content-Length announced %v: error %v, want one saying the response is too large", announce, err)
		}
		// Everything the test process allocated during the call, the fake
		// server's writes included; reading the body whole would be over 200 MB.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 3*slackpost.MaxResponseBytes+(8<<20) {
			t.Errorf("Content-Length announced %v: the call allocated %d MB", announce, alloc>>20)
		}
	}
}

// A body of exactly the limit is still read; one byte more is not.
func TestResponseLimitBoundary(t *testing.T) {
	for _, tc := range []struct {
		size int
		ok   bool
	}{{10, true}, {11, false}} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.(http.Flusher).Flush() // chunked: no Content-Length
			w.Write(bytes.Repeat([]byte("x"), tc.size))
		}))
		client := &http.Client{Transport: slackpost.LimitResponses(http.DefaultTransport, 10)}
		resp, err := client.Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		_, err = buf.ReadFrom(resp.Body)
		resp.Body.Close()
		srv.Close()
		if (err == nil) != tc.ok || (tc.ok && buf.Len() != tc.size) {
			t.Errorf("%d-byte body with a 10-byte limit: read %d, err %v", tc.size, buf.Len(), err)
		}
	}
}
