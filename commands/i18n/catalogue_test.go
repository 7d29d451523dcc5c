package i18n

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// argRe finds the arguments a template names: .Name, not .Date.Year.
var argRe = regexp.MustCompile(`(?:^|[^\w.])\.([A-Z][A-Za-z0-9]*)`)

// sampleArgs gives every argument a template names a sample value: a time
// for dates, a number-like string otherwise, alternating vowel and consonant
// endings so both particle forms are exercised.
func sampleArgs(srcs ...string) []any {
	var kv []any
	seen := map[string]bool{}
	for _, src := range srcs {
		for _, m := range argRe.FindAllStringSubmatch(src, -1) {
			name := m[1]
			if seen[name] {
				continue
			}
			seen[name] = true
			var v any = "3,000"
			switch {
			case name == "Date" || name == "Time":
				v = time.Date(2026, 4, 30, 9, 5, 0, 0, time.UTC)
			case name == "Year" || name == "Month" || name == "N" || name == "Week":
				v = 4
			case len(kv)%4 == 2:
				v = "청년일자리"
			}
			kv = append(kv, name, v)
		}
	}
	return kv
}

// hedged particles must never reach a reader: the catalogue chooses the
// particle from the word ({{josa}}) or is worded so none follows a variable.
var hedged = []string{"은(는)", "는(은)", "을(를)", "를(을)", "이(가)", "가(이)", "(으)로", "와(과)", "과(와)", "(이)나", "(이)라"}

func TestEveryMessageRendersInBothLanguages(t *testing.T) {
	c := Default()
	if len(c.IDs()) < 100 {
		t.Fatalf("catalogue has %d messages; the embedded file did not load", len(c.IDs()))
	}
	for _, id := range c.IDs() {
		en, ko := c.Source(id, English), c.Source(id, Korean)
		if en == "" || ko == "" {
			t.Errorf("%s: missing translation (en %q, ko %q)", id, en, ko)
			continue
		}
		args := sampleArgs(en, ko)
		for _, lang := range []string{English, Korean} {
			out, err := c.Printer(lang).Render(id, args...)
			if err != nil {
				t.Errorf("%s (%s): %v", id, lang, err)
				continue
			}
			for _, bad := range append([]string{"%!", "<no value>", "{{", "}}", "[" + id + "]"}, hedged...) {
				if strings.Contains(out, bad) {
					t.Errorf("%s (%s) renders %q, containing %q", id, lang, out, bad)
				}
			}
		}
		// Both languages take the same arguments, so a caller that fills one
		// fills the other.
		if a, b := names(en), names(ko); !slices.Equal(a, b) && id != "format.count" {
			t.Errorf("%s: English uses %v, Korean %v", id, a, b)
		}
	}
}

func names(src string) []string {
	var out []string
	for _, m := range argRe.FindAllStringSubmatch(src, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	slices.Sort(out)
	return out
}

func TestMissingMessageAndArgumentAreVisible(t *testing.T) {
	p := Default().Printer(Korean)
	if got := p.T("no.such.message"); got != "[no.such.message]" {
		t.Errorf("missing message renders %q", got)
	}
	if _, err := p.Render("format.period.year"); err == nil {
		t.Error("a message rendered without its argument gave no error")
	}
	if got := p.T("format.date", "Date", time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC)); got != "2026. 4. 30." {
		t.Errorf("Korean date = %q", got)
	}
	if got := Default().Printer("fr").Lang(); got != English {
		t.Errorf("unknown language falls back to %q", got)
	}
}

func TestJosaInTemplates(t *testing.T) {
	c, err := Parse([]byte("[x]\nen = \"{{.N}}\"\nko = \"{{josa .N \\\"을\\\"}} · `{{.N}}`{{particle .N \\\"은\\\"}}\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]string{"20,500": "20,500을 · `20,500`은", "4,900여": "4,900여를 · `4,900여`는"} {
		if got := c.Printer(Korean).T("x", "N", word); got != want {
			t.Errorf("josa with %q = %q; want %q", word, got, want)
		}
	}
}
