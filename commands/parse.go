package commands

import (
	"errors"
	"fmt"
	"slices"
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
	Lang       Lang // lang: the chosen language, or langAuto

	By     ReportBy      // report: how rows are grouped
	Export ExportRequest // export: format, year and what
	Voided bool          // list voided: the audit view of voided entries
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
	By         ReportBy
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
	"by": "by", "기준": "by", "집계": "by",
	"channel": "channel", "채널": "channel",
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
	if r, at, found := firstControl(text); found {
		return Command{}, controlCharErr(text, r, at)
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

// parseArgs reads the positional words with the command's own parser.
func parseArgs(cmd *Command, ts []token, today time.Time) error {
	spec, _ := specNamed(cmd.Name)
	if spec.Parse == nil {
		if len(ts) > 0 {
			return usageErr(cmd.Name, "`%s` takes nothing after it.", "`%s` 뒤에는 아무것도 쓰지 않습니다.", cmd.Name)
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

// controlCharErr refuses text with a control character, naming the command
// it was meant for when its first words say, so the usage line can follow.
func controlCharErr(text string, r rune, at int) *UsageError {
	name := ""
	tokens := tokenize(text)
	if len(tokens) > 0 && !tokens[0].quoted && strings.EqualFold(tokens[0].text, "/jobs") {
		tokens = tokens[1:]
	}
	if len(tokens) > 0 {
		if n, _, err := selectCommand(tokens); err == nil {
			name = n
		}
	}
	return usageErr(name, "The text has an invisible control character (U+%04X) at character %d; delete it and send again.",
		"%[2]d번째 글자에 보이지 않는 제어 문자(U+%04[1]X)가 있습니다. 지우고 다시 보내 주세요.", r, at)
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
	if isSpecWord("target", first) && isSpecWord("target history", second) {
		return "target history", tokens[2:], nil
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
	spec, _ := specNamed(command)
	return slices.Contains(spec.Options, option)
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
	case "by":
		if o.By, ok = lookup(reportByWords, value); !ok {
			return usageErr(cmd.Name, "`by:%s` is not a grouping. Use one of: %s.", "`기준:%s`: 없는 집계 기준입니다. 다음 중 하나를 쓰세요: %s.", value, names(reportByWords))
		}
	case "disclosure":
		if o.Disclosure, ok = lookup(disclosureWords, value); !ok {
			return usageErr(cmd.Name, "`disclosure:%s` is not a disclosure type. Use one of: %s.", "`공시:%s`은(는) 없는 공시유형입니다. 다음 중 하나를 쓰세요: %s.", value, names(disclosureWords))
		}
	}
	return nil
}

// parseList reads `list [mine|voided] [program] [period]`.
func parseList(cmd *Command, ts []token, today time.Time) error {
	ts = takeVoided(cmd, ts)
	ts = takePeriod(cmd, ts, today)
	if err := refuseUnreadPeriod(cmd, ts, today); err != nil {
		return err
	}
	for i, t := range ts {
		if isOneOf(t, mineWords) {
			cmd.Mine = true
			ts = append(ts[:i:i], ts[i+1:]...)
			break
		}
	}
	cmd.Words = raws(ts)
	return nil
}

// parseStatus reads `status [period] [program|public|private]`.
func parseStatus(cmd *Command, ts []token, today time.Time) error {
	ts = takePeriod(cmd, dropComparison(ts), today)
	if err := refuseUnreadPeriod(cmd, ts, today); err != nil {
		return err
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

// takeID reads the leading entry or candidate number ("12" or "#12").
func takeID(cmd *Command, ts []token) ([]token, error) {
	if len(ts) == 0 {
		return nil, usageErr(cmd.Name, "Which number? Give the number shown in the list.", "몇 번인지 목록에 나온 번호를 쓰세요.")
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(ts[0].text, "#"), 10, 64)
	if err != nil || id <= 0 {
		return nil, usageErr(cmd.Name, "`%s` is not a number from the list.", "`%s`은(는) 목록의 번호가 아닙니다.", ts[0].text)
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
		cmd.Opts.Note = strings.TrimSpace(rawJoin(ts) + " " + cmd.Opts.Note)
	}
	return nil
}

// parseCandidateShow reads `candidate show <number>`.
func parseCandidateShow(cmd *Command, ts []token, _ time.Time) error {
	ts, err := takeID(cmd, ts)
	if err != nil {
		return err
	}
	if len(ts) > 0 {
		return usageErr(cmd.Name, "`candidate show` takes only a number.", "`candidate show`에는 번호만 쓰세요.")
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
			return usageErr(cmd.Name, "`%s` is not a stage. Use one of: %s.", "`%s`은(는) 없는 단계입니다. 다음 중 하나를 쓰세요: %s.", textJoin(ts), names(stageWords))
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

func raws(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.raw
	}
	return out
}

// parseCounted finds the count among the words: the longest run of up to
// five words that reads as one number ("1만 2천여 개", "약 500 명"). What
// stands before and after it is kept for the handler, which knows the
// programs. For add, free-standing dates, status and employment words are
// taken out first (takeEntryFields), so they never fall into the note.
func parseCounted(cmd *Command, ts []token, today time.Time) error {
	kept := ts[:0:0]
	for _, t := range ts {
		if cmd.Name == "add" && isOneOf(t, cumulativeWords) {
			cmd.Cumulative = true
			continue
		}
		kept = append(kept, t)
	}
	ts = kept
	dateTyped := ""
	if cmd.Name == "add" {
		var err error
		if ts, dateTyped, err = takeEntryFields(cmd, ts, today); err != nil {
			return err
		}
	}
	for i, t := range ts {
		if t.quoted {
			continue
		}
		n, end, ok := countRun(ts, i)
		if !ok {
			if numbers.StartsLikeNumber(t.text) {
				_, err := numbers.Parse(t.text)
				return countError(cmd.Name, t.text, err)
			}
			continue
		}
		if ue := checkCount(cmd.Name, n); ue != nil {
			return ue
		}
		if end < len(ts) && !ts[end].quoted && numbers.LooksNumeric(ts[end].text) {
			// "180 2000" is two counts or a typo; guessing either would be wrong.
			return usageErr(cmd.Name, "`%s %s` is two numbers in a row; give one count (write 12,000 as 1만 2000 or 12000).",
				"`%s %s`: 수가 두 개 연달아 있습니다. 수는 하나만 쓰세요(12,000은 1만 2000 또는 12000).", textJoin(ts[i:end]), ts[end].text)
		}
		cmd.Count, cmd.HasCount = n, true
		cmd.Before, cmd.After = raws(ts[:i]), raws(ts[end:])
		return nil
	}
	if dateTyped != "" && cmd.Opts.Date != nil {
		// "add 4.5 youth": 4.5 read as April 5, so no count is left; say so
		// rather than ask for a count the user thinks was given.
		d := cmd.Opts.Date.Format(time.DateOnly)
		return usageErr(cmd.Name, "I couldn't find how many jobs: `%s` reads as the date %s. Give the count as a whole number, e.g. 180.",
			"일자리 수를 찾지 못했습니다. `%s`: 날짜(%s)로 읽었습니다. 일자리 수는 180처럼 정수로 쓰세요.", dateTyped, d)
	}
	first := ""
	if len(ts) > 0 {
		first = ts[0].text
	}
	if first == "" {
		return usageErr(cmd.Name, "How many jobs? Give the count first, e.g. 180 or 2만500.", "일자리 수를 먼저 쓰세요. 예: 180, 2만500.")
	}
	return usageErr(cmd.Name, "I couldn't find how many jobs: `%s` is not a number. Write the count as 180, 2,400, 6백여 or 1만2000.",
		"일자리 수를 찾지 못했습니다: `%s`에서 수를 읽을 수 없습니다. 180, 2,400, 6백여, 1만2000처럼 쓰세요.", first)
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

// numberReasonsKo words the numbers package's reasons in Korean.
var numberReasonsKo = map[string]string{
	"is not a number":                            "수로 읽을 수 없습니다",
	"has a misplaced comma":                      "쉼표 자리가 맞지 않습니다",
	"is too large":                               "너무 큽니다",
	"is not a whole number":                      "정수가 아닙니다",
	"has a sign; only plain counts are accepted": "부호가 붙어 있습니다. 부호 없는 수만 씁니다",
	"has a space inside the number":              "수 가운데에 띄어쓰기가 있습니다",
	"has a space before its counter":             "여 앞에 띄어쓰기가 있습니다",
	"has a unit with no digit before it":         "단위 앞에 숫자가 없습니다",
	"has its units out of order":                 "단위 순서가 맞지 않습니다",
	"needs a single digit 1-9 before 천, 백 or 십":  "천, 백, 십 앞에는 한 자리 숫자(1-9)만 씁니다",
	"has a zero before a unit":                   "단위 앞에 0이 있습니다",
	"has a part too big for its place":           "자리에 비해 큰 수가 있습니다",
}

func countError(command, typed string, err error) error {
	var ne *numbers.Error
	reason, reasonKo := "is not a number I can read", "수로 읽을 수 없습니다"
	if errors.As(err, &ne) && ne.Reason != "" {
		reason = ne.Reason
		if ko, ok := numberReasonsKo[ne.Reason]; ok {
			reasonKo = ko
		}
	}
	return &UsageError{Command: command,
		En: fmt.Sprintf("`%s` %s. Write the count as 180, 2,400, 6백여 or 1만2000.", typed, reason),
		Ko: fmt.Sprintf("`%s`: %s. 180, 2,400, 6백여, 1만2000처럼 쓰세요.", typed, reasonKo)}
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
