package commands

import (
	"context"
	"time"

	"jobsbot/commands/dates"
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
		return Reply{Title: s.msg("audit.nothing_was_voided_in", "Label", s.period(span))}
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	lines := make([]string, 0, len(entries))
	// Voided jobs and voided agreements (약정) are counted apart, as every
	// other figure keeps them; sessions (회) are neither.
	var jobs, agreed int64
	for _, e := range s.named(ctx, entries) {
		name, unit := s.programOf(programs, e.ProgramID, e.ProgramCode)
		count := s.unitCount(e.Count, e.Approximate, unit)
		switch {
		case unit == "회":
		case e.Status == StatusAgreed:
			agreed += e.Count
			count += s.msg("entries.agreed")
		default:
			jobs += e.Count
		}
		lines = append(lines, s.msg("audit.voided_line", "ID", e.ID, "Program", name, "Count", count, "AsOf", s.date(e.AsOf), "LoggedBy", e.LoggedBy, "VoidedAt", s.instant(*e.VoidedAt), "VoidedBy", e.VoidedBy, "VoidReason", e.VoidReason))
	}
	title := s.msg("audit.voided_in", "Label", s.period(span), "Entries", s.counted("count.entries", int64(len(entries)), len(entries)), "Jobs", s.counted("count.jobs", jobs, s.jobs(jobs)))
	if agreed > 0 {
		title = s.msg("audit.voided_in_with_agreed", "Label", s.period(span), "Entries", s.counted("count.entries", int64(len(entries)), len(entries)), "Jobs", s.counted("count.jobs", jobs, s.jobs(jobs)), "Agreed", s.counted("count.agreed_jobs", agreed, s.jobs(agreed)))
	}
	return Reply{Title: title, Sections: []Section{{Lines: lines}}}
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
		return usageErr(cmd.Name, "audit.is_not_year_write", "Text", ts[0].text)
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
		return Reply{Title: s.msg("audit.no_target_has_been", "Year", year)}
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	lines := make([]string, 0, len(changes))
	for _, c := range changes {
		c.By = s.name(ctx, c.By)
		line := s.targetChangeLine(c, programs)
		if c.Reason != "" {
			line += s.msg("audit23.target_reason", "Reason", c.Reason)
		}
		lines = append(lines, line)
	}
	return Reply{Title: s.msg("audit.target_history_d_original", "Year", year),
		Sections: []Section{{Lines: lines}}}
}

// targetChangeLine is one revision: what, 당초 → 변경, by whom and when.
func (s *Service) targetChangeLine(c TargetChange, programs []Program) string {
	what := s.msg("audit.year_total2")
	for _, p := range programs {
		if p.ID == c.ProgramID {
			what = s.programLabel(p)
		}
	}
	if c.Dept != "" {
		what = c.Dept
	}
	if c.Old == 0 {
		return s.msg("audit.target_set", "What", what, "New", s.jobs(c.New), "By", c.By, "At", s.instant(c.At))
	}
	return s.msg("audit.target_changed", "What", what, "Old", s.jobs(c.Old), "New", s.jobs(c.New), "Signed", signed(c.New-c.Old), "By", c.By, "At", s.instant(c.At))
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
	line := s.msg("audit.dept_live", "Dept", dept, "Live", s.counted("count.live_entries", int64(live), live), "Jobs", s.counted("count.jobs", jobs, s.jobs(jobs)))
	if agreed > 0 {
		line += s.msg("audit.and_agreed_not_counted", "Agreed", s.jobs(agreed))
	}
	return line
}
