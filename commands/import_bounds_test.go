package commands_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
	"jobsbot/importer"
)

// fileFetcher hands out one file; when hold is set, each fetch announces
// itself on entered and waits for release (or its context's end). It
// records the deadline of each fetch's context.
type fileFetcher struct {
	data      []byte
	hold      bool
	entered   chan string
	release   chan struct{}
	fetches   atomic.Int32
	mu        sync.Mutex
	deadlines []time.Duration // time left to each fetch's deadline (-1: none)
}

func (f *fileFetcher) FetchFile(ctx context.Context, userID, fileID string, maxBytes int64) (commands.SharedFile, error) {
	f.fetches.Add(1)
	left := time.Duration(-1)
	if d, ok := ctx.Deadline(); ok {
		left = time.Until(d)
	}
	f.mu.Lock()
	f.deadlines = append(f.deadlines, left)
	f.mu.Unlock()
	if f.hold {
		f.entered <- userID
		select {
		case <-f.release:
		case <-ctx.Done():
			return commands.SharedFile{}, ctx.Err()
		}
	}
	return commands.SharedFile{ID: "F1", Name: "실적.csv", Data: f.data}, nil
}

// countingStore counts the imports that reached the store.
type countingStore struct {
	*db.Store
	imports atomic.Int32
}

func (c *countingStore) Import(ctx context.Context, f commands.ImportFile, dryRun bool) (commands.ImportResult, error) {
	c.imports.Add(1)
	return c.Store.Import(ctx, f, dryRun)
}

const entriesHeader = "번호,기준일,사업코드,부서,일자리 수,보고 방식,상태,메모,기록자 ID,기록 일시\n"

// entriesCSV is an entries file of n youth rows, recorded in March 2026.
func entriesCSV(t *testing.T, s *db.Store, n int) []byte {
	t.Helper()
	programs, err := s.Programs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	dept := ""
	for _, p := range programs {
		if p.Code == "youth" {
			dept = p.Department
		}
	}
	var b strings.Builder
	b.WriteString(entriesHeader)
	base := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, "%d,2026-03-%02d,youth,%s,1,증가분,채용,e%d,U_IMP,%s\n", i+1, 1+i%28, dept, i,
			base.Add(time.Duration(i)*time.Second).Format("2006-01-02 15:04:05"))
	}
	return []byte(b.String())
}

func importService(t *testing.T, fetcher commands.FileFetcher, writesPerMinute int) (*commands.Service, *countingStore) {
	t.Helper()
	s := dbtest.New(t)
	cs := &countingStore{Store: s}
	svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: s, Language: commands.Korean, Managers: []string{"U_MGR"}, ExportConcurrency: 2,
		WritesPerMinute: writesPerMinute, Now: func() time.Time { return fixedNow },
		FileFetcher:  fetcher,
		FileImporter: importer.Service{Store: cs, Today: func() time.Time { return day(2026, 12, 3) }, RowCap: importer.SlackRowCap},
	})
	return svc, cs
}

func slackUser(u string) commands.Caller {
	return commands.Caller{UserID: u, Source: commands.SourceSlash}
}

// B1: imports (preview and apply) go through the heavy-job gate shared with
// exports, before the file is downloaded: one per user, EXPORT_CONCURRENCY
// per process; past it the user is told to wait and nothing is fetched.
func TestImportsGoThroughTheHeavyJobGate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := &fileFetcher{hold: true, entered: make(chan string), release: make(chan struct{})}
	svc, _ := importService(t, f, 0)
	f.data = []byte(entriesHeader)
	results := make(chan commands.Reply, 2)
	for _, u := range []string{"UA", "U_MGR"} {
		go func() { results <- svc.Handle(ctx, slackUser(u), "가져오기") }()
		<-f.entered
	}
	r := svc.Handle(ctx, slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "앞서 요청하신 가져오기나 내보내기") {
		t.Errorf("A's second import while the first runs: %q %s", r.Outcome, r.Text())
	}
	r = svc.Handle(ctx, slackUser("UA"), "내보내기 2026")
	if r.Outcome != commands.OutcomeRefused {
		t.Errorf("A's export while A's import runs: %q %s", r.Outcome, r.Text())
	}
	r = svc.Handle(ctx, slackUser("UC"), "가져오기")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "다른 가져오기나 내보내기를 처리하고") {
		t.Errorf("C's import with both slots taken: %q %s", r.Outcome, r.Text())
	}
	r = svc.Handle(ctx, slackUser("U_MGR"), "import apply F1 "+strings.Repeat("0", 64))
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "앞서 요청하신 가져오기나 내보내기") {
		t.Errorf("the manager's apply while their preview runs: %q %s", r.Outcome, r.Text())
	}
	if n := f.fetches.Load(); n != 2 {
		t.Errorf("%d downloads, want 2: a refused import must not download", n)
	}
	close(f.release)
	for range 2 {
		if r := <-results; r.Outcome == commands.OutcomeFailed {
			t.Errorf("admitted import: %s", r.Text())
		}
	}
	go func() { <-f.entered }() // released: it fetches at once
	r = svc.Handle(ctx, slackUser("UC"), "가져오기")
	if r.Outcome == commands.OutcomeFailed || strings.Contains(r.Text(), "처리하고 있") {
		t.Errorf("C's import once the slots are free: %q %s", r.Outcome, r.Text())
	}
}

// B1: a preview counts against the write rate limit: it takes the ledger's
// locks like any write.
func TestImportPreviewCountsAsAWrite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := &fileFetcher{}
	svc, cs := importService(t, f, 0)
	f.data = entriesCSV(t, cs.Store, 1)
	refused := 0
	for range 25 {
		r := svc.Handle(ctx, slackUser("UA"), "가져오기")
		if r.Outcome == commands.OutcomeRefused && strings.Contains(r.Text(), "초 뒤") {
			refused++
		}
	}
	if refused != 5 {
		t.Fatalf("%d of 25 previews refused by the write limit, want 5 (a burst of 20)", refused)
	}
	if n := cs.imports.Load(); n != 20 {
		t.Fatalf("%d previews reached the store, want 20", n)
	}
}

// B1/B7: a file sent through Slack of more than SlackRowCap rows is refused
// before the import's transaction (it never reaches the store), pointing to
// `jobsbot import`; a file at the cap is previewed and applied within the
// import's own deadline, not DB_DEADLINE.
func TestSlackImportsAreCappedAndHaveTheirOwnDeadline(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := &fileFetcher{}
	svc, cs := importService(t, f, -1)
	f.data = entriesCSV(t, cs.Store, importer.SlackRowCap) // the header too: one line over
	r := svc.Handle(ctx, slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "jobsbot import") ||
		!strings.Contains(r.Text(), "10,000행까지만") {
		t.Fatalf("a file over the cap: %q %s", r.Outcome, r.Text())
	}
	if len(r.Actions) != 0 {
		t.Fatalf("a refused file offers %v", r.Actions)
	}
	if n := cs.imports.Load(); n != 0 {
		t.Fatalf("a file over the cap reached the store %d times", n)
	}

	f.data = entriesCSV(t, cs.Store, importer.SlackRowCap-1)
	start := time.Now()
	r = svc.Handle(ctx, slackUser("U_MGR"), "가져오기")
	t.Logf("preview of %d rows: %v", importer.SlackRowCap-1, time.Since(start))
	if r.Outcome != commands.OutcomeOK || len(r.Actions) != 1 {
		t.Fatalf("a file at the cap: %q %v %s", r.Outcome, r.Actions, r.Text())
	}
	start = time.Now()
	r = svc.Handle(ctx, slackUser("U_MGR"), r.Actions[0].Command)
	t.Logf("apply of %d rows: %v", importer.SlackRowCap-1, time.Since(start))
	if r.Outcome != commands.OutcomeOK {
		t.Fatalf("apply: %q %s", r.Outcome, r.Text())
	}
	var n int64
	if err := cs.DB().GetContext(ctx, &n, `SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); err != nil {
		t.Fatal(err)
	}
	if n != int64(importer.SlackRowCap-1) {
		t.Fatalf("ledger holds %d jobs after the apply, want %d", n, importer.SlackRowCap-1)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, left := range f.deadlines {
		if left < 15*time.Second {
			t.Errorf("import %d ran under a deadline of %v, want its own (20 s), not DB_DEADLINE", i, left)
		}
	}
	dbtest.CheckTotals(t, cs.Store)
}

// stallingStore's imports run until their context ends, as one too slow
// for its deadline does, and fail as the store then fails.
type stallingStore struct{ *countingStore }

func (s stallingStore) Import(ctx context.Context, f commands.ImportFile, dryRun bool) (commands.ImportResult, error) {
	s.imports.Add(1)
	<-ctx.Done()
	return commands.ImportResult{}, fmt.Errorf("import: %w: %w", commands.ErrUnavailable, ctx.Err())
}

// N2: an import from Slack that runs past its deadline is answered as a
// file too slow to apply from Slack, pointing to `jobsbot import`, not as a
// ledger out of reach.
func TestSlackImportPastItsDeadlineSaysTheFileIsTooSlow(t *testing.T) {
	t.Parallel()
	f := &fileFetcher{}
	s := dbtest.New(t)
	cs := &countingStore{Store: s}
	svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: s, Language: commands.Korean, Managers: []string{"U_MGR"}, ExportConcurrency: 2,
		Now: func() time.Time { return fixedNow }, FileFetcher: f,
		FileImporter: importer.Service{Store: stallingStore{cs}, Today: func() time.Time { return day(2026, 12, 3) },
			Limits: importer.SlackLimits(), RowCap: importer.SlackRowCap},
	})
	f.data = entriesCSV(t, s, 3)
	// The caller's context ends first: the import's own 20 s deadline is
	// the same error, sooner.
	ctx, cancel := context.WithTimeout(context.Background(), 700*time.Millisecond)
	defer cancel()
	r := svc.Handle(ctx, slackUser("U_MGR"), "가져오기")
	if cs.imports.Load() != 1 {
		t.Fatalf("the import did not reach the store: %s", r.Text())
	}
	if r.Outcome != commands.OutcomeFailed || !strings.Contains(r.Text(), "jobsbot import") ||
		!strings.Contains(r.Text(), "시간이 너무 오래") || strings.Contains(r.Text(), "연결할 수") {
		t.Fatalf("an import past its deadline: %q %s", r.Outcome, r.Text())
	}
}

// N2: a file of 무효 rows too heavy for Slack is refused before the store
// is reached, naming the weight and `jobsbot import`.
func TestSlackImportOfManyVoidsIsRefusedBeforeTheStore(t *testing.T) {
	t.Parallel()
	f := &fileFetcher{}
	svc, cs := importService(t, f, -1)
	var b strings.Builder
	b.WriteString("번호,기준일,사업코드,부서,일자리 수,보고 방식,상태,메모,기록자 ID,기록 일시,무효,무효 처리자 ID,무효 일시,무효 사유\n")
	for i := range importer.SlackRowCap / importer.HeavyRowWeight {
		fmt.Fprintf(&b, "%d,2026-01-05,youth,일자리정책과,1,증가분,채용,d%d,U_IMP,2026-03-01 09:00:00,무효,U_IMP,2026-03-01 11:30:00,x\n", i+1, i)
	}
	f.data = []byte(b.String())
	r := svc.Handle(context.Background(), slackUser("U_MGR"), "가져오기")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "jobsbot import") ||
		!strings.Contains(r.Text(), fmt.Sprintf("%d행으로", importer.HeavyRowWeight)) {
		t.Fatalf("a file of %d voids: %q %s", importer.SlackRowCap/importer.HeavyRowWeight, r.Outcome, r.Text())
	}
	if n := cs.imports.Load(); n != 0 {
		t.Fatalf("a refused file reached the store %d times", n)
	}
}
