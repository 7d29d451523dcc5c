package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// entryDraft is an entry as typed, before it is checked against the programs.
type entryDraft struct {
	program string
	// programTyped is the program's words as typed (노인 for senior), so a
	// repeat of them is told from another of the program's names (k44).
	programTyped string
	count        numbers.Number
	cumulative   bool
	date         *time.Time
	department   string
	note         string
	status       EntryStatus
	employment   string
	// labelledNote is what followed a bare 메모 label (메모 경로당): a note
	// the user marked as one, so it is not refused as unread words.
	labelledNote string
	// agreementHire says the line's words name an agreement's hires (협약
	// 인원 채용): asked about by agreementHireAdd, not by the note's check.
	agreementHire bool
	// confirmed, within and reason are 확인:예, 누계포함: and 사유: as
	// typed, so a line offered back keeps them (k56).
	confirmed bool
	within    *bool
	reason    string
	// reasonMonth says whether a line offered dated day keeps the reason:
	// only in a closed month (nil: always).
	reasonMonth func(day time.Time) bool
	// dateTyped is the line's date as typed, and lastYearLine the line
	// offered when that date has no year and is still to come: the line
	// with last year's day written out (futureDate).
	dateTyped, lastYearLine string
}

// closedMonths says, for a line dated day, whether its month is closed,
// as the store has the closes now.
func (s *Service) closedMonths(ctx context.Context) (func(day time.Time) bool, error) {
	today := s.today()
	closes, err := s.store.MonthClosesBetween(ctx, dates.On(today.Year()-5, 1, 1), today)
	if err != nil {
		return nil, err
	}
	closed := map[[2]int]bool{}
	for _, c := range closes {
		closed[[2]int{c.Month.Year(), int(c.Month.Month())}] = true
	}
	return func(day time.Time) bool { return closed[[2]int{day.Year(), int(day.Month())}] }, nil
}

// invalid names the field a draft fails on and why.
type invalid struct {
	field   string
	message string
}

// prepareEntry checks a draft and turns it into a NewEntry; the typed command
// and the Slack form both go through here so they accept exactly the same.
func (s *Service) prepareEntry(c Caller, programs []Program, depts []Department, d entryDraft) (NewEntry, Program, *invalid) {
	p, ok := s.lookupProgram(programs, d.program)
	if !ok {
		return NewEntry{}, Program{}, &invalid{field: FieldProgram}
	}
	if !p.Active {
		return NewEntry{}, p, &invalid{FieldProgram, s.msg("entries.is_inactive_and_takes", "Program", s.programLabel(p))}
	}
	today := s.today()
	asOf := today
	if d.date != nil {
		asOf = *d.date
	}
	if asOf.After(today) {
		// The line offered keeps the note (review r34 F2: dropped, a hire
		// starting tomorrow typed back was filed today with no note), unless
		// the note itself would be refused dated today.
		noteRefused := false
		if d.note != "" {
			d2 := d
			d2.date = &today
			_, _, bad := s.prepareEntry(c, programs, depts, d2)
			noteRefused = bad != nil && bad.field == FieldNote
		}
		return NewEntry{}, p, &invalid{FieldDate, s.futureDate(p, d, asOf, today, noteRefused)}
	}
	if utf8.RuneCountInString(d.note) > MaxNoteRunes {
		return NewEntry{}, p, &invalid{FieldNote, s.msg("shared.note_too_long", "MaxNoteRunes", MaxNoteRunes)}
	}
	if words := NoteSaysNotHired(d.note); words != "" && d.status == "" && !d.agreementHire {
		// The status was not given, so it would default to 채용 while the
		// note says agreement or not yet hired: ask, never guess (F1/F8).
		return NewEntry{}, p, &invalid{FieldNote, s.msg("k32.note_says_not_hired", "Words", words)}
	}
	if why, _ := s.noteNamesAnotherMonth(p, d, asOf, today); why != "" {
		// The note dates the figure to another month than its date
		// (review r11 F9): refused, never filed in the wrong month.
		return NewEntry{}, p, &invalid{FieldNote, why}
	}
	if utf8.RuneCountInString(d.department) > MaxNameRunes {
		return NewEntry{}, p, &invalid{FieldDepartment, s.msg("entries.department_name_is_longer", "MaxNameRunes", MaxNameRunes)}
	}
	if d.department != "" {
		dept, ok := findDepartment(depts, d.department)
		if !ok {
			return NewEntry{}, p, &invalid{FieldDepartment, s.unknownDepartment(d.department, depts)}
		}
		d.department = dept.Name // the managed name, never the typed spelling
	}
	e := NewEntry{
		ProgramID: p.ID, Count: d.count.Value, Kind: KindDelta, AsOf: asOf, Approximate: d.count.Approximate,
		Status: d.status, EmploymentType: d.employment, Department: d.department, Note: d.note,
		LoggedBy: c.UserID, Source: c.Source, IdempotencyKey: c.key(""), RecordedAt: s.now(),
	}
	if d.cumulative {
		e.Kind = KindCumulative
	}
	if e.Status == "" {
		e.Status = StatusRealised
	}
	if e.Department == "" {
		e.Department = p.Department
	}
	if e.Source == "" {
		e.Source = SourceConsole
	}
	if why := s.noteContradicts(p, d, e); why != "" {
		// the note says the figure is a 누계, a decrease or hires while
		// the line files it otherwise (review r24 F1, F16, F20)
		return NewEntry{}, p, &invalid{FieldNote, why}
	}
	return e, p, nil
}

// add answers `add`. A line whose date read as two days (cmd.dayChoice,
// 금요일 on a Friday) is answered with that question whatever else the
// line holds, as when it was refused unread; addLine keeps its two lines
// as the question's answers once it has read the entry (review r38 B7).
func (s *Service) add(ctx context.Context, c Caller, cmd Command) Reply {
	if r, refused := s.backtickInLine(cmd); refused {
		return r
	}
	r := s.addLine(ctx, c, cmd)
	if cmd.dayChoice != nil && !cmd.dayChoice.refusedFirst && r.Outcome != OutcomeFailed && r.Outcome != OutcomeRepeated {
		return s.usageReply(cmd.dayChoice)
	}
	return r
}

// addLine answers an add line.
func (s *Service) addLine(ctx context.Context, c Caller, cmd Command) Reply {
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	d := entryDraft{count: cmd.Count, cumulative: cmd.Cumulative, date: cmd.Opts.Date, department: cmd.Opts.Department,
		status: cmd.Opts.Status, employment: cmd.Opts.Employment, agreementHire: cmd.AgreementHire != "",
		confirmed: cmd.Confirmed, within: cmd.Opts.Within, reason: cmd.Opts.Reason, dateTyped: cmd.dateTyped}
	d.lastYearLine = s.yearlessLastYearLine(cmd)
	if d.reason != "" {
		// A line offered for an open month carries no 사유:, which only a
		// closed month's write takes (review r35 M14: typed back, it was
		// refused for its reason).
		closed, err := s.closedMonths(ctx)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		d.reasonMonth = closed
	}
	var noteWords []string
	switch {
	case cmd.Opts.Program != "":
		d.program, noteWords = cmd.Opts.Program, append(cmd.Before, cmd.After...)
	case len(cmd.Before) > 0:
		// `추가 "노인" 5`: the program in quotes where the program
		// stands is the program, not a name no program has (k36 B1)
		d.program, noteWords = unquoteWord(strings.Join(cmd.Before, " ")), cmd.After
	case len(cmd.After) > 0:
		first := slices.Clone(cmd.After)
		first[0] = unquoteWord(first[0])
		if p, n, ok := s.programIndex(programs).longestPrefix(programs, first); ok {
			d.program, noteWords = p.Code, cmd.After[n:]
			d.programTyped = strings.Join(first[:n], " ")
		} else {
			return s.unknownProgram(cmd.Name, cmd.After[0], programs)
		}
	default:
		return s.refuse(cmd.Name, s.msg("entries.which_program_give_its"))
	}
	noteWords, cmd.DeptWord = deptInWords(&d, noteWords, depts)
	if cmd.DeptWord == "" {
		noteWords, cmd.DeptWord = s.ownDeptWord(&d, noteWords, programs, depts)
	}
	if cmd.DeptWord != "" && cmd.Opts.Department != "" && d.department != cmd.Opts.Department {
		given, _ := findDepartment(depts, cmd.Opts.Department)
		if given.Name != d.department {
			return s.refuse(cmd.Name, s.msg("entries.dept_word_contradicts", "Text", cmd.DeptWord, "Dept", d.department, "Given", cmd.Opts.Department))
		}
	}
	if cmd.DeptWord != "" {
		cmd.Opts.Department = d.department // echoed by readAs
	}
	noteWords, refused := s.readNoteWords(&d, noteWords, programs, cmd.Name)
	if refused != nil {
		return *refused
	}
	if r, refused := s.quotedFieldWord(cmd, noteWords, d, programs, depts); refused {
		return r
	}
	if r, refused := s.departmentInNote(cmd.Name, noteWords, d, programs, depts); refused {
		return r
	}
	appended := confirmAppended(cmd, noteWords)
	if appended {
		// `… 확인` appended: the whole note is the one word that confirms,
		// so it is the confirmation the hold asks for, not a note (issue 19:
		// "`확인` (English `confirm`) appended in the console"), but only
		// while a question about this entry waits (below): a line someone
		// ends with 확인 ("checked"), pasted twice, is still held (review
		// r8 m-2). A note with more words (`현장 확인`) stays the note.
		noteWords = nil
	}
	d.note = strings.Join(slices.DeleteFunc([]string{strings.Join(noteWords, " "), d.labelledNote, cmd.Opts.Note}, func(p string) bool { return p == "" }), " ")
	monthEnd, err := s.monthEndFiledEarly(ctx, d)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if !monthEnd.IsZero() {
		today := s.today()
		d.date = &today
	}
	e, p, bad := s.prepareEntry(c, programs, depts, d)
	if cmd.dayChoice != nil && cmd.dayChoice.Typed != "" {
		// words no field reads are refused first, naming the line as
		// typed, so the question's lines, asked once they are in the
		// note, are accepted as offered (review r43 A1)
		typed := cmd
		typed.Line = cmd.dayChoice.Typed
		if r, refused := s.refuseUnreadWords(typed, noteWords); refused {
			cmd.dayChoice.refusedFirst = true
			return r
		}
	}
	if cmd.dayChoice != nil {
		// the entry both lines would record, each on its day: one question,
		// also when each line will be refused for its note and offer lines
		// of its own (review r42 B2: 12.1.2026 with 메모:11월분 kept no
		// lines, so the lines its lines offered answered nothing in common)
		ok := bad == nil
		if bad != nil && bad.field == FieldNote && p.ID != 0 {
			e, ok = s.offeredEntry(c, p, depts, d)
		}
		if ok {
			if err := s.holdDayChoice(ctx, c, e, cmd.dayChoice.Days); err != nil {
				return s.storageFailure(ctx, cmd.Name, err)
			}
		}
		return Reply{Outcome: OutcomeRefused} // add answers with the question
	}
	if bad == nil && appended {
		pending, err := s.questionPending(ctx, e)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		cmd.Confirmed, cmd.pendingToken = pending != "", pending
	}
	var noteRefusal string // the note-day refusal as asked, before staff's closed-month reply replaces it
	if bad != nil {
		noteRefusal = bad.message
	}
	if bad != nil && bad.field == FieldNote && !s.IsManager(c.UserID) {
		// The line dated the note's month cannot be recorded by staff
		// when that month is closed (r22 F8, r24 F19): say what to do.
		why, err := s.noteMonthClosed(ctx, p, d)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		if why != "" {
			bad.message, noteRefusal = why, why
		}
	}
	if bad != nil && bad.field == FieldNote && bad.message == noteRefusal {
		// 주말 whose entry's weekend is closed (review r35 M12): its lines
		// are the refusal's, held as one question below
		why, err := s.noteWeekendClosed(ctx, p, d, bad.message, s.IsManager(c.UserID))
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		if why != "" {
			bad.message = why
		}
	}
	if bad != nil {
		if bad.field == FieldProgram && bad.message == "" {
			return s.unknownProgram(cmd.Name, d.program, programs)
		}
		if bad.field == FieldNote {
			if err := s.holdNoteRefusal(ctx, c, p, depts, d, noteRefusal); err != nil {
				return s.storageFailure(ctx, cmd.Name, err)
			}
		}
		return s.refuse(cmd.Name, bad.message)
	}
	if cmd.AgreementHire != "" && e.Status == StatusRealised {
		return s.agreementHireAdd(ctx, cmd, e, p)
	}
	if r, refused := s.noteAgreementHire(ctx, cmd, e, p); refused {
		return r
	}
	if cmd.Opts.Within != nil && e.Kind == KindCumulative {
		// A 누계 re-bases the later reports itself: 누계포함 answers only
		// whether a delta is inside one.
		return s.refuse(cmd.Name, s.msg("within.not_for_cumulative"))
	}
	// After the questions that name what the words mean (an agreement's
	// hires), before anything is asked or written.
	if r, refused := s.refuseUnreadWords(cmd, noteWords); refused {
		return r
	}
	if cmd.Opts.Reason != "" {
		if r, refused := s.reasonInOpenMonth(ctx, cmd.Name, e.AsOf); refused {
			// 누계포함:예 re-bases the first later 누계: the reason is for
			// its month when that one is closed (review r47 A3)
			first, ok, err := s.firstLaterReport(ctx, e)
			if err != nil {
				return s.storageFailure(ctx, cmd.Name, err)
			}
			if !ok || cmd.Opts.Within == nil || !*cmd.Opts.Within {
				return r
			}
			if r, refused := s.reasonInOpenMonth(ctx, cmd.Name, first.AsOf); refused {
				return r
			}
		}
	}
	if s.IsManager(c.UserID) {
		e.CloseReason = CleanReason(cmd.Opts.Reason) // a manager's reason to write in a closed month
	}
	if e.Kind == KindCumulative && !e.Approximate {
		e.ExactReason = s.msg("entries.exact_reason", "Total", s.unitCount(e.Count, false, p.Unit), "Date", s.date(e.AsOf))
	}
	r, held := s.recordGuarded(ctx, c, cmd, e, p)
	if held {
		return r
	}
	if read := s.readAs(cmd); len(read) > 0 && r.Outcome == "" && len(r.Sections) > 0 && len(r.Sections[0].Lines) >= 2 {
		lines := r.Sections[0].Lines // the date line, the fields line, then the rest
		r.Sections[0].Lines = append(append(slices.Clone(lines[:2]), read...), lines[2:]...)
	}
	if !monthEnd.IsZero() && r.Outcome == "" && len(r.Sections) > 0 && len(r.Sections[0].Lines) >= 2 {
		lines := r.Sections[0].Lines
		said := s.msg("agree2.month_end_filed_early", "MonthEnd", s.date(monthEnd), "Today", s.date(e.AsOf))
		r.Sections[0].Lines = append(append(slices.Clone(lines[:2]), said), lines[2:]...)
	}
	return r
}

// monthEndFiledEarly is the month's last day a 누계 is dated, when it is
// typed on the month's last working day before it (`추가 장애인 누계 20
// 1월말` on Friday 2027. 1. 29.), or zero. Month-end reports are filed on
// the last working day: the figure is what is known that day, so it is
// recorded dated the day typed, inside the month, never a day to come
// (review r43 A6: it was refused as a future day). Any earlier day is
// still refused as a day to come.
func (s *Service) monthEndFiledEarly(ctx context.Context, d entryDraft) (time.Time, error) {
	today := s.today()
	if !d.cumulative || d.date == nil || !d.date.After(today) {
		return time.Time{}, nil
	}
	end := *d.date
	if end.AddDate(0, 0, 1).Day() != 1 || end.Year() != today.Year() || end.Month() != today.Month() {
		return time.Time{}, nil
	}
	list, err := s.store.Holidays(ctx, today, end)
	if err != nil {
		return time.Time{}, err
	}
	holidays := map[time.Time]bool{}
	for _, h := range list {
		holidays[h.Day] = true
	}
	if !LastWorkingDay(end, holidays).Equal(today) {
		return time.Time{}, nil
	}
	return end, nil
}

// holdNoteRefusal keeps the lines a note-day refusal of d offers as one
// question's answers (review r33 M3), when refusal is that refusal as
// asked (not the closed month's reply): the typed add's and the add
// form's alike (issue 20, holds3: the form's lines were not kept, and
// typed one after the other both recorded).
func (s *Service) holdNoteRefusal(ctx context.Context, c Caller, p Program, depts []Department, d entryDraft, refusal string) error {
	today := s.today()
	asOf := today
	if d.date != nil {
		asOf = *d.date
	}
	why, day := s.noteNamesAnotherMonth(p, d, asOf, today)
	if why != refusal {
		return nil
	}
	days := []time.Time{day, asOf}
	if _, first, second, ok := ambiguousNoteDays(d.note); ok {
		days = []time.Time{first, second} // 12.1.2026: both lines dated (review r38 B6)
	} else if entry, ok := s.entryWeekendLine(d.note, asOf, today); ok && strings.Contains(refusal, s.date(entry)) {
		days = append(days, entry) // 주말 on another week: the entry's weekend's line too (r35 M12)
	}
	if days[0].IsZero() {
		return nil
	}
	return s.holdNoteAnswers(ctx, c, p, depts, d, days)
}

// recordGuarded records e unless it waits for confirmation: the one path of
// the typed add and the add form (review r6 X19), so both apply a Record it
// button's token or a typed 확인:예, ask the same questions
// (askBeforeRecording: a repeat, a figure over the year's target, a 누계
// absorbing other departments or types), and let the store hold a repeat
// that an identical add sent at the same moment recorded meanwhile
// (review r6 X12). held says the reply is a question and nothing was
// written. cmd.Line is the line the question offers to type again.
func (s *Service) recordGuarded(ctx context.Context, c Caller, cmd Command, e NewEntry, p Program) (Reply, bool) {
	if r, cancelled, err := s.answersCancelled(ctx, cmd, e); err != nil {
		return s.storageFailure(ctx, cmd.Name, err), false
	} else if cancelled {
		return r, false
	}
	if err := s.confirmedBy(ctx, &cmd, &e); err != nil {
		return s.storageFailure(ctx, cmd.Name, err), false
	}
	if r, moved, err := s.confirmDayMoved(ctx, cmd, e); err != nil {
		return s.storageFailure(ctx, cmd.Name, err), false
	} else if moved {
		return r, false
	}
	answered, unasked, err := s.confirmedByTyping(ctx, cmd, &e)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err), false
	} else if answered != "" {
		r, err := s.answeredAlready(ctx, cmd, answered)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err), false
		}
		return r, false
	}
	if r, used, err := s.otherAnswerUsed(ctx, cmd, &e); err != nil {
		return s.storageFailure(ctx, cmd.Name, err), false
	} else if used {
		return r, false
	}
	// A closed month (마감) is said before any question: an answer to the
	// 누계포함 question could not be recorded anyway (review r15 F10). The
	// store checks again when it writes.
	if e.CloseReason == "" {
		closes, err := s.store.MonthClosesBetween(ctx, e.AsOf, e.AsOf)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err), false
		}
		if len(closes) > 0 {
			return s.monthClosedReply(ctx, cmdAdd, closes[0], s.IsManager(e.LoggedBy)), false
		}
	}
	if r, ask, err := s.askBeforeRecording(ctx, c, cmd, e, p); err != nil {
		return s.storageFailure(ctx, cmd.Name, err), false
	} else if ask {
		return r, true
	}
	if unasked {
		// 확인:예 / 확인:다시 answering no question: the other questions
		// are taken as answered, but an identical entry is asked about as
		// for the line without it, so the line pasted twice records once
		// (issue 20, links5)
		if r, ask, err := s.askAboutRepeat(ctx, c, e, p, cmd); err != nil {
			return s.storageFailure(ctx, cmd.Name, err), false
		} else if ask {
			return r, true
		}
	}
	// A delta dated on or before a later 누계 of its program: already in
	// that 누계, or separate jobs? The question 채용 asks, asked here too.
	if r, ask, err := s.askInsideLaterReport(ctx, cmd, e, p); err != nil {
		return s.storageFailure(ctx, cmd.Name, err), false
	} else if ask {
		return r, true
	}
	if r, done, err := s.cumulativeShare(ctx, cmd, e, p); err != nil {
		return s.storageFailure(ctx, cmd.Name, err), false
	} else if done {
		return r, false
	}
	e.WithinReports = cmd.Opts.Within != nil && *cmd.Opts.Within && e.Kind == KindDelta
	e.HoldRepeat = (!cmd.Confirmed || unasked) && e.Kind == KindDelta
	res, err := s.store.AddEntry(ctx, e)
	if beyond, ok := errors.AsType[*HireBeyondReportError](err); ok {
		if beyond.Report.Count == e.Count && e.Agreement == 0 {
			return s.alreadyInReport(ctx, cmd, beyond.Report, p), false
		}
		return s.beyondReport(cmd, e, beyond, p), false
	}
	if answered, ok := errors.AsType[*AnsweredError](err); ok {
		r, err := s.answerRecorded(ctx, cmd, e, answered.Entry)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err), false
		}
		return r, false
	}
	if repeat, ok := errors.AsType[*RepeatError](err); ok {
		r, err := s.repeatQuestion(ctx, c, cmd, e, p, repeat.Entry)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err), false
		}
		return r, true
	}
	return s.recorded(ctx, cmd, e, p, res, err), false
}

// readAs says how words typed without a label were read (`채용` as the
// status), so a word meant for the note is not taken silently: one line, or
// none when every field had its label.
func (s *Service) readAs(cmd Command) []string {
	var parts []string
	if cmd.StatusWord != "" {
		parts = append(parts, s.msg("entries.read_as_part", "Word", cmd.StatusWord, "Field", s.msg("entries.field_status"),
			"Value", label(statusWords, cmd.Opts.Status, s.lang)))
	}
	if cmd.EmploymentWord != "" {
		parts = append(parts, s.msg("entries.read_as_part", "Word", cmd.EmploymentWord, "Field", s.msg("entries.field_employment"),
			"Value", EmploymentLabel(cmd.Opts.Employment, s.lang)))
	}
	if cmd.DeptWord != "" {
		parts = append(parts, s.msg("entries.read_as_part", "Word", cmd.DeptWord, "Field", s.msg("entries.field_department"),
			"Value", cmd.Opts.Department))
	}
	var lines []string
	if len(parts) > 0 {
		lines = append(lines, s.msg("entries.read_as", "Parts", strings.Join(parts, s.msg("entries.read_as_and"))))
	}
	if cmd.ApproxWord != "" {
		lines = append(lines, s.msg("entries.approx_word_kept", "Word", cmd.ApproxWord,
			"Count", s.unitCount(cmd.Count.Value, true, cmd.Count.Counter)))
	}
	return lines
}

// exactReportAgreeing is the latest live 누계 report of e's program, status
// and year dated on or before e's date when it is exact and states e's
// figure: the report an approximate e agreeing with the ledger would mark
// approximate by a 정정.
func (s *Service) exactReportAgreeing(ctx context.Context, e NewEntry) (Entry, bool) {
	list, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: e.ProgramID, From: dates.On(e.AsOf.Year(), 1, 1), To: e.AsOf, Limit: 500})
	if err != nil {
		return Entry{}, false // the plain agreeing reply is still true
	}
	var latest Entry
	for _, r := range list {
		if r.Voided() || r.Kind != KindCumulative || r.Status != e.Status {
			continue
		}
		if latest.ID == 0 || r.AsOf.After(latest.AsOf) || r.AsOf.Equal(latest.AsOf) && r.ID > latest.ID {
			latest = r
		}
	}
	return latest, latest.ID != 0 && !latest.Approximate && latest.ReportedTotal == e.Count
}

// recorded answers the store's answer to adding e: the entry confirmed,
// or why nothing was written.
func (s *Service) recorded(ctx context.Context, cmd Command, e NewEntry, p Program, res AddResult, err error) Reply {
	if below, ok := errors.AsType[*CumulativeBelowError](err); ok {
		r := s.refuse(cmdAdd, s.cumulativeBelow(ctx, p, below, e.Approximate))
		if line := s.sameDayReportLine(ctx, e, p); line != "" {
			r.Title += " " + line
		}
		return r
	}
	if later, ok := errors.AsType[*LaterReportError](err); ok {
		return s.refuse(cmdAdd, s.laterReportRefusal(p, later))
	}
	if below, ok := errors.AsType[*ReportBelowHiresError](err); ok {
		return s.reportBelowHires(ctx, cmdAdd, below)
	}
	if closed, ok := errors.AsType[*MonthClosedError](err); ok {
		return s.monthClosedReply(ctx, cmdAdd, closed.Close, s.IsManager(e.LoggedBy))
	}
	if said, ok := errors.AsType[*NothingRecordedError](err); ok {
		return s.nothingRecorded(ctx, said)
	}
	if err != nil {
		return s.storageFailure(ctx, cmdAdd, err)
	}
	if res.Agrees {
		r := Reply{Title: s.msg("entries.ledger_agrees", "Program", s.programLabel(p),
			"Total", s.unitCount(res.Entry.ReportedTotal, false, p.Unit), "Date", s.date(res.Entry.AsOf))}
		if e.Approximate && res.Ledger > e.Count {
			// 1,300여 on 1,336: the ledger's figure is named, and why it
			// matches (review r43 F5: it was refused as lower)
			r.Title = s.msg("offered4.ledger_covers_approx", "Program", s.programLabel(p),
				"Total", s.unitCount(res.Ledger, false, p.Unit), "Date", s.date(res.Entry.AsOf),
				"Reported", s.unitCount(e.Count, true, p.Unit), "From", numbers.Format(e.Count),
				"Below", numbers.Format(approxCeiling(e.Count)))
		} else if e.Approximate {
			if exact, ok := s.exactReportAgreeing(ctx, e); ok {
				// 1,400여 on an exact 1,400: the 여 the department added is
				// not dropped without a word (review r27 F21).
				r.Title = s.msg("r27b.ledger_agrees_exact", "Program", s.programLabel(p), "ID", exact.ID,
					"Total", s.unitCount(exact.ReportedTotal, false, p.Unit), "Date", s.date(e.AsOf),
					"Typed", s.unitCount(e.Count, true, p.Unit), "Line", numbers.Format(e.Count)+"여") // the 정정 reads 여 in both languages
			}
		}
		if len(res.MadeExactAll) > 0 && len(res.MadeExactAll) == len(res.ExactAll) {
			// Something was recorded: the title must not say nothing was.
			r.Title = s.msg("entries.ledger_agrees_made_exact", "Program", s.programLabel(p),
				"Total", s.unitCount(res.Entry.ReportedTotal, false, p.Unit), "Date", s.date(res.Entry.AsOf))
			var lines []string
			for i, old := range res.MadeExactAll {
				now := res.ExactAll[i]
				if old.Kind == KindCumulative {
					lines = append(lines, s.msg("entries.made_exact", "Old", old.ID, "New", now.ID,
						"Was", s.unitCount(old.ReportedTotal, true, p.Unit), "Now", s.unitCount(now.ReportedTotal, false, p.Unit),
						"Date", s.date(old.AsOf)))
					continue
				}
				lines = append(lines, s.msg("entries.made_exact_delta", "Old", old.ID, "New", now.ID,
					"Was", s.plusCount(old.Count, true, p.Unit), "Now", s.plusCount(now.Count, false, p.Unit), "Date", s.date(old.AsOf)))
			}
			r.Sections = []Section{{Lines: lines}}
		}
		return r
	}
	entry := res.Entry
	if res.Duplicate {
		if entry.Voided() { // review r2 m3: say so, or "already recorded" reads as live
			return Reply{Outcome: OutcomeRepeated, Title: s.msg("entries.duplicate_request_voided", "ID", entry.ID,
				"Date", s.date(s.localDay(*entry.VoidedAt)))}
		}
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("entries.duplicate_request", "ID", entry.ID)}
	}
	count := s.unitCount(entry.Count, entry.Approximate, p.Unit)
	title := s.msg("entries.recorded", "ID", entry.ID, "Count", count, "Program", s.programLabel(p), i18n.PluralCount, entry.Count)
	if entry.Kind == KindCumulative {
		title = s.msg("entries.recorded_cumulative", "ID", entry.ID, "Program", s.programLabel(p),
			"Total", s.unitCount(entry.ReportedTotal, entry.Approximate, p.Unit), "Date", s.date(entry.AsOf),
			"Count", s.increment(entry.Count, entry.Approximate, p.Unit))
	}
	// Every field recorded is echoed: the status always, the employment
	// type when one was given.
	fields := label(statusWords, entry.Status, s.lang)
	if entry.EmploymentType != "" {
		fields += " · " + EmploymentLabel(entry.EmploymentType, s.lang)
	}
	lines := []string{s.msg("entries.as_of_logged_by", "AsOf", s.date(entry.AsOf), "Department", entry.Department, "LoggedBy", s.name(ctx, entry.LoggedBy)),
		s.msg("entries.status_and_type", "Fields", fields)}
	if cmd.Opts.Department == "" && entry.Department == p.Department {
		// Filed under the program's department by default: say so when the
		// person reports for another, who might look for it under theirs.
		if own := s.callerDepartment(ctx, entry.LoggedBy); own != "" && own != entry.Department {
			lines = append(lines, s.msg("entries.filed_under_program_department", "Department", entry.Department, "Own", own))
		}
	}
	if separate, err := s.separateFromHeld(ctx, entry, p); err != nil {
		s.log.WarnContext(ctx, "entries a retyped add differs from", "entry", entry.ID, "err", err)
	} else {
		lines = append(lines, separate...)
	}
	afterClose := false
	if e.CloseReason != "" {
		if marks := s.entryMarks(ctx, []Entry{entry}); marks[entry.ID].AfterClose {
			afterClose = true
			// The 사유 the change will be audited by is echoed, as 정정
			// and 무효 do (review r27 F13).
			lines = append(lines, s.msg("entries.reason", "Reason", CleanReason(e.CloseReason)), s.msg("audit.after_close_marked"))
		}
	}
	if entry.Status == StatusAgreed {
		lines = append(lines, s.msg("entries.marked_as_agreed_mou"))
	}
	if entry.Note != "" {
		lines = append(lines, s.msg("entries.note", "Note", entry.Note))
	}
	// The entry is saved: a failure to read the totals after it (the
	// deadline passing, say) leaves them out, never says "nothing was saved".
	if totals, err := s.entryTotals(ctx, entry, p, res.ProgramTotal, res.ProgramApproximate); err != nil {
		s.log.WarnContext(ctx, "totals after an add", "entry", entry.ID, "err", err)
	} else {
		lines = append(lines, totals...)
	}
	if e.WithinReports {
		// Inside the later reports (누계포함:예): the first was re-based and
		// keeps its total, so no later report moved.
		lines = append(lines, s.withinKeptLines(e, res.Rebased, p)...)
	} else {
		lines = append(lines, s.adjustedLines(ctx, res.Rebased, p.Unit)...)
		if later, err := s.laterReportLines(ctx, entry, p); err != nil {
			s.log.WarnContext(ctx, "later reports after an add", "entry", entry.ID, "err", err)
		} else {
			lines = append(lines, later...)
		}
	}
	if afterClose { // 취소 never reaches a closed month: only a void with a reason does
		lines = append(lines, s.msg("audit.wrong_after_close_void", "ID", entry.ID))
	} else {
		lines = append(lines, s.msg("entries.wrong_jobs_undo_or", "ID", entry.ID))
	}
	return Reply{Title: title, Sections: []Section{{Lines: lines}}, Actions: []Action{{
		ID: ActionUndo, Label: s.msg("entries.undo"), Command: fmt.Sprintf("void %d %s", entry.ID, s.msg("entries.undo_reason")), Style: "danger",
	}}, did: LastAction{Kind: LastEntry, EntryID: entry.ID}}
}

// separateFromHeld names the live delta a just-recorded delta differs from
// only in its department or status, when the bot held this person's line
// as a repeat of that delta (its question is kept, within AnswerWindow):
// retyped with another 부서: or 상태:, the line is no longer the same entry
// and records at once, beside the earlier one, so a person who meant to
// fix the earlier entry must be told it is still counted and how to void
// it.
func (s *Service) separateFromHeld(ctx context.Context, entry Entry, p Program) ([]string, error) {
	if entry.Kind != KindDelta {
		return nil, nil
	}
	same, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: entry.ProgramID, From: entry.AsOf, To: entry.AsOf, Limit: 200})
	if err != nil {
		return nil, err
	}
	// AnswerWindow: the hold's question is what links the two lines
	since := s.now().Add(-AnswerWindow)
	var lines []string
	for _, o := range same {
		if o.ID == entry.ID || o.Voided() || o.Kind != KindDelta || o.Count != entry.Count ||
			(o.Department == entry.Department && o.Status == entry.Status) {
			continue
		}
		// The question the bot asked about this person's line, as it was
		// keyed when the line still matched o.
		held := NewEntry{Kind: o.Kind, ProgramID: o.ProgramID, AsOf: o.AsOf, Count: o.Count, Status: o.Status,
			Department: o.Department, LoggedBy: entry.LoggedBy}
		token, err := s.store.HeldConfirmation(ctx, entry.LoggedBy, holdPrint(held), since)
		if err != nil {
			return nil, err
		}
		if token == "" {
			continue
		}
		field, old := s.msg("entries.field_department"), o.Department
		if o.Department == entry.Department {
			field, old = s.msg("entries.field_status"), label(statusWords, o.Status, s.lang)
		}
		lines = append(lines, s.msg("entries.separate_from_held", "Old", o.ID, "Field", field, "OldValue", old,
			"Void", s.msg("entries.void_changed_line", "ID", o.ID, "Field", field)))
	}
	return lines, nil
}

// approximateNow says whether a program's year total carries 여 now. The
// store's flag after a write says some entry of the year carries 여; whether
// the total is approximate now is the latest report's to say (the rule
// ProgramYearTotal applies), which only matters when the flag is set. Every
// reply that shows a program's year total after a write asks here, so the
// add, 채용 and 정정 replies show 여 exactly when status does.
func (s *Service) approximateNow(ctx context.Context, programID int64, year int, flag bool) (bool, error) {
	if !flag {
		return false, nil
	}
	t, err := s.store.ProgramYearTotal(ctx, programID, year)
	if err != nil {
		return false, err
	}
	return t.Approximate > 0, nil
}

// entryTotals is the program's year total after an entry. For a realised
// entry that is the store's same-status total. An agreed (MOU) entry must not
// read as the year's jobs: it shows the realised total and, apart from it,
// the agreed pipeline, both summed from the entries of the as-of year.
func (s *Service) entryTotals(ctx context.Context, e Entry, p Program, sameStatus int64, approximate bool) ([]string, error) {
	year := e.AsOf.Year()
	if e.Status != StatusAgreed {
		approximate, err := s.approximateNow(ctx, p.ID, year, approximate)
		if err != nil {
			return nil, err
		}
		return []string{s.msg("entries.total_for_d", "Program", s.programLabel(p), "Year", year, "ProgramTotal", s.unitCount(sameStatus, approximate, p.Unit))}, nil
	}
	t, err := s.store.ProgramYearTotal(ctx, p.ID, year)
	if err != nil {
		return nil, err
	}
	return []string{
		s.msg("entries.total_for_d_hired", "Program", s.programLabel(p), "Year", year, "Jobs", s.unitCount(t.Jobs, t.Approximate > 0, p.Unit)),
		s.msg("entries.agreed_mou_pipeline_for", "Year", year, "Agreed", s.unitCount(t.Agreed, t.AgreedApproximate, p.Unit)),
	}, nil
}

// SubmitAddForm validates and records an add-entry form. Invalid fields come
// back as FieldErrors and nothing is written.
func (s *Service) SubmitAddForm(ctx context.Context, c Caller, f AddForm) (Reply, FieldErrors) {
	if !s.pinned { // answer in this caller's language
		return s.WithLanguage(s.languageFor(ctx, c)).SubmitAddForm(ctx, c, f)
	}
	start := s.now()
	line := lineFor(ctx, c, cmdAdd, start)
	r, errs := answerByDeadline(s, line, cmdAdd, func(ctx context.Context) (Reply, FieldErrors) {
		s.markPending(ctx) // as a typed write line (handleWrite): 취소 meanwhile must not reach past it (review r19 F1)
		return s.submitAddForm(ctx, c, f)
	})
	r.Command = cmdAdd
	s.keepLastAction(ctx, c, start, r, markedBefore(line)) // the form's add is a line 취소 may take back, as a typed one
	return r, errs
}

// submitAddForm is SubmitAddForm's work, under the database deadline.
func (s *Service) submitAddForm(ctx context.Context, c Caller, f AddForm) (Reply, FieldErrors) {
	if r := s.writeLimited(ctx, c, cmdAdd); r != nil {
		return *r, FieldErrors{FieldProgram: r.Title}
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmdAdd, err), nil
	}
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmdAdd, err), nil
	}
	d, errs := s.readAddForm(f)
	e, p, bad := s.prepareEntry(c, programs, depts, d)
	if bad != nil && bad.field == FieldNote && len(errs) == 0 {
		// the lines the note's refusal offers answer one question, as
		// the typed add's (holdNoteRefusal)
		if err := s.holdNoteRefusal(ctx, c, p, depts, d, bad.message); err != nil {
			return s.storageFailure(ctx, cmdAdd, err), nil
		}
	}
	if bad != nil {
		if bad.message == "" {
			bad.message = s.msg("entries.pick_program_from_list")
		}
		if _, seen := errs[bad.field]; !seen && (bad.field != FieldProgram || d.program != "" || len(errs) == 0) {
			errs[bad.field] = bad.message
		}
	}
	// Every field is checked as typed, before readAddForm's CleanText: a
	// direction override or zero-width mark in the count (`1\u202E23`,
	// shown as 132) or the date would otherwise be cleaned away and the
	// field stored other than it shows, where the typed line and an
	// imported cell are refused (review r40 B1).
	for field, text := range map[string]string{FieldProgram: f.Program, FieldCount: f.Count, FieldDate: f.Date,
		FieldDepartment: f.Department, FieldStatus: f.Status, FieldNote: f.Note} {
		if r, at, found := firstControl(text); found {
			errs[field] = s.msg("entries.this_has_invisible_control", "R", fmt.Sprintf("%04X", r), "At", at)
		} else if r, at, found := firstInvisible(text); found {
			// A zero-width or direction mark hides or reorders what
			// others read, in the form's note as in a typed line (k44).
			errs[field] = s.msg("k44.form_invisible_format", "R", fmt.Sprintf("%04X", r), "At", at)
		}
	}
	if len(errs) > 0 {
		return Reply{Command: cmdAdd, Outcome: OutcomeRefused, Title: s.msg("entries.please_fix_marked_fields")}, errs
	}
	e.Source = SourceModal
	// The form runs the typed add's guards (review r6 X19). A question
	// closes the form and comes as a message, with the line the form
	// stands for to type with 확인:예 and the Record it button, which
	// records that line once.
	r, held := s.recordGuarded(ctx, c, Command{Name: cmdAdd, Line: s.formLine(e, p), Opts: Options{Department: d.department}, lineDated: true}, e, p)
	if held {
		return r, nil
	}
	r.Command = cmdAdd
	if r.Outcome == "" {
		r.Outcome = OutcomeOK
	}
	if r.Outcome == OutcomeRefused {
		// A closed month (마감): the date is what to fix. The store refused
		// it under the program's lock; this read only names the field.
		if closes, err := s.store.MonthClosesBetween(ctx, e.AsOf, e.AsOf); err == nil && len(closes) > 0 {
			return r, FieldErrors{FieldDate: r.Title}
		}
		// A cumulative figure below the total: the count field is what to fix.
		return r, FieldErrors{FieldCount: r.Title}
	}
	return r, nil
}

// programWord is the program as a person types it in a line the bot offers:
// its first Korean alias in Korean, else its code.
func (s *Service) programWord(p Program) string {
	if s.lang == Korean && len(p.Aliases) > 0 {
		return p.Aliases[0]
	}
	return p.Code
}

// formLine is the typed add that records what a submitted form would: the
// line a held form's question offers to type with 확인:예, and the command
// its Record it button runs. The note comes last (메모: takes the rest of
// the line); the date is written in full, so it reads as the same day
// whenever it is typed.
func (s *Service) formLine(e NewEntry, p Program) string {
	word := s.programWord(p)
	count := strconv.FormatInt(e.Count, 10)
	if e.Approximate {
		count += "여"
	}
	date := e.AsOf.Format(time.DateOnly)
	if s.lang == Korean {
		date = fmt.Sprintf("%d.%d.%d", e.AsOf.Year(), int(e.AsOf.Month()), e.AsOf.Day())
	}
	dept := e.Department
	if strings.ContainsAny(dept, " \t") {
		dept = `"` + dept + `"` // one option value, as a reminder's Report now writes it
	}
	line := s.msg("form.add_line", "Count", count, "Program", word, "Date", date, "Department", dept)
	if e.Status == StatusAgreed {
		line += " " + s.msg("form.add_line_agreed")
	}
	if e.Note != "" {
		line += " " + s.msg("form.add_line_note", "Note", e.Note)
	}
	return line
}

// readAddForm reads the form's typed fields into a draft; a count, date or
// status it cannot read is a field error, the rest is checked with the
// draft by prepareEntry.
func (s *Service) readAddForm(f AddForm) (entryDraft, FieldErrors) {
	errs := FieldErrors{}
	// Read as a typed line is (CleanText); submitAddForm refused the marks
	// a typed line refuses on the fields as typed (review r35 B4).
	f = AddForm{Program: CleanText(f.Program), Count: CleanText(f.Count), Date: CleanText(f.Date),
		Department: CleanText(f.Department), Status: CleanText(f.Status), Note: CleanText(f.Note)}
	// The note's spaces are collapsed as a typed line's are, so the line a
	// held form offers (formLine) records exactly the same note.
	d := entryDraft{program: strings.TrimSpace(f.Program), department: strings.TrimSpace(f.Department), note: strings.Join(strings.Fields(f.Note), " ")}
	if n, err := numbers.Parse(f.Count); err != nil {
		errs[FieldCount] = s.msg("entries.write_count_as_180")
	} else if ue := checkCount(cmdAdd, n); ue != nil {
		errs[FieldCount] = ue.Reason(s.tr)
	} else {
		d.count = n
	}
	if strings.TrimSpace(f.Date) != "" {
		if day, word := throughWord(f.Date, throughWords); word != "" {
			// A form records the day's new jobs: a date with 까지 or 현재
			// may mean the 누계 through it, asked as the typed add asks
			// (k36 B2); a 누계 is typed with 누계.
			errs[FieldDate] = s.msg("parse_entry.through_date_ask", "Typed", strings.TrimSpace(f.Date), "Day", day, "Word", word)
		} else if day, err := dates.Parse(f.Date, s.today()); err != nil {
			errs[FieldDate] = s.msg("entries.write_date_like_2026")
		} else {
			d.date = &day
		}
	}
	if strings.TrimSpace(f.Status) != "" {
		st, ok := lookup(statusWords, f.Status)
		if !ok {
			errs[FieldStatus] = s.msg("entries.pick_realised_or_agreed")
		}
		d.status = st
	}
	return d, errs
}

// list answers `list`.
func (s *Service) list(ctx context.Context, c Caller, cmd Command) Reply {
	if cmd.Voided {
		return s.listVoided(ctx, cmd)
	}
	f := EntryFilter{Limit: 20, Department: cmd.Opts.Department}
	if f.Department != "" {
		f.Limit = deptListLimit
	}
	if cmd.Mine {
		f.LoggedBy = c.UserID
	}
	if cmd.Period != nil {
		f.From, f.To = cmd.Period.From, cmd.Period.To
	}
	// `목록 약정`, `목록 투자 약정`: one status's entries (review r22 F17:
	// "no program 약정", where the agreements are what was asked for).
	words := cmd.Words
	for i, w := range words {
		if st, ok := freeStatusWords[fold(w)]; ok {
			f.Status = st
			words = append(words[:i:i], words[i+1:]...)
			break
		}
	}
	typed := strings.Join(words, " ")
	if cmd.Opts.Program != "" {
		typed = cmd.Opts.Program
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if f.Department != "" {
		// 부서:노인과 (an alias) or 부서:여성가족과 (the name before a
		// rename) means the managed department, as the bare word and
		// status read it: matched as typed, it listed nothing and told an
		// auditor the department had no entries (review r13 W8).
		depts, err := s.store.Departments(ctx)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		if d, ok := findDepartment(depts, f.Department); ok {
			f.Department = d.Name
		}
	}
	if typed != "" {
		p, ok := s.lookupProgram(programs, typed)
		switch {
		case ok:
			f.ProgramID = p.ID
		case cmd.Opts.Program == "" && cmd.Opts.Department == "":
			// `목록 노인복지과`, `목록 [노인복지과]`: a department, as status
			// reads it (review r5 A11), not "no such program".
			depts, err := s.store.Departments(ctx)
			if err != nil {
				return s.storageFailure(ctx, cmd.Name, err)
			}
			named := wordsDepartment(depts, programs, typed)
			if named == "" {
				return s.unknownProgram(cmd.Name, typed, programs)
			}
			f.Department, f.Limit = named, deptListLimit
		default:
			return s.unknownProgram(cmd.Name, typed, programs)
		}
	}
	entries, err := s.listThisYearFirst(ctx, f)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	nothing, err := s.listNothing(ctx, f)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if len(entries) == 0 && len(nothing.Lines) == 0 {
		return Reply{Title: s.msg("entries.no_entries_match")}
	}
	if len(entries) == 0 {
		return Reply{Title: s.msg("list.no_entries_but_nothing"), Sections: []Section{nothing}}
	}
	byID := map[int64]Program{}
	for _, p := range programs {
		byID[p.ID] = p
	}
	marks := s.entryMarks(ctx, entries)
	lines := make([]string, 0, len(entries))
	for _, e := range s.named(ctx, entries) {
		lines = append(lines, s.entryLine(e, byID[e.ProgramID])+s.markText(marks[e.ID]))
	}
	title := s.msg("entries.latest_entries")
	if len(entries) == f.Limit {
		title = s.msg("entries.latest_n", "Limit", f.Limit, i18n.PluralCount, f.Limit)
	}
	if f.Status != "" { // 약정 are no 실적: the title names what is listed
		title = s.msg("lead.list_status_title", "Status", label(statusWords, f.Status, s.lang), "Full", len(entries) == f.Limit, "Limit", f.Limit)
	}
	r := Reply{Title: title, Sections: []Section{{Lines: lines}}}
	if f.Department != "" {
		r.Sections = append(r.Sections, Section{Lines: []string{s.deptTotalLine(f.Department, entries)}})
	}
	if len(nothing.Lines) > 0 {
		r.Sections = append(r.Sections, nothing)
	}
	return r
}

// listNothing is the 실적 없음 declarations a list shows beside the
// entries: those of the list's department, person and period (this year's
// without one), voided ones marked. A list of one program has none: a
// declaration is a department's, for every program.
func (s *Service) listNothing(ctx context.Context, f EntryFilter) (Section, error) {
	if f.ProgramID != 0 || f.Status != "" {
		return Section{}, nil
	}
	if f.From.IsZero() && f.To.IsZero() {
		f.From = dates.On(s.today().Year(), time.January, 1)
	}
	reports, err := s.store.NothingReports(ctx, f)
	if err != nil {
		return Section{}, err
	}
	sec := Section{Heading: s.msg("list.nothing_heading")}
	for _, n := range reports {
		line := s.msg("list.nothing_line", "ID", n.ID, "Month", s.monthLabel(n.Month), "Department", n.Department,
			"LoggedBy", s.name(ctx, n.LoggedBy), "At", s.date(s.localDay(n.CreatedAt)))
		if !n.VoidedAt.IsZero() {
			line = s.msg("entries.voided") + line + s.msg("entries.voided_by", "VoidedBy", s.name(ctx, n.VoidedBy), "VoidReason", n.VoidReason)
		}
		sec.Lines = append(sec.Lines, line)
	}
	return sec, nil
}

// listThisYearFirst lists entries by as-of year, latest year first, and
// newest first within a year: a back-filled batch of last year's figures
// must not push this year's entries off the screen.
func (s *Service) listThisYearFirst(ctx context.Context, f EntryFilter) ([]Entry, error) {
	year := s.today().Year()
	var out []Entry
	if f.From.IsZero() && f.To.IsZero() {
		thisYear := f
		thisYear.From = dates.On(year, time.January, 1)
		got, err := s.store.ListEntries(ctx, thisYear)
		if err != nil || len(got) == f.Limit {
			return got, err
		}
		out, f.To, f.Limit = got, dates.On(year-1, time.December, 31), f.Limit-len(got)
	}
	older, err := s.store.ListEntries(ctx, f)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(older, func(i, j int) bool { return older[i].AsOf.Year() > older[j].AsOf.Year() })
	return append(out, older...), nil
}

// entryLine is one entry in a list.
func (s *Service) entryLine(e Entry, p Program) string {
	amount := s.plusCount(e.Count, e.Approximate, p.Unit)
	if e.Kind == KindCumulative {
		// A 누계 report is what was reported, then the increase the ledger
		// derived from it: its 여 describes the total, not the increase
		// (k35 L5, as the 정정 history writes it).
		amount = s.msg("entries.cumulative", "ReportedTotal", s.unitCount(e.ReportedTotal, e.Approximate, p.Unit),
			"Count", s.plusCount(e.Count, false, p.Unit))
	}
	line := fmt.Sprintf("#%d · %s · %s %s · %s · %s", e.ID, s.date(e.AsOf), s.programShort(p), amount, e.Department, e.LoggedBy)
	if e.Status == StatusAgreed {
		line += s.msg("entries.agreed")
	}
	if e.Note != "" {
		line += " · " + e.Note
	}
	if e.Voided() {
		line = s.msg("entries.voided") + line + s.msg("entries.voided_by", "VoidedBy", e.VoidedBy, "VoidReason", e.VoidReason)
	}
	return line
}

// correctionUndone confirms a 취소 of a correction's replacement: the 정정
// undone, the original back, and every later 누계 report it re-based back.
func (s *Service) correctionUndone(ctx context.Context, res VoidResult) Reply {
	v, o := res.Entry, *res.Restored
	programs, _ := s.store.Programs(ctx) // on failure the reply names the code
	name, unit := s.programOf(programs, o.ProgramID, o.ProgramCode)
	figure := func(e Entry) string {
		if e.Kind == KindCumulative && e.ReportedTotal > 0 {
			return s.msg("corrections.undone_cumulative", "Total", s.unitCount(e.ReportedTotal, e.Approximate, unit))
		}
		return s.unitCount(e.Count, e.Approximate, unit)
	}
	lines := s.adjustedLines(ctx, res.Adjusted, unit)
	t, err := s.store.ProgramYearTotal(ctx, o.ProgramID, o.AsOf.Year())
	if err != nil {
		return s.storageFailure(ctx, cmdUndo, err)
	}
	total, key := t.Jobs, "corrections.undone_year_total"
	if o.Status == StatusAgreed {
		total, key = t.Agreed, "corrections.undone_agreed_total"
	}
	lines = append(lines, s.msg(key, "Program", name, "Year", o.AsOf.Year(), "Total", s.unitCount(total, o.Status != StatusAgreed && t.Approximate > 0, unit)))
	return Reply{Command: cmdUndo, Title: s.msg("corrections.undone", "ID", v.ID, "Original", o.ID, "Program", name,
		"AsOf", s.date(o.AsOf), "Old", figure(o), "New", figure(v)), Sections: []Section{{Lines: lines}}}
}

// void answers `void`: its author or a manager voids one entry.
func (s *Service) void(ctx context.Context, c Caller, id int64, reason string) Reply {
	if utf8.RuneCountInString(reason) > MaxNoteRunes {
		return s.refuse(cmdVoid, s.msg("entries.reason_is_longer_than", "MaxNoteRunes", MaxNoteRunes))
	}
	e, err := s.store.Entry(ctx, id)
	if errors.Is(err, ErrNotFound) {
		if r, ok := s.voidNothing(ctx, c, id, reason); ok { // 실적 없음 reports share the numbers
			return r
		}
		return s.refuse(cmdVoid, s.msg("entries.no_such_entry", "ID", id))
	}
	if err != nil {
		return s.storageFailure(ctx, cmdVoid, err)
	}
	if e.LoggedBy != c.UserID && !s.IsManager(c.UserID) {
		return Reply{Outcome: OutcomeRefused, Title: s.msg("entries.not_yours", "ID", id, "LoggedBy", s.name(ctx, e.LoggedBy))}
	}
	if e.Voided() {
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("entries.already_voided", "ID", id)}
	}
	if reason == "" { // auditors ask why: a void must say it, and nothing is written without it
		return s.needReason(cmdVoid)
	}
	if r, refused := s.voidReadsAsPartial(ctx, e, reason); refused {
		return r
	}
	manager := s.IsManager(c.UserID)
	var res VoidResult
	afterClose := false
	if manager { // a manager may void in a closed month; the void is marked
		res, afterClose, err = s.store.VoidEntryAfterClose(ctx, id, c.UserID, reason, s.now())
	} else {
		res, err = s.store.VoidEntry(ctx, id, c.UserID, reason, s.now())
	}
	if closed, ok := errors.AsType[*MonthClosedError](err); ok {
		return s.monthClosedReply(ctx, cmdVoid, closed.Close, manager)
	}
	if errors.Is(err, ErrAlreadyVoided) {
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("entries.already_voided", "ID", id)}
	}
	if dep, ok := errors.AsType[*DependentReportError](err); ok {
		return Reply{Outcome: OutcomeRefused, Title: s.dependentReport(dep)}
	}
	if hires, ok := errors.AsType[*AgreementHasHiresError](err); ok {
		return s.agreementHasHires(ctx, cmdVoid, hires, false)
	}
	if below, ok := errors.AsType[*ReportBelowHiresError](err); ok {
		return s.reportBelowHires(ctx, cmdVoid, below)
	}
	if err != nil {
		return s.storageFailure(ctx, cmdVoid, err)
	}
	r := s.voided(ctx, res, reason)
	r.did = LastAction{Kind: LastVoid, EntryID: id}
	if line := s.voidedCorrectionLine(ctx, res); line != "" { // review r20 F14
		r.Sections[0].Lines = append(r.Sections[0].Lines, line)
	} else if line := s.voidTotalLine(ctx, res); line != "" { // review r25 F15
		r.Sections[0].Lines = append(r.Sections[0].Lines, line)
	}
	if afterClose {
		// Right after the reason, and naming the void: a re-based report's
		// own mark follows, and two bare "marked" lines read as one said
		// twice (review r27 F20).
		l := r.Sections[0].Lines
		r.Sections[0].Lines = append(l[:1:1], append([]string{s.msg("r27a.void_after_close_marked")}, l[1:]...)...)
	}
	return r
}

// voided confirms a void, listing the later cumulative reports recomputed so
// they still state the total through their dates.
func (s *Service) voided(ctx context.Context, res VoidResult, reason string) Reply {
	v := res.Entry
	programs, _ := s.store.Programs(ctx) // on failure the reply names the code
	name, unit := s.programOf(programs, v.ProgramID, v.ProgramCode)
	lines := []string{s.msg("entries.reason", "Reason", reason)}
	lines = append(lines, s.adjustedLines(ctx, res.Adjusted, unit)...)
	// An agreement is named 약정, never 실적; a 누계 report by the total it
	// reported, beside the increment it recorded.
	id := "entries.voided_entry"
	switch {
	case v.Kind == KindCumulative && v.Status == StatusAgreed:
		id = "entries.voided_agreed_cumulative"
	case v.Kind == KindCumulative:
		id = "entries.voided_cumulative"
	case v.Status == StatusAgreed:
		id = "entries.voided_agreement"
	}
	count := s.unitCount(v.Count, v.Approximate, unit)
	if v.Kind == KindCumulative {
		count = s.increment(v.Count, v.Approximate, unit)
	}
	return Reply{Title: s.msg(id, "ID", v.ID, "Program", name, "Count", count,
		"Total", s.unitCount(v.ReportedTotal, v.Approximate, unit), "AsOf", s.date(v.AsOf)),
		Sections: []Section{{Lines: lines}}}
}

// programOf is an entry's program as replies name it (programShort) and its
// unit; the stored code when the program is not in the list.
func (s *Service) programOf(programs []Program, id int64, code string) (name, unit string) {
	for _, p := range programs {
		if p.ID == id {
			return s.programShort(p), p.Unit
		}
	}
	return code, ""
}

// adjustedLines names the later cumulative reports a write re-based. A
// report says its total as reported; when entries dated before it were
// added after it (they add to it), the ledger's total through its date is
// more, and the line says both rather than "stays as reported".
func (s *Service) adjustedLines(ctx context.Context, adjusted []Adjustment, unit string) []string {
	var lines []string
	for _, a := range adjusted {
		r := a.Report
		now, err := s.reportTotalNow(ctx, r)
		if err != nil {
			s.log.WarnContext(ctx, "ledger total through a re-based report", "entry", r.ID, "err", err)
			now = r.ReportedTotal
		}
		if now == r.ReportedTotal {
			lines = append(lines, s.msg("entries.later_cumulative_report_1", "ID", r.ID, "AsOf", s.date(r.AsOf),
				"ReportedTotal", s.unitCount(r.ReportedTotal, r.Approximate, unit), "OldCount", s.unitCount(a.OldCount, false, unit), "Count", s.unitCount(r.Count, false, unit)))
		} else {
			lines = append(lines, s.msg("entries.later_report_rebased_ledger", "ID", r.ID, "AsOf", s.date(r.AsOf),
				"ReportedTotal", s.unitCount(r.ReportedTotal, r.Approximate, unit), "OldCount", s.unitCount(a.OldCount, false, unit), "Count", s.unitCount(r.Count, false, unit),
				"Now", s.unitCount(now, false, unit)))
		}
		lines = append(lines, s.adjustedAfterClose(a)...)
	}
	return lines
}

// reportTotalNow is the ledger's total through a cumulative report's date
// (its program and status).
func (s *Service) reportTotalNow(ctx context.Context, r Entry) (int64, error) {
	totals, err := s.store.ProgramTotals(ctx, dates.On(r.AsOf.Year(), 1, 1), r.AsOf, "")
	if err != nil {
		return 0, err
	}
	for _, t := range totals {
		if t.ProgramID == r.ProgramID {
			if r.Status == StatusAgreed {
				return t.Agreed, nil
			}
			return t.Jobs, nil
		}
	}
	return 0, nil
}

// laterReportRefusal explains a cumulative report refused because a later
// report could not keep its total with it.
func (s *Service) laterReportRefusal(p Program, later *LaterReportError) string {
	r := later.Report
	return s.msg("entries.later_report_refusal", "Date", s.date(later.AsOf), "Reported", s.unitCount(later.Reported, later.Approximate, p.Unit),
		"ID", r.ID, "AsOf", s.date(r.AsOf), "LaterTotal", s.unitCount(r.ReportedTotal, r.Approximate, p.Unit),
		"Through", s.unitCount(later.Through, false, p.Unit))
}

// dependentReport explains a void refused because a later cumulative report
// counts on the entry.
func (s *Service) dependentReport(dep *DependentReportError) string {
	r := dep.Report
	return s.msg("entries.entry_1_d_was", "Voided", dep.Voided, "ID", r.ID, "AsOf", s.date(r.AsOf), "ReportedTotal", s.unitCount(r.ReportedTotal, r.Approximate, ""))
}

// dependentCorrection explains a 정정 refused because a later cumulative
// report would then record no increase or a fall: the report is named with
// its total as reported (여 included), and the order to fix them in.
func (s *Service) dependentCorrection(dep *DependentReportError, unit string) string {
	r := dep.Report
	return s.msg("k35.correction_dependent_report", "Corrected", dep.Voided, "ID", r.ID, "AsOf", s.date(r.AsOf),
		"ReportedTotal", s.unitCount(r.ReportedTotal, r.Approximate, unit), "Command", commandName(cmdCorrect))
}

// cumulativeBelow explains a refused cumulative figure, naming the entries
// to check.
//
// reportedAbout is the 여 the report was typed with: the refusal shows the
// figure as typed (300여), not bare (k44 F10).
func (s *Service) cumulativeBelow(ctx context.Context, p Program, below *CumulativeBelowError, reportedAbout bool) string {
	// The ledger's figure carries 여 when part of it is approximate now
	// (625여); read after the refusal, for the wording only.
	approximate := false
	if len(below.Entries) > 0 && below.Entries[0].Status != StatusAgreed {
		if totals, err := s.store.ProgramTotals(ctx, dates.On(below.AsOf.Year(), 1, 1), below.AsOf, ""); err != nil {
			s.log.WarnContext(ctx, "approximate part of a refused report's total", "err", err)
		} else {
			for _, t := range totals {
				approximate = approximate || (t.ProgramID == p.ID && t.Approximate > 0)
			}
		}
	}
	checks := make([]string, len(below.Entries))
	for i, e := range below.Entries {
		checks[i] = s.msg("entries.entry_to_check", "ID", e.ID, "Date", s.date(e.AsOf), "Count", s.plusCount(e.Count, e.Approximate, p.Unit))
	}
	return s.msg("entries.cumulative_below", "Program", s.programLabel(p),
		"Current", s.unitCount(below.Current, approximate, p.Unit), "Date", s.date(below.AsOf),
		"Reported", s.unitCount(below.Reported, reportedAbout, p.Unit), "Code", s.programShort(p), "Checks", strings.Join(checks, ", "),
		i18n.PluralCount, below.Current)
}

// counted writes n, shown as given, with the noun of count message id
// ("1 entry", "3 entries"), for a sentence that counts more than one thing;
// Korean gets the number alone and keeps its counter in the sentence.
func (s *Service) counted(id string, n int64, shown any) string {
	return s.msg(id, "N", shown, i18n.PluralCount, n)
}

// jobs writes a number of jobs: in Korean with its counter (7,100개).
func (s *Service) jobs(n int64) string { return s.unitCount(n, false, "") }

// unitCount writes a count with the program's unit in Korean (7,100개,
// 40명, 2,400여개 → 2,400여 개 is not used: 여 stays before the unit).
func (s *Service) unitCount(n int64, approximate bool, unit string) string {
	if unit == "" {
		unit = "개"
	}
	return s.msg("format.count", "N", s.count(n, approximate), "Unit", unit)
}

// count formats a number of jobs, marking approximate ones the way each
// language does: 12,235여 in Korean, "about 12,235" in English. Every figure
// a reply, report or digest shows as approximate goes through here.
func (s *Service) count(n int64, approximate bool) string {
	return s.approx(numbers.Format(n), approximate)
}

// approx marks a written figure as approximate when it is (see count).
func (s *Service) approx(figure string, approximate bool) string {
	if approximate {
		return s.msg("format.approximate", "N", figure)
	}
	return figure
}

// plusCount writes an increment with its sign and unit: +2,400여개 in
// Korean, "about +2,400" in English (never "+about 2,400").
func (s *Service) plusCount(n int64, approximate bool, unit string) string {
	if unit == "" {
		unit = "개"
	}
	return s.msg("format.count", "N", s.approx("+"+numbers.Format(n), approximate), "Unit", unit)
}

// increment writes the increment of a 누계 report: an approximate total's
// increment is "9여개" in Korean, the form the ledger takes (review r41
// F13: "약 9개" used 약, which the ledger refuses as input), "about 9" in
// English, never "about +9".
func (s *Service) increment(n int64, approximate bool, unit string) string {
	if !approximate {
		return s.unitCount(n, false, unit)
	}
	if unit == "" {
		unit = "개"
	}
	return s.msg("r27b.increment_approximate", "N", numbers.Format(n), "Unit", unit)
}

// total writes a total of jobs with 여 exactly when part of it is
// approximate now: the status headline and the digest's both use it.
func (s *Service) total(t ProgramTotal, unit string) string {
	return s.unitCount(t.Jobs, t.Approximate > 0, unit)
}

// date formats a calendar date the way each language writes it.
func (s *Service) date(d time.Time) string { return s.tr.Date(d) }

// week names the ISO week holding monday (2026-W17, 2026년 17주차).
func (s *Service) week(monday time.Time) string {
	year, week := monday.ISOWeek()
	return s.msg("format.week", "Year", year, "Week", week)
}

// period names a period the way each language writes it (2026 Q3, 2026년
// 3분기); a period that is no whole year, half, quarter or month is a span.
func (s *Service) period(p dates.Period) string {
	y, from, to := p.From.Year(), p.From, p.To
	whole := from.Day() == 1 && to.AddDate(0, 0, 1).Day() == 1 && to.Year() == y
	months := int(to.Month()) - int(from.Month()) + 1
	switch {
	case whole && months == 12:
		return s.msg("format.period.year", "Year", y)
	case whole && months == 6 && from.Month() == time.January:
		return s.msg("format.period.first_half", "Year", y)
	case whole && months == 6 && from.Month() == time.July:
		return s.msg("format.period.second_half", "Year", y)
	case whole && months == 3 && (from.Month()-1)%3 == 0:
		return s.msg("format.period.quarter", "Year", y, "N", int(from.Month()-1)/3+1)
	case whole && months == 1:
		return s.msg("format.period.month", "Year", y, "Month", int(from.Month()))
	case whole && months > 1:
		return s.msg("format.period.months", "Year", y, "FirstMonth", int(from.Month()), "LastMonth", int(to.Month()))
	case p.Label != "" && p.Label == dates.ISOWeekLabel(from) && to.Equal(from.AddDate(0, 0, 6)):
		// 18주차: its number and its days, 2026년 18주차 (5. 4.~5. 10.)
		year, week := from.ISOWeek()
		id := "format.period.week_days"
		if from.Month() != to.Month() {
			id = "format.period.week_days_months"
		}
		return s.msg(id, "Year", year, "Week", week, "From", from, "To", to)
	}
	return s.msg("format.period.span", "From", s.date(from), "To", s.date(to))
}

// EntryStore keeps the ledger of entries: add, list, void and undo write and
// read it, the digest and the audit read its voids.
type EntryStore interface {
	// AddEntry records an entry. A cumulative entry is turned into the
	// difference from the program's total through its as-of date (same year
	// and status) inside the same transaction; a figure equal to it writes
	// nothing and sets Agrees, one below it fails with *CumulativeBelowError.
	// One dated before a later cumulative report re-bases that report so it
	// keeps its total (AddResult.Rebased), or fails with *LaterReportError
	// when the later report would record no increase.
	// A repeated idempotency key writes nothing and returns the first entry with
	// Duplicate set.
	AddEntry(ctx context.Context, e NewEntry) (AddResult, error)
	// Entry returns one entry, voided or not.
	Entry(ctx context.Context, id int64) (Entry, error)
	// LatestLiveEntryBy returns the newest entry by the user that is not voided.
	LatestLiveEntryBy(ctx context.Context, userID string) (Entry, error)
	// ListEntries returns entries newest first (by ID), voided ones included.
	ListEntries(ctx context.Context, f EntryFilter) ([]Entry, error)
	// VoidEntry marks an entry voided with who and why; ErrAlreadyVoided if it
	// was. Later cumulative reports that counted on it are recomputed to stay
	// true (VoidResult.Adjusted), or the void fails with *DependentReportError.
	VoidEntry(ctx context.Context, id int64, by, reason string, at time.Time) (VoidResult, error)
	// RecordLastAction keeps a as the user's last line that could write,
	// replacing the one before unless that one is newer (a.At): what
	// UndoLast may undo.
	RecordLastAction(ctx context.Context, userID string, a LastAction) error
	// MarkLinePending marks the user's line started at at as running,
	// before its write begins, and returns the mark it found (zero for
	// none); ClearLinePending takes the line's mark back for a line that
	// records nothing of its own (a redelivery), putting back the one it
	// found.
	MarkLinePending(ctx context.Context, userID string, at time.Time) (before time.Time, err error)
	ClearLinePending(ctx context.Context, userID string, at, before time.Time) error
	// LastLine returns the user's last line as kept, nil for none.
	LastLine(ctx context.Context, userID string) (*LastAction, error)
	// UndoLast undoes the user's last line, once, in one transaction with
	// the row that keeps it locked: an entry it wrote at or after since is
	// voided (a 정정's replacement restores the original), a question it
	// held is dropped. Anything else writes nothing; the result says what
	// the line was and names the entry a refusal should name.
	UndoLast(ctx context.Context, userID, reason string, since, at time.Time) (UndoResult, error)
	// VoidedBetween returns entries voided within [from, to) (instants), oldest first.
	VoidedBetween(ctx context.Context, from, to time.Time) ([]Entry, error)
	// VoidedDated returns the voided entries dated from from through to
	// (dates, inclusive), whenever voided, in the order of their voids.
	VoidedDated(ctx context.Context, from, to time.Time) ([]Entry, error)
	// TakenUpByLaterReports returns, per voided entry of ids, the jobs the
	// later 누계 reports took up when it was voided (their total stands),
	// so what the void took out is its count less this.
	TakenUpByLaterReports(ctx context.Context, ids []int64) (map[int64]int64, error)
	// AdjustedBy returns, per 누계 report of ids, what the re-basings since
	// it was recorded changed its increment by (new less old, summed).
	AdjustedBy(ctx context.Context, ids []int64) (map[int64]int64, error)
	// CorrectionRebases returns, per corrected entry of ids, what its
	// 정정 re-based the later 누계 reports by (new less old increments):
	// what the 정정 moved in the ledger is its change plus this.
	CorrectionRebases(ctx context.Context, ids []int64) (map[int64]int64, error)
}

// ownDeptWord takes out of an add line's words the program's own
// department written bare (`추가 청년 3 1/5 일자리정책과`): the department
// the entry is filed under anyway, read as its department and echoed,
// where it was refused as an unread word (review r22 F26). Another
// department's bare name is still asked about (departmentInNote).
func (s *Service) ownDeptWord(d *entryDraft, words []string, programs []Program, depts []Department) ([]string, string) {
	p, ok := s.lookupProgram(programs, d.program)
	if !ok || p.Department == "" {
		return words, ""
	}
	own, ok := findDepartment(depts, p.Department)
	if !ok {
		return words, ""
	}
	for i, w := range words {
		if dept, ok := findDepartment(depts, w); ok && dept.Name == own.Name {
			d.department = own.Name
			return slices.Delete(slices.Clone(words), i, i+1), w
		}
	}
	return words, ""
}

// isDashWord reports whether w is a dash alone: -, –, —.
func isDashWord(w string) bool { return w == "-" || w == "–" || w == "—" }

// refuseUnreadWords refuses the words of an add line that no field read.
// They used to become the note, and three reviews in a row found words that
// turn the line's meaning around (퇴직, 채용 철회, 계약만료, laid off) filed
// that way as new jobs: no list of such words is ever complete, so a note is
// kept only where the user says it is one, after 메모:/note: or in quotes.
// The refusal names the words and gives the line to type; words holding a
// digit are not offered as a note, since a figure or a date there would be
// filed silently under the wrong meaning.
func (s *Service) refuseUnreadWords(cmd Command, words []string) (Reply, bool) {
	var unread []string
	for _, w := range words {
		if isQuotedWord(w) && !quotedFieldLike(w) {
			continue
		}
		if _, ok := fillerWords[fold(w)]; ok || isRoundLabel(w) || reLunarHoliday.MatchString(w) || reWeekPart.MatchString(w) {
			// stays in the note: 신규, a round of the program (2차), or a
			// holiday or part of the week beside the line's date (추석 연휴
			// 10/5, 7/12(일) 주말; alone they were refused as a date)
			continue
		}
		unread = append(unread, w)
	}
	if len(unread) == 0 {
		return Reply{}, false
	}
	typed := strings.Join(unread, " ")
	if strings.ContainsFunc(typed, unicode.IsDigit) {
		return s.refuse(cmd.Name, s.msg("entries.unread_words_with_figure", "Typed", typed)), true
	}
	// The whole line to type, the words moved after 메모: and everything
	// else where it was: an official who moves only the named word in
	// place (메모:체결 약정) would file the words after it as the note
	// too, a status word among them (review r7 S1).
	if words := unreadAfterStatus(cmd, unread); words != "" {
		return s.refuse(cmd.Name, s.msg("k45.unread_after_status", "Typed", words, "Status", cmd.StatusWord)), true
	}
	if words := unreadForward(unread); words != "" {
		// 다음 주, next week: a time to come, no line offered (review r32 F1)
		return s.refuse(cmd.Name, s.msg("r32notes.unread_time_to_come", "Typed", words, "Today", s.date(s.today()))), true
	}
	if words := unreadDayLike(unread); words != "" {
		// 목욜쯤: a day, no line offered that files it on today (review r34 F1)
		return s.refuse(cmd.Name, s.msg("r34a.unread_day_word", "Typed", words, "Today", s.date(s.today()))), true
	}
	label := s.msg("entries.note_label")
	line := lineWithNote(cmd.Line, unread, label)
	// A dash before the words (청년 21 12.3 - 채용박람회, as 보고 lines set
	// a note off) is no part of the note offered (review r15 F21).
	note := unread
	for len(note) > 1 && isDashWord(note[0]) {
		note = note[1:]
	}
	if len(note) < len(unread) {
		line = strings.Replace(line, label+strings.Join(unread, " "), label+strings.Join(note, " "), 1)
	}
	return s.refuse(cmd.Name, s.msg("entries.unread_words", "Typed", typed, "Line", line)), true
}

// deptInWords takes out of an add line's words a managed department's name
// with a particle joined to it (노인복지과에서, 노인복지과의, 일자리팀이)
// and files the entry under that department, as dept: would: said so, it
// names who reports, never a note (review ko-official). The bare name stays
// asked about (departmentInNote). It returns the words left and the word
// read, as typed; a name given twice with two departments is left for the
// caller to refuse, d.department being then the word's department.
func deptInWords(d *entryDraft, words []string, depts []Department) ([]string, string) {
	for i, w := range words {
		base, ok := deptWithParticle(w)
		if !ok {
			continue
		}
		dept, ok := findDepartment(depts, base)
		if !ok {
			continue
		}
		d.department = dept.Name
		return slices.Delete(slices.Clone(words), i, i+1), w
	}
	return words, ""
}

// lineWithNote is line with the words of note taken out where they stand
// and put after label (메모:) at its end. A line that already has a note
// label gets them after that label, which takes the rest of the line.
func lineWithNote(line string, note []string, label string) string {
	left := slices.Clone(note)
	var kept []string
	for _, f := range strings.Fields(line) {
		if i := slices.Index(left, f); i >= 0 {
			left = slices.Delete(left, i, i+1)
			continue
		}
		kept = append(kept, f)
	}
	rest := strings.Join(kept, " ")
	if j, key := restOfLineOption(rest); key == "note" {
		label, _, _ := strings.Cut(rest[j:], ":") // the user's own spelling: 메모, note, 비고
		after := strings.TrimLeft(rest[j+len(label):], " :")
		return rest[:j] + label + ":" + strings.Join(note, " ") + " " + after
	}
	return rest + " " + label + strings.Join(note, " ")
}

// quotedFieldLike reports whether a quoted word reads like a field rather
// than a note: a figure or a date ("11/5", "누계 600") or a status word
// ("약정"). A quote around it is no reason to file it as a note and date
// the entry today (review r7 S6), so it is refused like an unread word.
func quotedFieldLike(w string) bool {
	inner := strings.Trim(w, `"“”`)
	if strings.ContainsFunc(inner, unicode.IsDigit) {
		return true
	}
	for _, f := range strings.Fields(inner) {
		f = fold(f)
		if _, ok := freeStatusWords[f]; ok {
			return true
		}
		if _, ok := freeEmploymentWords[f]; ok {
			return true
		}
		if slices.Contains(cumulativeWords, f) {
			return true
		}
	}
	return false
}

// isQuotedWord reports whether w is wholly in quotes ("경로당", “경로당”):
// a note the user marked as one. A quote pair glued to other letters
// ("a"퇴직, ""퇴직자) or left open ("퇴직) marks nothing (review r8 X4).
func isQuotedWord(w string) bool {
	rs := []rune(w)
	if len(rs) < 3 {
		return false
	}
	first, last := rs[0], rs[len(rs)-1]
	return (first == '"' && last == '"' || first == '“' && (last == '”' || last == '“')) &&
		!strings.ContainsAny(string(rs[1:len(rs)-1]), `"“”`)
}

// fillerWords say nothing an entry records beyond what the line already
// does (신규 채용: the jobs are new in any add), so they pass without
// 메모: and stay in the note as typed.
var fillerWords = map[string]struct{}{"신규": {}, "new": {}, "연휴": {}}

// departmentInNote refuses a note word that, bare or once its brackets are
// stripped, is exactly a managed department's name or alias other than the
// department the entry is filed under (추가 6 여성 6/9 노인복지과): the user
// may mean that department, so it is never kept silently as a note. 부서:… files it there, 메모:…
// keeps it as a note.
func (s *Service) departmentInNote(command string, words []string, d entryDraft, programs []Program, depts []Department) (Reply, bool) {
	filed := d.department
	if filed == "" {
		if p, ok := s.lookupProgram(programs, d.program); ok {
			filed = p.Department
		}
	}
	for _, w := range words {
		// In brackets it is still the name: `(여성가족과)`, `(여성가족과 제출)`
		// (review r3 S2) are asked about like the bare word.
		w = strings.Trim(stripBrackets(w), `"“”'‘’`)
		dept, ok := findDepartment(depts, w)
		if !ok {
			// 복지정책과분 (that department's share), 복지정책과 취합:
			// review r5 S4.
			if dept, ok = findDepartment(depts, strings.TrimSuffix(w, "분")); !ok {
				continue
			}
		}
		if f, ok := findDepartment(depts, filed); ok && f.Name == dept.Name {
			continue // the department the entry is filed under anyway
		}
		return s.refuse(command, s.msg("entries.note_is_a_department", "Text", w, "Dept", dept.Name)), true
	}
	return Reply{}, false
}

// futureDate refuses an add dated after today, saying what to type
// instead: on a Friday before a weekend month end, `누계 1,200 10월말` is
// the figure through today (date it today, or leave the date out) or is
// reported on or after the month's last day (review_ko: the bare refusal
// left the official guessing). The line offered names today's date
// itself, never 날짜:오늘 nor no date: typed back on a later day it would
// file the figure on that day (review r43 F1: a January 누계 filed in
// February).
func (s *Service) futureDate(p Program, d entryDraft, asOf, today time.Time, noteRefused bool) string {
	word := s.programWord(p)
	id := "future.delta"
	if d.cumulative {
		id = "future.cumulative"
	}
	count := s.approx(numbers.Format(d.count.Value), d.count.Approximate)
	switch {
	case d.note != "" && noteRefused:
		// 메모:내일 입사 예정: no line re-dating it today (review r34 F2)
		return s.msg("r34a.future_note_refused", "AsOf", s.date(asOf), "Today", s.date(today), "Note", d.note)
	case d.lastYearLine != "":
		// 12/1 typed on 12 March: most likely last December's jobs, not
		// this December's nor today's (review r47 F7: the line offered
		// dated today filed December's jobs in March).
		id = "cand3.future_no_year_delta"
		if d.cumulative {
			id = "cand3.future_no_year_cumulative"
		}
		return s.msg(id, "AsOf", s.date(asOf), "Typed", d.dateTyped, "LastYear", s.date(asOf.AddDate(-1, 0, 0)), "Line", d.lastYearLine)
	case d.note != "":
		id = "r34a.delta_note"
		if d.cumulative {
			id = "r34a.cumulative_note"
		}
		// the note as the line dated today writes it (lineNote: every day
		// word as the day it names, review r46 M2), so typed back on a
		// later day its words still name the days they named
		return s.msg(id, "AsOf", s.date(asOf), "Today", s.date(today), "Program", word,
			"Count", count, "Note", s.lineNote(d.note, today))
	}
	return s.msg(id, "AsOf", s.date(asOf), "Today", s.date(today), "Program", word, "Count", count)
}

// yearlessLastYearLine is an add line dated in a month after this one by a
// date typed without its year (12/1, 12월 1일 typed in March) written back
// with last year's day, the reading such a date most likely meant; "" for
// any other line, or when the date cannot be written back in place.
func (s *Service) yearlessLastYearLine(cmd Command) string {
	today := s.today()
	if cmd.Opts.Date == nil || !cmd.Opts.Date.After(dates.On(today.Year(), today.Month()+1, 0)) ||
		!yearlessDate(cmd.dateTyped, *cmd.Opts.Date, today) {
		// this month's days to come (10월말 on the 29th) are this month's:
		// the figure through today is the line offered (k16)
		return ""
	}
	last := cmd.Opts.Date.AddDate(-1, 0, 0)
	if last.Day() != cmd.Opts.Date.Day() {
		return "" // 2/29
	}
	c := cmd
	c.Opts.Date = &last
	line := s.offeredLine(c, last)
	if line == cmd.Line || !strings.Contains(line, s.lineDate(last)) {
		return ""
	}
	return line
}

// yearlessDate says typed, read as day today, is a calendar date without
// its year: it reads as day from the days before today too, and a year on
// from a year before. Days counted from today (내일, 금요일) read
// otherwise; a date with its year does not move; a word without figures
// (연말, 성탄절) is left to what it names.
func yearlessDate(typed string, day, today time.Time) bool {
	if !strings.ContainsAny(typed, "0123456789") {
		return false
	}
	for _, base := range []time.Time{today.AddDate(0, 0, -1), today.AddDate(0, 0, -7)} {
		if d, err := dates.Parse(typed, base); err != nil || !d.Equal(day) {
			return false
		}
	}
	d, err := dates.Parse(typed, today.AddDate(-1, 0, 0))
	return err == nil && d.Equal(day.AddDate(-1, 0, 0))
}

// backtickInLine refuses a write line holding a backtick, naming the word
// it is in (review r35 M8: `메모:`특채` 입사 12.1.` broke the code spans of
// the lines a refusal offered, and r32Offered-style copying took half a
// line): every line the bot offers is shown in backquotes, so no user
// text may open or close one. The word is named with its backticks left
// out, and no line is offered: what to type is the line without them.
func (s *Service) backtickInLine(cmd Command) (Reply, bool) {
	if !strings.Contains(cmd.Line, "`") {
		return Reply{}, false
	}
	word := ""
	for _, f := range strings.Fields(cmd.Line) {
		if i := strings.Index(f, "`"); i >= 0 {
			if j := strings.Index(f, ":"); j >= 0 && j < i {
				f = f[j+1:] // 메모:`특채`: the word, not its label
			}
			word = CodeSpanText(f)
			break
		}
	}
	id := "offered19.backtick_in_line"
	if word == "" {
		id = "offered19.backtick_alone"
	}
	return s.refuse(cmd.Name, s.msg(id, "Word", word)), true
}
