package commands

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// Words that are read as an entry's field when typed without a label. Only
// the plain words: "MOU" or "hired" inside a note are asked about or kept,
// never silently turned into a status.
var (
	freeStatusWords = map[string]EntryStatus{
		"약정": StatusAgreed, "agreed": StatusAgreed,
		"채용": StatusRealised, "realised": StatusRealised, "realized": StatusRealised,
	}
	// English "regular" or "daily" are ordinary note words, so only the
	// Korean terms, which mean nothing else, are read without type:.
	freeEmploymentWords = map[string]string{
		"상용": "regular", "상용직": "regular",
		"임시": "temporary", "임시직": "temporary",
		"일용": "daily", "일용직": "daily",
	}
	// dateTrailers follow a date in reports ("11월30일 기준", "4월말 현재")
	// and mean nothing on their own.
	dateTrailers = []string{"기준", "현재"}
	// A note word that looks like a date but did not read as one: 11월31일,
	// 4월, 1~4월, 4/31, 2026-13-01, 금요일쯤.
	reDateLike = regexp.MustCompile(`\d{1,2} *월|요일|^\d{1,4}[/-]\d{1,2}|^\d{4}\.`)
	// Note words that may mean the jobs are agreements, not hires.
	statusLike = []string{"약정", "mou", "협약", "agreed"}
)

// takeEntryFields takes the free-standing date (11월30일, 11/30, 금요일),
// status word (약정, 채용) and employment type (상용, 임시, 일용) out of an
// add line into cmd.Opts, and refuses a line whose note would still hold
// something that reads as a date or a status: asking costs the user one more
// line, guessing costs a wrong figure. It returns the date as typed, if any.
func takeEntryFields(cmd *Command, ts []token, today time.Time) ([]token, string, error) {
	rest := ts[:0:0]
	dateTyped := ""
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.quoted {
			rest = append(rest, t)
			continue
		}
		if n, d := dateRun(ts, i, today); n > 0 {
			typed := textJoin(ts[i : i+n])
			if cmd.Opts.Date != nil || dateTyped != "" {
				return nil, "", usageErr(cmd.Name, "The line has two dates (`%s` and another); give the date once.",
					"날짜가 두 번 있습니다(`%s` 외 하나). 날짜는 한 번만 쓰세요.", typed)
			}
			dateTyped, cmd.Opts.Date = typed, &d
			i += n - 1
			if i+1 < len(ts) && isOneOf(ts[i+1], dateTrailers) {
				i++
			}
			continue
		}
		if st, ok := freeStatusWords[fold(t.text)]; ok {
			if cmd.Opts.Status != "" && cmd.Opts.Status != st {
				return nil, "", usageErr(cmd.Name, "`%s` contradicts the status given; give the status once.",
					"상태가 서로 다르게 두 번 있습니다(`%s`). 상태는 한 번만 쓰세요.", t.text)
			}
			cmd.Opts.Status = st
			continue
		}
		if et, ok := freeEmploymentWords[fold(t.text)]; ok {
			if cmd.Opts.Employment != "" && cmd.Opts.Employment != et {
				return nil, "", usageErr(cmd.Name, "`%s` contradicts the employment type given; give the type once.",
					"고용형태가 서로 다르게 두 번 있습니다(`%s`). 고용형태는 한 번만 쓰세요.", t.text)
			}
			cmd.Opts.Employment = et
			continue
		}
		rest = append(rest, t)
	}
	return rest, dateTyped, askAboutNote(cmd, rest)
}

// dateRun returns how many words from i read as one date (the longest run,
// up to four words for "2026. 4. 30." or "지난주 금요일") and the date.
func dateRun(ts []token, i int, today time.Time) (int, time.Time) {
	for k := min(len(ts), i+4); k > i; k-- {
		quoted := false
		for _, t := range ts[i:k] {
			quoted = quoted || t.quoted
		}
		if quoted {
			continue
		}
		if d, err := dates.Parse(textJoin(ts[i:k]), today); err == nil {
			return k - i, d
		}
	}
	return 0, time.Time{}
}

// askAboutNote refuses words that would land in the note while reading as a
// date or a status. note:… is the way to keep such words as a note.
func askAboutNote(cmd *Command, ts []token) error {
	for _, t := range ts {
		if t.quoted {
			continue
		}
		if reDateLike.MatchString(t.text) {
			return usageErr(cmd.Name, "`%s` looks like a date I cannot read: write the date like date:2026-11-30 or 11월 30일, or put the words after note: to keep them as a note.",
				"`%s`: 날짜로 보이지만 읽을 수 없습니다. 날짜라면 date:2026-11-30이나 11월 30일처럼 쓰고, 메모라면 note: 뒤에 쓰세요.", t.text)
		}
		f := fold(t.text)
		for _, w := range statusLike {
			if cmd.Opts.Status == "" && strings.Contains(f, w) {
				return usageErr(cmd.Name, "`%s` may mean agreements (MOU) rather than hires: add status:agreed if nobody is hired yet or status:realised if they are, or put the words after note: to keep them as a note.",
					"`%s`: 약정(MOU)일 수 있습니다. 아직 채용 전이면 상태:약정, 이미 채용했으면 상태:채용을 붙이고, 메모로만 남기려면 note: 뒤에 쓰세요.", t.text)
			}
		}
	}
	return nil
}

// comparisonWords ask for 전년 동기, which status always shows beside the
// span; they are accepted so that a line copied from a report still reads.
var comparisonWords = []string{"전년동기", "전년동기대비", "전년대비", "yoy", "vslastyear"}

// dropComparison removes 전년 동기 (one word or two) from status words
// before the period is read, so 전년 is not taken for "last year".
func dropComparison(ts []token) []token {
	out := ts[:0:0]
	for i := 0; i < len(ts); i++ {
		if isOneOf(ts[i], comparisonWords) {
			continue
		}
		if i+1 < len(ts) && !ts[i+1].quoted && isOneOf(ts[i], []string{"전년"}) && isOneOf(ts[i+1], []string{"동기", "대비", "동기대비"}) {
			i++
			continue
		}
		out = append(out, ts[i])
	}
	return out
}

// rePeriodLike is a word that was meant as a period or date (13월, 5분기,
// 1~13월, q5, 2026-13) though it did not read as one.
var rePeriodLike = regexp.MustCompile(`(?i)\d *(월|분기|반기|일)|^\d{4}[-./]|^[qh]\d+$|^\d{1,2} *[~～]|^\d{4}-?w\d`)

// periodReasonsKo words the dates package's reasons in Korean.
var periodReasonsKo = map[string]string{
	"is not a period I know":                    "알 수 없는 기간입니다",
	"is not a date format I know":               "알 수 없는 날짜 형식입니다",
	"has a year outside 2000-2100":              "연도가 2000~2100 밖입니다",
	"has a month outside 1-12":                  "월이 1~12 밖입니다",
	"is not a real date":                        "없는 날짜입니다",
	"has a quarter outside 1-4":                 "분기가 1~4 밖입니다",
	"has a half-year other than 1 or 2":         "반기는 상반기, 하반기뿐입니다",
	"has a week number that year does not have": "그해에 없는 주 번호입니다",
	"ends before it starts":                     "끝이 시작보다 앞섭니다",
	"is not an ISO week like 2026-W17":          "2026-W17 같은 주 표기가 아닙니다",
}

// refuseUnreadPeriod refuses a word left after the period was taken that
// was plainly meant as one: it would otherwise be looked up as a program
// and blamed as an unknown program. The reason names the word.
func refuseUnreadPeriod(cmd *Command, ts []token, today time.Time) error {
	for _, t := range ts {
		if t.quoted || !rePeriodLike.MatchString(t.text) {
			continue
		}
		reason, reasonKo := "is not a period I know", "알 수 없는 기간입니다"
		var e *dates.Error
		if _, err := dates.ParsePeriod(t.text, today); errors.As(err, &e) {
			reason = e.Reason
			if ko, ok := periodReasonsKo[e.Reason]; ok {
				reasonKo = ko
			}
		}
		return &UsageError{Command: cmd.Name,
			En: fmt.Sprintf("`%s` %s. Write periods like 2026, 4월, 1~4월, 1분기, 상반기, 지난주, or a date such as 4월말 for the total through it.", t.text, reason),
			Ko: fmt.Sprintf("`%s`: %s. 기간은 2026, 4월, 1~4월, 1분기, 상반기, 지난주처럼, 그 날짜까지의 누계는 4월말처럼 쓰세요.", t.text, reasonKo)}
	}
	return nil
}
