package db

import (
	"context"
	"time"

	"jobsbot/commands"
)

// The target in force on a date (issue 19): a 4월말 report made in June
// compares with the target that stood on April 30, not with one revised
// since. It is the latest revision made by the end of that day in the
// city's time zone. On a date before a target's first setting none stood:
// it is marked NotYet and carries today's value, which the views label as
// the current target (현재 목표), never as that date's. One query serves
// these and the report workbook's 당초/변경 columns (TargetsInForceOn).

// TargetsOn returns the targets of year (the total and each program's) in
// force on day, read in loc; Total is 0 and Programs empty when none are set.
func (s *Store) TargetsOn(ctx context.Context, year int, day time.Time, loc *time.Location) (commands.Targets, error) {
	t, err := s.TargetsInForceOn(ctx, year, commands.DayAfterStart(day, loc))
	return t.InForce, err
}

// DepartmentTargetsOn returns the departments' targets of year in force on
// day, read in loc.
func (s *Store) DepartmentTargetsOn(ctx context.Context, year int, day time.Time, loc *time.Location) (map[string]int64, error) {
	t, err := s.TargetsInForceOn(ctx, year, commands.DayAfterStart(day, loc))
	return t.DeptInForce, err
}
