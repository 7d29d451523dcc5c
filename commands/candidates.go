package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// nextStages are the moves a candidate's reply offers as buttons.
var nextStages = map[Stage][]Stage{
	StageDiscovered: {StageReview, StageOnHold},
	StageReview:     {StageBriefing, StageOnHold},
	StageBriefing:   {StageApplied, StageDeferred},
	StageApplied:    {StageScreening},
	StageScreening:  {StageDesignated, StageNotSelected},
	StageOnHold:     {StageReview},
	StageDeferred:   {StageApplied},
}

func (s *Service) stageButtons(c Candidate) []Action {
	var out []Action
	for _, st := range nextStages[c.Stage] {
		out = append(out, Action{ID: ActionMove, Label: "→ " + label(stageWords, st, s.lang),
			Command: fmt.Sprintf("candidate move %d %s", c.ID, st)})
	}
	return out
}

func (s *Service) candidateLine(c Candidate) string {
	line := fmt.Sprintf("#%d %s · %s", c.ID, c.Name, label(stageWords, c.Stage, s.lang))
	if c.Kind != "" {
		line += " · " + label(kindWords, c.Kind, s.lang)
	}
	if c.Department != "" {
		line += " · " + c.Department
	}
	return line
}

// candidateAdd answers `candidate add <name> …`.
func (s *Service) candidateAdd(ctx context.Context, c Caller, cmd Command) Reply {
	name := CleanName(strings.Join(cmd.Words, " "))
	o := cmd.Opts
	o.Rep = CleanName(o.Rep)
	dept, refusal, err := s.managedDepartment(ctx, o.Department)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if refusal != "" {
		return s.refuse(cmd.Name, refusal)
	}
	o.Department = dept
	switch {
	case name == "":
		return s.refuse(cmd.Name, s.t("Give the organisation's name.", "기업(단체) 이름을 쓰세요."))
	case utf8.RuneCountInString(name) > MaxNameRunes || utf8.RuneCountInString(o.Rep) > MaxNameRunes || utf8.RuneCountInString(o.Department) > MaxNameRunes:
		return s.refuse(cmd.Name, s.t("Names are at most %d characters.", "이름은 %d자 이내입니다.", MaxNameRunes))
	case utf8.RuneCountInString(o.Note) > MaxNoteRunes:
		return s.refuse(cmd.Name, s.t("The note is longer than %d characters; shorten it.", "메모가 %d자를 넘습니다. 줄여 주세요.", MaxNoteRunes))
	}
	cand, err := s.store.AddCandidate(ctx, NewCandidate{Name: name, Kind: o.Kind, Representative: o.Rep, Department: o.Department,
		Mission: o.Mission, Note: o.Note, CreatedBy: c.UserID, IdempotencyKey: c.key(":candidate")})
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	return Reply{Title: s.t("Recorded candidate #%d: %s, at stage %s.", "후보 #%d 등록: %s (%s 단계).", cand.ID, cand.Name, label(stageWords, cand.Stage, s.lang)),
		Sections: []Section{{Lines: []string{s.t("Move it on with `/jobs candidate move %d <stage>`.", "`/jobs candidate move %d <단계>`로 단계를 바꿀 수 있습니다.", cand.ID)}}},
		Actions:  s.stageButtons(cand)}
}

// candidateList answers `candidate list [stage]`.
func (s *Service) candidateList(ctx context.Context, cmd Command) Reply {
	list, err := s.store.Candidates(ctx, cmd.Stage)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if len(list) == 0 {
		return Reply{Title: s.t("No candidates match.", "조건에 맞는 후보가 없습니다.")}
	}
	lines := make([]string, 0, len(list))
	for _, c := range list {
		lines = append(lines, s.candidateLine(c))
	}
	return Reply{Title: s.t("Social-enterprise candidates (%d)", "사회적기업 후보 (%d곳)", len(list)), Sections: []Section{{Lines: lines}}}
}

// candidateShow answers `candidate show <number>`.
func (s *Service) candidateShow(ctx context.Context, id int64) Reply {
	c, moves, err := s.store.Candidate(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return s.refuse("candidate show", s.t("There is no candidate #%d. Use `candidate list` to see the numbers.", "#%d 후보가 없습니다. `candidate list`로 번호를 확인하세요.", id))
	}
	if err != nil {
		return s.storageFailure(ctx, "candidate show", err)
	}
	info := []string{s.t("Stage: %s", "단계: %s", label(stageWords, c.Stage, s.lang))}
	add := func(en, ko, v string) {
		if v != "" {
			info = append(info, s.t(en, ko, v))
		}
	}
	add("Kind: %s", "종류: %s", label(kindWords, c.Kind, s.lang))
	add("Representative: %s", "대표자: %s", c.Representative)
	add("Found by: %s", "발굴 부서: %s", c.Department)
	add("Mission: %s", "사회적 목적: %s", label(missionWords, c.Mission, s.lang))
	add("Note: %s", "메모: %s", c.Note)
	history := Section{Heading: s.t("History", "이력")}
	for _, m := range moves {
		from := s.t("recorded", "등록")
		if m.From != "" {
			from = label(stageWords, m.From, s.lang)
		}
		line := fmt.Sprintf("%s · %s → %s · %s", m.At.In(s.loc).Format("2006-01-02 15:04"), from, label(stageWords, m.To, s.lang), m.By)
		if m.Note != "" {
			line += " · " + m.Note
		}
		history.Lines = append(history.Lines, line)
	}
	return Reply{Title: fmt.Sprintf("#%d %s", c.ID, c.Name), Sections: []Section{{Lines: info}, history}, Actions: s.stageButtons(c)}
}

// candidateMove answers `candidate move <number> <stage> [note]`.
func (s *Service) candidateMove(ctx context.Context, caller Caller, cmd Command) Reply {
	if utf8.RuneCountInString(cmd.Opts.Note) > MaxNoteRunes {
		return s.refuse(cmd.Name, s.t("The note is longer than %d characters; shorten it.", "메모가 %d자를 넘습니다. 줄여 주세요.", MaxNoteRunes))
	}
	c, _, err := s.store.Candidate(ctx, cmd.ID)
	if errors.Is(err, ErrNotFound) {
		return s.refuse(cmd.Name, s.t("There is no candidate #%d. Use `candidate list` to see the numbers.", "#%d 후보가 없습니다. `candidate list`로 번호를 확인하세요.", cmd.ID))
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if c.Stage == cmd.Stage {
		return Reply{Outcome: OutcomeRepeated, Title: s.t("#%d %s is already at %s; nothing changed.", "#%d %s은(는) 이미 %s 단계입니다.", c.ID, c.Name, label(stageWords, c.Stage, s.lang))}
	}
	if cmd.Stage.Decision() && !s.IsManager(caller.UserID) {
		return Reply{Outcome: OutcomeRefused, Title: s.t(
			"Only a manager of the jobs unit can move a candidate to %s: it records the city's official decision. Ask a manager to make the move.",
			"%s 단계는 시의 공식 결정이므로 일자리 담당 관리자만 옮길 수 있습니다. 관리자에게 요청해 주세요.", label(stageWords, cmd.Stage, s.lang))}
	}
	if c.Stage.Final() && !s.IsManager(caller.UserID) {
		return Reply{Outcome: OutcomeRefused, Title: s.t("#%d %s is %s, a final stage; only a manager can move it back.",
			"#%d %s은(는) 최종 단계(%s)라 관리자만 되돌릴 수 있습니다.", c.ID, c.Name, label(stageWords, c.Stage, s.lang))}
	}
	moved, err := s.store.MoveCandidate(ctx, c.ID, c.Stage, cmd.Stage, caller.UserID, cmd.Opts.Note)
	if errors.Is(err, ErrConflict) {
		return Reply{Outcome: OutcomeRefused, Title: s.t("#%d was moved by someone else just now; check `candidate show %d` and try again.",
			"방금 다른 사람이 #%d 단계를 바꿨습니다. `candidate show %d`로 확인하고 다시 시도하세요.", c.ID, c.ID)}
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	return Reply{Title: s.t("Moved #%d %s: %s → %s.", "#%d %s: %s → %s 단계로 옮겼습니다.", moved.ID, moved.Name,
		label(stageWords, c.Stage, s.lang), label(stageWords, moved.Stage, s.lang)), Actions: s.stageButtons(moved)}
}
