package commands_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
	"jobsbot/importer"
)

// pausingStore pauses an import preview inside its transaction once the
// file's first row has been read (the store's scan runs in it), until
// release is closed; it keeps every result the store answered.
type pausingStore struct {
	*db.Store
	paused  chan struct{} // closed when the preview is paused
	release chan struct{}
	once    sync.Once
	mu      sync.Mutex
	results map[bool]commands.ImportResult // by dryRun
}

func (p *pausingStore) Import(ctx context.Context, f commands.ImportFile, dryRun bool) (commands.ImportResult, error) {
	if dryRun {
		scan, rows := f.Scan, f.Rows
		f.Scan = func(sink commands.ImportSink) error {
			first := true
			pause := func() {
				if first {
					first = false
					p.once.Do(func() { close(p.paused); <-p.release })
				}
			}
			if scan != nil {
				return scan(pausingSink{ImportSink: sink, after: pause})
			}
			sink.Kind(f.Kind)
			for _, row := range rows {
				if err := sink.Row(row); err != nil {
					return err
				}
				pause()
			}
			return nil
		}
	}
	res, err := p.Store.Import(ctx, f, dryRun)
	p.mu.Lock()
	p.results[dryRun] = res
	p.mu.Unlock()
	return res, err
}

// pausingSink calls after once each row has gone to the store.
type pausingSink struct {
	commands.ImportSink
	after func()
}

func (s pausingSink) Row(row commands.ImportRow) error {
	err := s.ImportSink.Row(row)
	s.after()
	return err
}

// Issue 20 (review X6): an import preview held every program's write lock
// for the whole read of the file (3.5–5 s for a report under the cap), so
// a typed add waited and could run out of its deadline; and it used up an
// entry number for every row it simulated. Paused inside its transaction
// after row 1, the preview now lets a typed add through within its
// deadline, uses no entry number, and says what the apply then does.
func TestImportPreviewHoldsNoProgramLockAndUsesNoEntryNumber(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	ps := &pausingStore{Store: s, paused: make(chan struct{}), release: make(chan struct{}), results: map[bool]commands.ImportResult{}}
	f := &fileFetcher{data: entriesCSV(t, s, 50)}
	svc := commands.New(commands.Config{Store: s, Language: commands.Korean, Managers: []string{"U_MGR"}, ExportConcurrency: 2,
		WritesPerMinute: -1, Now: func() time.Time { return fixedNow }, FileFetcher: f, DBDeadline: 5 * time.Second,
		FileImporter: importer.Service{Store: ps, Today: func() time.Time { return day(2026, 12, 3) }, RowCap: importer.SlackRowCap},
	})
	sequence := func() int64 {
		t.Helper()
		var n int64
		if err := s.DB().GetContext(ctx, &n, `SELECT COALESCE(last_value, 0) FROM pg_sequences WHERE sequencename = 'entries_id_seq'`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	sum := func(q string) int64 {
		t.Helper()
		var n int64
		if err := s.DB().GetContext(ctx, &n, q); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := sequence()

	previewed := make(chan commands.Reply, 1)
	go func() { previewed <- svc.Handle(ctx, slackUser("U_MGR"), "가져오기") }()
	<-ps.paused
	// The preview is inside its transaction, row 1 read: a typed add of a
	// program of the file goes through, within its 5 s deadline.
	start := time.Now()
	add := svc.Handle(ctx, slackUser("U1"), "add 1 youth")
	close(ps.release)
	if add.Outcome != commands.OutcomeOK {
		t.Fatalf("typed add during the preview, after %s: %q %s", time.Since(start).Round(time.Millisecond), add.Outcome, add.Text())
	}
	preview := <-previewed
	if preview.Outcome != commands.OutcomeOK || !strings.Contains(preview.Text(), "새 기록 50건") || len(preview.Actions) != 1 {
		t.Fatalf("preview: %q %s", preview.Outcome, preview.Text())
	}
	if moved := sequence() - before; moved != 1 {
		t.Errorf("the entry sequence moved by %d across the preview and one typed add, want 1 (the add)", moved)
	}
	if n := sum(`SELECT count(*) FROM imports`); n != 0 {
		t.Errorf("the preview left %d imports rows", n)
	}

	applied := svc.Handle(ctx, slackUser("U_MGR"), preview.Actions[0].Command)
	if applied.Outcome != commands.OutcomeOK {
		t.Fatalf("apply: %q %s", applied.Outcome, applied.Text())
	}
	pre, app := ps.results[true], ps.results[false]
	if pre.Added != app.Added || pre.Unchanged != app.Unchanged || pre.Voided != app.Voided || !slices.Equal(pre.Cells, app.Cells) {
		t.Errorf("apply %+v differs from its preview %+v", app, pre)
	}
	// The preview's and the apply's figures are the ledger's.
	march := sum(`SELECT COALESCE(SUM(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE p.code = 'youth' AND e.voided_at IS NULL AND e.as_of BETWEEN '2026-03-01' AND '2026-03-31'`)
	if len(app.Cells) != 1 || app.Cells[0].Program != "youth" || app.Cells[0].Month != day(2026, 3, 1) ||
		app.Cells[0].Added != march || march != 50 || int64(app.Added) != march {
		t.Errorf("cells %+v, added %d; the ledger holds %d for youth in March", app.Cells, app.Added, march)
	}
	if n := sum(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); n != 51 {
		t.Errorf("the ledger holds %d jobs, want 51 (50 imported, 1 typed)", n)
	}
	if strings.Contains(applied.Text(), "미리 본 뒤에 장부가 바뀌어") {
		t.Errorf("apply of an unchanged ledger says it differs from its preview: %s", applied.Text())
	}
	for _, line := range []string{"3월", "50"} {
		if !strings.Contains(applied.Text(), line) {
			t.Errorf("apply reply lacks %q: %s", line, applied.Text())
		}
	}
	dbtest.CheckTotals(t, s)
}

// Issue 20: the preview holds no lock, so the ledger may change before the
// 가져오기 button is pressed. The apply takes every lock and checks again;
// when what it did differs from what the preview said, its reply says so
// (in the reader's language) before its own figures, never silently.
func TestImportApplySaysWhenTheLedgerChangedSinceThePreview(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, tc := range []struct {
		lang   commands.Lang
		differ string
		added  string
	}{
		{commands.Korean, "미리 본 뒤에 장부가 바뀌어, 가져온 결과가 미리 보기와 다릅니다", "+3"},
		{commands.English, "The ledger changed between the preview and this import", "+3"},
	} {
		s := dbtest.New(t)
		f := &fileFetcher{data: []byte("2026년 일자리 실적\n사업코드,3월\nyouth,5\n")}
		svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: s, Language: tc.lang, Managers: []string{"U_MGR"}, ExportConcurrency: 2,
			WritesPerMinute: -1, Now: func() time.Time { return fixedNow }, FileFetcher: f,
			FileImporter: importer.Service{Store: s, Today: func() time.Time { return day(2026, 12, 3) }, RowCap: importer.SlackRowCap},
		})
		preview := svc.Handle(ctx, slackUser("U_MGR"), "import")
		if preview.Outcome != commands.OutcomeOK || len(preview.Actions) != 1 || !strings.Contains(preview.Text(), "+5") {
			t.Fatalf("%s preview: %q %s", tc.lang, preview.Outcome, preview.Text())
		}
		if r := svc.Handle(ctx, slackUser("U1"), "add 2 youth date:2026-03-10"); r.Outcome != commands.OutcomeOK {
			t.Fatalf("typed add: %q %s", r.Outcome, r.Text())
		}
		applied := svc.Handle(ctx, slackUser("U_MGR"), preview.Actions[0].Command)
		if applied.Outcome != commands.OutcomeOK || !strings.Contains(applied.Text(), tc.differ) || !strings.Contains(applied.Text(), tc.added) {
			t.Errorf("%s apply after the ledger changed: %q %s", tc.lang, applied.Outcome, applied.Text())
		}
		var march int64
		if err := s.DB().GetContext(ctx, &march, `SELECT COALESCE(SUM(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
			WHERE p.code = 'youth' AND e.voided_at IS NULL AND e.as_of BETWEEN '2026-03-01' AND '2026-03-31'`); err != nil || march != 5 {
			t.Errorf("%s: youth in March holds %d (%v), want the report's 5", tc.lang, march, err)
		}
		dbtest.CheckTotals(t, s)
	}
}
