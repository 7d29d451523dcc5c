package commands

import (
	"strings"
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

// foldSlow is fold without its fast path: the definition fold must keep.
func foldSlow(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(CleanName(s)) {
		switch r {
		case ' ', '\t', '-', '_', '.', '·', '・', '/':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fold's fast path for plain names (ASCII and Hangul syllables) gives what
// cleaning them first gives, for plain and unclean names alike.
func FuzzFoldMatchesCleanName(f *testing.F) {
	for _, s := range []string{"Youth", "youth-jobs", "청년 일자리", "청년\u200b일자리", "청년\u00a0일자리",
		"\u1109\u1161\u11bc\u110b\u116d\u11bc", "Rail  Job_Fair", "설명회·컨설팅", "\tA/B.c", "ÅNGSTRÖM", "İstanbul", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldSlow(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}
