package db_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
)

// keySeq makes idempotency keys unique within a test binary run.
var keySeq atomic.Int64

func key() string { return fmt.Sprintf("test-key-%d", keySeq.Add(1)) }

// day returns a calendar date as commands carries it: midnight UTC.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// programByCode finds one of the store's programs or fails the test.
func programByCode(t testing.TB, s *db.Store, code string) commands.Program {
	t.Helper()
	ps, err := s.Programs(context.Background())
	if err != nil {
		t.Fatalf("Programs: %v", err)
	}
	for _, p := range ps {
		if p.Code == code {
			return p
		}
	}
	t.Fatalf("no program %q among %d programs", code, len(ps))
	return commands.Program{}
}

// delta is a realised delta entry of n jobs on the given date.
func delta(programID, n int64, asOf time.Time) commands.NewEntry {
	return commands.NewEntry{
		ProgramID:      programID,
		Count:          n,
		Kind:           commands.KindDelta,
		AsOf:           asOf,
		Status:         commands.StatusRealised,
		LoggedBy:       "U_TEST",
		Source:         commands.SourceConsole,
		IdempotencyKey: key(),
	}
}

// cumulative is a realised cumulative report of a year-to-date figure.
func cumulative(programID, figure int64, asOf time.Time) commands.NewEntry {
	e := delta(programID, figure, asOf)
	e.Kind = commands.KindCumulative
	return e
}

// mustAdd adds an entry or fails the test.
func mustAdd(t testing.TB, s *db.Store, e commands.NewEntry) commands.AddResult {
	t.Helper()
	res, err := s.AddEntry(context.Background(), e)
	if err != nil {
		t.Fatalf("AddEntry(%+v): %v", e, err)
	}
	return res
}

// approxNowOracle is a condition on entries e that holds when e's jobs are
// approximate now as of the date through (an SQL expression), written apart
// from the store's rule: the latest live cumulative report of e's program,
// status and year dated on or before through decides for entries dated on or
// before it (an exact one still leaves the approximate deltas recorded after
// it that re-based no report); after it, or with none, e's own 여 does.
func approxNowOracle(through string) string {
	return `coalesce((
		SELECT CASE WHEN r.as_of >= e.as_of THEN r.approximate
		       -- an approximate delta the exact report did not count: recorded
		       -- after it, re-basing no report (누계포함:아니오, review r27 F19)
		       OR (e.kind = 'delta' AND e.approximate AND e.id > r.id
		           AND NOT EXISTS (SELECT 1 FROM entry_adjustments a WHERE a.cause_entry_id = e.id)) END
		FROM entries r
		WHERE r.program_id = e.program_id AND r.status = e.status AND r.kind = 'cumulative'
		  AND r.voided_at IS NULL AND r.as_of <= ` + through + `
		  AND extract(year FROM r.as_of) = extract(year FROM e.as_of)
		ORDER BY r.as_of DESC, r.id DESC LIMIT 1), e.approximate)`
}

// refusedReport says err is a cumulative report refused for its figure:
// below the ledger through its date, or leaving a later report no increase.
func refusedReport(err error) bool {
	_, below := errors.AsType[*commands.CumulativeBelowError](err)
	_, later := errors.AsType[*commands.LaterReportError](err)
	return below || later
}
