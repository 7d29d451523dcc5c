package commands

import (
	"strings"

	"jobsbot/commands/i18n"
)

// fold normalises a word for matching: lower case, without spaces, hyphens,
// underscores, dots and middle dots, so "Not selected", "not-selected" and
// "설명회·컨설팅" match what users type in a hurry.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '\t', '-', '_', '.', '·', '・', '/':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// word is one value of a closed vocabulary with the names users may type
// and the labels replies show.
type word[T ~string] struct {
	Value   T
	En, Ko  string
	Aliases []string
}

// lookup finds the value a typed word names, matching folded forms.
func lookup[T ~string](vocab []word[T], typed string) (T, bool) {
	f := fold(typed)
	if f == "" {
		return "", false
	}
	for _, w := range vocab {
		if f == fold(string(w.Value)) || f == fold(w.En) || f == fold(w.Ko) {
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
func label[T ~string](vocab []word[T], v T, lang Lang) string {
	for _, w := range vocab {
		if w.Value == v {
			if lang == Korean {
				return w.Ko
			}
			return w.En
		}
	}
	return string(v)
}

// names lists the value names users may type, for "use one of" messages:
// the English values in English, the Korean labels in Korean.
func names[T ~string](vocab []word[T]) choiceList {
	var c choiceList
	for i, w := range vocab {
		if i > 0 {
			c.en, c.ko = c.en+", ", c.ko+", "
		}
		c.en += string(w.Value)
		c.ko += w.Ko
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

var stageWords = []word[Stage]{
	{StageDiscovered, "Discovered", "발굴", []string{"found", "new"}},
	{StageReview, "Eligibility review", "실무검토", []string{"review", "검토", "eligibility"}},
	{StageBriefing, "Briefing / consulting", "설명회·컨설팅", []string{"briefing", "consulting", "설명회", "컨설팅"}},
	{StageApplied, "Applied", "신청", []string{"apply", "응모"}},
	{StageScreening, "Under review", "심사", []string{"screening", "underreview", "심사중"}},
	{StageDesignated, "Designated", "지정", []string{"selected", "선정"}},
	{StageNotSelected, "Not selected", "탈락", []string{"rejected", "notselected", "미선정"}},
	{StageOnHold, "On hold", "보류", []string{"hold", "onhold"}},
	{StageWithdrawn, "Withdrawn", "포기", []string{"withdraw", "철회"}},
	{StageDeferred, "Deferred to next call", "이월", []string{"deferred", "defer", "next"}},
}

var kindWords = []word[CandidateKind]{
	{KindPreliminaryRegional, "Preliminary social enterprise (regional)", "예비사회적기업(지역형)", []string{"preliminary", "regional", "예비", "지역형", "지역형예비"}},
	{KindPreliminaryMinistry, "Preliminary social enterprise (ministry)", "예비사회적기업(부처형)", []string{"ministry", "부처형", "부처형예비"}},
	{KindCertified, "Certified social enterprise", "인증 사회적기업", []string{"certified", "인증", "사회적기업"}},
	{KindVillage, "Village enterprise", "마을기업", []string{"village", "마을"}},
	{KindCooperative, "Social cooperative", "사회적협동조합", []string{"cooperative", "coop", "협동조합"}},
	{KindSelfSufficiency, "Self-sufficiency enterprise", "자활기업", []string{"selfsufficiency", "자활"}},
}

var missionWords = []word[Mission]{
	{MissionJobs, "Providing jobs", "일자리제공", []string{"jobs", "일자리"}},
	{MissionServices, "Social services", "사회서비스", []string{"services", "service"}},
	{MissionCommunity, "Community contribution", "지역사회공헌", []string{"community", "지역사회"}},
	{MissionMixed, "Mixed", "혼합", []string{"mixed"}},
	{MissionInnovation, "Creative innovation", "창의혁신", []string{"innovation", "혁신"}},
}

var sectorWords = []word[Sector]{
	{SectorPublic, "Public", "공공", []string{"공공부문"}},
	{SectorPrivate, "Private", "민간", []string{"민간부문"}},
}

var statusWords = []word[EntryStatus]{
	{StatusRealised, "realised", "채용", []string{"realized", "hired", "실적"}},
	{StatusAgreed, "agreed", "약정", []string{"mou", "협약"}},
}

var employmentWords = []word[string]{
	{"regular", "regular", "상용", []string{"permanent", "상용직"}},
	{"temporary", "temporary", "임시", []string{"temp", "임시직"}},
	{"daily", "daily", "일용", []string{"일용직"}},
}

var disclosureWords = []word[string]{
	{"direct", "Direct jobs", "직접일자리", nil},
	{"training", "Vocational training", "직업훈련", nil},
	{"services", "Employment services", "고용서비스", nil},
	{"subsidies", "Employment subsidies", "고용장려금", nil},
	{"startup", "Start-up support", "창업지원", nil},
	{"supported", "Supported employment and rehabilitation", "지원고용 및 재활", nil},
	{"infrastructure", "Job infrastructure", "일자리 인프라 구축", nil},
	{"social-economy", "Social economy", "사회적경제", nil},
	{"other", "Other", "기타", nil},
}

// pipelineOrder is the order stages are shown in.
var pipelineOrder = []Stage{
	StageDiscovered, StageReview, StageBriefing, StageApplied, StageScreening,
	StageDesignated, StageNotSelected, StageOnHold, StageWithdrawn, StageDeferred,
}
