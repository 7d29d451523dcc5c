package bot

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Slack request signing: https://docs.slack.dev/authentication/verifying-requests-from-slack
const (
	headerSignature = "X-Slack-Signature"
	headerTimestamp = "X-Slack-Request-Timestamp"
	// maxBodyBytes bounds what is read before the signature is checked, so an
	// unauthenticated client cannot make the bot buffer arbitrary bodies. It
	// is the limit of slash commands: their text is at most a few KB.
	maxBodyBytes = 64 << 10
	// maxViewBodyBytes is the limit of interactions and events, whose payloads
	// echo a whole view: the add form (2 sectors × 100 options × 75
	// characters, about 200 KB form-encoded in Korean) and the App Home
	// (50 sections × 3,000 characters, up to about 900 KB as JSON).
	maxViewBodyBytes = 1 << 20
	// maxSkew refuses replays of old requests, as Slack recommends.
	maxSkew = 5 * time.Minute
)

var errBadSignature = errors.New("bot: bad or missing Slack signature")

// verifier checks that a request was signed by Slack with the app's signing
// secret. Its clock is injectable so tests can use Slack's documented example.
type verifier struct {
	secret []byte
	now    func() time.Time
}

func newVerifier(secret string, now func() time.Time) *verifier {
	return &verifier{secret: []byte(secret), now: now}
}

// verify checks the v0 signature of body against the request headers.
func (v *verifier) verify(h http.Header, body []byte) error {
	// An empty secret would make the HMAC key guessable; in Socket Mode the
	// secret may be absent, and then no HTTP request is ever trusted.
	if len(v.secret) == 0 {
		return errBadSignature
	}
	ts := h.Get(headerTimestamp)
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errBadSignature
	}
	if skew := v.now().Sub(time.Unix(sec, 0)); skew > maxSkew || skew < -maxSkew {
		return errBadSignature
	}
	got, ok := strings.CutPrefix(h.Get(headerSignature), "v0=")
	if !ok {
		return errBadSignature
	}
	gotMAC, err := hex.DecodeString(got)
	if err != nil {
		return errBadSignature
	}
	mac := hmac.New(sha256.New, v.secret)
	mac.Write([]byte("v0:" + ts + ":"))
	mac.Write(body)
	// hmac.Equal compares in constant time, so timing reveals nothing about
	// how much of a forged signature was right.
	if !hmac.Equal(gotMAC, mac.Sum(nil)) {
		return errBadSignature
	}
	return nil
}

// wrap reads the raw body, at most limit bytes (the signature covers its
// exact bytes, so nothing may parse it first), checks it and hands it to
// next. Failures get a bare status: 413 for a body over the limit, 401 for
// anything about the signature. Slack's ssl_check, sent unsigned when the
// app's URLs are saved, gets 200 and runs nothing.
func (v *verifier) wrap(limit int64, next func(w http.ResponseWriter, r *http.Request, body []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				http.Error(w, http.StatusText(http.StatusRequestEntityTooLarge), http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
			return
		}
		if isSSLCheck(body) {
			w.WriteHeader(http.StatusOK)
			return
		}
		if v.verify(r.Header, body) != nil {
			http.Error(w, http.StatusText(http.StatusUnauthorized), http.StatusUnauthorized)
			return
		}
		next(w, r, body)
	})
}

// isSSLCheck reports whether body is Slack's certificate check
// (ssl_check=1 in a form), which asks only for a 200.
func isSSLCheck(body []byte) bool {
	if !bytes.Contains(body, []byte("ssl_check=")) {
		return false
	}
	form, err := url.ParseQuery(string(body))
	return err == nil && form.Get("ssl_check") == "1"
}
