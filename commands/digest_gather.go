// The weekly digest, part 1: what it holds and how Service.Digest gathers
// it from the ledger. digest_reply.go words it; digest.go posts it.

package commands

import (
	"context"
	"sort"
	"time"

	"jobsbot/commands/dates"
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
	// CumulativeDays and CumulativeJobs are set when most of the week's jobs
	// are increments of cumulative reports (누계) dated in the week: the
	// reports' as-of dates, oldest first, and the increments' sum.
	CumulativeDays []time.Time
	CumulativeJobs int64
	// CumulativeApprox says a report among them carries 여 (review r41 F7).
	CumulativeApprox bool
	// WeekLumps are the year's first 누계 reports dated in the week: their
	// increments are January's jobs on, so Week, the programs' weeks and the
	// departments' leave them out and a line names them (review r41 F8);
	// YearToDate keeps them. PrevWeek leaves out those of its own week.
	WeekLumps []firstLump
	// AsOf is the last day the year to date counts: the week's Sunday,
	// clipped to December 31.
	AsOf time.Time

	// Programs are the jobs-counting programs with jobs this week or the
	// week before, most jobs this week first.
	Programs []ProgramWeek
	// Week and PrevWeek sum every jobs-counting program.
	Week, PrevWeek ProgramTotal
	// WeekOldYear and WeekNewYear split Week by calendar year, set only
	// for a week that crosses the year (2026-12-28 … 2027-01-03): each
	// part counts in its own year's total, never in both (review r24 F15).
	WeekOldYear, WeekNewYear ProgramTotal
	// WeekUnhired is what the agreements logged this week still wait for:
	// agreed less the hires 채용 recorded against them by WeekEnd.
	WeekUnhired             int64
	WeekUnhiredApprox       bool         // an approximate agreement (100여) is part of WeekUnhired
	WeekAgreed              int64        // the agreements logged this week, hired or not
	WeekPublic, WeekPrivate ProgramTotal // the week's split, with its approximate part
	YearToDate              ProgramTotal
	Target                  int64 // the year's target in force at AsOf, 0 if none
	TargetNow               int64 // the year's target as it stands today
	TargetNotYet            bool  // the year's target was not yet set at AsOf: Target is today's
	WeeksLeft               int64 // whole weeks after AsOf to the end of the year
	Lagging                 []ProgramWeek
	TopDepartments          []DepartmentTotal // most jobs this week first
	SilentDepartments       []DepartmentTotal // nothing logged for silentAfter or more by WeekEnd
	// SaidNothing are the departments with no jobs logged for silentAfter
	// that reported 실적 없음 for WeekEnd's month or the month before:
	// they reported, so they are not among SilentDepartments.
	SaidNothing []DepartmentNothing
	// silentSaidNothing are, for a silent department, the months of an
	// older 실적 없음 report: it is named with them, not as 보고 없음.
	silentSaidNothing    map[string][]time.Time
	DepartmentTargets    []DepartmentTotal // departments with a yearly target: jobs from 1 January to WeekEnd
	NewCandidates, Moves []StageMove       // made this week; creations are NewCandidates
	Stages               map[Stage]int     // candidates per stage at the end of the week
	Voided               []Entry           // voided this week, whatever their as-of dates, but not by a correction
	Corrected            []CorrectedEntry  // replaced by a correction (정정) this week
	Chart                ChartSeries
	// StaleAgreements are agreements older than three months with nothing
	// realised (약정 이행 점검); AfterClose the changes managers made this
	// week to closed months (마감 후 정정). See digest_audit.go.
	StaleAgreements []Entry
	AfterClose      []AfterCloseChange

	elapsedDays, daysInYear int64 // for the share of the year gone by
	programsWithTargets     int
	programs                map[int64]Program // every program, to name those the lists above leave out
	// deptTargetsNotYet are the departments of DepartmentTargets whose
	// target was not yet set at AsOf (today's is shown; notYetNote says so).
	deptTargetsNotYet []string
}

// ChartPoint is the cumulative jobs of a year as of the end of one day.
type ChartPoint struct {
	Day  time.Time // a calendar date, midnight UTC
	Jobs int64
}

// ChartSeries is what the digest's chart shows. Both curves are drawn on one
// January to December axis, each point placed by its day of the year, so this
// year can be read against the same moment of last year. The core gathers
// it; the poster (package bot/digest/chart) draws it.
type ChartSeries struct {
	Year     int
	ThisYear []ChartPoint // cumulative at each week's end so far, oldest first
	LastYear []ChartPoint // the previous year's, the same way; may be empty
	Target   int64        // the year's current target, 0 if none
}

// ProgramWeek is one program's figures in a digest.
type ProgramWeek struct {
	Program                    Program
	Week, PrevWeek, YearToDate ProgramTotal
	Target                     int64 // the program's own target, 0 if none
	// TargetNotYet: the target was first set after the week's end, so
	// Target is today's and the line says so (review r22 F40).
	TargetNotYet bool
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

	// The chart's two daily series are the digest's largest reads and need
	// nothing else gathered: they are read beside the rest. The channel is
	// buffered, so an early return leaves no goroutine behind.
	type seriesResult struct {
		series ChartSeries
		err    error
	}
	chartRead := make(chan seriesResult, 1)
	go func() {
		series, err := s.cumulativeSeries(ctx, d.Year, d.AsOf)
		chartRead <- seriesResult{series, err}
	}()

	all, err := s.store.Programs(ctx)
	if err != nil {
		return d, err
	}
	d.programs = make(map[int64]Program, len(all))
	for _, p := range all {
		d.programs[p.ID] = p
	}
	if err := s.gatherPrograms(ctx, &d, all); err != nil {
		return d, err
	}
	jobs := []Program{}
	for _, p := range all {
		if p.CountsAsJobs() {
			jobs = append(jobs, p)
		}
	}
	if d.WeekUnhired, d.WeekAgreed, d.WeekUnhiredApprox, err = s.unhiredOfAgreed(ctx, d.WeekStart, d.WeekEnd, scopeOf(jobs, "")); err != nil {
		return d, err
	}
	if err := s.gatherCumulative(ctx, &d); err != nil {
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
	if err := s.gatherAudit(ctx, &d); err != nil {
		return d, err
	}
	r := <-chartRead
	if r.err != nil {
		return d, r.err
	}
	d.Chart = r.series
	d.Chart.Target = d.Target
	return d, nil
}

// gatherPrograms sums the week, the week before and the year to date per
// program, and finds the lagging ones.
func (s *Service) gatherPrograms(ctx context.Context, d *Digest, all []Program) error {
	monday := d.WeekStart
	week, lumps, err := s.periodTotals(ctx, monday, d.WeekEnd, "")
	if err != nil {
		return err
	}
	d.WeekLumps = lumps
	prev, _, err := s.periodTotals(ctx, monday.AddDate(0, 0, -7), monday.AddDate(0, 0, -1), "")
	if err != nil {
		return err
	}
	ytd, err := s.totalsByProgram(ctx, dates.On(d.Year, time.January, 1), d.AsOf, "")
	if err != nil {
		return err
	}
	var oldPart, newPart map[int64]ProgramTotal
	if monday.Year() != d.WeekEnd.Year() { // the week crosses the year: split it
		if oldPart, _, err = s.periodTotals(ctx, monday, dates.On(monday.Year(), time.December, 31), ""); err != nil {
			return err
		}
		if newPart, err = s.totalsByProgram(ctx, dates.On(d.WeekEnd.Year(), time.January, 1), d.WeekEnd, ""); err != nil {
			return err
		}
		for _, p := range all {
			if p.CountsAsJobs() {
				addTotal(&d.WeekOldYear, oldPart[p.ID])
				addTotal(&d.WeekNewYear, newPart[p.ID])
			}
		}
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
	// A past week compares with the targets in force at its end.
	targets, err := s.store.TargetsOn(ctx, d.Year, d.AsOf, s.loc)
	if err != nil {
		return err
	}
	current, err := s.store.Targets(ctx, d.Year)
	if err != nil {
		return err
	}
	d.Target, d.TargetNow, d.TargetNotYet = targets.Total, current.Total, targets.NotYet[0]
	for _, p := range all {
		if !p.CountsAsJobs() {
			continue
		}
		pw := ProgramWeek{Program: p, Week: week[p.ID], PrevWeek: prev[p.ID], YearToDate: ytd[p.ID], Target: targets.Programs[p.ID], TargetNotYet: targets.NotYet[p.ID]}
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
		addTotal(&d.WeekPublic, pw.Week)
	case SectorPrivate:
		addTotal(&d.WeekPrivate, pw.Week)
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

// gatherCumulative finds the share of the week's jobs that came from
// cumulative reports (누계, kind cumulative) dated in the week: each is the
// increment since the report before, all that accrued in between reported
// at once, so a week made mostly of them must not read as one week's
// output. An ordinary delta is a report of its own day's hires whatever its
// date, a month's last day included, and is not counted. It comes from a
// sum per day, not entries, so a busy week costs no more than a quiet one.
func (s *Service) gatherCumulative(ctx context.Context, d *Digest) error {
	if d.Week.Jobs <= 0 {
		return nil
	}
	cumulative, err := s.store.CumulativeJobsByDay(ctx, d.WeekStart, d.WeekEnd)
	if err != nil {
		return err
	}
	var share int64
	var days []time.Time
	for _, day := range cumulative {
		for _, l := range d.WeekLumps { // left out of Week, so out of its share
			if l.AsOf.Equal(day.Day) {
				day.Jobs -= l.Count
			}
		}
		if day.Jobs > 0 {
			days = append(days, day.Day)
			share += day.Jobs
			d.CumulativeApprox = d.CumulativeApprox || day.Approximate
		}
	}
	if share*2 <= d.Week.Jobs {
		return nil
	}
	d.CumulativeDays = days // oldest first
	d.CumulativeJobs = share
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
	// The pipeline as it stood at the end of the week, from the history, so a
	// past week's digest shows that week's stages.
	if d.Stages, err = s.store.StageCountsAt(ctx, weekTo); err != nil {
		return err
	}
	moves, err := s.store.StageMovesBetween(ctx, weekFrom, weekTo)
	if err != nil {
		return err
	}
	for _, m := range moves {
		m.By = s.name(ctx, m.By)
		if m.From == "" {
			d.NewCandidates = append(d.NewCandidates, m)
		} else {
			d.Moves = append(d.Moves, m)
		}
	}
	voided, err := s.store.VoidedBetween(ctx, weekFrom, weekTo)
	if err != nil {
		return err
	}
	d.Voided, d.Corrected, err = s.splitCorrections(ctx, s.named(ctx, voided))
	return err
}

func addTotal(sum *ProgramTotal, t ProgramTotal) {
	sum.Jobs += t.Jobs
	sum.Approximate += t.Approximate
	sum.Agreed += t.Agreed
	sum.AgreedApproximate = sum.AgreedApproximate || t.AgreedApproximate
}

// DepartmentNothing is a department that reported 실적 없음, and the months
// it reported so for.
type DepartmentNothing struct {
	Department string
	Months     []time.Time
}

// gatherDepartments finds the week's busiest departments and the silent
// ones. Silence is judged as the week's Sunday saw it: a report dated after
// the week (or a digest run weeks later) does not hide a silent department.
func (s *Service) gatherDepartments(ctx context.Context, d *Digest, programs []Program) error {
	depts, err := s.store.DepartmentTotals(ctx, d.WeekStart, d.WeekEnd)
	if err != nil {
		return err
	}
	depts = withoutLumpsByDepartment(depts, d.WeekLumps)
	last, err := s.store.LastLoggedThrough(ctx, d.WeekEnd)
	if err != nil {
		return err
	}
	// A department that said it had nothing (실적 없음) for the week's month
	// or the month before (whose month-end report is the latest due) has
	// reported: it is listed as such, never as silent. One whose 실적 없음
	// is older is silent, and named with that report, as status names it
	// (saidNothingAfter, silenceCovered: review r43 F4).
	said, err := s.saidNothingIn(ctx, saidNothingMonths(d.WeekEnd))
	if err != nil {
		return err
	}
	for _, dt := range withProgramDepartments(depts, programs) {
		dt.LastLoggedOn = last[dt.Department]
		if dt.Jobs > 0 {
			d.TopDepartments = append(d.TopDepartments, dt)
		}
		silent := dt.LastLoggedOn.IsZero() || d.WeekEnd.Sub(dt.LastLoggedOn) >= silentAfter
		covering := saidNothingAfter(said[dt.Department], dt.LastLoggedOn, d.WeekEnd)
		switch {
		case silent && silenceCovered(covering, d.WeekEnd):
			d.SaidNothing = append(d.SaidNothing, DepartmentNothing{Department: dt.Department, Months: covering})
		case silent:
			if len(covering) > 0 {
				if d.silentSaidNothing == nil {
					d.silentSaidNothing = map[string][]time.Time{}
				}
				d.silentSaidNothing[dt.Department] = covering
			}
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
	inForce, err := s.store.TargetsInForceOn(ctx, d.Year, DayAfterStart(d.AsOf, s.loc))
	targets := inForce.DeptInForce
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
			if inForce.DeptNotYet[dt.Department] {
				d.deptTargetsNotYet = append(d.deptTargetsNotYet, dt.Department)
			}
		}
	}
	return nil
}

// cumulativeSeries builds the chart's curves: this year through asOf and all
// of last year, each as running totals at every Sunday.
func (s *Service) cumulativeSeries(ctx context.Context, year int, asOf time.Time) (ChartSeries, error) {
	series := ChartSeries{Year: year}
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
func weeklyCumulative(days []DayTotal, year int, through time.Time) []ChartPoint {
	start := dates.On(year, time.January, 1)
	points := []ChartPoint{{Day: start}}
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
		points = append(points, ChartPoint{Day: sunday, Jobs: upTo(sunday)})
	}
	if last := points[len(points)-1].Day; last.Before(through) {
		points = append(points, ChartPoint{Day: through, Jobs: upTo(through)})
	}
	return points
}

// DigestStore is what the digest reads besides the totals: jobs per day
// (the chart's curves and the week's month-end share) and what cumulative
// reports recorded.
type DigestStore interface {
	// DailyJobs returns live realised jobs per as-of date in [from, to], every
	// jobs-counting program summed, only for days that have any.
	DailyJobs(ctx context.Context, from, to time.Time) ([]DayTotal, error)
	// CumulativeJobsByDay returns, per as-of date in [from, to], the live
	// realised jobs of jobs-counting programs that cumulative reports
	// recorded, only for days that have any.
	CumulativeJobsByDay(ctx context.Context, from, to time.Time) ([]DayTotal, error)
}
