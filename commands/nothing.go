package commands

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"jobsbot/commands/i18n"
)

// none answers `none [month] [dept:…]` (실적 없음): the department had nothing
// to report for the month. Without dept: it is the department the caller
// reports for, when there is exactly one.
func (s *Service) nothing(ctx context.Context, c Caller, cmd Command) Reply {
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
			return s.refuse(cmd.Name, s.msg("nothing.which_department_add_dept"))
		}
		d = mine[0]
	}
	month := cmd.Period.From
	if month.After(s.today()) {
		return s.refuse(cmd.Name, s.msg("nothing.has_not_started_yet", "Month", s.monthLabel(month)))
	}
	// A 실적 없음 silences the department's reminders, so only its own
	// reporters (or anyone, while it has none) and managers may say it.
	if len(d.Reporters) > 0 && !slices.Contains(d.Reporters, c.UserID) && !s.IsManager(c.UserID) {
		return Reply{Outcome: OutcomeRefused, Title: s.msg("nothing.only_reporters", "Name", d.Name)}
	}
	if r, contradicts := s.nothingContradicts(ctx, cmd.Name, d, month); contradicts {
		return r
	}
	source := c.Source
	if source == "" {
		source = SourceConsole
	}
	n, err := s.store.AddNothing(ctx, NothingReport{Department: d.Name, Month: month, LoggedBy: c.UserID, CreatedAt: s.now(),
		Source: source, IdempotencyKey: c.key(":none")})
	if has, ok := errors.AsType[*MonthHasJobsError](err); ok {
		// Jobs committed after nothingContradicts looked (the database's
		// check, migration 00020, holds under concurrency).
		if has.Department != "" && has.Department != d.Name { // a rename or merge moved d meanwhile
			return s.refuse(cmd.Name, s.msg("nothing.has_jobs_moved", "Typed", d.Name, "Name", has.Department, "Month", s.monthLabel(month),
				"Jobs", s.jobs(has.Jobs), i18n.PluralCount, has.Jobs))
		}
		return s.refuse(cmd.Name, s.msg("nothing.has_jobs", "Name", d.Name, "Month", s.monthLabel(month), "Jobs", s.jobs(has.Jobs), i18n.PluralCount, has.Jobs))
	}
	if closed, ok := errors.AsType[*MonthClosedError](err); ok {
		if s.IsManager(c.UserID) {
			return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg("audit.nothing_closed_manager", "Month", s.period(monthPeriod(closed.Close.Month)),
				"By", s.name(ctx, closed.Close.By), "At", s.date(s.localDay(closed.Close.At)))}
		}
		return s.monthClosedReply(ctx, cmd.Name, closed.Close, false)
	}
	if errors.Is(err, ErrConflict) {
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("nothing.already_said_it_had", "Name", d.Name, "Month", s.monthLabel(month))}
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if n.Duplicate {
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("nothing.that_was_already_recorded", "ID", n.ID)}
	}
	filed := cmp.Or(n.Department, d.Name) // d's name now, after a rename or merge meanwhile
	lines := []string{s.msg("nothing.wrong_jobs_void_d", "ID", n.ID)}
	if end := month.AddDate(0, 1, -1); !end.Before(s.today()) {
		// This month's 실적 없음 is accepted (a department may know it will
		// have nothing), but the month still runs: say so, and how jobs
		// logged before its end are added (review ko-official).
		lines = append([]string{s.msg("nothing.month_not_over", "Month", s.monthLabel(month), "End", s.date(end), "ID", n.ID)}, lines...)
	}
	return Reply{Title: s.msg("nothing.recorded_d_had_nothing", "ID", n.ID, "Name", filed, "Month", s.monthLabel(month)),
		Sections: []Section{{Lines: lines}},
		Actions: []Action{{ID: ActionUndo, Label: s.msg("entries.undo"), Style: "danger",
			Command: fmt.Sprintf("void %d %s", n.ID, s.msg("entries.undo_reason"))}},
		did: LastAction{Kind: LastNothing, EntryID: n.ID}}
}

// nothingContradicts refuses 실적 없음 for a month the department already
// has live jobs in: the two cannot both be true.
func (s *Service) nothingContradicts(ctx context.Context, command string, d Department, month time.Time) (Reply, bool) {
	totals, err := s.store.DepartmentTotals(ctx, month, month.AddDate(0, 1, -1))
	if err != nil {
		return s.storageFailure(ctx, command, err), true
	}
	for _, t := range totals {
		if t.Department == d.Name && t.Jobs > 0 {
			// The month's figure keeps its 여, as status writes it (review r28 F6).
			return s.refuse(command, s.msg("nothing.has_jobs", "Name", d.Name, "Month", s.monthLabel(month),
				"Jobs", s.unitCount(t.Jobs, t.Approximate > 0, ""), i18n.PluralCount, t.Jobs)), true
		}
	}
	return Reply{}, false
}

// monthLabel names a month: "November 2026" or "2026년 11월".
func (s *Service) monthLabel(month time.Time) string {
	return s.msg("format.month_name", "Date", month)
}

// voidNothing voids a "nothing" report for `void N`; ok is false when N is
// not one, so void can say there is no such entry.
func (s *Service) voidNothing(ctx context.Context, c Caller, id int64, reason string) (Reply, bool) {
	n, err := s.store.NothingReport(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Reply{}, false
	}
	if err != nil {
		return s.storageFailure(ctx, cmdVoid, err), true
	}
	if n.LoggedBy != c.UserID && !s.IsManager(c.UserID) {
		return Reply{Outcome: OutcomeRefused, Title: s.msg("nothing.d_was_recorded_by", "ID", id, "LoggedBy", s.name(ctx, n.LoggedBy))}, true
	}
	if !n.VoidedAt.IsZero() {
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("nothing.d_was_already_voided", "ID", id)}, true
	}
	if reason == "" { // auditors ask why
		return s.needReason(cmdVoid), true
	}
	closeReason := ""
	if s.IsManager(c.UserID) {
		closeReason = reason // a manager's void of a closed month's 실적 없음 keeps its reason on the record
	}
	voided, err := s.store.VoidNothing(ctx, id, c.UserID, reason, closeReason, s.now())
	if errors.Is(err, ErrAlreadyVoided) {
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("nothing.d_was_already_voided", "ID", id)}, true
	} else if closed, ok := errors.AsType[*MonthClosedError](err); ok {
		return s.monthClosedReply(ctx, cmdVoid, closed.Close, false), true
	} else if err != nil {
		return s.storageFailure(ctx, cmdVoid, err), true
	}
	lines := []string{s.msg("entries.reason", "Reason", reason)}
	if voided.VoidedAfterClose {
		lines = append(lines, s.msg("audit.after_close_marked"))
	}
	return Reply{Title: s.msg("nothing.voided_d_no_longer", "ID", id, "Department", n.Department, "Month", s.monthLabel(n.Month)),
		Sections: []Section{{Lines: lines}}}, true
}

// nothingNotCorrectable refuses `정정 N` or `채용 N` where N is a 실적 없음
// report (the reports share the entries' numbers), naming it and the
// `무효 N <사유>` that takes it back, instead of "no such entry" (review
// r22 F38); ok is false when N is not one.
func (s *Service) nothingNotCorrectable(ctx context.Context, cmd Command) (Reply, bool) {
	n, err := s.store.NothingReport(ctx, cmd.ID)
	if errors.Is(err, ErrNotFound) {
		return Reply{}, false
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err), true
	}
	key := "k59.nothing_not_correctable"
	if !n.VoidedAt.IsZero() {
		key = "k59.nothing_voided_not_correctable"
	}
	text := s.msg(key, "ID", n.ID, "Department", n.Department, "Month", s.monthLabel(n.Month), "Command", commandName(cmd.Name))
	if cmd.Name == cmdHire {
		text += " " + s.msg("k59.hire_nothing_report")
	}
	return s.refuse(cmd.Name, text), true
}

// nothingRecorded refuses an add for a department and month that has a live
// 실적 없음, naming the record and how to void it.
func (s *Service) nothingRecorded(ctx context.Context, said *NothingRecordedError) Reply {
	n, err := s.store.NothingReport(ctx, said.NothingID)
	if err != nil {
		return s.storageFailure(ctx, cmdAdd, err)
	}
	return s.refuse(cmdAdd, s.msg("nothing.add_refused_month_said_nothing", "ID", n.ID, "Name", n.Department,
		"Month", s.monthLabel(n.Month)))
}

// NothingStore keeps the 실적 없음 reports (`none`).
type NothingStore interface {
	// AddNothing records a "nothing to report" for a department and month;
	// ErrConflict if one is live already.
	AddNothing(ctx context.Context, n NothingReport) (NothingReport, error)
	// NothingReport returns one "nothing" report, voided or not.
	NothingReport(ctx context.Context, id int64) (NothingReport, error)
	// VoidNothing voids a "nothing" report; ErrAlreadyVoided if it was.
	// In a closed month it is refused (*MonthClosedError) unless
	// closeReason, a manager's, is given.
	VoidNothing(ctx context.Context, id int64, by, reason, closeReason string, at time.Time) (NothingReport, error)
	// SaidNothing returns the departments with a live 실적 없음 report for
	// the month starting on month.
	SaidNothing(ctx context.Context, month time.Time) (map[string]bool, error)
	// NothingReports returns the reports, voided ones included, whose month
	// overlaps f.From-f.To, of f.Department and f.LoggedBy when set, latest
	// month first; f.Limit 0 returns them all. f.ProgramID is ignored.
	NothingReports(ctx context.Context, f EntryFilter) ([]NothingReport, error)
}

// saidNothingIn returns, per department, the months among months (each the
// first of its month) it has a live 실적 없음 report for, in the order
// given. Status and the digest both judge a silent department by it: one
// whose silence these reports cover reported, and is named as such.
func (s *Service) saidNothingIn(ctx context.Context, months []time.Time) (map[string][]time.Time, error) {
	said := map[string][]time.Time{}
	for _, m := range months {
		reported, err := s.store.SaidNothing(ctx, m)
		if err != nil {
			return nil, err
		}
		for dept, ok := range reported {
			if ok {
				said[dept] = append(said[dept], m)
			}
		}
	}
	return said, nil
}
