package commands

import (
	"slices"
	"strings"

	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// An add line records one count of one program. Report lines often write
// a count split in parts (남 6 여 4, 상용 7 임시 3) or a count that is part
// of it (장애인 3명 포함): read word by word, the second count was misread
// (`6 여` as "about 6") or named a program (장애인), and a refusal that
// named neither left the official guessing (review ko-official). These
// checks run before the count is read and refuse with the line to type.

var (
	maleWords   = []string{"남", "남자", "남성", "men", "man", "male", "males"}
	femaleWords = []string{"여", "여자", "여성", "women", "woman", "female", "females"}
	// includedWords after a count say it is part of the line's count:
	// 장애인 3명 포함.
	includedWords = []string{"포함", "포함됨", "포함함", "포함해서", "포함하여"}
)

// labelledCount is a word that says what a count is (남, 상용) and the
// count after it, as typed.
type labelledCount struct {
	word     string // the label as typed
	value    string // the label's meaning: male/female or an employment type
	count    numbers.Number
	from, to int // the tokens they take
}

// labelledCounts finds each word of words (matched whole, or joined to the
// count: 남6, 상용7명) followed by a count.
func labelledCounts(ts []token, meaning func(string) string) []labelledCount {
	var out []labelledCount
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.quoted {
			continue
		}
		if v := meaning(fold(t.text)); v != "" && i+1 < len(ts) {
			if n, end, ok := countRun(ts, i+1); ok {
				out = append(out, labelledCount{word: t.raw, value: v, count: n, from: i, to: end})
				i = end - 1
			}
			continue
		}
		for _, r := range []rune(t.text)[1:] {
			at := strings.IndexRune(t.text, r)
			if r >= '0' && r <= '9' {
				if v := meaning(fold(t.text[:at])); v != "" {
					if n, err := numbers.Parse(t.text[at:]); err == nil {
						out = append(out, labelledCount{word: t.text[:at], value: v, count: n, from: i, to: i + 1})
					}
				}
				break
			}
		}
	}
	return out
}

func sexOf(f string) string {
	switch {
	case slices.Contains(maleWords, f):
		return "male"
	case slices.Contains(femaleWords, f):
		return "female"
	}
	return ""
}

func employmentOf(f string) string { return freeEmploymentWords[f] }

// refuseSplitCounts refuses an add line whose count is split by sex (남 6
// 여 4) or by employment type (상용 7 임시 3), or that holds a second count
// said to be part of the first (장애인 3명 포함), with the line or lines to
// type instead. Nothing is written.
func refuseSplitCounts(cmd *Command, ts []token) error {
	if cmd.Name != cmdAdd {
		return nil
	}
	if pairs := labelledCounts(ts, sexOf); len(pairs) >= 2 && distinctValues(pairs) {
		rest, note := lineWithout(cmd.Line, ts, pairs)
		total := "" // the line's own count (추가 청년 10 남 6 여 4) stays where it is in rest
		if otherCount(ts, pairs) == "" {
			total = sumOf(pairs)
		}
		parts := make([]string, len(pairs))
		for i, p := range pairs {
			parts[i] = rawJoin(ts[p.from:p.to])
		}
		return usageErr(cmd.Name, "split.by_sex", "Typed", strings.Join(parts, " "),
			"Line", strings.TrimSpace(rest+" "+total), "Note", strings.TrimSpace(strings.Join(parts, ", ")+" "+note))
	}
	if pairs := labelledCounts(ts, employmentOf); len(pairs) >= 2 && distinctValues(pairs) {
		rest, note := lineWithout(cmd.Line, ts, pairs)
		lines := make(splitLines, len(pairs))
		for i, p := range pairs {
			lines[i] = splitLine{Rest: rest, Count: numbers.Format(p.count.Value), Approximate: p.count.Approximate,
				Word: p.word, Type: p.value, Note: note}
		}
		parts := make([]string, len(pairs))
		for i, p := range pairs {
			parts[i] = rawJoin(ts[p.from:p.to])
		}
		return usageErr(cmd.Name, "split.by_employment", "Typed", strings.Join(parts, " "), "Lines", lines)
	}
	return refuseIncludedCount(cmd, ts)
}

// refuseIncludedCount refuses `장애인 3명 포함` (or `including 3
// disabled`) beside the line's count: the part is no field of an entry,
// and read word by word it named a program or a second count.
func refuseIncludedCount(cmd *Command, ts []token) error {
	for i, t := range ts {
		if t.quoted {
			continue
		}
		from, to := -1, -1
		switch f := fold(t.text); {
		case slices.Contains(includedWords, f) && i >= 2:
			// the count ends just before 포함; the word before the count
			for j := i - 1; j >= 1 && j >= i-3; j-- {
				if _, end, ok := countRun(ts, j); ok && end == i && !ts[j-1].quoted && !numbers.LooksNumeric(ts[j-1].text) {
					from, to = j-1, i+1
					break
				}
			}
		case (f == "including" || f == "incl." || f == "incl") && i+2 < len(ts):
			if _, end, ok := countRun(ts, i+1); ok && end < len(ts) && !ts[end].quoted {
				from, to = i, end+1
			}
		}
		if from < 0 {
			continue
		}
		// the line's own count must stand elsewhere: otherwise this is
		// the count, and the words are read as usual
		if !slices.ContainsFunc(append(slices.Clone(ts[:from]), ts[to:]...), func(t token) bool {
			_, err := numbers.Parse(t.text)
			return !t.quoted && err == nil
		}) {
			return nil
		}
		part := rawJoin(ts[from:to])
		drop := from
		if drop > 0 && !ts[drop-1].quoted && isOneOf(ts[drop-1], []string{"중", "중에", "가운데", "of", "whom"}) {
			drop-- // 10명 중 여성 4명 포함: 중 goes with the part, left out of the note
		}
		rest, note := lineWithout(cmd.Line, ts, []labelledCount{{from: drop, to: to}})
		return usageErr(cmd.Name, "split.included_count", "Typed", part, "Line", rest,
			"Note", strings.TrimSpace(part+" "+note))
	}
	return nil
}

func distinctValues(pairs []labelledCount) bool {
	return slices.ContainsFunc(pairs, func(p labelledCount) bool { return p.value != pairs[0].value })
}

// otherCount is the first count of ts outside the pairs, as typed, or "".
func otherCount(ts []token, pairs []labelledCount) string {
	for i := 0; i < len(ts); i++ {
		if slices.ContainsFunc(pairs, func(p labelledCount) bool { return i >= p.from && i < p.to }) || ts[i].quoted {
			continue
		}
		if _, end, ok := countRun(ts, i); ok {
			return rawJoin(ts[i:end])
		}
	}
	return ""
}

// sumOf is the pairs' counts added up, as a count is typed (10, 10여).
func sumOf(pairs []labelledCount) string {
	var sum int64
	approx := false
	for _, p := range pairs {
		sum += p.count.Value
		approx = approx || p.count.Approximate
	}
	if approx {
		return numbers.Format(sum) + "여"
	}
	return numbers.Format(sum)
}

// lineWithout is the typed line without the words the pairs take and
// without its note (note:/메모: takes the rest of the line), and that note.
func lineWithout(line string, ts []token, pairs []labelledCount) (string, string) {
	note := ""
	if j, key := restOfLineOption(line); key == "note" {
		_, after, _ := strings.Cut(line[j:], ":")
		line, note = strings.TrimSpace(line[:j]), strings.TrimSpace(after)
	}
	fields := strings.Fields(line)
	for _, p := range pairs {
		for _, t := range ts[p.from:p.to] {
			if k := slices.Index(fields, t.raw); k >= 0 {
				fields = slices.Delete(fields, k, k+1)
			}
		}
	}
	return strings.Join(fields, " "), note
}

// splitLine is one line of an add split by employment type.
type splitLine struct {
	Rest, Count, Word, Type, Note string
	Approximate                   bool
}

// splitLines are the lines to type for a count split by employment type,
// one a line, written in the reply's language.
type splitLines []splitLine

// In implements i18n.Localized.
func (ls splitLines) In(p i18n.Printer) string {
	out := make([]string, len(ls))
	for i, l := range ls {
		count := l.Count
		if l.Approximate {
			count += "여"
		}
		note := ""
		if l.Note != "" {
			note = " " + p.T("entries.note_label") + l.Note
		}
		// the type as it was typed in Korean (고용형태:상용); its code in
		// English (type:regular), the value an English reader knows
		typ := l.Type
		if p.Lang() == i18n.Korean {
			typ = l.Word
		}
		out[i] = p.T("split.employment_line", "Rest", l.Rest, "Count", count, "Type", typ, "Note", note)
	}
	return strings.Join(out, "\n")
}
