package commands

import (
	"context"
	"regexp"
	"strconv"
	"strings"
)

// partialCount finds a count of jobs or people in a void's reason: 2명,
// 2인, 3개, 3개소, 1건, 2곳, 2회 (twice duplicated: 2 of the jobs, k44),
// "2 people", "2 times". Digits only: a count spelled in words is rare in
// a reason and 일 or 두 in other words would be misread. An order (2차,
// 2회차) is no count: voidReadsAsPartial skips a unit followed by 차.
var partialCount = regexp.MustCompile(`(?i)(^|[^0-9,])([0-9][0-9,]*)\s*(명|인|개|건|곳|회|人|jobs?\b|people\b|persons?\b|hires?\b|duplicates?\b|entries\b|times\b)`)

// partialWordCount finds a count spelled in Korean words before a counter
// (`두 명`, `세건`, `열두 명`, review r19 F14): read as written, 두 명
// voided the whole entry where 2명 is refused. Only the native numbers
// with a counter after them: 한 or 세 alone are other words, and 한
// 사업장 counts no jobs.
var partialWordCount = regexp.MustCompile(`(^|[^가-힣])((?:열|스물)?(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉)|열|스무)\s*(명|개|건|곳|군데|회|번|사람)`)

// wordCounts are the native Korean numbers partialWordCount reads.
var wordCounts = map[string]int64{"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "스무": 20, "스물": 20}

// partialBareCount finds a bare count right before 중복 (`12명 중 2 중복`,
// `2는 중복`, r21 M5): the count has no counter, so it is read only there.
// A date (11/30 중복), an entry number (#12 중복) or a decimal is no count.
var partialBareCount = regexp.MustCompile(`(^|[^0-9,./#:\-])([0-9][0-9,]*)\s*(?:은|는|이|가|만|도)?\s*중복`)

// partialWordAlone finds a native number standing alone (`둘은 중복`,
// `하나만 중복`, r21 M5): only the forms that are no counter's prefix
// (하나, 둘, 셋, 넷), followed by a particle or a space, and 다섯 to 아홉,
// which mean nothing else (r23 M7: `여섯은 중복` voided the whole entry).
var partialWordAlone = regexp.MustCompile(`(^|[^가-힣])(하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉)(?:은|는|이|가|만|도)?(\s|$|[^가-힣])`)

// wordsAlone are the numbers partialWordAlone reads.
var wordsAlone = map[string]int64{"하나": 1, "둘": 2, "셋": 3, "넷": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}

// partialShare finds a share named without a count (`절반 중복`, `반은
// 중복`, `일부 중복`, `half`, `some of them`, r21 M5). 반 and 일부 are read
// only as words of their own (반영, 위반, 일부러 are other words).
var partialShare = regexp.MustCompile(`(?i)(^|[^가-힣0-9])(절반|반|일부)(?:은|는|이|가|만|도|을|를)?(\s|$|[^가-힣])|\b(half|some of|part of|partly|partially)\b`)

// wordCount is the number of a partialWordCount match: 열두 is 12, 스물한 21.
func wordCount(words string) int64 {
	for _, tens := range []string{"열", "스물"} {
		if rest, ok := strings.CutPrefix(words, tens); ok && rest != "" {
			return wordCounts[tens] + wordCounts[rest]
		}
	}
	return wordCounts[words]
}

// voidReadsAsPartial refuses a 무효 whose reason counts fewer than the
// entry records (review F38: `무효 69 2명 중복` voided all 40 of #69): the
// person meant to take off part of it, which is a 정정 to what remains. A
// count equal to the whole entry (or more) is just the reason.
func (s *Service) voidReadsAsPartial(ctx context.Context, e Entry, reason string) (Reply, bool) {
	figure := e.Count
	if e.Kind == KindCumulative {
		figure = e.ReportedTotal // what a 정정 of a 누계 takes
	}
	// Full-width digits (２명, a Korean IME in full-width mode) count as
	// digits: read as words, `무효 1 ２명 중복` voided the whole entry (r16).
	reason, _ = noteFold(reason) // one width folding for notes and reasons
	type counted struct {
		part string
		n    int64
		bare bool // no counter typed (2 중복, 둘은): the advice names it with the unit
	}
	var counts []counted
	for _, ix := range partialCount.FindAllStringSubmatchIndex(reason, -1) {
		if strings.HasPrefix(reason[ix[1]:], "차") {
			continue // 2회차 is the second round, no count of jobs
		}
		n, err := strconv.ParseInt(strings.ReplaceAll(reason[ix[4]:ix[5]], ",", ""), 10, 64)
		if err == nil {
			counts = append(counts, counted{strings.TrimSpace(reason[ix[4]:ix[1]]), n, false})
		}
	}
	for _, ix := range partialWordCount.FindAllStringSubmatchIndex(reason, -1) {
		if strings.HasPrefix(reason[ix[1]:], "차") || strings.HasPrefix(reason[ix[1]:], "째") {
			continue // 두 번째 is an order, no count of jobs
		}
		counts = append(counts, counted{strings.TrimSpace(reason[ix[4]:ix[1]]), wordCount(reason[ix[4]:ix[5]]), false})
	}
	for _, ix := range partialBareCount.FindAllStringSubmatchIndex(reason, -1) {
		n, err := strconv.ParseInt(strings.ReplaceAll(reason[ix[4]:ix[5]], ",", ""), 10, 64)
		if err == nil {
			counts = append(counts, counted{reason[ix[4]:ix[5]], n, true})
		}
	}
	for _, m := range partialWordAlone.FindAllStringSubmatch(reason, -1) {
		counts = append(counts, counted{m[2], wordsAlone[m[2]], true})
	}
	for _, c := range counts {
		n, part := c.n, c.part
		if n <= 0 || n >= figure {
			continue
		}
		return s.voidPartialRefusal(ctx, e, figure, part, figure-n, c.bare), true
	}
	// A share without a count (절반, 일부): 절반 leaves half, 일부 leaves a
	// figure only the official knows.
	if m := partialShare.FindStringSubmatch(reason); m != nil && figure > 1 {
		part := m[2] + m[4]
		switch strings.ToLower(part) {
		case "절반", "반", "half":
			return s.voidPartialRefusal(ctx, e, figure, part, figure-figure/2, false), true
		}
		return s.voidPartialRefusal(ctx, e, figure, part, 0, false), true
	}
	return Reply{}, false
}

// voidPartialRefusal is the refusal of a void whose reason reads as part
// of the entry; rest is the figure that remains, 0 when the reason does
// not say (일부), and the 정정 is then shown with <남는 수>. bare: the
// words gave no counter (2 중복, 둘은), so the advice writes the count
// taken off with the unit (2개만 빼려면; 2만 reads as 20,000).
func (s *Service) voidPartialRefusal(ctx context.Context, e Entry, figure int64, words string, rest int64, bare bool) Reply {
	programs, _ := s.store.Programs(ctx) // on failure the count names no unit
	_, unit := s.programOf(programs, e.ProgramID, e.ProgramCode)
	part := words
	if bare {
		part = s.unitCount(figure-rest, false, unit)
	}
	correct := s.msg("k31.void_partial_correct", "Part", part, "ID", e.ID, "Rest", rest)
	if rest <= 0 {
		correct = s.msg("k57.void_partial_correct_rest", "Part", part, "ID", e.ID)
	}
	return Reply{Command: cmdVoid, Outcome: OutcomeRefused,
		Title:    s.msg("k31.void_reads_as_partial", "Words", words, "Entry", s.entryBrief(ctx, e), "Figure", s.unitCount(figure, e.Approximate, unit)),
		Sections: []Section{{Lines: []string{correct, s.msg("k31.void_whole", "ID", e.ID)}}}}
}
