package commands

import (
	"regexp"
	"slices"
	"strings"

	"jobsbot/commands/numbers"
)

// keywordKind says which field a keyword of an add line sets: the 누계
// marker, the status (채용, 약정) or the employment type (상용, 일용 …).
type keywordKind int

const (
	keywordNone keywordKind = iota
	keywordCumulative
	keywordStatus
	keywordEmployment
)

// keywordOf is the field a word of an add line sets when typed alone: the
// one place where 누계/누적, status and employment-type words are known, so
// that a negated one (누계 아님, 채용 전, 일용직 아님) is caught wherever it
// stands.
func keywordOf(w string) keywordKind {
	t := token{text: w}
	switch {
	case isOneOf(t, cumulativeWords):
		return keywordCumulative
	case freeStatusWords[fold(w)] != "":
		return keywordStatus
	case freeEmploymentWords[fold(w)] != "":
		return keywordEmployment
	}
	return keywordNone
}

var (
	// negationWords after a keyword deny it: 누계 아님, 누계 미포함, 누계
	// 제외분, 누적 아닌 (신규분), 채용 전, 채용 취소, 채용 미확정, 약정 아님,
	// 일용직 아님. Joined to it (채용전, 누계아닌, 누계X) they deny it too.
	negationWords = []string{"아님", "아닌", "아니고", "아니라", "아니며", "아니다", "아닙니다",
		"미포함", "불포함", "포함안됨", "제외", "제외분", "제외함", "제외한", "빼고", "별도", "미반영", "미산입",
		"전", "취소", "취소됨", "미확정", "미정", "안됨", "없음", "x", "×", "✕",
		"not", "excluded", "excl", "cancelled", "canceled"}
	// negationPrefixes before a keyword, joined or as a word of their own,
	// deny it: 미채용, 비상용, not cumulative, non-cumulative.
	negationPrefixes = []string{"미", "비", "불", "non-", "non", "not-", "not"}
	// keywordParticles joined to a keyword leave it a keyword for the
	// negation after it: 누계와 별도, 누계에 미포함, 채용은 아님.
	keywordParticles = []string{"와", "과", "에서", "에는", "에", "엔", "은", "는", "도", "으로", "로", "이", "가", "을", "를"}
)

// negatedKeyword finds a keyword of an add line that a negation denies: the
// word after it (누계 아님), before it (not cumulative), or joined to it
// (채용전, 미채용, 누계아닌, (누계X)). Such a line was filed as a 누계 or as
// hires with the negation left in the note (review r1 S1, S5, S6); the one
// reading that is safe is none, so the words are refused, named as typed.
// It returns the words as typed and the keyword's kind.
func negatedKeyword(ts []token) (string, string, keywordKind) {
	isNegation := func(i int) bool {
		return i >= 0 && i < len(ts) && !ts[i].quoted && isOneOf(token{text: stripBrackets(ts[i].text)}, negationWords)
	}
	for i, t := range ts {
		if t.quoted {
			continue
		}
		w := stripBrackets(t.text)
		if k := keywordOf(w); k != keywordNone {
			if isNegation(i + 1) {
				return rawJoin(ts[i : i+2]), w, k
			}
			if i > 0 && !ts[i-1].quoted && isOneOf(ts[i-1], []string{"not", "non", "no", "미", "비"}) {
				return rawJoin(ts[i-1 : i+1]), w, k
			}
			continue
		}
		f := fold(w)
		for _, n := range negationWords {
			if base, ok := strings.CutSuffix(f, n); ok && base != f {
				if k := keywordOf(base); k != keywordNone {
					return t.raw, base, k
				}
			}
		}
		for _, p := range negationPrefixes {
			if base, ok := strings.CutPrefix(f, p); ok && base != f {
				if k := keywordOf(base); k != keywordNone {
					return t.raw, base, k
				}
			}
		}
		for _, p := range keywordParticles {
			if base, ok := strings.CutSuffix(f, p); ok && base != f && keywordOf(base) != keywordNone && isNegation(i+1) {
				return rawJoin(ts[i : i+2]), base, keywordOf(base)
			}
		}
	}
	return "", "", keywordNone
}

// refuseNegatedKeyword refuses an add line holding a negated keyword,
// saying what to type for each reading: the 누계 word dropped for new jobs,
// status:agreed for an agreement, type: for the employment type, note: to
// keep the words. Nothing is written.
func refuseNegatedKeyword(cmd *Command, ts []token) error {
	typed, word, kind := negatedKeyword(ts)
	switch kind {
	case keywordCumulative:
		return usageErr(cmd.Name, "entries.negated_cumulative", "Typed", typed, "Word", word)
	case keywordStatus:
		return usageErr(cmd.Name, "entries.negated_status", "Typed", typed, "Word", word)
	case keywordEmployment:
		return usageErr(cmd.Name, "entries.negated_employment", "Typed", typed, "Word", word)
	}
	return nil
}

var (
	// hedgeWords make a count approximate (30명 내외, 32 정도, 약 500
	// 가량): refused asking for N여, the one approximate form the ledger
	// keeps, rather than stored as exact (review r1 S9, A4).
	hedgeWords = []string{"정도", "안팎", "내외", "가량", "쯤", "추정", "추정치", "잠정", "잠정치",
		"approx", "approx.", "approximately", "roughly", "around", "about", "estimated", "est."}
	// boundWords say a count is a bound, not a figure (33명 이상, 36명
	// 미만): refused, naming the word.
	boundWords = []string{"이상", "미만", "이하", "초과", "over", "under", "above", "below"}
)

// refuseHedge refuses a hedge or bound word anywhere among the words of an
// add line, alone (30명 내외, 32 공동체 7/1 정도) or joined to a number
// (30명내외, 33명이상). count is the count read, or nil when the words are
// checked before it is: a joined word then names its own number.
func refuseHedge(cmd *Command, ts []token, count *numbers.Number) error {
	for _, t := range ts {
		if t.quoted {
			continue
		}
		w := stripBrackets(t.text)
		f := fold(w)
		for _, list := range [][]string{hedgeWords, boundWords} {
			for _, h := range list {
				var n numbers.Number
				switch base, ok := strings.CutSuffix(f, fold(h)); {
				case f == fold(h) && count != nil:
					n = *count
				case ok && base != "" && count == nil:
					var err error
					if n, err = numbers.Parse(base); err != nil {
						continue
					}
				default:
					continue
				}
				example := numbers.Format(n.Value) + "여"
				if n.Counter == "명" || n.Counter == "개" {
					example += n.Counter
				}
				if slices.Contains(boundWords, h) {
					return usageErr(cmd.Name, "entries.count_is_a_bound", "Typed", t.raw)
				}
				return usageErr(cmd.Name, "entries.count_is_hedged", "Typed", t.raw, "Word", h, "Example", example,
					"Exact", numbers.Format(n.Value))
			}
		}
	}
	return nil
}

var (
	// decreaseStems say the number went down (감소, 퇴사, 해지 …): an add
	// line records new jobs only, so such a line is refused (review r3 S1)
	// rather than added as an increase with the words left in the note. A
	// word is one of them alone or with an ending of decreaseEndings
	// (퇴사자, 감소분, 이탈로), never as a part of another word (이탈리아,
	// 폐업지원금 stay notes).
	// 퇴직 (resignation, retirement) is a 퇴사 in a public body's words
	// (review ko-official, 퇴직 3).
	decreaseStems = []string{"감소", "차감", "퇴사", "퇴직", "감원", "이탈", "중도포기", "포기자", "해고", "해지",
		"계약해지", "폐업", "decrease", "decreased", "decreases", "left", "quit", "resigned", "resignation", "resignations", "quitted", "dropout", "dropouts"}
	decreaseEndings = []string{"", "자", "자들", "분", "됨", "함", "했음", "됐음", "되어", "발생", "으로", "로",
		"인원", "은", "는", "이", "가", "을", "를", "도"}
	// hireStems are the words a hire is written with; hireDenials after
	// them (채용 안 됨, 채용은 아직, 입사 보류) or joined to them (채용무산,
	// 채용되지) say the people were not hired (review r4 X5). 대기 alone and
	// 미정 after 채용 are refused by the checks that already name them.
	hireStems   = []string{"채용", "입사", "취업"}
	hireDenials = []string{"안", "안됨", "안함", "안했음", "안돼", "안됐음", "못", "못함", "못했음", "못됨", "않음", "않았음",
		"아직", "무산", "무산됨", "보류", "보류됨", "보류중", "대기중", "미정", "불발", "되지", "되지않음", "하지않음", "못하였음"}
	// hireDenialJoined begin what follows a hire word joined to it
	// (채용무산, 채용되지, 채용안됨): 채용안내 and 취업안정 stay notes.
	hireDenialJoined = []string{"안되", "안됨", "안함", "안했", "안돼", "못", "않", "되지", "무산", "보류", "불발", "미정"}
	// hireDenialSpans are English phrases of the same meaning, as folded words.
	hireDenialSpans = [][]string{{"not", "yet", "hired"}, {"not", "hired"}, {"no", "hires"}, {"no", "hire"},
		{"no", "one", "hired"}, {"nobody", "hired"}, {"yet", "to", "be", "hired"}, {"hiring", "fell", "through"},
		{"dropped", "out"}}
)

// deniedOrDecrease finds words of an add line that say the jobs went down
// (decrease true) or that the people were not hired. It returns the words as
// typed, and the hire word they deny.
func deniedOrDecrease(ts []token) (typed, word string, decrease bool) {
	folded := make([]string, len(ts))
	for i, t := range ts {
		if !t.quoted {
			folded[i] = fold(stripBrackets(withoutRoundPrefix(t.text)))
		}
	}
	hireBase := func(f string) (string, bool) {
		for _, s := range hireStems {
			if f == s {
				return s, true
			}
			for _, p := range keywordParticles {
				if f == s+p {
					return s, true
				}
			}
		}
		return "", false
	}
	// 퇴사자 재취업, 폐업 소상공인 재창업: the words say who was hired.
	reemployed := slices.ContainsFunc(folded, func(f string) bool {
		return containsAny(f, []string{"재취업", "재고용", "재창업", "재입사"})
	})
	for i, f := range folded {
		if f == "" {
			continue
		}
		for _, span := range hireDenialSpans {
			if i+len(span) <= len(folded) && slices.Equal(folded[i:i+len(span)], span) {
				return rawJoin(ts[i : i+len(span)]), "hired", span[0] == "dropped"
			}
		}
		for _, s := range decreaseStems {
			for _, e := range decreaseEndings {
				if f == s+e && !reemployed {
					return ts[i].raw, s, true
				}
			}
		}
		if strings.HasPrefix(f, "줄어") || strings.HasPrefix(f, "줄었") {
			return ts[i].raw, "줄어", true
		}
		if s, ok := hireBase(f); ok {
			for j := i + 1; j <= i+2 && j < len(folded); j++ {
				if slices.Contains(hireDenials, folded[j]) {
					end := j + 1
					if end < len(folded) && slices.Contains([]string{"됨", "함", "했음", "됐음", "돼", "되었음", "않음", "않았음", "중"}, folded[end]) {
						end++
					}
					start := i
					if i > 0 && folded[i-1] == "아직" {
						start = i - 1
					}
					return rawJoin(ts[start:end]), s, false
				}
			}
			continue
		}
		for _, s := range hireStems {
			if rest, ok := strings.CutPrefix(f, s); ok && rest != "" && slices.ContainsFunc(hireDenialJoined, func(d string) bool {
				return strings.HasPrefix(rest, d)
			}) {
				return ts[i].raw, s, false
			}
		}
	}
	return "", "", false
}

// refuseDecreaseOrNotHired refuses an add line whose words say the jobs went
// down or the people were not hired: nothing is written, and the reply says
// what to type instead (void or correct the entries a decrease undoes; add
// the jobs once hired; note: to keep the words).
func refuseDecreaseOrNotHired(cmd *Command, ts []token) error {
	typed, word, decrease := deniedOrDecrease(ts)
	switch {
	case typed == "":
		return nil
	case decrease:
		return usageErr(cmd.Name, "entries.decrease_words", "Typed", typed)
	}
	return usageErr(cmd.Name, "entries.negated_status", "Typed", typed, "Word", word)
}

var (
	// agreementStems name an agreement (협약 인원, 약정분, 협약기업).
	agreementStems = []string{"협약", "약정"}
	// hireWordsDone are the words that say people were hired, alone or with
	// a particle: 채용, 채용 완료, 입사, 취업, hired.
	hireWordsDone = []string{"채용", "채용완료", "채용됨", "채용함", "채용했음", "채용분", "채용인원", "채용자",
		"입사", "입사완료", "입사자", "취업", "취업완료", "취업자", "hired"}
	// hireNounsAfter turn a hire word into a subject, not a hire: 채용 안내,
	// 채용 공고, 채용 설명회 are note words.
	hireNounsAfter = []string{"안내", "공고", "설명회", "박람회", "행사", "지원", "지원금", "계획", "예정", "상담", "연계"}
)

// agreementHireWords finds the words of an add line saying the people hired
// are an agreement's: an agreement word (협약 인원, 약정분, 협약 기업) and
// a hire word (채용 완료, 입사) that is not the subject of another noun (채용
// 안내). Such a line was recorded as a plain add and left the agreement
// open (review_ko S5); the words are returned as typed, or "".
func agreementHireWords(ts []token) string {
	agreement, hire := -1, -1
	for i, t := range ts {
		if t.quoted {
			continue
		}
		f := fold(stripBrackets(t.text))
		if agreement < 0 && containsAny(f, agreementStems) {
			agreement = i
		}
		if hire >= 0 {
			continue
		}
		base := f
		for _, p := range keywordParticles {
			if b, ok := strings.CutSuffix(f, p); ok && b != "" && slices.Contains(hireWordsDone, b) {
				base = b
			}
		}
		if !slices.Contains(hireWordsDone, base) {
			continue
		}
		if i+1 < len(ts) && !ts[i+1].quoted && slices.Contains(hireNounsAfter, fold(ts[i+1].text)) {
			continue
		}
		hire = i
	}
	if agreement < 0 || hire < 0 {
		return ""
	}
	from, to := min(agreement, hire), max(agreement, hire)
	// the words between, unless a count or a date stands there: the reply
	// names the phrase, never a figure as part of it
	if to-from > 2 || slices.ContainsFunc(ts[from+1:to], func(t token) bool { return numbers.LooksNumeric(t.text) }) {
		return ts[from].raw + " … " + ts[to].raw
	}
	return rawJoin(ts[from : to+1])
}

// agreementWord is the first word of ts naming an agreement, as typed, or "".
func agreementWord(ts []token) string {
	for _, t := range ts {
		if !t.quoted && containsAny(fold(stripBrackets(t.text)), agreementStems) {
			return t.raw
		}
	}
	return ""
}

// reRoundPrefix is a bracketed round label joined to the word after it:
// `(2차)퇴직`. The round says which one; the word is what was said of it.
var reRoundPrefix = regexp.MustCompile(`^[(（\[]\d{1,2} *(차|회차|차분|차년도|기)[)）\]]`)

// withoutRoundPrefix is w without a bracketed round label at its start, so
// `(2차)퇴직` is read as 퇴직 (review ko-official: it was an unread word).
func withoutRoundPrefix(w string) string {
	if loc := reRoundPrefix.FindStringIndex(w); loc != nil && loc[1] < len(w) {
		return w[loc[1]:]
	}
	return w
}
