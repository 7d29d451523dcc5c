package commands

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
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

// listVoided answers `list voided [program] [period] [dept:…]`: the voided
// entries dated within the period (this year by default), whenever voided,
// with who voided them,
// when and why. "N jobs taken out" counts plain voids only: an entry voided
// because a correction (정정) replaced it took out only old − new, so
// corrections are listed apart, old → new, with what they changed.
func (s *Service) listVoided(ctx context.Context, cmd Command) Reply {
	span := dates.Year(s.today().Year())
	if cmd.Period != nil {
		span = *cmd.Period
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	label := s.period(span)
	typed := strings.Join(cmd.Words, " ")
	if cmd.Opts.Program != "" {
		typed = cmd.Opts.Program
	}
	var only Program
	if typed != "" {
		var ok bool
		if only, ok = s.lookupProgram(programs, typed); !ok {
			return s.unknownProgram(cmd.Name, typed, programs)
		}
		label = s.msg("audit.voided_label_program", "Period", label, "Program", s.programShort(only))
	}
	dept := ""
	if cmd.Opts.Department != "" {
		depts, err := s.store.Departments(ctx)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		d, ok := findDepartment(depts, cmd.Opts.Department)
		if !ok {
			return s.refuse(cmd.Name, s.unknownDepartment(cmd.Opts.Department, depts))
		}
		dept = d.Name
		label = s.msg("audit.voided_label_program", "Period", label, "Program", dept)
	}
	// The list is of the voids of the entries dated in the span, whenever
	// made, as `목록 2026` lists 2026's entries: a 2026 entry voided in
	// January 2027 was missing from 2026's list and lowered no 2027 figure
	// (review r28 F7). The title says so; each line gives the void's day.
	entries, err := s.store.VoidedDated(ctx, span.From, span.To)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	entries = slices.DeleteFunc(entries, func(e Entry) bool {
		return only.ID != 0 && e.ProgramID != only.ID || dept != "" && e.Department != dept
	})
	// A 정정 taken back by 취소 voided its replacement and restored the
	// original: nothing was taken out, so such voids are listed apart and
	// left out of the head's count (issue 19 §4, review r39 F8).
	plain, corrected, undone, err := s.splitVoided(ctx, s.named(ctx, entries), true)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if len(plain) == 0 && len(corrected) == 0 && len(undone) == 0 {
		return Reply{Title: s.msg("audit.nothing_was_voided_in", "Label", label)}
	}
	lines := make([]string, 0, len(plain))
	// Voided jobs and voided agreements (약정) are counted apart, as every
	// other figure keeps them; sessions (회) are neither.
	// A void a later 누계 report took up (its total stands) took out only
	// the rest: the figure is what the ledger lost, as a SUM shows (r11 F8).
	ids := make([]int64, len(plain))
	for i, e := range plain {
		ids[i] = e.ID
	}
	takenUp, err := s.store.TakenUpByLaterReports(ctx, ids)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	var jobs, agreed, rose int64
	// What a void takes out comes out of the year of the entry's date, not
	// of the year it was voided in: a 2026 entry voided in January 2027
	// lowers 2026's figures (review r25 F12).
	byYear := map[int][2]int64{} // entry year: jobs, agreed
	for _, e := range plain {
		name, unit := s.programOf(programs, e.ProgramID, e.ProgramCode)
		count := s.voidedFigure(e, unit)
		out := max(e.Count-takenUp[e.ID], 0)
		if up := takenUp[e.ID]; up > e.Count && unit != "회" {
			// The void of a 정정's replacement whose chain was lowered apart
			// from the later reports (누계포함:아니오) raised the total: the
			// reports took up more than the figure (review r28 F14).
			count += s.msg("r28b.taken_up_rose", "Jobs", s.unitCount(e.Count, false, unit), "Rise", s.unitCount(up-e.Count, false, unit))
			if e.Status != StatusAgreed {
				rose += up - e.Count
			}
		} else if up > 0 && unit != "회" {
			count += s.msg("audit.taken_up_later", "Jobs", s.unitCount(min(up, e.Count), false, unit), "Out", s.unitCount(out, false, unit))
		}
		switch {
		case unit == "회":
		case e.Status == StatusAgreed:
			agreed += out
			count += s.msg("entries.agreed")
			y := byYear[e.AsOf.Year()]
			y[1] += out
			byYear[e.AsOf.Year()] = y
		default:
			jobs += out
			y := byYear[e.AsOf.Year()]
			y[0] += out
			byYear[e.AsOf.Year()] = y
		}
		lines = append(lines, s.msg("audit.voided_line", "ID", e.ID, "Program", name, "Count", count, "AsOf", s.date(e.AsOf), "LoggedBy", e.LoggedBy, "VoidedAt", s.instant(*e.VoidedAt), "VoidedBy", e.VoidedBy, "VoidReason", e.VoidReason))
	}
	var title string
	otherYear := false
	for y := range byYear {
		otherYear = otherYear || y != span.From.Year() || y != span.To.Year()
	}
	switch {
	case otherYear && len(plain) > 0:
		title = s.msg("labels.voided_in_years", "Label", label, "Entries", s.counted("count.entries", int64(len(plain)), len(plain)),
			"Out", s.voidedByYear(byYear))
	case len(plain) == 0 && len(undone) > 0 && len(corrected) > 0:
		title = s.msg("undo8.only_corrections_and_undone_in", "Label", label,
			"Corrected", s.counted("count.entries", int64(len(corrected)), len(corrected)), "N", len(undone), i18n.PluralCount, len(undone))
	case len(plain) == 0 && len(undone) > 0:
		title = s.msg("undo8.only_undone_in", "Label", label, "N", len(undone), i18n.PluralCount, len(undone))
	case len(plain) == 0:
		title = s.msg("audit.only_corrections_in", "Label", label, "N", len(corrected), i18n.PluralCount, len(corrected))
	case agreed > 0:
		title = s.msg("audit.voided_in_with_agreed", "Label", label, "Entries", s.counted("count.entries", int64(len(plain)), len(plain)),
			"Jobs", s.counted("count.jobs", jobs, s.jobs(jobs)), "Agreed", s.counted("count.agreed_jobs", agreed, s.jobs(agreed)))
	default:
		title = s.msg("audit.voided_in", "Label", label, "Entries", s.counted("count.entries", int64(len(plain)), len(plain)),
			"Jobs", s.counted("count.jobs", jobs, s.jobs(jobs)))
	}
	if rose > 0 {
		// The head says what came back too: "0개 제외" alone hid a void
		// that raised the total (review r29 B4).
		title += s.msg("undolink.voided_rose", "Rise", s.counted("count.jobs", rose, s.jobs(rose)))
	}
	r := Reply{Title: title}
	if len(lines) > 0 {
		r.Sections = append(r.Sections, Section{Lines: lines})
	}
	if len(corrected) > 0 {
		ids := make([]int64, len(corrected))
		for i, c := range corrected {
			ids[i] = c.Old.ID
		}
		rebased, err := s.store.CorrectionRebases(ctx, ids)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		r.Sections = append(r.Sections, s.correctionsSection(corrected, programs, rebased))
	}
	if len(undone) > 0 {
		r.Sections = append(r.Sections, s.undoneSection(undone, programs))
	}
	return r
}

// UndoneEntry is the replacement of a 정정 taken back by 취소, voided so,
// and the original the 취소 restored.
type UndoneEntry struct {
	Entry    Entry
	Original int64
}

// undoneSection lists the voids that were 정정s taken back (취소): each
// restored the entry the 정정 had replaced, so none took anything out.
func (s *Service) undoneSection(undone []UndoneEntry, programs []Program) Section {
	sec := Section{Heading: s.msg("undo8.undone_heading", "N", len(undone))}
	for _, u := range undone {
		e := u.Entry
		name, unit := s.programOf(programs, e.ProgramID, e.ProgramCode)
		count := s.voidedFigure(e, unit)
		if e.Status == StatusAgreed && unit != "회" {
			count += s.msg("entries.agreed")
		}
		sec.Lines = append(sec.Lines, s.msg("undo8.undone_line", "ID", e.ID, "Program", name, "Count", count,
			"AsOf", s.date(e.AsOf), "Original", u.Original, "At", s.instant(*e.VoidedAt), "By", e.VoidedBy))
	}
	sec.Lines = append(sec.Lines, s.msg("undo8.undone_apart"))
	return sec
}

// CorrectedEntry is an entry voided because a correction (정정) replaced
// it, with its replacement.
type CorrectedEntry struct {
	Old Entry
	// New is the replacement, nil when nothing new was recorded (a
	// corrected cumulative figure the ledger already agreed with).
	New *Entry
}

// newCount is the replacement's count, 0 without one.
func (c CorrectedEntry) newCount() int64 {
	if c.New == nil {
		return 0
	}
	return c.New.Count
}

// splitCorrections separates from voided entries those a correction (정정)
// replaced, reading each one's replacement. The rest, plain voids, keep
// their order.
func (s *Service) splitCorrections(ctx context.Context, voided []Entry) ([]Entry, []CorrectedEntry, error) {
	plain, corrected, _, err := s.splitVoided(ctx, voided, false)
	return plain, corrected, err
}

// splitVoided is splitCorrections, and with apartUndone it also takes
// out of the plain voids the replacements of 정정s taken back by 취소
// (correction_undos), which took nothing out.
func (s *Service) splitVoided(ctx context.Context, voided []Entry, apartUndone bool) ([]Entry, []CorrectedEntry, []UndoneEntry, error) {
	if len(voided) == 0 {
		return nil, nil, nil, nil
	}
	ids := make([]int64, len(voided))
	for i, e := range voided {
		ids[i] = e.ID
	}
	marks, err := s.store.EntryMarks(ctx, ids)
	if err != nil {
		return nil, nil, nil, err
	}
	var plain []Entry
	var corrected []CorrectedEntry
	var undone []UndoneEntry
	for _, e := range voided {
		m := marks[e.ID]
		if apartUndone && !m.Corrected && m.UndoneOf != 0 {
			undone = append(undone, UndoneEntry{Entry: e, Original: m.UndoneOf})
			continue
		}
		if !m.Corrected {
			plain = append(plain, e)
			continue
		}
		c := CorrectedEntry{Old: e}
		if m.CorrectedTo != 0 {
			n, err := s.store.Entry(ctx, m.CorrectedTo)
			if err != nil {
				return nil, nil, nil, err
			}
			c.New = &n
		}
		corrected = append(corrected, c)
	}
	// A 누계 replacement shows the increment it had when the 정정 made it:
	// a later void re-based it (its total stands), and showing the count of
	// now wrote a 정정 that changed nothing, "계산된 증가분 121개 → 121개"
	// where it was 121 → 101 (review r28 F14).
	var reports []int64
	for _, c := range corrected {
		if c.New != nil && c.New.Kind == KindCumulative {
			reports = append(reports, c.New.ID)
		}
	}
	if len(reports) > 0 {
		adjusted, err := s.store.AdjustedBy(ctx, reports)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, c := range corrected {
			if c.New != nil {
				c.New.Count -= adjusted[c.New.ID]
			}
		}
	}
	return plain, corrected, undone, nil
}

// correctionsSection lists corrections apart from voids: old → new, and
// what they changed in realised jobs (and agreements), which the voids'
// "taken out" does not count. A delta's 정정 moved the ledger by its
// change plus what it re-based the later 누계 reports by (rebased): a
// change a later report absorbed (누계포함:예, its total stands) moved
// nothing, as a SUM over the live entries shows, and is told apart
// (review r13 W10), as the voids' figure leaves out what later reports
// took up.
func (s *Service) correctionsSection(corrected []CorrectedEntry, programs []Program, rebased map[int64]int64) Section {
	sec := Section{Heading: s.msg("audit.corrections_heading", "N", len(corrected))}
	var jobs, agreed, absorbedJobs, absorbedAgreed int64
	// A 정정 of a 누계 report changes the total reported through its date,
	// not realised jobs as such (the later reports keep their totals):
	// summed apart, by date, and labelled so (review r5 L2).
	var reports []string
	reported, ofReports := map[string]int64{}, 0
	for _, c := range corrected {
		e := c.Old
		name, unit := s.programOf(programs, e.ProgramID, e.ProgramCode)
		from, to, change := s.correctionFigures(c, unit)
		status := ""
		if e.Status == StatusAgreed && unit != "회" {
			status = s.msg("entries.agreed")
		}
		switch {
		case unit == "회":
		case e.Kind == KindCumulative && e.ReportedTotal > 0:
			key := s.msg("corrections.report_change_as_of", "AsOf", s.date(e.AsOf), "Program", name, "Status", status)
			if _, ok := reported[key]; !ok {
				reports = append(reports, key)
			}
			reported[key] += change
			ofReports++
		case e.Status == StatusAgreed:
			agreed += change + rebased[e.ID]
			absorbedAgreed -= rebased[e.ID]
		default:
			jobs += change + rebased[e.ID]
			absorbedJobs -= rebased[e.ID]
		}
		if c.New != nil {
			to += s.msg("audit.corrected_new_id", "ID", c.New.ID)
		} else {
			to += s.msg("audit.corrected_nothing_new")
		}
		sec.Lines = append(sec.Lines, s.msg("audit.corrected_line", "ID", e.ID, "Program", name,
			"From", from, "To", to, "Status", status, "AsOf", s.date(e.AsOf),
			"At", s.instant(*e.VoidedAt), "By", e.VoidedBy, "Reason", e.VoidReason))
	}
	changes := make([]string, len(reports))
	for i, k := range reports {
		changes[i] = s.msg("corrections.report_change", "AsOf", k, "Change", s.signedCount(reported[k], ""))
	}
	switch {
	case agreed != 0:
		sec.Lines = append(sec.Lines, s.msg("audit.corrections_apart_with_agreed", "Jobs", s.signedCount(jobs, ""), "Agreed", s.signedCount(agreed, "")))
	case ofReports == len(corrected):
		sec.Lines = append(sec.Lines, s.msg("corrections.apart_only_reports", "List", strings.Join(changes, ", ")))
		return sec
	default:
		sec.Lines = append(sec.Lines, s.msg("audit.corrections_apart", "Jobs", s.signedCount(jobs, "")))
	}
	if absorbedJobs != 0 || absorbedAgreed != 0 {
		key := "k47.corrections_absorbed"
		if absorbedAgreed != 0 {
			key = "k47.corrections_absorbed_with_agreed"
		}
		sec.Lines = append(sec.Lines, s.msg(key, "Jobs", s.signedCount(absorbedJobs, ""), "Agreed", s.signedCount(absorbedAgreed, "")))
	}
	if len(reports) > 0 {
		sec.Lines = append(sec.Lines, s.msg("corrections.apart_reports", "List", strings.Join(changes, ", ")))
	}
	return sec
}

// correctionFigures is a 정정 as its history shows it: old and new as
// typed, and the change. A 누계 report is shown as reported: the total
// typed, and the increment the ledger derived from it only labelled as
// such; its change is that of the reported total.
func (s *Service) correctionFigures(c CorrectedEntry, unit string) (from, to string, change int64) {
	e := c.Old
	change = c.newCount() - e.Count
	from = s.unitCount(e.Count, e.Approximate, unit)
	to = s.unitCount(c.newCount(), c.New != nil && c.New.Approximate, unit)
	if e.Kind == KindCumulative && e.ReportedTotal > 0 {
		from = s.cumulativeFigure(e, unit)
		if c.New != nil && c.New.ReportedTotal > 0 {
			to = s.cumulativeFigure(*c.New, unit)
			change = c.New.ReportedTotal - e.ReportedTotal
		}
	}
	return from, to, change
}

// cumulativeFigure is a 누계 report as the history shows it: the total
// reported, then the increment the ledger derived from it, labelled.
func (s *Service) cumulativeFigure(e Entry, unit string) string {
	return s.msg("corrections.history_cumulative", "Total", s.unitCount(e.ReportedTotal, e.Approximate, unit),
		"Count", s.unitCount(e.Count, false, unit))
}

// voidedFigure is a voided entry's figure in a list of voids: a 누계 report
// as reported, with the increment it took out labelled as derived (누계
// 75개(계산된 증가분 15개), k35 L5), a delta as its count; 여 as the entry
// carries it.
func (s *Service) voidedFigure(e Entry, unit string) string {
	if e.Kind == KindCumulative && e.ReportedTotal > 0 {
		return s.cumulativeFigure(e, unit)
	}
	return s.unitCount(e.Count, e.Approximate, unit)
}

// instant formats a moment in the city's time zone.
func (s *Service) instant(t time.Time) string {
	l := t.In(s.loc)
	return s.date(dates.On(l.Year(), l.Month(), l.Day())) + l.Format(" 15:04")
}

// parseTargetHistory reads `target history [year]`.
func parseTargetHistory(cmd *Command, ts []token, today time.Time) error {
	ts, err := takePeriod(cmd, ts, today)
	if err != nil {
		return err
	}
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
			line += s.msg("audit.target_reason", "Reason", c.Reason)
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
	live, approximate := 0, false
	for _, e := range entries {
		if e.Voided() {
			continue
		}
		live++
		if e.Status == StatusAgreed {
			agreed += e.Count
		} else {
			jobs += e.Count
			// a 820여 report keeps its 여 in the sum (review r13 W8)
			approximate = approximate || e.Approximate
		}
	}
	line := s.msg("audit.dept_live", "Dept", dept, "Live", s.counted("count.live_entries", int64(live), live), "Jobs", s.counted("count.jobs", jobs, s.unitCount(jobs, approximate, "")))
	if agreed > 0 {
		line += s.msg("audit.and_agreed_not_counted", "Agreed", s.jobs(agreed))
	}
	return line
}

// voidedByYear names what voids took out per year of the entries' dates,
// oldest first: "2026년 일자리 30개 · 2027년 일자리 5개".
func (s *Service) voidedByYear(byYear map[int][2]int64) string {
	years := slices.Sorted(maps.Keys(byYear))
	var parts []string
	for _, y := range years {
		jobs, agreed := byYear[y][0], byYear[y][1]
		if jobs > 0 || agreed == 0 {
			parts = append(parts, s.msg("labels.voided_year_jobs", "Year", y, "Jobs", s.counted("count.jobs", jobs, s.jobs(jobs))))
		}
		if agreed > 0 {
			parts = append(parts, s.msg("labels.voided_year_agreed", "Year", y, "Agreed", s.counted("count.agreed_jobs", agreed, s.jobs(agreed))))
		}
	}
	return strings.Join(parts, " · ")
}
