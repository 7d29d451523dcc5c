package commands

import (
	"context"
	"strings"
	"time"

	"jobsbot/commands/i18n"
)

// commandSpec is the one definition of a subcommand: its words, the options it
// takes, how its positional words are read and what runs it. The same entry
// drives the parser's dispatch, `help`, and the usage line and example shown
// with every parse error, so the four can never disagree. Adding a command is
// one entry here plus its parser and handler. Its usage line, summary and
// examples are catalogue messages table.<name>.usage, .summary and .examples
// (one example a line), in each language's own command words.
type commandSpec struct {
	Name    string   // canonical name, e.g. "candidate move"
	Words   []string // words that select it after the group word, English and Korean
	Manager bool
	// Guarded commands write without a key of their own, so a redelivered
	// request is caught by claiming its delivery key first.
	Guarded bool
	// Writes marks commands that change the ledger: each Slack user may run
	// them only so often (ratelimit.go).
	Writes bool
	// Options are the canonical option keys (see optionKeys) it accepts.
	Options []string
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

// commandTable lists every subcommand in the order help shows them. It is
// filled once, in init, and never changed after: Go forbids the declaration
// itself because some handlers (help, every refusal) read the table back.
var commandTable []commandSpec

func init() { commandTable = commandSpecs() }

// commandSpecs is the command table itself, one entry per command: it is
// data, not logic, and is long because the bot has that many commands.
func commandSpecs() []commandSpec {
	return []commandSpec{
		{
			Name: "add", Words: []string{"add", "log", "추가", "기록", "등록"},
			Writes:  true,
			Options: []string{"date", "dept", "status", "type", "program", "note", "reason", "confirm"},
			Parse:   parseCounted,
			Run:     (*Service).add,
		},
		{
			Name: "list", Words: []string{"list", "ls", "목록", "조회"},
			Options: []string{"program", "dept"},
			Parse:   parseList,
			Run:     (*Service).list,
		},
		{
			Name: "undo", Words: []string{"undo", "되돌리기", "취소"},
			Guarded: true,
			Writes:  true,
			Parse:   parseUndo,
			Run:     func(s *Service, ctx context.Context, c Caller, _ Command) Reply { return s.undo(ctx, c) },
		},
		{
			Name: "void", Words: []string{"void", "무효"},
			Guarded: true,
			Writes:  true,
			Options: []string{"note", "reason"},
			Parse:   parseVoid,
			Run: func(s *Service, ctx context.Context, c Caller, cmd Command) Reply {
				return s.void(ctx, c, cmd.ID, CleanReason(cmd.Opts.Note+" "+cmd.Opts.Reason))
			},
		},
		{
			Name: "correct", Words: []string{"correct", "correction", "정정"},
			Guarded: true,
			Writes:  true,
			Options: []string{"reason"},
			Parse:   parseCorrect,
			Run:     (*Service).correct,
		},
		{
			Name: "hire", Words: []string{"hire", "hired", "채용", "이행"},
			Guarded: true,
			Writes:  true,
			Options: []string{"date", "reason"},
			Parse:   parseHire,
			Run:     (*Service).hire,
		},
		{
			Name: "status", Words: []string{"status", "현황", "실적", "진도"},
			Options: []string{"dept", "program", "sector", "year"},
			Parse:   parseStatus,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.status(ctx, cmd) },
		},
		{
			Name: "target", Words: []string{"target", "목표"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Options: []string{"year", "program", "dept", "reason"},
			Parse:   parseCounted,
			Run:     (*Service).target,
		},
		{
			Name: "programs", Words: []string{"programs", "사업목록"},
			Run: func(s *Service, ctx context.Context, _ Caller, _ Command) Reply { return s.programs(ctx) },
		},
		{
			Name: "program add", Words: []string{"add", "추가"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Options: []string{"en", "ko", "sector", "dept", "unit", "aliases", "disclosure", "code"},
			Parse:   parseWords,
			Run:     (*Service).programAdd,
		},
		{
			Name: "program rename", Words: []string{"rename", "edit", "변경", "수정"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Options: []string{"en", "ko", "sector", "dept", "unit", "aliases", "disclosure", "code"},
			Parse:   parseWords,
			Run:     (*Service).programRename,
		},
		{
			Name: "program deactivate", Words: []string{"deactivate", "disable", "비활성"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseWords,
			Run:     (*Service).programDeactivate,
		},
		{
			Name: "program activate", Words: []string{"activate", "enable", "활성"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseWords,
			Run:     (*Service).programActivate,
		},
		{
			Name: "dept show", Words: []string{"show", "list", "보기", "목록"},
			Parse: parseDept,
			Run:   func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptShow(ctx, cmd) },
		},
		{
			Name: "dept add", Words: []string{"add", "추가"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Options: []string{"aliases", "channel"},
			Parse:   parseDept,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptAdd(ctx, cmd) },
		},
		{
			Name: "dept remove", Words: []string{"remove", "retire", "delete", "삭제"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseDept,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptRemove(ctx, cmd) },
		},
		{
			Name: "dept rename", Words: []string{"rename", "이름변경"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseDept,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptRename(ctx, cmd) },
		},
		{
			Name: "dept merge", Words: []string{"merge", "병합"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseDept,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptMerge(ctx, cmd) },
		},
		{
			Name: "dept target", Words: []string{"target", "목표"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Options: []string{"year", "reason"},
			Parse:   parseCounted,
			Run:     (*Service).deptTarget,
		},
		{
			Name: "none", Words: []string{"none", "nothing", "실적없음", "없음"},
			Writes:  true,
			Options: []string{"dept"},
			Parse:   parseNone,
			Run:     (*Service).none,
		},
		{
			Name: "remind preview", Words: []string{"preview", "미리보기"},
			Parse: parseRemindPreview,
			Run:   func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.remindPreview(ctx, cmd) },
		},
		{
			Name: "remind send", Words: []string{"send", "발송"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.remindSend(ctx, cmd) },
		},
		{
			Name: "holiday list", Words: []string{"list", "목록"},
			Parse: parseHoliday,
			Run:   func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.holiday(ctx, cmd) },
		},
		{
			Name: "holiday add", Words: []string{"add", "추가"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseHoliday,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.holiday(ctx, cmd) },
		},
		{
			Name: "holiday remove", Words: []string{"remove", "delete", "삭제"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseHoliday,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.holiday(ctx, cmd) },
		},
		{
			Name: "candidate add", Words: []string{"add", "추가", "등록"},
			Writes:  true,
			Options: []string{"kind", "dept", "mission", "rep", "note"},
			Parse:   parseCandidateAdd,
			Run:     (*Service).candidateAdd,
		},
		{
			Name: "candidate list", Words: []string{"list", "ls", "목록"},
			Options: []string{"dept"},
			Parse:   parseCandidateList,
			Run:     func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.candidateList(ctx, cmd) },
		},
		{
			Name: "candidate show", Words: []string{"show", "보기"},
			Parse: parseCandidateShow,
			Run:   (*Service).candidateShow,
		},
		{
			Name: "candidate move", Words: []string{"move", "이동", "단계"},
			Guarded: true,
			Writes:  true,
			Options: []string{"note", "reason"},
			Parse:   parseCandidateMove,
			Run:     (*Service).candidateMove,
		},
		{
			Name: "digest", Words: []string{"digest", "weekly", "다이제스트", "주간", "주간보고"},
			Parse: parseDigest,
			Run:   (*Service).digestCommand,
		},
		{
			Name: "digest post", Words: []string{"post", "게시", "발송"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Run:     (*Service).digestCommand,
		},
		{
			Name: "report", Words: []string{"report", "보고서", "월별실적", "월별", "리포트"},
			Options: []string{"by", "year"},
			Parse:   parseReport,
			Run:     (*Service).report,
		},
		{
			Name: "export", Words: []string{"export", "내보내기", "엑셀", "excel", "xlsx"},
			Options: []string{"year"},
			Parse:   parseExport,
			Run:     (*Service).export,
		},
		{
			Name: "import", Words: []string{"import", "가져오기", "불러오기"},
			Run: (*Service).importPreview,
		},
		{
			Name: "import apply", Words: []string{"apply", "적용"},
			Manager: true,
			Writes:  true,
			Parse:   parseImportApply,
			Run:     (*Service).importApply,
		},
		{
			Name: "template", Words: []string{"template", "양식", "취합양식", "서식"},
			Parse: parseTemplate,
			Run:   (*Service).template,
		},
		{
			Name: "press", Words: []string{"press", "보도자료", "보도"},
			Parse: parsePress,
			Run:   (*Service).press,
		},
		{
			Name: "target history", Words: []string{"history", "이력", "변경이력"},
			Options: []string{"year"},
			Parse:   parseTargetHistory,
			Run:     (*Service).targetHistory,
		},
		{
			Name: "close", Words: []string{"close", "마감"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Parse:   parseClose,
			Run:     (*Service).closeMonth,
		},
		{
			Name: "close reopen", Words: []string{"reopen", "해제", "마감해제"},
			Manager: true,
			Guarded: true,
			Writes:  true,
			Options: []string{"reason"},
			Parse:   parseReopen,
			Run:     (*Service).reopenMonth,
		},
		{
			Name: "lang", Words: []string{"lang", "language", "언어"},
			// A change is a write: limited like one, so `lang` in a loop
			// cannot make every request reload languages.
			Writes: true,
			Parse:  parseLang,
			Run:    (*Service).chooseLanguage,
		},
		{
			Name: "help", Words: []string{"help", "도움말", "?"},
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
