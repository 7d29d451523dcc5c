package commands

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
)

// Limits on what users type; past them a command is refused, not truncated.
const (
	MaxCount     = 1_000_000
	MaxNoteRunes = 500
	MaxNameRunes = 200
	MaxTextBytes = 4000 // a Slack slash command's text is at most a few KB anyway
)

// Command is a parsed /jobs command line. Program names and notes stay as the
// words typed: resolving them needs the program catalogue, which the handler has.
type Command struct {
	Name string // canonical name from commandTable

	Count    numbers.Number // add, target
	HasCount bool
	// Before and After are the positional words before and after the count
	// (add, target): the program and the note, in whichever order they came.
	Before, After []string
	// Words are the positional words of other commands, raw as typed.
	Words []string
	// FirstQuoted says the first word was written in quotes (candidate names).
	FirstQuoted bool

	Cumulative bool
	Mine       bool
	Period     *dates.Period
	ID         int64
	Stage      Stage
	Sector     Sector
	Opts       Options
	// Users are the Slack users mentioned (<@U123>), by ID (dept add, remove).
	Users []string
}

// Options are the key:value options of a command line.
type Options struct {
	Date       *time.Time
	Department string
	Status     EntryStatus
	Employment string
	Year       int
	Program    string
	Kind       CandidateKind
	Mission    Mission
	Rep        string
	Note       string
	Sector     Sector
	En, Ko     string
	Code       string
	Aliases    []string
	Unit       string
	Disclosure string
	Channel    string // a Slack channel ID (dept add)
}

// UsageError is a command line that cannot be run as typed. It carries the
// reason in both languages and the command it was meant for, so the reply can
// add that command's usage line and an example.
type UsageError struct {
	Command string // canonical name, "" when the command word itself is unknown
	En, Ko  string
}

func (e *UsageError) Error() string { return e.En }

func usageErr(command, en, ko string, args ...any) *UsageError {
	return &UsageError{Command: command, En: fmt.Sprintf(en, args...), Ko: fmt.Sprintf(ko, args...)}
}

// token is one word of a command line.
type token struct {
	text   string // unquoted content
	raw    string // as typed, quotes included
	quoted bool
}

// tokenize splits on white space; "double quotes" (straight or curly) group
// words. Single quotes are ordinary characters: they are common in notes and
// names ("Kim's café") and must be stored verbatim. An unclosed quote runs to
// the end of the line rather than failing, since what the user meant is clear.
func tokenize(s string) []token {
	var out []token
	var text, raw strings.Builder
	inQuote, quoted, started := false, false, false
	flush := func() {
		if started {
			out = append(out, token{text: text.String(), raw: raw.String(), quoted: quoted})
		}
		text.Reset()
		raw.Reset()
		quoted, started = false, false
	}
	for _, r := range s {
		switch {
		case r == '"' || r == '“' || r == '”':
			inQuote = !inQuote
			quoted, started = true, true
			raw.WriteRune(r)
		case unicode.IsSpace(r) && !inQuote:
			flush()
		default:
			started = true
			text.WriteRune(r)
			raw.WriteRune(r)
		}
	}
	flush()
	return out
}

func rawJoin(ts []token) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.raw
	}
	return strings.Join(parts, " ")
}

func textJoin(ts []token) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// optionKeys maps every accepted spelling of an option key to its canonical key.
var optionKeys = map[string]string{
	"date": "date", "날짜": "date", "일자": "date", "asof": "date", "기준일": "date",
	"dept": "dept", "department": "dept", "부서": "dept",
	"status": "status", "상태": "status",
	"type": "type", "employment": "type", "고용형태": "type", "형태": "type",
	"year": "year", "연도": "year", "년도": "year",
	"program": "program", "prog": "program", "사업": "program",
	"kind": "kind", "종류": "kind", "유형": "kind",
	"mission": "mission", "미션": "mission", "사회적목적": "mission",
	"rep": "rep", "representative": "rep", "대표": "rep", "대표자": "rep",
	"note": "note", "메모": "note", "비고": "note",
	"sector": "sector", "부문": "sector",
	"en": "en", "name": "en", "english": "en", "영문": "en", "영문명": "en",
	"ko": "ko", "korean": "ko", "한글": "ko", "국문": "ko", "한글명": "ko",
	"code": "code", "코드": "code",
	"aliases": "aliases", "alias": "aliases", "별칭": "aliases",
	"unit": "unit", "단위": "unit",
	"disclosure": "disclosure", "공시": "disclosure", "공시유형": "disclosure",
	"channel": "channel", "채널": "channel",
}

// allowedOptions lists the options each command takes.
var allowedOptions = map[string][]string{
	"add":                {"date", "dept", "status", "type", "program", "note"},
	"list":               {"program", "dept"},
	"status":             {"dept", "program", "sector", "year"},
	"target":             {"year", "program", "dept"},
	"program add":        {"en", "ko", "sector", "dept", "unit", "aliases", "disclosure", "code"},
	"program rename":     {"en", "ko", "sector", "dept", "unit", "aliases", "disclosure", "code"},
	"candidate add":      {"kind", "dept", "mission", "rep", "note"},
	"candidate list":     {"dept"},
	"void":               {"note"},
	"candidate move":     {"note"},
	"undo":               {},
	"programs":           {},
	"program deactivate": {},
	"program activate":   {},
	"candidate show":     {},
	"help":               {},
	"digest":             {},
	"digest post":        {},
	"dept show":          {},
	"dept add":           {"aliases", "channel"},
	"dept remove":        {},
	"dept rename":        {},
	"dept merge":         {},
	"dept target":        {"year"},
	"none":               {"dept"},
	"remind preview":     {},
	"remind send":        {},
	"holiday list":       {},
	"holiday add":        {},
	"holiday remove":     {},
}

var (
	cumulativeWords = []string{"cumulative", "cum", "ytd", "누적", "누계"}
	mineWords       = []string{"mine", "me", "my", "내것", "내꺼", "내기록", "나"}
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
		return Command{}, usageErr("", "That command is too long (over %d characters).", "명령이 너무 깁니다(%d자 초과).", MaxTextBytes)
	}
	if !utf8.ValidString(text) {
		return Command{}, usageErr("", "That command has characters I cannot read.", "읽을 수 없는 문자가 있습니다.")
	}
	tokens := tokenize(text)
	if len(tokens) > 0 && !tokens[0].quoted && strings.EqualFold(tokens[0].text, "/jobs") {
		tokens = tokens[1:]
	}
	if len(tokens) == 0 {
		return Command{Name: "help"}, nil
	}
	name, rest, err := selectCommand(tokens)
	if err != nil {
		return Command{}, err
	}
	cmd := Command{Name: name}
	positional, err := takeOptions(&cmd, rest, today)
	if err != nil {
		return Command{}, err
	}
	if err := parseArgs(&cmd, positional, today); err != nil {
		return Command{}, err
	}
	return cmd, nil
}

// IsBareAdd reports whether text is `add` (in any of its spellings) with
// nothing after it: Slack answers that with the add-entry form rather than a
// usage error.
func IsBareAdd(text string) bool {
	tokens := tokenize(text)
	if len(tokens) > 0 && !tokens[0].quoted && strings.EqualFold(tokens[0].text, "/jobs") {
		tokens = tokens[1:]
	}
	return len(tokens) == 1 && !tokens[0].quoted && isSpecWord("add", fold(tokens[0].text))
}

// selectCommand finds the subcommand the first words name.
func selectCommand(tokens []token) (string, []token, error) {
	first := fold(tokens[0].text)
	second := ""
	if len(tokens) > 1 {
		second = fold(tokens[1].text)
	}
	group := ""
	switch first {
	case "program", "programme", "사업":
		group = "program"
	case "candidate", "candidates", "후보", "후보기업":
		group = "candidate"
	case "dept", "department", "departments", "부서":
		group = "dept"
	case "remind", "reminder", "reminders", "알림":
		group = "remind"
	case "holiday", "holidays", "공휴일":
		group = "holiday"
	}
	if group == "" && (second == "candidate" || second == "후보") && isSpecWord("candidate add", first) {
		return "candidate add", tokens[2:], nil // "add candidate …": staff think of both as adding
	}
	if group != "" {
		if second == "" {
			if group == "program" {
				return "programs", nil, nil
			}
			if group == "dept" {
				return "dept show", nil, nil
			}
			if group == "remind" {
				return "remind preview", nil, nil
			}
			if group == "holiday" {
				return "holiday list", nil, nil
			}
			return "candidate list", nil, nil
		}
		for _, s := range commandTable {
			if strings.HasPrefix(s.Name, group+" ") && isSpecWord(s.Name, second) {
				return s.Name, tokens[2:], nil
			}
		}
		if group == "holiday" && len(tokens) > 1 {
			return "holiday list", tokens[1:], nil // "holidays 2027"
		}
		if group == "remind" {
			return "", nil, usageErr("", "I don't know `remind %s`. Use remind preview or remind send.",
				"`알림 %s` 명령은 없습니다. 알림 미리보기 또는 알림 발송을 쓰세요.", tokens[1].text)
		}
		if group == "dept" {
			return "", nil, usageErr("", "I don't know `dept %s`. Use dept show, add, remove, rename, merge or target.",
				"`부서 %s` 명령은 없습니다. 부서 보기, 추가, 삭제, 이름변경, 병합, 목표 중 하나를 쓰세요.", tokens[1].text)
		}
		if group == "candidate" {
			return "", nil, usageErr("", "I don't know `candidate %s`. Use candidate add, list, show or move.",
				"`후보 %s`은(는) 없는 명령입니다. candidate add, list, show, move 중 하나를 쓰세요.", tokens[1].text)
		}
		return "", nil, usageErr("", "I don't know `program %s`. Use program add, rename, deactivate or activate, or `programs` to list them.",
			"`사업 %s`은(는) 없는 명령입니다. program add, rename, deactivate, activate 중 하나를 쓰거나 `programs`로 목록을 보세요.", tokens[1].text)
	}
	for _, s := range commandTable {
		if !strings.Contains(s.Name, " ") && isSpecWord(s.Name, first) {
			return s.Name, tokens[1:], nil
		}
	}
	return "", nil, usageErr("", "I don't know the command `%s`.", "`%s`은(는) 없는 명령입니다.", tokens[0].text)
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
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		key, value, ok := strings.Cut(t.text, ":")
		if !ok || strings.HasPrefix(t.raw, `"`) || strings.HasPrefix(t.raw, "“") {
			positional = append(positional, t)
			continue
		}
		canonical, known := optionKeys[fold(key)]
		if !known {
			if isASCIIWord(key) && !strings.HasPrefix(value, "//") {
				return nil, usageErr(cmd.Name, "I don't know the option `%s:`.", "`%s:`은(는) 모르는 옵션입니다.", key)
			}
			positional = append(positional, t) // "10:30", "회의:…" and URLs belong to the note
			continue
		}
		if !allows(cmd.Name, canonical) {
			return nil, usageErr(cmd.Name, "`%s` does not take `%s:`.", "`%s` 명령에는 `%s:` 옵션을 쓸 수 없습니다.", cmd.Name, key)
		}
		if canonical == "note" {
			// note: takes the rest of the line verbatim, options and all.
			rest := append([]token{{text: value, raw: strings.TrimPrefix(t.raw, key+":")}}, tokens[i+1:]...)
			cmd.Opts.Note = strings.TrimSpace(rawJoin(rest))
			break
		}
		if canonical == "date" {
			// Dates may contain spaces ("2026. 4. 30.", "4월 30일"): take the
			// longest run of following words that still reads as a date.
			n := 0
			for k := 1; k <= 3 && i+k < len(tokens); k++ {
				if _, err := dates.Parse(value+" "+textJoin(tokens[i+1:i+1+k]), today); err == nil {
					n = k
				}
			}
			if n > 0 {
				value += " " + textJoin(tokens[i+1:i+1+n])
				i += n
			}
		}
		if strings.TrimSpace(value) == "" {
			return nil, usageErr(cmd.Name, "`%s:` needs a value right after the colon, with no space.", "`%s:` 뒤에 값을 붙여 쓰세요.", key)
		}
		if err := setOption(cmd, canonical, value, today); err != nil {
			return nil, err
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

func allows(command, option string) bool {
	for _, o := range allowedOptions[command] {
		if o == option {
			return true
		}
	}
	return false
}

func setOption(cmd *Command, key, value string, today time.Time) error {
	o := &cmd.Opts
	var ok bool
	switch key {
	case "date":
		d, err := dates.Parse(value, today)
		if err != nil {
			return usageErr(cmd.Name, "I can't read the date `%s`. Write it like 2026-04-30, 4/30, 4월말 or yesterday.",
				"날짜 `%s`을(를) 읽을 수 없습니다. 2026-04-30, 4/30, 4월말, 어제처럼 쓰세요.", value)
		}
		o.Date = &d
	case "dept":
		o.Department, ok = value, true
	case "channel":
		return parseChannel(cmd, value)
	case "status":
		if o.Status, ok = lookup(statusWords, value); !ok {
			return usageErr(cmd.Name, "`status:%s` is not a status. Use status:realised (hired) or status:agreed (MOU, not yet hired).",
				"`상태:%s`은(는) 없는 상태입니다. 상태:채용 또는 상태:약정을 쓰세요.", value)
		}
	case "type":
		if o.Employment, ok = lookup(employmentWords, value); !ok {
			return usageErr(cmd.Name, "`type:%s` is not an employment type. Use type:regular, type:temporary or type:daily.",
				"`형태:%s`은(는) 없는 고용형태입니다. 상용, 임시, 일용 중 하나를 쓰세요.", value)
		}
	case "year":
		y, err := strconv.Atoi(value)
		if err != nil || y < 2000 || y > 2100 {
			return usageErr(cmd.Name, "`year:%s` is not a year. Write it like year:2026.", "`연도:%s`을(를) 읽을 수 없습니다. 연도:2026처럼 쓰세요.", value)
		}
		o.Year = y
	case "program":
		o.Program = value
	case "kind":
		if o.Kind, ok = lookup(kindWords, value); !ok {
			return usageErr(cmd.Name, "`kind:%s` is not a kind. Use one of: %s.", "`종류:%s`은(는) 없는 종류입니다. 다음 중 하나를 쓰세요: %s.", value, names(kindWords))
		}
	case "mission":
		if o.Mission, ok = lookup(missionWords, value); !ok {
			return usageErr(cmd.Name, "`mission:%s` is not a mission type. Use one of: %s.", "`미션:%s`은(는) 없는 유형입니다. 다음 중 하나를 쓰세요: %s.", value, names(missionWords))
		}
	case "sector":
		if o.Sector, ok = lookup(sectorWords, value); !ok {
			return usageErr(cmd.Name, "`sector:%s` is not a sector. Use sector:public (공공) or sector:private (민간).", "`부문:%s`은(는) 없는 부문입니다. 공공 또는 민간을 쓰세요.", value)
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
			return usageErr(cmd.Name, "`unit:%s` is not a unit. Use unit:개 or unit:명 for jobs, unit:회 for sessions.", "`단위:%s`은(는) 쓸 수 없습니다. 개, 명(일자리) 또는 회(횟수)를 쓰세요.", value)
		}
	case "disclosure":
		if o.Disclosure, ok = lookup(disclosureWords, value); !ok {
			return usageErr(cmd.Name, "`disclosure:%s` is not a disclosure type. Use one of: %s.", "`공시:%s`은(는) 없는 공시유형입니다. 다음 중 하나를 쓰세요: %s.", value, names(disclosureWords))
		}
	}
	return nil
}

// parseArgs reads the positional words of each command.
func parseArgs(cmd *Command, ts []token, today time.Time) error {
	switch cmd.Name {
	case "add", "target", "dept target":
		return parseCounted(cmd, ts)
	case "dept show", "dept add", "dept remove", "dept rename", "dept merge":
		return parseDept(cmd, ts, today)
	case "none":
		return parseNone(cmd, ts, today)
	case "holiday list", "holiday add", "holiday remove":
		return parseHoliday(cmd, ts, today)
	case "remind preview", "remind send":
		if len(ts) > 0 {
			return usageErr(cmd.Name, "`%s` takes nothing after it.", "`%s` 뒤에는 아무것도 쓰지 않습니다.", cmd.Name)
		}
	case "list":
		ts = takePeriod(cmd, ts, today)
		for i, t := range ts {
			if isOneOf(t, mineWords) {
				cmd.Mine = true
				ts = append(ts[:i:i], ts[i+1:]...)
				break
			}
		}
		cmd.Words = raws(ts)
	case "status":
		ts = takePeriod(cmd, ts, today)
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
	case "void", "candidate show", "candidate move":
		if len(ts) == 0 {
			return usageErr(cmd.Name, "Which number? Give the number shown in the list.", "몇 번인지 목록에 나온 번호를 쓰세요.")
		}
		id, err := strconv.ParseInt(strings.TrimPrefix(ts[0].text, "#"), 10, 64)
		if err != nil || id <= 0 {
			return usageErr(cmd.Name, "`%s` is not a number from the list.", "`%s`은(는) 목록의 번호가 아닙니다.", ts[0].text)
		}
		cmd.ID = id
		ts = ts[1:]
		if cmd.Name == "candidate move" {
			return parseMove(cmd, ts)
		}
		if cmd.Name == "void" && len(ts) > 0 {
			cmd.Opts.Note = strings.TrimSpace(rawJoin(ts) + " " + cmd.Opts.Note)
		}
		if cmd.Name == "candidate show" && len(ts) > 0 {
			return usageErr(cmd.Name, "`candidate show` takes only a number.", "`candidate show`에는 번호만 쓰세요.")
		}
	case "candidate list":
		if len(ts) > 0 {
			st, ok := lookup(stageWords, textJoin(ts))
			if !ok {
				return usageErr(cmd.Name, "`%s` is not a stage. Use one of: %s.", "`%s`은(는) 없는 단계입니다. 다음 중 하나를 쓰세요: %s.", textJoin(ts), names(stageWords))
			}
			cmd.Stage = st
		}
	case "candidate add":
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
	case "digest":
		return parseDigest(cmd, ts)
	case "undo", "programs":
		if len(ts) > 0 {
			return usageErr(cmd.Name, "`%s` takes nothing after it.", "`%s` 뒤에는 아무것도 쓰지 않습니다.", cmd.Name)
		}
	default: // help, program add|rename|activate|deactivate
		for _, t := range ts {
			cmd.Words = append(cmd.Words, t.text)
		}
	}
	return nil
}

func raws(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.raw
	}
	return out
}

// parseCounted finds the count among the words: the first word (or run of up
// to four words, for "1만 2000") that reads as a number. What stands before
// and after it is kept for the handler, which knows the programs.
func parseCounted(cmd *Command, ts []token) error {
	kept := ts[:0:0]
	for _, t := range ts {
		if cmd.Name == "add" && isOneOf(t, cumulativeWords) {
			cmd.Cumulative = true
			continue
		}
		kept = append(kept, t)
	}
	ts = kept
	for i, t := range ts {
		if t.quoted {
			continue
		}
		n, err := numbers.Parse(t.text)
		if err != nil {
			if numbers.LooksNumeric(t.text) {
				return countError(cmd.Name, t.text, err)
			}
			continue
		}
		end := i + 1
		for k := i + 2; k <= len(ts) && k <= i+4; k++ {
			if longer, err := numbers.Parse(textJoin(ts[i:k])); err == nil {
				n, end = longer, k
			}
		}
		if ue := checkCount(cmd.Name, n); ue != nil {
			return ue
		}
		if end < len(ts) && !ts[end].quoted && numbers.LooksNumeric(ts[end].text) {
			// "180 2000" is two counts or a typo; guessing either would be wrong.
			return usageErr(cmd.Name, "`%s %s` is two numbers in a row; give one count (write 12,000 as 1만 2000 or 12000).",
				"`%s %s`은(는) 수가 두 개입니다. 수는 하나만 쓰세요(12,000은 1만 2000 또는 12000).", textJoin(ts[i:end]), ts[end].text)
		}
		cmd.Count, cmd.HasCount = n, true
		cmd.Before, cmd.After = raws(ts[:i]), raws(ts[end:])
		return nil
	}
	first := ""
	if len(ts) > 0 {
		first = ts[0].text
	}
	if first == "" {
		return usageErr(cmd.Name, "How many jobs? Give the count first, e.g. 180 or 2만500.", "일자리 수를 먼저 쓰세요. 예: 180, 2만500.")
	}
	return usageErr(cmd.Name, "I couldn't find how many jobs: `%s` is not a number. Write the count as 180, 2,400, 6백여 or 1만2000.",
		"일자리 수를 찾지 못했습니다: `%s`은(는) 수가 아닙니다. 180, 2,400, 6백여, 1만2000처럼 쓰세요.", first)
}

// checkCount refuses counts a single entry must not hold: zero, more than
// MaxCount, and sessions (회) or money (원), which are not jobs.
func checkCount(command string, n numbers.Number) *UsageError {
	switch {
	case n.Value < 1:
		return usageErr(command, "The count must be at least 1; to take an entry back, use `undo` or `void <number>`.",
			"수는 1 이상이어야 합니다. 기록을 취소하려면 `undo` 또는 `void <번호>`를 쓰세요.")
	case n.Value > MaxCount:
		return usageErr(command, "%s is more than the %s one entry may hold; split it or check the figure.",
			"%s은(는) 한 건에 기록할 수 있는 %s을(를) 넘습니다. 나누어 기록하거나 수를 확인하세요.", numbers.Format(n.Value), numbers.Format(MaxCount))
	case n.Counter == "회":
		return usageErr(command, "Sessions (회) are not jobs; log how many people were hired (명 or 개).",
			"횟수(회)는 일자리가 아닙니다. 채용된 인원(명, 개)을 기록하세요.")
	case n.Counter == "원":
		return usageErr(command, "Won (원) is money, not jobs; log how many jobs were created.",
			"원(금액)은 일자리 수가 아닙니다. 만들어진 일자리 수를 기록하세요.")
	}
	return nil
}

func countError(command, typed string, err error) error {
	var ne *numbers.Error
	reason := "is not a number I can read"
	if errors.As(err, &ne) && ne.Reason != "" {
		reason = ne.Reason
	}
	return &UsageError{Command: command,
		En: fmt.Sprintf("`%s` %s. Write the count as 180, 2,400, 6백여 or 1만2000.", typed, reason),
		Ko: fmt.Sprintf("`%s`은(는) 읽을 수 없는 수입니다. 180, 2,400, 6백여, 1만2000처럼 쓰세요.", typed)}
}

// takePeriod removes the first run of up to three words that reads as a
// period ("2026", "q1", "2026년 상반기") and stores it on cmd.
func takePeriod(cmd *Command, ts []token, today time.Time) []token {
	for i := range ts {
		for n := min(3, len(ts)-i); n >= 1; n-- {
			if ts[i].quoted {
				break
			}
			p, err := dates.ParsePeriod(textJoin(ts[i:i+n]), today)
			if err != nil {
				continue
			}
			cmd.Period = &p
			return append(ts[:i:i], ts[i+n:]...)
		}
	}
	return ts
}

// parseMove reads "<stage> [note]"; stages may be two words ("not selected").
func parseMove(cmd *Command, ts []token) error {
	if len(ts) == 0 {
		return usageErr(cmd.Name, "To which stage? Use one of: %s.", "어느 단계로 옮길지 쓰세요: %s.", names(stageWords))
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
	return usageErr(cmd.Name, "`%s` is not a stage. Use one of: %s.", "`%s`은(는) 없는 단계입니다. 다음 중 하나를 쓰세요: %s.", ts[0].text, names(stageWords))
}
