package commands

import (
	"context"
	"errors"
	"fmt"
	"time"

	"jobsbot/commands/dates"
)

// AgreementBelowRealisedError refuses a correction (정정) of an agreement
// (약정) to a size below what its hires (채용) have realised already.
type AgreementBelowRealisedError struct {
	Agreement Entry
	Realised  int64 // realised by its live hires
	// Cumulative says the agreement is a 누계 report, whose size is its
	// increment: Increment is what the corrected figure would add (0:
	// nothing, it equals the ledger).
	Cumulative bool
	Increment  int64
}

func (e *AgreementBelowRealisedError) Error() string {
	return fmt.Sprintf("agreement %d has %d realised, more than the new size", e.Agreement.ID, e.Realised)
}

// agreementRefusal answers the refusals a hire (채용) or a correction (정정)
// shares: beyond the agreement's size, an agreement below what it realised,
// a month recorded as 실적 없음. ok is false for any other error.
func (s *Service) agreementRefusal(ctx context.Context, command string, err error, p Program, count int64) (Reply, bool) {
	if over, ok := errors.AsType[*OverRealisedError](err); ok {
		// The agreement's size as it was agreed, 여 included, and so what
		// is left of it (k35 L2); hires are exact.
		left, about := over.Agreement.Count-over.Realised, over.Agreement.Approximate
		return Reply{Command: command, Outcome: OutcomeRefused, Title: s.msg("audit.over_realised", "ID", over.Agreement.ID,
			"Size", s.unitCount(over.Agreement.Count, about, p.Unit), "Realised", s.unitCount(over.Realised, false, p.Unit),
			"Left", s.unitCount(left, about && left != 0, p.Unit), "Count", s.unitCount(count, false, p.Unit))}, true
	}
	if under, ok := errors.AsType[*AgreementBelowRealisedError](err); ok && under.Cumulative {
		return Reply{Command: command, Outcome: OutcomeRefused, Title: s.msg("k46.agreement_cumulative_below_realised", "ID", under.Agreement.ID,
			"Realised", s.unitCount(under.Realised, false, p.Unit), "Count", s.unitCount(count, false, p.Unit),
			"Increment", s.unitCount(under.Increment, false, p.Unit), "Was", s.unitCount(under.Agreement.Count, false, p.Unit),
			"Before", s.unitCount(count-under.Increment, false, p.Unit), "Least", s.unitCount(count-under.Increment+under.Realised, false, p.Unit),
			"LeastPlain", count-under.Increment+under.Realised)}, true
	}
	if under, ok := errors.AsType[*AgreementBelowRealisedError](err); ok {
		return Reply{Command: command, Outcome: OutcomeRefused, Title: s.msg("audit.agreement_below_realised", "ID", under.Agreement.ID,
			"Realised", s.unitCount(under.Realised, false, p.Unit), "Count", s.unitCount(count, false, p.Unit))}, true
	}
	if said, ok := errors.AsType[*NothingRecordedError](err); ok {
		r := s.nothingRecorded(ctx, said)
		r.Command, r.Sections = command, nil
		return r, true
	}
	return Reply{}, false
}

// reasonInOpenMonth refuses `reason:` on an add dated in an open month: a
// reason is what a change to a closed month (마감 후 정정) must give, and
// kept nowhere else, so it would be dropped; a note goes after `note:`. (A
// month closed between this read and the write takes the reason as the
// manager's, which is what it was typed for.)
func (s *Service) reasonInOpenMonth(ctx context.Context, command string, day time.Time) (Reply, bool) {
	closes, err := s.store.MonthClosesBetween(ctx, day, day)
	if err != nil {
		return s.storageFailure(ctx, command, err), true
	}
	if len(closes) > 0 {
		return Reply{}, false
	}
	return s.refuse(command, s.msg("audit.reason_only_after_close", "Month", s.period(monthPeriod(dates.On(day.Year(), day.Month(), 1))))), true
}

// adjustedAfterClose says that a change re-based a cumulative report dated
// in a closed month, so that month's figure changed: marked 마감 후 정정.
func (s *Service) adjustedAfterClose(a Adjustment) []string {
	if !a.AfterClose {
		return nil
	}
	first := dates.On(a.Report.AsOf.Year(), a.Report.AsOf.Month(), 1)
	return []string{s.msg("audit.adjusted_after_close", "Month", s.period(monthPeriod(first)), "ID", a.Report.ID)}
}
