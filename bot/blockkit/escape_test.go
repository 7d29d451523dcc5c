package blockkit

import (
	"strings"
	"testing"
	"unicode/utf8"

	"jobsbot/commands"
)

func TestEscapeNeutralisesMentionsAndControls(t *testing.T) {
	for in, want := range map[string]string{
		"<!channel> <@U123> <http://evil|click>": "&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil|click&gt;",
		"@here @Channel @EVERYONE":               "＠here ＠Channel ＠EVERYONE",
		"Business & investment":                  "Business &amp; investment",
		"a\x00b\x1b[2Jc\u202edef\tg\nh":          "ab[2Jcdef\tg\nh",
		"청년 일자리 180":                             "청년 일자리 180",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestFallbackEscapedAndCutCleanly: the top-level text is escaped like the
// blocks and, when cut to Slack's length, never inside an entity.
func TestFallbackEscapedAndCutCleanly(t *testing.T) {
	r := commands.Reply{Title: "<!here>", Sections: []commands.Section{{Lines: []string{strings.Repeat("a&", 2000)}}}}
	got := Fallback(r)
	if !strings.HasPrefix(got, "&lt;!here&gt;") {
		t.Errorf("fallback starts %q", got[:20])
	}
	if n := utf8.RuneCountInString(got); n > MaxFallbackChars {
		t.Errorf("fallback of %d characters", n)
	}
	body := strings.TrimSuffix(got, "…")
	if i := strings.LastIndexByte(body, '&'); i >= 0 && !strings.HasPrefix(body[i:], "&amp;") {
		t.Errorf("fallback cut inside an entity: %q", body[len(body)-10:])
	}
}
