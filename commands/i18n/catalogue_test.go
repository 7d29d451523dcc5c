package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
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
			case name == "Date" || name == "Time" || usedAsTime(name, srcs):
				v = time.Date(2026, 4, 30, 9, 5, 0, 0, time.UTC)
			case name == "Year" || strings.HasSuffix(name, "Month") || name == "N" || name == "Week":
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

// usedAsTime reports whether a template calls a time's method on the
// argument name ({{.Last.Month}}, {{.From.Format "Jan 2"}}): it is a date.
func usedAsTime(name string, srcs []string) bool {
	re := regexp.MustCompile(`\.` + name + `\.(Format|Year|Month|Day|Weekday)\b`)
	return slices.ContainsFunc(srcs, re.MatchString)
}

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
		for _, lang := range []Lang{English, Korean} {
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
		// An English singular renders for a count of one, takes no argument
		// the plural does not, and reads differently.
		if one := c.Singular(id); one != "" {
			out, err := c.Printer(English).Render(id, append(args, PluralCount, 1)...)
			if err != nil || strings.Contains(out, "{{") {
				t.Errorf("%s (en_one): %q, %v", id, out, err)
			}
			if a := names(one); !slices.Equal(a, names(en)) {
				t.Errorf("%s: en_one uses %v, en %v", id, a, names(en))
			}
			if one == en {
				t.Errorf("%s: en_one is the same as en", id)
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

// msgCall finds message IDs passed as literals to s.msg, b.msg, Printer.T,
// Render and usageErr anywhere in the module.
var msgCall = regexp.MustCompile(`(?:\bmsg\(|\.T\(|\.Render\(|usageErr\([^,()]+, )"([a-z_]+\.[a-z0-9_.]+)"`)

// TestEveryIDInTheCodeExists catches a typo or a forgotten catalogue entry at
// test time rather than as a bracketed ID in a user's reply.
func TestEveryIDInTheCodeExists(t *testing.T) {
	c := Default()
	known := map[string]bool{}
	for _, id := range c.IDs() {
		known[id] = true
	}
	found := 0
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range msgCall.FindAllStringSubmatch(string(src), -1) {
			found++
			if !known[m[1]] {
				t.Errorf("%s uses message %q, which is not in messages.toml", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 150 {
		t.Errorf("found only %d message uses; the pattern no longer matches the code", found)
	}
}

// A message with a singular picks it for one and the plural otherwise, in
// English only; one without a singular ignores the count.
func TestPluralForms(t *testing.T) {
	c, err := Parse([]byte("[x]\nen = \"{{.N}} jobs\"\nen_one = \"{{.N}} job\"\nko = \"{{.N}}개\"\n[y]\nen = \"{{.N}} jobs\"\nko = \"{{.N}}개\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	en, ko := c.Printer(English), c.Printer(Korean)
	for _, tc := range []struct {
		p    Printer
		id   string
		n    int64
		want string
	}{
		{en, "x", 1, "1 job"}, {en, "x", 2, "2 jobs"}, {en, "x", 0, "0 jobs"},
		{ko, "x", 1, "1개"}, {en, "y", 1, "1 jobs"},
	} {
		if got, err := tc.p.Render(tc.id, "N", tc.n, PluralCount, tc.n); err != nil || got != tc.want {
			t.Errorf("%s %s with %d = %q, %v; want %q", tc.p.Lang(), tc.id, tc.n, got, err, tc.want)
		}
	}
	if _, err := Parse([]byte("[x]\nen = \"a\"\nko = \"b\"\nen_two = \"c\"\n")); err == nil {
		t.Error("an unknown key in a message table was accepted")
	}
}

// countedNoun finds a number argument followed, within two words, by a
// plural noun: "{{.Count}} jobs", "{{.Live}} live entries". The nouns are
// the ones the bot counts; add one here when a message starts counting it.
var countedNoun = regexp.MustCompile(`\{\{\s*\.([A-Z]\w*)\s*\}\}((?: [A-Za-z()-]+){0,2}) ` +
	`(jobs|entries|departments|programs|candidates|organisations|agreements|hires|people|reports|revisions|` +
	`rows|lines|files|sheets|cells|reminders|users|times|years|quarters|months|weeks|days|hours|minutes|seconds|characters)\b`)

// neverOne are counted arguments that cannot be 1, so need no singular:
// constants and the length of a month. Keyed by argument, or by
// "message/argument" for one message's constant.
var neverOne = map[string]string{
	"Name":                          "a name, not a count: \"{{.Name}} has jobs\"",
	"MaxNoteRunes":                  "commands.MaxNoteRunes, a constant",
	"MaxNameRunes":                  "commands.MaxNameRunes, a constant",
	"MaxTextBytes":                  "commands.MaxTextBytes, a constant",
	"LastDay":                       "a month's last day, 28 to 31",
	"Year":                          "a year is not a count: \"2026 jobs collection sheet\"",
	"exportlimit.too_often/Minutes": "exportEvery, a constant of 2 minutes",
}

// countedArgs lists the arguments of an English template that count a noun.
func countedArgs(id, en string) []string {
	var out []string
	for _, m := range countedNoun.FindAllStringSubmatch(en, -1) {
		if neverOne[m[1]] == "" && neverOne[id+"/"+m[1]] == "" && !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// TestEnglishCountsHaveASingular is the guard against "1 jobs": an English
// message that puts a number before a plural noun gives its singular as
// en_one, and counts only one thing, since go-i18n picks one form per
// message (a sentence with two counts takes them as count.* messages).
func TestEnglishCountsHaveASingular(t *testing.T) {
	c := Default()
	guarded := 0
	for _, id := range c.IDs() {
		args := countedArgs(id, c.Source(id, English))
		if len(args) == 0 {
			continue
		}
		guarded++
		if c.Singular(id) == "" {
			t.Errorf("%s: English counts %v before a plural noun but has no en_one; \"1 …s\" would read wrong", id, args)
		}
		if len(args) > 1 {
			t.Errorf("%s: English counts %v in one sentence, but a message has one plural form; pass each as a count.* message", id, args)
		}
	}
	if guarded < 20 {
		t.Errorf("only %d messages count a noun; the pattern no longer matches the catalogue", guarded)
	}
	// The guard sees the forms it must: a count before an adjective, two
	// counts in one sentence, and not a year.
	for _, tc := range []struct {
		id, en string
		want   []string
	}{
		{"x", "{{.Live}} live entries, {{.Jobs}} jobs", []string{"Live", "Jobs"}},
		{"x", "over the {{.Weeks}} weeks left", []string{"Weeks"}},
		{"x", "{{.Year}} jobs collection sheet", nil},
		{"x", "{{.Count}} more", nil},
	} {
		if got := countedArgs(tc.id, tc.en); !slices.Equal(got, tc.want) {
			t.Errorf("countedArgs(%q) = %v; want %v", tc.en, got, tc.want)
		}
	}
}

// fixedParticleAfterNumber finds a Korean particle written out after an entry
// number (#{{.ID}}가, #{{.ID}}(…)와): a number's particle depends on how its
// last digit is read (#1이, #38과, #2가), so only {{particle .ID "이"}} is right.
var fixedParticleAfterNumber = regexp.MustCompile(`(#\{\{\.\w+\}\}|\{\{\.(?:ID|Old|New|Original|Agreement)\}\})(\([^()]*\))?(은|는|이|가|을|를|과|와|으로|로|이나|나|이라|라|이며|며|이고|고|이면|면|이든|든)([^가-힣]|$)`)

func TestCatalogueNoFixedParticleAfterNumber(t *testing.T) {
	c := Default()
	for _, id := range c.IDs() {
		if m := fixedParticleAfterNumber.FindString(c.Source(id, Korean)); m != "" {
			t.Errorf("%s: %q writes a fixed particle after a number; use {{particle .X \"이\"}}", id, m)
		}
	}
	// The pattern itself: the forms the r15 review found, and the right ones.
	for src, bad := range map[string]bool{
		`#{{.ID}}가 틀렸다면`:                              true,
		`#{{.ID}}(누계 {{.Total}})와 맞지`:                 true,
		`#{{.New}}({{.Now}})로 다시`:                     true,
		`#{{.ID}}{{particle .ID "이"}} 틀렸다면`:           false,
		`#{{.ID}}의 단계`:                                false,
		`#{{.ID}}에서 채용`:                               false,
		`'실적 없음'(#{{.ID}})으로`:                         false,
		`#{{.ID}}(누계 {{.Total}}){{particle .ID "와"}}`: false,
	} {
		if got := fixedParticleAfterNumber.MatchString(src); got != bad {
			t.Errorf("%q: flagged %v, want %v", src, got, bad)
		}
	}
}
