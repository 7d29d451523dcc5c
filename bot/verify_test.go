package bot

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// The worked example of Slack's "Verifying requests from Slack"
// (docs.slack.dev/authentication/verifying-requests-from-slack).
const (
	docSecret = "8f742231b10e8888abcd99yyyzzz85a5"
	docTS     = "1531420618"
	docBody   = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	docSig    = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

func docHeader(sig, ts string) http.Header {
	h := http.Header{}
	if sig != "" {
		h.Set(headerSignature, sig)
	}
	if ts != "" {
		h.Set(headerTimestamp, ts)
	}
	return h
}

func TestVerifier(t *testing.T) {
	signedAt := time.Unix(1531420618, 0)
	at := func(d time.Duration) func() time.Time { return func() time.Time { return signedAt.Add(d) } }
	tampered := strings.Replace(docBody, "roadrunner", "roadrunnex", 1)
	for _, tc := range []struct {
		name   string
		secret string
		now    func() time.Time
		header http.Header
		body   string
		ok     bool
	}{
		{"Slack's example", docSecret, at(time.Minute), docHeader(docSig, docTS), docBody, true},
		{"example, clock 5 min behind", docSecret, at(-5 * time.Minute), docHeader(docSig, docTS), docBody, true},
		{"example, upper-case hex", docSecret, at(0), docHeader("v0="+strings.ToUpper(docSig[3:]), docTS), docBody, true},
		{"tampered body", docSecret, at(time.Minute), docHeader(docSig, docTS), tampered, false},
		{"body with a byte added", docSecret, at(time.Minute), docHeader(docSig, docTS), docBody + "&", false},
		{"stale timestamp", docSecret, at(5*time.Minute + time.Second), docHeader(docSig, docTS), docBody, false},
		{"timestamp from the future", docSecret, at(-6 * time.Minute), docHeader(docSig, docTS), docBody, false},
		{"wrong secret", "another-secret", at(0), docHeader(docSig, docTS), docBody, false},
		{"empty secret", "", at(0), docHeader(docSig, docTS), docBody, false},
		{"no signature", docSecret, at(0), docHeader("", docTS), docBody, false},
		{"no timestamp", docSecret, at(0), docHeader(docSig, ""), docBody, false},
		{"timestamp not a number", docSecret, at(0), docHeader(docSig, "soon"), docBody, false},
		{"other version", docSecret, at(0), docHeader("v1="+docSig[3:], docTS), docBody, false},
		{"signature not hex", docSecret, at(0), docHeader("v0=zz"+docSig[5:], docTS), docBody, false},
		{"truncated signature", docSecret, at(0), docHeader(docSig[:40], docTS), docBody, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := newVerifier(tc.secret, tc.now).verify(tc.header, []byte(tc.body))
			if (err == nil) != tc.ok {
				t.Errorf("verify = %v; want ok=%v", err, tc.ok)
			}
		})
	}
}

// An empty secret must not verify even a request signed with the empty key,
// which anyone can compute.
func TestVerifierEmptySecretRefusesEmptyKeySignature(t *testing.T) {
	r := httptest.NewRequest(http.MethodPost, "/", nil)
	now := time.Now()
	sign(r, "", "text=hi", now)
	if err := newVerifier("", func() time.Time { return now }).verify(r.Header, []byte("text=hi")); err == nil {
		t.Fatal("empty secret verified a request")
	}
}

func TestVerifierWrap(t *testing.T) {
	now := time.Now()
	v := newVerifier(testSecret, func() time.Time { return now })
	var got string
	h := v.wrap(maxBodyBytes, func(w http.ResponseWriter, _ *http.Request, body []byte) { got = string(body) })
	send := func(body string, signed bool) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(body))
		if signed {
			sign(r, testSecret, body, now)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	if w := send("text=status", true); w.Code != http.StatusOK || got != "text=status" {
		t.Errorf("signed: %d, handler saw %q", w.Code, got)
	}
	if w := send("text=status", false); w.Code != http.StatusUnauthorized {
		t.Errorf("unsigned: %d; want 401", w.Code)
	}
	w := send("text=status", false)
	if body := strings.TrimSpace(w.Body.String()); body != "Unauthorized" {
		t.Errorf("401 body %q gives detail", body)
	}
	big := strings.Repeat("a", maxBodyBytes+1)
	if w := send(big, true); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("body over 64 KiB: %d; want 413", w.Code)
	}
	exact := strings.Repeat("a", maxBodyBytes)
	if w := send(exact, true); w.Code != http.StatusOK {
		t.Errorf("body of exactly 64 KiB: %d; want 200", w.Code)
	}
}
