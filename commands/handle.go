package commands

import (
	"context"
	"errors"
	"strings"
)

// Handle runs one command line (the /jobs prefix optional) for a caller and
// returns the reply. It never returns an error: every failure becomes a reply
// that says, in words, what happened and what to type instead.
func (s *Service) Handle(ctx context.Context, c Caller, text string) Reply {
	cmd, err := Parse(text, s.today())
	if err != nil {
		return s.usageReply(err)
	}
	if spec, ok := specNamed(cmd.Name); ok && spec.Manager && !s.IsManager(c.UserID) {
		return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.t(
			"Only managers of the jobs unit can use `%s`. Ask one of them, or use `status` to see progress.",
			"`%s`은(는) 일자리 담당 관리자만 쓸 수 있습니다. 관리자에게 요청하거나 `status`로 현황을 보세요.", cmd.Name)}
	}
	if spec, _ := specNamed(cmd.Name); spec.Guarded && c.IdempotencyKey != "" {
		first, err := s.store.ClaimDelivery(ctx, c.IdempotencyKey, cmd.Name)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		if !first {
			return Reply{Command: cmd.Name, Outcome: OutcomeRepeated, Title: s.t(
				"That request was already handled; nothing was done twice.", "이미 처리한 요청입니다. 두 번 처리하지 않았습니다.")}
		}
		r := s.run(ctx, c, cmd)
		if r.Outcome == OutcomeFailed {
			// Let a retry run: nothing was written. Detached from ctx so a
			// cancelled request still releases its claim.
			if err := s.store.ReleaseDelivery(context.WithoutCancel(ctx), c.IdempotencyKey); err != nil {
				s.log.WarnContext(ctx, "releasing a delivery claim", "command", cmd.Name, "err", err)
			}
		}
		return r
	}
	return s.run(ctx, c, cmd)
}

// run dispatches a parsed command to its handler.
func (s *Service) run(ctx context.Context, c Caller, cmd Command) Reply {
	var r Reply
	switch cmd.Name {
	case "add":
		r = s.add(ctx, c, cmd)
	case "list":
		r = s.list(ctx, c, cmd)
	case "undo":
		r = s.undo(ctx, c)
	case "void":
		r = s.void(ctx, c, cmd.ID, cmd.Opts.Note)
	case "status":
		r = s.status(ctx, cmd)
	case "target":
		r = s.target(ctx, c, cmd)
	case "programs":
		r = s.programs(ctx)
	case "program add", "program rename", "program deactivate", "program activate":
		r = s.programCommand(ctx, cmd)
	case "dept show":
		r = s.deptShow(ctx, cmd)
	case "dept add":
		r = s.deptAdd(ctx, cmd)
	case "dept remove":
		r = s.deptRemove(ctx, cmd)
	case "dept rename":
		r = s.deptRename(ctx, cmd)
	case "dept merge":
		r = s.deptMerge(ctx, cmd)
	case "dept target":
		r = s.deptTarget(ctx, c, cmd)
	case "none":
		r = s.none(ctx, c, cmd)
	case "remind preview":
		r = s.remindPreview(ctx, cmd)
	case "remind send":
		r = s.remindSend(ctx, cmd)
	case "holiday list", "holiday add", "holiday remove":
		r = s.holiday(ctx, cmd)
	case "candidate add":
		r = s.candidateAdd(ctx, c, cmd)
	case "candidate list":
		r = s.candidateList(ctx, cmd)
	case "candidate show":
		r = s.candidateShow(ctx, cmd.ID)
	case "candidate move":
		r = s.candidateMove(ctx, c, cmd)
	case "digest", "digest post":
		r = s.digestCommand(ctx, c, cmd)
	default:
		r = s.help(cmd.Words)
	}
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
		ue = &UsageError{En: "I couldn't read that command.", Ko: "명령을 읽을 수 없습니다."}
	}
	return s.refuse(ue.Command, s.t(ue.En, ue.Ko))
}

// refuse is the reply to bad input: one line of reason, the usage line of the
// command and one example. Nothing was written.
func (s *Service) refuse(command, reason string) Reply {
	r := Reply{Command: command, Outcome: OutcomeRefused, Title: reason}
	spec, ok := specNamed(command)
	if !ok {
		r.Sections = []Section{{Lines: []string{s.t(
			"Type `help` to see every command, e.g. `add 180 youth` or `status`.",
			"`help`로 모든 명령을 볼 수 있습니다. 예: `add 180 youth`, `status`.")}}}
		return r
	}
	r.Sections = []Section{{Lines: []string{
		s.t("Usage: `/jobs %s`", "사용법: `/jobs %s`", spec.Usage),
		s.t("Example: `/jobs %s`", "예: `/jobs %s`", spec.Examples[0]),
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
	}
	r := Reply{Title: s.t("jobsbot: the city's job-creation ledger", "jobsbot: 일자리 창출 실적 장부")}
	var lines []string
	for _, spec := range commandTable {
		line := "`/jobs " + spec.Usage + "`\n    " + s.t(spec.SummaryEn, spec.SummaryKo)
		lines = append(lines, line)
	}
	r.Sections = []Section{
		{Lines: lines},
		{Lines: []string{s.t(
			"Numbers: 180, 2,400, 6백여 (about 600), 1만2000, 2만 500. Dates: 2026-04-30, 4/30, 4월말, yesterday. Periods: 2026, 2026-04, q1, 상반기. Type `help add` for examples.",
			"수: 180, 2,400, 6백여, 1만2000, 2만 500. 날짜: 2026-04-30, 4/30, 4월말, 어제. 기간: 2026, 2026-04, 1분기, 상반기. 예시는 `help add`처럼 입력하세요.")}},
	}
	return r
}

func (s *Service) helpFor(spec commandSpec) Reply {
	lines := []string{s.t(spec.SummaryEn, spec.SummaryKo)}
	if spec.Manager {
		lines = append(lines, s.t("Managers only.", "관리자 전용."))
	}
	lines = append(lines, s.t("Examples:", "예:"))
	for _, e := range spec.Examples {
		lines = append(lines, "  `/jobs "+e+"`")
	}
	return Reply{Title: "`/jobs " + spec.Usage + "`", Sections: []Section{{Lines: lines}}}
}
