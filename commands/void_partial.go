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
var partialCount = regexp.MustCompile(`(?i)(^|[^0-9,])([0-9][0-9,]*)\s*(명|인|개|건|곳|회|jobs?\b|people\b|persons?\b|hires?\b|duplicates?\b|entries\b|times\b)`)

// halfWidthDigits turns full-width digits and comma into ASCII.
var halfWidthDigits = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4",
	"５", "5", "６", "6", "７", "7", "８", "8", "９", "9", "，", ",")

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
	reason = halfWidthDigits.Replace(reason)
	for _, ix := range partialCount.FindAllStringSubmatchIndex(reason, -1) {
		if strings.HasPrefix(reason[ix[1]:], "차") {
			continue // 2회차 is the second round, no count of jobs
		}
		m := []string{reason[ix[0]:ix[1]], reason[ix[2]:ix[3]], reason[ix[4]:ix[5]]}
		n, err := strconv.ParseInt(strings.ReplaceAll(m[2], ",", ""), 10, 64)
		if err != nil || n <= 0 || n >= figure {
			continue
		}
		part := strings.TrimSpace(m[0][len(m[1]):])
		programs, _ := s.store.Programs(ctx) // on failure the count names no unit
		_, unit := s.programOf(programs, e.ProgramID, e.ProgramCode)
		return Reply{Command: cmdVoid, Outcome: OutcomeRefused,
			Title: s.msg("k31.void_reads_as_partial", "Words", part, "Entry", s.entryBrief(ctx, e), "Figure", s.unitCount(figure, e.Approximate, unit)),
			Sections: []Section{{Lines: []string{
				s.msg("k31.void_partial_correct", "Part", part, "ID", e.ID, "Rest", figure-n),
				s.msg("k31.void_whole", "ID", e.ID),
			}}}}, true
	}
	return Reply{}, false
}
