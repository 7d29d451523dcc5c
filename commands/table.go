package commands

import (
	"context"
	"strings"
	"time"

	"jobsbot/commands/i18n"
)

// The canonical command names. The table, the parser and the handlers name
// a command by one of these, never by a bare string, so renaming one is one
// edit and a typo is a compile error.
const (
	cmdAdd               = "add"
	cmdList              = "list"
	cmdUndo              = "undo"
	cmdVoid              = "void"
	cmdCorrect           = "correct"
	cmdHire              = "hire"
	cmdStatus            = "status"
	cmdTarget            = "target"
	cmdPrograms          = "programs"
	cmdProgramAdd        = "program add"
	cmdProgramRename     = "program rename"
	cmdProgramDeactivate = "program deactivate"
	cmdProgramActivate   = "program activate"
	cmdDeptShow          = "dept show"
	cmdDeptAdd           = "dept add"
	cmdDeptRemove        = "dept remove"
	cmdDeptRename        = "dept rename"
	cmdDeptMerge         = "dept merge"
	cmdDeptTarget        = "dept target"
	cmdNone              = "none"
	cmdRemindPreview     = "remind preview"
	cmdRemindSend        = "remind send"
	cmdHolidayList       = "holiday list"
	cmdHolidayAdd        = "holiday add"
	cmdHolidayRemove     = "holiday remove"
	cmdCandidateAdd      = "candidate add"
	cmdCandidateList     = "candidate list"
	cmdCandidateShow     = "candidate show"
	cmdCandidateMove     = "candidate move"
	cmdDigest            = "digest"
	cmdDigestPost        = "digest post"
	cmdReport            = "report"
	cmdExport            = "export"
	cmdImport            = "import"
	cmdImportApply       = "import apply"
	cmdTemplate          = "template"
	cmdPress             = "press"
	cmdTargetHistory     = "target history"
	cmdClose             = "close"
	cmdCloseReopen       = "close reopen"
	cmdLang              = "lang"
	cmdHelp              = "help"
)

// commandSpec is the one definition of a subcommand: its words, the options it
// takes, how its positional words are read and what runs it. The same entry
// drives the parser's dispatch, `help`, and the usage line and example shown
// with every parse error, so the four can never disagree. Adding a command is
// one entry here plus its parser and handler. Its usage line, summary and
// examples are catalogue messages table.<name>.usage, .summary and .examples
// (one example a line), in each language's own command words.
type commandSpec struct {
	// Name is the canonical name, e.g. "candidate move". A name of two words
	// is a subcommand: its first word is its group (groupTable) or its
	// parent command (target history), and Words are read after that word.
	Name    string
	Words   []string // words that select it, English and Korean
	Manager bool
	// Guarded commands write without a key of their own, so a redelivered
	// request is caught by claiming its delivery key first.
	Guarded bool
	// Writes marks commands that change the ledger: each Slack user may run
	// them only so often (ratelimit.go).
	Writes bool
	// Options are the canonical option keys (see optionKeys) it accepts.
	Options []string
	// Aliases are whole phrases that also select it, read word by word:
	// other word orders and spacings staff type ("add candidate",
	// "실적 없음"). They are tried before any group or command word.
	Aliases []string
	// Alone says its word after its parent's selects it only when nothing
	// follows: "digest post" posts, "digest post 2026-W17" is a digest week
	// the parent's parser refuses.
	Alone bool
	// Cumulative says its count may be marked a running total (누계, ytd)
	// and written as a change with its sign (+550).
	Cumulative bool
	// EntryFields says free-standing dates, status and employment words
	// among its words are that entry's fields (takeEntryFields).
	EntryFields bool
	// BelowOne is the catalogue ID refusing a count below 1; empty means
	// parse.count_below_one.
	BelowOne string
	// Moves says it moves every entry and total of a department in one
	// transaction, so its database deadline is moveDeadline.
	Moves bool
	// Imports says it reads a file a user sent through Slack and writes it
	// (import apply, in one transaction holding every program's lock) or
	// previews it (import, written and rolled back, holding no program
	// lock): its database deadline
	// is importDeadline, sized for the rows a file sent through Slack may
	// hold (importer.SlackRowCap), and it runs only once the heavy-job gate
	// admits it (admitHeavy), before the file is downloaded.
	Imports bool
	// Posts says its work is posting to Slack under the senders' own
	// timeouts and exactly-once records, so it keeps the caller's context
	// rather than the database deadline, which would cut a post short.
	Posts bool
	// Parse reads the positional words left once options are taken; nil
	// means the command takes none.
	Parse func(cmd *Command, ts []token, today time.Time) error
	// Run answers the parsed command.
	Run func(s *Service, ctx context.Context, c Caller, cmd Command) Reply
}

// key is the catalogue ID prefix of the command's texts.
func (c commandSpec) key() string { return "table." + strings.ReplaceAll(c.Name, " ", "_") }

// commandName is a canonical command name written as users type it in the
// reply's language ("candidate move", "후보 이동"): its usage line up to the
// first placeholder.
type commandName string

// In implements i18n.Localized.
func (c commandName) In(p i18n.Printer) string {
	spec, ok := specNamed(string(c))
	if !ok {
		return string(c)
	}
	var words []string
	for _, w := range strings.Fields(p.T(spec.key() + ".usage")) {
		if strings.HasPrefix(w, "<") || strings.HasPrefix(w, "[") {
			break
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// usage is the command's usage line in the Service's language.
func (s *Service) usage(c commandSpec) string { return s.msg(c.key() + ".usage") }

// summary is the command's one-line description in the Service's language.
func (s *Service) summary(c commandSpec) string { return s.msg(c.key() + ".summary") }

// examples are the command's examples in the Service's language.
func (s *Service) examples(c commandSpec) []string {
	return strings.Split(s.msg(c.key()+".examples"), "\n")
}

// commandGroup is a first word that only gathers subcommands: the specs
// named "<Name> <word>" (program add, dept show, …). A command that runs on
// its own and also has subcommands (target, close, import, digest) is no
// group: its own spec is its row, and its subcommands are found the same way,
// by the first word of their names.
type commandGroup struct {
	Name    string   // the first word of its subcommands' names
	Words   []string // first words that select it, English and Korean
	Default string   // the command run when no word follows the group's
	// Unknown is the catalogue ID refusing a second word that names none of
	// its subcommands; empty means the words are Default's ("holidays 2027").
	Unknown string
}

// commandGroups is the groups table; Parse reads it before commandTable.
func commandGroups() []commandGroup {
	return []commandGroup{
		{Name: "program", Words: []string{"program", "programme", "사업"},
			Default: cmdPrograms, Unknown: "parse.unknown_program_command"},
		{Name: "candidate", Words: []string{"candidate", "candidates", "후보", "후보기업"},
			Default: cmdCandidateList, Unknown: "parse.unknown_candidate_command"},
		{Name: "dept", Words: []string{"dept", "department", "departments", "부서"},
			Default: cmdDeptShow, Unknown: "parse.i_don_know_dept"},
		{Name: "remind", Words: []string{"remind", "reminder", "reminders", "알림"},
			Default: cmdRemindPreview, Unknown: "parse.i_don_know_remind"},
		{Name: "holiday", Words: []string{"holiday", "holidays", "공휴일"},
			Default: cmdHolidayList},
	}
}

// optionKeys maps every accepted spelling of an option key to its canonical
// key, the word a spec's Options name.
var optionKeys = map[string]string{
	"date": "date", "날짜": "date", "일자": "date", "asof": "date", "기준일": "date",
	"dept": "dept", "department": "dept", "부서": "dept",
	"status": "status", "상태": "status",
	"type": "type", "employment": "type", "고용형태": "type", "형태": "type",
	"year": "year", "연도": "year", "년도": "year",
	"program": "program", "prog": "program", "사업": "program",
	"kind": "kind", "종류": "kind", "유형": "kind",
	"mission": "mission", "미션": "mission", "사회적목적": "mission", "사명": "mission",
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
	"reason": "reason", "사유": "reason", "이유": "reason",
	"confirm": "confirm", "확인": "confirm",
	"within": "within", "누계포함": "within",
}

// commandTable lists every subcommand in the order help shows them. It is
// filled once, in init, and never changed after: Go forbids the declaration
// itself because some handlers (help, every refusal) read the table back.
var commandTable []commandSpec

// groupTable is commandGroups, filled once in init like commandTable.
var groupTable []commandGroup

func init() {
	commandTable = commandSpecs()
	groupTable = commandGroups()
}

// commandSpecs is the command table itself, one entry per command: it is
// data, not logic, and is long because the bot has that many commands.
func commandSpecs() []commandSpec {
	return []commandSpec{
		{
			Name: cmdAdd, Words: []string{"add", "log", "추가", "기록", "등록"},
			Writes:      true,
			Cumulative:  true,
			EntryFields: true,
			Options:     []string{"date", "dept", "status", "type", "program", "note", "reason", "confirm", "within"},
			Parse:       parseCounted,
			Run:         (*Service).add,
		},
		{
			Name: cmdList, Words: []string{"list", "ls", "목록", "조회"},
			Options: []string{"program", "dept"},
			Parse:   parseList,
			Run:     (*Service).list,
		},
		{
			Name: cmdUndo, Words: []string{"undo", "되돌리기", "취소"},
			Guarded: true,
			Writes:  true,
			Parse:   parseUndo,
			Run:     func(s *Service, ctx context.Context, c Caller, _ Command) Reply { return s.undo(ctx, c) },
		},
		{
			Name: cmdVoid, Words: []string{"void", "무효"},
			Guarded: true,
			Writes:  true,
			Options: []string{"note", "reason"},
			Parse:   parseVoid,
			Run: func(s *Service, ctx context.Context, c Caller, cmd Command) Reply {
				return s.void(ctx, c, cmd.ID, CleanReason(cmd.Opts.Note+" "+cmd.Opts.Reason))
			},
		},
		{
			Name: cmdCorrect, Words: []string{"correct", "correction", "정정"},
			Guarded: true,
			Writes:  true,
			Options: []string{"reason", "confirm", "within"},
			Parse:   parseCorrect,
			Run:     (*Service).correct,
		},
		{
			Name: cmdHire, Words: []string{"hire", "hired", "채용", "이행"},
			Guarded: true,
			Writes:  true,
			Options: []string{"date", "reason", "note", "confirm", "within"},
			Parse:   parseHire,
			Run:     (*Service).hire,
		},
		{
			Name: cmdStatus, Words: []string{"status", "현황", "실적", "진도"},
			Options: []string{"dept", "program", "sector", "year"},
			Parse:   parseStatus,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.status(ctx, cmd) },
		},
		{
			Name: cmdTarget, Words: []string{"target", "목표"},
			Manager:  true,
			Guarded:  true,
			Writes:   true,
			BelowOne: "parse.target_below_one",
			Options:  []string{"year", "program", "dept", "reason"},
			Parse:    parseCounted,
			Run:      (*Service).target,
		},
		{
			Name: cmdPrograms, Words: []string{"programs", "사업목록"},
			Run: func(s *Service, ctx context.Context, _ Caller, _ Command) Reply { return s.programs(ctx) },
		},
		{
			Name: cmdProgramAdd, Words: []string{"add", "추가"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Options: []string{"en", "ko", "sector", "dept", "unit", "aliases", "disclosure", "code"},
			Parse:   parseWords,
			Run:     (*Service).programAdd,
		},
		{
			Name: cmdProgramRename, Words: []string{"rename", "edit", "변경", "수정"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Options: []string{"en", "ko", "sector", "dept", "unit", "aliases", "disclosure", "code", "confirm"},
			Parse:   parseWords,
			Run:     (*Service).programRename,
		},
		{
			Name: cmdProgramDeactivate, Words: []string{"deactivate", "disable", "비활성"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseWords,
			Run:     (*Service).programDeactivate,
		},
		{
			Name: cmdProgramActivate, Words: []string{"activate", "enable", "활성"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseWords,
			Run:     (*Service).programActivate,
		},
		{
			Name: cmdDeptShow, Words: []string{"show", "list", "보기", "목록"},
			Parse: parseDept,
			Run:   func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptShow(ctx, cmd) },
		},
		{
			Name: cmdDeptAdd, Words: []string{"add", "추가"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Options: []string{"aliases", "channel"},
			Parse:   parseDept,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptAdd(ctx, cmd) },
		},
		{
			Name: cmdDeptRemove, Words: []string{"remove", "retire", "delete", "삭제"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseDept,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptRemove(ctx, cmd) },
		},
		{
			Name: cmdDeptRename, Words: []string{"rename", "이름변경"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Moves:   true,
			Parse:   parseDept,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptRename(ctx, cmd) },
		},
		{
			Name: cmdDeptMerge, Words: []string{"merge", "병합"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Moves:   true,
			Parse:   parseDept,
			Run:     func(s *Service, ctx context.Context, c Caller, cmd Command) Reply { return s.deptMerge(ctx, c, cmd) },
		},
		{
			Name: cmdDeptTarget, Words: []string{"target", "목표"},
			Manager:  true,
			Guarded:  true,
			Writes:   true,
			BelowOne: "parse.target_below_one",
			Options:  []string{"year", "reason"},
			Parse:    parseCounted,
			Run:      (*Service).deptTarget,
		},
		{
			Name: cmdNone, Words: []string{"none", "nothing", "실적없음", "없음", "무실적", "실적무"},
			Writes: true,
			// 실적 없음 is 실적없음 with a space; 실적 alone is status.
			Aliases: []string{"실적 없음", "실적 없습니다"},
			Options: []string{"dept"},
			Parse:   parseNothing,
			Run:     (*Service).nothing,
		},
		{
			Name: cmdRemindPreview, Words: []string{"preview", "미리보기"},
			Parse: parseRemindPreview,
			Run:   func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.remindPreview(ctx, cmd) },
		},
		{
			Name: cmdRemindSend, Words: []string{"send", "발송"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Posts:   true,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.remindSend(ctx, cmd) },
		},
		{
			Name: cmdHolidayList, Words: []string{"list", "목록"},
			Parse: parseHoliday,
			Run:   func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.holiday(ctx, cmd) },
		},
		{
			Name: cmdHolidayAdd, Words: []string{"add", "추가"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseHoliday,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.holiday(ctx, cmd) },
		},
		{
			Name: cmdHolidayRemove, Words: []string{"remove", "delete", "삭제"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseHoliday,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.holiday(ctx, cmd) },
		},
		{
			Name: cmdCandidateAdd, Words: []string{"add", "추가", "등록"},
			Writes: true,
			// "add candidate …": staff think of both as adding.
			Aliases: []string{"add candidate", "추가 candidate", "등록 candidate", "add 후보", "추가 후보", "등록 후보"},
			Options: []string{"kind", "dept", "mission", "rep", "note"},
			Parse:   parseCandidateAdd,
			Run:     (*Service).candidateAdd,
		},
		{
			Name: cmdCandidateList, Words: []string{"list", "ls", "목록"},
			Options: []string{"dept"},
			Parse:   parseCandidateList,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.candidateList(ctx, cmd) },
		},
		{
			Name: cmdCandidateShow, Words: []string{"show", "보기"},
			Parse: parseCandidateShow,
			Run:   (*Service).candidateShow,
		},
		{
			Name: cmdCandidateMove, Words: []string{"move", "이동", "단계"},
			Guarded: true,
			Writes:  true,
			Options: []string{"note", "reason"},
			Parse:   parseCandidateMove,
			Run:     (*Service).candidateMove,
		},
		{
			Name: cmdDigest, Words: []string{"digest", "weekly", "다이제스트", "주간", "주간보고"},
			Parse: parseDigest,
			Run:   (*Service).digestCommand,
		},
		{
			Name: cmdDigestPost, Words: []string{"post", "게시", "발송"},
			Manager: true,
			Alone:   true,
			Guarded: true,
			Writes:  true,
			Posts:   true,
			Run:     (*Service).digestPost,
		},
		{
			Name: cmdReport, Words: []string{"report", "보고서", "월별실적", "월별", "리포트"},
			Options: []string{"by", "year"},
			Parse:   parseReport,
			Run:     (*Service).report,
		},
		{
			Name: cmdExport, Words: []string{"export", "내보내기", "엑셀", "excel", "xlsx"},
			Options: []string{"year"},
			Parse:   parseExport,
			Run:     (*Service).export,
		},
		{
			Name: cmdImport, Words: []string{"import", "가져오기", "불러오기"},
			// A preview writes the file and rolls it back, holding the
			// ledger's locks meanwhile: it counts as a write.
			Writes:  true,
			Imports: true,
			Run:     (*Service).importPreview,
		},
		{
			Name: cmdImportApply, Words: []string{"apply", "적용"},
			Manager: true,
			Writes:  true,
			Imports: true,
			Parse:   parseImportApply,
			Run:     (*Service).importApply,
		},
		{
			Name: cmdTemplate, Words: []string{"template", "양식", "취합양식", "서식"},
			Parse: parseTemplate,
			Run:   (*Service).template,
		},
		{
			Name: cmdPress, Words: []string{"press", "보도자료", "보도"},
			Parse: parsePress,
			Run:   (*Service).press,
		},
		{
			Name: cmdTargetHistory, Words: []string{"history", "이력", "변경이력"},
			Options: []string{"year"},
			Parse:   parseTargetHistory,
			Run:     (*Service).targetHistory,
		},
		{
			Name: cmdClose, Words: []string{"close", "마감"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseClose,
			Run:     (*Service).closeMonth,
		},
		{
			Name: cmdCloseReopen, Words: []string{"reopen", "해제", "마감해제"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Options: []string{"reason"},
			Parse:   parseReopen,
			Run:     (*Service).reopenMonth,
		},
		{
			Name: cmdLang, Words: []string{"lang", "language", "언어"},
			// A change is a write: limited like one, so `lang` in a loop
			// cannot make every request reload languages.
			Writes: true,
			Parse:  parseLang,
			Run:    (*Service).chooseLanguage,
		},
		{
			Name: cmdHelp, Words: []string{"help", "도움말", "?"},
			Parse: parseWords,
			Run:   func(s *Service, _ context.Context, _ Caller, cmd Command) Reply { return s.help(cmd.Words) },
		},
	}
}

// specNamed returns the spec of a canonical command name.
func specNamed(name string) (commandSpec, bool) {
	for _, s := range commandTable {
		if s.Name == name {
			return s, true
		}
	}
	return commandSpec{}, false
}
