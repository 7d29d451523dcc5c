package commands

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
)

// entryDraft is an entry as typed, before it is checked against the programs.
type entryDraft struct {
	program    string
	count      numbers.Number
	cumulative bool
	date       *time.Time
	department string
	note       string
	status     EntryStatus
	employment string
}

// invalid names the field a draft fails on and why.
type invalid struct {
	field   string
	message string
}

// prepareEntry checks a draft and turns it into a NewEntry; the typed command
// and the Slack form both go through here so they accept exactly the same.
func (s *Service) prepareEntry(c Caller, programs []Program, depts []Department, d entryDraft) (NewEntry, Program, *invalid) {
	p, ok := findProgram(programs, d.program)
	if !ok {
		return NewEntry{}, Program{}, &invalid{field: FieldProgram}
	}
	if !p.Active {
		return NewEntry{}, p, &invalid{FieldProgram, s.t("%s is inactive and takes no new entries; a manager can reactivate it.",
			"%s 사업은 비활성 상태라 새 실적을 받지 않습니다. 관리자가 다시 활성화할 수 있습니다.", s.programLabel(p))}
	}
	today := s.today()
	asOf := today
	if d.date != nil {
		asOf = *d.date
	}
	if asOf.After(today) {
		return NewEntry{}, p, &invalid{FieldDate, s.t("%s is in the future; entries record jobs already created. Give today's date or an earlier one.",
			"%s은(는) 미래 날짜입니다. 이미 만들어진 일자리만 기록합니다. 오늘이나 그 이전 날짜를 쓰세요.", s.date(asOf))}
	}
	if utf8.RuneCountInString(d.note) > MaxNoteRunes {
		return NewEntry{}, p, &invalid{FieldNote, s.t("The note is longer than %d characters; shorten it.", "메모가 %d자를 넘습니다. 줄여 주세요.", MaxNoteRunes)}
	}
	if utf8.RuneCountInString(d.department) > MaxNameRunes {
		return NewEntry{}, p, &invalid{FieldDepartment, s.t("The department name is longer than %d characters.", "부서 이름이 %d자를 넘습니다.", MaxNameRunes)}
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
		LoggedBy: c.UserID, Source: c.Source, IdempotencyKey: c.key(""),
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
	return e, p, nil
}

// add answers `add`.
func (s *Service) add(ctx context.Context, c Caller, cmd Command) Reply {
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	d := entryDraft{count: cmd.Count, cumulative: cmd.Cumulative, date: cmd.Opts.Date, department: cmd.Opts.Department,
		status: cmd.Opts.Status, employment: cmd.Opts.Employment}
	var noteWords []string
	switch {
	case cmd.Opts.Program != "":
		d.program, noteWords = cmd.Opts.Program, append(cmd.Before, cmd.After...)
	case len(cmd.Before) > 0:
		d.program, noteWords = strings.Join(cmd.Before, " "), cmd.After
	case len(cmd.After) > 0:
		if p, n, ok := longestProgramPrefix(programs, cmd.After); ok {
			d.program, noteWords = p.Code, cmd.After[n:]
		} else {
			return s.unknownProgram(cmd.Name, cmd.After[0], programs)
		}
	default:
		return s.refuse(cmd.Name, s.t("Which program? Give its code or name after the count, e.g. `add 180 youth`.",
			"어느 사업인지 수 뒤에 코드나 이름을 쓰세요. 예: `add 180 youth`."))
	}
	d.note = strings.TrimSpace(strings.Join(noteWords, " ") + " " + cmd.Opts.Note)
	e, p, bad := s.prepareEntry(c, programs, depts, d)
	if bad != nil {
		if bad.field == FieldProgram && bad.message == "" {
			return s.unknownProgram(cmd.Name, d.program, programs)
		}
		return s.refuse(cmd.Name, bad.message)
	}
	return s.record(ctx, e, p)
}

// record stores a prepared entry and confirms it.
func (s *Service) record(ctx context.Context, e NewEntry, p Program) Reply {
	res, err := s.store.AddEntry(ctx, e)
	if below, ok := errors.AsType[*CumulativeBelowError](err); ok {
		return s.refuse("add", s.cumulativeBelow(p, below))
	}
	if err != nil {
		return s.storageFailure(ctx, "add", err)
	}
	if res.Agrees {
		return Reply{Title: s.t(
			"%[1]s already stands at %[2]s through %[3]s, the figure you reported: the ledger agrees, so nothing new was recorded.",
			"%[1]s의 %[3]s 기준 누계는 이미 %[2]s%[4]s입니다. 보고하신 수치와 장부가 같아 새로 기록하지 않았습니다.",
			s.programLabel(p), numbers.Format(res.Entry.ReportedTotal), s.date(res.Entry.AsOf), unitOf(p))}
	}
	entry := res.Entry
	if res.Duplicate {
		return Reply{Outcome: OutcomeRepeated, Title: s.t(
			"Entry #%d was already recorded from this same request; nothing new was saved.",
			"이 요청은 이미 #%d로 기록되어 새로 저장하지 않았습니다.", entry.ID)}
	}
	count := s.count(entry.Count, entry.Approximate)
	title := s.t("Recorded entry #%d: %s jobs for %s.", "#%d 기록: 일자리 %s, %s.", entry.ID, count, s.programLabel(p))
	if entry.Kind == KindCumulative {
		title = s.t("Recorded entry #%[1]d: %[2]s stands at %[3]s through %[4]s, a difference of %[5]s.",
			"#%[1]d 기록: %[2]s, %[4]s 기준 누계 %[3]s(차이 %[5]s).",
			entry.ID, s.programLabel(p), s.count(entry.ReportedTotal, entry.Approximate), s.date(entry.AsOf), count)
	}
	lines := []string{s.t("As of %s · %s · logged by %s", "기준일 %s · %s · 기록자 %s", s.date(entry.AsOf), entry.Department, entry.LoggedBy)}
	if entry.Status == StatusAgreed {
		lines = append(lines, s.t("Marked as agreed (MOU): not counted in job totals until realised.",
			"약정으로 표시: 실제 채용 전까지 일자리 실적에 넣지 않습니다."))
	}
	if entry.Note != "" {
		lines = append(lines, s.t("Note: %s", "메모: %s", entry.Note))
	}
	totals, err := s.entryTotals(ctx, entry, p, res.ProgramTotal)
	if err != nil {
		return s.storageFailure(ctx, "add", err)
	}
	lines = append(lines, totals...)
	lines = append(lines,
		s.t("Wrong? `/jobs undo` or `/jobs void %d <reason>`.", "잘못 기록했다면 `/jobs undo` 또는 `/jobs void %d <사유>`.", entry.ID))
	return Reply{Title: title, Sections: []Section{{Lines: lines}}, Actions: []Action{{
		ID: ActionUndo, Label: s.t("Undo", "취소"), Command: fmt.Sprintf("void %d undone from the confirmation", entry.ID), Style: "danger",
	}}}
}

// entryTotals is the program's year total after an entry. For a realised
// entry that is the store's same-status total. An agreed (MOU) entry must not
// read as the year's jobs: it shows the realised total and, apart from it,
// the agreed pipeline, both summed from the entries of the as-of year.
func (s *Service) entryTotals(ctx context.Context, e Entry, p Program, sameStatus int64) ([]string, error) {
	year := e.AsOf.Year()
	if e.Status != StatusAgreed {
		return []string{s.t("%s total for %d: %s.", "%s의 %d년 누적: %s.", s.programLabel(p), year, numbers.Format(sameStatus))}, nil
	}
	list, err := s.store.ProgramTotals(ctx, dates.On(year, time.January, 1), dates.On(year, time.December, 31), "")
	if err != nil {
		return nil, err
	}
	var t ProgramTotal
	for _, pt := range list {
		if pt.ProgramID == p.ID {
			t = pt
		}
	}
	return []string{
		s.t("%s total for %d: %s hired; agreed jobs are not in it.", "%s의 %d년 실적(채용): %s. 약정은 넣지 않습니다.", s.programLabel(p), year, numbers.Format(t.Jobs)),
		s.t("Agreed (MOU) pipeline for %d, not in the jobs total: %s.", "%d년 약정(MOU) 누적, 실적 미포함: %s.", year, numbers.Format(t.Agreed)),
	}, nil
}

// SubmitAddForm validates and records an add-entry form. Invalid fields come
// back as FieldErrors and nothing is written.
func (s *Service) SubmitAddForm(ctx context.Context, c Caller, f AddForm) (Reply, FieldErrors) {
	if !s.pinned { // answer in this caller's language
		return s.WithLanguage(s.languageFor(ctx, c)).SubmitAddForm(ctx, c, f)
	}
	if r := s.writeLimited(ctx, c, "add"); r != nil {
		return *r, FieldErrors{FieldProgram: r.Title}
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, "add", err), nil
	}
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return s.storageFailure(ctx, "add", err), nil
	}
	errs := FieldErrors{}
	d := entryDraft{program: strings.TrimSpace(f.Program), department: strings.TrimSpace(f.Department), note: strings.TrimSpace(f.Note)}
	if n, err := numbers.Parse(f.Count); err != nil {
		errs[FieldCount] = s.t("Write the count as 180, 2,400, 6백여 or 1만2000.", "180, 2,400, 6백여, 1만2000처럼 쓰세요.")
	} else if ue := checkCount("add", n); ue != nil {
		errs[FieldCount] = s.t(ue.En, ue.Ko)
	} else {
		d.count = n
	}
	if strings.TrimSpace(f.Date) != "" {
		if day, err := dates.Parse(f.Date, s.today()); err != nil {
			errs[FieldDate] = s.t("Write the date like 2026-04-30 or 4월말.", "2026-04-30, 4월말처럼 쓰세요.")
		} else {
			d.date = &day
		}
	}
	if strings.TrimSpace(f.Status) != "" {
		st, ok := lookup(statusWords, f.Status)
		if !ok {
			errs[FieldStatus] = s.t("Pick realised or agreed.", "채용 또는 약정을 고르세요.")
		}
		d.status = st
	}
	e, p, bad := s.prepareEntry(c, programs, depts, d)
	if bad != nil {
		if bad.message == "" {
			bad.message = s.t("Pick a program from the list.", "목록에서 사업을 고르세요.")
		}
		if _, seen := errs[bad.field]; !seen && (bad.field != FieldProgram || d.program != "" || len(errs) == 0) {
			errs[bad.field] = bad.message
		}
	}
	for field, text := range map[string]string{FieldDepartment: f.Department, FieldNote: f.Note} {
		if r, at, found := firstControl(text); found {
			errs[field] = s.t("This has an invisible control character (U+%04X) at character %d; delete it.",
				"%[2]d번째 글자에 보이지 않는 제어 문자(U+%04[1]X)가 있습니다. 지워 주세요.", r, at)
		}
	}
	if len(errs) > 0 {
		return Reply{Command: "add", Outcome: OutcomeRefused, Title: s.t("Please fix the marked fields.", "표시된 항목을 고쳐 주세요.")}, errs
	}
	e.Source = SourceModal
	r := s.record(ctx, e, p)
	r.Command = "add"
	if r.Outcome == "" {
		r.Outcome = OutcomeOK
	}
	if r.Outcome == OutcomeRefused { // a cumulative figure below the total: the count field is what to fix
		return r, FieldErrors{FieldCount: r.Title}
	}
	return r, nil
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
	typed := strings.Join(cmd.Words, " ")
	if cmd.Opts.Program != "" {
		typed = cmd.Opts.Program
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if typed != "" {
		p, ok := findProgram(programs, typed)
		if !ok {
			return s.unknownProgram(cmd.Name, typed, programs)
		}
		f.ProgramID = p.ID
	}
	entries, err := s.listThisYearFirst(ctx, f)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if len(entries) == 0 {
		return Reply{Title: s.t("No entries match.", "조건에 맞는 실적이 없습니다.")}
	}
	byID := map[int64]Program{}
	for _, p := range programs {
		byID[p.ID] = p
	}
	lines := make([]string, 0, len(entries))
	for _, e := range entries {
		lines = append(lines, s.entryLine(e, byID[e.ProgramID]))
	}
	title := s.t("Latest entries", "최근 실적")
	if len(entries) == f.Limit {
		title = s.t("Latest %d entries", "최근 실적 %d건", f.Limit)
	}
	r := Reply{Title: title, Sections: []Section{{Lines: lines}}}
	if f.Department != "" {
		r.Sections = append(r.Sections, Section{Lines: []string{s.deptTotalLine(f.Department, entries)}})
	}
	return r
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
	amount := "+" + s.count(e.Count, e.Approximate)
	if e.Kind == KindCumulative {
		amount += s.t(" (cumulative %s)", " (누적 %s)", numbers.Format(e.ReportedTotal))
	}
	line := fmt.Sprintf("#%d · %s · %s %s · %s · %s", e.ID, s.date(e.AsOf), p.Code, amount, e.Department, e.LoggedBy)
	if e.Status == StatusAgreed {
		line += s.t(" · agreed", " · 약정")
	}
	if e.Note != "" {
		line += " · " + e.Note
	}
	if e.Voided() {
		line = s.t("VOIDED ", "무효 ") + line + s.t(" (voided by %s: %s)", " (%s 무효 처리: %s)", e.VoidedBy, e.VoidReason)
	}
	return line
}

// undo answers `undo`: voids the caller's latest live entry. Concurrent
// undos by one user each void a different entry, newest first.
func (s *Service) undo(ctx context.Context, c Caller) Reply {
	res, err := s.store.UndoLatest(ctx, c.UserID, s.t("undone by its author", "작성자가 취소"))
	switch {
	case errors.Is(err, ErrNotFound):
		return Reply{Outcome: OutcomeRefused, Title: s.t("You have no entries to undo.", "취소할 실적이 없습니다.")}
	case errors.Is(err, ErrUndoBusy):
		return Reply{Outcome: OutcomeRefused, Title: s.t(
			"Another undo of yours is in progress and holds your latest entries; nothing was voided. Try again in a moment.",
			"진행 중인 다른 취소 요청이 최근 실적을 처리하고 있어 이번 요청으로는 아무것도 무효로 하지 않았습니다. 잠시 후 다시 시도하세요.")}
	}
	if dep, ok := errors.AsType[*DependentReportError](err); ok {
		return Reply{Outcome: OutcomeRefused, Title: s.dependentReport(dep)}
	}
	if err != nil {
		return s.storageFailure(ctx, "undo", err)
	}
	return s.voided(res, s.t("undone by its author", "작성자가 취소"))
}

// void answers `void`: its author or a manager voids one entry.
func (s *Service) void(ctx context.Context, c Caller, id int64, reason string) Reply {
	if utf8.RuneCountInString(reason) > MaxNoteRunes {
		return s.refuse("void", s.t("The reason is longer than %d characters; shorten it.", "사유가 %d자를 넘습니다. 줄여 주세요.", MaxNoteRunes))
	}
	if reason == "" {
		reason = s.t("no reason given", "사유 없음")
	}
	e, err := s.store.Entry(ctx, id)
	if errors.Is(err, ErrNotFound) {
		if r, ok := s.voidNothing(ctx, c, id, reason); ok { // 실적 없음 reports share the numbers
			return r
		}
		return s.refuse("void", s.t("There is no entry #%d. Use `list` to see the numbers.", "#%d 실적이 없습니다. `list`로 번호를 확인하세요.", id))
	}
	if err != nil {
		return s.storageFailure(ctx, "void", err)
	}
	if e.LoggedBy != c.UserID && !s.IsManager(c.UserID) {
		return Reply{Outcome: OutcomeRefused, Title: s.t("Entry #%d was logged by %s; only they or a manager can void it.",
			"#%d 실적은 %s 님이 기록했습니다. 본인이나 관리자만 무효로 할 수 있습니다.", id, e.LoggedBy)}
	}
	res, err := s.store.VoidEntry(ctx, id, c.UserID, reason)
	if errors.Is(err, ErrAlreadyVoided) {
		return Reply{Outcome: OutcomeRepeated, Title: s.t("Entry #%d was already voided; nothing changed.", "#%d 실적은 이미 무효입니다. 바뀐 것이 없습니다.", id)}
	}
	if dep, ok := errors.AsType[*DependentReportError](err); ok {
		return Reply{Outcome: OutcomeRefused, Title: s.dependentReport(dep)}
	}
	if err != nil {
		return s.storageFailure(ctx, "void", err)
	}
	return s.voided(res, reason)
}

// voided confirms a void, listing the later cumulative reports recomputed so
// they still state the total through their dates.
func (s *Service) voided(res VoidResult, reason string) Reply {
	v := res.Entry
	lines := []string{s.t("Reason: %s", "사유: %s", reason)}
	for _, a := range res.Adjusted {
		r := a.Report
		lines = append(lines, s.t(
			"Later cumulative report #%[1]d (%[2]s, cumulative %[3]s) now records +%[5]s instead of +%[4]s, so it still states the total through its date.",
			"이후 누계 보고 #%[1]d(%[2]s 기준 누계 %[3]s)의 차이 수정: +%[4]s → +%[5]s. 그 보고의 누계가 계속 맞도록 했습니다.",
			r.ID, s.date(r.AsOf), numbers.Format(r.ReportedTotal), numbers.Format(a.OldCount), numbers.Format(r.Count)))
	}
	return Reply{Title: s.t("Voided entry #%[1]d (%[2]s %[3]s, %[4]s). It stays in the history.",
		"#%[1]d 실적(%[2]s %[3]s, %[4]s)을 무효로 했습니다. 기록은 남습니다.", v.ID, v.ProgramCode, s.count(v.Count, v.Approximate), s.date(v.AsOf)),
		Sections: []Section{{Lines: lines}}}
}

// dependentReport explains a void refused because a later cumulative report
// counts on the entry.
func (s *Service) dependentReport(dep *DependentReportError) string {
	r := dep.Report
	return s.t(
		"Entry #%[1]d was not voided: the later cumulative report #%[2]d (%[3]s, cumulative %[4]s) counts on it and cannot stay true without it. Void #%[2]d first, then #%[1]d.",
		"#%[1]d 실적을 무효로 하지 않았습니다. 이후 누계 보고 #%[2]d(%[3]s 기준 누계 %[4]s)의 수치가 이 실적에 기대고 있어, 무효로 하면 그 보고가 맞지 않게 됩니다. #%[2]d, #%[1]d 순서로 무효로 하세요.",
		dep.Voided, r.ID, s.date(r.AsOf), numbers.Format(r.ReportedTotal))
}

// cumulativeBelow explains a refused cumulative figure, naming the entries
// to check.
func (s *Service) cumulativeBelow(p Program, below *CumulativeBelowError) string {
	checks := make([]string, len(below.Entries))
	for i, e := range below.Entries {
		checks[i] = fmt.Sprintf("#%d (%s, +%s)", e.ID, s.date(e.AsOf), s.count(e.Count, e.Approximate))
	}
	return s.t(
		"%[1]s already has %[2]s jobs through %[3]s, so a cumulative figure of %[4]s would lower it. Nothing was saved. Entries to check: %[6]s. If one is wrong, void it first (`void <#> <reason>`, or `list %[5]s`).",
		"%[1]s의 %[3]s 기준 누계가 이미 %[2]s%[7]s입니다. 누계 %[4]s%[7]s 보고는 이보다 적어 저장하지 않았습니다. 확인할 실적: %[6]s. 틀린 실적이 있으면 먼저 무효로 하세요(`void <번호> <사유>`, `list %[5]s`).",
		s.programLabel(p), numbers.Format(below.Current), s.date(below.AsOf), numbers.Format(below.Reported), p.Code,
		strings.Join(checks, ", "), unitOf(p))
}

// unitOf is the counter a program's figures are written with in Korean.
func unitOf(p Program) string {
	if p.Unit == "" {
		return "개"
	}
	return p.Unit
}

// count formats a number of jobs, marking approximate ones (여).
func (s *Service) count(n int64, approximate bool) string {
	out := numbers.Format(n)
	if approximate {
		out += "여"
	}
	return out
}

// date formats a calendar date the way each language writes it.
func (s *Service) date(d time.Time) string {
	if s.lang == Korean {
		return fmt.Sprintf("%d. %d. %d.", d.Year(), d.Month(), d.Day())
	}
	return d.Format("2006-01-02")
}
