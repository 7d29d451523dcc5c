package db_test

import (
	"context"
	"fmt"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// benchStore is a fresh database filled with n synthetic entries.
func benchStore(b *testing.B, n int64) *db.Store {
	b.Helper()
	s := dbtest.New(b)
	if err := dbtest.FillSynthetic(context.Background(), s, n, 1, nil); err != nil {
		b.Fatalf("FillSynthetic: %v", err)
	}
	return s
}

// BenchmarkAddEntry records delta entries one after another on a database
// of 100k entries: the write path of /jobs add without HTTP and parsing.
func BenchmarkAddEntry(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b, 100_000)
	youth := programByCode(b, s, "youth")
	today := time.Now().UTC().Truncate(24 * time.Hour)
	i := 0
	for b.Loop() {
		e := delta(youth.ID, 1+int64(i%50), today.AddDate(0, 0, -(i%30)))
		e.IdempotencyKey = fmt.Sprintf("bench-add-%d-%d", time.Now().UnixNano(), i)
		if _, err := s.AddEntry(ctx, e); err != nil {
			b.Fatalf("AddEntry: %v", err)
		}
		i++
	}
}

// BenchmarkAddEntryParallel records delta entries from 32 callers at once,
// most of them for a few programs and days, as at month-end: what group
// commit (batch.go) is for.
func BenchmarkAddEntryParallel(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b, 100_000)
	programs := []int64{programByCode(b, s, "youth").ID, programByCode(b, s, "senior").ID, programByCode(b, s, "social").ID}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	var seq atomic.Int64
	run := fmt.Sprintf("bench-par-%d-", time.Now().UnixNano())
	b.SetParallelism(16) // 32 callers on two cores
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := seq.Add(1)
			e := delta(programs[i%3], 1+i%50, today.AddDate(0, 0, -int(i%3)))
			e.IdempotencyKey = run + strconv.FormatInt(i, 10)
			if _, err := s.AddEntry(ctx, e); err != nil {
				b.Errorf("AddEntry: %v", err)
				return
			}
		}
	})
}

// BenchmarkTotals times the reads status makes, for this year, on a
// database of 100k synthetic entries.
func BenchmarkTotals(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b, 100_000)
	now := time.Now().UTC()
	from, to := day(now.Year(), time.January, 1), day(now.Year(), now.Month(), now.Day())
	b.Run("ProgramTotals", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.ProgramTotals(ctx, from, to, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ProgramTotalsDepartment", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.ProgramTotals(ctx, from, to, "부서001과"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("DepartmentTotals", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.DepartmentTotals(ctx, from, to); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("DailyJobs", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.DailyJobs(ctx, from, to); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Targets", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Targets(ctx, now.Year()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkTakeWrite is the shared write limit's cost on every write from
// Slack: one upsert of the user's write_limits row (issue 20).
func BenchmarkTakeWrite(b *testing.B) {
	ctx := context.Background()
	s := dbtest.New(b)
	now := time.Now()
	i := 0
	for b.Loop() {
		// 1,000 users, each far below the limit: every call is allowed.
		if _, err := s.TakeWrite(ctx, "U"+strconv.Itoa(i%1000), now.Add(time.Duration(i)*time.Second), time.Second, 20); err != nil {
			b.Fatalf("TakeWrite: %v", err)
		}
		i++
	}
}
