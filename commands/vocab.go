package commands

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"jobsbot/commands/i18n"
)

// fold normalises a word for matching: cleaned as stored names are
// (CleanName), lower case, without spaces, hyphens, underscores, dots and
// middle dots, so "Not selected", "not-selected" and "설명회·컨설팅" match what
// users type in a hurry, and a look-alike with a zero-width space matches too.
func fold(s string) string {
	if !plain(s) {
		s = CleanName(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case ' ', '\t', '-', '_', '.', '·', '・', '/':
			continue
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// plain reports a string that CleanName would leave as fold sees it: only
// printable ASCII and precomposed Hangul syllables, which are NFC already
// and hold no invisible characters. Every add folds every program's names,
// and most are plain; skipping CleanName for them halved the bot's CPU per add.
func plain(s string) bool {
	for _, r := range s {
		if !(r >= ' ' && r < 0x7F || r >= 0xAC00 && r <= 0xD7A3) {
			return false
		}
	}
	return true
}

// word is one value of a closed vocabulary with the extra names users may
// type; its labels, shown in replies and also accepted as input, are the
// catalogue messages <vocab id>.<value> in each language.
type word[T ~string] struct {
	Value   T
	Aliases []string
}

// vocab is a closed vocabulary: its catalogue ID prefix and its words.
type vocab[T ~string] struct {
	id    string
	words []word[T]
}

// labelIn is the label of v in lang, from the catalogue.
func (v vocab[T]) labelIn(value T, lang Lang) string {
	return i18n.Default().Source(v.id+"."+string(value), lang)
}

// lookup finds the value a typed word names, matching folded forms of the
// value, its labels in both languages and its aliases.
func lookup[T ~string](v vocab[T], typed string) (T, bool) {
	f := fold(typed)
	if f == "" {
		return "", false
	}
	for _, w := range v.words {
		if f == fold(string(w.Value)) || f == fold(v.labelIn(w.Value, i18n.English)) || f == fold(v.labelIn(w.Value, i18n.Korean)) {
			return w.Value, true
		}
		for _, a := range w.Aliases {
			if f == fold(a) {
				return w.Value, true
			}
		}
	}
	return "", false
}

// label returns the display name of a value in the given language.
func label[T ~string](v vocab[T], value T, lang Lang) string {
	if l := v.labelIn(value, lang); l != "" {
		return l
	}
	if l := v.labelIn(value, i18n.English); l != "" {
		return l
	}
	return string(value)
}

// names lists the value names users may type, for "use one of" messages:
// the English values in English, the Korean labels in Korean.
func names[T ~string](v vocab[T]) choiceList {
	var c choiceList
	for i, w := range v.words {
		if i > 0 {
			c.en, c.ko = c.en+", ", c.ko+", "
		}
		c.en += string(w.Value)
		c.ko += v.labelIn(w.Value, i18n.Korean)
	}
	return c
}

// choiceList is a list of choices written in the reply's language.
type choiceList struct{ en, ko string }

// In implements i18n.Localized.
func (c choiceList) In(p i18n.Printer) string {
	if p.Lang() == i18n.Korean {
		return c.ko
	}
	return c.en
}

var stageWords = vocab[Stage]{"vocab.stage", []word[Stage]{
	{StageDiscovered, []string{"found", "new"}},
	{StageReview, []string{"review", "검토", "eligibility"}},
	{StageBriefing, []string{"briefing", "consulting", "설명회", "컨설팅"}},
	{StageApplied, []string{"apply", "응모"}},
	{StageScreening, []string{"screening", "underreview", "심사중"}},
	{StageDesignated, []string{"selected", "선정"}},
	{StageNotSelected, []string{"rejected", "notselected", "미선정"}},
	{StageOnHold, []string{"hold", "onhold"}},
	{StageWithdrawn, []string{"withdraw", "철회"}},
	{StageDeferred, []string{"deferred", "defer", "next"}},
}}

var kindWords = vocab[CandidateKind]{"vocab.kind", []word[CandidateKind]{
	{KindPreliminaryRegional, []string{"preliminary", "regional", "예비", "지역형", "지역형예비"}},
	{KindPreliminaryMinistry, []string{"ministry", "부처형", "부처형예비"}},
	{KindCertified, []string{"certified", "인증", "사회적기업"}},
	{KindVillage, []string{"village", "마을"}},
	{KindCooperative, []string{"cooperative", "coop", "사협"}},
	{KindSelfSufficiency, []string{"selfsufficiency", "자활"}},
}}

// ambiguousKindWords name a 협동조합 without saying which of the two legal
// forms under 협동조합기본법 it is: a 일반 협동조합, which is no candidate
// kind, or a 사회적협동조합 (KindCooperative). They are asked, never filed
// as the social one.
var ambiguousKindWords = []string{"협동조합", "일반협동조합", "일반"}

var missionWords = vocab[Mission]{"vocab.mission", []word[Mission]{
	{MissionJobs, []string{"jobs", "일자리"}},
	{MissionServices, []string{"services", "service"}},
	{MissionCommunity, []string{"community", "지역사회"}},
	{MissionMixed, []string{"mixed"}},
	{MissionInnovation, []string{"innovation", "혁신"}},
}}

var sectorWords = vocab[Sector]{"vocab.sector", []word[Sector]{
	{SectorPublic, []string{"공공부문"}},
	{SectorPrivate, []string{"민간부문"}},
}}

var statusWords = vocab[EntryStatus]{"vocab.status", []word[EntryStatus]{
	{StatusRealised, []string{"realized", "hired", "실적"}},
	{StatusAgreed, []string{"mou", "협약", "양해각서"}},
}}

var employmentWords = vocab[string]{"vocab.employment", []word[string]{
	{"regular", []string{"permanent", "상용직", "정규직"}},
	{"temporary", []string{"temp", "임시직"}},
	{"daily", []string{"일용직"}},
}}

var disclosureWords = vocab[string]{"vocab.disclosure", []word[string]{
	{"direct", nil},
	{"training", nil},
	{"services", nil},
	{"subsidies", nil},
	{"startup", nil},
	{"supported", nil},
	{"infrastructure", nil},
	{"social-economy", nil},
	{"other", nil},
}}

// pipelineOrder is the order stages are shown in.
var pipelineOrder = []Stage{
	StageDiscovered, StageReview, StageBriefing, StageApplied, StageScreening,
	StageDesignated, StageNotSelected, StageOnHold, StageWithdrawn, StageDeferred,
}
