package commands

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// undoWindow is how long after a line 취소 may still undo the entry it
// wrote (review F37). 취소 is for "I just typed that wrong"; an older entry
// is voided by number with a reason (무효 <번호> <사유>), which auditors can
// read, so 취소 never reaches back to something the user no longer sees.
const undoWindow = 10 * time.Minute

// keepLastAction records what a line that could write did, for 취소: the
// entry it wrote, voided or recorded as 실적 없음, a question it held, a
// refusal (nothing written), or another write. Lines that only read are
// not kept: looking at 현황 after an add leaves the add undoable. A
// redelivery's answer (OutcomeRepeated) and 취소 itself (UndoLast marks the
// line it undid) change nothing. A line that ran out of time is kept as
// unfinished: it may have written. A line that wrote marked itself in its
// own transaction (Line, markLine), so a failure to keep this record
// leaves that mark: the next 취소 then says the line's outcome is not
// known and writes nothing; it never sees an older line. Records are kept
// by the line's start time, so one that lands late never replaces a newer
// line's.
func (s *Service) keepLastAction(ctx context.Context, c Caller, start time.Time, r Reply, before time.Time) {
	if r.Command == cmdUndo || c.UserID == "" {
		return
	}
	if r.Outcome == OutcomeRepeated || (r.answersCancelled && c.Pressed) {
		// The first delivery keeps its record, and a dead button's press
		// is no line of its own; only this delivery's pending mark goes.
		if err := s.store.ClearLinePending(context.WithoutCancel(ctx), c.UserID, start, before); err != nil {
			s.log.WarnContext(ctx, "clearing a redelivered line's pending mark", "command", r.Command, "err", err)
		}
		return
	}
	a := r.did
	switch {
	case a.Kind != "" && r.Outcome != OutcomeRefused && r.Outcome != OutcomeFailed:
	case slices.ContainsFunc(r.Actions, func(x Action) bool { return x.ID == ActionConfirm }):
		a = LastAction{Kind: LastHeld, Print: r.did.Print}
	case r.ranOut != "" && r.Outcome == OutcomeFailed:
		a = LastAction{Kind: r.ranOut}
	case r.Outcome == OutcomeRefused || r.Outcome == OutcomeFailed:
		a = LastAction{Kind: LastRefused}
	default:
		a = LastAction{Kind: LastOther}
	}
	a.Command, a.At = r.Command, start
	// The line ran; its record must not die with the command's deadline,
	// but a stalled database must not hold the reply either (issue 20,
	// break 6): the record runs on its own and the reply waits a second
	// for it at most, as byDeadline waits for the write.
	kept := make(chan error, 1)
	go func() {
		keep, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		kept <- s.store.RecordLastAction(keep, c.UserID, a)
	}()
	wait := time.NewTimer(time.Second)
	defer wait.Stop()
	select {
	case err := <-kept:
		if err != nil {
			s.log.WarnContext(ctx, "keeping the last line for 취소", "command", r.Command, "err", err)
		}
	case <-wait.C:
		s.log.WarnContext(ctx, "keeping the last line for 취소: no answer from storage in time", "command", r.Command)
	}
}

// markPending marks a write line as running before it runs, so a 취소
// sent while it waits on a lock (another user's import holding its
// program) finds it and refuses, instead of reaching past it to the line
// before (review r16 BREAK 2). It runs within the line's deadline, as the
// first statement of the write. 취소 itself is not marked. A failure is
// logged: the line then runs unmarked, as before, its write still marking
// it in its transaction.
func (s *Service) markPending(ctx context.Context) {
	l := LineFrom(ctx) // none for 취소 and for a caller with no user (lineFor)
	if l == nil {
		return
	}
	before, err := s.store.MarkLinePending(ctx, l.UserID, l.At)
	if err != nil {
		s.log.WarnContext(ctx, "marking the line pending for 취소", "command", l.Command, "err", err)
		return
	}
	l.marked.set(before)
}

// undo answers `undo` (취소): it undoes the user's last line, once, when
// that line wrote an entry within undoWindow (a 정정's replacement: the
// 정정 is undone, the original restored) or held a question (dropped).
// Otherwise it writes nothing and says why, naming the entry it leaves
// alone and the 무효 line to type instead (review F37, F21/F22).
func (s *Service) undo(ctx context.Context, c Caller) Reply {
	now := s.now()
	res, err := s.store.UndoLast(ctx, c.UserID, s.msg("entries.undone_by_its_author"), now.Add(-undoWindow), now)
	if closed, ok := errors.AsType[*MonthClosedError](err); ok {
		if s.IsManager(c.UserID) { // a manager changes a closed month by a void with a reason, not by 취소
			return Reply{Command: cmdUndo, Outcome: OutcomeRefused, Title: s.msg("audit.closed_undo_manager", "Month", s.period(monthPeriod(closed.Close.Month)),
				"By", s.name(ctx, closed.Close.By), "At", s.date(s.localDay(closed.Close.At)))}
		}
		return s.monthClosedReply(ctx, cmdUndo, closed.Close, false)
	}
	if dep, ok := errors.AsType[*DependentReportError](err); ok {
		return Reply{Outcome: OutcomeRefused, Title: s.dependentReport(dep)}
	}
	if hires, ok := errors.AsType[*AgreementHasHiresError](err); ok {
		return s.agreementHasHires(ctx, cmdUndo, hires, true)
	}
	if corr, ok := errors.AsType[*UndoCorrectionError](err); ok {
		return s.undoCorrection(ctx, corr)
	}
	if below, ok := errors.AsType[*ReportBelowHiresError](err); ok {
		return s.reportBelowHires(ctx, cmdUndo, below)
	}
	if errors.Is(err, ErrLastLineMoved) {
		// Lines sent while 취소 ran: which one is last is not settled, so
		// nothing is undone rather than a guess (review r12 BREAK 1).
		return s.refuseUndo(s.msg("undo.last_line_moving"), s.msg("undo.how_to_void"))
	}
	if err != nil {
		return s.storageFailure(ctx, cmdUndo, err)
	}
	if res.Pending {
		return s.refuseUndo(s.msg("undo.line_still_running"), s.msg("undo.how_to_void"))
	}
	last := res.Last
	switch {
	case res.Done && last.Kind == LastHeld:
		return Reply{Command: cmdUndo, Title: s.msg("undo.held_cancelled")}
	case res.Done && res.Void.Restored != nil:
		return s.correctionUndone(ctx, res.Void)
	case res.Done:
		return s.voided(ctx, res.Void, s.msg("entries.undone_by_its_author"))
	}
	// Nothing written: say what the last line was and what 취소 leaves alone.
	var title string
	switch {
	case last == nil || last.Command == "":
		// "" is the row a line's pending mark created (MarkLinePending)
		// whose record never landed: a replica died mid-line, before its
		// write committed (review r19 F13).
		title = s.msg("undo.nothing_kept")
	case last.Undone:
		return s.refuseUndo(s.msg("undo.already_undone"), s.msg("undo.how_to_void"))
	case last.Kind == LastRefused:
		title = s.msg("undo.after_refusal")
	case last.Kind == LastUnfinished:
		return s.refuseUndo(s.msg("k41.undo_unfinished", "Command", commandName(last.Command)), s.msg("k41.undo_check_list"))
	case last.Kind == LastUnsaved:
		title = s.msg("k41.undo_unsaved", "Command", commandName(last.Command))
	case last.Kind == LastWritten:
		return s.refuseUndo(s.msg("k41.undo_written", "Command", commandName(last.Command)), s.msg("k41.undo_check_list"))
	case last.Kind == LastNothing:
		return s.refuseUndo(s.msg("undo.after_nothing", "ID", last.EntryID))
	case last.Kind == LastVoid && res.Named != nil:
		return s.refuseUndo(s.msg("undo.after_void", "Entry", s.entryBrief(ctx, *res.Named)))
	case last.Kind == LastEntry && res.Named != nil && res.Named.Voided():
		return s.refuseUndo(s.msg("undo.voided_since", "Entry", s.entryBrief(ctx, *res.Named)), s.msg("undo.how_to_void"))
	case last.Kind == LastEntry && res.Named != nil:
		r := s.refuseUndo(s.msg("undo.too_old", "Entry", s.entryBrief(ctx, *res.Named), "At", s.instant(last.At),
			"Minutes", int(undoWindow/time.Minute), "ID", res.Named.ID, i18n.PluralCount, int(undoWindow/time.Minute)))
		if line := s.undoLeftCorrection(ctx, *res.Named, "k54.too_old_correction"); line != "" {
			r.Sections = []Section{{Lines: []string{line}}}
		}
		return r
	case last.Command == cmdAdd || last.Command == cmdHire || last.Command == cmdCorrect:
		// A line of the ledger that recorded no entry (a 누계 the ledger
		// already agrees with, a 정정 to the same total).
		title = s.msg("undo.wrote_nothing", "Command", commandName(last.Command))
	default:
		title = s.msg("undo.after_other", "Command", commandName(last.Command))
	}
	if res.Named == nil {
		return s.refuseUndo(title, s.msg("undo.how_to_void"))
	}
	// A 정정's replacement: its 무효 would not bring the original back, so
	// the advice names the 정정 back to it first (review r20 F14).
	if line := s.undoLeftCorrection(ctx, *res.Named, "k54.undo_left_correction"); line != "" {
		return s.refuseUndo(title, line)
	}
	return s.refuseUndo(title, s.msg("undo.left_alone", "Entry", s.entryBrief(ctx, *res.Named), "ID", res.Named.ID))
}

// refuseUndo is 취소's refusal: the reason, then what to type instead.
func (s *Service) refuseUndo(title string, lines ...string) Reply {
	r := Reply{Command: cmdUndo, Outcome: OutcomeRefused, Title: title}
	if len(lines) > 0 {
		r.Sections = []Section{{Lines: lines}}
	}
	return r
}

// entryBrief names an entry as a refusal names it: number, date, program
// and figure (a 누계 report by the total it reported).
func (s *Service) entryBrief(ctx context.Context, e Entry) string {
	programs, _ := s.store.Programs(ctx) // on failure the brief names the code
	name, unit := s.programOf(programs, e.ProgramID, e.ProgramCode)
	figure := s.unitCount(e.Count, e.Approximate, unit)
	if e.Kind == KindCumulative && e.ReportedTotal > 0 {
		figure = s.msg("corrections.undone_cumulative", "Total", s.unitCount(e.ReportedTotal, e.Approximate, unit))
	}
	if e.Status == StatusAgreed {
		return s.msg("undo.entry_brief_agreed", "ID", e.ID, "AsOf", s.date(e.AsOf), "Program", name, "Count", figure)
	}
	return s.msg("undo.entry_brief", "ID", e.ID, "AsOf", s.date(e.AsOf), "Program", name, "Count", figure)
}

// Line is the line a write runs for, as the store's write transactions
// see it: each transaction that commits for it marks it as the user's last
// line (kind "written") in the same transaction, so 취소 can never see an
// older line once this one's write is in the ledger, even before
// keepLastAction records what it did (review r13 BREAK 1).
type Line struct {
	UserID  string
	Command string
	At      time.Time // when the line arrived; records of older lines never replace it
	// marked is the pending mark markPending found, put back when the
	// line takes its own mark back (ClearLinePending). Shared by the
	// copies of the line's context; nil for a line built without lineFor.
	marked *pendingBefore
}

// markedBefore is the pending mark the line ctx carries found when it
// marked itself: the zero time for none, or for no line.
func markedBefore(ctx context.Context) time.Time {
	if l := LineFrom(ctx); l != nil {
		return l.marked.get()
	}
	return time.Time{}
}

// pendingBefore is the pending mark a line found when it marked itself.
type pendingBefore struct {
	mu sync.Mutex
	at time.Time
}

func (p *pendingBefore) set(at time.Time) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.at = at
}

func (p *pendingBefore) get() time.Time {
	if p == nil {
		return time.Time{}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.at
}

type lineKey struct{}

// WithLine returns ctx carrying l, for the store's write transactions.
func WithLine(ctx context.Context, l Line) context.Context {
	return context.WithValue(ctx, lineKey{}, &l)
}

// LineFrom returns the line ctx carries, or nil.
func LineFrom(ctx context.Context) *Line {
	l, _ := ctx.Value(lineKey{}).(*Line)
	return l
}

// WithoutLine returns ctx carrying no line: for work done on behalf of many
// lines (a batch of adds), which marks each of its lines itself.
func WithoutLine(ctx context.Context) context.Context {
	if LineFrom(ctx) == nil {
		return ctx
	}
	return context.WithValue(ctx, lineKey{}, (*Line)(nil))
}

// lineFor is ctx carrying the line c sent at start, unless that line is 취소
// (which must read the last line, not replace it) or has no user.
func lineFor(ctx context.Context, c Caller, command string, start time.Time) context.Context {
	if command == cmdUndo || c.UserID == "" {
		return ctx
	}
	return WithLine(ctx, Line{UserID: c.UserID, Command: command, At: start, marked: &pendingBefore{}})
}

// answersCancelled refuses a line that answers a question 취소 cancelled:
// a question's buttons are whole lines (누계포함:예 / 아니오, 확인:<token>),
// so without this an old button pressed after 취소 recorded what 취소 had
// just dropped (k41). The answer is known by its entry (holdPrint) and by
// coming right after the 취소: the user's last line is the cancelled
// question. The refusal is a line of its own, so the same line sent again
// records.
//
// A press of the old button itself (Caller.Pressed) is dead for good: its
// refusal is not kept as the user's last line, so the cancelled question
// stays the last and a second press (a double click, a redelivery under
// another key) is refused too (review r16 MINOR 5). A typed line's refusal
// is kept, so the line typed again records.
func (s *Service) answersCancelled(ctx context.Context, cmd Command, e NewEntry) (Reply, bool, error) {
	return s.answersCancelledPrint(ctx, cmd, e.LoggedBy, holdPrint(e))
}

// answersCancelledPrint is answersCancelled for the question print asked
// user: an add's or 채용's (holdPrint), or a 정정's (correctionPrint).
func (s *Service) answersCancelledPrint(ctx context.Context, cmd Command, user, print string) (Reply, bool, error) {
	if cmd.Opts.Within == nil && cmd.ConfirmToken == "" && !cmd.Confirmed {
		return Reply{}, false, nil
	}
	last, err := s.store.LastLine(ctx, user)
	if err != nil || last == nil || last.Kind != LastHeld || !last.Undone || last.Print == "" || last.Print != print {
		return Reply{}, false, err
	}
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg("k41.question_cancelled"), answersCancelled: true}, true, nil
}

// correctionPrint fingerprints which question a held 정정 is (누계포함,
// or 확인 of a figure over the year's target): the user, the entry and
// the figure typed, so the answer line of a question 취소 cancelled is
// told as holdPrint tells an add's.
func correctionPrint(user string, id int64, figure numbers.Number) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "correct\x00%s\x00%d\x00%d\x00%t", user, id, figure.Value, figure.Approximate))
	return hex.EncodeToString(sum[:confirmPart/2])
}
