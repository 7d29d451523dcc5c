package commands

import (
	"strings"
	"testing"
	"time"
)

// TestCommandTableIsComplete checks every entry of the one command table:
// help, parse errors and dispatch all read it, so a half-filled entry would
// break one of them silently.
func TestCommandTableIsComplete(t *testing.T) {
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
		if len(spec.Words) == 0 || spec.Usage == "" || len(spec.Examples) == 0 || spec.SummaryEn == "" || spec.SummaryKo == "" {
			t.Errorf("%q lacks words, usage, an example or a summary", spec.Name)
		}
		if !strings.HasPrefix(spec.Usage, strings.Fields(spec.Name)[0]) {
			t.Errorf("%q: usage %q does not start with the command", spec.Name, spec.Usage)
		}
		for _, o := range spec.Options {
			if !canonical[o] {
				t.Errorf("%q takes option %q, which is not a canonical option key", spec.Name, o)
			}
		}
	}
}

// TestEveryExampleParsesAsItsCommand parses each command's examples: an
// example that does not run as the command it illustrates misleads users.
func TestEveryExampleParsesAsItsCommand(t *testing.T) {
	today := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	for _, spec := range commandTable {
		for _, ex := range spec.Examples {
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
