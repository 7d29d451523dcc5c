package commands

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"jobsbot/commands/chart"
	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
)

// Digest is what the weekly digest says about one Monday..Sunday week: the
// ritual that replaces the department-by-department phone round before the
// Monday meeting. Service.Digest gathers it; Service.DigestReply words it.
type Digest struct {
	WeekStart, WeekEnd time.Time // Monday and Sunday, midnight UTC
	// Year is the year the year-to-date figures belong to: the ISO
	// week-year, so week 1 reports the year it ends in, and the week holding
	// December 31 in its first days reports that year's final total.
	Year int
	// PrevYearFinal is the year before's final total, set only for a week 1
	// that starts in December, so the last days of that year are reported in
	// some digest.
	PrevYearFinal ProgramTotal
	// MonthEndDays and MonthEndJobs are set when most of the week's jobs came
	// from month-end reports (dated on a month's last day, or cumulative).
	MonthEndDays []time.Time
	MonthEndJobs int64
	// AsOf is the last day the year to date counts: the week's Sunday,
	// clipped to December 31.
	AsOf time.Time

	// Programs are the jobs-counting programs with jobs this week or the
	// week before, most jobs this week first.
	Programs []ProgramWeek
	// Week and PrevWeek sum every jobs-counting program.
	Week, PrevWeek          ProgramTotal
	WeekPublic, WeekPrivate int64
	YearToDate              ProgramTotal
	Target                  int64 // the year's current target, 0 if none
	WeeksLeft               int64 // whole weeks after AsOf to the end of the year
	Lagging                 []ProgramWeek
	TopDepartments          []DepartmentTotal // most jobs this week first
	SilentDepartments       []DepartmentTotal // nothing logged for silentAfter or more by WeekEnd
	DepartmentTargets       []DepartmentTotal // departments with a yearly target: jobs from 1 January to WeekEnd
	NewCandidates, Moves    []StageMove       // made this week; creations are NewCandidates
	Stages                  map[Stage]int     // candidates per stage now
	Voided                  []Entry           // voided this week, whatever their as-of dates
	Chart                   chart.Series

	elapsedDays, daysInYear int64 // for the share of the year gone by
	programsWithTargets     int
}

// ProgramWeek is one program's figures in a digest.
type ProgramWeek struct {
	Program                    Program
	Week, PrevWeek, YearToDate ProgramTotal
	Target                     int64 // the program's own target, 0 if none
}

// Limits on the lists of a digest. The Slack transport caps a message at 50
// blocks and Block Kit sections at 3,000 characters; short lists also keep the
// digest readable on a phone before the Monday meeting.
const (
	digestTopDepartments = 5
	digestMaxList        = 8
)

// Digest gathers the digest of the Monday..Sunday week holding weekStart.
func (s *Service) Digest(ctx context.Context, weekStart time.Time) (Digest, error) {
	monday := dates.WeekStart(weekStart)
	d := Digest{WeekStart: monday, WeekEnd: monday.AddDate(0, 0, 6)}
	// The ISO week-year: week 1 (which may start in late December) reports
	// the year it ends in, and a week holding December 31 in its first half
	// reports the year it closes.
	d.Year, _ = monday.ISOWeek()
	yearEnd := dates.On(d.Year, time.December, 31)
	d.AsOf = d.WeekEnd
	if d.AsOf.After(yearEnd) {
		d.AsOf = yearEnd
	}
	d.daysInYear = int64(yearEnd.YearDay())
	d.elapsedDays = int64(d.AsOf.YearDay())
	if d.AsOf.Before(yearEnd) {
		d.WeeksLeft = weeksLeft(d.AsOf.AddDate(0, 0, 1))
	}

	all, err := s.store.Programs(ctx)
	if err != nil {
		return d, err
	}
	if err := s.gatherPrograms(ctx, &d, all); err != nil {
		return d, err
	}
	if err := s.gatherMonthEnd(ctx, &d, all); err != nil {
		return d, err
	}
	if err := s.gatherDepartments(ctx, &d, all); err != nil {
		return d, err
	}
	if err := s.gatherDepartmentTargets(ctx, &d); err != nil {
		return d, err
	}
	if err := s.gatherCandidatesAndVoids(ctx, &d); err != nil {
		return d, err
	}
	if d.Chart, err = s.cumulativeSeries(ctx, d.Year, d.AsOf, d.Target); err != nil {
		return d, err
	}
	return d, nil
}

// gatherPrograms sums the week, the week before and the year to date per
// program, and finds the lagging ones.
func (s *Service) gatherPrograms(ctx context.Context, d *Digest, all []Program) error {
	monday := d.WeekStart
	week, err := s.totalsByProgram(ctx, monday, d.WeekEnd, "")
	if err != nil {
		return err
	}
	prev, err := s.totalsByProgram(ctx, monday.AddDate(0, 0, -7), monday.AddDate(0, 0, -1), "")
	if err != nil {
		return err
	}
	ytd, err := s.totalsByProgram(ctx, dates.On(d.Year, time.January, 1), d.AsOf, "")
	if err != nil {
		return err
	}
	if monday.Year() < d.Year { // week 1 starting in December: close last year too
		closed, err := s.totalsByProgram(ctx, dates.On(monday.Year(), time.January, 1), dates.On(monday.Year(), time.December, 31), "")
		if err != nil {
			return err
		}
		for _, p := range all {
			if p.CountsAsJobs() {
				addTotal(&d.PrevYearFinal, closed[p.ID])
			}
		}
	}
	targets, err := s.store.Targets(ctx, d.Year)
	if err != nil {
		return err
	}
	d.Target = targets.Total
	for _, p := range all {
		if !p.CountsAsJobs() {
			continue
		}
		pw := ProgramWeek{Program: p, Week: week[p.ID], PrevWeek: prev[p.ID], YearToDate: ytd[p.ID], Target: targets.Programs[p.ID]}
		d.addProgram(pw)
	}
	sort.SliceStable(d.Programs, func(i, j int) bool { return d.Programs[i].Week.Jobs > d.Programs[j].Week.Jobs })
	sort.SliceStable(d.Lagging, func(i, j int) bool {
		return d.Lagging[i].YearToDate.Jobs*d.Lagging[j].Target < d.Lagging[j].YearToDate.Jobs*d.Lagging[i].Target
	})
	return nil
}

// addProgram adds one program's figures to the digest's sums and lists.
func (d *Digest) addProgram(pw ProgramWeek) {
	addTotal(&d.Week, pw.Week)
	addTotal(&d.PrevWeek, pw.PrevWeek)
	addTotal(&d.YearToDate, pw.YearToDate)
	switch pw.Program.Sector {
	case SectorPublic:
		d.WeekPublic += pw.Week.Jobs
	case SectorPrivate:
		d.WeekPrivate += pw.Week.Jobs
	}
	if pw.Week.Jobs != 0 || pw.PrevWeek.Jobs != 0 || pw.Week.Agreed != 0 {
		d.Programs = append(d.Programs, pw)
	}
	if pw.Target > 0 {
		d.programsWithTargets++
		// Behind pace: a smaller share of its target than of the year.
		if pw.YearToDate.Jobs*d.daysInYear < pw.Target*d.elapsedDays {
			d.Lagging = append(d.Lagging, pw)
		}
	}
}

// weekEntriesCap bounds the entries read to classify a week's reports; a
// week has a few dozen, and past the cap the note is simply left out.
const weekEntriesCap = 2000

// gatherMonthEnd finds the share of the week's jobs that came from
// month-end reports: entries dated on a month's last day or given as
// cumulative figures. Those are a month's (or a year's) work reported at
// once, so a week made mostly of them must not read as one week's output.
func (s *Service) gatherMonthEnd(ctx context.Context, d *Digest, all []Program) error {
	if d.Week.Jobs <= 0 {
		return nil
	}
	jobs := map[int64]bool{}
	for _, p := range all {
		jobs[p.ID] = p.CountsAsJobs()
	}
	list, err := s.store.ListEntries(ctx, EntryFilter{From: d.WeekStart, To: d.WeekEnd, Limit: weekEntriesCap})
	if err != nil || len(list) == weekEntriesCap {
		return err
	}
	var share int64
	monthEnds, cumulativeDays := map[time.Time]bool{}, map[time.Time]bool{}
	for _, e := range list {
		if e.Voided() || e.Status != StatusRealised || !jobs[e.ProgramID] {
			continue
		}
		switch {
		case e.AsOf.AddDate(0, 0, 1).Day() == 1:
			monthEnds[e.AsOf] = true
		case e.Kind == KindCumulative:
			cumulativeDays[e.AsOf] = true
		default:
			continue
		}
		share += e.Count
	}
	if share*2 <= d.Week.Jobs {
		return nil
	}
	// Name the month ends; a cumulative figure dated mid-month is counted in
	// the share but named only when there is no month end to name.
	if len(monthEnds) == 0 {
		monthEnds = cumulativeDays
	}
	for day := range monthEnds {
		d.MonthEndDays = append(d.MonthEndDays, day)
	}
	d.MonthEndJobs = share
	sort.Slice(d.MonthEndDays, func(i, j int) bool { return d.MonthEndDays[i].Before(d.MonthEndDays[j]) })
	return nil
}

// gatherCandidatesAndVoids reads the week's stage moves, the pipeline and
// the week's voids.
func (s *Service) gatherCandidatesAndVoids(ctx context.Context, d *Digest) error {
	// Voids and stage moves are stamped instants; the week runs from Monday
	// midnight to the next Monday midnight in the city's zone.
	weekFrom := time.Date(d.WeekStart.Year(), d.WeekStart.Month(), d.WeekStart.Day(), 0, 0, 0, 0, s.loc)
	weekTo := weekFrom.AddDate(0, 0, 7)
	var err error
	if d.Stages, err = s.store.StageCounts(ctx); err != nil {
		return err
	}
	moves, err := s.store.StageMovesBetween(ctx, weekFrom, weekTo)
	if err != nil {
		return err
	}
	for _, m := range moves {
		if m.From == "" {
			d.NewCandidates = append(d.NewCandidates, m)
		} else {
			d.Moves = append(d.Moves, m)
		}
	}
	d.Voided, err = s.store.VoidedBetween(ctx, weekFrom, weekTo)
	return err
}

func addTotal(sum *ProgramTotal, t ProgramTotal) {
	sum.Jobs += t.Jobs
	sum.Approximate += t.Approximate
	sum.Agreed += t.Agreed
}

// gatherDepartments finds the week's busiest departments and the silent
// ones. Silence is judged as the week's Sunday saw it: a report dated after
// the week (or a digest run weeks later) does not hide a silent department.
func (s *Service) gatherDepartments(ctx context.Context, d *Digest, programs []Program) error {
	depts, err := s.store.DepartmentTotals(ctx, d.WeekStart, d.WeekEnd)
	if err != nil {
		return err
	}
	last, err := s.store.LastLoggedThrough(ctx, d.WeekEnd)
	if err != nil {
		return err
	}
	// A department that said it had nothing this month (실적 없음) has reported.
	reported, err := s.store.SaidNothing(ctx, dates.On(d.WeekEnd.Year(), d.WeekEnd.Month(), 1))
	if err != nil {
		return err
	}
	for _, dt := range withProgramDepartments(depts, programs) {
		dt.LastLoggedOn = last[dt.Department]
		if dt.Jobs > 0 {
			d.TopDepartments = append(d.TopDepartments, dt)
		}
		silent := dt.LastLoggedOn.IsZero() || d.WeekEnd.Sub(dt.LastLoggedOn) >= silentAfter
		if silent && !reported[dt.Department] {
			d.SilentDepartments = append(d.SilentDepartments, dt)
		}
	}
	// Longest silent first: those are the phone calls to make.
	sort.SliceStable(d.SilentDepartments, func(i, j int) bool {
		a, b := d.SilentDepartments[i].LastLoggedOn, d.SilentDepartments[j].LastLoggedOn
		return a.Before(b)
	})
	return nil
}

// gatherDepartmentTargets sums, for each department with a yearly target,
// its jobs from 1 January of the digest's year to its as-of date, for 달성률.
func (s *Service) gatherDepartmentTargets(ctx context.Context, d *Digest) error {
	targets, err := s.store.DepartmentTargets(ctx, d.Year)
	if err != nil || len(targets) == 0 {
		return err
	}
	ytd, err := s.store.DepartmentTotals(ctx, dates.On(d.Year, time.January, 1), d.AsOf)
	if err != nil {
		return err
	}
	for _, dt := range withDepartmentTargets(ytd, targets) {
		if dt.Target > 0 {
			d.DepartmentTargets = append(d.DepartmentTargets, dt)
		}
	}
	return nil
}

// cumulativeSeries builds the chart's curves: this year through asOf and all
// of last year, each as running totals at every Sunday.
func (s *Service) cumulativeSeries(ctx context.Context, year int, asOf time.Time, target int64) (chart.Series, error) {
	series := chart.Series{Year: year, Target: target}
	this, err := s.store.DailyJobs(ctx, dates.On(year, time.January, 1), asOf)
	if err != nil {
		return series, err
	}
	last, err := s.store.DailyJobs(ctx, dates.On(year-1, time.January, 1), dates.On(year-1, time.December, 31))
	if err != nil {
		return series, err
	}
	series.ThisYear = weeklyCumulative(this, year, asOf)
	if len(last) > 0 {
		series.LastYear = weeklyCumulative(last, year-1, dates.On(year-1, time.December, 31))
	}
	return series, nil
}

// weeklyCumulative turns daily jobs into running totals at the end of every
// Sunday of the year up to through, and at through itself; the first point is
// the year's start at zero.
func weeklyCumulative(days []DayTotal, year int, through time.Time) []chart.Point {
	start := dates.On(year, time.January, 1)
	points := []chart.Point{{Day: start}}
	var sum int64
	i := 0
	upTo := func(day time.Time) int64 {
		for i < len(days) && !days[i].Day.After(day) {
			sum += days[i].Jobs
			i++
		}
		return sum
	}
	for sunday := dates.WeekStart(start).AddDate(0, 0, 6); !sunday.After(through); sunday = sunday.AddDate(0, 0, 7) {
		points = append(points, chart.Point{Day: sunday, Jobs: upTo(sunday)})
	}
	if last := points[len(points)-1].Day; last.Before(through) {
		points = append(points, chart.Point{Day: through, Jobs: upTo(through)})
	}
	return points
}

// progressBar draws a share of the target as 20 cells, each 5%, full only
// when the target is reached.
func progressBar(part, whole int64) string {
	const cells = 20
	filled := int64(0)
	if whole > 0 {
		filled = min(max(part*cells/whole, 0), cells)
	}
	return strings.Repeat("█", int(filled)) + strings.Repeat("░", int(cells-filled))
}

// signed writes a change with its sign, e.g. +120, -35, ±0.
func signed(n int64) string {
	switch {
	case n > 0:
		return "+" + numbers.Format(n)
	case n < 0:
		return numbers.Format(n)
	}
	return "±0"
}

// signedCount is a change with its unit in Korean (+3,060개), as a sentence
// of a report writes it; English stays a bare signed number.
func (s *Service) signedCount(n int64, unit string) string {
	if unit == "" {
		unit = "개"
	}
	return s.msg("format.count", "N", signed(n), "Unit", unit)
}

// weekSpan names the week: its ISO label and its dates.
func (s *Service) weekSpan(d Digest) string {
	return s.msg("digest.week_span", "Week", s.week(d.WeekStart), "From", s.date(d.WeekStart), "To", s.date(d.WeekEnd))
}

// DigestReply words a digest in lang ("" for the Service's default): a
// channel post is written in the channel's language, not the reader's. Sections
// stay few and lines short, so the Slack transport's Block Kit stays far under
// its limits.
func (s *Service) DigestReply(d Digest) Reply {
	r := Reply{Command: "digest", Outcome: OutcomeOK,
		Title: s.msg("digest.weekly_jobs_digest", "Span", s.weekSpan(d))}
	r.Sections = append(r.Sections, s.digestHeadline(d), s.digestPrograms(d), s.digestDepartments(d),
		s.digestLagging(d), s.digestCandidates(d), s.digestVoided(d))
	return r
}

func (s *Service) digestHeadline(d Digest) Section {
	var lines []string
	lines = append(lines, s.msg("digest.this_week_jobs_on", "Week", s.jobs(d.Week.Jobs), "Change", s.signedCount(d.Week.Jobs-d.PrevWeek.Jobs, ""), "Before", s.jobs(d.PrevWeek.Jobs)))
	lines = append(lines, s.msg("digest.public_private", "WeekPublic", s.jobs(d.WeekPublic), "WeekPrivate", s.jobs(d.WeekPrivate)))
	if len(d.MonthEndDays) > 0 {
		days := make([]string, len(d.MonthEndDays))
		for i, day := range d.MonthEndDays {
			days[i] = s.msg("digest.month_day", "Month", int(day.Month()), "Day", day.Day())
		}
		lines = append(lines, s.msg("digest.month_end_included", "Days", strings.Join(days, ", "),
			"MonthEnd", s.jobs(d.MonthEndJobs), "Week", s.jobs(d.Week.Jobs)))
	}
	if closed := d.WeekStart.Year(); closed < d.Year {
		lines = append(lines, s.msg("digest.year_closed", "Year", closed,
			"Jobs", s.jobs(d.PrevYearFinal.Jobs), "Date", s.date(dates.On(closed, time.December, 31))))
	}
	ytd := d.YearToDate.Jobs
	switch {
	case d.Target > 0:
		lines = append(lines, s.msg("digest.year_to_date_of", "AsOf", s.date(d.AsOf), "Ytd", s.jobs(ytd), "Target", s.jobs(d.Target), "Percent", percent(ytd, d.Target)))
		lines = append(lines, fmt.Sprintf("%s %d%%", progressBar(ytd, d.Target), percent(ytd, d.Target)))
		switch {
		case ytd >= d.Target:
			lines = append(lines, s.msg("shared.target_reached"))
		case d.WeeksLeft > 0:
			need := d.Target - ytd
			lines = append(lines, s.msg("digest.still_needed", "Need", s.jobs(need), "PerWeek", s.jobs((need+d.WeeksLeft-1)/d.WeeksLeft), "WeeksLeft", d.WeeksLeft))
		default:
			lines = append(lines, s.msg("digest.year_ended_short_of", "Short", s.jobs(d.Target-ytd)))
		}
	default:
		lines = append(lines, s.msg("digest.year_to_date", "AsOf", s.date(d.AsOf), "Ytd", s.jobs(ytd)))
		lines = append(lines, s.msg("shared.no_target", "Year", d.Year))
	}
	if d.YearToDate.Approximate > 0 {
		lines = append(lines, s.msg("shared.approximate", "Approximate", s.jobs(d.YearToDate.Approximate)))
	}
	if d.Week.Agreed > 0 {
		lines = append(lines, s.msg("digest.not_counted_agreed_mou2", "Agreed", s.jobs(d.Week.Agreed)))
	}
	return Section{Lines: lines}
}

func (s *Service) digestPrograms(d Digest) Section {
	sec := Section{Heading: s.msg("digest.this_week_by_program")}
	if len(d.Programs) == 0 {
		sec.Lines = []string{s.msg("digest.no_jobs_were_logged")}
		return sec
	}
	for _, pw := range d.Programs {
		line := s.msg("digest.week_before", "Program", s.programLabel(pw.Program), "Sector", label(sectorWords, pw.Program.Sector, s.lang),
			"Count", s.unitCount(pw.Week.Jobs, pw.Week.Approximate > 0, pw.Program.Unit), "Before", s.unitCount(pw.PrevWeek.Jobs, false, pw.Program.Unit), "Change", s.signedCount(pw.Week.Jobs-pw.PrevWeek.Jobs, pw.Program.Unit))
		if pw.Week.Agreed > 0 {
			line += s.msg("digest.program_agreed", "Agreed", s.jobs(pw.Week.Agreed))
		}
		sec.Lines = append(sec.Lines, line)
	}
	return sec
}

func (s *Service) digestDepartments(d Digest) Section {
	sec := Section{Heading: s.msg("digest.departments")}
	if len(d.TopDepartments) == 0 {
		sec.Lines = append(sec.Lines, s.msg("digest.logged_most_nobody_logged"))
	} else {
		var parts []string
		for _, dt := range d.TopDepartments[:min(len(d.TopDepartments), digestTopDepartments)] {
			parts = append(parts, dt.Department+" "+s.jobs(dt.Jobs))
		}
		sec.Lines = append(sec.Lines, s.msg("digest.logged_most", "Join", strings.Join(parts, " · ")))
	}
	if len(d.DepartmentTargets) > 0 {
		var parts []string
		for _, dt := range d.DepartmentTargets[:min(len(d.DepartmentTargets), digestMaxList)] {
			parts = append(parts, dt.Department+" "+s.jobs(dt.Jobs)+s.deptAchievement(dt))
		}
		sec.Lines = append(sec.Lines, s.msg("digest.against_dept_targets", "Join", strings.Join(parts, " · ")))
	}
	if len(d.SilentDepartments) == 0 {
		sec.Lines = append(sec.Lines, s.msg("digest.silent_none"))
		return sec
	}
	var parts []string
	for _, dt := range d.SilentDepartments[:min(len(d.SilentDepartments), digestMaxList)] {
		if dt.LastLoggedOn.IsZero() {
			parts = append(parts, s.msg("digest.nothing_yet", "Department", dt.Department))
		} else {
			parts = append(parts, s.msg("digest.silent_since", "Department", dt.Department, "LastLoggedOn", s.date(dt.LastLoggedOn)))
		}
	}
	line := s.msg("digest.silent_list", "Join", strings.Join(parts, " · "))
	if more := len(d.SilentDepartments) - digestMaxList; more > 0 {
		line += s.msg("digest.and_more_places", "More", more)
	}
	return Section{Heading: sec.Heading, Lines: append(sec.Lines, line)}
}

func (s *Service) digestLagging(d Digest) Section {
	sec := Section{Heading: s.msg("digest.lagging_programs")}
	elapsed := percent(d.elapsedDays, d.daysInYear)
	switch {
	case d.programsWithTargets == 0:
		sec.Lines = []string{s.msg("digest.no_program_has_its")}
	case len(d.Lagging) == 0:
		sec.Lines = []string{s.msg("digest.none_every_program_with", "Elapsed", elapsed)}
	default:
		for _, pw := range d.Lagging[:min(len(d.Lagging), digestMaxList)] {
			sec.Lines = append(sec.Lines, s.msg("digest.lagging_line", "Program", s.programLabel(pw.Program), "Jobs", s.jobs(pw.YearToDate.Jobs), "Target", s.jobs(pw.Target), "Percent", percent(pw.YearToDate.Jobs, pw.Target), "Elapsed", elapsed))
		}
		if more := len(d.Lagging) - digestMaxList; more > 0 {
			sec.Lines = append(sec.Lines, s.msg("digest.and_more_programs", "More", more))
		}
	}
	return sec
}

func (s *Service) digestCandidates(d Digest) Section {
	pipeline := s.pipelineSection(d.Stages)
	sec := Section{Heading: pipeline.Heading}
	if len(d.NewCandidates) > 0 {
		names := make([]string, 0, len(d.NewCandidates))
		for _, m := range d.NewCandidates[:min(len(d.NewCandidates), digestMaxList)] {
			names = append(names, m.CandidateName)
		}
		line := s.msg("digest.new_candidates", "NewCandidates", len(d.NewCandidates), "Join", strings.Join(names, ", "))
		if more := len(d.NewCandidates) - digestMaxList; more > 0 {
			line += s.msg("digest.and_more_places", "More", more)
		}
		sec.Lines = append(sec.Lines, line)
	} else {
		sec.Lines = append(sec.Lines, s.msg("digest.new_this_week_none"))
	}
	if len(d.Moves) == 0 {
		sec.Lines = append(sec.Lines, s.msg("digest.moved_this_week_none"))
	} else {
		sec.Lines = append(sec.Lines, s.msg("digest.moved_candidates", "Moves", len(d.Moves)))
		for _, m := range d.Moves[:min(len(d.Moves), digestMaxList)] {
			sec.Lines = append(sec.Lines, fmt.Sprintf("  %s: %s → %s", m.CandidateName,
				label(stageWords, m.From, s.lang), label(stageWords, m.To, s.lang)))
		}
		if more := len(d.Moves) - digestMaxList; more > 0 {
			sec.Lines = append(sec.Lines, s.msg("digest.and_more_moves", "More", more))
		}
	}
	sec.Lines = append(sec.Lines, pipeline.Lines...)
	return sec
}

func (s *Service) digestVoided(d Digest) Section {
	sec := Section{Heading: s.msg("digest.voided_this_week")}
	if len(d.Voided) == 0 {
		sec.Lines = []string{s.msg("digest.no_entries_were_voided")}
		return sec
	}
	known := map[int64]Program{}
	for _, pw := range append(slices.Clone(d.Programs), d.Lagging...) {
		known[pw.Program.ID] = pw.Program
	}
	for _, e := range d.Voided[:min(len(d.Voided), digestMaxList)] {
		name, p := e.ProgramCode, known[e.ProgramID]
		if p.ID != 0 {
			name = s.programShort(p)
		}
		sec.Lines = append(sec.Lines, s.msg("digest.voided_line", "ID", e.ID, "Program", name, "Count", s.unitCount(e.Count, e.Approximate, p.Unit), "AsOf", s.date(e.AsOf), "VoidedBy", e.VoidedBy, "VoidReason", e.VoidReason))
	}
	if more := len(d.Voided) - digestMaxList; more > 0 {
		sec.Lines = append(sec.Lines, s.msg("digest.and_more_voided", "More", more))
	}
	return sec
}

// DigestPoster posts a week's digest to the digest channel through the
// exactly-once ledger. The core cannot talk to Slack, so the transport
// implements it and hands it over in Config.DigestPoster.
type DigestPoster interface {
	// PostDigest posts the digest of the week starting weekStart unless it
	// was posted before or another run holds the claim; requestedBy names who
	// asked (a user ID, "scheduler", "cli"), for the logs.
	PostDigest(ctx context.Context, weekStart time.Time, requestedBy string) (PostResult, error)
}

// PostStatus says what a PostDigest call did.
type PostStatus string

// Post statuses.
const (
	PostedNow      PostStatus = "posted"         // this call posted the digest
	PostedBefore   PostStatus = "already-posted" // an earlier run did; nothing was sent
	PostInProgress PostStatus = "in-progress"    // another run holds the claim right now
)

// PostResult is what PostDigest reports.
type PostResult struct {
	Status    PostStatus
	WeekStart time.Time
	Channel   string
	MessageTS string // the Slack message's timestamp, when posted
}

// DigestRunStatus is where one channel's digest of one week stands in the ledger.
type DigestRunStatus string

// Ledger statuses: a run claims the week before posting and records the
// message after, so nothing is ever posted twice.
const (
	DigestRunClaimed DigestRunStatus = "claimed"
	DigestRunPosted  DigestRunStatus = "posted"
	DigestRunFailed  DigestRunStatus = "failed"
)

// DigestRun is one row of the digest ledger.
type DigestRun struct {
	Channel   string
	WeekStart time.Time
	Status    DigestRunStatus
	ClaimedBy string
	ClaimedAt time.Time
	Attempts  int
	MessageTS string
	PostedAt  *time.Time
	LastError string
}

// digestCommand answers `digest [week]` (a preview to the asker) and
// `digest post` (managers: post the last complete week now).
func (s *Service) digestCommand(ctx context.Context, c Caller, cmd Command) Reply {
	today := s.today()
	week := dates.LastCompleteWeek(today)
	if cmd.Name == "digest post" {
		return s.postDigest(ctx, c, week)
	}
	if cmd.Period != nil {
		week = cmd.Period.From
		if !week.Before(dates.WeekStart(today)) {
			return s.refuse(cmd.Name, s.msg("digest.has_not_ended_yet", "Label", s.week(cmd.Period.From)))
		}
	}
	d, err := s.Digest(ctx, week)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	r := s.DigestReply(d)
	r.Sections = append(r.Sections, Section{Lines: []string{s.msg("digest.preview_only_you_see")}})
	return r
}

// postDigest posts the last complete week through the poster and its ledger.
func (s *Service) postDigest(ctx context.Context, c Caller, week time.Time) Reply {
	label := dates.ISOWeekLabel(week)
	if s.poster == nil {
		return Reply{Outcome: OutcomeRefused, Title: s.msg("digest.posting_digest_is_not")}
	}
	res, err := s.poster.PostDigest(ctx, week, c.UserID)
	if err != nil {
		s.log.ErrorContext(ctx, "digest post failed", "week", label, "user", c.UserID, "err", err)
		return Reply{Outcome: OutcomeFailed, Title: s.msg("digest.digest_for_could_not", "Label", label)}
	}
	switch res.Status {
	case PostedBefore:
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("digest.digest_for_was_already", "Label", label, "Channel", res.Channel)}
	case PostInProgress:
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("digest.digest_for_is_being", "Label", label)}
	}
	return Reply{Title: s.msg("digest.posted_digest_for_to", "Label", label, "Channel", res.Channel)}
}

// WithDigestPoster returns a Service whose `digest post` goes through p. The
// poster itself needs a Service to build digests, so serve wires the two in
// this order: service, poster, then the service with the poster.
func (s *Service) WithDigestPoster(p DigestPoster) *Service {
	c := *s
	c.poster = p
	return &c
}

// parseDigest reads `digest [ISO week]` and `digest post`; "post" turns the
// command into "digest post", which only managers may run.
func parseDigest(cmd *Command, ts []token, _ time.Time) error {
	switch {
	case len(ts) == 0:
		return nil
	case len(ts) == 1 && isSpecWord("digest post", fold(ts[0].text)):
		cmd.Name = "digest post"
		return nil
	case len(ts) <= 3:
		monday, err := dates.ParseISOWeek(textJoin(ts))
		if err != nil {
			return usageErr(cmd.Name, "digest.is_not_week_write", "Text", textJoin(ts))
		}
		cmd.Period = &dates.Period{From: monday, To: monday.AddDate(0, 0, 6), Label: dates.ISOWeekLabel(monday)}
		return nil
	}
	return usageErr(cmd.Name, "digest.digest_takes_one_week")
}
