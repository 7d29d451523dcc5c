package commands

import (
	"jobsbot/commands/i18n"
	"strings"
	"testing"
	"time"
)

// TestCommandTableIsComplete checks every entry of the one command table:
// help, parse errors and dispatch all read it, so a half-filled entry would
// break one of them silently.
func TestCommandTableIsComplete(t *testing.T) {
	t.Parallel()
	canonical := map[string]bool{}
	for _, c := range optionKeys {
		canonical[c] = true
	}
	seen := map[string]bool{}
	for _, spec := range commandTable {
		if seen[spec.Name] {
			t.Errorf("%q is defined twice", spec.Name)
		}
		seen[spec.Name] = true
		if spec.Run == nil {
			t.Errorf("%q has no handler", spec.Name)
		}
		for _, part := range []string{".usage", ".summary", ".examples"} {
			for _, lang := range []i18n.Lang{i18n.English, i18n.Korean} {
				if i18n.Default().Source(spec.key()+part, lang) == "" {
					t.Errorf("%q lacks %s in %s", spec.Name, part, lang)
				}
			}
		}
		if len(spec.Words) == 0 {
			t.Errorf("%q has no words", spec.Name)
		}
		if usage := i18n.Default().Source(spec.key()+".usage", i18n.English); !strings.HasPrefix(usage, strings.Fields(spec.Name)[0]) {
			t.Errorf("%q: usage %q does not start with the command", spec.Name, usage)
		}
		for _, o := range spec.Options {
			if !canonical[o] {
				t.Errorf("%q takes option %q, which is not a canonical option key", spec.Name, o)
			}
		}
	}
}

// TestEveryExampleParsesAsItsCommand parses each command's examples, in
// both languages: an example that does not run as the command it
// illustrates misleads users.
func TestEveryExampleParsesAsItsCommand(t *testing.T) {
	t.Parallel()
	today := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	for _, spec := range commandTable {
		var examples []string
		for _, lang := range []Lang{English, Korean} {
			examples = append(examples, New(Config{Language: lang}).examples(spec)...)
		}
		for _, ex := range examples {
			cmd, err := Parse(ex, today)
			if err != nil {
				t.Errorf("%q: example %q does not parse: %v", spec.Name, ex, err)
				continue
			}
			if cmd.Name != spec.Name {
				t.Errorf("%q: example %q parses as %q", spec.Name, ex, cmd.Name)
			}
		}
	}
}
