package commands

import (
	"context"
	"time"
)

// TargetsOn are a year's targets as they stood on a report date: the first
// setting of each (당초) and the one in force on that date (변경, equal to
// 당초 when it was never revised by then).
type TargetsOn struct {
	Original, InForce         Targets
	DeptOriginal, DeptInForce map[string]int64
	DeptNotYet                map[string]bool // departments whose target was not yet set then (InForce.NotYet for the programs')
}

// DepartmentMonth says how a department reported for a month: with entries
// (Logged), with a 실적 없음 (SaidNothing), or both. A department and month
// that is not listed at all is 미보고.
type DepartmentMonth struct {
	Department  string
	Month       time.Time // the first day of the month
	Logged      bool
	SaidNothing bool
}

// ReportStore is what the report and the export read besides the programs,
// departments and targets: monthly totals, the entries as a stream, and
// the as-of views.
type ReportStore interface {
	// MonthTotals sums live entries with as-of dates in [from, to] per month,
	// program, department, employment type and status: every breakdown the
	// monthly report and the export show comes from these rows.
	MonthTotals(ctx context.Context, from, to time.Time) ([]MonthTotal, error)
	// EachEntry calls fn for every entry, voided ones included, with as-of
	// dates in [from, to], in ID order, reading them as a stream so a decade
	// of entries never sits in memory at once. An error from fn stops it.
	EachEntry(ctx context.Context, from, to time.Time, fn func(Entry) error) error
	// FirstCumulativeReports returns, per program, its first live realised
	// report of from's year (by as-of date, then ID, leaving out deltas
	// recorded after it: reportedBefore) when that report is a
	// cumulative report with a positive count dated in [from, to] (of
	// department dept, "" for all), with the 여 of the program's latest live
	// realised cumulative report of the year through to (FirstReport). from
	// and to lie in one year.
	FirstCumulativeReports(ctx context.Context, from, to time.Time, dept string) ([]FirstReport, error)
	// TargetsInForceOn returns a year's targets as they stood just before
	// the instant before: each one's first setting and the one in force.
	TargetsInForceOn(ctx context.Context, year int, before time.Time) (TargetsOn, error)
	// ReportingMonths returns, per department and month of [from, to],
	// whether it logged live entries and whether it said 실적 없음.
	ReportingMonths(ctx context.Context, from, to time.Time) ([]DepartmentMonth, error)
	// NothingReportsBetween returns every 실적 없음 report for the months
	// of [from, to], voided ones included, oldest month first.
	NothingReportsBetween(ctx context.Context, from, to time.Time) ([]NothingReport, error)
}

// DayAfterStart is the instant the day after d begins in loc: what was
// recorded before it was known on d.
func DayAfterStart(d time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, loc)
}
