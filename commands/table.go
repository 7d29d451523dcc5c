package commands

import (
	"strings"

	"jobsbot/commands/i18n"
)

// commandSpec describes one subcommand. The one table below drives the parser's
// dispatch, `help`, and the usage line and example shown with every parse error,
// so the three can never disagree. Its usage line, summary and examples are
// catalogue messages table.<name>.usage, .summary and .examples (one example
// a line), in each language's own command words.
type commandSpec struct {
	Name    string   // canonical name, e.g. "candidate move"
	Words   []string // words that select it after the group word, English and Korean
	Manager bool
	// Guarded commands write without a key of their own, so a redelivered
	// request is caught by claiming its delivery key first.
	Guarded bool
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

// commandTable lists every subcommand in the order help shows them.
var commandTable = []commandSpec{
	{
		Name: "add", Words: []string{"add", "log", "추가", "기록", "등록"},
	},
	{
		Name: "list", Words: []string{"list", "ls", "목록", "조회"},
	},
	{
		Name: "undo", Words: []string{"undo", "되돌리기", "취소"},
		Guarded: true,
	},
	{
		Name: "void", Words: []string{"void", "무효"},
		Guarded: true,
	},
	{
		Name: "status", Words: []string{"status", "현황", "실적", "진도"},
	},
	{
		Name: "target", Words: []string{"target", "목표"},
		Manager: true,
		Guarded: true,
	},
	{
		Name: "programs", Words: []string{"programs", "사업목록"},
	},
	{
		Name: "program add", Words: []string{"add", "추가"},
		Manager: true,
		Guarded: true,
	},
	{
		Name: "program rename", Words: []string{"rename", "edit", "변경", "수정"},
		Manager: true,
		Guarded: true,
	},
	{
		Name: "program deactivate", Words: []string{"deactivate", "disable", "비활성"},
		Manager: true,
		Guarded: true,
	},
	{
		Name: "program activate", Words: []string{"activate", "enable", "활성"},
		Manager: true,
		Guarded: true,
	},
	{
		Name: "candidate add", Words: []string{"add", "추가", "등록"},
	},
	{
		Name: "candidate list", Words: []string{"list", "ls", "목록"},
	},
	{
		Name: "candidate show", Words: []string{"show", "보기"},
	},
	{
		Name: "candidate move", Words: []string{"move", "이동", "단계"},
		Guarded: true,
	},
	{
		Name: "digest", Words: []string{"digest", "weekly", "다이제스트", "주간", "주간보고"},
	},
	{
		Name: "digest post", Words: []string{"post", "게시", "발송"},
		Manager: true,
	},
	{
		Name: "help", Words: []string{"help", "도움말", "?"},
	},
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
