// The weekly digest, part 2: Service.DigestReply words a gathered Digest as
// the sections of a Reply, in the channel's language.

package commands

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

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

// weekChange is the change between two weeks' totals with its unit, marked
// 여 (about) when either week's figure is approximate now: a change taken
// from a 7여 is itself approximate, as the report's 증감 beside a 누계
// with 여 is (signedApprox).
func (s *Service) weekChange(week, before ProgramTotal, unit string) string {
	if unit == "" {
		unit = "개"
	}
	return s.msg("format.count", "N", s.signedApprox(week.Jobs-before.Jobs, week.Approximate > 0 || before.Approximate > 0), "Unit", unit)
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
	r := Reply{Command: cmdDigest, Outcome: OutcomeOK,
		Title: s.msg("digest.weekly_jobs_digest", "Span", s.weekSpan(d))}
	r.Sections = append(r.Sections, s.digestHeadline(d), s.digestPrograms(d), s.digestDepartments(d),
		s.digestLagging(d), s.digestCandidates(d), s.digestVoided(d))
	r.Sections = append(r.Sections, s.digestAudit(d)...)
	return r
}

func (s *Service) digestHeadline(d Digest) Section {
	var lines []string
	lines = append(lines, s.msg("digest.this_week_jobs_on", "Week", s.total(d.Week, ""), "Change", s.weekChange(d.Week, d.PrevWeek, ""), "Before", s.total(d.PrevWeek, ""), i18n.PluralCount, d.Week.Jobs))
	if d.WeekStart.Year() != d.WeekEnd.Year() {
		// A week crossing the year is named by its ISO week (the year
		// holding its Thursday) but its days belong to two years: say how
		// the week's figure splits, so no reader adds it to both years'
		// totals (review r24 F15).
		newYear := dates.On(d.WeekEnd.Year(), time.January, 1)
		lines = append(lines, s.msg("labels.week_crosses_year", "Week", s.total(d.Week, ""), "Label", s.week(d.WeekStart),
			"OldYear", d.WeekStart.Year(), "OldFrom", s.date(d.WeekStart), "OldTo", s.date(newYear.AddDate(0, 0, -1)), "Old", s.total(d.WeekOldYear, ""),
			"NewYear", d.WeekEnd.Year(), "NewFrom", s.date(newYear), "NewTo", s.date(d.WeekEnd), "New", s.total(d.WeekNewYear, ""),
			"Year", d.Year))
	}
	lines = append(lines, s.msg("digest.public_private", "WeekPublic", s.total(d.WeekPublic, ""), "WeekPrivate", s.total(d.WeekPrivate, "")))
	if len(d.CumulativeDays) > 0 {
		days := make([]string, len(d.CumulativeDays))
		for i, day := range d.CumulativeDays {
			days[i] = s.msg("digest.month_day", "Month", int(day.Month()), "Day", day.Day())
		}
		lines = append(lines, s.msg("digest.cumulative_included", "Days", strings.Join(days, ", "),
			"Share", s.unitCount(d.CumulativeJobs, d.CumulativeApprox && d.Week.Approximate > 0, ""), "Week", s.total(d.Week, ""), i18n.PluralCount, d.Week.Jobs))
	}
	if len(d.WeekLumps) > 0 {
		progs := make([]Program, 0, len(d.programs))
		for _, p := range d.programs {
			if p.CountsAsJobs() {
				progs = append(progs, p)
			}
		}
		if note := s.lumpNote(s.msg("label9.this_week"), lumpsOf(d.WeekLumps, progs), progs); note != "" {
			lines = append(lines, note)
		}
	}
	if closed := d.WeekStart.Year(); closed < d.Year {
		lines = append(lines, s.msg("digest.year_closed", "Year", closed,
			"Jobs", s.jobs(d.PrevYearFinal.Jobs), "Date", s.date(dates.On(closed, time.December, 31)), i18n.PluralCount, d.PrevYearFinal.Jobs))
	}
	ytd := d.YearToDate.Jobs
	ytdFigure := s.total(d.YearToDate, "") // 여 exactly when status shows it
	switch {
	case d.Target > 0:
		lines = append(lines, s.msg("digest.year_to_date_of", "AsOf", s.date(d.AsOf), "Ytd", ytdFigure, "Target", s.jobs(d.Target), "Percent", pctArg(ytd, d.Target)))
		bar := fmt.Sprintf("%s %d%%", progressBar(ytd, d.Target), percent(ytd, d.Target))
		if pctArg(ytd, d.Target).Under {
			bar = progressBar(ytd, d.Target) + " " + s.msg("r27b.under_one_percent")
		}
		lines = append(lines, bar)
		if d.TargetNotYet {
			lines = append(lines, s.msg("status.no_target_yet", "Date", s.date(d.AsOf), "Target", s.jobs(d.Target)))
		}
		if d.TargetNow > 0 && d.TargetNow != d.Target {
			lines = append(lines, s.msg("status.target_revised_since", "Date", s.date(d.AsOf),
				"Target", s.jobs(d.TargetNow), "Percent", pctArg(ytd, d.TargetNow)))
		}
		switch {
		case ytd >= d.Target:
			lines = append(lines, s.msg("shared.target_reached"))
		case d.WeeksLeft > 0:
			need := d.Target - ytd
			lines = append(lines, s.msg("digest.still_needed", "Need", s.jobs(need), "PerWeek", s.jobs((need+d.WeeksLeft-1)/d.WeeksLeft), "WeeksLeft", d.WeeksLeft, i18n.PluralCount, d.WeeksLeft))
		default:
			lines = append(lines, s.msg("digest.year_ended_short_of", "Short", s.jobs(d.Target-ytd)))
		}
	default:
		lines = append(lines, s.msg("digest.year_to_date", "AsOf", s.date(d.AsOf), "Ytd", ytdFigure))
		lines = append(lines, s.noTarget(d.Year))
	}
	if d.YearToDate.Approximate > 0 {
		lines = append(lines, s.msg("shared.approximate", "Approximate", s.jobs(d.YearToDate.Approximate)))
	}
	if d.WeekUnhired > 0 {
		if d.WeekAgreed > d.WeekUnhired {
			// Part of the week's agreements is hired: the figure left out is
			// the rest, not what the week recorded (review r22 F11); an
			// approximate agreement's 여 stays on both (r20 F13).
			lines = append(lines, s.msg("k59.digest_unhired_of_agreed", "Agreed", s.unitCount(d.WeekAgreed, d.WeekUnhiredApprox, ""),
				"Unhired", s.unitCount(d.WeekUnhired, d.WeekUnhiredApprox, ""), i18n.PluralCount, d.WeekUnhired))
		} else {
			lines = append(lines, s.msg("digest.not_counted_agreed_mou2", "Agreed", s.unitCount(d.WeekUnhired, d.WeekUnhiredApprox, ""), i18n.PluralCount, d.WeekUnhired))
		}
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
			"Count", s.unitCount(pw.Week.Jobs, pw.Week.Approximate > 0, pw.Program.Unit), "Before", s.total(pw.PrevWeek, pw.Program.Unit), "Change", s.weekChange(pw.Week, pw.PrevWeek, pw.Program.Unit))
		if pw.Week.Agreed > 0 {
			line += s.msg("digest.program_agreed", "Agreed", s.unitCount(pw.Week.Agreed, pw.Week.AgreedApproximate, ""))
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
			parts = append(parts, dt.Department+" "+s.unitCount(dt.Jobs, dt.Approximate > 0, ""))
		}
		sec.Lines = append(sec.Lines, s.msg("digest.logged_most", "Join", strings.Join(parts, " · ")))
	}
	if len(d.DepartmentTargets) > 0 {
		var parts []string
		for _, dt := range d.DepartmentTargets[:min(len(d.DepartmentTargets), digestMaxList)] {
			parts = append(parts, dt.Department+" "+s.unitCount(dt.Jobs, dt.Approximate > 0, "")+s.deptAchievement(dt))
		}
		sec.Lines = append(sec.Lines, s.msg("digest.against_dept_targets", "Join", strings.Join(parts, " · ")))
		if note := s.notYetNote(d.AsOf, d.deptTargetsNotYet); note != "" {
			sec.Lines = append(sec.Lines, note)
		}
	}
	if len(d.SaidNothing) > 0 {
		var parts []string
		for _, dn := range d.SaidNothing[:min(len(d.SaidNothing), digestMaxList)] {
			months := make([]string, len(dn.Months))
			for i, m := range dn.Months {
				months[i] = s.monthLabel(m)
			}
			parts = append(parts, s.msg("digest.said_nothing_dept", "Department", dn.Department, "Months", strings.Join(months, ", ")))
		}
		line := s.msg("digest.said_nothing_list", "Join", strings.Join(parts, " · "))
		if more := len(d.SaidNothing) - digestMaxList; more > 0 {
			line += s.msg("digest.and_more_places", "More", more)
		}
		sec.Lines = append(sec.Lines, line)
	}
	if len(d.SilentDepartments) == 0 {
		sec.Lines = append(sec.Lines, s.msg("digest.silent_none"))
		return sec
	}
	var parts []string
	for _, dt := range d.SilentDepartments[:min(len(d.SilentDepartments), digestMaxList)] {
		if said := d.silentSaidNothing[dt.Department]; len(said) > 0 {
			months := make([]string, len(said))
			for i, m := range said {
				months[i] = s.monthLabel(m)
			}
			parts = append(parts, s.msg("agree2.silent_said_nothing", "Department", dt.Department, "Months", strings.Join(months, ", ")))
		} else if dt.LastLoggedOn.IsZero() {
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
		var notYet []string
		for _, pw := range d.Lagging[:min(len(d.Lagging), digestMaxList)] {
			sec.Lines = append(sec.Lines, s.msg("digest.lagging_line", "Program", s.programLabel(pw.Program), "Jobs", s.unitCount(pw.YearToDate.Jobs, pw.YearToDate.Approximate > 0, ""), "Target", s.jobs(pw.Target), "Percent", pctArg(pw.YearToDate.Jobs, pw.Target), "Elapsed", elapsed))
			if pw.TargetNotYet {
				notYet = append(notYet, s.programShort(pw.Program))
			}
		}
		if more := len(d.Lagging) - digestMaxList; more > 0 {
			sec.Lines = append(sec.Lines, s.msg("digest.and_more_programs", "More", more))
		}
		// A target set after the week's end is today's, as 현황 지난주 says.
		if note := s.notYetNote(d.AsOf, notYet); note != "" {
			sec.Lines = append(sec.Lines, note)
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
	nameOf := func(e Entry) (string, Program) { return s.digestProgram(d, e) }
	if len(d.Voided) == 0 {
		sec.Lines = []string{s.msg("digest.no_entries_were_voided")}
	}
	for _, e := range d.Voided[:min(len(d.Voided), digestMaxList)] {
		name, p := nameOf(e)
		id := "digest.voided_line"
		if e.Kind == KindCumulative && e.ReportedTotal > 0 {
			// 누계 73개(계산된 증가분 15개) already ends in brackets: the
			// date goes before it, as 기준, not in a second bracket (r11).
			id = "digest.voided_line_cumulative"
		}
		sec.Lines = append(sec.Lines, s.msg(id, "ID", e.ID, "Program", name, "Count", s.voidedFigure(e, p.Unit), "AsOf", s.date(e.AsOf), "VoidedBy", e.VoidedBy, "VoidReason", e.VoidReason))
	}
	if more := len(d.Voided) - digestMaxList; more > 0 {
		sec.Lines = append(sec.Lines, s.msg("digest.and_more_voided", "More", more))
	}
	// Corrections (정정) replaced an entry rather than took it out: a line
	// of their own, old → new.
	if len(d.Corrected) > 0 {
		items := make([]string, 0, min(len(d.Corrected), digestMaxList))
		for _, c := range d.Corrected[:min(len(d.Corrected), digestMaxList)] {
			name, p := nameOf(c.Old)
			from, to, _ := s.correctionFigures(c, p.Unit)
			items = append(items, s.msg("digest.corrected_item", "ID", c.Old.ID, "Program", name, "From", from, "To", to))
		}
		list := strings.Join(items, ", ")
		if more := len(d.Corrected) - digestMaxList; more > 0 {
			list += s.msg("status.delta_more", "N", more)
		}
		sec.Lines = append(sec.Lines, s.msg("digest.corrected_this_week", "N", len(d.Corrected), "List", list))
	}
	return sec
}

// digestProgram names an entry's program in a digest list the way every
// other line of the digest does (its Korean name in Korean, never the code
// typed for it), with the program for its unit. The code stands only for a
// program the digest does not know.
func (s *Service) digestProgram(d Digest, e Entry) (string, Program) {
	p, ok := d.programs[e.ProgramID]
	if !ok {
		for _, pw := range append(slices.Clone(d.Programs), d.Lagging...) {
			if pw.Program.ID == e.ProgramID {
				p, ok = pw.Program, true
			}
		}
	}
	if !ok {
		return e.ProgramCode, Program{}
	}
	return s.programShort(p), p
}
