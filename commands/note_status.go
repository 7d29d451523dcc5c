package commands

import (
	"regexp"
	"strings"
)

// reNoteNotHired finds the words of a note that say the jobs are not
// realised hires: an agreement (약정, 협약, MOU), a promise (확약), a plan
// (채용 예정, 계획) or a time before the hiring (채용 전, 입사 대기,
// 내정). A note never sets or changes a field (review F1/F8: `메모:채용
// 전` and a 비고 of `약정 5명(채용 전)` were filed as 채용 because the
// status, not given, defaulted to it); such words only say the status is
// in doubt. 면접 and 모집 are left out: a note often says how people
// were found (공개모집 후 채용), and the typed line asks about them anyway.
// 전 must end the word (채용 전, 채용전에), so 채용 전환 is not one.
var reNoteNotHired = regexp.MustCompile(`(?i)(약정|협약|양해각서|mou|확약|((채용|고용|입사|취업) ?)?예정|계획|내정|` +
	`(채용|고용|입사|취업|임용|발령|배치) ?(전|前)(에|이|임|으로)?(?:$|[^가-힣])|` +
	`(입사|발령|임용|배치|채용) ?대기|agreed|agreement|planned|not (yet )?hired|before (hiring|hire|starting)|to be hired)`)

// NoteSaysNotHired returns the words of a note, as written, that say its
// jobs may be agreements or hires still to come, or "" when none do. The
// typed add, the add form and both import layouts refuse an entry whose
// status was not given (it would default to 채용) when its note says so,
// asking for the status (상태:약정 or 상태:채용) rather than guessing it.
func NoteSaysNotHired(note string) string {
	loc := reNoteNotHired.FindStringIndex(note)
	if loc == nil {
		return ""
	}
	return strings.TrimRight(strings.TrimSpace(note[loc[0]:loc[1]]), ")]}）」』>〉》】,.")
}
