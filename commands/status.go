package commands

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
)

// silentAfter is how long a department may go without logging before status
// and the digest point it out: two weeks, the usual gap between reports.
const silentAfter = 14 * 24 * time.Hour

// statusView is what `status` shows, gathered from the store.
type statusView struct {
	label     string
	from, to  time.Time // the span counted, clipped to today
	wholeYear bool
	through   bool // 누계 as of a date: January 1 through to
	// twoYears says the span runs from one year into the next (지난주 on
	// 2027-01-04 is 2026. 12. 28.~2027. 1. 3.): its 실적 holds jobs of both
	// years, so it is compared with neither year's annual target (review
	// r47 F8).
	twoYears    bool
	lastYear    dates.Period           // 전년 동기: the same span (as clipped) a year earlier
	lastTotals  map[int64]ProgramTotal // totals over lastYear
	live        bool                   // the span includes today, so "this week" and "still needed" mean something
	programs    []Program              // the programs in view, jobs-counting ones only
	totals      map[int64]ProgramTotal
	week, month map[int64]ProgramTotal
	// weekFrom is the first day "this week" counts when the week began
	// before the view's span (12월 on Tuesday 12/1, 2027 on 1/2): the week
	// is clipped to the span, never counting last month's or last year's
	// days (review r22 F6/F19); zero when the whole week is inside.
	weekFrom  time.Time
	targets   Targets // in force on the span's last day (target history)
	target    int64   // the target the headline compares against, 0 if none
	targetNow int64   // the same target as it stands today, when revised since
	// targetNotYet: the view's target was not yet set on targetDay, so
	// target is today's and is labelled as the current one (현재 목표).
	targetNotYet bool
	targetsNow   Targets // the current targets
	// deptTargetsNow are the departments' current targets, for a past date
	// whose department targets were revised since.
	deptTargetsNow map[string]int64
	depts          []DepartmentTotal
	saidNothing    map[string][]time.Time // per department, the months after its last jobs it reported 실적 없음 for
	asOf           time.Time              // the day departments' silence is judged on
	stages         map[Stage]int
	stagesAsOf     time.Time // zero: today's stages; else the day they are counted as of
	dept           string    // the department filter, "" for all
	// narrowed says the view shows one program or one sector, not every
	// program: a department's 실적 없음 (of all its programs) is not its.
	narrowed    bool
	types       []EmploymentTotal // jobs by employment type; nil for one program
	typesApprox []EmploymentTotal // the approximate-now part of types (여)
	unhired     int64             // agreed (약정) jobs of the span not yet hired through 채용
	// unhiredApprox: an approximate agreement (100여) is part of unhired.
	unhiredApprox bool
	deltaNote     string // how a part-year view counted the cumulative reports in it
	// lumps are the year's first 누계 reports left out of a period that
	// starts after 1 January (periodTotals); weekLumps and monthLumps those
	// left out of this week and of this month, apart: January starts with
	// the year and keeps what the week from 4 January leaves out (review
	// r45 L1). lumpNote names them under the headline.
	lumps, weekLumps, monthLumps []firstLump
	lumpNote                     string
	// lastLumps are last year's 누계 reports dated after lastYear whose
	// span starts inside it: lastTotals is then no like-for-like figure.
	lastLumps []Entry
	// whole are the programs' totals over every department, for a view
	// narrowed to one department: a program's target is the whole
	// program's, so its 달성률 compares the whole figure (nil otherwise).
	whole map[int64]ProgramTotal
	// deptProgram is the program of a view narrowed to one program and one
	// department: the department's part is not compared with the program's
	// target, which the headline states for the whole program instead.
	deptProgram *Program
	// deptNotYet are the departments whose target was not yet set on
	// targetDay: their target is today's (targets.NotYet for programs').
	deptNotYet map[string]bool
}

func (v statusView) sum(m map[int64]ProgramTotal, keep func(Program) bool) (t ProgramTotal) {
	for _, p := range v.programs {
		if keep != nil && !keep(p) {
			continue
		}
		pt := m[p.ID]
		t.Jobs += pt.Jobs
		t.Approximate += pt.Approximate
		t.Agreed += pt.Agreed
		t.AgreedApproximate = t.AgreedApproximate || pt.AgreedApproximate
	}
	return t
}

// targetDay is the day whose targets the view compares with: its last
// day, or its first for a span not started yet.
func (v statusView) targetDay() time.Time {
	if v.to.Before(v.from) {
		return v.from
	}
	return v.to
}

// status answers `status [period] [program|sector|dept:…]`.
func (s *Service) status(ctx context.Context, cmd Command) Reply {
	v, refusal, err := s.gatherStatus(ctx, cmd)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if refusal != nil {
		return *refusal
	}
	r := s.renderStatus(v, cmd)
	sc := scopeOf(v.programs, v.dept)
	sc.narrowed = v.narrowed
	audit, err := s.auditSections(ctx, v.from, v.to, sc)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	r.Sections = append(r.Sections, audit...)
	r.Actions = []Action{{ID: ActionShare, Label: s.msg("status.share_to_channel"), Command: statusCommandLine(cmd), Style: "primary"}}
	return r
}

// statusCommandLine rebuilds the status command so the Share button shows
// exactly the same view to the channel.
func statusCommandLine(cmd Command) string {
	parts := []string{"status"}
	if cmd.Period != nil {
		parts = append(parts, strings.ReplaceAll(cmd.Period.Label, " ", "-"))
	} else if cmd.Opts.Year != 0 {
		parts = append(parts, fmt.Sprint("year:", cmd.Opts.Year))
	}
	if cmd.Sector != "" {
		parts = append(parts, string(cmd.Sector))
	}
	if cmd.Opts.Department != "" {
		parts = append(parts, `dept:"`+cmd.Opts.Department+`"`)
	}
	if cmd.Opts.Program != "" {
		parts = append(parts, `program:"`+cmd.Opts.Program+`"`)
	}
	parts = append(parts, cmd.Words...)
	return strings.Join(parts, " ")
}

// gatherStatus reads what `status` shows: the span, the programs and
// department it is narrowed to, the totals, the target and the breakdowns.
// A typed name that is neither a program nor a department comes back as a
// refusal reply.
func (s *Service) gatherStatus(ctx context.Context, cmd Command) (statusView, *Reply, error) {
	today := s.today()
	span := dates.Year(today.Year())
	switch {
	case cmd.Period != nil:
		span = *cmd.Period
	case cmd.Opts.Year != 0:
		span = dates.Year(cmd.Opts.Year)
	}
	v := newStatusView(span, today)
	v.label = s.period(span)
	v.twoYears = v.from.Year() != v.to.Year()

	all, err := s.store.Programs(ctx)
	if err != nil {
		return v, nil, err
	}
	only, dept, refusal, err := s.statusScope(ctx, cmd, all)
	if err != nil || refusal != nil {
		return v, refusal, err
	}
	for _, p := range all {
		if !p.CountsAsJobs() || only != nil && p.ID != only.ID || cmd.Sector != "" && p.Sector != cmd.Sector {
			continue
		}
		v.programs = append(v.programs, p)
	}
	v.dept = dept
	v.narrowed = only != nil || cmd.Sector != ""
	if err := s.statusTotals(ctx, &v, today); err != nil {
		return v, nil, err
	}
	if v.deltaNote, err = s.cumulativeDeltaNote(ctx, v); err != nil {
		return v, nil, err
	}
	if lumps := lumpsOf(v.lumps, v.programs); len(lumps) > 0 {
		v.lumpNote = s.lumpNote(v.label, lumps, v.programs)
	} else {
		v.lumpNote = s.weekMonthLumpNote(lumpsOf(v.weekLumps, v.programs), lumpsOf(v.monthLumps, v.programs), v.programs)
	}
	if v.unhired, v.unhiredApprox, err = s.unhiredAgreed(ctx, v.from, v.to, scopeOf(v.programs, v.dept)); err != nil {
		return v, nil, err
	}
	deptTargets, err := s.statusTarget(ctx, &v, span.From.Year(), only, cmd.Sector)
	if err != nil {
		return v, nil, err
	}
	if only == nil {
		if err := s.statusBreakdowns(ctx, &v, all, deptTargets, cmd.Sector); err != nil {
			return v, nil, err
		}
	}
	return v, nil, nil
}

// statusScope resolves what status is narrowed to: a program (only), a
// department (dept, its managed name), or neither. Words that name no
// program or department come back as a refusal reply.
func (s *Service) statusScope(ctx context.Context, cmd Command, all []Program) (only *Program, dept string, refusal *Reply, err error) {
	typed := strings.Join(cmd.Words, " ")
	if cmd.Opts.Program != "" {
		typed = cmd.Opts.Program
	}
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return nil, "", nil, err
	}
	dept = cmd.Opts.Department
	if d, ok := findDepartment(depts, dept); ok {
		dept = d.Name // an alias or a look-alike spelling means the managed name
	} else if dept != "" && departmentOf(all, dept) == "" {
		r := s.refuse(cmd.Name, s.unknownDepartment(dept, depts))
		return nil, "", &r, nil
	}
	if typed == "" {
		return nil, dept, nil, nil
	}
	if p, ok := s.lookupProgram(all, typed); ok {
		return &p, dept, nil, nil
	}
	if named := wordsDepartment(depts, all, typed); named != "" {
		return nil, named, nil, nil // "status 일자리정책과" and "status (일자리정책과)" read as a department
	}
	r := s.unknownProgram(cmd.Name, typed, all)
	return nil, "", &r, nil
}

// statusTarget reads the year's targets into v and picks the one the view
// compares with: the program's, the whole city's, or the department's (none
// for a sector). It returns the departments' targets for the breakdown.
//
// A past date compares with the targets in force on it (a 4월말 status made
// in June with April's target); targetNow keeps today's, so the reply can
// say what it would be against the target revised since.
func (s *Service) statusTarget(ctx context.Context, v *statusView, year int, only *Program, sector Sector) (map[string]int64, error) {
	// One read gives the programs' and the departments' targets in force
	// on the day and which of them were not yet set then, as the report
	// reads them.
	inForce, err := s.store.TargetsInForceOn(ctx, year, DayAfterStart(v.targetDay(), s.loc))
	if err != nil {
		return nil, err
	}
	v.targets, v.deptNotYet = inForce.InForce, inForce.DeptNotYet
	deptTargets := inForce.DeptInForce
	if v.targetsNow, err = s.store.Targets(ctx, year); err != nil {
		return nil, err
	}
	switch {
	case only != nil:
		v.target, v.targetNow = v.targets.Programs[only.ID], v.targetsNow.Programs[only.ID]
		v.targetNotYet = v.targets.NotYet[only.ID]
	case sector == "" && v.dept == "":
		v.target, v.targetNow = v.targets.Total, v.targetsNow.Total
		v.targetNotYet = v.targets.NotYet[0]
	}
	if v.deptTargetsNow, err = s.store.DepartmentTargets(ctx, year); err != nil {
		return nil, err
	}
	if only == nil && sector == "" && v.dept != "" {
		v.target, v.targetNow = deptTargets[v.dept], v.deptTargetsNow[v.dept]
		v.targetNotYet = v.deptNotYet[v.dept]
	}
	if only != nil && v.dept != "" {
		// 30 of 청년일자리's jobs credited to 노인복지과 are not 6% of
		// 청년일자리's 500: the target is the whole program's (review r4 L3).
		v.target, v.targetNow, v.targetNotYet, v.deptProgram = 0, 0, false, only
	}
	return deptTargets, nil
}

// statusBreakdowns reads the breakdowns of a view not narrowed to one
// program: by employment type always, and for the whole city also by
// department (with silence and, from 1 January, 달성률) and the candidates'
// stages.
func (s *Service) statusBreakdowns(ctx context.Context, v *statusView, all []Program, deptTargets map[string]int64, sector Sector) error {
	var err error
	if !v.to.Before(v.from) {
		if v.types, err = s.store.EmploymentTotals(ctx, v.from, v.to, v.dept); err != nil {
			return err
		}
		v.types = withoutLumpsByType(v.types, v.lumps, false)
		// The 여 of the types is read from the entries only when some
		// program's figure carries it: the running totals keep no 여.
		approx := false
		for _, t := range v.totals {
			approx = approx || t.Approximate > 0
		}
		if approx {
			if v.typesApprox, err = s.store.EmploymentApproximate(ctx, v.from, v.to, v.dept); err != nil {
				return err
			}
			v.typesApprox = withoutLumpsByType(v.typesApprox, v.lumps, true)
		}
	}
	if v.dept != "" || sector != "" {
		return nil
	}
	if v.depts, err = s.store.DepartmentTotals(ctx, v.from, v.to); err != nil {
		return err
	}
	v.depts = withoutLumpsByDepartment(v.depts, v.lumps)
	v.depts = withProgramDepartments(v.depts, all)
	if err := s.markSilence(ctx, v); err != nil {
		return err
	}
	if v.from.Month() == time.January && v.from.Day() == 1 {
		v.depts = withDepartmentTargets(v.depts, deptTargets) // 달성률 only for spans from 1 January
	}
	// A past span shows the pipeline as its history stood at the end of
	// the span's last day, not today's stages under a past date (r11 F12).
	if v.to.Before(s.today()) {
		v.stagesAsOf = v.to
		end := time.Date(v.to.Year(), v.to.Month(), v.to.Day(), 0, 0, 0, 0, s.loc).AddDate(0, 0, 1)
		if v.stages, err = s.store.StageCountsAt(ctx, end); err != nil {
			return err
		}
		return nil
	}
	if v.stages, err = s.store.StageCounts(ctx); err != nil {
		return err
	}
	return nil
}

// newStatusView sets up the span status counts: clipped to today, with 전년
// 동기 the same clipped span a year earlier.
func newStatusView(span dates.Period, today time.Time) statusView {
	v := statusView{label: span.Label, from: span.From, to: span.To, through: span.Through}
	if v.to.After(today) {
		v.to = today
	}
	v.lastYear = dates.SameSpanLastYear(dates.Period{From: v.from, To: v.to, Through: span.Through})
	v.wholeYear = span.From.Month() == time.January && span.From.Day() == 1 && span.To.Month() == time.December && span.To.Day() == 31
	v.live = !today.Before(span.From) && !today.After(span.To)
	return v
}

// statusTotals reads the per-program totals of the span, of the same span
// last year and, while the span is running, of this week and this month.
func (s *Service) statusTotals(ctx context.Context, v *statusView, today time.Time) error {
	var err error
	if v.totals, v.lumps, err = s.periodTotals(ctx, v.from, v.to, v.dept); err != nil {
		return err
	}
	if v.lastTotals, err = s.totalsByProgram(ctx, v.lastYear.From, v.lastYear.To, v.dept); err != nil {
		return err
	}
	if v.lastLumps, err = s.lastYearLumps(ctx, *v); err != nil {
		return err
	}
	if v.dept != "" {
		if v.whole, _, err = s.periodTotals(ctx, v.from, v.to, ""); err != nil {
			return err
		}
	}
	if !v.live {
		return nil
	}
	weekFrom := dates.WeekStart(today)
	if weekFrom.Before(v.from) {
		weekFrom, v.weekFrom = v.from, v.from
	}
	if v.week, v.weekLumps, err = s.periodTotals(ctx, weekFrom, today, v.dept); err != nil {
		return err
	}
	if v.month, v.monthLumps, err = s.periodTotals(ctx, dates.On(today.Year(), today.Month(), 1), today, v.dept); err != nil {
		return err
	}
	return nil
}

// departmentOf returns the department of some program that typed names, or "".
func departmentOf(programs []Program, typed string) string {
	for _, p := range programs {
		if p.Department != "" && fold(p.Department) == fold(typed) {
			return p.Department
		}
	}
	return ""
}

func (s *Service) totalsByProgram(ctx context.Context, from, to time.Time, dept string) (map[int64]ProgramTotal, error) {
	out := map[int64]ProgramTotal{}
	if to.Before(from) {
		return out, nil
	}
	list, err := s.store.ProgramTotals(ctx, from, to, dept)
	if err != nil {
		return nil, err
	}
	for _, t := range list {
		out[t.ProgramID] = t
	}
	return out, nil
}

// withProgramDepartments adds the departments of active programs that never
// logged anything, so the silent ones show up instead of being invisible.
func withProgramDepartments(depts []DepartmentTotal, programs []Program) []DepartmentTotal {
	seen := map[string]bool{}
	for _, d := range depts {
		seen[d.Department] = true
	}
	for _, p := range programs {
		if p.Active && p.Department != "" && !seen[p.Department] {
			seen[p.Department] = true
			depts = append(depts, DepartmentTotal{Department: p.Department})
		}
	}
	sort.SliceStable(depts, func(i, j int) bool {
		if depts[i].Jobs != depts[j].Jobs {
			return depts[i].Jobs > depts[j].Jobs
		}
		return depts[i].Department < depts[j].Department
	})
	return depts
}

// percent is a share in whole percent, rounded down: 24,892 of 25,000 is
// 99%, never 100% beside "23개 남았습니다" (review r15 F15). Every 달성률
// the bot shows (status, report, digest, export) comes from here, and
// the digest's bar floors the same way.
// pctArg is percent for a message: a rate above 0 that rounds down to 0
// prints "1% 미만" / "under 1%" (i18n.Percent, review r27 F4).
func pctArg(part, whole int64) i18n.Percent {
	n := percent(part, whole)
	return i18n.Percent{N: n, Under: n == 0 && part > 0 && whole > 0}
}

func percent(part, whole int64) int64 {
	if whole <= 0 {
		return 0
	}
	return part * 100 / whole
}

// weeksLeft counts the weeks from today to the end of its year, a started
// week counting whole, so "per week still needed" never divides by zero.
func weeksLeft(today time.Time) int64 {
	days := int64(dates.On(today.Year(), time.December, 31).Sub(today).Hours()/24) + 1
	return (days + 6) / 7
}

func (s *Service) renderStatus(v statusView, cmd Command) Reply {
	today := s.today()
	total := v.sum(v.totals, nil)
	scope := ""
	switch {
	case len(v.programs) == 1 && (cmd.Opts.Program != "" || len(cmd.Words) > 0):
		scope = " · " + s.programLabel(v.programs[0])
	case cmd.Sector != "":
		scope = " · " + label(sectorWords, cmd.Sector, s.lang)
	}
	if v.dept != "" {
		scope += " · " + v.dept
	}
	name := v.label
	if v.through {
		name = s.msg("status.total_through", "Date", s.date(v.to))
	}
	r := Reply{Title: s.msg("status.jobs_status_as_of", "Label", name, "Scope", scope, "To", s.date(v.to))}
	if v.through { // 4월말 현재 누계 already names its date
		r.Title = s.msg("status.jobs_status_through", "Scope", scope, "To", s.date(v.to))
	}
	if v.to.Before(v.from) {
		// A period not started yet (3분기 on 5 January) has nothing to
		// count: the reply offers last year's same period, the figure a
		// 주무관 most likely wants, not a page of zeros whose departments
		// "have not reported since" (review r22 F28).
		r.Title = s.msg("status.jobs_status_not_started", "Label", name, "Scope", scope)
		if cmd.Period != nil {
			p := *cmd.Period
			last := dates.Period{From: p.From.AddDate(-1, 0, 0), To: p.To.AddDate(-1, 0, 0)}
			r.Sections = []Section{{Lines: []string{s.msg("lead.status_not_started",
				"Status", commandName(cmdStatus), "Period", s.period(last))}}}
			return r
		}
	}
	head := s.statusHeadline(v, cmd, total, today)
	if cmd.Period != nil && dates.JustEndedMonthRange(cmd.PeriodTyped, today) {
		// `1~2월` in January is last year's, as `1~12월` is: said under
		// the total, with this year's line (review r32 F15).
		p := *cmd.Period
		head = slices.Insert(head, min(1, len(head)), s.msg("r32imp.status_range_last_year", "Typed", cmd.PeriodTyped, "Year", p.From.Year(),
			"ThisYear", today.Year(), "From", int(p.From.Month()), "To", int(p.To.Month())))
	}
	r.Sections = append(r.Sections, Section{Lines: head})

	if len(v.programs) > 1 {
		r.Sections = append(r.Sections, s.programSection(v))
	}
	if v.types != nil {
		r.Sections = append(r.Sections, s.breakdownSection(v))
	}
	if len(v.depts) > 0 {
		// A department whose target was first set after the date had no
		// target then: its line shows none (not today's, which read as the
		// target of that date), and the note names it with today's target
		// (review r13 W5).
		depts := slices.Clone(v.depts)
		var notYet, now []string
		for i, d := range depts {
			if d.Target > 0 && v.deptNotYet[d.Department] {
				notYet = append(notYet, d.Department)
				now = append(now, d.Department+" "+s.jobs(d.Target))
				depts[i].Target = 0
			}
		}
		sec := s.departmentSection(depts, v.saidNothing, v.asOf, v.deptTargetsNow)
		if len(notYet) > 0 {
			sec.Lines = append(sec.Lines, s.msg("k47.dept_target_not_yet", "Date", s.date(v.targetDay()),
				"Names", strings.Join(notYet, ", "), "Now", strings.Join(now, ", ")))
		}
		r.Sections = append(r.Sections, sec)
	}
	if v.stages != nil {
		r.Sections = append(r.Sections, s.pipelineSectionAsOf(v.stages, v.stagesAsOf))
	}
	return r
}

// statusHeadline is the first section of status: the total against the
// target, what is still needed, the split, this week and 전년 동기.
func (s *Service) statusHeadline(v statusView, cmd Command, total ProgramTotal, today time.Time) []string {
	var head []string
	// The figure carries 여 when part of it is approximate, as each
	// program's line does (the line below says how much).
	jobs := s.total(total, "")
	switch {
	case v.target > 0 && (v.wholeYear || v.through):
		head = append(head, s.msg("status.total_of_target", "Jobs", jobs, "Target", s.jobs(v.target), "Percent", pctArg(total.Jobs, v.target)))
		if v.live && total.Jobs < v.target {
			need := v.target - total.Jobs
			weeks := weeksLeft(today)
			head = append(head, s.msg("status.still_needed", "Need", s.jobs(need), "PerWeek", s.jobs((need+weeks-1)/weeks), "Weeks", weeks, i18n.PluralCount, weeks))
		} else if total.Jobs >= v.target {
			head = append(head, s.msg("shared.target_reached"))
		}
	case v.target > 0 && v.twoYears:
		head = append(head, s.msg("lump2.total_in_two_years", "Label", v.label, "Jobs", jobs, "From", v.from.Year(), "To", v.to.Year()))
	case v.target > 0:
		head = append(head, s.msg("status.total_in_period", "Label", v.label, "Jobs", jobs, "Percent", pctArg(total.Jobs, v.target), "Target", s.jobs(v.target)))
	case v.wholeYear || v.through:
		head = append(head, s.msg("status.total", "Jobs", jobs))
	default: // a quarter's or a month's figure is that period's 실적, never 누계
		head = append(head, s.msg("status.total_in_period_only", "Label", v.label, "Jobs", jobs))
	}
	if v.deltaNote != "" {
		head = append(head, v.deltaNote)
	}
	if v.lumpNote != "" {
		head = append(head, v.lumpNote)
	}
	if p := v.deptProgram; p != nil {
		head = append(head, s.deptProgramLine(v, *p))
		if p.Department == v.dept && v.targets.Programs[p.ID] > 0 && v.targets.NotYet[p.ID] {
			head = append(head, s.notYetNote(v.targetDay(), []string{s.programShort(*p)}))
		}
	}
	if v.target == 0 && cmd.Sector == "" && v.dept == "" && len(v.programs) > 1 {
		head = append(head, s.noTarget(v.from.Year()))
	}
	if v.target > 0 && v.targetNotYet {
		head = append(head, s.msg("status.no_target_yet", "Date", s.date(v.targetDay()), "Target", s.jobs(v.target)))
	}
	if v.target > 0 && v.targetNow > 0 && v.targetNow != v.target {
		head = append(head, s.msg("status.target_revised_since", "Date", s.date(v.targetDay()),
			"Target", s.jobs(v.targetNow), "Percent", pctArg(total.Jobs, v.targetNow)))
	}
	// The lines below sum the same entries as the headline, so each
	// carries 여 when part of its own figure is approximate now, by the
	// headline's rule (s.total; k35 L4).
	switch {
	case v.to.Before(v.from):
	case len(v.lastLumps) > 0:
		head = append(head, s.lumpedLastYearLine(v.sum(v.lastTotals, nil), v.lastYear, v.lastLumps))
	default:
		head = append(head, s.lastYearLine(total, v.sum(v.lastTotals, nil), v.lastYear))
	}
	if len(v.programs) > 1 && cmd.Sector == "" {
		pub := v.sum(v.totals, func(p Program) bool { return p.Sector == SectorPublic })
		priv := v.sum(v.totals, func(p Program) bool { return p.Sector == SectorPrivate })
		head = append(head, s.msg("status.public_private", "Public", s.total(pub, ""), "Private", s.total(priv, "")))
	}
	if v.live {
		if v.weekFrom.IsZero() {
			head = append(head, s.msg("status.this_week_this_month", "Week", s.total(v.sum(v.week, nil), ""), "Month", s.total(v.sum(v.month, nil), "")))
		} else {
			head = append(head, s.msg("k59.status_week_from_this_month", "From", s.monthDay(v.weekFrom), "Week", s.total(v.sum(v.week, nil), ""), "Month", s.total(v.sum(v.month, nil), "")))
		}
	}
	if total.Approximate > 0 {
		head = append(head, s.msg("shared.approximate", "Approximate", s.jobs(total.Approximate)))
	}
	if v.unhired > 0 {
		head = append(head, s.msg("status.not_counted_agreed_mou", "Agreed", s.unitCount(v.unhired, v.unhiredApprox, ""), i18n.PluralCount, v.unhired))
	}
	return head
}

// deptProgramLine says, in a view of one program and one department, how
// the whole program stands against its target (the department's own
// program) or whose program it is (another department's).
func (s *Service) deptProgramLine(v statusView, p Program) string {
	if p.Department != v.dept {
		return s.msg("status.dept_view_program_other", "Program", s.programShort(p), "Department", p.Department)
	}
	w, target := v.whole[p.ID], v.targets.Programs[p.ID]
	line := s.msg("status.dept_view_program_whole", "Whole", s.unitCount(w.Jobs, w.Approximate > 0, p.Unit))
	switch {
	case target > 0 && (v.wholeYear || v.through):
		line += s.msg("status.program_target", "Target", s.jobs(target), "Percent", pctArg(w.Jobs, target))
	case target > 0 && !v.twoYears:
		line += s.msg("status.program_annual_target", "Target", s.jobs(target), "Percent", pctArg(w.Jobs, target))
	}
	return line
}

// lastYearLine is 전년 동기 대비: the same span a year earlier and the change,
// each with 여 when taken from a figure that is approximate (a change from
// 400여 is itself approximate, as the report's 증감 is).
func (s *Service) lastYearLine(nowTotal, beforeTotal ProgramTotal, span dates.Period) string {
	now, before := nowTotal.Jobs, beforeTotal.Jobs
	change := s.weekChange(nowTotal, beforeTotal, "")
	switch {
	case before > 0 && now == before:
		change += " (0%)" // not +0%: nothing moved
	case before > 0:
		change += fmt.Sprintf(" (%+d%%)", ((now-before)*100+signedHalf(now-before, before))/before)
	}
	return s.msg("status.same_span_last_year", "From", s.date(span.From), "To", s.date(span.To),
		"Before", s.total(beforeTotal, ""), "Change", change)
}

// signedHalf rounds a percentage half away from zero.
func signedHalf(diff, whole int64) int64 {
	if diff < 0 {
		return -whole / 2
	}
	return whole / 2
}

func (s *Service) programSection(v statusView) Section {
	progs := append([]Program(nil), v.programs...)
	// Most jobs first; ties in the order of the names the reader sees.
	sort.SliceStable(progs, func(i, j int) bool {
		a, b := v.totals[progs[i].ID].Jobs, v.totals[progs[j].ID].Jobs
		if a != b {
			return a > b
		}
		return s.programShort(progs[i]) < s.programShort(progs[j])
	})
	sec := Section{Heading: s.msg("status.by_program")}
	var notYet []string
	for _, p := range progs {
		t := v.totals[p.ID]
		target := v.targets.Programs[p.ID]
		// A department's view lists its own programs, and another
		// department's only where it has jobs of its own there, named as
		// that department's and without its target: "청년일자리 0개 / 목표
		// 500개(달성률 0%)" in 노인복지과's status read as 노인복지과's
		// shortfall (review r4 L3).
		own := v.dept == "" || p.Department == v.dept
		if !own && t.Jobs == 0 && t.Agreed == 0 && v.lastTotals[p.ID].Jobs == 0 {
			continue
		}
		if !own {
			target = 0
		}
		if t.Jobs == 0 && t.Agreed == 0 && target == 0 && !p.Active {
			continue
		}
		line := fmt.Sprintf("%s · %s: %s", s.programLabel(p), label(sectorWords, p.Sector, s.lang), s.unitCount(t.Jobs, t.Approximate > 0, p.Unit))
		if !own && p.Department != "" {
			line += s.msg("status.dept_view_other_program", "Department", p.Department)
		}
		figure := t.Jobs
		if w := v.whole[p.ID]; own && v.dept != "" && target > 0 && w.Jobs != t.Jobs {
			// The target is the whole program's: its 달성률 counts every
			// department's jobs, and the line says how many that is.
			figure = w.Jobs
			line += s.msg("status.dept_view_whole_program", "Whole", s.unitCount(w.Jobs, w.Approximate > 0, p.Unit))
		}
		switch {
		case target > 0 && (v.wholeYear || v.through):
			line += s.msg("status.program_target", "Target", s.jobs(target), "Percent", pctArg(figure, target))
		case target > 0 && !v.twoYears: // a period's figure against the year's target
			line += s.msg("status.program_annual_target", "Target", s.jobs(target), "Percent", pctArg(figure, target))
		}
		if now := v.targetsNow.Programs[p.ID]; target > 0 && now > 0 && now != target {
			line += s.msg("status.program_target_now", "Target", s.jobs(now))
		}
		if target > 0 && v.targets.NotYet[p.ID] {
			notYet = append(notYet, s.programShort(p))
		}
		if w := v.week[p.ID]; w.Jobs > 0 {
			if v.weekFrom.IsZero() {
				line += s.msg("status.program_this_week", "W", s.plusCount(w.Jobs, w.Approximate > 0, p.Unit))
			} else {
				line += s.msg("k59.status_program_week_from", "From", s.monthDay(v.weekFrom), "W", s.plusCount(w.Jobs, w.Approximate > 0, p.Unit))
			}
		}
		if last := v.lastTotals[p.ID]; last.Jobs > 0 {
			line += s.msg("status.program_last_year", "Last", s.total(last, p.Unit))
		}
		sec.Lines = append(sec.Lines, line)
	}
	if note := s.notYetNote(v.targetDay(), notYet); note != "" {
		sec.Lines = append(sec.Lines, note)
	}
	return sec
}

// markSilence judges each department's silence as of the span's end (today
// for a span still running), not as of today: a past month's status must not
// call a department silent for what it did later. A department that reported
// for that month, if only to say it had nothing (실적 없음), is not silent.
func (s *Service) markSilence(ctx context.Context, v *statusView) error {
	v.asOf = s.today()
	if v.to.Before(v.asOf) {
		v.asOf = v.to
	}
	if v.asOf.Before(v.from) {
		v.asOf = v.from
	}
	last := map[string]time.Time(nil)
	if v.asOf.Before(s.today()) {
		var err error
		if last, err = s.store.LastLoggedThrough(ctx, v.asOf); err != nil {
			return err
		}
	}
	said, err := s.saidNothingIn(ctx, saidNothingMonths(v.asOf))
	if err != nil {
		return err
	}
	thisMonth := dates.On(v.asOf.Year(), v.asOf.Month(), 1)
	v.saidNothing = map[string][]time.Time{}
	for i := range v.depts {
		d := &v.depts[i]
		if last != nil {
			d.LastLoggedOn = last[d.Department]
		}
		if after := saidNothingAfter(said[d.Department], d.LastLoggedOn, v.asOf); len(after) > 0 {
			v.saidNothing[d.Department] = after
		}
		d.Reported = slices.ContainsFunc(said[d.Department], thisMonth.Equal)
	}
	return nil
}

// saidNothingMonths are the months whose 실적 없음 reports status and the
// weekly report judge a department's silence by, as of asOf: the months of
// the year through asOf's, and last year's. A department silent since
// March that reported 실적 없음 for April is named as such; in a January
// view a department whose last jobs were in November and that reported
// 실적 없음 for December has reported since (review r22 F18).
func saidNothingMonths(asOf time.Time) []time.Time {
	thisMonth := dates.On(asOf.Year(), asOf.Month(), 1)
	var months []time.Time
	for m := dates.On(asOf.Year()-1, time.January, 1); !m.After(thisMonth); m = m.AddDate(0, 1, 0) {
		months = append(months, m)
	}
	return months
}

// saidNothingAfter are the months of said (a department's 실적 없음 reports,
// oldest first) after the month of its last jobs: only those speak for the
// silence since them (review r11 F6). Of last year's, only the latest is
// kept, the last report before asOf's year. Status and the weekly report
// both judge by it, so they say the same of a department (review r43 F4:
// the week-53 report called one that reported 실적 없음 for November
// "보고 없음" while status named its November report).
func saidNothingAfter(said []time.Time, lastLogged, asOf time.Time) []time.Time {
	yearStart := dates.On(asOf.Year(), time.January, 1)
	lastMonth := dates.On(lastLogged.Year(), lastLogged.Month(), 1)
	var list []time.Time
	for _, m := range said {
		if !lastLogged.IsZero() && !m.After(lastMonth) {
			continue
		}
		if n := len(list); n > 0 && list[n-1].Before(yearStart) && m.Before(yearStart) {
			list = list[:n-1] // an earlier month of last year: keep the latest
		}
		list = append(list, m)
	}
	return list
}

// silenceCovered says whether a department's 실적 없음 reports reach the
// judged month or the month before (whose month-end report is the latest
// due): then it has reported, not gone silent.
func silenceCovered(said []time.Time, asOf time.Time) bool {
	if len(said) == 0 {
		return false
	}
	latest := said[len(said)-1]
	return !latest.Before(dates.On(asOf.Year(), asOf.Month(), 1).AddDate(0, -1, 0))
}

// saidNothingNote names the months a silent department reported 실적 없음
// for, and whether nothing came after them.
func (s *Service) saidNothingNote(said []time.Time, asOf time.Time) string {
	months := make([]string, len(said))
	for i, m := range said {
		months[i] = s.monthLabel(m)
	}
	if silenceCovered(said, asOf) {
		if judged := dates.On(asOf.Year(), asOf.Month(), 1); !said[len(said)-1].Equal(judged) {
			// Covered by the month before's report only: the judged
			// month itself is not reported, and the line says so, not
			// just "실적 없음 보고(11월)" in a December view (review r32 F10).
			return s.msg("r32imp.said_nothing_not_yet", "Months", strings.Join(months, ", "), "Month", s.monthLabel(judged))
		}
		return s.msg("status.said_nothing", "Months", strings.Join(months, ", "))
	}
	return s.msg("status.said_nothing_then_silent", "Months", strings.Join(months, ", "))
}

func (s *Service) departmentSection(depts []DepartmentTotal, saidNothing map[string][]time.Time, asOf time.Time, targetsNow map[string]int64) Section {
	sec := Section{Heading: s.msg("status.by_department")}
	for _, d := range depts {
		line := fmt.Sprintf("%s: %s", d.Department, s.unitCount(d.Jobs, d.Approximate > 0, "")) + s.deptAchievement(d)
		if now := targetsNow[d.Department]; d.Target > 0 && now > 0 && now != d.Target {
			line += s.msg("status.program_target_now", "Target", s.jobs(now))
		}
		silent := d.LastLoggedOn.IsZero() || asOf.Sub(d.LastLoggedOn) >= silentAfter
		switch {
		case d.Reported && d.Jobs == 0:
			// It said it had nothing this month: reported, not silent, and
			// named so, or its 0 reads like a month with nothing reported
			// (r11 F3).
			line += s.msg("status.said_nothing", "Months", s.monthLabel(dates.On(asOf.Year(), asOf.Month(), 1)))
		case silent && len(saidNothing[d.Department]) > 0:
			// Its 실적 없음 reports cover the silence, or part of it.
			line += s.saidNothingNote(saidNothing[d.Department], asOf)
		case d.LastLoggedOn.IsZero():
			line += s.msg("status.nothing_logged_yet")
		case silent && !d.Reported:
			line += s.msg("status.silent_since", "LastLoggedOn", s.date(d.LastLoggedOn))
		}
		sec.Lines = append(sec.Lines, line)
	}
	return sec
}

func (s *Service) pipelineSection(counts map[Stage]int) Section {
	sec := Section{Heading: s.msg("status.social_enterprise_candidates")}
	var parts []string
	total := 0
	for _, st := range pipelineOrder {
		n := counts[st]
		total += n
		if n == 0 && (st == StageOnHold || st == StageWithdrawn || st == StageDeferred || st == StageNotSelected) {
			continue
		}
		parts = append(parts, label(stageWords, st, s.lang)+" "+s.msg("format.count", "N", n, "Unit", "곳"))
	}
	if total == 0 {
		sec.Lines = []string{s.msg("status.no_candidates_yet_candidate")}
		return sec
	}
	sec.Lines = []string{strings.Join(parts, " · ")}
	decided := counts[StageDesignated] + counts[StageNotSelected]
	reached := decided + counts[StageApplied] + counts[StageScreening]
	if reached > 0 {
		sec.Lines = append(sec.Lines, s.msg("status.designation_rate", "Designated", counts[StageDesignated], "Reached", reached, "Percent", pctArg(int64(counts[StageDesignated]), int64(reached))))
	}
	return sec
}

// pipelineSectionAsOf is pipelineSection for a past span: its heading names
// the day the stages are counted as of, so they are not read as today's.
func (s *Service) pipelineSectionAsOf(counts map[Stage]int, asOf time.Time) Section {
	sec := s.pipelineSection(counts)
	if asOf.IsZero() {
		return sec
	}
	sec.Heading = s.msg("status.candidates_as_of", "Date", s.date(asOf))
	total := 0
	for _, n := range counts {
		total += n
	}
	if total == 0 {
		sec.Lines = []string{s.msg("status.no_candidates_then", "Date", s.date(asOf))}
	}
	return sec
}

// breakdownSection shows the two breakdowns the ledger keeps but the other
// sections do not: by national disclosure type and by employment type.
func (s *Service) breakdownSection(v statusView) Section {
	inView := map[int64]Program{}
	byDisclosure := map[string]ProgramTotal{}
	for _, p := range v.programs {
		inView[p.ID] = p
		t, pt := byDisclosure[p.DisclosureType], v.totals[p.ID]
		t.Jobs, t.Approximate = t.Jobs+pt.Jobs, t.Approximate+pt.Approximate
		byDisclosure[p.DisclosureType] = t
	}
	byType, approxType := map[string]int64{}, map[string]int64{}
	for _, m := range v.types {
		if _, ok := inView[m.ProgramID]; ok && m.Status == StatusRealised {
			byType[m.EmploymentType] += m.Jobs
		}
	}
	for _, m := range v.typesApprox {
		if _, ok := inView[m.ProgramID]; ok && m.Status == StatusRealised {
			approxType[m.EmploymentType] += m.Jobs
		}
	}
	var disclosure, types []string
	for _, w := range disclosureWords.words {
		if t := byDisclosure[w.Value]; t.Jobs > 0 {
			disclosure = append(disclosure, fmt.Sprintf("%s %s", DisclosureLabel(w.Value, s.lang), s.total(t, "")))
		}
	}
	for _, code := range []string{"regular", "temporary", "daily", ""} {
		if n := byType[code]; n > 0 {
			name := EmploymentLabel(code, s.lang)
			if code == "" { // alone on its line, (미지정) would not say what is missing
				name = s.msg("status.type_not_given")
			}
			types = append(types, fmt.Sprintf("%s %s", name, s.unitCount(n, approxType[code] > 0, "")))
		}
	}
	sec := Section{Heading: s.msg("status.by_disclosure_type_and")}
	if len(disclosure) == 0 {
		sec.Lines = []string{s.msg("status.nothing_logged_in_this")}
		return sec
	}
	sec.Lines = []string{strings.Join(disclosure, " · "), strings.Join(types, " · ")}
	return sec
}

// withDepartmentTargets sets each department's yearly target.
func withDepartmentTargets(depts []DepartmentTotal, targets map[string]int64) []DepartmentTotal {
	for i := range depts {
		depts[i].Target = targets[depts[i].Department]
	}
	return depts
}

// deptAchievement is " / target 300 (달성률 41%)" for a department with a
// target, "" otherwise.
func (s *Service) deptAchievement(d DepartmentTotal) string {
	if d.Target <= 0 {
		return ""
	}
	return s.msg("status.of_target_d", "Target", s.jobs(d.Target), "Percent", pctArg(d.Jobs, d.Target))
}

// TotalsStore reads the running totals of live entries: status, the add
// guards and the digest sum with it.
type TotalsStore interface {
	// ProgramTotals sums live entries with as-of dates in [from, to] per
	// program; department "" means every department. Programs without entries
	// may be left out.
	ProgramTotals(ctx context.Context, from, to time.Time, department string) ([]ProgramTotal, error)
	// ProgramYearTotal sums one program's live entries with as-of dates in
	// the year: what an add's reply shows beside the entry.
	ProgramYearTotal(ctx context.Context, programID int64, year int) (ProgramTotal, error)
	// DepartmentTotals sums live realised jobs in [from, to] per department,
	// listing every active department of the managed list, and a retired one
	// only while it has live jobs in the span. Programs counted in
	// sessions (회) are left out here and in DailyJobs: they are not jobs.
	DepartmentTotals(ctx context.Context, from, to time.Time) ([]DepartmentTotal, error)
	// ProgramDepartmentJobs sums one program's live realised jobs with
	// as-of dates in [from, to] per department, 누계 increments included;
	// departments without jobs in the span are left out.
	ProgramDepartmentJobs(ctx context.Context, programID int64, from, to time.Time) ([]DepartmentTotal, error)
	// LastLoggedThrough returns, per department, the as-of date of its latest
	// live entry dated on or before through; departments without one are left
	// out. The digest judges silence with it as of the end of its week.
	LastLoggedThrough(ctx context.Context, through time.Time) (map[string]time.Time, error)
	// EmploymentTotals sums live jobs with as-of dates in [from, to] per
	// program, employment type and status; department "" means every
	// department. It reads running totals, so status can afford it.
	EmploymentTotals(ctx context.Context, from, to time.Time, department string) ([]EmploymentTotal, error)
	// EmploymentApproximate is the approximate-now part (여) of those jobs,
	// in the same rows; rows without any are left out.
	EmploymentApproximate(ctx context.Context, from, to time.Time, department string) ([]EmploymentTotal, error)
}

// maxDeltaExamples is how many cumulative reports the note of a month or
// quarter view names; the rest are counted.
const maxDeltaExamples = 3

// cumulativeDeltaNote says, for a view that is not 누계 (a month, a quarter,
// a span), that the cumulative reports in it count as what they added: a
// 10월말 누계 of 100 after 5 in March is 95 of October's 실적, and the reader
// of "10월 실적 95개" should not look for the 100 of the report.
func (s *Service) cumulativeDeltaNote(ctx context.Context, v statusView) (string, error) {
	if v.wholeYear || v.through || v.to.Before(v.from) {
		return "", nil
	}
	list, err := s.store.ListEntries(ctx, EntryFilter{Department: v.dept, From: v.from, To: v.to, Limit: 10_000})
	if err != nil {
		return "", err
	}
	in := map[int64]Program{}
	for _, p := range v.programs {
		in[p.ID] = p
	}
	var shown []string
	n := 0
	for i := len(list) - 1; i >= 0; i-- { // oldest first
		e := list[i]
		p, ok := in[e.ProgramID]
		if !ok || e.Kind != KindCumulative || e.Voided() || e.Status != StatusRealised ||
			slices.ContainsFunc(v.lumps, func(l firstLump) bool { return l.ID == e.ID }) {
			continue // a first 누계 is left out of the period and named apart (lumpNote)
		}
		n++
		if len(shown) < maxDeltaExamples {
			shown = append(shown, s.msg("status.delta_example", "ID", e.ID, "Program", s.programShort(p), "AsOf", s.date(e.AsOf),
				"Total", s.unitCount(e.ReportedTotal, e.Approximate, p.Unit), "Delta", s.unitCount(e.Count, e.Approximate, p.Unit)))
		}
	}
	if n == 0 {
		return "", nil
	}
	list2 := strings.Join(shown, ", ")
	if n > len(shown) {
		list2 += s.msg("status.delta_more", "N", n-len(shown))
	}
	return s.msg("status.delta_note", "Label", v.label, "List", list2), nil
}

// wordsDepartment is the department the words of status or list name, bare
// or in brackets (`노인복지과`, `(노인복지과)`): its managed name, or a
// department programs are filed under; "" when they name none.
func wordsDepartment(depts []Department, all []Program, typed string) string {
	names := []string{typed}
	if inner, ok := unwrapName(typed); ok {
		names = append(names, inner)
	}
	for _, n := range names {
		if d, ok := findDepartment(depts, n); ok {
			return d.Name
		}
		if d := departmentOf(all, n); d != "" {
			return d
		}
	}
	return ""
}

// monthDay writes a day without its year, for a label inside a view whose
// year is in its title: "12. 1." in Korean, "1 Dec" in English.
func (s *Service) monthDay(d time.Time) string {
	if s.lang == Korean {
		return fmt.Sprintf("%d. %d.", int(d.Month()), d.Day())
	}
	return d.Format("2 Jan")
}
