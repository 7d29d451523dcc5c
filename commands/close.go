package commands

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// Month close (마감, issue 23). Once a month's figures have gone to the
// mayor or the ministry a manager closes it: staff can no longer add, void
// or correct entries dated in it; a manager still can, with a reason, and
// the change is marked 마감 후 정정.

// takeMonth reads a whole month from the start of ts (`2026-04`, `4월`,
// `지난달`) and returns its first day and the words after it.
func takeMonth(cmd *Command, ts []token, today time.Time) (time.Time, []token, error) {
	if len(ts) == 0 {
		return time.Time{}, nil, usageErr(cmd.Name, "audit.which_month")
	}
	for n := min(3, len(ts)); n >= 1; n-- {
		p, err := dates.ParsePeriod(textJoin(ts[:n]), today)
		if err != nil {
			continue
		}
		from := p.From
		if from.Day() != 1 || !p.To.Equal(from.AddDate(0, 1, -1)) {
			return time.Time{}, nil, usageErr(cmd.Name, "audit.one_whole_month", "Text", rawJoin(ts[:n]))
		}
		return from, ts[n:], nil
	}
	return time.Time{}, nil, usageErr(cmd.Name, "audit.not_a_month", "Text", ts[0].text)
}

// parseClose reads `close <month>`.
func parseClose(cmd *Command, ts []token, today time.Time) error {
	if len(ts) == 0 {
		this := dates.On(today.Year(), today.Month(), 1)
		return usageErr(cmd.Name, "audit.which_month_to_close", "Last", this.AddDate(0, -1, 0))
	}
	month, rest, err := takeMonth(cmd, ts, today)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr(cmd.Name, "audit.close_takes_month_only", "Text", rawJoin(rest))
	}
	p := monthPeriod(month)
	cmd.Period = &p
	return nil
}

// parseReopen reads `close reopen <month> <reason>`.
func parseReopen(cmd *Command, ts []token, today time.Time) error {
	month, rest, err := takeMonth(cmd, ts, today)
	if err != nil {
		return err
	}
	p := monthPeriod(month)
	cmd.Period = &p
	cmd.Opts.Reason = strings.TrimSpace(rawJoin(rest) + " " + cmd.Opts.Reason)
	return nil
}

// closeMonth answers `close <month>` (managers).
func (s *Service) closeMonth(ctx context.Context, c Caller, cmd Command) Reply {
	month := cmd.Period.From
	if month.After(s.today()) {
		return s.refuse(cmd.Name, s.msg("audit.cannot_close_future", "Month", s.period(*cmd.Period)))
	}
	if !cmd.Period.To.Before(s.today()) { // the month runs through today: 마감 7월 on 7/1
		return s.refuse(cmd.Name, s.msg("audit.month_not_ended", "Month", s.period(*cmd.Period), "Last", month.AddDate(0, -1, 0)))
	}
	mc, fresh, err := s.store.CloseMonth(ctx, month, c.UserID, s.now())
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	line := s.closeLine(ctx, mc)
	if !fresh {
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("audit.already_closed", "Line", line)}
	}
	lines := []string{s.msg("audit.closed_explain", "Month", s.period(*cmd.Period))}
	// Who never reported for the month, said as it closes (review r20 F25).
	if unreported, err := s.unreportedDepartments(ctx, month); err != nil {
		s.log.WarnContext(ctx, "reading the departments with no report for a closed month failed", "err", err) // the close is written
	} else {
		lines = append(lines, s.closedUnreportedLine(month, unreported))
	}
	return Reply{Title: s.msg("audit.closed", "Line", line), Sections: []Section{{Lines: lines}}}
}

// reopenMonth answers `close reopen <month> <reason>` (managers).
func (s *Service) reopenMonth(ctx context.Context, c Caller, cmd Command) Reply {
	reason := CleanReason(cmd.Opts.Reason)
	if reason == "" {
		return s.needReason(cmd.Name)
	}
	if r := s.reasonTooLong(cmd.Name, reason); r != nil {
		return *r
	}
	mc, err := s.store.ReopenMonth(ctx, cmd.Period.From, c.UserID, reason, s.now())
	if errors.Is(err, ErrNotClosed) {
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("audit.not_closed", "Month", s.period(*cmd.Period))}
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	return Reply{Title: s.msg("audit.reopened", "Month", s.period(*cmd.Period)), Sections: []Section{{Lines: []string{
		s.msg("audit.reopened_was", "Line", s.closeLine(ctx, mc)),
		s.msg("entries.reason", "Reason", reason),
	}}}}
}

// closeLine is "2026년 4월 마감 (2026. 5. 6., 김한빛)".
func (s *Service) closeLine(ctx context.Context, mc MonthClose) string {
	return s.msg("audit.close_line", "Month", s.period(monthPeriod(mc.Month)), "At", s.date(s.localDay(mc.At)), "By", s.name(ctx, mc.By))
}

// closedIn returns the close lines of the months in [from, to] that are
// closed, joined, or "" when none is.
func (s *Service) closedIn(ctx context.Context, from, to time.Time) (string, error) {
	closes, err := s.store.MonthClosesBetween(ctx, from, to)
	if err != nil || len(closes) == 0 {
		return "", err
	}
	lines := make([]string, len(closes))
	for i, mc := range closes {
		lines[i] = s.closeLine(ctx, mc)
	}
	return strings.Join(lines, " · "), nil
}

// auditScope is what a filtered view is narrowed to, so its audit lines
// (약정 이행, 마감 후 정정) speak of the same programs and department as
// its figures: programs nil means all, dept "" every department.
type auditScope struct {
	programs map[int64]bool
	dept     string
	// narrowed is a view of one program or one sector: a 실적 없음 speaks
	// of a department's every program, so it is none of such a view's
	// after-close changes (review r13 W2).
	narrowed bool
}

// scopeOf is the audit scope of a status view: its programs, its department.
func scopeOf(programs []Program, dept string) auditScope {
	sc := auditScope{programs: map[int64]bool{}, dept: dept}
	for _, p := range programs {
		sc.programs[p.ID] = true
	}
	return sc
}

func (sc auditScope) has(programID int64, dept string) bool {
	return (sc.programs == nil || sc.programs[programID]) && (sc.dept == "" || sc.dept == dept)
}

// unhiredAgreed is what agreements dated in [from, to] still wait for: agreed
// minus what `채용` has recorded against them by to, within the scope. It is
// the figure of "아직 채용하지 않은 약정".
//
// approximate says an agreement with something left is approximate
// (100여): what is left is then written with 여 (r20 F13/G10/G24).
func (s *Service) unhiredAgreed(ctx context.Context, from, to time.Time, sc auditScope) (left int64, approximate bool, err error) {
	left, _, approximate, err = s.unhiredOfAgreed(ctx, from, to, sc)
	return left, approximate, err
}

// unhiredOfAgreed is unhiredAgreed with the agreed jobs they are part of,
// so a line can say "약정 300개 중 아직 채용되지 않은 100개" (review r22 F11).
func (s *Service) unhiredOfAgreed(ctx context.Context, from, to time.Time, sc auditScope) (left, agreed int64, approximate bool, err error) {
	if to.Before(from) {
		return 0, 0, false, nil
	}
	totals, err := s.store.AgreementTotals(ctx, from, from, to, sc.dept)
	if err != nil {
		return 0, 0, false, err
	}
	for _, t := range totals {
		if sc.programs == nil || sc.programs[t.ProgramID] {
			left += max(0, t.Agreed-t.Realised)
			approximate = approximate || (t.Approximate && t.Agreed > t.Realised)
			agreed += t.Agreed
		}
	}
	return left, agreed, approximate, nil
}

// auditSections are what status and the report add for the audit: the
// closed months of the span, 약정 이행, and changes made after close, the
// last two within the scope of the view.
func (s *Service) auditSections(ctx context.Context, from, to time.Time, sc auditScope) ([]Section, error) {
	var lines []string
	closed, err := s.closedIn(ctx, from, to)
	if err != nil {
		return nil, err
	}
	if closed != "" {
		lines = append(lines, closed)
	}
	// Every change so far (they are few), filtered by the entries' dates.
	changes, err := s.store.AfterCloseChangesBetween(ctx, time.Time{}, time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return nil, err
	}
	if changes, err = s.pairCorrections(ctx, changes); err != nil {
		return nil, err
	}
	n := 0
	var ids []string
	// An entry added and then voided after close, or re-based and voided,
	// is two changes of one entry: listed once (review ko-official saw
	// "#5, #5"). A 실적 없음's number is its own, apart from entries'.
	type changed struct {
		nothing bool
		id      int64
	}
	seen := map[changed]bool{}
	// A 정정 of a replacement is a later step of one chain (#23 → #31 →
	// #32): listed with the chain's first entry, to its live end (review
	// r34 F5 saw "#23(#31로 정정)" with #31 voided and replaced).
	correctedTo, replacement := map[int64]int64{}, map[int64]bool{}
	for _, ch := range changes {
		if ch.Change == changeCorrect {
			correctedTo[ch.Entry.ID], replacement[ch.NewID] = ch.NewID, true
		}
	}
	for _, ch := range changes {
		key := changed{ch.Change == ChangeVoidNothing, ch.Entry.ID}
		if seen[key] || (ch.Change == changeCorrect && replacement[ch.Entry.ID]) {
			continue
		}
		first, last := ch.Entry.AsOf, ch.Entry.AsOf
		in := sc.has(ch.Entry.ProgramID, ch.Entry.Department)
		if ch.Change == ChangeVoidNothing { // a 실적 없음 is of its whole month and department
			first, last = ch.Month, ch.Month.AddDate(0, 1, -1)
			in = !sc.narrowed && (sc.dept == "" || sc.dept == ch.Entry.Department)
		}
		if in && !last.Before(from) && !first.After(to) {
			seen[key] = true
			n++
			id := "#" + strconv.FormatInt(ch.Entry.ID, 10)
			if ch.Change == changeCorrect {
				// a 정정 is one change, its replacement named with it (review r31 F7)
				seen[changed{false, ch.NewID}] = true
				id = s.msg("kept.after_close_corrected_id", "ID", ch.Entry.ID, "New", ch.NewID)
				steps, last := []string{strconv.FormatInt(ch.NewID, 10)}, ch.NewID
				for next, ok := correctedTo[last]; ok && len(steps) < 50; next, ok = correctedTo[last] {
					seen[changed{false, next}] = true
					steps, last = append(steps, "#"+strconv.FormatInt(next, 10)), next
				}
				if len(steps) > 1 {
					id = s.msg("r34b.after_close_corrected_chain", "ID", ch.Entry.ID, "Steps", strings.Join(steps, ", "))
				}
			}
			ids = append(ids, id)
		}
	}
	if n > 0 {
		lines = append(lines, s.msg("audit.after_close_count", "N", n, "IDs", strings.Join(ids, ", ")))
	}
	var out []Section
	if len(lines) > 0 {
		out = append(out, Section{Lines: lines})
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return nil, err
	}
	sec, ok, err := s.agreementSection(ctx, dates.On(from.Year(), time.January, 1), from, to, programs, sc)
	if err != nil {
		return nil, err
	}
	if ok {
		out = append(out, sec)
	}
	if sec, ok, err = s.earlierAgreementsSection(ctx, from, to, programs, sc); err != nil {
		return nil, err
	}
	if ok {
		out = append(out, sec)
	}
	return out, nil
}

// MonthCloseStore keeps the month closes (마감) and the changes managers
// made to closed months after them.
type MonthCloseStore interface {
	// CloseMonth closes the month starting on month, stamped at (the service's
	// clock, so a --today replay stamps closes like every other write; zero:
	// the database's); false means it was closed already, and the close
	// returned is the standing one.
	CloseMonth(ctx context.Context, month time.Time, by string, at time.Time) (MonthClose, bool, error)
	// ReopenMonth reopens a closed month (마감 해제), keeping who, when (at, the
	// service's clock; zero: the database's) and why; ErrNotClosed if it is not
	// closed. It returns the close it lifted.
	ReopenMonth(ctx context.Context, month time.Time, by, reason string, at time.Time) (MonthClose, error)
	// MonthClosesBetween returns the closed months starting in [from, to], oldest first.
	MonthClosesBetween(ctx context.Context, from, to time.Time) ([]MonthClose, error)
	// AfterCloseChangesBetween returns the changes managers made to closed
	// months within [from, to) (instants), oldest first.
	AfterCloseChangesBetween(ctx context.Context, from, to time.Time) ([]AfterCloseChange, error)
}
