package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
	"jobsbot/commands/reasons"
)

// Audit discipline (issue 23): people by name, reasons, one-step
// corrections (정정) and agreements that become jobs (채용). Month close
// (마감) is in close.go.

// WithPeople returns a copy of the Service that names people with p (the
// bot's users.info names); the default shows IDs as typed (the console).
func (s *Service) WithPeople(p PeopleNames) *Service {
	c := *s
	c.people = p
	return &c
}

// ConsoleUser is who the console acts as unless told otherwise.
const ConsoleUser = "console"

// name is a user as replies show them: their Slack name, else the ID; the
// console's own user in the reply's language.
func (s *Service) name(ctx context.Context, userID string) string {
	if userID == ConsoleUser {
		return s.msg("people.console") // "콘솔" in a Korean reply, not "console"
	}
	if userID == "" || s.people == nil {
		return userID
	}
	if n := strings.TrimSpace(s.people.NameOf(ctx, userID)); n != "" {
		return n
	}
	return userID
}

// named returns entries with the recorder and voider shown by name, for
// display only.
func (s *Service) named(ctx context.Context, es []Entry) []Entry {
	out := make([]Entry, len(es))
	for i, e := range es {
		e.LoggedBy = s.name(ctx, e.LoggedBy)
		e.VoidedBy = s.name(ctx, e.VoidedBy)
		out[i] = e
	}
	return out
}

// needReason refuses a change that must say why, asking for the reason in
// the reply's language; nothing is written.
func (s *Service) needReason(command string) Reply {
	r := s.refuse(command, s.msg("audit.reason_needed", "Command", commandName(command)))
	return r
}

// reasonTooLong refuses a reason over MaxNoteRunes.
func (s *Service) reasonTooLong(command, reason string) *Reply {
	if utf8.RuneCountInString(reason) > MaxNoteRunes {
		r := s.refuse(command, s.msg("entries.reason_is_longer_than", "MaxNoteRunes", MaxNoteRunes))
		return &r
	}
	return nil
}

// parseCorrect reads `correct <number> <count> <reason>`.
func parseCorrect(cmd *Command, ts []token, today time.Time) error {
	ts = splitFigurePair(ts)
	rest, err := takeIDAndCount(cmd, ts, "audit.which_figure")
	if err != nil {
		return err
	}
	if n, _ := dateRun(rest, 0, today); n > 0 {
		// 정정 131 7 7/2 날짜도 틀림: the official means the date too, but a
		// 정정 changes only the figure; kept as the reason, the date stayed
		// wrong without a word (review r1 S10). A reason that starts with a
		// date is written after 사유:.
		return usageErr(cmd.Name, "audit.correct_keeps_the_date", "ID", cmd.ID, "Date", textJoin(rest[:n]))
	}
	if err := twoFigures(cmd, rawJoin(ts[1:len(ts)-len(rest)]), rest); err != nil {
		return err
	}
	if err := correctMoveWords(cmd, rest); err != nil {
		return err
	}
	// Any word of the reason, not only the first (k44: `정정 14 3 신규
	// 추가`, `correct 14 3 typo missing` slipped through as a fall to 3).
	for _, t := range rest {
		if !t.quoted && additionWord(t.text) {
			cmd.AddedWords = rawJoin(rest)
			break
		}
	}
	cmd.Opts.Reason = strings.TrimSpace(rawJoin(rest) + " " + cmd.Opts.Reason)
	return nil
}

// additionWord says a word right after a 정정's count reads as "that many
// more" (정정 14 5명 추가 누락분, correct 14 5 more missed): the person
// meant an addition, which a 정정, setting the figure, would silently turn
// into a fall (review F36: #14 became 5). A reason that starts so is
// written after 사유: / reason:, where it is no word next to the number.
func additionWord(w string) bool {
	w = strings.Trim(fold(w), "()[]{}<>.,;:!?~-'\"“”‘’")
	if strings.HasPrefix(w, "증가분") {
		// 증가분 names a kind of report (누계를 증가분으로 오기: a 누계 typed
		// as a delta), no jobs added (review r24 F5)
		return false
	}
	for _, p := range []string{"추가", "누락", "빠진", "빠짐", "빠뜨", "미반영", "더해", "더하", "증가", "증원", "신규", "늘어", "늘었", "늘림", "늘려"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	switch w {
	case "더", "more", "missed", "missing", "additional", "extra", "plus", "another", "added", "omitted",
		"add", "adds", "adding", "increase", "increased", "increases", "increasing":
		return true
	}
	return false
}

// takeIDAndCount reads the entry number and the count that 정정 and 채용
// start with, returning the tokens after them; missing is the message when
// no count follows the number.
func takeIDAndCount(cmd *Command, ts []token, missing string) ([]token, error) {
	ts, err := takeID(cmd, ts)
	if err != nil {
		return nil, err
	}
	if len(ts) == 0 {
		return nil, usageErr(cmd.Name, missing)
	}
	n, end, ok := countRun(ts, 0)
	if !ok {
		_, err := numbers.Parse(ts[0].text)
		return nil, countError(cmd.Name, ts[0].text, err)
	}
	if ue := checkCount(cmd.Name, n); ue != nil {
		return nil, ue
	}
	if cmd.Name == cmdCorrect { // a hire takes no approximate count at all (parseHire)
		if err := aboutPrefix(cmd.Name, n, ts[:end]); err != nil {
			return nil, err // 정정 1 약 90: refused as the add refuses it (review r23 B2)
		}
	}
	cmd.Count, cmd.HasCount = n, true
	return ts[end:], nil
}

// parseHire reads `hire <agreement number> <count> [date]`.
func parseHire(cmd *Command, ts []token, today time.Time) error {
	if err := hireDateFirst(cmd, ts, today); err != nil {
		return err
	}
	if cmd.Opts.Date != nil && cmd.dateTyped != "" {
		// 날짜:금요일, 날짜:1월 2일: asked as the add's are (review r42 B7)
		if err := askSameWeekday(cmd, cmd.dateTyped, cmd.dateTyped, *cmd.Opts.Date, today); err != nil {
			return err
		}
		if err := yearEndAsk(cmd, cmd.dateTyped, today); err != nil {
			return err
		}
	}
	rest, err := takeIDAndCount(cmd, ts, "audit.how_many_hired")
	if err != nil {
		return err
	}
	if cmd.Count.Approximate {
		// 채용 88 10여: a hire moves people from an agreement into the
		// figure, one by one; "over ten" is no number to move.
		return usageErr(cmd.Name, "audit.hire_count_not_exact", "Typed", rawJoin(ts[1:len(ts)-len(rest)]), "ID", cmd.ID)
	}
	if len(rest) == 0 {
		return nil
	}
	// The date is the longest run of words that reads as one; words after
	// it are no date (review r5 A10: `7/2 B공장 신규` was refused as an
	// unreadable date). They are refused by name: a note goes after 메모:.
	n := 0
	if cmd.Opts.Date == nil {
		for k := len(rest); k > 0; k-- {
			d, err := dates.Parse(textJoin(rest[:k]), today)
			if err == nil {
				// kept as the add's free date is (takeEntryFields): where it
				// stands in the line, so every line offered back writes it as
				// the day it was read as (offeredLine; review r47 F2: a
				// repeat's 확인:예 line kept 어제 and, typed back days later,
				// filed the hire on another day)
				cmd.Opts.Date, cmd.dateTyped, cmd.dateRaw, n = &d, textJoin(rest[:k]), rawJoin(rest[:k]), k
				// the add's date questions, one rule (review r42 B7): 금요일
				// on a Friday, 1월 2일 on 31 December
				if err := askSameWeekday(cmd, textJoin(rest[:k]), rawJoin(rest[:k]), d, today); err != nil {
					return err
				}
				if err := yearEndAsk(cmd, rawJoin(rest[:k]), today); err != nil {
					return err
				}
				break
			}
			if ne, ok := errors.AsType[*dates.Error](err); ok && ne.Reason == reasons.DateAmbiguous {
				// 3/12/2026: 12 March or 3 December, named both ways (review r35q4)
				return usageErr(cmd.Name, "b7hold.date_ambiguous", "Typed", rawJoin(rest[:k]), "First", dateArg(ne.From), "Second", dateArg(ne.To))
			}
		}
	}
	head := rawJoin(ts[:len(ts)-len(rest)+n])
	if n == 0 && cmd.Opts.Date == nil {
		return usageErr(cmd.Name, "hires.not_a_date", "Value", rawJoin(rest), "Head", head)
	}
	if words := rest[n:]; len(words) > 0 {
		return usageErr(cmd.Name, "hires.words_after_date", "Words", rawJoin(words), "Head", head)
	}
	return nil
}

// withinNo are the values of 누계포함: / within: that say a hire is not
// inside the later 누계 reports (confirmYes says it is).
var withinNo = []string{"아니오", "아니요", "아니", "no", "n"}

// monthClosedReply refuses a write in a closed month: the month, who closed
// it and when, and whom to ask.
func (s *Service) monthClosedReply(ctx context.Context, command string, c MonthClose, manager bool) Reply {
	if manager {
		return s.refuse(command, s.msg("audit.closed_manager_needs_reason", "Month", s.period(monthPeriod(c.Month)),
			"By", s.name(ctx, c.By), "At", s.date(s.localDay(c.At))))
	}
	return Reply{Command: command, Outcome: OutcomeRefused, Title: s.msg("audit.month_closed", "Month", s.period(monthPeriod(c.Month)),
		"By", s.name(ctx, c.By), "At", s.date(s.localDay(c.At)), "Managers", s.managerNames(ctx))}
}

// managerNames lists the managers by name, for "ask …".
func (s *Service) managerNames(ctx context.Context) string {
	names := make([]string, 0, len(s.managers))
	for _, m := range s.managers {
		names = append(names, s.name(ctx, m))
	}
	if len(names) == 0 {
		return s.msg("audit.a_manager")
	}
	return strings.Join(names, ", ")
}

// localDay is the calendar date of an instant in the city's time zone.
func (s *Service) localDay(t time.Time) time.Time {
	l := t.In(s.loc)
	return dates.On(l.Year(), l.Month(), l.Day())
}

// monthPeriod is the calendar month starting on first.
func monthPeriod(first time.Time) dates.Period {
	return dates.Period{From: first, To: first.AddDate(0, 1, -1)}
}

// correct answers `correct <number> <count> <reason>` (정정): the entry's
// figure replaced in one step, by its recorder or a manager.
func (s *Service) correct(ctx context.Context, c Caller, cmd Command) Reply {
	reason := CleanReason(cmd.Opts.Reason)
	if reason == "" {
		return s.needReason(cmd.Name)
	}
	if r := s.reasonTooLong(cmd.Name, reason); r != nil {
		return *r
	}
	old, err := s.store.Entry(ctx, cmd.ID)
	if errors.Is(err, ErrNotFound) {
		if r, ok := s.nothingNotCorrectable(ctx, cmd); ok {
			return r
		}
		return s.refuse(cmd.Name, s.msg("entries.no_such_entry", "ID", cmd.ID))
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	manager := s.IsManager(c.UserID)
	if old.LoggedBy != c.UserID && !manager {
		return Reply{Outcome: OutcomeRefused, Title: s.msg("audit.not_yours_to_correct", "ID", old.ID, "LoggedBy", s.name(ctx, old.LoggedBy))}
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	p, _ := s.programByID(programs, old.ProgramID)
	if old.Voided() {
		if r, ok, err := s.correctedAlready(ctx, cmd, old, p.Unit); err != nil || ok {
			if err != nil {
				return s.storageFailure(ctx, cmd.Name, err)
			}
			return r
		}
		return Reply{Outcome: OutcomeRefused, Title: s.msg("audit.voided_cannot_correct", "ID", old.ID)}
	}
	figure := old.Count
	if old.Kind == KindCumulative {
		figure = old.ReportedTotal
	}
	// 30여 → 30 is a correction (the figure became exact), 30 → 30 is not.
	// Asked before the words are read: `정정 25 25 집계 누락분 반영` on a 25
	// changes nothing, whatever its words say (review r27 F3).
	if cmd.Count.Value == figure && cmd.Count.Approximate == old.Approximate {
		// the same figure: a 정정 meant for another field (고용형태 임시로
		// 정정) is told how that is done (review r22 F5)
		return Reply{Outcome: OutcomeRefused, Title: s.msg("audit.same_figure", "ID", old.ID, "Count", s.entryFigure(old, p.Unit)) +
			" " + s.msg("lead.same_figure_other_field", "ID", old.ID)}
	}
	if cmd.AddedWords != "" && !reasonExplainsCorrection(cmd.AddedWords, figure, cmd.Count.Value) {
		return s.correctionReadsAsAddition(ctx, cmd, old, figure, reason)
	}
	if r, refused, err := s.withinNotForCorrection(ctx, cmd, old); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	} else if refused {
		return r
	}
	// An answer (누계포함, 확인) to this 정정's question that 취소
	// cancelled writes nothing, as an add's does (review r16 MINOR 8).
	asked := correctionPrint(c.UserID, old.ID, cmd.Count)
	if r, cancelled, err := s.answersCancelledPrint(ctx, cmd, c.UserID, asked); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	} else if cancelled {
		return r
	}
	if !cmd.Confirmed {
		why, err := s.overYearTarget(ctx, p, old.AsOf.Year(), cmd.Count.Value, cmd.Count.Approximate)
		if old.Kind == KindCumulative && old.Status == StatusRealised {
			// a 누계's new figure is the program's total, not one entry of
			// that size: asked as a typed 누계 line is (review r24 F18:
			// "한 건에 1,710개" for a 누계 1,700 corrected to 1,710)
			why, err = s.cumulativeOverYearTarget(ctx, p, NewEntry{ProgramID: old.ProgramID, Count: cmd.Count.Value,
				Approximate: cmd.Count.Approximate, AsOf: old.AsOf, Kind: KindCumulative, Status: StatusRealised})
		}
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		if why != "" {
			r := s.correctionHeld(c, cmd, why)
			r.did = LastAction{Kind: LastHeld, Print: asked}
			return r
		}
	}
	if r, ask, err := s.askCorrectionInsideLaterReport(ctx, cmd, old, p); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	} else if ask {
		r.did = LastAction{Kind: LastHeld, Print: asked}
		return r
	}
	if r, ask, err := s.askCorrectionKeepsSeparate(ctx, cmd, old, p); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	} else if ask {
		r.did = LastAction{Kind: LastHeld, Print: asked}
		return r
	}
	// The year's total before the 정정, for the reply to say what it was
	// (review r22 F30: "2026년 누계(정정 후): 14개" hid that it was 15).
	yearBefore, err := s.store.ProgramYearTotal(ctx, p.ID, old.AsOf.Year())
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	corr := Correction{OldID: old.ID, NewCount: cmd.Count.Value, Approximate: cmd.Count.Approximate, By: c.UserID, Reason: reason, Source: c.Source, Key: c.key(":correct"), At: s.now(),
		Separate: cmd.Opts.Within != nil && !*cmd.Opts.Within}
	if corr.Source == "" {
		corr.Source = SourceConsole
	}
	if manager {
		corr.CloseReason = reason
	}
	res, err := s.store.CorrectEntry(ctx, corr)
	if closed, ok := errors.AsType[*MonthClosedError](err); ok {
		return s.monthClosedReply(ctx, cmd.Name, closed.Close, manager)
	}
	if dep, ok := errors.AsType[*DependentReportError](err); ok {
		return Reply{Outcome: OutcomeRefused, Title: s.dependentCorrection(dep, p.Unit)}
	}
	if below, ok := errors.AsType[*ReportBelowHiresError](err); ok {
		return s.reportBelowHires(ctx, cmd.Name, below)
	}
	if below, ok := errors.AsType[*CumulativeBelowError](err); ok {
		return s.refuse(cmd.Name, s.cumulativeBelow(ctx, p, below, cmd.Count.Approximate))
	}
	if later, ok := errors.AsType[*LaterReportError](err); ok {
		return s.refuse(cmd.Name, s.laterReportRefusal(p, later))
	}
	if errors.Is(err, ErrAlreadyVoided) {
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("audit.voided_cannot_correct", "ID", old.ID)}
	}
	if over, ok := errors.AsType[*OverRealisedError](err); ok && over.Agreement.ID != old.ID {
		// A hire's 정정: the agreement's other hires count, this one is
		// the figure being changed. Said as "0 hired" the reply hid the
		// hire's own count (k44 F13).
		size, about := over.Agreement.Count, over.Agreement.Approximate
		hired := over.Realised + old.Count
		return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg("k44.correct_hire_over", "ID", old.ID,
			"Agreement", over.Agreement.ID, "Size", s.unitCount(size, about, p.Unit),
			"Own", s.unitCount(old.Count, false, p.Unit), "Hired", s.unitCount(hired, false, p.Unit),
			"Left", s.unitCount(size-hired, about && size != hired, p.Unit),
			"Count", s.unitCount(cmd.Count.Value, false, p.Unit), "Max", s.unitCount(size-over.Realised, about, p.Unit))}
	}
	if r, ok := s.agreementRefusal(ctx, cmd.Name, err, p, cmd.Count.Value); ok {
		return r
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	return s.corrected(ctx, res, p, figure, cmd.Count.Value, reason, yearBefore)
}

// correctionHeld asks to confirm a 정정 to a figure larger than the year's
// target, as an add of it is asked: nothing is changed. The line to type
// (and the button's command) is the 정정 with 확인:예 before its 사유:; a
// second press finds the entry corrected already and says so.
func (s *Service) correctionHeld(c Caller, cmd Command, why string) Reply {
	line := withConfirm(cmd.Line, s.msg("guards.confirm_word")+":"+s.msg("guards.confirm_yes"))
	if c.Source == SourceConsole {
		return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: why,
			Sections: []Section{{Lines: []string{s.msg("guards.record_anyway_size_console", "Line", line)}}}}
	}
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: why,
		Sections: []Section{{Lines: []string{s.msg("guards.record_anyway_size", "Line", line)}}},
		Actions:  []Action{{ID: ActionConfirm, Label: s.msg("guards.record_anyway"), Command: line, Style: "primary"}}}
}

// correctedAlready refuses a 정정 of an entry a correction replaced,
// naming the entry that holds the figure now, so the reply reads as
// "#1 was corrected to #2; correct #2" rather than "#1 is voided".
func (s *Service) correctedAlready(ctx context.Context, cmd Command, old Entry, unit string) (Reply, bool, error) {
	live := old.ID
	for range 50 { // a chain of corrections, followed to its live end
		marks, err := s.store.EntryMarks(ctx, []int64{live})
		if err != nil {
			return Reply{}, false, err
		}
		next := marks[live].CorrectedTo
		if next == 0 {
			break
		}
		live = next
	}
	if live == old.ID {
		return Reply{}, false, nil
	}
	e, err := s.store.Entry(ctx, live)
	if err != nil {
		return Reply{}, false, err
	}
	if e.Voided() {
		return Reply{}, false, nil
	}
	figure := e.Count
	if e.Kind == KindCumulative {
		figure = e.ReportedTotal
	}
	if figure == cmd.Count.Value && e.Approximate == cmd.Count.Approximate {
		// The same 정정 sent again: nothing to do, and no 정정 of the
		// replacement to the figure it holds is offered (review r27 F3).
		return Reply{Outcome: OutcomeRefused, Title: s.msg("r27b.corrected_already_that", "ID", old.ID, "Live", live,
			"Count", s.entryFigure(e, unit))}, true, nil
	}
	// The figure as it stands, 여 and 누계 included, and the command to
	// retype with the 여 it was typed with (k35 L2).
	retype := numbers.Format(cmd.Count.Value)
	if cmd.Count.Approximate {
		retype += "여"
	}
	return Reply{Outcome: OutcomeRefused, Title: s.msg("audit.already_corrected", "ID", old.ID, "Live", live,
		"Count", s.entryFigure(e, unit), "Command", commandName(cmd.Name), "New", retype)}, true, nil
}

// entryFigure is an entry's own figure, for a reply about that entry: a 누계
// report's reported total named as 누계 (누계 110여개), a delta's count,
// each with 여 when the entry carries it.
func (s *Service) entryFigure(e Entry, unit string) string {
	if e.Kind == KindCumulative {
		return s.msg("corrections.undone_cumulative", "Total", s.unitCount(e.ReportedTotal, e.Approximate, unit))
	}
	return s.unitCount(e.Count, e.Approximate, unit)
}

// reasonExplainsCorrection says a 정정's words that read as more name the
// number that takes the figure to the count typed: `정정 19 25 11월분 집계
// 누락 5명 반영` on a 20 is the 정정 to 25, 20 + 5 (review r27 F2), and is
// recorded with its words as the reason.
func reasonExplainsCorrection(words string, figure, count int64) bool {
	if count <= figure {
		return false
	}
	for _, w := range strings.Fields(words) {
		n, err := numbers.Parse(strings.Trim(w, "()[]{}<>.,;:!?~-'\"“”‘’"))
		if err == nil && !n.Approximate && n.Value > 0 && figure+n.Value == count {
			return true
		}
	}
	return false
}

// correctionReadsAsAddition refuses a 정정 whose count is followed by words
// saying it is an addition (review F36), naming the words, what the entry
// records now, and both lines: the corrected whole figure, or an add of
// the count on the entry's date and program. A count above the entry's
// figure may be the corrected total itself: then both readings are 정정
// lines with the words as the reason, and no add of the count is offered,
// which would file the total again as new jobs (review r27 F2).
func (s *Service) correctionReadsAsAddition(ctx context.Context, cmd Command, old Entry, figure int64, reason string) Reply {
	programs, _ := s.store.Programs(ctx) // on failure the lines name the code
	name, unit := s.programOf(programs, old.ProgramID, old.ProgramCode)
	word := old.ProgramCode // the program as a person types it: a Korean alias in Korean
	for _, p := range programs {
		if p.ID == old.ProgramID {
			word = s.programWord(p)
		}
	}
	date := fmt.Sprintf("%d/%d", int(old.AsOf.Month()), old.AsOf.Day())
	if old.AsOf.Year() != s.today().Year() {
		date = old.AsOf.Format(time.DateOnly)
	}
	count := s.unitCount(cmd.Count.Value, cmd.Count.Approximate, unit)
	if cmd.Count.Value > figure {
		typed := numbers.Format(cmd.Count.Value)
		if cmd.Count.Approximate {
			typed += "여"
		}
		return Reply{Command: cmd.Name, Outcome: OutcomeRefused,
			Title: s.msg("r27b.correct_words_read_as_more", "Words", cmd.AddedWords, "Count", count,
				"Entry", s.entryBrief(ctx, old), "Figure", s.unitCount(figure, old.Approximate, unit)),
			Sections: []Section{{Lines: []string{
				s.msg("r27b.correct_as_total", "ID", old.ID, "Count", count, "N", typed, "Reason", reason),
				s.msg("r27b.correct_as_more", "ID", old.ID, "Count", count, "Sum", s.unitCount(figure+cmd.Count.Value, false, unit),
					"SumPlain", numbers.Format(figure+cmd.Count.Value), "Reason", reason),
			}}}}
	}
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused,
		Title: s.msg("k31.correct_reads_as_addition", "Words", cmd.AddedWords, "Count", count, "ID", old.ID,
			"Entry", s.entryBrief(ctx, old), "Figure", s.unitCount(figure, old.Approximate, unit)),
		Sections: []Section{{Lines: []string{
			s.msg("k31.correct_whole_figure", "ID", old.ID, "Sum", s.unitCount(figure+cmd.Count.Value, false, unit), "SumPlain", figure+cmd.Count.Value),
			s.msg("k31.or_add_the_count", "Count", count, "Program", name, "Line", s.msg("k31.add_line", "Program", word, "N", cmd.Count.Value, "Date", date)),
		}}}}
}

// corrected confirms a correction: old → new and every 누계 it changed.
func (s *Service) corrected(ctx context.Context, res CorrectionResult, p Program, oldFigure, newFigure int64, reason string, before ProgramTotal) Reply {
	was, now := s.unitCount(oldFigure, res.Old.Approximate, p.Unit), s.unitCount(newFigure, res.New.Entry.Approximate, p.Unit)
	// A 누계 report's title names what the figures are: the total through
	// its date (k35 L3).
	corrected, agrees := "audit.corrected", "audit.corrected_agrees"
	if res.Old.Kind == KindCumulative {
		corrected, agrees = "k35.corrected_cumulative", "k35.corrected_cumulative_agrees"
		if res.Old.Status == StatusAgreed {
			// an agreement's 누계 is not the jobs' 누계: named 약정 누계 (r11)
			corrected, agrees = "k43.corrected_agreed_cumulative", "k43.corrected_agreed_cumulative_agrees"
		}
	}
	title := s.msg(corrected, "ID", res.Old.ID, "NewID", res.New.Entry.ID, "Program", s.programLabel(p),
		"Old", was, "New", now, "Date", s.date(res.Old.AsOf))
	if res.New.Agrees {
		title = s.msg(agrees, "ID", res.Old.ID, "Program", s.programLabel(p),
			"Old", was, "New", now, "Date", s.date(res.Old.AsOf))
	}
	lines := []string{s.msg("entries.reason", "Reason", reason)}
	if marks, err := s.store.EntryMarks(ctx, []int64{res.Old.ID}); err != nil {
		s.log.WarnContext(ctx, "reading the correction chain failed", "err", err) // the correction is written; only the note is missing
	} else if of := marks[res.Old.ID].CorrectionOf; of != 0 {
		lines = append(lines, s.msg("audit.correction_of_correction", "ID", res.Old.ID, "Original", of, "NewID", res.New.Entry.ID))
	}
	if res.AfterClose {
		lines = append(lines, s.msg("audit.after_close_marked"))
	}
	lines = append(lines, s.adjustedLines(ctx, res.Adjusted, p.Unit)...)
	if res.Old.Kind == KindDelta && !res.New.Agrees {
		// The reports recorded before the delta did not count it and were
		// not re-based: their totals move by the change, as an add's do.
		moved, err := s.movedReportLines(ctx, res.New.Entry, res.New.Entry.Count-res.Old.Count, res.Adjusted, p)
		if err != nil {
			s.log.WarnContext(ctx, "reading the reports a corrected delta moves failed", "err", err) // the correction is written
		}
		lines = append(lines, moved...)
	}
	lines = append(lines, s.agreementSizesKeptLines(ctx, res, p, newFigure-oldFigure)...)
	if res.Old.Kind == KindCumulative {
		// The title says what the report now states, which is now the
		// ledger's total through its date; deltas recorded since the
		// report first was, dated on or before it, are inside it.
		increment := res.New.Entry.Count
		if res.New.Agrees {
			increment = -1
		}
		line, err := s.reportLedgerLine(ctx, res.Old, increment, s.correctionRoot(ctx, res.Old.ID), p)
		if !res.New.Agrees {
			// Answered 누계포함:아니오: the separate deltas stay beside
			// the figure typed, not inside it (review r22 F30).
			if kept := s.separateKeptLine(ctx, res.New.Entry, p); kept != "" {
				line, err = kept, nil
			}
		}
		if err != nil {
			s.log.WarnContext(ctx, "reading the ledger through a corrected report failed", "err", err) // the correction is written
		} else if line != "" {
			lines = append(lines, line)
		}
	}
	t, err := s.store.ProgramYearTotal(ctx, p.ID, res.Old.AsOf.Year())
	if err != nil {
		return s.storageFailure(ctx, cmdCorrect, err)
	}
	if res.Old.Status == StatusAgreed { // an agreement is no job: its total is the 약정 누계
		lines = append(lines, s.msg("audit.agreed_total_now", "Program", s.programLabel(p), "Year", res.Old.AsOf.Year(),
			"Total", s.unitCount(t.Agreed, t.AgreedApproximate, p.Unit)))
	} else if before.Jobs != t.Jobs {
		lines = append(lines, s.msg("i47.year_total_moved", "Program", s.programLabel(p), "Year", res.Old.AsOf.Year(),
			"Before", s.unitCount(before.Jobs, before.Approximate > 0, p.Unit), "Total", s.unitCount(t.Jobs, t.Approximate > 0, p.Unit)))
	} else {
		lines = append(lines, s.msg("audit.year_total_now", "Program", s.programLabel(p), "Year", res.Old.AsOf.Year(),
			"Total", s.unitCount(t.Jobs, t.Approximate > 0, p.Unit)))
	}
	did := LastAction{Kind: LastOther} // a 정정 that recorded no replacement: nothing for 취소 to restore from
	if !res.New.Agrees && res.New.Entry.ID != 0 {
		did = LastAction{Kind: LastEntry, EntryID: res.New.Entry.ID}
	}
	return Reply{Title: title, Sections: []Section{{Lines: lines}}, did: did}
}

// correctionRoot is the first entry of the correction chain id ends: the
// place in recording order its figure stands at, since the entries recorded
// after that one were recorded against it. id itself when the chain cannot
// be read (the caller only names entries after it then).
func (s *Service) correctionRoot(ctx context.Context, id int64) int64 {
	for range 50 {
		marks, err := s.store.EntryMarks(ctx, []int64{id})
		if err != nil || marks[id].CorrectionOf == 0 {
			return id
		}
		id = marks[id].CorrectionOf
	}
	return id
}

// programByID finds a program in the list.
func (s *Service) programByID(programs []Program, id int64) (Program, bool) {
	for _, p := range programs {
		if p.ID == id {
			return p, true
		}
	}
	return Program{ID: id}, false
}

// hireDayChoice answers a 채용 dated by a weekday alone typed on that
// weekday (cmd.dayChoice) with its question, keeping its two lines as the
// question's answers, as an add's are (holdDayChoice): whichever records,
// the other is refused (issue 20, links5). An agreement not found is left
// to the lines typed back, which are refused for it.
func (s *Service) hireDayChoice(ctx context.Context, c Caller, cmd Command) Reply {
	a, err := s.store.Entry(ctx, cmd.ID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if err == nil && !errors.Is(CheckHire(a, 0, 0, cmd.dayChoice.Days[0]), ErrNotAgreement) {
		hire := NewEntry{ProgramID: a.ProgramID, Count: cmd.Count.Value, Kind: KindDelta, Status: StatusRealised,
			Department: a.Department, LoggedBy: c.UserID, Agreement: a.ID, Note: strings.TrimSpace(cmd.Opts.Note)}
		if err := s.holdDayChoice(ctx, c, hire, cmd.dayChoice.Days); err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
	}
	return s.usageReply(cmd.dayChoice)
}

// hire answers `hire <agreement> <count> [date]` (채용): part or all of an
// agreement realised as jobs on the date.
func (s *Service) hire(ctx context.Context, c Caller, cmd Command) Reply {
	if r, refused := s.backtickInLine(cmd); refused {
		return r
	}
	if cmd.dayChoice != nil {
		return s.hireDayChoice(ctx, c, cmd)
	}
	a, err := s.store.Entry(ctx, cmd.ID)
	if errors.Is(err, ErrNotFound) {
		if r, ok := s.nothingNotCorrectable(ctx, cmd); ok {
			return r
		}
		return s.refuse(cmd.Name, s.msg("entries.no_such_entry", "ID", cmd.ID))
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	day := s.today()
	if cmd.Opts.Date != nil {
		day = *cmd.Opts.Date
	}
	// The count is checked against what the agreement has left by the
	// store, under its lock (HireAgreement runs CheckHire again).
	checked := CheckHire(a, 0, 0, day)
	if errors.Is(checked, ErrNotAgreement) {
		return s.refuse(cmd.Name, s.msg("audit.not_an_agreement", "ID", a.ID))
	}
	// A hire's date lies between the agreement's and today: both refusals
	// name that span, never "today or earlier", which offered days before
	// the agreement (review r24 F22).
	if day.After(s.today()) {
		return s.refuse(cmd.Name, s.msg("labels.hire_in_future", "AsOf", s.date(day), "ID", a.ID, "From", s.date(a.AsOf), "Today", s.date(s.today())))
	}
	if _, ok := errors.AsType[*HireBeforeAgreementError](checked); ok {
		return s.refuse(cmd.Name, s.msg("audit.hire_before_agreement", "Date", s.date(day), "ID", a.ID, "AsOf", s.date(a.AsOf))+" "+
			s.msg("labels.hire_date_range", "From", s.date(a.AsOf), "Today", s.date(s.today())))
	}
	if cmd.Opts.Reason != "" { // a reason says why a closed month changes, and is kept nowhere else
		if r, refused := s.reasonInOpenMonth(ctx, cmd.Name, day); refused {
			return r
		}
	}
	note := strings.TrimSpace(cmd.Opts.Note)
	if utf8.RuneCountInString(note) > MaxNoteRunes {
		return s.refuse(cmd.Name, s.msg("shared.note_too_long", "MaxNoteRunes", MaxNoteRunes))
	}
	var closed func(time.Time) bool
	if cmd.Opts.Reason != "" {
		if closed, err = s.closedMonths(ctx); err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
	}
	if why, named := s.hireNamesAnotherMonth(a.ID, cmd.Count.Value, note, cmd.Opts.Reason, closed, day, s.today()); why != "" {
		if !named.IsZero() {
			// its two lines answer one question, as an add's (review r33 M3)
			hire := NewEntry{ProgramID: a.ProgramID, Count: cmd.Count.Value, Kind: KindDelta, Status: StatusRealised,
				Department: a.Department, LoggedBy: c.UserID, Agreement: a.ID, Note: note}
			days := []time.Time{named, day}
			if _, first, second, ok := ambiguousNoteDays(note); ok {
				days = []time.Time{first, second} // 12.1.2026: both lines dated (review r35q4)
			}
			if err := s.holdNoteLines(ctx, c, hire, days); err != nil {
				return s.storageFailure(ctx, cmd.Name, err)
			}
		}
		return s.refuse(cmd.Name, why) // filed in one month, its note saying another
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	p, _ := s.programByID(programs, a.ProgramID)
	// The entry the hire would record, as an add's: the repeat hold and the
	// confirmation (button, 확인:예) are the add's own (add_guards.go), and
	// it is stamped with the service's clock (review r5 L1, S7).
	e := NewEntry{
		ProgramID: a.ProgramID, Count: cmd.Count.Value, Kind: KindDelta, AsOf: day, Status: StatusRealised,
		EmploymentType: a.EmploymentType, Department: a.Department, Note: note,
		LoggedBy: c.UserID, Source: c.Source, IdempotencyKey: c.key(":hire"), RecordedAt: s.now(), Agreement: a.ID,
	}
	if e.Source == "" {
		e.Source = SourceConsole
	}
	if r, cancelled, err := s.answersCancelled(ctx, cmd, e); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	} else if cancelled {
		return r
	}
	if err := s.confirmedBy(ctx, &cmd, &e); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if r, moved, err := s.confirmDayMoved(ctx, cmd, e); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	} else if moved {
		return r
	}
	answered, unasked, err := s.confirmedByTyping(ctx, cmd, &e)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	} else if answered != "" {
		r, err := s.answeredAlready(ctx, cmd, answered)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		return r
	}
	if r, used, err := s.otherAnswerUsed(ctx, cmd, &e); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	} else if used {
		return r
	}
	if !cmd.Confirmed || unasked { // 확인:예 answering no question: a repeat is asked as without it (links5)
		if r, ask, err := s.askAboutRepeat(ctx, c, e, p, cmd); err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		} else if ask {
			return r
		}
	}
	if !cmd.Confirmed {
		// A hire larger than the year's target is held as an add of the
		// same figure is (review r22 F31: it was recorded straight away).
		why, err := s.overYearTarget(ctx, p, day.Year(), e.Count, false)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		if why != "" {
			r, _, err := s.confirmReply(ctx, c, cmd, e, false, why, nil)
			if err != nil {
				return s.storageFailure(ctx, cmd.Name, err)
			}
			return r
		}
	}
	if r, ask, err := s.askInsideLaterReport(ctx, cmd, e, p); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	} else if ask {
		return r
	}
	manager := s.IsManager(c.UserID)
	h := Hire{AgreementID: a.ID, Count: cmd.Count.Value, AsOf: day, By: c.UserID, Source: e.Source, Key: e.IdempotencyKey,
		Note: note, At: e.RecordedAt, WithinReports: cmd.Opts.Within != nil && *cmd.Opts.Within, Answers: e.Answers}
	if manager {
		h.CloseReason = CleanReason(cmd.Opts.Reason)
	}
	res, err := s.store.HireAgreement(ctx, h)
	if answered, ok := errors.AsType[*AnsweredError](err); ok {
		// another answer of its question recorded meanwhile
		r, err := s.answerRecorded(ctx, cmd, e, answered.Entry)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		return r
	}
	if closed, ok := errors.AsType[*MonthClosedError](err); ok {
		return s.monthClosedReply(ctx, cmd.Name, closed.Close, manager)
	}
	if beyond, ok := errors.AsType[*HireBeyondReportError](err); ok {
		return s.beyondReport(cmd, e, beyond, p)
	}
	if r, ok := s.agreementRefusal(ctx, cmd.Name, err, p, cmd.Count.Value); ok {
		return r
	}
	if errors.Is(err, ErrNotAgreement) {
		return s.refuse(cmd.Name, s.msg("audit.not_an_agreement", "ID", a.ID))
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if res.Duplicate {
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("entries.duplicate_request", "ID", res.Hire.Entry.ID)}
	}
	left := res.Agreement.Count - res.Realised
	approximate, err := s.approximateNow(ctx, p.ID, day.Year(), res.Hire.ProgramApproximate)
	if err != nil {
		s.log.WarnContext(ctx, "reading whether the total is approximate", "err", err) // the hire is written; keep the store's 여 rather than drop it
		approximate = res.Hire.ProgramApproximate
	}
	title := s.msg("audit.hired", "ID", res.Hire.Entry.ID, "Agreement", a.ID, "Program", s.programLabel(p),
		"Count", s.unitCount(cmd.Count.Value, false, p.Unit), "Date", s.date(day))
	var lines []string
	if note != "" {
		lines = append(lines, s.msg("entries.note", "Note", note))
	}
	lines = append(lines,
		// An agreement of about 300 (약 300 약정) leaves about 220: its 여
		// carries to what is left, never to the hires, which are exact (r15 F8).
		s.msg("audit.agreement_progress", "ID", a.ID, "Size", s.unitCount(res.Agreement.Count, res.Agreement.Approximate, p.Unit),
			"Realised", s.unitCount(res.Realised, false, p.Unit), "Left", s.unitCount(left, res.Agreement.Approximate && left > 0, p.Unit)),
		s.msg("entries.total_for_d", "Program", s.programLabel(p), "Year", day.Year(),
			"ProgramTotal", s.unitCount(res.Hire.ProgramTotal, approximate, p.Unit)),
	)
	switch {
	case left == 0 && res.Agreement.Approximate:
		// 100여 is about 100: hires reaching 100 say so, never that the
		// agreement is used up (r20 G45).
		lines[len(lines)-2] = s.msg("k57.agreement_progress_approx", "ID", a.ID,
			"Size", s.unitCount(res.Agreement.Count, true, p.Unit), "Realised", s.unitCount(res.Realised, false, p.Unit))
	case left == 0:
		lines = append(lines, s.msg("audit.agreement_fulfilled", "ID", a.ID))
	}
	// Filed under the agreement's department: say so when the person
	// reports for another, as the add does (review r13 A5), who might
	// have meant an agreement of their own and look for it there.
	if own := s.callerDepartment(ctx, c.UserID); own != "" && own != res.Hire.Entry.Department {
		if res.Hire.Entry.Department == p.Department {
			lines = append(lines, s.msg("entries.filed_under_program_department", "Department", res.Hire.Entry.Department, "Own", own))
		} else {
			lines = append(lines, s.msg("hires.filed_under_agreement_department", "Department", res.Hire.Entry.Department, "ID", a.ID, "Own", own))
		}
	}
	switch {
	case h.WithinReports:
		// Inside the later reports: the first was re-based and keeps its
		// total; say so, and that nothing else moved.
		lines = append(lines, s.withinKeptLines(e, res.Rebased, p)...)
	default:
		// A hire dated on or before a later 누계 report raises that
		// report's ledger total as an add does: say so the same way.
		if later, err := s.laterReportLines(ctx, res.Hire.Entry, p); err != nil {
			s.log.WarnContext(ctx, "later reports after a hire", "entry", res.Hire.Entry.ID, "err", err)
		} else {
			lines = append(lines, later...)
		}
	}
	return Reply{Title: title, Sections: []Section{{Lines: lines}}, Actions: []Action{{
		ID: ActionUndo, Label: s.msg("entries.undo"), Command: fmt.Sprintf("void %d %s", res.Hire.Entry.ID, s.msg("entries.undo_reason")), Style: "danger",
	}}, did: LastAction{Kind: LastEntry, EntryID: res.Hire.Entry.ID}}
}

// withinTexts are the message IDs of the 누계포함 question and its answers
// for one kind of delta: a 채용 speaks of hires, an 추가 of jobs (실적).
type withinTexts struct {
	ask, ifInside, cannotBeInside, ifSeparate, ifSeparateAll, buttonSeparate, kept, beyond string
	// The refusals when the delta equals the report's increase, which
	// "only N" misstates (review r23 M4).
	cannotBeInsideEqual, beyondEqual string
}

// withinTextsFor picks the texts for e: a hire (e.Agreement set) or an add.
func withinTextsFor(e NewEntry) withinTexts {
	if e.Agreement != 0 {
		return withinTexts{"hires.inside_later_report", "hires.if_inside", "hires.cannot_be_inside", "hires.if_separate",
			"k52.hires_if_separate_all", "hires.button_separate", "hires.report_kept", "hires.beyond_report",
			"labels.hires_cannot_be_inside_equal", "labels.hires_beyond_report_equal"}
	}
	return withinTexts{"within.inside_later_report", "within.if_inside", "within.cannot_be_inside", "within.if_separate",
		"k52.within_if_separate_all", "within.button_separate", "within.report_kept", "within.beyond_report",
		"labels.within_cannot_be_inside_equal", "labels.within_beyond_report_equal"}
}

// askInsideLaterReport holds a delta (a 채용, or an 추가 from the typed
// line, the add form or a reminder's Report now) dated on or before a later
// 누계 report of its program and status until the official says whether
// the jobs are already inside that report (review r5 A4 for hires): a 과
// often enters jobs late that the 누계 it reported since already counted,
// and recorded as a new delta they would raise that 누계 silently. The
// question names the first later report, what each answer does to it (and,
// for separate jobs, to every later report, review F16), and
// the line for each answer (누계포함:예 keeps the reported total,
// 누계포함:아니오 raises it), the answer before the line's 메모:; a button
// for each in Slack. Nothing is written. The one question for 채용 and 추가.
func (s *Service) askInsideLaterReport(ctx context.Context, cmd Command, e NewEntry, p Program) (Reply, bool, error) {
	if e.Kind != KindDelta {
		return Reply{}, false, nil
	}
	var asked time.Time // when the question a typed answer answers was asked
	if cmd.Opts.Within != nil {
		var err error
		if asked, err = s.withinAskedAt(ctx, e); err != nil || asked.IsZero() {
			return Reply{}, false, err // typed with no question asked: the answer stands
		}
	}
	reports, err := s.laterReports(ctx, e)
	if err != nil {
		return Reply{}, false, err
	}
	if len(reports) == 0 {
		return Reply{}, false, nil
	}
	if cmd.Opts.Within != nil {
		// The answer is asked again, as fresh, only when it would change a
		// report recorded after its question was asked, one the question
		// never named (review r49 F1: a colleague's newer 누계 very likely
		// counts the same jobs): 예 re-bases the first report, 아니오 raises
		// them all.
		changed := reports
		if *cmd.Opts.Within {
			changed = reports[:1]
		}
		if !slices.ContainsFunc(changed, func(r Entry) bool { return r.CreatedAt.After(asked) }) {
			return Reply{}, false, nil
		}
	}
	first := &reports[0] // the report deciding the earliest later date: the latest recorded of that date
	through, err := s.programThrough(ctx, e.ProgramID, e.Status, first.AsOf)
	if err != nil {
		return Reply{}, false, err
	}
	closedMonth, err := s.closedMonthOf(ctx)
	if err != nil {
		return Reply{}, false, err
	}
	t := withinTextsFor(e)
	ask := t.ask
	if e.AsOf.Equal(first.AsOf) { // the same day is not "earlier" (review r13 W1)
		ask = "k46.within_same_day"
		if e.Agreement != 0 {
			ask = "k46.hires_same_day"
		}
	}
	why := s.msg(ask, "AsOf", s.date(first.AsOf), "ID", first.ID,
		"Total", s.unitCount(through, first.Approximate, p.Unit), "Date", s.date(e.AsOf),
		"Count", s.unitCount(e.Count, false, p.Unit))
	yes, no := s.withinLine(cmd, true), s.withinLine(cmd, false)
	lines := []string{s.msg("hires.nothing_recorded_yet")}
	inside := first.Count > e.Count // the report added more than the delta: it may hold it
	// An add of exactly what the report added is most likely that very
	// increase retyped: inside, nothing to record (review r13 W1). A hire
	// must be recorded to realise its agreement, and cannot leave the
	// report no increase of its own.
	exactly := first.Count == e.Count && e.Agreement == 0
	switch {
	case exactly:
		inside = true
		lines = append(lines, s.msg("k46.within_exactly", "ID", first.ID, "AsOf", s.date(first.AsOf),
			"Total", s.unitCount(through, first.Approximate, p.Unit), "Increment", s.unitCount(first.Count, first.Approximate, p.Unit), "Line", yes))
	case inside && closedMonth(first.AsOf) != nil:
		// 누계포함:예 re-bases the report, dated in a closed month: staff
		// cannot record it, and a manager must give 사유: (review r47 A3:
		// the line offered was refused as the month closed). Said up
		// front; no 예 line or button for staff.
		c := closedMonth(first.AsOf)
		args := []any{"ID", first.ID, "AsOf", s.date(first.AsOf), "Month", s.period(monthPeriod(c.Month)),
			"Total", s.unitCount(through, first.Approximate, p.Unit),
			"Old", s.unitCount(first.Count, first.Approximate, p.Unit), "New", s.unitCount(first.Count-e.Count, first.Approximate, p.Unit)}
		if s.IsManager(e.LoggedBy) {
			lines = append(lines, s.msg("cand3.within_inside_closed_manager", append(args, "Line", withReasonWord(s, yes))...))
		} else {
			lines = append(lines, s.msg("cand3.within_inside_closed_staff", args...))
		}
		inside = false // no button: a button's line carries no 사유:
	case inside:
		lines = append(lines, s.msg(t.ifInside, "ID", first.ID, "AsOf", s.date(first.AsOf),
			"Total", s.unitCount(through, first.Approximate, p.Unit),
			// The increment is part of the report's figure and carries its 여,
			// as the program line does (review r47 F9).
			"Old", s.unitCount(first.Count, first.Approximate, p.Unit), "New", s.unitCount(first.Count-e.Count, first.Approximate, p.Unit), "Line", yes))
	default:
		key := t.cannotBeInside
		if first.Count == e.Count {
			// Not "증가분이 100개뿐": the increase is as large as the hire,
			// and it is the report's own increase that would be gone
			// (review r23 M4).
			key = t.cannotBeInsideEqual
		}
		lines = append(lines, s.msg(key, "ID", first.ID, "Increment", s.unitCount(first.Count, false, p.Unit)))
	}
	if len(reports) == 1 {
		lines = append(lines, s.msg(t.ifSeparate, "ID", first.ID, "AsOf", s.date(first.AsOf),
			"Total", s.unitCount(through, first.Approximate, p.Unit),
			"Raised", s.unitCount(through+e.Count, first.Approximate, p.Unit), "Line", no))
	} else { // separate jobs raise every later report, not only the first (review F16)
		named, err := s.reportsRaised(ctx, reports, e.Count, p)
		if err != nil {
			return Reply{}, false, err
		}
		lines = append(lines, s.msg(t.ifSeparateAll, "Reports", named, "Line", no))
	}
	var actions []Action
	if inside {
		actions = append(actions, Action{ID: ActionConfirm, Label: s.msg("hires.button_inside"), Command: yes, Style: "primary"})
	}
	actions = append(actions, Action{ID: ActionConfirm, Label: s.msg(t.buttonSeparate), Command: no})
	if err := s.store.HoldConfirmation(ctx, e.LoggedBy, withinAskedPrint(e), withinAskedToken(s.now()), s.now()); err != nil {
		return Reply{}, false, err
	}
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: why, Sections: []Section{{Lines: lines}}, Actions: actions,
		did: LastAction{Kind: LastHeld, Print: holdPrint(e)}}, true, nil
}

// withinAskedPrint is the print under which held_confirmations keeps when
// the 누계포함 question about e was last asked (askInsideLaterReport): the
// fields holdPrint compares (a retyped note is the same question) and the
// agreement of a 채용.
func withinAskedPrint(e NewEntry) string {
	return taggedPrint("withinasked", fmt.Sprintf("%s\x00%d", holdPrint(e), e.Agreement))
}

// withinAskedToken is the time a 누계포함 question was asked, kept as a
// held_confirmations token (32 hex digits): the reports it named are those
// recorded by then, so a typed answer is compared with the reports
// recorded since (entries.created_at, the service's clock, as this is).
func withinAskedToken(at time.Time) string {
	return fmt.Sprintf("%016x%016x", uint64(at.UnixNano()), 0)
}

// withinAskedAt is when the 누계포함 question about e was last asked
// within AnswerWindow, zero if it was not (or the token is not a time).
func (s *Service) withinAskedAt(ctx context.Context, e NewEntry) (time.Time, error) {
	token, err := s.store.HeldConfirmation(ctx, e.LoggedBy, withinAskedPrint(e), s.now().Add(-AnswerWindow))
	if err != nil || len(token) != 32 {
		return time.Time{}, err
	}
	n, err := strconv.ParseUint(token[:16], 16, 64)
	if err != nil {
		return time.Time{}, nil // not a time kept by withinAskedToken: no question known
	}
	return time.Unix(0, int64(n)), nil
}

// laterReports are the 누계 reports deciding the dates on and after a
// delta's, in its year, the first deciding the earliest: the reports the
// 누계포함 question names.
func (s *Service) laterReports(ctx context.Context, e NewEntry) ([]Entry, error) {
	later, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: e.ProgramID, From: e.AsOf, To: dates.On(e.AsOf.Year(), 12, 31), Limit: 200})
	if err != nil {
		return nil, err
	}
	return decidingReports(later, e.Status, 0), nil
}

// firstLaterReport is the report 누계포함:예 on the delta e re-bases.
func (s *Service) firstLaterReport(ctx context.Context, e NewEntry) (Entry, bool, error) {
	reports, err := s.laterReports(ctx, e)
	if err != nil || len(reports) == 0 {
		return Entry{}, false, err
	}
	return reports[0], true, nil
}

// closedMonthOf is, for a day, the close of its month, or nil while it is
// open, as the store has the closes now.
func (s *Service) closedMonthOf(ctx context.Context) (func(day time.Time) *MonthClose, error) {
	today := s.today()
	closes, err := s.store.MonthClosesBetween(ctx, dates.On(today.Year()-5, 1, 1), today)
	if err != nil {
		return nil, err
	}
	return func(day time.Time) *MonthClose {
		for i, c := range closes {
			if c.Month.Year() == day.Year() && c.Month.Month() == day.Month() {
				return &closes[i]
			}
		}
		return nil
	}, nil
}

// withReasonWord is a line offered with the reason label and a place for
// the reason at its end (사유:…), which takes the rest of the line.
func withReasonWord(s *Service, line string) string {
	return line + " " + s.msg("cand3.reason_placeholder")
}

// withinLine is the line typed (or the add form's line) with 누계포함:예 or
// 누계포함:아니오 added, as the person types it: an answer given already is
// replaced, a confirmation the line carried (which Line leaves out) is kept,
// and both go before the line's 메모:/사유:, which takes the rest of the
// line, so the answer is never read as note text.
func (s *Service) withinLine(cmd Command, inside bool) string {
	line := s.offeredLine(cmd, time.Time{}) // 어제 as the day it was read as (review r39 F17)
	head, tail := line, ""
	if j, _ := restOfLineOption(line); j >= 0 {
		head, tail = line[:j], line[j:]
	}
	words := slices.DeleteFunc(strings.Fields(head), func(w string) bool { // an answer given already
		key, _, ok := strings.Cut(w, ":")
		return ok && optionKeys[fold(key)] == "within"
	})
	if cmd.Confirmed {
		words = append(words, s.msg("guards.confirm_word")+":"+s.msg("guards.confirm_yes"))
	}
	answer := s.msg("hires.within_no")
	if inside {
		answer = s.msg("guards.confirm_yes")
	}
	words = append(words, s.msg("hires.within_word")+":"+answer)
	if tail != "" {
		words = append(words, tail)
	}
	return strings.Join(words, " ")
}

// withinKeptLines says what a delta already inside the later reports
// (누계포함:예) did: the report it re-based keeps its total, or there was
// no later report, so nothing moved.
func (s *Service) withinKeptLines(e NewEntry, rebased []Adjustment, p Program) []string {
	if len(rebased) == 0 {
		return []string{s.msg("hires.no_later_report")}
	}
	var lines []string
	for _, adj := range rebased {
		lines = append(lines, s.msg(withinTextsFor(e).kept, "ID", adj.Report.ID, "AsOf", s.date(adj.Report.AsOf),
			"Total", s.unitCount(adj.Report.ReportedTotal, adj.Report.Approximate, p.Unit),
			"Old", s.unitCount(adj.OldCount, adj.Report.Approximate, p.Unit), "New", s.unitCount(adj.Report.Count, adj.Report.Approximate, p.Unit)))
	}
	return lines
}

// beyondReport refuses a delta said to be inside a later report that added
// no more than it: nothing was written; the line for separate jobs.
func (s *Service) beyondReport(cmd Command, e NewEntry, beyond *HireBeyondReportError, p Program) Reply {
	key := withinTextsFor(e).beyond
	if beyond.Report.Count == e.Count {
		key = withinTextsFor(e).beyondEqual
	}
	return s.refuse(cmd.Name, s.msg(key, "ID", beyond.Report.ID, "AsOf", s.date(beyond.Report.AsOf),
		"Total", s.unitCount(beyond.Report.ReportedTotal, beyond.Report.Approximate, p.Unit),
		"Increment", s.unitCount(beyond.Report.Count, false, p.Unit), "Count", s.unitCount(e.Count, false, p.Unit),
		"No", s.withinLine(cmd, false)))
}

// entryMarks reads the audit marks of listed entries; a failure leaves the
// list without them rather than failing it.
func (s *Service) entryMarks(ctx context.Context, es []Entry) map[int64]EntryMark {
	ids := make([]int64, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	marks, err := s.store.EntryMarks(ctx, ids)
	if err != nil {
		s.log.WarnContext(ctx, "reading entry marks", "err", err)
		return nil
	}
	return marks
}

// markText is what the list adds to an entry for the audit: corrected to,
// correction of, hire of an agreement, changed after close.
func (s *Service) markText(m EntryMark) string {
	var parts []string
	switch {
	case m.Corrected && m.CorrectedTo != 0:
		parts = append(parts, s.msg("audit.mark_corrected_to", "ID", m.CorrectedTo))
	case m.CorrectionOf != 0:
		parts = append(parts, s.msg("audit.mark_correction_of", "ID", m.CorrectionOf, "Reason", m.Reason))
	case m.UndoneOf != 0:
		parts = append(parts, s.msg("undo8.mark_undone", "ID", m.UndoneOf))
	}
	if m.Agreement != 0 {
		parts = append(parts, s.msg("audit.mark_hire_of", "ID", m.Agreement))
	}
	if m.AfterClose {
		// The reasons beside the mark, but not the 정정's reason a second
		// time: its correction-of mark names it already.
		var reasons []string
		for _, r := range m.AfterCloseReasons {
			if m.CorrectionOf == 0 || r != m.Reason {
				reasons = append(reasons, r)
			}
		}
		if len(reasons) == 0 {
			parts = append(parts, s.msg("audit.mark_after_close"))
		} else {
			parts = append(parts, s.msg("close3.mark_after_close_reason", "Reason", strings.Join(reasons, "; ")))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " · " + strings.Join(parts, " · ")
}

// stageRank is a stage's place in the pipeline; side states have none.
func stageRank(st Stage) (int, bool) {
	switch st {
	case StageDiscovered:
		return 0, true
	case StageReview:
		return 1, true
	case StageBriefing:
		return 2, true
	case StageApplied:
		return 3, true
	case StageScreening:
		return 4, true
	case StageDesignated, StageNotSelected:
		return 5, true
	}
	return 0, false
}

// movesBack reports whether a move goes back to an earlier stage of the
// pipeline, which must say why.
func movesBack(from, to Stage) bool {
	f, ok1 := stageRank(from)
	t, ok2 := stageRank(to)
	return ok1 && ok2 && t < f
}

// agreementSection is 약정 이행 per program: agreed, realised so far, rate.
// The agreements are the year's through to; a view of less than the year
// (a week, a month, a quarter: spanFrom after 1 January) titles them as the
// year to date and says beside each line what was hired in its own span,
// by the hires' dates: `현황 이번주` said "채용 17개" of a week with 7 hires,
// last week's 10 among them, as if the week's (review r37 F6).
func (s *Service) agreementSection(ctx context.Context, from, spanFrom, to time.Time, programs []Program, sc auditScope) (Section, bool, error) {
	totals, err := s.store.AgreementTotals(ctx, from, spanFrom, to, sc.dept)
	if err != nil {
		return Section{}, false, err
	}
	part := spanFrom.After(from)
	sec := Section{Heading: s.msg("audit.agreement_title")}
	span := ""
	if part {
		title := "reports19.agreement_title_to_date"
		if from.Year() != to.Year() {
			title = "agree2.agreement_title_span" // week 53: not "올해" of two years (review r43 A6)
		}
		sec.Heading = s.msg(title, "Span", s.msg("format.period.span", "From", s.date(from), "To", s.date(to)))
		span = s.msg("format.period.span", "From", s.date(spanFrom), "To", s.date(to))
	}
	var earlier []string // listed after this span's agreements
	for _, t := range totals {
		if sc.programs != nil && !sc.programs[t.ProgramID] {
			continue
		}
		p, _ := s.programByID(programs, t.ProgramID)
		if t.EarlierRealised > 0 {
			// This span's hires of earlier years' agreements: jobs of the
			// span, labelled by where their agreement belongs, so "채용 0개"
			// of this year's agreements does not read as no hires (r22 F37).
			earlier = append(earlier, s.msg("labels.agreement_earlier_line",
				"Program", s.programShort(p), "Year", from.Year(), "Realised", s.unitCount(t.EarlierRealised, false, p.Unit)))
		}
		if t.Agreed == 0 {
			continue
		}
		key, rate := "audit.agreement_line", any(pctArg(t.Realised, t.Agreed))
		if t.Approximate && percent(t.Realised, t.Agreed) > 0 {
			// 300여 agreed, 300 hired is not "100%": 300여 says more than
			// 300, so the rate is about that or lower (review r23 M3),
			// to a tenth: 600 of 13,500여 is about 4.4%, not "4% 이하"
			// (review r32 F4). No hires is 0% and under 1% is 1% 미만,
			// as exactly, whatever the agreement's 여.
			key, rate = "labels.agreement_line_approx", tenthsText(t.Realised, t.Agreed)
		}
		line := s.msg(key, "Program", s.programShort(p),
			"Agreed", s.unitCount(t.Agreed, t.Approximate, p.Unit), "Realised", s.unitCount(t.Realised, false, p.Unit),
			"Rate", rate)
		if part {
			line += s.msg("reports19.agreement_span_hired", "Span", span, "Realised", s.unitCount(t.SpanRealised, false, p.Unit))
		}
		sec.Lines = append(sec.Lines, line)
	}
	sec.Lines = append(sec.Lines, earlier...)
	return sec, len(sec.Lines) > 0, nil
}

// tenthsText is part of whole in percent to a tenth, rounded half up,
// without a trailing .0: 600 of 13,500 is "4.4", 300 of 300 "100".
func tenthsText(part, whole int64) string {
	if whole <= 0 {
		return "0"
	}
	t := (part*2000 + whole) / (2 * whole)
	if t%10 == 0 {
		return fmt.Sprint(t / 10)
	}
	return fmt.Sprintf("%d.%d", t/10, t%10)
}

// earlierAgreementsMax is how many earlier years' open agreements a view
// names; the rest are counted.
const earlierAgreementsMax = 10

// earlierAgreementsSection names the agreements of years before from's that
// are still open on to, within the scope: a new year's view carries what
// is still owed, as an earlier year's agreement, while only this year's
// hires are this year's figure (review r27 F10). Only a view of the year
// (from its 1 January through its end, or through today) carries them: a
// month, quarter or half of the year is no place for what a year before
// left owed (review r29 M6: `현황 2027년 12월` listed a 2026 agreement as
// if December's).
func (s *Service) earlierAgreementsSection(ctx context.Context, from, to time.Time, programs []Program, sc auditScope) (Section, bool, error) {
	jan1 := dates.On(from.Year(), time.January, 1)
	if !from.Equal(jan1) || (!to.Equal(dates.On(from.Year(), time.December, 31)) && to.Before(s.today())) {
		return Section{}, false, nil
	}
	open, err := s.store.OpenAgreementsBefore(ctx, dates.On(from.Year(), time.January, 1), to, sc.dept, 1000)
	if err != nil {
		return Section{}, false, err
	}
	sec := Section{Heading: s.msg("r27a.earlier_agreements_title")}
	more := 0
	for _, o := range open {
		a := o.Agreement
		if !sc.has(a.ProgramID, a.Department) {
			continue
		}
		if len(sec.Lines) == earlierAgreementsMax {
			more++
			continue
		}
		p, _ := s.programByID(programs, a.ProgramID)
		left := a.Count - o.Realised
		sec.Lines = append(sec.Lines, s.msg("r27a.earlier_agreement_line", "ID", a.ID,
			"Size", s.unitCount(a.Count, a.Approximate, p.Unit), "Realised", s.unitCount(o.Realised, false, p.Unit),
			"Left", s.unitCount(left, a.Approximate, p.Unit), "Year", a.AsOf.Year(), "Program", s.programShort(p)))
	}
	if len(sec.Lines) == 0 {
		return Section{}, false, nil
	}
	if more > 0 {
		sec.Lines = append(sec.Lines, s.msg("r27a.earlier_agreements_more", "N", more, i18n.PluralCount, more))
	}
	sec.Lines = append(sec.Lines, s.msg("r27a.earlier_agreements_note", "Year", from.Year()))
	return sec, true, nil
}

// AuditStore is the storage of the audit commands (issue 23): voids after
// a close, one-step corrections (정정), hires of agreements (채용) and the
// marks they leave on entries.
type AuditStore interface {
	// VoidEntryAfterClose is a manager's void: like VoidEntry, but an entry in a
	// closed month is voided too, with the reason, and marked 마감 후 정정
	// (the bool).
	VoidEntryAfterClose(ctx context.Context, id int64, by, reason string, at time.Time) (VoidResult, bool, error)
	// CorrectEntry replaces an entry's figure in one step (정정): in one
	// transaction it voids the entry with the reason and records its
	// replacement on the same date with the same fields, linked to it. A
	// delta's later cumulative reports are recomputed for the change of count,
	// as a void recomputes them; a cumulative report is recorded anew as the
	// difference from the total through its date. It refuses a closed month
	// unless c.CloseReason is given, and marks the change 마감 후 정정 then.
	CorrectEntry(ctx context.Context, c Correction) (CorrectionResult, error)
	// HireAgreement turns part or all of an agreement into realised jobs (채용):
	// a realised entry of the agreement's program, department and employment
	// type on h.AsOf, linked to the agreement, never realising more than its
	// count (*OverRealisedError). ErrNotAgreement if the entry is no live
	// agreement; a repeated key returns the first hire, Duplicate set.
	HireAgreement(ctx context.Context, h Hire) (HireResult, error)
	// EntryMarks returns what the audit tables say of each of ids: corrections,
	// changes after close, the agreement a hire realised. Entries with nothing
	// are left out; nil ids means every entry with a mark (the export).
	EntryMarks(ctx context.Context, ids []int64) (map[int64]EntryMark, error)
	// AgreementTotals sums, per program, the live agreements dated in [from, to]
	// and what their live hires realised (약정 이행), the part hired in
	// [spanFrom, to] apart, and the hires in [spanFrom, to] of agreements
	// dated before from.
	AgreementTotals(ctx context.Context, from, spanFrom, to time.Time, department string) ([]AgreementTotal, error)
	// StaleAgreements returns live agreements dated before before with nothing
	// realised, oldest first, at most limit: what 약정 이행 점검 asks about.
	StaleAgreements(ctx context.Context, before time.Time, limit int) ([]Entry, error)
	// OpenAgreements returns the live agreements of programID not wholly
	// realised by their live hires, oldest first, at most limit.
	OpenAgreements(ctx context.Context, programID int64, limit int) ([]OpenAgreement, error)
	// OpenAgreementsBefore returns the live agreements dated before before
	// (an earlier year's) not wholly realised by their hires dated through
	// to, oldest first, at most limit; department "" is every department.
	OpenAgreementsBefore(ctx context.Context, before, to time.Time, department string, limit int) ([]OpenAgreement, error)
}
