package commands

import (
	"testing"

	"jobsbot/commands/i18n"
)

// Every value of every vocabulary has a label in both languages, and each
// label reads back as its value, so what a reply shows can be typed again.
func TestVocabularyLabels(t *testing.T) {
	check := func(id string, values []string, back func(string) (string, bool)) {
		for _, v := range values {
			for _, lang := range []string{i18n.English, i18n.Korean} {
				l := i18n.Default().Source(id+"."+v, lang)
				if l == "" {
					t.Errorf("%s.%s has no %s label", id, v, lang)
					continue
				}
				if got, ok := back(l); !ok || got != v {
					t.Errorf("%s label %q of %s.%s reads back as %q", lang, l, id, v, got)
				}
			}
		}
	}
	check(stageWords.id, values(stageWords), func(s string) (string, bool) { v, ok := lookup(stageWords, s); return string(v), ok })
	check(kindWords.id, values(kindWords), func(s string) (string, bool) { v, ok := lookup(kindWords, s); return string(v), ok })
	check(missionWords.id, values(missionWords), func(s string) (string, bool) { v, ok := lookup(missionWords, s); return string(v), ok })
	check(sectorWords.id, values(sectorWords), func(s string) (string, bool) { v, ok := lookup(sectorWords, s); return string(v), ok })
	check(statusWords.id, values(statusWords), func(s string) (string, bool) { v, ok := lookup(statusWords, s); return string(v), ok })
	check(employmentWords.id, values(employmentWords), func(s string) (string, bool) { return lookup(employmentWords, s) })
	check(disclosureWords.id, values(disclosureWords), func(s string) (string, bool) { return lookup(disclosureWords, s) })
}

func values[T ~string](v vocab[T]) []string {
	out := make([]string, len(v.words))
	for i, w := range v.words {
		out[i] = string(w.Value)
	}
	return out
}
