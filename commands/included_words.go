package commands

import "strings"

var (
	// includingWords after a status word say the figure holds that status
	// among others (약정 포함, 약정분 포함해서, agreed included): the line is
	// a mixed figure, neither all hires nor all agreements.
	includingWords = []string{"포함", "포함해서", "포함하여", "포함한", "포함된", "포함됨", "포함함", "포함임", "포함분",
		"합산", "합산해서", "합산한", "included", "incl", "incl.", "inclusive"}
	// includingBefore words before a status word say the same (including
	// agreed).
	includingBefore = []string{"including", "incl", "incl.", "with", "plus"}
)

// statusIncluded finds a status word with an including word (약정 포함,
// 약정분 포함, 약정을 포함해서, 약정포함, including agreed): the figure
// counts hires and agreements together. Left unread, the bot's note hint
// kept 약정 as the status and put 포함 in the note, which recorded a whole
// 누계 as agreements (review r13 S5). It returns the words as typed.
func statusIncluded(ts []token) string {
	status := func(w string) bool {
		f := fold(stripBrackets(w))
		if freeStatusWords[f] != "" {
			return true
		}
		for _, p := range append([]string{"분", "분을", "분도", "분까지", "까지", "도"}, keywordParticles...) {
			if base, ok := strings.CutSuffix(f, p); ok && base != f && freeStatusWords[base] != "" {
				return true
			}
		}
		return false
	}
	including := func(i int) bool {
		return i >= 0 && i < len(ts) && !ts[i].quoted && isOneOf(token{text: stripBrackets(ts[i].text)}, includingWords)
	}
	for i, t := range ts {
		if t.quoted {
			continue
		}
		if status(t.text) {
			if including(i + 1) {
				return rawJoin(ts[i : i+2])
			}
			if i > 0 && !ts[i-1].quoted && isOneOf(ts[i-1], includingBefore) {
				return rawJoin(ts[i-1 : i+1])
			}
			continue
		}
		f := fold(stripBrackets(t.text))
		for _, w := range includingWords {
			if base, ok := strings.CutSuffix(f, w); ok && base != f && status(base) {
				return t.raw
			}
		}
	}
	return ""
}

// refuseStatusIncluded refuses an add line whose figure includes another
// status (약정 포함), asking for the hires and the agreements on lines of
// their own. No hint keeps the status word, which would file the whole
// figure as it.
func refuseStatusIncluded(cmd *Command, ts []token) error {
	if typed := statusIncluded(ts); typed != "" {
		return usageErr(cmd.Name, "k45.status_included", "Typed", typed)
	}
	return nil
}

// conversionPhrase finds words saying workers already employed changed
// contract, written other ways than 정규직 전환 (정규 전환, 정규직으로 전환,
// 무기직 전환, 전환채용, 인턴 전환, 인턴→정규, converted): such a line got the
// hint to move the words into the note, which records converted workers
// as new jobs (review r13 A7). Any word holding 전환 is one.
func conversionPhrase(ts []token) string {
	for i, t := range ts {
		if t.quoted {
			continue
		}
		f := fold(stripBrackets(t.text))
		switch {
		case strings.Contains(f, "전환"):
			if i > 0 && !ts[i-1].quoted && conversionSide(fold(stripBrackets(ts[i-1].text))) {
				return rawJoin(ts[i-1 : i+1])
			}
			return t.raw
		case f == "converted" || f == "conversion" || f == "conversions":
			return t.raw
		}
		for _, a := range []string{"→", "->", "⇒", "=>"} {
			if before, after, ok := strings.Cut(f, a); ok && (conversionSide(before) || conversionSide(after)) {
				return t.raw
			}
		}
	}
	return ""
}

// conversionSide is a contract word on a side of an arrow (인턴→정규).
func conversionSide(w string) bool {
	for _, p := range []string{"인턴", "정규", "무기", "계약", "비정규", "기간제", "임시"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// refuseConversion refuses a conversion phrase with the conversion
// refusal, never a note hint.
func refuseConversion(cmd *Command, ts []token) error {
	if typed := conversionPhrase(ts); typed != "" {
		return usageErr(cmd.Name, "parse_entry.conversion_is_not_a_new_job", "Text", typed)
	}
	return nil
}

// periodTrailers after a status period say the period itself (12월 현재,
// 11월 한달, 11월 한 달간): left in, they were looked up as programs and
// refused as unknown ones (review r13 A11).
var periodTrailers = []string{"현재", "한달", "한달간", "한달치", "동안", "전체", "중", "so-far", "sofar"}

// dropPeriodTrailers removes periodTrailers (and 한 달) when a period was
// read.
func dropPeriodTrailers(cmd *Command, ts []token) []token {
	if cmd.Period == nil {
		return ts
	}
	out := ts[:0:0]
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if !t.quoted && fold(t.text) == "한" && i+1 < len(ts) && !ts[i+1].quoted && strings.HasPrefix(fold(ts[i+1].text), "달") && isOneOf(token{text: "한" + ts[i+1].text}, periodTrailers) {
			i++
			continue
		}
		if !t.quoted && isOneOf(t, periodTrailers) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// unreadAfterStatus is the status word and the unread word right after it
// (약정 검토분) when an add's free status word is followed by a word no
// field reads: the note hint kept the status and moved the word, which
// files the whole figure under that status whatever the word said of it
// (약정 포함 became +1,135 agreements, review r13 S5). Such a line gets no
// note line to copy; "" when the unread words stand elsewhere.
func unreadAfterStatus(cmd Command, unread []string) string {
	if cmd.StatusWord == "" || len(unread) == 0 {
		return ""
	}
	fields := strings.Fields(cmd.Line)
	for i, f := range fields {
		if f == cmd.StatusWord && i+1 < len(fields) && fields[i+1] == unread[0] {
			return f + " " + unread[0]
		}
	}
	return ""
}
