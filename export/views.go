package export

import (
	"context"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// writeTargets lists every revision of the year's targets: 당초 → 변경,
// by whom and when, the last one of each being the current target.
func (x *Exporter) writeTargets(ctx context.Context, sw *excelize.StreamWriter, st styles, year int, programs []commands.Program) error {
	changes, err := x.store.TargetRevisions(ctx, year)
	if err != nil {
		return err
	}
	names := map[int64]string{0: "전체 목표"}
	for _, p := range programs {
		names[p.ID] = p.NameKo + " (" + p.Code + ")"
	}
	rows := make([][]any, len(changes))
	for i, c := range changes {
		var old any
		if c.Old > 0 {
			old = c.Old
		}
		what := names[c.ProgramID]
		if c.Dept != "" {
			what = c.Dept
		}
		rows[i] = []any{int64(c.Year), what, old, c.New, c.New - c.Old, c.By, x.local(c.At), c.Reason}
	}
	return table(sw, st, []string{"연도", "대상", "당초(변경 전)", "변경", "증감", "변경자", "변경 일시", "변경 사유"},
		[]cellKind{kindNumber, kindText, kindNumber, kindNumber, kindNumber, kindText, kindDateTime, kindText}, rows)
}

// writeCandidates lists the social-enterprise candidates with their stage.
func (x *Exporter) writeCandidates(ctx context.Context, sw *excelize.StreamWriter, st styles) error {
	list, err := x.store.Candidates(ctx, "")
	if err != nil {
		return err
	}
	rows := make([][]any, len(list))
	for i, c := range list {
		rows[i] = []any{c.ID, c.Name, commands.KindLabel(c.Kind, commands.Korean), c.Representative, c.Department,
			commands.MissionLabel(c.Mission, commands.Korean), commands.StageLabel(c.Stage, commands.Korean),
			c.CreatedBy, x.local(c.CreatedAt), c.Note}
	}
	return table(sw, st, []string{"번호", "이름", "종류", "대표자", "발굴 부서", "사회적 목적", "현재 단계", "등록자", "등록 일시", "비고"},
		[]cellKind{kindNumber, kindText, kindText, kindText, kindText, kindText, kindText, kindText, kindDateTime, kindText}, rows)
}

// endOfTime bounds "every move ever" without reading the clock.
var endOfTime = time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC)

// writeStageMoves lists every stage move of every candidate, oldest first.
func (x *Exporter) writeStageMoves(ctx context.Context, sw *excelize.StreamWriter, st styles) error {
	moves, err := x.store.StageMovesBetween(ctx, time.Time{}, endOfTime)
	if err != nil {
		return err
	}
	rows := make([][]any, len(moves))
	for i, m := range moves {
		from := "(등록)"
		if m.From != "" {
			from = commands.StageLabel(m.From, commands.Korean)
		}
		rows[i] = []any{m.CandidateID, m.CandidateName, from, commands.StageLabel(m.To, commands.Korean), m.By, x.local(m.At), m.Note}
	}
	return table(sw, st, []string{"후보 번호", "후보 이름", "이전 단계", "다음 단계", "처리자", "일시", "메모"},
		[]cellKind{kindNumber, kindText, kindText, kindText, kindText, kindDateTime, kindText}, rows)
}
