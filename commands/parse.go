package commands

import (
	"errors"
	"fmt"
	"jobsbot/commands/i18n"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
	"jobsbot/commands/reasons"
)

// Limits on what users type; past them a command is refused, not truncated.
const (
	MaxCount     = 1_000_000
	MaxNoteRunes = 500
	MaxNameRunes = 200
	MaxTextBytes = 4000 // a Slack slash command's text is at most a few KB anyway
)

// dateArg is a date argument of a parse error, written in the reply's
// language when the error is shown.
type dateArg time.Time

// In implements i18n.Localized.
func (d dateArg) In(p i18n.Printer) string { return p.Date(time.Time(d)) }

var (
	// cumulativeWords mark a cumulative report. Besides 누계/누적 officials
	// write 누계실적, 누적치, 연간누계, 총계 …: each left in the note would
	// file the total as new jobs (review_ko2 finding 2).
	cumulativeWords = []string{"cumulative", "cum", "ytd", "누적", "누계",
		"누계실적", "누적실적", "누계치", "누적치", "누계인원", "누적인원", "연간누계", "연간누적",
		"누계합계", "누적합계", "총계", "현재까지"}
	mineWords = []string{"mine", "me", "my", "내것", "내꺼", "내기록", "내실적", "나의기록", "나의실적", "나"}
)

func isOneOf(t token, words []string) bool {
	if t.quoted {
		return false
	}
	f := fold(t.text)
	for _, w := range words {
		if f == fold(w) {
			return true
		}
	}
	return false
}

// Parse reads one command line, with or without the leading /jobs. today is
// the city's current date, against which "4월말" or "q1" are read. Parse is
// pure: it touches no storage and never panics.
func Parse(text string, today time.Time) (Command, error) {
	if len(text) > MaxTextBytes {
		return Command{}, usageErr("", "parse.that_command_is_too", "MaxTextBytes", MaxTextBytes)
	}
	if !utf8.ValidString(text) {
		return Command{}, usageErr("", "parse.that_command_has_characters")
	}
	// U+0085 (NEL) is a line break, as \n is: a pasted second line is
	// refused as one below (k44), not as an unnamed control character.
	if r, at, found := firstControl(strings.ReplaceAll(text, "\u0085", "\n")); found {
		return Command{}, controlCharErr(text, r, at)
	}
	if r, at, found := firstInvisible(text); found {
		return Command{}, usageErr("", "parse.text_has_invisible_format", "R", fmt.Sprintf("%04X", r), "At", at)
	}
	// The other marks that show nothing (a soft hyphen, a Hangul filler)
	// and decomposed Hangul are dropped and folded here, once, so every
	// reader reads, and the ledger stores, the words shown (review r35 B4).
	text = CleanText(text)
	if word, r, at, found := markOnHangul(text); found {
		return Command{}, usageErr("", "pastnote19.mark_on_hangul", "Word", word, "R", fmt.Sprintf("%04X", r), "At", at)
	}
	tokens := joinAsOf(tokenize(text))
	if len(tokens) > 0 && !tokens[0].quoted && strings.EqualFold(tokens[0].text, "/jobs") {
		tokens = tokens[1:]
	}
	if len(tokens) == 0 {
		return Command{Name: cmdHelp}, nil
	}
	name, rest, err := selectCommand(tokens)
	if err != nil {
		if moved, ok := noneAfterMonth(tokens, today); ok {
			tokens = moved
			name, rest, err = selectCommand(tokens)
		}
	}
	if err != nil {
		if moved, ok := deptBeforeAdd(tokens); ok {
			tokens = moved
			name, rest, err = selectCommand(tokens)
		}
	}
	if err != nil {
		return Command{}, suggestAdd(err, tokens, today)
	}
	cmd := Command{Name: name, Line: rawJoin(tokens)}
	if spec, _ := specNamed(name); spec.Writes && strings.ContainsAny(strings.TrimSpace(text), lineBreaks) {
		// Lines pasted into one message were one command, the later lines
		// in its note or reason (메모:, 사유: and a 정정's or 채용's
		// trailing words take the rest of the text): jobs typed there
		// were counted nowhere (review r7 S11), and a second 추가 became
		// a 정정's reason (k36 B3). Every write takes one line.
		return Command{}, usageErr(name, "parse_entry.one_line_an_add")
	}
	positional, err := takeOptions(&cmd, rest, today)
	if err != nil {
		return Command{}, err
	}
	if cmd.confirmRaw != "" {
		cmd.Line = rawJoin(withoutToken(tokens, cmd.confirmRaw))
		if cmd.confirmValueRaw != "" { // 확인: 예, the value a word of its own
			cmd.Line = rawJoin(withoutToken(withoutToken(tokens, cmd.confirmValueRaw), cmd.confirmRaw))
		}
	}
	if err := parseArgs(&cmd, positional, today); err != nil {
		return Command{}, err
	}
	if err := refusePlaceholderReason(&cmd); err != nil {
		return Command{}, err
	}
	return cmd, nil
}

// joinAsOf makes English "as of" one word, so "as of 2026. 11. 30." is a
// run of words no longer than a date's own and reads as the date 기준
// (dates.Parse); elsewhere the two words are kept as typed.
func joinAsOf(ts []token) []token {
	out := ts[:0:0]
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if i+2 < len(ts) && !t.quoted && !ts[i+1].quoted && strings.EqualFold(t.text, "as") && strings.EqualFold(ts[i+1].text, "of") {
			t = token{text: t.text + " " + ts[i+1].text, raw: t.raw + " " + ts[i+1].raw}
			i++
		}
		out = append(out, t)
	}
	return out
}

// digitsDate reads 3 or 4 bare digits as the month and day they would be
// without their dot (1207, 0907, 907: December 7, September 7), only so a
// refusal can name the date form to type: such digits are never read as a
// date, nor taken for a second count without saying so (k44 F14).
func digitsDate(w string) (month, day int, ok bool) {
	if len(w) < 3 || len(w) > 4 || strings.Trim(w, "0123456789") != "" {
		return 0, 0, false
	}
	n, _ := strconv.Atoi(w)
	month, day = n/100, n%100
	if month < 1 || month > 12 || day < 1 || day > dates.On(2024, time.Month(month)+1, 0).Day() {
		return 0, 0, false
	}
	return month, day, true
}

// lineBreaks are the characters that end a line: \r alone (old Mac), NEL
// and the Unicode line and paragraph separators break a pasted text into
// lines as \n does, so a write must not run over them either (k44).
const lineBreaks = "\n\r\u0085\u2028\u2029"

// parseArgs reads the positional words with the command's own parser.
func parseArgs(cmd *Command, ts []token, today time.Time) error {
	spec, _ := specNamed(cmd.Name)
	if spec.Parse == nil {
		if len(ts) > 0 {
			return usageErr(cmd.Name, "parse.takes_nothing_after_it")
		}
		return nil
	}
	return spec.Parse(cmd, ts, today)
}

// firstControl finds the first control character in s (C0, DEL, C1) other
// than tab, newline and carriage return, which are white space between
// words. It returns the character and its 1-based position in characters.
// A NUL or an escape sequence in a note or name would be stored and shown to
// others, so such text is refused, never cleaned silently.
func firstControl(s string) (rune, int, bool) {
	at := 0
	for _, r := range s {
		at++
		// Private-use characters too: the bot marks its own mentions with
		// them (MentionUser), so typed text must never carry one.
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' || unicode.Is(unicode.Co, r) {
			return r, at, true
		}
	}
	return 0, 0, false
}

// firstInvisible finds the first direction override or isolate (U+202A–
// U+202E, U+2066–U+2069) or zero-width character (U+200B–U+200D, U+2060,
// U+FEFF) in s, and its 1-based position in characters. Kept in a note or
// a name they reorder or hide what others read (a program name that looks
// like another, a note whose figure reads backwards), and a word holding
// one is no longer the word typed: such text is refused, never cleaned
// silently (review ko-official).
func firstInvisible(s string) (rune, int, bool) {
	at := 0
	for _, r := range s {
		at++
		if refusedMark(r) {
			return r, at, true
		}
	}
	return 0, 0, false
}

// markOnHangul finds, in text already in NFC (CleanText), the first
// combining mark right after a Hangul letter: NFC composes none onto
// Hangul, so the word is no longer one the readers know (review r38 M2:
// `어\u0301제 입사` split 어제 and was stored on the entry's day, and
// `어제\u0301 입사` offered a kept line whose note began with the bare
// mark). It returns the word holding it, the mark and its 1-based
// position in characters.
func markOnHangul(text string) (word string, mark rune, at int, found bool) {
	var prev rune
	for i, r := range text {
		at++
		if unicode.Is(unicode.M, r) && unicode.Is(unicode.Hangul, prev) {
			start := strings.LastIndexFunc(text[:i], unicode.IsSpace) + 1
			end := i + strings.IndexFunc(text[i:]+" ", unicode.IsSpace)
			word = text[start:end]
			if c := strings.LastIndex(word[:i-start], ":"); c >= 0 {
				word = word[c+1:] // 메모:어́제: the word, not its label
			}
			return CodeSpanText(word), r, at, true // named in backquotes
		}
		prev = r
	}
	return "", 0, 0, false
}

// MarkOnHangul is markOnHangul for a cell of an imported file, in NFC: a
// cell holding such a mark is refused as a typed line is (review r42).
func MarkOnHangul(text string) (word string, mark rune, at int, found bool) {
	return markOnHangul(text)
}

// HasRefusedMark reports whether s holds a mark a typed line is refused
// for (refusedMark): an imported text cell holding one is refused too
// (review r38 B4).
func HasRefusedMark(s string) bool {
	return strings.IndexFunc(s, refusedMark) >= 0
}

// refusedMark is a mark a typed line is refused for, not cleaned of: a
// direction override or isolate, a zero-width space or joiner, a word
// joiner, a BOM.
func refusedMark(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 ||
		r >= 0x200B && r <= 0x200D || r == 0x2060 || r == 0xFEFF
}

// controlCharErr refuses text with a control character, naming the command
// it was meant for when its first words say, so the usage line can follow.
func controlCharErr(text string, r rune, at int) *UsageError {
	name := ""
	tokens := joinAsOf(tokenize(text))
	if len(tokens) > 0 && !tokens[0].quoted && strings.EqualFold(tokens[0].text, "/jobs") {
		tokens = tokens[1:]
	}
	if len(tokens) > 0 {
		if n, _, err := selectCommand(tokens); err == nil {
			name = n
		}
	}
	return usageErr(name, "parse.text_has_invisible_control", "R", fmt.Sprintf("%04X", r), "At", at)
}

// IsBareAdd reports whether text is `add` (in any of its spellings) with
// nothing after it: Slack answers that with the add-entry form rather than a
// usage error.
func IsBareAdd(text string) bool {
	tokens := joinAsOf(tokenize(text))
	if len(tokens) > 0 && !tokens[0].quoted && strings.EqualFold(tokens[0].text, "/jobs") {
		tokens = tokens[1:]
	}
	return len(tokens) == 1 && !tokens[0].quoted && isSpecWord(cmdAdd, fold(tokens[0].text))
}

// selectCommand finds the command the first words name, from the tables
// alone: an alias phrase ("add candidate", "실적 없음"), a group and its
// subcommand word ("program add"), or a command word and, when one of its
// subcommands is named next, that subcommand ("close reopen").
func selectCommand(tokens []token) (string, []token, error) {
	first := fold(tokens[0].text)
	second := ""
	if len(tokens) > 1 {
		second = fold(tokens[1].text)
	}
	if g, ok := groupOf(first); ok {
		return selectInGroup(g, second, tokens)
	}
	if name, n, ok := aliasOf(tokens); ok {
		return name, tokens[n:], nil
	}
	for _, s := range commandTable {
		if strings.Contains(s.Name, " ") || !isSpecWord(s.Name, first) {
			continue
		}
		if sub, ok := subcommand(s.Name, second, len(tokens)); ok {
			return sub, tokens[2:], nil
		}
		return s.Name, tokens[1:], nil
	}
	return "", nil, usageErr("", "parse.unknown_command", "Text", tokens[0].text)
}

// groupOf returns the group a folded first word selects.
func groupOf(folded string) (commandGroup, bool) {
	for _, g := range groupTable {
		for _, w := range g.Words {
			if fold(w) == folded {
				return g, true
			}
		}
	}
	return commandGroup{}, false
}

// aliasOf finds the command whose alias phrase the first words are, and
// how many words the phrase takes.
func aliasOf(tokens []token) (string, int, bool) {
	for _, s := range commandTable {
		for _, a := range s.Aliases {
			words := strings.Fields(a)
			if len(words) > len(tokens) {
				continue
			}
			match := true
			for i, w := range words {
				if fold(tokens[i].text) != fold(w) {
					match = false
					break
				}
			}
			if match {
				return s.Name, len(words), true
			}
		}
	}
	return "", 0, false
}

// subcommand finds the subcommand of parent (a group or a command) that the
// folded word second names; n is the number of words on the line, for
// subcommands that stand Alone.
func subcommand(parent, second string, n int) (string, bool) {
	if second == "" {
		return "", false
	}
	for _, s := range commandTable {
		if !strings.HasPrefix(s.Name, parent+" ") || !isSpecWord(s.Name, second) {
			continue
		}
		if s.Alone && n != 2 {
			return "", false
		}
		return s.Name, true
	}
	return "", false
}

// selectInGroup finds the subcommand of group g that second names: the
// group's default when there is none, and otherwise the group's refusal
// naming the unknown word, or its default reading the words.
func selectInGroup(g commandGroup, second string, tokens []token) (string, []token, error) {
	if second == "" {
		return g.Default, nil, nil
	}
	if sub, ok := subcommand(g.Name, second, len(tokens)); ok {
		return sub, tokens[2:], nil
	}
	if g.Unknown == "" {
		return g.Default, tokens[1:], nil
	}
	return "", nil, usageErr("", g.Unknown, "Text", tokens[1].text)
}

func isSpecWord(name, folded string) bool {
	s, _ := specNamed(name)
	for _, w := range s.Words {
		if fold(w) == folded {
			return true
		}
	}
	return false
}

// takeOptions removes key:value options from the tokens into cmd.Opts and
// returns the positional tokens left.
func takeOptions(cmd *Command, tokens []token, today time.Time) ([]token, error) {
	var positional []token
	given := map[string]labelGiven{}
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		key, value, ok := strings.Cut(t.text, ":")
		if !ok || strings.HasPrefix(t.raw, `"`) || strings.HasPrefix(t.raw, "“") {
			positional = append(positional, t)
			continue
		}
		canonical, known := optionKeys[fold(key)]
		if known && canonical == "confirm" && !allows(cmd.Name, canonical) {
			known = false // 확인: in another command's words is just a word
		}
		if !known {
			if cmd.Name == cmdCandidateAdd && isLabelWord(key) && !strings.HasPrefix(value, "//") {
				// 사업목적:일자리제공 in a candidate's words was filed as part
				// of its name, or its note, and the field left empty
				// (review r47 F6): a word shaped as a label is one typed
				// as a field, so the labels the command takes are named.
				return nil, usageErr(cmd.Name, "cand3.candidate_unknown_label", "Key", key)
			}
			if isASCIIWord(key) && !strings.HasPrefix(value, "//") {
				return nil, usageErr(cmd.Name, "parse.unknown_option", "Key", key)
			}
			positional = append(positional, t) // "10:30", "회의:…" and URLs belong to the note
			continue
		}
		if !allows(cmd.Name, canonical) {
			if err := correctMoveLabel(cmd, canonical, tokens); err != nil {
				return nil, err
			}
			return nil, usageErr(cmd.Name, "parse.does_not_take", "Key", key)
		}
		if canonical == "note" || canonical == "reason" {
			// note: and reason: take the rest of the line verbatim, options
			// and all, up to the other of the two (noteReasonEnd).
			end := noteReasonEnd(cmd, tokens, i, canonical)
			rest := append([]token{{text: value, raw: strings.TrimPrefix(t.raw, key+":")}}, tokens[i+1:end]...)
			if err := noteReasonAgain(cmd, canonical, key, strings.TrimSpace(rawJoin(rest))); err != nil {
				return nil, err
			}
			if canonical == "reason" {
				cmd.Opts.Reason = strings.TrimSpace(rawJoin(rest))
			} else {
				cmd.Opts.Note = strings.TrimSpace(rawJoin(rest))
			}
			if end == len(tokens) {
				break
			}
			i = end - 1
			continue
		}
		weekDay := 0
		dateFrom := i // the date option's first word, for dateRaw
		if canonical == "date" {
			// 날짜:11월 셋째 주 금요일: that week's Friday (review r41 F3)
			n, d, err := weekOfMonthDayRun(cmd, append([]token{{text: value, raw: value}}, tokens[i+1:]...), 0, today)
			if err != nil {
				return nil, err
			}
			if n > 0 {
				value, weekDay = d.Format(time.DateOnly), n
				i += n - 1
			}
		}
		if canonical == "date" && weekDay == 0 {
			// 날짜:11월 넷째주: a week, named by its days (review r22 F3, r25 F14)
			if err := weekOfMonthDate(cmd, append([]token{{text: value, raw: value}}, tokens[i+1:]...), today); err != nil {
				return nil, err
			}
			// 날짜:작년 초, date:early this year: the start of a year over
			// more words, refused whole, not as 작년 with 초 left over (dates7)
			for k := min(3, len(tokens)-1-i); k >= 1; k-- {
				if !slices.ContainsFunc(tokens[i+1:i+1+k], func(t token) bool { return t.quoted }) {
					if err := yearStartDate(cmd, value+" "+textJoin(tokens[i+1:i+1+k]), today); err != nil {
						return nil, err
					}
				}
			}
			// 날짜:12/9·10·11: days of a month listed, no one day (dates7)
			if err := dayListDate(cmd, value, today); err != nil {
				return nil, err
			}
			// Dates may contain spaces ("2026. 4. 30.", "4월 30일"): take the
			// longest run of following words that still reads as a date.
			n := 0
			for k := 1; k <= 3 && i+k < len(tokens); k++ {
				if _, err := dates.Parse(value+" "+textJoin(tokens[i+1:i+1+k]), today); err == nil {
					n = k
				}
			}
			// 날짜:9. 31., 날짜:11/3(금) or 날짜:11. 3. (금): a longer run is
			// a date with a typo, refused as the same words are without the
			// label, never blamed on the first word or left over (k44 F4, F7).
			for k := min(3, len(tokens)-1-i); k > n || k == 0 && n == 0; k-- {
				if err := dateTypo(cmd, strings.TrimSpace(value+" "+textJoin(tokens[i+1:i+1+k])), today); err != nil {
					return nil, err
				}
				if k == 0 {
					break
				}
			}
			// 날짜:2026년 1주차: a week with its year, read whole, not as
			// the year 2026 with a word left over (review r35 M9)
			for k := 1; n == 0 && k <= 2 && i+k < len(tokens); k++ {
				if joined := strings.ToLower(value + " " + textJoin(tokens[i+1:i+1+k])); reWeekTyped.MatchString(joined) || reEnglishWeekTyped.MatchString(joined) {
					value += " " + textJoin(tokens[i+1:i+1+k])
					i += k
					break
				}
			}
			if n > 0 {
				value += " " + textJoin(tokens[i+1:i+1+n])
				i += n
			}
		}
		if canonical == "confirm" && strings.TrimSpace(value) == "" && i+1 < len(tokens) && !tokens[i+1].quoted && !strings.Contains(tokens[i+1].text, ":") {
			// `확인: 예`: a space after the colon, as Korean is typed after
			// any colon (r5 addenda); the word after it is the value.
			i++
			if err := setConfirm(cmd, key, tokens[i].text); err != nil {
				return nil, err
			}
			cmd.confirmRaw, cmd.confirmValueRaw = t.raw, tokens[i].raw
			continue
		}
		if strings.TrimSpace(value) == "" {
			return nil, usageErr(cmd.Name, "parse.needs_value_right_after", "Key", key)
		}
		if canonical == "confirm" {
			if err := setConfirm(cmd, key, value); err != nil {
				return nil, err
			}
			cmd.confirmRaw = t.raw
			continue
		}
		if err := labelAgain(cmd, given, canonical, key, value, today); err != nil {
			return nil, err
		}
		if err := setOption(cmd, canonical, value, today); err != nil {
			return nil, err
		}
		if canonical == "date" {
			cmd.dateRaw = rawJoin(tokens[dateFrom : i+1])
		}
	}
	return positional, nil
}

func isASCIIWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isLabelWord reports whether s, the words before a colon, is shaped as a
// field's label: letters only (사업목적, purpose), no digits as in 10:30.
func isLabelWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func allows(command, option string) bool {
	spec, _ := specNamed(command)
	return slices.Contains(spec.Options, option)
}

// setOption stores one key:value option in cmd.Opts, checking its value.
// It stays one switch, a case per option key, so each option's reading and
// its refusal stand together.
func setOption(cmd *Command, key, value string, today time.Time) error {
	o := &cmd.Opts
	var ok bool
	switch key {
	case "date":
		d, err := dates.Parse(value, today)
		if m, day, ok := digitsDate(value); ok && err != nil {
			return usageErr(cmd.Name, "k44.digits_date", "Typed", value, "Month", m, "Day", day)
		}
		if ne, ok := errors.AsType[*dates.Error](err); ok && ne.Reason == reasons.DateAmbiguous {
			return yearLastAsk(cmd, value, ne.From, ne.To, today) // 3/12/2026: 12 March or 3 December (review r35q4)
		}
		if err != nil {
			if err := yearStartDate(cmd, value, today); err != nil {
				return err // 날짜:연초: January, no one day (review r41 F5)
			}
			if hint := dateWithoutMonth(cmd, value, today); hint != nil {
				return hint // 날짜:30일 as 30일: the month it lacks (review F16)
			}
			p, perr := dates.ParsePeriod(value, today)
			if perr == nil && !p.Through {
				// 날짜:지난달, 날짜:11월: a period, answered as the same words
				// without date: are, with its last day (review r24 F6)
				return periodIsNotADay(cmd, value, p, today)
			}
			if e, ok := errors.AsType[*dates.Error](perr); ok && e.Reason == reasons.DateWeek {
				return weekNotInYear(cmd, value, today) // 날짜:2027년 53주차
			}
			return usageErr(cmd.Name, "parse.bad_date", "Value", value)
		}
		o.Date = &d
		cmd.dateTyped = value
	case "dept":
		if inner, wrapped := unwrapName(value); wrapped {
			value = inner // 부서:(복지정책과) is 부서:복지정책과
		}
		if o.Department != "" {
			if fold(o.Department) != fold(value) && !slices.ContainsFunc(cmd.deptAlso, func(d string) bool { return fold(d) == fold(value) }) {
				cmd.deptAlso = append(cmd.deptAlso, value) // compared when departments are read
			}
			return nil
		}
		o.Department, ok = value, true
	case "channel":
		return parseChannel(cmd, value)
	case "status":
		if o.Status, ok = lookup(statusWords, value); !ok {
			return usageErr(cmd.Name, "parse.status_is_not_status", "Value", value)
		}
	case "type":
		if o.Employment, ok = lookup(employmentWords, value); !ok {
			return usageErr(cmd.Name, "parse.type_is_not_employment", "Value", value)
		}
	case "year":
		y, err := strconv.Atoi(value)
		if err != nil || y < 2000 || y > 2100 {
			return usageErr(cmd.Name, "parse.year_is_not_year", "Value", value)
		}
		o.Year = y
	case "program":
		o.Program = value
	case "within":
		yes := isOneOf(token{text: value}, confirmYes)
		if !yes && !isOneOf(token{text: value}, withinNo) {
			return usageErr(cmd.Name, "hires.bad_within_value", "Key", key, "Value", value)
		}
		o.Within = &yes
	case "kind":
		if slices.Contains(ambiguousKindWords, fold(value)) {
			return usageErr(cmd.Name, "candidates.kind_which_cooperative", "Value", value, "Choices", names(kindWords))
		}
		if o.Kind, ok = lookup(kindWords, value); !ok {
			return usageErr(cmd.Name, "parse.kind_is_not_kind", "Value", value, "Choices", names(kindWords))
		}
	case "mission":
		if o.Mission, ok = lookup(missionWords, value); !ok {
			return usageErr(cmd.Name, "parse.mission_is_not_mission", "Value", value, "Choices", names(missionWords))
		}
	case "sector":
		if o.Sector, ok = lookup(sectorWords, value); !ok {
			return usageErr(cmd.Name, "parse.sector_is_not_sector", "Value", value)
		}
	case "rep":
		o.Rep = value
	case "en":
		o.En = value
	case "ko":
		o.Ko = value
	case "code":
		o.Code = value
	case "aliases":
		for _, a := range strings.Split(value, ",") {
			if a = strings.TrimSpace(a); a != "" {
				o.Aliases = append(o.Aliases, a)
			}
		}
	case "unit":
		switch value {
		case "개", "명", "회":
			o.Unit = value
		default:
			return usageErr(cmd.Name, "parse.unit_is_not_unit", "Value", value)
		}
	case "by":
		if o.By, ok = lookup(reportByWords, value); !ok {
			return usageErr(cmd.Name, "parse.by_is_not_grouping", "Value", value, "ReportByWords", names(reportByWords))
		}
	case "disclosure":
		if o.Disclosure, ok = lookup(disclosureWords, value); !ok {
			return usageErr(cmd.Name, "parse.disclosure_is_not_disclosure", "Value", value, "Choices", names(disclosureWords))
		}
	}
	return nil
}

// parseList reads `list [mine|voided] [program] [period]`.
func parseList(cmd *Command, ts []token, today time.Time) error {
	ts = takeVoided(cmd, ts)
	if err := refuseImpossibleDate(cmd, ts, today); err != nil {
		return err
	}
	ts, err := takePeriod(cmd, ts, today)
	if err != nil {
		return err
	}
	if err := refuseUnreadPeriod(cmd, ts, today); err != nil {
		return err
	}
	for i, t := range ts {
		// 내 기록, 내 것, my entries: the same words with a space.
		if i+1 < len(ts) && !t.quoted && !ts[i+1].quoted && isMineWord(t.text+ts[i+1].text) {
			cmd.Mine = true
			ts = append(ts[:i:i], ts[i+2:]...)
			break
		}
		if isOneOf(t, mineWords) {
			cmd.Mine = true
			ts = append(ts[:i:i], ts[i+1:]...)
			break
		}
	}
	cmd.Words = raws(ts)
	return nil
}

// isMineWord reports whether joined is 내기록, 내 실적, 내것 or myentries
// (`목록 내 실적` was read as a program named 내 실적).
func isMineWord(joined string) bool {
	return isOneOf(token{text: joined}, append(mineWords[:len(mineWords):len(mineWords)], "myentries"))
}

// parseStatus reads `status [period] [program|public|private]`.
func parseStatus(cmd *Command, ts []token, today time.Time) error {
	if err := refuseImpossibleDate(cmd, ts, today); err != nil {
		return err
	}
	ts, through := takeStatusFigureWords(unwrapDateWords(ts, today))
	ts, err := takePeriod(cmd, dropComparison(ts), today)
	if err != nil {
		return err
	}
	ts = dropPeriodTrailers(cmd, ts)
	if err := refuseUnreadPeriod(cmd, ts, today); err != nil {
		return err
	}
	if through && cmd.Period != nil && !cmd.Period.Through {
		// 상반기 누계, 11월 누계: the year's 누계 through the period's end,
		// or through today for a period not yet over.
		end := cmd.Period.To
		if day := dates.On(today.Year(), today.Month(), today.Day()); end.After(day) {
			end = day
		}
		p := dates.ThroughDate(end)
		cmd.Period = &p
	}
	for i, t := range ts {
		if s, ok := lookup(sectorWords, t.text); ok && !t.quoted {
			cmd.Sector = s
			ts = append(ts[:i:i], ts[i+1:]...)
			break
		}
	}
	if cmd.Opts.Sector != "" {
		cmd.Sector = cmd.Opts.Sector
	}
	cmd.Words = raws(ts)
	return nil
}

// statusFigureWords name the figure status shows for its period: 실적 (the
// period's own, what status shows anyway). 누계 words ask for the year's
// 누계 through the period instead.
var statusFigureWords = []string{"실적", "results"}

// takeStatusFigureWords removes the words that say which figure a status
// line asks for (현황 6월 실적, 현황 상반기 누계, 현황 (6/30 기준) 누계):
// left in, they were looked up as programs and refused as unknown ones
// (review r1 A2). through reports a 누계 word.
func takeStatusFigureWords(ts []token) (rest []token, through bool) {
	rest = ts[:0:0]
	for _, t := range ts {
		switch {
		case isOneOf(t, cumulativeWords):
			through = true
		case isOneOf(t, statusFigureWords):
		default:
			rest = append(rest, t)
		}
	}
	return rest, through
}

// takeID reads the leading entry or candidate number ("12", "#12", "12번").
func takeID(cmd *Command, ts []token) ([]token, error) {
	if len(ts) == 0 {
		return nil, usageErr(cmd.Name, "parse.which_number_give_number")
	}
	id, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimPrefix(ts[0].text, "#"), "번"), 10, 64) // 12, #12, 12번
	if err != nil || id <= 0 {
		return nil, usageErr(cmd.Name, "parse.is_not_number_from", "Text", ts[0].text)
	}
	cmd.ID = id
	return ts[1:], nil
}

// parseVoid reads `void <number> [reason]`.
func parseVoid(cmd *Command, ts []token, _ time.Time) error {
	ts, err := takeID(cmd, ts)
	if err != nil {
		return err
	}
	if len(ts) > 0 {
		// A reason that starts with another bare number (무효 43 44 누계 오기)
		// is a second entry number, not a reason: one void a line.
		if !ts[0].quoted && looksLikeID(ts[0].text) {
			return usageErr(cmd.Name, "entries.void_one_at_a_time", "ID", cmd.ID, "Second", strings.TrimSuffix(strings.TrimPrefix(ts[0].text, "#"), "번"))
		}
		cmd.Opts.Note = strings.TrimSpace(rawJoin(ts) + " " + cmd.Opts.Note)
	}
	return nil
}

// looksLikeID reports whether a word reads as an entry number: 44, #44, 44번.
func looksLikeID(s string) bool {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "#"), "번")
	return allDigits(s)
}

// parseCandidateShow reads `candidate show <number>`.
func parseCandidateShow(cmd *Command, ts []token, _ time.Time) error {
	ts, err := takeID(cmd, ts)
	if err != nil {
		return err
	}
	if len(ts) > 0 {
		return usageErr(cmd.Name, "parse.candidate_show_takes_only")
	}
	return nil
}

// parseCandidateMove reads `candidate move <number> <stage> [note]`.
func parseCandidateMove(cmd *Command, ts []token, _ time.Time) error {
	ts, err := takeID(cmd, ts)
	if err != nil {
		return err
	}
	return parseMove(cmd, ts)
}

// parseCandidateList reads `candidate list [stage]`.
func parseCandidateList(cmd *Command, ts []token, _ time.Time) error {
	if len(ts) > 0 {
		st, ok := lookup(stageWords, textJoin(ts))
		if !ok {
			return usageErr(cmd.Name, "parse.unknown_stage", "Text", textJoin(ts), "Choices", names(stageWords))
		}
		cmd.Stage = st
	}
	return nil
}

// parseCandidateAdd reads `candidate add <name> [note]`: a quoted first word
// is the whole name and what follows it the note.
func parseCandidateAdd(cmd *Command, ts []token, _ time.Time) error {
	if len(ts) > 0 && ts[0].quoted {
		cmd.FirstQuoted = true
	}
	cmd.Words = raws(ts)
	if cmd.FirstQuoted {
		cmd.Words = []string{ts[0].text}
		if len(ts) > 1 {
			cmd.Opts.Note = strings.TrimSpace(rawJoin(ts[1:]) + " " + cmd.Opts.Note)
		}
	}
	return nil
}

// parseWords keeps the positional words as typed, unquoted, for handlers that
// resolve them themselves (help, program …).
func parseWords(cmd *Command, ts []token, _ time.Time) error {
	for _, t := range ts {
		cmd.Words = append(cmd.Words, t.text)
	}
	return nil
}

// parseCounted finds the count among the words: the longest run of up to
// five words that reads as one number ("1만 2천여 개", "약 500 명"). What
// stands before and after it is kept for the handler, which knows the
// programs. The command's spec says what else its words may hold: cumulative
// words (Cumulative), and free-standing dates, status and employment words
// (EntryFields), taken out first so they never fall into the note.
func parseCounted(cmd *Command, ts []token, today time.Time) error {
	spec, _ := specNamed(cmd.Name)
	if err := targetAsChange(cmd, ts); err != nil {
		return err
	}
	if spec.EntryFields {
		ts = unwrapDateWords(ts, today)
		if err := refuseNegatedKeyword(cmd, ts); err != nil {
			return err
		}
		if err := refuseStatusIncluded(cmd, ts); err != nil {
			return err
		}
		if err := refuseConversion(cmd, ts); err != nil {
			return err
		}
		ts = programListComma(ts)
		if err := refuseDecreaseOrNotHired(cmd, ts); err != nil {
			return err
		}
		if err := refuseHedge(cmd, ts, nil); err != nil {
			return err
		}
		if err := refuseSplitCounts(cmd, ts); err != nil {
			return err
		}
	}
	kept := ts[:0:0]
	for _, t := range ts {
		if spec.Cumulative && !t.quoted {
			// 5월말현재까지: the date with the 누계 marker glued on
			if rest, ok := strings.CutSuffix(t.text, "현재까지"); ok && rest != "" {
				if _, err := dates.Parse(rest, today); err == nil {
					cmd.Cumulative = true
					t.text, t.raw = rest, rest
				}
			}
		}
		if spec.Cumulative && isOneOf(t, cumulativeWords) {
			cmd.Cumulative = true
			continue
		}
		kept = append(kept, t)
	}
	ts = kept
	dateTyped := ""
	if spec.EntryFields {
		var err error
		if ts, dateTyped, err = takeEntryFields(cmd, ts, today); err != nil {
			return err
		}
		// 11월 9일까지 43명: the jobs through that day, a 누계, or the day's
		// new ones? Both are written so (review r7 S9): ask, unless 누계
		// says which.
		if day, ok := strings.CutSuffix(dateTyped, "까지"); ok && cmd.Name == cmdAdd && !cmd.Cumulative {
			return usageErr(cmd.Name, "parse_entry.through_date_ask", "Typed", dateTyped, "Day", day, "Word", "까지")
		}
		// 날짜:11월9일까지 is asked the same (k36 B2); 날짜:4월말 현재 and
		// 기준 are asked below with the lines to type (asOfWords, F33).
		if day, word := throughWord(cmd.dateTyped, throughWords); word == "까지" && cmd.Name == cmdAdd && !cmd.Cumulative {
			return usageErr(cmd.Name, "parse_entry.through_date_ask", "Typed", cmd.dateTyped, "Day", day, "Word", word)
		}
	}
	asOf := ""
	if cmd.Name == cmdAdd && !cmd.Cumulative {
		// The date in the line, then 날짜:12/4 기준, which says "as of" as
		// well; a closing dot or bracket, (12.4. 현재), is the date's own.
		for _, typed := range []string{dateTyped, cmd.dateTyped} {
			if len(typed) > 6 && strings.EqualFold(typed[:6], "as of ") {
				asOf, dateTyped = typed[:5], typed // as of 11/30, the English 11/30 기준 (k44)
				break
			}
			if _, asOf = throughWord(strings.TrimRight(strings.TrimSpace(typed), ".)"), asOfWords); asOf != "" {
				dateTyped = typed
				break
			}
		}
	}
	if dateTyped != "" {
		cmd.dateTyped = dateTyped // 11월말: asked about by askAboutTotalAsDelta
	}
	if err := yearEndDate(cmd, spec.EntryFields, today); err != nil {
		return err
	}
	ts, err := takeSignedDelta(cmd, ts)
	if err != nil {
		return err
	}
	for i, t := range ts {
		if t.quoted || isRoundLabel(t.text) {
			continue
		}
		n, end, ok := countRun(ts, i)
		if !ok {
			_, err := numbers.Parse(t.text)
			if numbers.StartsLikeNumber(t.text) || shortTail(err) {
				return countError(cmd.Name, t.text, err)
			}
			continue
		}
		if ue := checkCounted(cmd.Name, n, ts[i:end], ts[end:]); ue != nil {
			return ue
		}
		if ue := checkCount(cmd.Name, n); ue != nil {
			return ue
		}
		if err := totalWordHint(cmd, ts, i, today); err != nil {
			return err // 청년 총 300: 총 is not read, 누계 is
		}
		if spec.EntryFields {
			if err := refuseHedge(cmd, ts, &n); err != nil {
				return err
			}
		}
		if n.Approximate && (cmd.Name == cmdTarget || cmd.Name == cmdDeptTarget) {
			// 목표 2만여: a target is a number to measure against, never "over".
			return usageErr(cmd.Name, "targets.not_exact", "Typed", textJoin(ts[i:end]))
		}
		if end < len(ts) && !ts[end].quoted && numbers.LooksNumeric(ts[end].text) && !isRoundLabel(ts[end].text) {
			// "180 2000" is two counts or a typo; guessing either would be wrong.
			if m, d, ok := digitsDate(ts[end].text); ok {
				return usageErr(cmd.Name, "k44.digits_date", "Typed", ts[end].text, "Month", m, "Day", d)
			}
			return usageErr(cmd.Name, "parse.two_counts", "First", textJoin(ts[i:end]), "Second", ts[end].text)
		}
		if err := aboutPrefix(cmd.Name, n, ts[i:end]); err != nil {
			return err
		}
		cmd.Count, cmd.HasCount = n, true
		// A round label before the count (청년 3차 6) is a note word like
		// one after it, never part of the program's name.
		var before, rounds []token
		for _, b := range ts[:i] {
			if !b.quoted && isRoundLabel(b.text) {
				rounds = append(rounds, b)
				continue
			}
			before = append(before, b)
		}
		cmd.Before, cmd.After = raws(before), raws(append(slices.Clone(ts[end:]), rounds...))
		if asOf != "" && cmd.Opts.Date != nil {
			// 12. 4. 현재 3,020: the total as of that day, or the day's
			// new jobs? Asked as 까지 is, showing both lines (F33).
			words := strings.Join(append(slices.Clone(cmd.Before), cmd.After...), " ")
			return usageErr(cmd.Name, "k32.as_of_date_ask", "Typed", dateTyped, "Word", asOf,
				"Words", words, "Count", textJoin(ts[i:end]), "Day", dateArg(*cmd.Opts.Date))
		}
		return nil
	}
	if negativeCount(ts) { // "-5": a count below 1, not a word that is no number
		return usageErr(cmd.Name, belowOne(cmd.Name))
	}
	if err := gluedCountHint(cmd, ts); err != nil {
		return err // 청년5: the count glued to the program's word
	}
	if dateTyped != "" && cmd.Opts.Date != nil {
		// "add 4.5 youth": 4.5 read as April 5, so no count is left; say so
		// rather than ask for a count the user thinks was given.
		if err := spacedMonthLeftNoCount(cmd, dateTyped, today); err != nil {
			return err // 추가 투자 4 월말: the count taken for the month
		}
		return usageErr(cmd.Name, "parse.date_left_no_count", "DateTyped", dateTyped, "Date", dateArg(*cmd.Opts.Date), "MonthDay", monthDayArg(*cmd.Opts.Date))
	}
	if err := koreanNumeralHint(cmd, ts); err != nil {
		return err // 삼백: a count in words, named rather than the program
	}
	first := ""
	if len(ts) > 0 {
		first = ts[0].text
	}
	if first == "" {
		return usageErr(cmd.Name, "parse.count_missing")
	}
	return usageErr(cmd.Name, "parse.no_count", "First", first)
}

// belowOne is the catalogue ID refusing a count below 1 in command.
func belowOne(command string) string {
	if spec, _ := specNamed(command); spec.BelowOne != "" {
		return spec.BelowOne
	}
	return "parse.count_below_one"
}

// countRun reads the longest run of unquoted words from i that is one
// number: "300 명", "5백 명", "1만 2천여 개", "약 500" and "천여 명" are
// single counts, so the counter or prefix is never taken for a program.
func countRun(ts []token, i int) (numbers.Number, int, bool) {
	for k := min(len(ts), i+5); k > i; k-- {
		if slices.ContainsFunc(ts[i:k], func(t token) bool { return t.quoted }) {
			continue
		}
		if n, err := numbers.Parse(textJoin(ts[i:k])); err == nil {
			return n, k, true
		}
	}
	return numbers.Number{}, 0, false
}

// checkCount refuses counts a single entry must not hold: zero, more than
// MaxCount, and sessions (회) or money (원), which are not jobs. A count
// below 1 is refused in the words of the command's spec (BelowOne).
func checkCount(command string, n numbers.Number) *UsageError {
	switch { // the unit first: 500만원 is money, not too many jobs
	case n.Counter == "회":
		return usageErr(command, "parse.sessions_are_not_jobs")
	case n.Counter == "원":
		return usageErr(command, "parse.won_is_money_not")
	case n.Value < 1:
		return usageErr(command, belowOne(command))
	case n.Value > MaxCount:
		return usageErr(command, "parse.count_too_large", "Value", numbers.Format(n.Value), "MaxCount", numbers.Format(MaxCount))
	}
	return nil
}

// aboutPrefix refuses a count written with 약/대략/~ before it (약 300):
// 300여 is a little over 300, so keeping it as 300여 was another wording
// (r20 F1/G5). The official picks the exact figure or N여 (as 300 정도
// is). One check for 추가 and for 정정/채용's count (review r23 B2).
func aboutPrefix(command string, n numbers.Number, typed []token) error {
	if !n.Approximate || !numbers.HasApproxPrefix(textJoin(typed)) {
		return nil
	}
	exact := numbers.Format(n.Value)
	return usageErr(command, "k57.count_about_prefix", "Typed", textJoin(typed), "Exact", exact, "Example", exact+"여")
}

// reGluedCount is a word with a count glued to its end (청년5, 청년5명,
// 노인12여명): the program and the count typed without the space.
var reGluedCount = regexp.MustCompile(`^([^0-9]*[^0-9,.\s])([0-9][0-9,]*여?(?:명|개)?)$`)

// gluedCountHint refuses a line with no count whose word has one glued
// to it (`추가 청년5 1/4`), giving the line spaced (review r22 F32: the
// reply said no count was found and named nothing); nil otherwise.
func gluedCountHint(cmd *Command, ts []token) error {
	for _, t := range ts {
		if t.quoted {
			continue
		}
		m := reGluedCount.FindStringSubmatch(t.text)
		if m == nil || strings.ContainsAny(m[1], ":：") {
			continue
		}
		if _, err := numbers.Parse(m[2]); err != nil {
			continue
		}
		line := strings.Replace(cmd.Line, t.raw, m[1]+" "+m[2], 1)
		if line == cmd.Line {
			continue
		}
		return usageErr(cmd.Name, "lead.count_glued", "Typed", t.text, "Word", m[1], "Count", m[2], "Line", line)
	}
	return nil
}

// rePeopleIn is a count written with the counter 인 (10인, 1,200인, 30여인).
var rePeopleIn = regexp.MustCompile(`^([0-9][0-9,]*여?)인$`)

func countError(command, typed string, err error) error {
	if n, ok := koreanNumeral(typed); ok { // 채용 1 삼십: the count in digits (review F16)
		return koreanNumeralErr(command, typed, n)
	}
	// 10인 is how a 공문 counts people; as a count it is refused with the
	// form that reads, not "not a number" (review r22 F2). Not read as 명:
	// 1인 창업, 3인 가구 are note words, never a second count.
	if m := rePeopleIn.FindStringSubmatch(typed); m != nil {
		return usageErr(command, "lead.count_in", "Typed", typed, "Count", m[1]+"명")
	}
	id, args := CountRefusal(typed, err)
	return usageErr(command, id, args...)
}

// CountRefusal words why typed is not a count, from the error
// numbers.Parse gave: the catalogue message and its arguments. The import
// words a figure cell the same way (review r22 F35).
func CountRefusal(typed string, err error) (id string, args []any) {
	var ne *numbers.Error
	if !errors.As(err, &ne) || reasonIDs[ne.Reason] == "" {
		return "parse.count.unreadable", []any{"Typed", typed}
	}
	if ne.Readings[0] != 0 { // 1천2: say both values it may be
		return reasonIDs[ne.Reason], []any{"Typed", typed, "Read", numbers.Format(ne.Readings[0]), "Other", numbers.Format(ne.Readings[1])}
	}
	return reasonIDs[ne.Reason], []any{"Typed", typed}
}

// takePeriod removes the first run of words that reads as a period ("2026",
// "q1", "2026년 상반기", "2026. 4. 30. 기준", "11월 1일 ~ 11월 30일",
// "2026. 11. 1. 부터 2026. 11. 30. 까지") and stores it on cmd. A range of
// days written end first is refused naming both ends, rather than read as
// its first day's 누계 with the rest left over.
func takePeriod(cmd *Command, ts []token, today time.Time) ([]token, error) {
	for i := range ts {
		if w, k, ok := readWeekOfMonth(ts[i:], today); ok && !slices.ContainsFunc(ts[i:i+k], func(t token) bool { return t.quoted }) {
			// 현황 1월 첫째주: the week's days, never a program `첫째주`
			// (review r28 F11).
			if !w.has {
				return ts, usageErr(cmd.Name, "kdates.week_of_month_none", "Typed", w.typed, "Year", w.year, "Month", w.month)
			}
			p, err := dates.ParsePeriod(w.from.Format(time.DateOnly)+"~"+w.to.Format(time.DateOnly), today)
			if err != nil {
				return ts, err
			}
			cmd.Period = &p
			return append(ts[:i:i], ts[i+k:]...), nil
		}
		for n := min(maxPeriodWords, len(ts)-i); n >= 1; n-- {
			if slices.ContainsFunc(ts[i:i+n], func(t token) bool { return t.quoted }) {
				continue
			}
			typed := textJoin(ts[i : i+n])
			p, err := dates.ParsePeriod(typed, today)
			if e, ok := errors.AsType[*dates.Error](err); ok && e.Reason == reasons.DateRange {
				if e.From.IsZero() {
					return ts, usageErr(cmd.Name, "parse.period.backwards", "Typed", typed)
				}
				return ts, usageErr(cmd.Name, "period.range_reversed", "Typed", typed,
					"FromYear", e.From.Year(), "FromMonth", int(e.From.Month()), "FromDay", e.From.Day(),
					"ToYear", e.To.Year(), "ToMonth", int(e.To.Month()), "ToDay", e.To.Day())
			}
			if e, ok := errors.AsType[*dates.Error](err); ok && e.Reason == reasons.DateWeek {
				// 53주차 (or 2027년 53주차) in a year without it is a week,
				// never a program name (review r27 F17, r28 F13).
				return ts, weekNotInYear(cmd, typed, today)
			}
			if err != nil {
				continue
			}
			cmd.Period, cmd.PeriodTyped = &p, typed
			return append(ts[:i:i], ts[i+n:]...), nil
		}
	}
	return ts, nil
}

// maxPeriodWords is the most words a period takes: two dates of three
// words each (2026년 11월 1일) joined by ~ or 부터, and 까지.
const maxPeriodWords = 8

// parseMove reads "<stage> [note]"; stages may be two words ("not selected").
func parseMove(cmd *Command, ts []token) error {
	if len(ts) == 0 {
		return usageErr(cmd.Name, "parse.to_which_stage_use", "Choices", names(stageWords))
	}
	for n := min(2, len(ts)); n >= 1; n-- {
		if st, ok := lookup(stageWords, textJoin(ts[:n])); ok {
			cmd.Stage = st
			if len(ts) > n {
				cmd.Opts.Note = strings.TrimSpace(rawJoin(ts[n:]) + " " + cmd.Opts.Note)
			}
			return nil
		}
	}
	return usageErr(cmd.Name, "parse.unknown_stage", "Text", ts[0].text, "Choices", names(stageWords))
}

// reRoundLabel is a round (회차) of a program: 2차, 3회차, 1차분, 2차년도,
// or a cohort (2기). It numbers the round, not the jobs, so it is a note
// word, never a count.
var reRoundLabel = regexp.MustCompile(`^[(（\[]?\d{1,2} *(차|회차|차분|차년도|기)[)）\]]?$`)

// isRoundLabel reports whether w is a round label (2차 채용).
func isRoundLabel(w string) bool { return reRoundLabel.MatchString(w) }

// noneAfterMonth reads `10월 무실적` (a month, then 실적없음 or 무실적) as
// `무실적 10월`: a 보고 line names the month first. It returns the words
// with the command word first, or false when the words before it are not
// one period.
func noneAfterMonth(ts []token, today time.Time) ([]token, bool) {
	for k := 1; k < len(ts) && k <= 3; k++ {
		name, n, ok := "", 1, false
		if a, an, aok := aliasOf(ts[k:]); aok {
			name, n, ok = a, an, true
		} else if !ts[k].quoted && isSpecWord(cmdNone, fold(ts[k].text)) {
			name, ok = cmdNone, true
		}
		if !ok || name != cmdNone || slices.ContainsFunc(ts[:k], func(t token) bool { return t.quoted }) {
			continue
		}
		if _, err := dates.ParsePeriod(textJoin(ts[:k]), today); err != nil {
			return nil, false
		}
		out := append(slices.Clone(ts[k:k+n]), ts[:k]...)
		return append(out, ts[k+n:]...), true
	}
	return nil, false
}

// deptParticles joined to a department's name say the jobs are that
// department's: 노인복지과에서 (from), 노인복지과의 (of), 노인복지과가 /
// 일자리팀이 (subject).
var deptParticles = []string{"에서", "의", "가", "이"}

// reDeptName is a word shaped like a department's name (…과, …팀, …실,
// …국, …단, …센터, …담당관): only such a word before add is moved.
var reDeptName = regexp.MustCompile(`^\p{Hangul}+(과|팀|실|국|단|센터|본부|담당관)$`)

// deptBeforeAdd reads `노인복지과에서 추가 노인 5` as `추가 노인 5
// 노인복지과에서`: a report line names who reports first. The word moves to
// the end of the line (before its note), where the add reads it as the department or, when
// no department has that name, refuses it naming the word (review
// ko-official: it was answered "no such command").
func deptBeforeAdd(tokens []token) ([]token, bool) {
	if len(tokens) < 2 || tokens[0].quoted {
		return nil, false
	}
	if _, ok := deptWithParticle(tokens[0].text); !ok || !reDeptName.MatchString(mustDeptBase(tokens[0].text)) {
		return nil, false
	}
	if name, _, err := selectCommand(tokens[1:]); err != nil || name != cmdAdd {
		return nil, false
	}
	// before note: or reason:, which take the rest of the line
	out := slices.Clone(tokens[1:])
	at := len(out)
	for i, t := range out {
		if key, _, colon := strings.Cut(t.text, ":"); colon && !t.quoted {
			if c := optionKeys[fold(key)]; c == "note" || c == "reason" {
				at = i
				break
			}
		}
	}
	return slices.Insert(out, at, tokens[0]), true
}

// deptWithParticle splits a word into a name and one of deptParticles
// joined to it; ok is false when no particle ends the word.
func deptWithParticle(w string) (string, bool) {
	for _, p := range deptParticles {
		if base, ok := strings.CutSuffix(w, p); ok && base != "" {
			return base, true
		}
	}
	return "", false
}

func mustDeptBase(w string) string {
	base, _ := deptWithParticle(w)
	return base
}

// yearEndDate refuses an entry's date typed without a year that may be
// this year's, long past, or next year's, still to come (dates.AheadNextYear:
// 1월 2일 typed on 31 December), as the note reader reads `메모:1/2 입사`
// that day as the coming January (review r39 F16: it was filed in January
// eleven months back, unasked). Nothing is written; the reply offers the
// line with this year's date written out, which records last January's
// day, and says next year's is recorded once it has come.
func yearEndDate(cmd *Command, entryFields bool, today time.Time) error {
	if !entryFields || cmd.Opts.Date == nil {
		return nil
	}
	return yearEndAsk(cmd, cmd.dateTyped, today)
}

// yearEndAsk is yearEndDate's question for a date typed (typed) that
// dates cmd: one rule for an add's date and a hire's (review r42 B7:
// `채용 1 1 1월 2일` on 31 December was filed eleven months back).
func yearEndAsk(cmd *Command, typed string, today time.Time) error {
	if cmd.Opts.Date == nil || typed == "" {
		return nil
	}
	past, ahead, ok := dates.AheadNextYear(typed, today)
	if !ok || !past.Equal(*cmd.Opts.Date) {
		return nil
	}
	var line any = ""
	if strings.Count(cmd.Line, typed) == 1 {
		line = yearLine{line: cmd.Line, typed: typed, day: past}
	}
	return usageErr(cmd.Name, "yearend19.date_past_or_ahead", "Typed", typed,
		"Past", dateArg(past), "Ahead", dateArg(ahead), "Line", line)
}

// yearLine is a line offered back with its date typed without a year
// replaced by the day written out in the reply's language (2026. 1. 2.,
// 2026-01-02), which reads back as that day in either.
type yearLine struct {
	line, typed string
	day         time.Time
}

// In implements i18n.Localized.
func (l yearLine) In(p i18n.Printer) string {
	return strings.Replace(l.line, l.typed, p.Date(l.day), 1)
}
