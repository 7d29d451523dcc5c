package commands

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
)

// ReportBy says how the monthly report (월별 추진실적) groups its rows.
type ReportBy string

// Report groupings.
const (
	ReportByProgram    ReportBy = "program"    // programs, grouped by sector
	ReportByDepartment ReportBy = "dept"       // the department each entry was credited to
	ReportBySector     ReportBy = "sector"     // public / private
	ReportByDisclosure ReportBy = "disclosure" // national disclosure type (지역일자리 목표공시제)
	ReportByType       ReportBy = "type"       // employment type (상용/임시/일용)
)

var reportByWords = vocab[ReportBy]{"vocab.report_by", []word[ReportBy]{
	{ReportByProgram, []string{"programs", "program", "사업"}},
	{ReportByDepartment, []string{"department", "부서"}},
	{ReportBySector, []string{"부문"}},
	{ReportByDisclosure, []string{"공시", "공시유형"}},
	{ReportByType, []string{"employment", "고용형태", "형태"}},
}}

// ReportData is what a monthly report is built from: the live entries of
// the year through the report date and of the same span a year earlier,
// and the targets as they stood on the report date.
type ReportData struct {
	Year     int
	AsOf     time.Time // the report date: 누계 counts through it
	Programs []Program
	Targets  Targets // in force on AsOf (변경)
	Original Targets // as first set (당초)
	// CurrentTargets are the targets as they stand today, for a report
	// whose date is before a revision.
	CurrentTargets Targets
	// DeptTargets and DeptOriginal are the departments' own targets (`부서
	// 목표`), in force on AsOf and as first set: the only targets the report
	// by department shows. A program's target is not its department's.
	DeptTargets, DeptOriginal map[string]int64
	// DeptNotYet are the departments whose target was not yet set on AsOf:
	// DeptTargets holds today's for them (Targets.NotYet for the programs').
	DeptNotYet map[string]bool
	// Departments are the managed list's active departments: each has a row
	// in the report by department, so one that never reported shows as such.
	Departments []string
	This        []MonthTotal // 1 January .. AsOf
	// Spanning are the live 누계 reports whose increment, all dated in
	// their own month, covers earlier months too (SpanningReport).
	Spanning []SpanningReport
	LastYear []MonthTotal // 1 January .. the same date a year earlier (전년 동기)
	// LastSpanning are last year's 누계 reports through the same date a
	// year earlier that cover earlier months too: 전년 동기 holds months'
	// jobs reported at once, and the report says so (minor43).
	LastSpanning []SpanningReport
	// SaidNothing marks, per department and month (1-12), a month the
	// department reported 실적 없음 for: its rows show that, not the "-"
	// of a month nobody reported (review r11 F3, r27 F5).
	SaidNothing map[string]map[int]bool
}

// ReportReader is what LoadReportData reads: the report's own store and,
// from the programs, departments and targets roles, the lists and the
// targets as they stand today.
type ReportReader interface {
	ReportStore
	Programs(ctx context.Context) ([]Program, error)        // ProgramStore
	Departments(ctx context.Context) ([]Department, error)  // DepartmentStore
	Targets(ctx context.Context, year int) (Targets, error) // TargetStore
}

// LoadReportData reads what the report of year as of asOf needs; loc is the
// city's time zone, where the report date ends.
func LoadReportData(ctx context.Context, store ReportReader, year int, asOf time.Time, loc *time.Location) (ReportData, error) {
	d := ReportData{Year: year, AsOf: asOf}
	var err error
	if d.Programs, err = store.Programs(ctx); err != nil {
		return d, fmt.Errorf("report programs: %w", err)
	}
	targets, err := store.TargetsInForceOn(ctx, year, DayAfterStart(asOf, loc))
	if err != nil {
		return d, fmt.Errorf("report targets: %w", err)
	}
	d.Targets, d.Original = targets.InForce, targets.Original
	d.DeptTargets, d.DeptOriginal, d.DeptNotYet = targets.DeptInForce, targets.DeptOriginal, targets.DeptNotYet
	depts, err := store.Departments(ctx)
	if err != nil {
		return d, fmt.Errorf("report departments: %w", err)
	}
	for _, dept := range depts {
		if dept.Active {
			d.Departments = append(d.Departments, dept.Name)
		}
	}
	if d.CurrentTargets, err = store.Targets(ctx, year); err != nil {
		return d, fmt.Errorf("report current targets: %w", err)
	}
	if d.This, err = store.MonthTotals(ctx, dates.On(year, time.January, 1), asOf); err != nil {
		return d, fmt.Errorf("report months: %w", err)
	}
	if d.LastYear, err = store.MonthTotals(ctx, dates.On(year-1, time.January, 1), SameDayLastYear(asOf)); err != nil {
		return d, fmt.Errorf("report last year: %w", err)
	}
	if d.Spanning, err = spanningReports(ctx, store, year, asOf); err != nil {
		return d, fmt.Errorf("report 누계 spans: %w", err)
	}
	if d.LastSpanning, err = spanningReports(ctx, store, year-1, SameDayLastYear(asOf)); err != nil {
		return d, fmt.Errorf("report last year's 누계 spans: %w", err)
	}
	months, err := store.ReportingMonths(ctx, dates.On(year, time.January, 1), asOf)
	if err != nil {
		return d, fmt.Errorf("report 실적 없음 months: %w", err)
	}
	for _, m := range months {
		if m.SaidNothing && m.Month.Year() == year {
			if d.SaidNothing == nil {
				d.SaidNothing = map[string]map[int]bool{}
			}
			if d.SaidNothing[m.Department] == nil {
				d.SaidNothing[m.Department] = map[int]bool{}
			}
			d.SaidNothing[m.Department][int(m.Month.Month())] = true
		}
	}
	return d, nil
}

// SpanningReport is a live realised 누계 report whose increment may hold
// jobs of earlier months with no report of the program: the months after
// the program's last report before it (or from 1 January, for the year's
// first report) to its own. Its whole increment is dated on its own day, so
// the month cell may hold those months' jobs reported at once, and the
// report says so (review r11 F5). A 누계 after a report in the month before
// it spans no unreported month and is not marked (review r27 F6).
type SpanningReport struct {
	ID         int64
	ProgramID  int64
	Department string
	Employment string
	AsOf       time.Time
	From       time.Time // the first day of the first month without a report it covers
	// After is the date of the program's last report before it; zero for
	// the year's first report.
	After time.Time
}

// spanningReports reads the year's live realised entries through asOf and
// keeps the 누계 reports whose increment spans a month with no report of
// the program.
func spanningReports(ctx context.Context, store ReportStore, year int, asOf time.Time) ([]SpanningReport, error) {
	var reports []Entry
	err := store.EachEntry(ctx, dates.On(year, time.January, 1), asOf, func(e Entry) error {
		if !e.Voided() && e.Status == StatusRealised {
			reports = append(reports, e)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(reports, byProgramDate)
	var out []SpanningReport
	for i, e := range reports {
		if e.Kind != KindCumulative || e.Count <= 0 {
			continue
		}
		// A delta reported its month as well as a 누계 does.
		after := previousReportDate(reports, i)
		from := dates.On(year, time.January, 1)
		if !after.IsZero() {
			from = dates.On(year, after.Month(), 1).AddDate(0, 1, 0)
		}
		if from.Month() < e.AsOf.Month() && from.Year() == year {
			out = append(out, SpanningReport{ID: e.ID, ProgramID: e.ProgramID, Department: e.Department,
				Employment: e.EmploymentType, AsOf: e.AsOf, From: from, After: after})
		}
	}
	return out, nil
}

// SameDayLastYear is the date a year before d; 29 February becomes the 28th,
// so 전년 동기 never runs into March.
func SameDayLastYear(d time.Time) time.Time {
	if d.Month() == time.February && d.Day() == 29 {
		return dates.On(d.Year()-1, time.February, 28)
	}
	return dates.On(d.Year()-1, d.Month(), d.Day())
}

// ReportRow is one line of the report: a program, department, sector,
// disclosure type or employment type, or a subtotal or the total.
type ReportRow struct {
	Key      string // program code, department, sector, type value; "" for subtotal and total rows
	Label    string
	Months   [12]int64 // realised jobs per month, January first
	Target   int64     // in force on the report date (변경); 0 when there is none
	Original int64     // as first set (당초); 0 when there is none
	Total    int64     // 누계: realised jobs 1 January .. AsOf
	// Targeted is the part of Total from rows that have a target: a
	// subtotal's 달성률 compares it, not Total, with the sum of targets, so
	// programs without a target do not inflate it.
	Targeted         int64
	TargetedApprox   bool  // some of Targeted came from approximate (여) entries
	UntargetedApprox bool  // some of Total - Targeted came from approximate (여) entries
	LastYear         int64 // 전년 동기
	LastYearApprox   bool  // some of LastYear came from approximate (여) entries (review r41 F7)
	Approximate      bool  // some of Total came from approximate (여) entries
	// MonthApprox marks the months with a figure approximate as of that
	// month's end (or the report date, if earlier), by the rule of
	// db/approximate.go: what the month's reports said then. The latest
	// report through the month's end decides for the jobs dated up to it
	// (so `5월말 누계 500여` makes May's increment approximate, and an exact
	// `1월말 누계 100` keeps January exact), and a later exact 누계 does
	// not take a past month's 여 away: `3월말 누계 400여` stays 400여 in
	// March after `5월말 누계 1,250` (review r25 F9; k35 L1 read it as of
	// the report date). A month's 여 is never carried from an earlier month: an
	// exact 9 in November after 300여 in October is 9 (review r20 F23), as
	// 현황 of the month says; the 누계 carries the 여. A subtotal's month
	// ORs only the rows with jobs that month, whose cells show the 여
	// (addRow).
	MonthApprox [12]bool
	// Spans are the 누계 reports whose increment in a month of this row
	// covers earlier months too (SpanningReport), in date order.
	Spans []ReportSpan
	// LastSpans are last year's such reports in 전년 동기 (LastSpanning).
	LastSpans []ReportSpan
	// Nothing marks the months (January first) without jobs in this row
	// that its department reported 실적 없음 for: a program's row by its
	// department, a department's row by itself. Reported, so never shown
	// as the "-" or 0 of a month nobody reported (review r27 F5). Sums
	// never carry it.
	Nothing [12]bool
}

// ReportSpan marks a month cell that holds a 누계 report's jobs of earlier
// months: Month (1-12) holds the jobs of From .. Month, reported by ID.
type ReportSpan struct {
	Month, From int
	ID          int64
	After       time.Time // the program's report before it; zero for the year's first
	AsOf        time.Time // the report's date
}

// Diff is the change against the same span last year.
func (r ReportRow) Diff() int64 { return r.Total - r.LastYear }

// DiffApprox says 증감 is approximate: 누계 or 전년 동기 is.
func (r ReportRow) DiffApprox() bool { return r.Approximate || r.LastYearApprox }

// Rate is 달성률 in whole percent (Targeted against Target), and whether
// there is a target to compare with.
func (r ReportRow) Rate() (int64, bool) { return percent(r.Targeted, r.Target), r.Target > 0 }

// ReportGroup is a run of rows with their subtotal, e.g. the public programs.
type ReportGroup struct {
	Label    string // "" when the report has a single group and no subtotals
	Rows     []ReportRow
	Subtotal ReportRow
}

// Report is the monthly report model; renderers (text, spreadsheet, CSV)
// only lay it out, so every view shows the same figures.
type Report struct {
	Year   int
	AsOf   time.Time
	Months int // months shown: January .. the report date's month
	By     ReportBy
	Groups []ReportGroup
	Total  ReportRow
	Agreed int64 // agreed (약정) jobs through AsOf, never part of the figures
	// AgreedApprox: an approximate agreement (100여) is part of Agreed.
	AgreedApprox bool
	// TargetNow is the year's target as it stands today; Total.Target is
	// the one in force on AsOf.
	TargetNow int64
	// TargetNotYet: the year's target was not yet set on AsOf, so
	// Total.Target is today's, shown as the current target (현재 목표).
	TargetNotYet bool
	// NotYet are the rows whose target was not yet set on AsOf, so their
	// 목표 and 달성률 are against today's (notYetNote says so).
	NotYet []string
}

// reportKey places one program's figures in a row of the chosen grouping.
type reportKey struct {
	group, key, label string
}

// BuildReport groups the data into the report rows. Only realised jobs of
// programs counted in jobs are figures; sessions (회) and agreements stay out.
func BuildReport(d ReportData, by ReportBy, lang Lang) Report {
	r := Report{Year: d.Year, AsOf: d.AsOf, By: by, Months: 12, TargetNow: d.CurrentTargets.Total, TargetNotYet: d.Targets.NotYet[0]}
	if d.AsOf.Year() == d.Year {
		r.Months = int(d.AsOf.Month())
	}
	progs := map[int64]Program{}
	for _, p := range d.Programs {
		progs[p.ID] = p
	}
	rows := map[reportKey]*ReportRow{}
	var order []reportKey
	row := func(k reportKey) *ReportRow {
		if rows[k] == nil {
			rows[k] = &ReportRow{Key: k.key, Label: k.label}
			order = append(order, k)
		}
		return rows[k]
	}
	for _, k := range seedKeys(d.Programs, by, lang) {
		row(k)
	}
	if by == ReportByDepartment {
		for _, dept := range d.Departments {
			row(reportKey{key: dept, label: dept})
		}
	}
	if by == ReportByDepartment {
		// A department's own target only: its programs' targets are the
		// programs', and summing them would show a target nobody set.
		for dept, t := range d.DeptTargets {
			if t > 0 {
				x := row(reportKey{key: dept, label: dept})
				x.Target += t
				x.Original += d.DeptOriginal[dept]
				if d.DeptNotYet[dept] {
					r.NotYet = appendNew(r.NotYet, dept)
				}
			}
		}
	}
	for _, p := range d.Programs {
		if t := d.Targets.Programs[p.ID]; t > 0 && p.CountsAsJobs() && by != ReportByType && by != ReportByDepartment {
			k := keyOf(p, nil, by, lang)
			x := row(k)
			x.Target += t
			x.Original += d.Original.Programs[p.ID]
			if d.Targets.NotYet[p.ID] {
				r.NotYet = appendNew(r.NotYet, k.label)
			}
		}
	}
	for _, m := range d.This {
		p, ok := progs[m.ProgramID]
		if !ok || !p.CountsAsJobs() {
			continue
		}
		if by == ReportByType { // a report's 여 falls on its own type (r24 F21)
			m.Approximate, m.MonthApproximate = m.TypeApproximate, m.TypeMonthApproximate
		}
		if m.Status == StatusAgreed {
			r.Agreed += m.Jobs
			r.AgreedApprox = r.AgreedApprox || m.Approximate > 0
			continue
		}
		x := row(keyOf(p, &m, by, lang))
		x.Months[m.Month.Month()-1] += m.Jobs
		x.MonthApprox[m.Month.Month()-1] = x.MonthApprox[m.Month.Month()-1] || m.MonthApproximate > 0
		x.Total += m.Jobs
		x.Approximate = x.Approximate || m.Approximate > 0
		if by != ReportByDepartment && d.Targets.Programs[p.ID] > 0 {
			// A sector or disclosure row holds several programs, some
			// without a target: only those with one count against the
			// row's target (보고서 기준:부문 showed 238%, review r3 L1).
			x.Targeted += m.Jobs
			x.TargetedApprox = x.TargetedApprox || m.Approximate > 0
		} else {
			x.UntargetedApprox = x.UntargetedApprox || m.Approximate > 0
		}
	}
	// This year's reports spanning months, and last year's (the 전년 동기
	// ※), each on its row: one walk for both.
	for _, spanning := range []struct {
		reports []SpanningReport
		of      func(*ReportRow) *[]ReportSpan
	}{
		{d.Spanning, func(x *ReportRow) *[]ReportSpan { return &x.Spans }},
		{d.LastSpanning, func(x *ReportRow) *[]ReportSpan { return &x.LastSpans }},
	} {
		for _, sp := range spanning.reports {
			p, ok := progs[sp.ProgramID]
			if !ok || !p.CountsAsJobs() {
				continue
			}
			m := MonthTotal{ProgramID: sp.ProgramID, Department: sp.Department, EmploymentType: sp.Employment, Status: StatusRealised}
			spans := spanning.of(row(keyOf(p, &m, by, lang)))
			*spans = append(*spans, ReportSpan{Month: int(sp.AsOf.Month()), From: int(sp.From.Month()), ID: sp.ID, After: sp.After, AsOf: sp.AsOf})
		}
	}
	for _, m := range d.LastYear {
		if p, ok := progs[m.ProgramID]; ok && p.CountsAsJobs() && m.Status == StatusRealised {
			x := row(keyOf(p, &m, by, lang))
			x.LastYear += m.Jobs
			approx := m.Approximate
			if by == ReportByType {
				approx = m.TypeApproximate
			}
			x.LastYearApprox = x.LastYearApprox || approx > 0
		}
	}
	slices.SortStableFunc(order, func(a, b reportKey) int { return compareKeys(a, b, by) })
	if len(r.NotYet) > 0 { // named in the order of the rows
		var inOrder []string
		for _, k := range order {
			if slices.Contains(r.NotYet, k.label) {
				inOrder = appendNew(inOrder, k.label)
			}
		}
		r.NotYet = inOrder
	}
	for _, k := range order {
		if len(r.Groups) == 0 || r.Groups[len(r.Groups)-1].Label != k.group {
			r.Groups = append(r.Groups, ReportGroup{Label: k.group})
		}
		g := &r.Groups[len(r.Groups)-1]
		// A month's 여 is its own: not carried from the months before it
		// (review r20 F23: 11월's exact 9 was written 9여 after 10월's
		// 300여, while 현황 11월 said 9개); the 누계 column carries it.
		x := *rows[k]
		markNothing(&x, k, d, by)
		if by == ReportByDepartment && x.Target > 0 {
			x.Targeted, x.TargetedApprox = x.Total, x.Approximate // a department's target covers all its jobs
		}
		g.Rows = append(g.Rows, x)
	}
	for i := range r.Groups {
		r.Groups[i].Subtotal = SumRows(r.Groups[i].Rows)
		r.Total = addRow(r.Total, r.Groups[i].Subtotal)
	}
	if d.Targets.Total > 0 {
		// The year's own target, not the sum of program targets; every
		// realised job counts towards it.
		r.Total.Target, r.Total.Original, r.Total.Targeted, r.Total.TargetedApprox = d.Targets.Total, d.Original.Total, r.Total.Total, r.Total.Approximate
	}
	return r
}

// markNothing sets row.Nothing for a program's row (its department said
// 실적 없음) or a department's row; other groupings mix departments, so a
// month of theirs is never marked.
func markNothing(row *ReportRow, k reportKey, d ReportData, by ReportBy) {
	var dept string
	switch by {
	case ReportByDepartment:
		dept = k.key
	case ReportByProgram:
		for _, p := range d.Programs {
			if p.Code == k.key {
				dept = p.Department
			}
		}
	}
	if dept == "" {
		return
	}
	for m := range row.Months {
		row.Nothing[m] = row.Months[m] == 0 && d.SaidNothing[dept][m+1]
	}
}

// keyOf returns the row a program's figures belong to; m is the month total
// being placed, nil for the program itself (its target, or an empty row).
func keyOf(p Program, m *MonthTotal, by ReportBy, lang Lang) reportKey {
	var mt MonthTotal
	if m != nil {
		mt = *m
	}
	switch by {
	case ReportByDepartment:
		dept := p.Department
		if m != nil {
			dept = mt.Department
		}
		if dept == "" {
			return reportKey{key: "", label: pick(lang, "report.no_department")}
		}
		return reportKey{key: dept, label: dept}
	case ReportBySector:
		return reportKey{key: string(p.Sector), label: label(sectorWords, p.Sector, lang)}
	case ReportByDisclosure:
		return reportKey{key: p.DisclosureType, label: label(disclosureWords, p.DisclosureType, lang)}
	case ReportByType:
		if mt.EmploymentType == "" {
			return reportKey{key: "", label: pick(lang, "report.not_given")}
		}
		return reportKey{key: mt.EmploymentType, label: label(employmentWords, mt.EmploymentType, lang)}
	}
	name := p.NameEn
	if lang == Korean || name == "" {
		name = p.NameKo
	}
	return reportKey{group: label(sectorWords, p.Sector, lang), key: p.Code, label: name}
}

// seedKeys are the rows shown even without figures: every active program
// (or its sector / disclosure type), so a program that has reported nothing
// yet is visible as 0 rather than missing.
func seedKeys(programs []Program, by ReportBy, lang Lang) []reportKey {
	var out []reportKey
	switch by {
	case ReportByType:
		return nil
	case ReportBySector:
		for _, w := range sectorWords.words {
			out = append(out, reportKey{key: string(w.Value), label: label(sectorWords, w.Value, lang)})
		}
		return out
	}
	for _, p := range programs {
		if p.Active && p.CountsAsJobs() {
			out = append(out, keyOf(p, nil, by, lang))
		}
	}
	return out
}

// compareKeys orders rows: public before private, then disclosure and
// employment types in their official order, programs by name, departments
// by name, the unassigned row last.
func compareKeys(a, b reportKey, by ReportBy) int {
	rank := func(k reportKey) (int, string) {
		switch by {
		case ReportByProgram:
			// by the name the reader sees (가나다 in Korean), not the code
			return vocabIndex(sectorWords, Sector(sectorValue(k.group))), k.label
		case ReportBySector:
			return vocabIndex(sectorWords, Sector(k.key)), ""
		case ReportByDisclosure:
			return vocabIndex(disclosureWords, k.key), ""
		case ReportByType:
			return vocabIndex(employmentWords, k.key), ""
		}
		if k.key == "" {
			return 1, ""
		}
		return 0, k.key
	}
	ra, sa := rank(a)
	rb, sb := rank(b)
	if ra != rb {
		return ra - rb
	}
	switch {
	case sa < sb:
		return -1
	case sa > sb:
		return 1
	}
	return 0
}

// vocabIndex is v's place in its vocabulary, unknown values last.
func vocabIndex[T ~string](vocab vocab[T], v T) int {
	for i, w := range vocab.words {
		if w.Value == v {
			return i
		}
	}
	return len(vocab.words)
}

// sectorValue turns a sector label (either language) back into its value.
func sectorValue(lbl string) string {
	v, _ := lookup(sectorWords, lbl)
	return string(v)
}

// SumRows adds rows up, as a subtotal does.
func SumRows(rows []ReportRow) ReportRow {
	var t ReportRow
	for _, r := range rows {
		t = addRow(t, r)
	}
	return t
}

// MonthApproxThen reports whether a row shows a month with 여 while its
// 누계 is exact: the month was reported approximate as of then and a later
// exact 누계 report made the total exact (review r25 F9).
func (r Report) MonthApproxThen() bool {
	for _, g := range r.Groups {
		for _, row := range g.Rows {
			if row.Approximate {
				continue
			}
			for m, a := range row.MonthApprox {
				if a && row.Months[m] != 0 {
					return true
				}
			}
		}
	}
	return false
}

func addRow(t, r ReportRow) ReportRow {
	for i := range t.Months {
		t.Months[i] += r.Months[i]
		// A sum's month cell is approximate only when a cell it adds is:
		// a row whose month is `-` (rail's 600여 through November leaves
		// its December empty) adds nothing, 여 included (review r13 W4).
		t.MonthApprox[i] = t.MonthApprox[i] || r.MonthApprox[i] && r.Months[i] != 0
	}
	t.Target += r.Target
	t.Original += r.Original
	t.Total += r.Total
	t.Targeted += r.Targeted
	t.TargetedApprox = t.TargetedApprox || r.TargetedApprox
	t.UntargetedApprox = t.UntargetedApprox || r.UntargetedApprox
	t.LastYear += r.LastYear
	t.LastYearApprox = t.LastYearApprox || r.LastYearApprox && r.LastYear != 0
	t.Approximate = t.Approximate || r.Approximate
	return t
}

// pick renders catalogue message id in lang, for code outside a Service.
func pick(lang Lang, id string) string { return i18n.Default().Printer(lang).T(id) }

// ReportByLabel names a grouping in a language ("사업별").
func ReportByLabel(by ReportBy, lang Lang) string { return label(reportByWords, by, lang) }

// DisclosureOrder is a disclosure type's place in the official order
// (직접일자리 first, 기타 last), unknown types after it.
func DisclosureOrder(code string) int { return vocabIndex(disclosureWords, code) }

// DisclosureLabel names a national disclosure type in a language.
func DisclosureLabel(code string, lang Lang) string { return label(disclosureWords, code, lang) }

// EmploymentLabel names an employment type in a language; "" is 미지정.
func EmploymentLabel(code string, lang Lang) string {
	if code == "" {
		return pick(lang, "report.not_given")
	}
	return label(employmentWords, code, lang)
}

// SectorLabel names a sector in a language.
func SectorLabel(s Sector, lang Lang) string { return label(sectorWords, s, lang) }

// StatusLabel names an entry status in a language (채용 / 약정).
func StatusLabel(s EntryStatus, lang Lang) string { return label(statusWords, s, lang) }

// StageLabel names a candidate stage in a language.
func StageLabel(s Stage, lang Lang) string { return label(stageWords, s, lang) }

// KindLabel names a candidate kind in a language.
func KindLabel(k CandidateKind, lang Lang) string { return label(kindWords, k, lang) }

// MissionLabel names a social-mission type in a language.
func MissionLabel(m Mission, lang Lang) string { return label(missionWords, m, lang) }

// byProgramDate orders entries by program, then date, then number: the
// order a program's 누계 reports follow one another in (the spanning
// reports of a report and the 전년 동기 lump of 현황 both read them so).
func byProgramDate(a, b Entry) int {
	if c := cmp.Compare(a.ProgramID, b.ProgramID); c != 0 {
		return c
	}
	if c := a.AsOf.Compare(b.AsOf); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// previousReportDate is the date of the last report of reports[i]'s
// program dated before it (reportedBefore), zero if none: then reports[i] is
// the year's first report and its increment spans 1 January to its date.
// reports are sorted byProgramDate.
func previousReportDate(reports []Entry, i int) time.Time {
	for j := i - 1; j >= 0 && reports[j].ProgramID == reports[i].ProgramID; j-- {
		if reports[j].AsOf.Before(reports[i].AsOf) && reportedBefore(reports[j], reports[i]) {
			return reports[j].AsOf
		}
	}
	return time.Time{}
}

// reportedBefore says whether f, a live realised entry of cumulative report
// c's program and year ordered before it (by date, then number), is a report
// c's increment counts from. An earlier 누계 always is: c's increment is its
// total less that one. A delta is only when it was recorded before c: a
// delta back-dated after c was reported (누계포함:예 puts it inside c, 아니오
// beside it) changes neither what c stated nor the span it stated it for,
// so c stays the year's first report (review r47 F1) and keeps its span.
// db/first_reports.go's FirstCumulativeReports is this rule in SQL, and
// every view's "first 누계 of the year" comes from one or the other.
func reportedBefore(f, c Entry) bool {
	return f.Kind == KindCumulative || f.ID < c.ID
}
