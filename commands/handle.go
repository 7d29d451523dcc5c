package commands

import (
	"context"
	"errors"
	"strings"
	"time"
)

// Handle runs one command line (the /jobs prefix optional) for a caller and
// returns the reply. It never returns an error: every failure becomes a reply
// that says, in words, what happened and what to type instead.
func (s *Service) Handle(ctx context.Context, c Caller, text string) Reply {
	if !s.pinned { // run on a copy that speaks this caller's language
		return s.WithLanguage(s.languageFor(ctx, c)).Handle(ctx, c, text)
	}
	start := s.now()
	cmd, err := Parse(text, s.today())
	err = s.offeredDayNotes(err) // 메모:어제 as the day it names (review r46 M2)
	if asked, ok := dayChoiceCommand(err, s.today()); ok {
		// 금요일 on a Friday: refused by add, which keeps the two lines
		// offered as one question's answers (review r38 B7)
		cmd, err = asked, nil
	}
	if err != nil {
		err = s.workdaySuggestions(ctx, err) // 날짜:53주차: not 신정 (review r41 F6)
		r := s.usageReply(err)
		if spec, known := specNamed(r.Command); !known || spec.Writes {
			// A write line, or one the bot could not even name, was refused:
			// 취소 after it must not reach past it (review F21). A refused
			// read (현황 with a bad period) leaves the last write undoable.
			s.keepLastAction(ctx, c, start, r, time.Time{}) // refused before it ran: no mark of its own
		}
		return r
	}
	if spec, ok := specNamed(cmd.Name); ok && spec.Manager && !s.IsManager(c.UserID) {
		r := Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg("handle.managers_only_command", "Command", commandName(cmd.Name))}
		s.keepLastAction(ctx, c, start, r, time.Time{}) // refused before it ran: no mark of its own
		return r
	}
	if spec, _ := specNamed(cmd.Name); spec.Writes {
		line := lineFor(ctx, c, cmd.Name, start)
		r := s.handleWrite(line, c, cmd, spec)
		s.keepLastAction(ctx, c, start, r, markedBefore(line))
		return r
	}
	return s.dispatch(ctx, c, cmd)
}

// handleWrite runs a command that writes, under the write rate limit and
// (unless it posts) the database deadline.
func (s *Service) handleWrite(ctx context.Context, c Caller, cmd Command, spec commandSpec) Reply {
	write := func(ctx context.Context) Reply {
		s.markPending(ctx) // within the deadline: a stalled database must not hold the answer
		return s.dispatchLimited(ctx, c, cmd, func(ctx context.Context) *Reply {
			return s.writeLimited(ctx, c, cmd.Name)
		})
	}
	if spec.Posts {
		// Posting runs to its end under the senders' own timeouts; the
		// database deadline would cut it short (see commandSpec.Posts).
		return write(ctx)
	}
	return s.byDeadline(ctx, cmd.Name, write)
}

// dispatch runs a parsed command, once per delivery if it is Guarded.
func (s *Service) dispatch(ctx context.Context, c Caller, cmd Command) Reply {
	return s.dispatchLimited(ctx, c, cmd, nil)
}

// dispatchLimited is dispatch for a write: limit (the write rate limit)
// answers instead of the command when it returns a reply. A Guarded
// command consults it only after claiming its delivery, so Slack's
// redeliveries of one command are answered from the claim and spend none
// of the user's allowance.
func (s *Service) dispatchLimited(ctx context.Context, c Caller, cmd Command, limit func(context.Context) *Reply) Reply {
	if spec, _ := specNamed(cmd.Name); spec.Guarded && c.IdempotencyKey != "" {
		return s.guarded(ctx, c, cmd, limit)
	}
	if r := limitReply(ctx, limit); r != nil {
		return *r
	}
	return s.run(ctx, c, cmd)
}

// run answers a parsed command with its spec's handler.
func (s *Service) run(ctx context.Context, c Caller, cmd Command) Reply {
	spec, _ := specNamed(cmd.Name)
	if r := s.sameDepartmentTwice(ctx, &cmd); r != nil {
		r.Command = cmd.Name
		return *r
	}
	r := spec.Run(s, ctx, c, cmd)
	r.Command = cmd.Name
	if r.Outcome == "" {
		r.Outcome = OutcomeOK
	}
	return r
}

// usageReply explains a parse error with the command's usage and an example.
func (s *Service) usageReply(err error) Reply {
	var ue *UsageError
	if !errors.As(err, &ue) {
		ue = usageErr("", "handle.unreadable")
	}
	return s.refuse(ue.Command, ue.Reason(s.tr))
}

// refuse is the reply to bad input: one line of reason, the usage line of the
// command and one example. Nothing was written.
func (s *Service) refuse(command, reason string) Reply {
	r := Reply{Command: command, Outcome: OutcomeRefused, Title: reason}
	spec, ok := specNamed(command)
	if !ok {
		r.Sections = []Section{{Lines: []string{s.msg("handle.type_help_to_see")}}}
		return r
	}
	r.Sections = []Section{{Lines: []string{
		s.msg("handle.usage", "Usage", s.usage(spec)),
		s.msg("handle.example", "Example", s.examples(spec)[0]),
	}}}
	return r
}

// help lists every command, or explains one.
func (s *Service) help(words []string) Reply {
	topic := fold(strings.Join(words, " "))
	if topic != "" {
		for _, spec := range commandTable {
			if fold(spec.Name) == topic || isSpecWord(spec.Name, topic) && !strings.Contains(spec.Name, " ") {
				return s.helpFor(spec)
			}
		}
		// "후보 이동", "다이제스트 게시": the words that select a command.
		if name, _, err := selectCommand(tokenize(strings.Join(words, " "))); err == nil {
			spec, _ := specNamed(name)
			return s.helpFor(spec)
		}
	}
	r := Reply{Title: s.msg("handle.help_title")}
	var lines []string
	for _, spec := range commandTable {
		line := "`/jobs " + s.usage(spec) + "`\n    " + s.summary(spec)
		lines = append(lines, line)
	}
	r.Sections = []Section{
		{Lines: lines},
		{Lines: []string{s.msg("handle.help_forms")}},
	}
	return r
}

func (s *Service) helpFor(spec commandSpec) Reply {
	lines := []string{s.summary(spec)}
	if spec.Manager {
		lines = append(lines, s.msg("handle.managers_only"))
	}
	lines = append(lines, s.msg("handle.examples"))
	for _, e := range s.examples(spec) {
		lines = append(lines, "  `/jobs "+e+"`")
	}
	return Reply{Title: "`/jobs " + s.usage(spec) + "`", Sections: []Section{{Lines: lines}}}
}
