package export

import (
	"context"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// cutoff is the instant the report date ends in the city: what was
// recorded before it was known on the report date.
func (x *Exporter) cutoff(req commands.ExportRequest) time.Time {
	d := req.AsOf
	return time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, x.loc)
}

// writeTargets lists the revisions of the year's targets made by the report
// date: each target's first setting as 당초, every later one as 1차 변경,
// 2차 변경 …, with its reason; the last of each is the target in force.
func (x *Exporter) writeTargets(ctx context.Context, sw *excelize.StreamWriter, st styles, req commands.ExportRequest, programs []commands.Program) error {
	changes, err := x.store.TargetRevisions(ctx, req.Year)
	if err != nil {
		return err
	}
	names := map[int64]string{0: "전체 목표"}
	for _, p := range programs {
		names[p.ID] = p.NameKo
	}
	seen := map[string]int{}
	var rows [][]any
	for _, c := range changes {
		if !c.At.Before(x.cutoff(req)) {
			continue
		}
		what := names[c.ProgramID]
		if c.Dept != "" {
			what = c.Dept + " (부서 목표)"
		}
		n := seen[what]
		seen[what]++
		var step, old, diff any = "당초", "-", "-"
		if n > 0 {
			step, old, diff = fmt.Sprintf("%d차 변경", n), c.Old, c.New-c.Old
		}
		rows = append(rows, []any{what, step, old, c.New, diff, c.Reason, c.By, x.local(c.At)})
	}
	return table(sw, st, []string{"대상", "구분", "변경 전", "목표", "증감", "사유", "변경자", "변경 일시"},
		[]cellKind{kindText, kindCentered, kindNumber, kindNumber, kindNumber, kindText, kindText, kindDateTime}, rows)
}

// writeCandidates lists the social-enterprise candidates found by the
// report date, each at the stage it had reached on that date.
func (x *Exporter) writeCandidates(ctx context.Context, sw *excelize.StreamWriter, st styles, req commands.ExportRequest) error {
	list, err := x.store.Candidates(ctx, "")
	if err != nil {
		return err
	}
	moves, err := x.store.StageMovesBetween(ctx, time.Time{}, x.cutoff(req))
	if err != nil {
		return err
	}
	stageOn := map[int64]commands.Stage{}
	for _, m := range moves {
		stageOn[m.CandidateID] = m.To
	}
	var rows [][]any
	for _, c := range list {
		stage, ok := stageOn[c.ID]
		if !ok || !c.CreatedAt.Before(x.cutoff(req)) {
			continue
		}
		rows = append(rows, []any{c.ID, c.Name, commands.KindLabel(c.Kind, commands.Korean), c.Representative, c.Department,
			commands.MissionLabel(c.Mission, commands.Korean), commands.StageLabel(stage, commands.Korean),
			c.CreatedBy, x.local(c.CreatedAt), c.Note})
	}
	return table(sw, st, []string{"번호", "이름", "종류", "대표자", "발굴 부서", "사회적 목적", "단계(기준일 현재)", "등록자", "등록 일시", "비고"},
		[]cellKind{kindNumber, kindText, kindText, kindText, kindText, kindText, kindText, kindText, kindDateTime, kindText}, rows)
}

// writeStageMoves lists every stage move of every candidate made by the
// report date, oldest first.
func (x *Exporter) writeStageMoves(ctx context.Context, sw *excelize.StreamWriter, st styles, req commands.ExportRequest) error {
	moves, err := x.store.StageMovesBetween(ctx, time.Time{}, x.cutoff(req))
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

// writeNothing lists the 실적 없음 reports for the months of the year
// through the report date, voided ones included and marked, with the
// people's names beside their IDs as the entries sheet has them.
func (x *Exporter) writeNothing(ctx context.Context, sw *excelize.StreamWriter, st styles, req commands.ExportRequest) error {
	aux := &entryAudit{ctx: ctx, names: req.Names, seen: map[string]string{}}
	rows, err := x.nothingRows(ctx, req, aux, func(n commands.NothingReport) string {
		return fmt.Sprintf("%d년 %d월", n.Month.Year(), n.Month.Month())
	})
	if err != nil {
		return err
	}
	return table(sw, st, nothingHeader, nothingKinds, rows)
}

// sourceLabel names the way an entry came in, in Korean.
func sourceLabel(s commands.Source) string {
	switch s {
	case commands.SourceSlash:
		return "슬래시 명령"
	case commands.SourceModal:
		return "입력 창"
	case commands.SourceConsole:
		return "콘솔"
	case commands.SourceImport:
		return "가져오기"
	}
	return "기타"
}
