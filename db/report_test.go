package db_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// employment_days, kept by triggers, always equals a plain SUM over entries:
// after adds, voids and a bulk fill, and through EmploymentTotals.
func TestEmploymentDaysFollowTheLedger(t *testing.T) {
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	rail := programByCode(t, s, "rail")
	var ids []int64
	for i, typ := range []string{"regular", "temporary", "daily", "", "regular"} {
		e := delta(youth.ID, int64(10+i), day(2026, time.April, 1+i%2))
		if i%2 == 1 {
			e.ProgramID = rail.ID
		}
		e.EmploymentType = typ
		res, err := s.AddEntry(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.Entry.ID)
	}
	if _, err := s.VoidEntry(ctx, ids[0], "U_TEST", "typo", time.Now()); err != nil {
		t.Fatal(err)
	}
	check := func(stage string) {
		t.Helper()
		const diff = `
			SELECT count(*) FROM (
				(SELECT day, program_id, status, employment_type, jobs FROM employment_days WHERE jobs > 0
				 EXCEPT
				 SELECT as_of, program_id, status, employment_type, SUM(count) FROM entries WHERE voided_at IS NULL GROUP BY 1, 2, 3, 4)
				UNION ALL
				(SELECT as_of, program_id, status, employment_type, SUM(count) FROM entries WHERE voided_at IS NULL GROUP BY 1, 2, 3, 4
				 EXCEPT
				 SELECT day, program_id, status, employment_type, jobs FROM employment_days WHERE jobs > 0)) d`
		var n int
		if err := s.DB().GetContext(ctx, &n, diff); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s: employment_days differs from entries in %d rows", stage, n)
		}
	}
	check("after adds and a void")

	got, err := s.EmploymentTotals(ctx, day(2026, 1, 1), day(2026, 12, 31), "")
	if err != nil {
		t.Fatal(err)
	}
	sum := map[string]int64{}
	for _, g := range got {
		sum[fmt.Sprint(g.ProgramID, g.EmploymentType, g.Status)] += g.Jobs
	}
	if want := sum[fmt.Sprint(youth.ID, "regular", commands.StatusRealised)]; want != 14 { // 10 was voided
		t.Errorf("youth regular %d, want 14", want)
	}

	if err := dbtest.FillSynthetic(ctx, s, 2000, 7, nil); err != nil {
		t.Fatal(err)
	}
	check("after a bulk fill")
}
