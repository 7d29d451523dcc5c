package db_test

import (
	"context"
	"testing"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/db/dbtest"
)

// The target in force on a day is the latest revision made by the end of
// that day in the city's zone; on a day before the first setting no target
// stood, so it is marked NotYet and carries today's value; a target without
// revision rows stands as it is.
func TestTargetsOnADay(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	seoul := dates.Seoul()
	youth := programByCode(t, s, "youth")
	at := func(m time.Month, d, hour int) time.Time { return time.Date(2026, m, d, hour, 0, 0, 0, seoul) }
	for _, set := range []struct {
		program int64
		jobs    int64
		at      time.Time
	}{
		{0, 20500, at(1, 5, 9)},
		{youth.ID, 150, at(1, 5, 9)},
		{0, 21000, at(6, 15, 23)}, // late in the evening in Seoul, still June 15
		{youth.ID, 180, at(6, 16, 0)},
	} {
		if _, err := s.SetTarget(ctx, 2026, set.program, set.jobs, "U_M", set.at); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.SetDepartmentTarget(ctx, 2026, "복지정책과", 8000, "U_M", "", at(2, 1, 10)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SetDepartmentTarget(ctx, 2026, "복지정책과", 9000, "U_M", "추경 반영", at(6, 15, 10)); err != nil {
		t.Fatal(err)
	}
	// A target written without a revision row, as by hand in psql.
	if _, err := s.DB().ExecContext(ctx, `INSERT INTO targets (year, program_id, jobs) VALUES (2026, $1, 2400)`, programByCode(t, s, "invest").ID); err != nil {
		t.Fatal(err)
	}
	day := func(m time.Month, d int) time.Time { return dates.On(2026, m, d) }
	for _, tt := range []struct {
		day                   time.Time
		total, youth, welfare int64
	}{
		{day(1, 1), 21000, 180, 9000}, // before the first setting none stood: today's, marked NotYet
		{day(4, 30), 20500, 150, 8000},
		{day(6, 14), 20500, 150, 8000},
		{day(6, 15), 21000, 150, 9000}, // revised that evening: in force by the end of the day
		{day(6, 16), 21000, 180, 9000},
		{day(12, 31), 21000, 180, 9000},
	} {
		got, err := s.TargetsOn(ctx, 2026, tt.day, seoul)
		if err != nil {
			t.Fatal(err)
		}
		depts, err := s.DepartmentTargetsOn(ctx, 2026, tt.day, seoul)
		if err != nil {
			t.Fatal(err)
		}
		invest := programByCode(t, s, "invest")
		if got.Total != tt.total || got.Programs[youth.ID] != tt.youth || got.Programs[invest.ID] != 2400 || depts["복지정책과"] != tt.welfare {
			t.Errorf("on %s: total %d, youth %d, invest %d, 복지정책과 %d; want %d, %d, 2400, %d",
				tt.day.Format(time.DateOnly), got.Total, got.Programs[youth.ID], got.Programs[invest.ID], depts["복지정책과"], tt.total, tt.youth, tt.welfare)
		}
	}
	for _, tt := range []struct {
		day    time.Time
		notYet bool
	}{{day(1, 4), true}, {day(1, 5), false}, {day(6, 16), false}} {
		got, err := s.TargetsOn(ctx, 2026, tt.day, seoul)
		if err != nil {
			t.Fatal(err)
		}
		if got.NotYet[0] != tt.notYet || got.NotYet[youth.ID] != tt.notYet || got.NotYet[programByCode(t, s, "invest").ID] {
			t.Errorf("on %s: not yet set %v, want %v for the total and youth, never for invest", tt.day.Format(time.DateOnly), got.NotYet, tt.notYet)
		}
	}
	none, err := s.TargetsOn(ctx, 2025, day(4, 30), seoul)
	if err != nil || none.Total != 0 || len(none.Programs) != 0 {
		t.Errorf("a year without targets: %+v, %v", none, err)
	}
}
