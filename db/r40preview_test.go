package db_test

import (
	"context"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r40 M1: an import preview's per-month figures are the live SUM
// after the file minus the SUM before it; read in one READ COMMITTED
// transaction holding no program lock, an add another user committed while
// the preview ran was counted as the file's (3,000 rows previewed as
// +3,001). A preview reads one snapshot: its figures are the file's alone.
func TestR40PreviewFiguresAreTheFilesAlone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	women := programByCode(t, s, "women")
	logged := time.Date(2026, 11, 20, 1, 0, 0, 0, time.UTC)
	rows := []commands.ImportRow{
		importRowOf(women, 2, 3, day(2026, 11, 10), logged, "r40m1-a"),
		importRowOf(women, 3, 4, day(2026, 11, 12), logged.Add(time.Minute), "r40m1-b"),
	}
	f := entriesFile(4001, rows...)
	added := false
	f.Rows = nil
	f.Scan = func(sink commands.ImportSink) error {
		sink.Kind(commands.ImportEntries)
		for i, row := range rows {
			if err := sink.Row(row); err != nil {
				return err
			}
			if i == 0 && !added {
				// Another user's add, committed while the preview runs.
				added = true
				other := importRowOf(women, 0, 1, day(2026, 11, 15), logged, "r40m1-other").Entry
				other.Source, other.IdempotencyKey = commands.SourceConsole, "console:r40m1-other"
				if _, err := s.AddEntry(ctx, other); err != nil {
					return err
				}
			}
		}
		return nil
	}
	res, err := s.Import(ctx, f, true)
	if err != nil {
		t.Fatal(err)
	}
	if !added {
		t.Fatal("the concurrent add never ran")
	}
	var got int64
	for _, c := range res.Cells {
		got += c.Added
	}
	if got != 7 {
		t.Errorf("preview figures +%d, want +7 (the file's rows: 3 + 4); cells %+v", got, res.Cells)
	}
	if sum := liveSum(t, s, `SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); sum != 1 {
		t.Errorf("SQL SUM %d after the preview, want 1 (the other add only)", sum)
	}
}
