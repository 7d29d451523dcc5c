package commands_test

import (
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// gatedExporter writes a tiny file, but only once the test lets it: each
// Export announces itself on entered and waits on its own release channel.
type gatedExporter struct {
	entered chan string // the year of each export that started
	release chan struct{}
}

func (g *gatedExporter) Export(ctx context.Context, w io.Writer, req commands.ExportRequest) (commands.ExportSummary, error) {
	g.entered <- req.FileName()
	select {
	case <-g.release:
	case <-ctx.Done():
		return commands.ExportSummary{}, ctx.Err()
	}
	_, err := io.WriteString(w, "x")
	return commands.ExportSummary{}, err
}

type countingSender struct {
	mu   sync.Mutex
	sent []string
}

func (s *countingSender) SendFile(_ context.Context, userID string, f commands.File) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent = append(s.sent, userID+":"+f.Name)
	return nil
}

// Exports are bounded: one at a time per user, EXPORT_CONCURRENCY per
// process, and a rate per Slack user; past each, the user is told to wait
// (in their language) and nothing is built.
func TestExportsAreBounded(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	gate := &gatedExporter{entered: make(chan string), release: make(chan struct{})}
	sender := &countingSender{}
	now := fixedNow
	var nowMu sync.Mutex
	svc := commands.New(commands.Config{DBDeadline: time.Minute,
		Store: dbtest.New(t), Language: commands.Korean, ExportConcurrency: 2,
		Now:      func() time.Time { nowMu.Lock(); defer nowMu.Unlock(); return now },
		Exporter: gate, FileSender: sender,
	})
	slack := func(user string) commands.Caller {
		return commands.Caller{UserID: user, Source: commands.SourceSlash}
	}

	// A's export and B's run (held in the exporter) ...
	results := make(chan commands.Reply, 2)
	for _, u := range []string{"UA", "UB"} {
		go func() { results <- svc.Handle(ctx, slack(u), "export 2026") }()
		<-gate.entered
	}
	// ... so A's second is refused as A's own, and C's as the process's limit.
	r := svc.Handle(ctx, slack("UA"), "export 2025")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "앞서 요청하신 내보내기") {
		t.Errorf("A's second export while the first runs: %q %s", r.Outcome, r.Text())
	}
	r = svc.Handle(ctx, commands.Caller{UserID: "UC", Source: commands.SourceSlash, Lang: commands.English}, "export")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "Other exports are being prepared") {
		t.Errorf("C's export with both slots taken: %q %s", r.Outcome, r.Text())
	}
	close(gate.release) // every export from now on runs straight through
	for range 2 {
		if r := <-results; r.Outcome != commands.OutcomeOK {
			t.Errorf("an admitted export: %q %s", r.Outcome, r.Text())
		}
	}
	go func() {
		for range gate.entered {
		}
	}()
	defer close(gate.entered)

	// The slots are free again: C's export runs.
	if r := svc.Handle(ctx, slack("UC"), "export"); r.Outcome != commands.OutcomeOK {
		t.Errorf("C's export after the others finished: %q %s", r.Outcome, r.Text())
	}
	// A has used one of 3: two more go, the next is refused with when to try.
	for i := range 2 {
		if r := svc.Handle(ctx, slack("UA"), "export"); r.Outcome != commands.OutcomeOK {
			t.Fatalf("A's export %d within the burst: %q %s", i+2, r.Outcome, r.Text())
		}
	}
	r = svc.Handle(ctx, slack("UA"), "export")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "내보내기 요청이 너무 잦아") {
		t.Errorf("A's fourth export at once: %q %s", r.Outcome, r.Text())
	}
	// Two minutes later one more is allowed.
	nowMu.Lock()
	now = now.Add(2 * time.Minute)
	nowMu.Unlock()
	if r := svc.Handle(ctx, slack("UA"), "export"); r.Outcome != commands.OutcomeOK {
		t.Errorf("A's export two minutes later: %q %s", r.Outcome, r.Text())
	}
	sender.mu.Lock()
	defer sender.mu.Unlock()
	if len(sender.sent) != 6 {
		t.Errorf("%d files sent (%v), want 6: A×4, B, C", len(sender.sent), sender.sent)
	}
}
