package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// none answers `none [month] [dept:…]` (실적 없음): the department had nothing
// to report for the month. Without dept: it is the department the caller
// reports for, when there is exactly one.
func (s *Service) none(ctx context.Context, c Caller, cmd Command) Reply {
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	var d Department
	if typed := cmd.Opts.Department; typed != "" {
		var ok bool
		if d, ok = findDepartment(depts, typed); !ok {
			return s.refuse(cmd.Name, s.unknownDepartment(typed, depts))
		}
	} else {
		mine := slices.DeleteFunc(slices.Clone(depts), func(d Department) bool { return !slices.Contains(d.Reporters, c.UserID) })
		if len(mine) != 1 {
			return s.refuse(cmd.Name, s.t("Which department? Add dept:, e.g. `none dept:도시재생과`.",
				"어느 부서인지 dept:로 쓰세요. 예: `none dept:도시재생과`."))
		}
		d = mine[0]
	}
	month := cmd.Period.From
	if month.After(s.today()) {
		return s.refuse(cmd.Name, s.t("%s has not started yet.", "%s은 아직 오지 않은 달입니다.", s.monthLabel(month)))
	}
	source := c.Source
	if source == "" {
		source = SourceConsole
	}
	n, err := s.store.AddNothing(ctx, NothingReport{Department: d.Name, Month: month, LoggedBy: c.UserID,
		Source: source, IdempotencyKey: c.key(":none")})
	if errors.Is(err, ErrConflict) {
		return Reply{Outcome: OutcomeRepeated, Title: s.t("%s already said it had nothing for %s; nothing changed.",
			"%[1]s 부서는 %[2]s 실적 없음을 이미 기록했습니다. 바뀐 것이 없습니다.", d.Name, s.monthLabel(month))}
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if n.Duplicate {
		return Reply{Outcome: OutcomeRepeated, Title: s.t("That was already recorded as #%d.", "이미 #%d로 기록했습니다.", n.ID)}
	}
	return Reply{Title: s.t("Recorded #%d: %s had nothing to report for %s.", "#%d 기록: %s 부서 %s 실적 없음.", n.ID, d.Name, s.monthLabel(month)),
		Sections: []Section{{Lines: []string{s.t("Wrong? `/jobs void %d <reason>`.", "잘못 기록했다면 `/jobs void %d <사유>`.", n.ID)}}},
		Actions: []Action{{ID: ActionUndo, Label: s.t("Undo", "취소"), Style: "danger",
			Command: fmt.Sprintf("void %d undone from the confirmation", n.ID)}}}
}

// monthLabel names a month: "November 2026" or "2026년 11월".
func (s *Service) monthLabel(month interface{ Format(string) string }) string {
	if s.lang == Korean {
		return month.Format("2006년 1월")
	}
	return month.Format("January 2006")
}

// voidNothing voids a "nothing" report for `void N`; ok is false when N is
// not one, so void can say there is no such entry.
func (s *Service) voidNothing(ctx context.Context, c Caller, id int64, reason string) (Reply, bool) {
	n, err := s.store.NothingReport(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Reply{}, false
	}
	if err != nil {
		return s.storageFailure(ctx, "void", err), true
	}
	if n.LoggedBy != c.UserID && !s.IsManager(c.UserID) {
		return Reply{Outcome: OutcomeRefused, Title: s.t("#%d was recorded by %s; only they or a manager can void it.",
			"#%d 기록은 %s 님이 남겼습니다. 본인이나 관리자만 무효로 할 수 있습니다.", id, n.LoggedBy)}, true
	}
	if _, err := s.store.VoidNothing(ctx, id, c.UserID, reason); errors.Is(err, ErrAlreadyVoided) {
		return Reply{Outcome: OutcomeRepeated, Title: s.t("#%d was already voided; nothing changed.", "#%d 기록은 이미 무효입니다. 바뀐 것이 없습니다.", id)}, true
	} else if err != nil {
		return s.storageFailure(ctx, "void", err), true
	}
	return Reply{Title: s.t("Voided #%d: %s no longer counts as having reported for %s.",
		"#%d 기록을 무효로 했습니다. %s 부서는 %s 보고를 하지 않은 것으로 봅니다.", id, n.Department, s.monthLabel(n.Month)),
		Sections: []Section{{Lines: []string{s.t("Reason: %s", "사유: %s", reason)}}}}, true
}
