package commands

import (
	"regexp"
	"strings"
	"time"

	"jobsbot/commands/numbers"
)

// correctMoveLabel refuses a 정정 given 사업: or 부서: (정정 57 5 사업:청년):
// a correction changes only the figure, and "cannot take 사업:" did not say
// how an entry moves to another program or department (review r13 A10).
// tokens are the line's words after the command word; the first is the
// entry number.
func correctMoveLabel(cmd *Command, canonical string, tokens []token) error {
	if cmd.Name != cmdCorrect {
		return nil
	}
	switch canonical {
	case "program", "dept":
		return usageErr(cmd.Name, "k45.correct_cannot_move", "ID", entryNumberOf(tokens))
	case "type", "status", "date":
		// 정정 12 15 고용형태:임시: the way to change a field other than
		// the figure, not only "no such option" (review r22 F5).
		return usageErr(cmd.Name, "lead.correct_cannot_change_field", "ID", entryNumberOf(tokens))
	}
	return nil
}

// entryNumberOf is the entry number a 정정 line starts with (12, #12,
// 12번), or "<번호>" when it does not.
func entryNumberOf(tokens []token) string {
	if len(tokens) > 0 {
		id := strings.TrimSuffix(strings.TrimPrefix(tokens[0].text, "#"), "번")
		if id != "" && strings.Trim(id, "0123456789") == "" {
			return id
		}
	}
	return "<번호>"
}

// reMoveWords are a 정정's words saying the entry moves to another
// program or department (청년일자리로 사업 변경, 부서 이관, moved to youth
// program): a 정정 kept the program and took them as its reason.
var reMoveWords = regexp.MustCompile(`(?i)(사업|부서|소관).*(변경|이동|이관|옮|바꾸|바꿈|바뀜|바꿔)|(변경|이동|이관|옮|바꾸|바꿈|바꿔).*(사업|부서)|\b(move|moved|moving|transfer|transferred)\b.*\b(program|programme|dept|department)\b|\b(program|programme|dept|department)\b.*\b(change|changed|moved|transfer)\b`)

// correctMoveWords refuses a 정정 whose words after the figure (not its
// 사유:, which keeps any reason) say the entry moves to another program or
// department (review r13 A10).
func correctMoveWords(cmd *Command, rest []token) error {
	if cmd.Name != cmdCorrect || !reMoveWords.MatchString(textJoin(rest)) {
		return nil
	}
	return usageErr(cmd.Name, "k45.correct_cannot_move", "ID", cmd.ID)
}

// hireDateFirst refuses `채용 13 12/1 5명`, the date before the count, naming
// the line in the order the command reads (review r13 A6).
func hireDateFirst(cmd *Command, ts []token, today time.Time) error {
	if len(ts) < 3 || ts[0].quoted || !looksLikeID(ts[0].text) {
		return nil
	}
	n, _ := dateRun(ts, 1, today)
	if n == 0 {
		return nil
	}
	if _, end, ok := countRun(ts, 1+n); ok {
		line := []token{ts[0]}
		line = append(line, ts[1+n:end]...)
		line = append(line, ts[1:1+n]...)
		line = append(line, ts[end:]...)
		return usageErr(cmd.Name, "k45.hire_count_first", "Line", rawJoin(line))
	}
	return nil
}

// reFromTo is a target written as a change (1,500에서 1,700으로).
var reFromTo = regexp.MustCompile(`^(.+)에서$`)

// targetAsChange refuses a target written as a change, signed (목표 노인
// +500) or from-to (목표 청년 1,500에서 1,700으로): a target is set as the new
// whole figure, and the reply said only that `노인` or `1,500에서` is no
// number (review r13 A2).
func targetAsChange(cmd *Command, ts []token) error {
	if cmd.Name != cmdTarget {
		return nil
	}
	for i, t := range ts {
		if t.quoted {
			continue
		}
		w := strings.Replace(t.text, "＋", "+", 1)
		if (strings.HasPrefix(w, "+") || strings.HasPrefix(w, "-")) && len(w) > 1 && numbers.StartsLikeNumber(w[1:]) {
			return usageErr(cmd.Name, "k45.target_signed", "Typed", t.text)
		}
		if m := reFromTo.FindStringSubmatch(w); m != nil && numbers.StartsLikeNumber(m[1]) && i+1 < len(ts) {
			to := strings.TrimSuffix(strings.TrimSuffix(ts[i+1].text, "으로"), "로")
			if n, err := numbers.Parse(to); err == nil {
				prog := ""
				for _, o := range ts {
					if o.text != t.text && o.text != ts[i+1].text && !numbers.StartsLikeNumber(o.text) {
						prog = o.text
						break
					}
				}
				if prog == "" {
					prog = "…"
				}
				return usageErr(cmd.Name, "k45.target_from_to", "Typed", t.text+" "+ts[i+1].text,
					"Figure", numbers.Format(n.Value), "Program", prog)
			}
		}
	}
	return nil
}

// reCountComma is a count with a comma after it and nothing more (5,).
var reCountComma = regexp.MustCompile(`^[0-9][0-9,]*[명개]?,$`)

// programListComma drops the comma after a count that lists programs
// (추가 청년 5, 노인 3): read as a misplaced thousands comma, the reply never
// said the line holds two programs; without it the line is refused as one
// entry of two programs, by name (review r13 A1).
func programListComma(ts []token) []token {
	out := ts[:0:0]
	for i, t := range ts {
		if !t.quoted && reCountComma.MatchString(t.text) && i+1 < len(ts) && !numbers.StartsLikeNumber(ts[i+1].text) {
			t.text, t.raw = strings.TrimSuffix(t.text, ","), strings.TrimSuffix(t.raw, ",")
		}
		out = append(out, t)
	}
	return out
}
