package commands

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// A program's first 누계 report of the year states everything it made from
// 1 January to the report's date, and the ledger stores that whole figure as
// the report's increment, dated on the report's own day. Counted in the
// 실적 of a period that starts after 1 January (a quarter, a month, a week),
// it made January–October's jobs read as that period's own (review r41 F8:
// `4분기 실적 2,597여개` held a 10월말 첫 누계 of 1,200여). Every period view
// (status of a period and its 이번 주·이번 달, the period report, the weekly
// digest) reads its per-program figures through periodTotals, which leaves
// such a report out and hands it back to be named under the figure; the
// year's 누계, counted from 1 January, keeps it.

// FirstReport is one such report, left out of a period's 실적.
type FirstReport struct {
	Entry
	// ApproxNow says the report's jobs are part of the approximate-now (여)
	// figure of the span it was read for (db/approximate.go's rule): the
	// program's latest 누계 through the span's end carries 여.
	ApproxNow bool
}

// firstLump is the name the period views use for a FirstReport.
type firstLump = FirstReport

// firstLumps reads the first realised 누계 reports of their year dated in
// [from, to] (department dept, "" for all) whose year began before from.
// "First" is the program's first live realised report of the year: nothing
// of it comes earlier but deltas recorded after it (reportedBefore), so the
// report's increment is its whole year to date.
// The store finds them with one query per year (FirstCumulativeReports), so
// a period view never streams the year's entries.
func (s *Service) firstLumps(ctx context.Context, from, to time.Time, dept string) ([]firstLump, error) {
	if to.Before(from) {
		return nil, nil
	}
	var out []firstLump
	// A span crossing the year is read year by year: its new year's part
	// starts on 1 January and has no such report.
	for y := from.Year(); y <= to.Year(); y++ {
		yearStart := dates.On(y, time.January, 1)
		if !from.After(yearStart) {
			continue
		}
		end := dates.On(y, time.December, 31)
		if to.Before(end) {
			end = to
		}
		year, err := s.store.FirstCumulativeReports(ctx, from, end, dept)
		if err != nil {
			return nil, fmt.Errorf("first 누계 reports of %d: %w", y, err)
		}
		out = append(out, year...)
	}
	return out, nil
}

// periodTotals is totalsByProgram for a period's 실적: the first 누계
// reports of a year that began before from are left out of it and returned,
// to be named under the figure. From 1 January it equals totalsByProgram.
func (s *Service) periodTotals(ctx context.Context, from, to time.Time, dept string) (map[int64]ProgramTotal, []firstLump, error) {
	totals, err := s.totalsByProgram(ctx, from, to, dept)
	if err != nil {
		return nil, nil, err
	}
	lumps, err := s.firstLumps(ctx, from, to, dept)
	if err != nil {
		return nil, nil, err
	}
	for _, l := range lumps {
		t := totals[l.ProgramID]
		t.Jobs -= l.Count
		if l.ApproxNow {
			t.Approximate = max(t.Approximate-l.Count, 0)
		}
		totals[l.ProgramID] = t
	}
	return totals, lumps, nil
}

// withoutLumpsByDepartment takes the lumps out of a department breakdown of
// the same span.
func withoutLumpsByDepartment(depts []DepartmentTotal, lumps []firstLump) []DepartmentTotal {
	for _, l := range lumps {
		for i := range depts {
			if depts[i].Department == l.Department {
				depts[i].Jobs -= l.Count
				if l.ApproxNow {
					depts[i].Approximate = max(depts[i].Approximate-l.Count, 0)
				}
			}
		}
	}
	return depts
}

// withoutLumpsByType takes the lumps out of an employment-type breakdown of
// the same span: from its jobs, and when approx from its approximate part.
func withoutLumpsByType(types []EmploymentTotal, lumps []firstLump, approx bool) []EmploymentTotal {
	for _, l := range lumps {
		if approx && !l.ApproxNow {
			continue
		}
		for i := range types {
			t := &types[i]
			if t.ProgramID == l.ProgramID && t.EmploymentType == l.EmploymentType && t.Status == StatusRealised {
				t.Jobs = max(t.Jobs-l.Count, 0)
			}
		}
	}
	return types
}

// withoutLumpsByMonth takes the lumps out of month totals of the same span
// (the period report's own rows).
func withoutLumpsByMonth(months []MonthTotal, lumps []firstLump) []MonthTotal {
	for _, l := range lumps {
		month := dates.On(l.AsOf.Year(), l.AsOf.Month(), 1)
		for i := range months {
			m := &months[i]
			if m.ProgramID == l.ProgramID && m.Department == l.Department && m.EmploymentType == l.EmploymentType &&
				m.Status == StatusRealised && m.Month.Equal(month) {
				m.Jobs -= l.Count
				if l.ApproxNow {
					m.Approximate = max(m.Approximate-l.Count, 0)
					m.TypeApproximate = max(m.TypeApproximate-l.Count, 0)
				}
				break
			}
		}
	}
	return months
}

// lumpsOf keeps the lumps of the programs in view, each once.
func lumpsOf(lumps []firstLump, programs []Program) []firstLump {
	in := map[int64]bool{}
	for _, p := range programs {
		in[p.ID] = true
	}
	var out []firstLump
	for _, l := range lumps {
		if in[l.ProgramID] && !slices.ContainsFunc(out, func(o firstLump) bool { return o.ID == l.ID }) {
			out = append(out, l)
		}
	}
	slices.SortStableFunc(out, func(a, b firstLump) int {
		if c := a.AsOf.Compare(b.AsOf); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
	return out
}

// lumpNote names the first 누계 reports left out of where's 실적 (a period's
// label, or this week and this month), each with its program, number, date
// and figure, and says the year's 누계 holds them.
func (s *Service) lumpNote(where string, lumps []firstLump, programs []Program) string {
	if len(lumps) == 0 {
		return ""
	}
	byID := map[int64]Program{}
	for _, p := range programs {
		byID[p.ID] = p
	}
	items := make([]string, 0, len(lumps))
	for _, l := range lumps {
		p := byID[l.ProgramID]
		items = append(items, s.msg("label9.lump_item", "Program", s.programShort(p), "ID", l.ID, "AsOf", s.date(l.AsOf),
			"Count", s.unitCount(l.Count, l.ApproxNow, p.Unit)))
	}
	return s.msg("label9.lump_note", "Where", where, "List", strings.Join(items, s.msg("k52.report_list_sep")))
}

// weekMonthLumpNote names the first 누계 reports left out of this week
// (week) and of this month (month), each under the periods whose figure
// leaves it out: in January the month starts with the year and keeps the
// report the week from 4 January leaves out, and a report dated in this
// month before this week is left out of the month alone (review r45 L1).
// The notes are one line each: both periods, this week, this month.
func (s *Service) weekMonthLumpNote(week, month []firstLump, programs []Program) string {
	in := func(list []firstLump, l firstLump) bool {
		return slices.ContainsFunc(list, func(o firstLump) bool { return o.ID == l.ID })
	}
	var both, weekOnly, monthOnly []firstLump
	for _, l := range week {
		if in(month, l) {
			both = append(both, l)
		} else {
			weekOnly = append(weekOnly, l)
		}
	}
	for _, l := range month {
		if !in(week, l) {
			monthOnly = append(monthOnly, l)
		}
	}
	var notes []string
	for _, g := range []struct {
		where string
		lumps []firstLump
	}{{"label9.this_week_month", both}, {"label9.this_week", weekOnly}, {"label10.this_month", monthOnly}} {
		if note := s.lumpNote(s.msg(g.where), g.lumps, programs); note != "" {
			notes = append(notes, note)
		}
	}
	return strings.Join(notes, "\n")
}
