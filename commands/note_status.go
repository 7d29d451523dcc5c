package commands

import (
	"regexp"
	"strconv"
	"strings"
)

// reNoteNotHired finds the words of a note that say the jobs are not
// realised hires: an agreement (약정, 협약, MOU), a promise (확약), a plan
// (채용 예정, 계획) or a time before the hiring (채용 전, 입사 대기,
// 내정, 미입사, 모집 중, 공고 중: review r37 F1). A note never sets or changes a field (review F1/F8: `메모:채용
// 전` and a 비고 of `약정 5명(채용 전)` were filed as 채용 because the
// status, not given, defaulted to it); such words only say the status is
// in doubt. 면접 and 모집 are left out: a note often says how people
// were found (공개모집 후 채용), and the typed line asks about them anyway.
// 전 must end the word (채용 전, 채용전에), so 채용 전환 is not one.
var reNoteNotHired = regexp.MustCompile(`(?i)(` + noteAgreementWords + `|확약|((채용|고용|입사|취업) ?)?예정|계획|내정|` +
	`(채용|고용|입사|취업|임용|발령|배치) ?(전|前)(에|이|임|으로)?(?:$|[^가-힣])|` +
	`(입사|발령|임용|배치|채용) ?대기|미입사|미채용|모집 ?중|공고 ?중|agreed|agreement|planned|not (yet )?hired|before (hiring|hire|starting)|to be hired)`)

// noteAgreementWords are the words of a note that name an agreement (약정,
// 협약, 양해각서, MOU): with no status they say the status is in doubt
// (NoteSaysNotHired); with 채용 they say the hires are an agreement's
// (NoteNamesAgreement). One list, so the two checks never disagree.
const noteAgreementWords = `약정|협약|양해각서|mou|agreed|agreement`

var (
	reNoteAgreement = regexp.MustCompile(`(?i)(` + noteAgreementWords + `)`)
	// reNoteAgreementID is an agreement's number in a note: 9번 약정, #9,
	// 약정 9번, agreement 9.
	reNoteAgreementID = regexp.MustCompile(`(?i)(?:#\s*(\d+)|(\d+)\s*번|(?:agreement|약정|협약)\s*(?:no\.?\s*)?(\d+))`)
)

// NoteSaysNotHired returns the words of a note, as written, that say its
// jobs may be agreements or hires still to come, or "" when none do. The
// typed add, the add form and both import layouts refuse an entry whose
// status was not given (it would default to 채용) when its note says so,
// asking for the status (상태:약정 or 상태:채용) rather than guessing it.
func NoteSaysNotHired(note string) string {
	return noteWordsOf(reNoteNotHired, note)
}

// NoteNamesAgreement returns the word of a note, as written, that names an
// agreement (`9번 약정 중 채용`, `약정분`, `MOU 이행`), or "" when none
// does; and the agreement's number when the note gives one, else 0. A hire
// (채용) whose note says so is an agreement's hire, recorded with `채용
// <번호> <수>` so the agreement is realised, not beside it (review r20 F9).
func NoteNamesAgreement(note string) (string, int64) {
	words := noteWordsOf(reNoteAgreement, note)
	if words == "" {
		return "", 0
	}
	if m := reNoteAgreementID.FindStringSubmatch(note); m != nil {
		for _, g := range m[1:] {
			if id, err := strconv.ParseInt(g, 10, 64); err == nil && id > 0 {
				return words, id
			}
		}
	}
	return words, 0
}

// noteWordsOf is the first match of re in note, trimmed of the brackets
// and stops around it.
func noteWordsOf(re *regexp.Regexp, note string) string {
	loc := re.FindStringIndex(note)
	if loc == nil {
		return ""
	}
	return strings.TrimRight(strings.TrimSpace(note[loc[0]:loc[1]]), ")]}）」』>〉》】,.")
}
