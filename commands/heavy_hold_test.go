package commands_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
	"jobsbot/importer"
)

// stuckReader makes the store's scan of the first file it imports stop at
// its first row until release is closed, whatever the context says (a
// reader busy in a crafted workbook, which checks its context only now and
// then). It passes the import's deadline when the reader is stuck, and
// closes returned once the whole scan has returned, the command's own
// wrapper included.
type stuckReader struct {
	*countingStore
	deadline chan struct{} // closed: the first import's deadline has passed
	release  chan struct{}
	returned chan struct{}
	once     sync.Once
}

func (s *stuckReader) Import(ctx context.Context, f commands.ImportFile, dryRun bool) (commands.ImportResult, error) {
	first := false
	s.once.Do(func() { first = true })
	if scan := f.Scan; first && scan != nil {
		f.Scan = func(sink commands.ImportSink) error {
			defer close(s.returned)
			return scan(&stuckSink{ImportSink: sink, r: s})
		}
	}
	return s.countingStore.Import(ctx, f, dryRun)
}

type stuckSink struct {
	commands.ImportSink
	r     *stuckReader
	stuck bool
}

func (k *stuckSink) Row(row commands.ImportRow) error {
	if !k.stuck {
		k.stuck = true
		close(k.r.deadline)
		<-k.r.release
	}
	return k.ImportSink.Row(row)
}

// Review X3: an import answered at its deadline keeps its heavy-job slot
// until its reader has actually stopped, so no more heavy reads than
// EXPORT_CONCURRENCY run at once; the user is still answered on time.
func TestImportKeepsItsHeavySlotUntilItsReaderStops(t *testing.T) {
	t.Parallel()
	s := dbtest.New(t)
	parent := deadlinePassed{Context: context.Background(), done: make(chan struct{})}
	stuck := &stuckReader{countingStore: &countingStore{Store: s}, deadline: parent.done,
		release: make(chan struct{}), returned: make(chan struct{})}
	f := &fileFetcher{data: entriesCSV(t, s, 3)}
	svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: s, Language: commands.Korean, ExportConcurrency: 1,
		WritesPerMinute: -1, Now: func() time.Time { return fixedNow }, FileFetcher: f,
		FileImporter: importer.Service{Store: stuck, Today: func() time.Time { return day(2026, 12, 3) },
			Limits: importer.SlackLimits(), RowCap: importer.SlackRowCap},
	})
	defer func() {
		select {
		case <-stuck.release:
		default:
			close(stuck.release)
		}
	}()

	// UA's preview: its reader sticks at the first row, the deadline passes,
	// and UA is answered then, the reader still stuck.
	r := svc.Handle(parent, slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeFailed || !strings.Contains(r.Text(), "시간이 너무 오래 걸려 아무것도 기록하지 않았습니다") {
		t.Fatalf("UA's preview past its deadline: %q %s", r.Outcome, r.Text())
	}
	select {
	case <-stuck.returned:
		t.Fatal("the reader returned before it was released")
	default:
	}

	// The one slot is still UA's: everyone is told to wait, nothing is read.
	fetches := f.fetches.Load()
	r = svc.Handle(context.Background(), slackUser("UB"), "가져오기")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "지금 다른 가져오기나 내보내기를 처리하고 있어") {
		t.Errorf("UB's import while UA's reader runs: %q %s", r.Outcome, r.Text())
	}
	en := commands.Caller{UserID: "UC", Source: commands.SourceSlash, Lang: commands.English}
	r = svc.Handle(context.Background(), en, "import")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "Other imports or exports are running right now") {
		t.Errorf("UC's import while UA's reader runs: %q %s", r.Outcome, r.Text())
	}
	r = svc.Handle(context.Background(), slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "앞서 요청하신 가져오기나 내보내기를 아직 처리하고 있습니다") {
		t.Errorf("UA's next import while its reader runs: %q %s", r.Outcome, r.Text())
	}
	if n := f.fetches.Load(); n != fetches {
		t.Errorf("%d files downloaded while the slot was taken", n-fetches)
	}

	// Once the reader has returned, the slot is free again.
	close(stuck.release)
	<-stuck.returned
	r = svc.Handle(context.Background(), slackUser("UB"), "가져오기")
	if r.Outcome != commands.OutcomeOK || !strings.Contains(r.Text(), "+3개") {
		t.Errorf("UB's import once UA's reader stopped: %q %s", r.Outcome, r.Text())
	}
}
