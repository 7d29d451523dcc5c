package slackpost

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// MaxResponseBytes is the most the bot reads of any Slack answer (a Web API
// call, a response_url post). The largest it asks for, users.info or
// files.completeUploadExternal, is a few kilobytes; a body past this is not
// Slack's, or not one the bot can use, and must not be allowed to take the
// bot's memory.
const MaxResponseBytes = 4 << 20

// ErrResponseTooLarge is the error of a read past MaxResponseBytes.
var ErrResponseTooLarge = errors.New("slack response larger than the bot reads")

// HTTPClient is the HTTP client every call to Slack goes through: timeout
// bounds the call, MaxResponseBytes its answer.
func HTTPClient(timeout time.Duration) *http.Client {
	return &http.Client{Timeout: timeout, Transport: LimitResponses(http.DefaultTransport, MaxResponseBytes)}
}

// LimitResponses wraps base so that every response body reads at most max
// bytes: a longer one (announced by Content-Length or found while reading)
// fails with ErrResponseTooLarge, so the caller's decoder fails cleanly
// instead of buffering it.
func LimitResponses(base http.RoundTripper, max int64) http.RoundTripper {
	return limitedTransport{base: base, max: max}
}

type limitedTransport struct {
	base http.RoundTripper
	max  int64
}

func (t limitedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.ContentLength > t.max {
		resp.Body.Close()
		// The host only: a response_url's path is its secret (anyone who
		// holds it may post as the bot), and errors end up in logs (B6).
		return nil, fmt.Errorf("%s: %w (%d bytes announced, limit %d)", req.URL.Host, ErrResponseTooLarge, resp.ContentLength, t.max)
	}
	resp.Body = &limitedBody{body: resp.Body, left: t.max}
	return resp, nil
}

// limitedBody reads up to left bytes and fails past them.
type limitedBody struct {
	body io.ReadCloser
	left int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One byte more tells a body of exactly the limit from a longer one.
		var one [1]byte
		n, err := b.body.Read(one[:])
		if n > 0 {
			return 0, ErrResponseTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.body.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *limitedBody) Close() error { return b.body.Close() }
