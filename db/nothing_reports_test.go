package db_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// NothingReports (list, newest first, filtered) and NothingReportsBetween
// (export, oldest first) are one query: both answer what a plain SELECT over
// nothing_reports answers, voided reports included.
func TestNothingReportsListAndExportAnswerAsPlainSQL(t *testing.T) {
	ctx := context.Background()
	s := dbtest.New(t)
	at := time.Date(2026, 11, 26, 1, 0, 0, 0, time.UTC)
	n := 0
	for _, dept := range []string{"일자리정책과", "노인복지과"} {
		for _, m := range []int{3, 7, 10, 12} {
			for _, user := range []string{"U1", "U2"} {
				n++
				r, err := s.AddNothing(ctx, commands.NothingReport{Department: dept, Month: day(2026, time.Month(m), 1), LoggedBy: user,
					Source: commands.SourceConsole, IdempotencyKey: fmt.Sprint("n", n)})
				if err != nil {
					t.Fatal(err)
				}
				if user == "U1" {
					if _, err := s.VoidNothing(ctx, r.ID, user, "다시", "", at); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	ids := func(list []commands.NothingReport) []int64 {
		var out []int64
		for _, r := range list {
			out = append(out, r.ID)
		}
		return out
	}
	plain := func(q string, args ...any) []int64 {
		var out []int64
		if err := s.DB().SelectContext(ctx, &out, q, args...); err != nil {
			t.Fatal(err)
		}
		return out
	}

	got, err := s.NothingReportsBetween(ctx, day(2026, 7, 15), day(2026, 10, 31))
	if err != nil {
		t.Fatal(err)
	}
	want := plain(`SELECT id FROM nothing_reports WHERE month BETWEEN '2026-07-01' AND '2026-10-31' ORDER BY month, department, id`)
	if !slices.Equal(ids(got), want) || len(want) != 8 {
		t.Errorf("between July and October: %v, want %v", ids(got), want)
	}
	voided := 0
	for _, r := range got {
		if !r.VoidedAt.IsZero() {
			voided++
		}
	}
	if voided != 4 {
		t.Errorf("%d voided reports in the export's list, want 4", voided)
	}

	got, err = s.NothingReports(ctx, commands.EntryFilter{From: day(2026, 7, 15), To: day(2026, 12, 31), Department: "노인복지과", LoggedBy: "U2", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	want = plain(`SELECT id FROM nothing_reports WHERE month BETWEEN '2026-07-01' AND '2026-12-31'
		AND department = '노인복지과' AND logged_by = 'U2' ORDER BY month DESC, id DESC LIMIT 2`)
	if !slices.Equal(ids(got), want) || len(want) != 2 {
		t.Errorf("the list, filtered: %v, want %v", ids(got), want)
	}
	got, err = s.NothingReports(ctx, commands.EntryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want = plain(`SELECT id FROM nothing_reports ORDER BY month DESC, id DESC`)
	if !slices.Equal(ids(got), want) || len(want) != n {
		t.Errorf("the list, unbounded: %v, want %v", ids(got), want)
	}
}
