package commands

import (
	"context"
	"slices"
	"time"

	"jobsbot/commands/dates"
)

// confirmWords, typed last on an add line, confirm an entry the bot asked
// about (the same entry again, or more than a whole year's target); the
// Slack button sends the same line with the word appended.
var confirmWords = []string{"확인", "confirm"}

// takeConfirm removes a trailing confirm word from an add line.
func takeConfirm(cmd *Command, ts []token) []token {
	if cmd.Name == "add" && len(ts) > 0 && isOneOf(ts[len(ts)-1], confirmWords) {
		cmd.Confirmed = true
		return ts[:len(ts)-1]
	}
	return ts
}

// repeatWindow is how far back an identical entry by the same person makes
// a new one wait for confirmation: a pasted line sent twice, or a second
// official repeating what a colleague's message already logged, comes
// within a day.
const repeatWindow = 24 * time.Hour

// askBeforeRecording holds an entry that is probably a mistake until the
// user confirms it: the same delta by the same person within a day (same
// program, date, count and note), or one entry larger than the program's
// whole-year target (the overall target where the program has none). It
// returns the question, or ok=false to record at once.
func (s *Service) askBeforeRecording(ctx context.Context, c Caller, cmd Command, e NewEntry, p Program) (Reply, bool, error) {
	if cmd.Confirmed {
		return Reply{}, false, nil
	}
	if r, ask, err := s.askAboutRepeat(ctx, c, e, p, cmd); err != nil || ask {
		return r, ask, err
	}
	return s.askAboutSize(ctx, c, e, p, cmd)
}

// askAboutRepeat holds a delta identical to one the same person recorded
// within repeatWindow: same program, date, count, note, department, status
// and type. A cumulative report needs no such check: the same total again
// agrees with the ledger and writes nothing.
func (s *Service) askAboutRepeat(ctx context.Context, c Caller, e NewEntry, p Program, cmd Command) (Reply, bool, error) {
	if e.Kind != KindDelta {
		return Reply{}, false, nil
	}
	same, err := s.store.ListEntries(ctx, EntryFilter{LoggedBy: e.LoggedBy, ProgramID: e.ProgramID, From: e.AsOf, To: e.AsOf, Limit: 50})
	if err != nil {
		return Reply{}, false, err
	}
	since := s.now().Add(-repeatWindow)
	if slices.ContainsFunc(same, func(o Entry) bool { return e.IdempotencyKey != "" && o.IdempotencyKey == e.IdempotencyKey }) {
		return Reply{}, false, nil // a redelivery of the same request: record answers "already recorded"
	}
	if i := slices.IndexFunc(same, func(o Entry) bool {
		return !o.Voided() && o.Kind == e.Kind && o.Count == e.Count && o.Approximate == e.Approximate && o.Status == e.Status &&
			o.EmploymentType == e.EmploymentType && o.Department == e.Department && o.Note == e.Note && o.CreatedAt.After(since)
	}); i >= 0 {
		o := same[i]
		return s.confirmReply(c, cmd, s.msg("guards.same_entry_again", "ID", o.ID, "Program", s.programLabel(p),
			"Count", s.unitCount(e.Count, e.Approximate, p.Unit), "AsOf", s.date(e.AsOf), "At", s.instant(o.CreatedAt))), true, nil
	}
	return Reply{}, false, nil
}

// askAboutSize holds one entry larger than the program's whole-year target
// (the overall target where the program has none).
func (s *Service) askAboutSize(ctx context.Context, c Caller, e NewEntry, p Program, cmd Command) (Reply, bool, error) {
	targets, err := s.store.Targets(ctx, e.AsOf.Year())
	if err != nil {
		return Reply{}, false, err
	}
	target, whose := targets.Programs[p.ID], s.programLabel(p)
	if target == 0 {
		target, whose = targets.Total, s.msg("guards.overall")
	}
	if target > 0 && e.Count > target {
		return s.confirmReply(c, cmd, s.msg("guards.over_year_target", "Count", s.unitCount(e.Count, e.Approximate, p.Unit),
			"Whose", whose, "Year", e.AsOf.Year(), "Target", s.unitCount(target, false, p.Unit))), true, nil
	}
	return Reply{}, false, nil
}

// confirmReply asks to confirm cmd: nothing is written; the button (or the
// line typed again with 확인) records it. The console has no button, so
// there the reply names only the line to type.
func (s *Service) confirmReply(c Caller, cmd Command, why string) Reply {
	line := cmd.Line + " " + s.msg("guards.confirm_word")
	how := "guards.to_record_anyway"
	if c.Source == SourceConsole {
		how = "guards.to_record_anyway_console"
	}
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: why,
		Sections: []Section{{Lines: []string{s.msg(how, "Line", line)}}},
		Actions:  []Action{{ID: ActionConfirm, Label: s.msg("guards.record_anyway"), Command: line, Style: "primary"}}}
}

// laterReportLines names the cumulative reports dated on or after a delta
// that the delta changes: each still records what it recorded, so the total
// through its date is now the reported figure plus the delta. A void says
// the same of the reports it adjusts; an add must not change one silently.
func (s *Service) laterReportLines(ctx context.Context, e Entry, p Program) ([]string, error) {
	if e.Kind != KindDelta {
		return nil, nil
	}
	yearEnd := dates.On(e.AsOf.Year(), 12, 31)
	later, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: e.ProgramID, From: e.AsOf, To: yearEnd, Limit: 200})
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, r := range slices.Backward(later) { // oldest first
		if r.Voided() || r.Kind != KindCumulative || r.Status != e.Status || r.ID == e.ID {
			continue
		}
		totals, err := s.store.ProgramTotals(ctx, dates.On(r.AsOf.Year(), 1, 1), r.AsOf, "")
		if err != nil {
			return nil, err
		}
		var now int64
		for _, t := range totals {
			if t.ProgramID == e.ProgramID {
				now = t.Jobs
				if e.Status == StatusAgreed {
					now = t.Agreed
				}
			}
		}
		lines = append(lines, s.msg("guards.changes_later_report", "AsOf", s.date(r.AsOf), "ID", r.ID,
			"Old", s.jobs(now-e.Count), "New", s.unitCount(now, false, p.Unit)))
	}
	return lines, nil
}
