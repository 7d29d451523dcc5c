package commands

import (
	"slices"
	"strings"
	"testing"

	"jobsbot/commands/i18n"
)

// Every value of every vocabulary has a label in both languages, and each
// label reads back as its value, so what a reply shows can be typed again.
func TestVocabularyLabels(t *testing.T) {
	t.Parallel()
	check := func(id string, values []string, back func(string) (string, bool)) {
		for _, v := range values {
			for _, lang := range []i18n.Lang{i18n.English, i18n.Korean} {
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

// The cached program index follows the list it is asked about: a renamed
// program answers to its new name at once, and a found program is the one of
// the list given (here, retired since the index was built).
func TestProgramIndexCacheFollowsTheList(t *testing.T) {
	t.Parallel()
	c := newProgramIndexCache()
	programs := []Program{
		{ID: 1, Code: "youth", NameEn: "Youth jobs", NameKo: "청년 일자리", Active: true},
		{ID: 2, Code: "rail", NameEn: "Rail", NameKo: "철도", Aliases: []string{"기차"}, Active: true},
	}
	if p, ok := c.get(programs).find(programs, "청년일자리"); !ok || p.ID != 1 {
		t.Fatalf("find(청년일자리) = %+v, %v", p, ok)
	}
	retired := slices.Clone(programs)
	retired[1].Active = false
	if p, ok := c.get(retired).find(retired, "기차"); !ok || p.ID != 2 || p.Active {
		t.Errorf("find(기차) after retiring = %+v, %v; want the retired program", p, ok)
	}
	renamed := slices.Clone(programs)
	renamed[1].Aliases = []string{"열차"}
	index := c.get(renamed)
	if _, ok := index.find(renamed, "기차"); ok {
		t.Errorf("the old alias still finds a program after the rename")
	}
	if p, ok := index.find(renamed, "열차"); !ok || p.ID != 2 {
		t.Errorf("find(열차) after the rename = %+v, %v", p, ok)
	}
	if p, n, ok := index.longestPrefix(renamed, []string{"youth", "jobs", "great", "month"}); !ok || p.ID != 1 || n != 2 {
		t.Errorf("longestPrefix = %+v, %d, %v; want youth after 2 words", p, n, ok)
	}
}
