package commands

import (
	"errors"
	"slices"
	"strings"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// nonJobCounters count firms, sites or cases, not jobs: "4개사와 협약" is four
// companies. A count with one of them is refused, never stored as jobs.
var nonJobCounters = map[string]bool{
	"개사": true, "개소": true, "개업체": true, "개기업": true, "개기관": true,
	"곳": true, "건": true, "업체": true,
}

// nonJobNouns after a bare 개 make it a count of organisations: 3개 기업.
var nonJobNouns = []string{"기업", "업체", "회사", "사", "기관", "단체", "법인", "사업장", "곳", "개소", "건"}

// takeSignedDelta reads +550 as the delta 550 in a command whose count may
// be Cumulative (add): officials write a change with its sign. A cumulative report states a total, so a sign there
// is refused; other commands keep refusing signs through the number parser.
func takeSignedDelta(cmd *Command, ts []token) ([]token, error) {
	if spec, _ := specNamed(cmd.Name); !spec.Cumulative {
		return ts, nil
	}
	out := ts[:0:0]
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		t.text = strings.Replace(t.text, "＋", "+", 1)
		if t.text == "+" && !t.quoted && i+1 < len(ts) && !ts[i+1].quoted && numbers.StartsLikeNumber(ts[i+1].text) {
			i++ // "+ 7": the sign stands apart from its count
			t = token{text: "+" + ts[i].text, raw: "+" + ts[i].raw}
		}
		if rest, ok := strings.CutPrefix(t.text, "+"); ok && !t.quoted && numbers.StartsLikeNumber(rest) {
			if cmd.Cumulative {
				return nil, usageErr(cmd.Name, "parse.sign_with_cumulative", "Typed", t.text)
			}
			t.text, t.raw = rest, rest
		}
		out = append(out, t)
	}
	return out, nil
}

// checkCounted refuses what the counter or the words around a count say is
// not jobs: firms, sites or cases (3개사, 3곳, 5건, 3개 기업), an amount of
// money written without 원 (3464억), and a 여 cut off by a space (500 여).
func checkCounted(command string, n numbers.Number, run, after []token) *UsageError {
	typed := textJoin(run)
	if nonJobCounters[n.Counter] {
		return usageErr(command, "parse.counter_not_jobs", "Typed", typed, "Counter", n.Counter, "N", n.Value)
	}
	if len(after) > 0 && !after[0].quoted {
		next := after[0].text
		if n.Counter == "개" && isOneOf(after[0], nonJobNouns) {
			return usageErr(command, "parse.counter_not_jobs", "Typed", typed+" "+next, "Counter", next, "N", n.Value)
		}
		if next == "여" || next == "여명" || next == "여개" {
			return usageErr(command, "parse.count.space_yeo", "Typed", typed+" "+next, "Joined", typed+next)
		}
	}
	if second, more, ok := plusOthers(after); ok {
		return plusOthersErr(command, n, second, typed+" "+more)
	}
	if more, ok := minusOthers(after); ok {
		// 10 외 -5명: two counts, one below zero (review r2 m1); kept as
		// a note it recorded 10.
		return usageErr(command, "parse.count_plus_others_negative", "Typed", typed+" "+more)
	}
	if n.Counter == "" && strings.ContainsAny(typed, "만억") && n.Value > MaxCount {
		return usageErr(command, "parse.looks_like_money", "Typed", typed)
	}
	return nil
}

// plusOthers reads "외 20명" (or "외20명") after a count: a second count
// of jobs on top of the first (180 외 20명). It returns the second count,
// the words of it as typed, and whether they were there; 외 is never looked
// up as a program.
func plusOthers(after []token) (numbers.Number, string, bool) {
	if len(after) == 0 || after[0].quoted {
		return numbers.Number{}, "", false
	}
	rest, ok := strings.CutPrefix(after[0].text, "외")
	if !ok {
		return numbers.Number{}, "", false
	}
	words := after[1:]
	if rest != "" {
		words = append([]token{{text: rest, raw: rest}}, after[1:]...)
	}
	second, end, ok := countRun(words, 0)
	if !ok || nonJobCounters[second.Counter] {
		return numbers.Number{}, "", false
	}
	more := textJoin(after[:end+1])
	if rest != "" {
		more = textJoin(after[:end])
	}
	return second, more, true
}

// minusOthers reads "외 -5명" (or "외-5명") after a count: a second count
// with a sign, which no count reads, and which would otherwise be kept as
// note text. It returns the words as typed.
func minusOthers(after []token) (string, bool) {
	if len(after) == 0 || after[0].quoted {
		return "", false
	}
	rest, ok := strings.CutPrefix(after[0].text, "외")
	if !ok {
		return "", false
	}
	words := slices.Clone(after[1:])
	if rest != "" {
		words = append([]token{{text: rest, raw: rest}}, words...)
	}
	if len(words) == 0 || words[0].quoted {
		return "", false
	}
	unsigned := strings.TrimLeft(words[0].text, "-−－+＋")
	if unsigned == words[0].text {
		return "", false
	}
	if unsigned == "" { // 외 - 5명
		words = words[1:]
	} else {
		words[0] = token{text: unsigned, raw: unsigned}
	}
	_, end, ok := countRun(words, 0)
	if !ok {
		return "", false
	}
	if unsigned == "" {
		end++
	}
	if rest != "" {
		return textJoin(after[:end]), true
	}
	return textJoin(after[:end+1]), true
}

// plusOthersErr refuses two counts (180 외 20명): how they add up is the
// official's to say, so the line is refused with their sum as the total to
// write. A count above MaxCount is refused as too large, as a single one
// is; a sum above it (each count within it, so the sum cannot overflow) is
// no total an entry takes, so the answer names no example
// (review_hostile2 N4: 9223372036854775807 외 1명 suggested a negative one).
func plusOthersErr(command string, first, second numbers.Number, typed string) *UsageError {
	for _, c := range []numbers.Number{first, second} {
		if c.Value > MaxCount {
			return usageErr(command, "parse.count_too_large", "Value", numbers.Format(c.Value), "MaxCount", numbers.Format(MaxCount))
		}
	}
	sum := first.Value + second.Value
	if sum > MaxCount {
		return usageErr(command, "parse.count_plus_others_too_large", "Typed", typed, "MaxCount", numbers.Format(MaxCount))
	}
	total := numbers.Format(sum)
	if first.Approximate || second.Approximate {
		total += "여"
	}
	return usageErr(command, "parse.count_plus_others", "Typed", typed, "Total", total)
}

// bareConfirmWords are the chat answers to a question (네, 예, 확인, yes).
var bareConfirmWords = []string{"네", "예", "넵", "네네", "응", "확인", "확인함", "확인했습니다", "맞습니다", "맞아요", "yes", "ok", "okay", "confirm", "y"}

// suggestAdd turns "no such command" into "put add in front" when the line
// reads as an entry once add is put before it (고속철도변 1월말 누계 약 100명):
// the official meant to log jobs, and the corrected line is the answer.
func suggestAdd(err error, tokens []token, today time.Time) error {
	var ue *UsageError
	if !errors.As(err, &ue) || ue.ID != "parse.unknown_command" {
		return err
	}
	// 네 / 확인 alone answers a held line's question as one would in chat;
	// the bot keeps no question open between lines, so say how to confirm
	// (review r22 F39).
	if len(tokens) == 1 && slices.Contains(bareConfirmWords, fold(strings.TrimRight(tokens[0].text, ".!"))) {
		return usageErr("", "lead.bare_confirm", "Text", tokens[0].text)
	}
	if w, rest := gluedCommand(tokens[0].text); w != "" {
		return usageErr("", "t53.glued_command", "Text", tokens[0].text, "Word", w,
			"Line", strings.TrimSpace(w+" "+rest+" "+rawJoin(tokens[1:])))
	}
	if w := resemblingCommand(tokens[0].text); w != "" {
		return usageErr("", "parse.unknown_command_typo", "Text", tokens[0].text, "Word", w,
			"Line", strings.TrimSpace(w+" "+rawJoin(tokens[1:])))
	}
	// 청년 추가 10 11/26: the program typed before the add word. The line
	// to type moves the add word to the front, never writes it twice
	// (review r22 F1: `추가 청년 추가 10 11/26`, itself refused).
	line := tokens
	if len(tokens) > 2 && !tokens[1].quoted && isSpecWord(cmdAdd, fold(tokens[1].text)) {
		line = append([]token{tokens[0]}, tokens[2:]...)
	}
	addCmd := Command{Name: cmdAdd}
	positional, oerr := takeOptions(&addCmd, line, today)
	if oerr != nil {
		return err
	}
	// 약 100명 reads as an add once 추가 is in front; the line then asks
	// for 100 or 100여, which is the add's own answer (issue 19 names
	// `고속철도변 1월말 누계 약 100명` as a line to answer with 추가).
	if perr := parseCounted(&addCmd, positional, today); perr != nil {
		if ue, ok := errors.AsType[*UsageError](perr); !ok || ue.ID != "k57.count_about_prefix" {
			return err
		}
	}
	return usageErr("", "parse.unknown_command_add", "Text", tokens[0].text, "Add", commandName(cmdAdd), "Line", rawJoin(line))
}

// parseUndo refuses words after undo, pointing a number to void: undo
// takes back the caller's latest entry only, void any entry by its number.
func parseUndo(cmd *Command, ts []token, _ time.Time) error {
	if len(ts) == 0 {
		return nil
	}
	if id := strings.TrimPrefix(ts[0].text, "#"); allDigits(id) {
		return usageErr(cmd.Name, "parse.undo_takes_no_number", "ID", id, "Void", commandName(cmdVoid))
	}
	return usageErr(cmd.Name, "parse.takes_nothing_after_it")
}

// parseRemindPreview refuses words after the preview, pointing a month to
// status, whose by-department lines show who has not reported in it.
func parseRemindPreview(cmd *Command, ts []token, today time.Time) error {
	if len(ts) == 0 {
		return nil
	}
	if _, err := dates.ParsePeriod(textJoin(ts), today); err == nil {
		return usageErr(cmd.Name, "parse.preview_takes_no_month", "Typed", textJoin(ts), "Status", commandName(cmdStatus))
	}
	return usageErr(cmd.Name, "parse.takes_nothing_after_it")
}

// noTarget says a year has no target and how to set one; for a year other
// than this one, `target <count>` alone would set this year's, so the line
// names the year option.
func (s *Service) noTarget(year int) string {
	if year == s.today().Year() {
		return s.msg("shared.no_target", "Year", year)
	}
	return s.msg("shared.no_target_year", "Year", year)
}

// monthDayArg is a date without its year (1월 5일, January 5), for saying
// how a short form such as 1.5 was read.
type monthDayArg time.Time

// In implements i18n.Localized.
func (d monthDayArg) In(p i18n.Printer) string {
	return p.T("format.month_day", "Date", time.Time(d))
}

// refuseImpossibleDate refuses a run of words that is a day its month does
// not have (4월 31일): read as periods, 4월 would be taken and 31일 blamed.
func refuseImpossibleDate(cmd *Command, ts []token, today time.Time) error {
	for i := range ts {
		for k := min(len(ts), i+4); k > i; k-- {
			if slices.ContainsFunc(ts[i:k], func(t token) bool { return t.quoted }) {
				continue
			}
			if err := impossibleDay(cmd, textJoin(ts[i:k]), today); err != nil {
				return err
			}
		}
	}
	return nil
}

// impossibleDay refuses typed when it is a day past its month's end,
// saying how many days the month has ("4월은 30일까지입니다.").
func impossibleDay(cmd *Command, typed string, today time.Time) error {
	var e *dates.Error
	if _, err := dates.Parse(typed, today); errors.As(err, &e) && e.LastDay > 0 {
		return usageErr(cmd.Name, "parse_entry.month_has_days", "Typed", typed, "Month", int(e.Month), "LastDay", e.LastDay)
	}
	return nil
}

// negativeCount reports whether the words hold a count typed with a minus
// sign ("-5", "− 5"): a count below 1, refused in the command's words
// (BelowOne) rather than as no count at all, which would name whatever
// word came first.
func negativeCount(ts []token) bool {
	for i, t := range ts {
		if t.quoted {
			continue
		}
		for _, minus := range []string{"-", "−", "–"} {
			rest, ok := strings.CutPrefix(t.text, minus)
			if !ok {
				continue
			}
			if rest == "" && i+1 < len(ts) && !ts[i+1].quoted {
				rest = ts[i+1].text
			}
			if numbers.StartsLikeNumber(rest) {
				return true
			}
		}
	}
	return false
}
