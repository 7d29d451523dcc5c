package commands

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
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
	// Confirmed says an add carries 확인:예 / confirm:yes: record it even if
	// it looks like a repeat or exceeds a year's target (add_guards.go).
	Confirmed bool
	// ConfirmToken is the sealed key a Record it button carries
	// (확인:<token>): it confirms only the entry the bot held, once.
	ConfirmToken string
	// confirmAgain says the confirm option was 확인:다시 / confirm:again:
	// record the held line once more although its question was answered
	// (review r29 B7).
	confirmAgain bool
	// Line is the command line as typed, without /jobs and without its
	// confirm option, so a reply can offer it again (the confirm button).
	Line string
	// confirmRaw is the confirm option as typed, dropped from Line.
	confirmRaw string
	Mine       bool
	Period     *dates.Period
	// PeriodTyped is the period as typed, for a reply to say how it read
	// a range typed without a year (dates.JustEndedMonthRange).
	PeriodTyped string
	ID          int64
	Stage       Stage
	Sector      Sector
	Opts        Options
	Lang        Lang // lang: the chosen language, or langAuto

	By     ReportBy      // report: how rows are grouped
	Export ExportRequest // export: format, year and what
	Voided bool          // list voided: the audit view of voided entries
	// Users are the Slack users mentioned (<@U123>), by ID (dept add, remove).
	Users []string
	// StatusWord and EmploymentWord are the words of an add line read as
	// its status (채용, 약정) or employment type (상용) without a label, as
	// typed, so the reply can say how it read them.
	StatusWord, EmploymentWord string
	// ApproxWord is the count as typed when a prefix (약 300, 대략 300)
	// made it approximate: stored as 300여, and the reply says so.
	ApproxWord string
	// DeptWord is a department name with a particle (노인복지과에서) that
	// an add line was filed under, echoed like StatusWord.
	DeptWord string
	// AgreementHire holds the words of an add line saying the people hired
	// are an agreement's (협약 인원 채용), as typed: such a line is asked
	// about, never recorded as a plain add (review_ko S5).
	AgreementHire string
	// confirmValueRaw is the confirm option's value typed as a word of its
	// own (확인: 예), dropped from Line with it.
	confirmValueRaw string
	// dateTyped is an add's date as typed, free (11월말) or as the date:
	// option's value (날짜:12/4 기준), so the add can ask about an "as of"
	// word (asOfWords) or a period's end (askAboutTotalAsDelta) in it.
	dateTyped string
	// dateRaw is the date as it stands in Line (어제, 날짜:지난주 금요일,
	// the label with it when it was given one), so a line offered back
	// can write it as the day it was read as (offeredLine, review r39 F17).
	dateRaw string
	// lineDated says Line writes its day in full already (the add form's
	// line, formLine): offered back as it is.
	lineDated bool
	// dayChoice is the question of a line whose date read as two days,
	// when this command is the line it offers for the first (handle.go):
	// add answers with the question, keeping both lines as its answers.
	dayChoice *DayChoiceError
	// pendingToken is the open question a bare 확인 appended to an add line
	// answers (questionPending): it records under that question's key.
	pendingToken string
	// AddedWords are the words after a 정정's count, as typed, when the
	// first says the count is an addition (추가, 누락분, more): 정정 sets the
	// figure, so such a line is refused (review F36).
	AddedWords string
	// deptAlso are the other names of a 부서: given more than once
	// (부서:노인복지과 부서:노인과): one department by its alias is one, so
	// they are compared with the first once departments are read
	// (sameDepartmentTwice), not refused while parsing (review r13 A13).
	deptAlso []string
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
	Reason     string // reason: (사유:), the rest of the line
	// Within is a 채용's 누계포함:예 / 아니오 (within:yes / no): whether the
	// hire is already inside the later 누계 reports; nil when not given.
	Within *bool
}

// UsageError is a command line that cannot be run as typed. It carries the
// reason as a catalogue message, rendered in the caller's language when the
// reply is written, and the command it was meant for, so the reply can add
// that command's usage line and an example.
type UsageError struct {
	Command string // canonical name, "" when the command word itself is unknown
	ID      string // catalogue message ID of the reason
	Args    []any  // the message's arguments as name, value pairs
}

// Error is the reason in English, for logs and tests.
func (e *UsageError) Error() string { return e.Reason(i18n.Default().Printer(i18n.English)) }

// Reason renders the reason with p.
// Every reason may name the command as {{.Command}}, in the reply's words.
func (e *UsageError) Reason(p i18n.Printer) string { return p.T(e.ID, e.args()...) }

func (e *UsageError) args() []any {
	return append(slices.Clone(e.Args), "Command", commandName(e.Command))
}

func usageErr(command, id string, kv ...any) *UsageError {
	return &UsageError{Command: command, ID: id, Args: kv}
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

// withoutToken returns ts without the last token typed as raw.
func withoutToken(ts []token, raw string) []token {
	for i := len(ts) - 1; i >= 0; i-- {
		if ts[i].raw == raw {
			return slices.Delete(slices.Clone(ts), i, i+1)
		}
	}
	return ts
}

func rawJoin(ts []token) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.raw
	}
	return strings.Join(parts, " ")
}

func textJoin(ts []token) string {
	return strings.Join(wordsOf(ts), " ")
}

func raws(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.raw
	}
	return out
}
