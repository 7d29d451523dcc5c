package commands

import (
	"context"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
)

// deptListLimit is how many entries `list dept:… <period>` shows: a
// department's month is the unit of an audit question, and a busy one logs
// a few dozen entries.
const deptListLimit = 200

var voidedWords = []string{"voided", "void", "무효", "무효목록", "취소된"}

// takeVoided removes the word that asks for the voided-entries view.
func takeVoided(cmd *Command, ts []token) []token {
	for i, t := range ts {
		if isOneOf(t, voidedWords) {
			cmd.Voided = true
			return append(ts[:i:i], ts[i+1:]...)
		}
	}
	return ts
}

// listVoided answers `list voided [period]`: entries voided within the
// period (this year by default), with who voided them, when and why.
func (s *Service) listVoided(ctx context.Context, cmd Command) Reply {
	span := dates.Year(s.today().Year())
	if cmd.Period != nil {
		span = *cmd.Period
	}
	from := time.Date(span.From.Year(), span.From.Month(), span.From.Day(), 0, 0, 0, 0, s.loc)
	to := time.Date(span.To.Year(), span.To.Month(), span.To.Day()+1, 0, 0, 0, 0, s.loc)
	entries, err := s.store.VoidedBetween(ctx, from, to)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if len(entries) == 0 {
		return Reply{Title: s.t("Nothing was voided in %s.", "%s 기간에 무효 처리된 실적이 없습니다.", span.Label)}
	}
	lines := make([]string, 0, len(entries))
	var jobs int64
	for _, e := range entries {
		jobs += e.Count
		lines = append(lines, s.t("#%[1]d · %[2]s %[3]s · as of %[4]s · logged by %[5]s · voided %[6]s by %[7]s: %[8]s",
			"#%[1]d · %[2]s %[3]s · 기준일 %[4]s · 기록자 %[5]s · %[6]s %[7]s 무효 처리, 사유: %[8]s",
			e.ID, e.ProgramCode, s.count(e.Count, e.Approximate), s.date(e.AsOf), e.LoggedBy,
			s.instant(*e.VoidedAt), e.VoidedBy, e.VoidReason))
	}
	return Reply{Title: s.t("Voided in %[1]s: %[2]d entries, %[3]s jobs taken out", "%[1]s 무효 처리 실적: %[2]d건, 일자리 %[3]s 제외",
		span.Label, len(entries), numbers.Format(jobs)), Sections: []Section{{Lines: lines}}}
}

// instant formats a moment in the city's time zone.
func (s *Service) instant(t time.Time) string {
	l := t.In(s.loc)
	return s.date(dates.On(l.Year(), l.Month(), l.Day())) + l.Format(" 15:04")
}

// parseTargetHistory reads `target history [year]`.
func parseTargetHistory(cmd *Command, ts []token, today time.Time) error {
	ts = takePeriod(cmd, ts, today)
	if len(ts) > 0 {
		return usageErr(cmd.Name, "`%s` is not a year. Write it like 2026.", "`%s`: 연도로 읽을 수 없습니다. 2026처럼 쓰세요.", ts[0].text)
	}
	if cmd.Period != nil {
		cmd.Opts.Year = cmd.Period.From.Year()
	}
	return nil
}

// targetHistory answers `target history [year]`: every revision, 당초 → 변경.
func (s *Service) targetHistory(ctx context.Context, _ Caller, cmd Command) Reply {
	year := s.today().Year()
	if cmd.Opts.Year != 0 {
		year = cmd.Opts.Year
	}
	changes, err := s.store.TargetRevisions(ctx, year)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if len(changes) == 0 {
		return Reply{Title: s.t("No target has been set for %d.", "%d년 목표가 정해진 적이 없습니다.", year)}
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	lines := make([]string, 0, len(changes))
	for _, c := range changes {
		lines = append(lines, s.targetChangeLine(c, programs))
	}
	return Reply{Title: s.t("Target history %d (original → revised)", "%d년 목표 변경 이력 (당초 → 변경)", year),
		Sections: []Section{{Lines: lines}}}
}

// targetChangeLine is one revision: what, 당초 → 변경, by whom and when.
func (s *Service) targetChangeLine(c TargetChange, programs []Program) string {
	what := s.t("Year total", "전체 목표")
	for _, p := range programs {
		if p.ID == c.ProgramID {
			what = s.programLabel(p)
		}
	}
	if c.Old == 0 {
		return s.t("%[1]s: set to %[2]s · %[3]s · %[4]s", "%[1]s: 당초 %[2]s · %[3]s · %[4]s",
			what, numbers.Format(c.New), c.By, s.instant(c.At))
	}
	return s.t("%[1]s: %[2]s → %[3]s (%[4]s) · %[5]s · %[6]s", "%[1]s: %[2]s → %[3]s (%[4]s) · %[5]s · %[6]s",
		what, numbers.Format(c.Old), numbers.Format(c.New), signed(c.New-c.Old), c.By, s.instant(c.At))
}

// deptTotalLine sums a department's listed entries for the audit view.
func (s *Service) deptTotalLine(dept string, entries []Entry) string {
	var jobs, agreed int64
	live := 0
	for _, e := range entries {
		if e.Voided() {
			continue
		}
		live++
		if e.Status == StatusAgreed {
			agreed += e.Count
		} else {
			jobs += e.Count
		}
	}
	line := s.t("%[1]s: %[2]d live entries, %[3]s jobs", "%[1]s: 유효 실적 %[2]d건, 일자리 %[3]s", dept, live, numbers.Format(jobs))
	if agreed > 0 {
		line += s.t(" (and %s agreed, not counted)", " (약정 %s 별도, 실적 제외)", numbers.Format(agreed))
	}
	return line
}
