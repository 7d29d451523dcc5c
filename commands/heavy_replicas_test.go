package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// TestOneHeavyJobPerUserAcrossReplicas: a user's export held on one replica
// keeps the same user's export on another replica from starting (in either
// language), while another user's runs there; once it ends, the user may
// start one on the other replica (review r6 m-13).
func TestOneHeavyJobPerUserAcrossReplicas(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := dbtest.New(t)
	gate := &gatedExporter{entered: make(chan string), release: make(chan struct{})}
	sender := &countingSender{}
	cfg := commands.Config{DBDeadline: time.Minute,
		Store: store, Language: commands.Korean, ExportConcurrency: 2,
		Now:      func() time.Time { return fixedNow },
		Exporter: gate, FileSender: sender,
	}
	a := commands.New(cfg)
	// Replica b's exports run straight through: only the lock can stop them.
	exp := &recordingExporter{}
	cfg.Exporter = exp
	b := commands.New(cfg)
	caller := func(user string, lang commands.Lang) commands.Caller {
		return commands.Caller{UserID: user, Source: commands.SourceSlash, Lang: lang}
	}
	first := make(chan commands.Reply, 1)
	go func() { first <- a.Handle(ctx, caller("UA", commands.Korean), "export 2026") }()
	<-gate.entered // UA's export runs on replica a, held in the exporter

	for _, tc := range []struct {
		lang commands.Lang
		want string
	}{{commands.Korean, "앞서 요청하신 내보내기"}, {commands.English, "Your previous export is still being prepared"}} {
		if r := b.Handle(ctx, caller("UA", tc.lang), "export 2025"); r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), tc.want) {
			t.Errorf("UA's export on the other replica while the first runs (%s): %q %s; want refused with %q", tc.lang, r.Outcome, r.Text(), tc.want)
		}
	}
	// Another user's export on replica b is not held up by UA's.
	if r := b.Handle(ctx, caller("UB", commands.Korean), "export 2026"); r.Outcome != commands.OutcomeOK {
		t.Errorf("UB's export on the other replica while UA's runs: %q %s", r.Outcome, r.Text())
	}
	close(gate.release)
	if r := <-first; r.Outcome != commands.OutcomeOK {
		t.Errorf("UA's first export: %q %s", r.Outcome, r.Text())
	}
	// UA's job ended: the lock is free on every replica.
	if r := b.Handle(ctx, caller("UA", commands.Korean), "export 2025"); r.Outcome != commands.OutcomeOK {
		t.Errorf("UA's export on the other replica after the first ended: %q %s", r.Outcome, r.Text())
	}
	var held int
	if err := store.DB().GetContext(ctx, &held, `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 4869956 AND granted
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`); err != nil {
		t.Fatal(err)
	}
	if held != 0 {
		t.Errorf("%d heavy-job locks still held after every job ended; want 0", held)
	}
	sender.mu.Lock()
	defer sender.mu.Unlock()
	if len(sender.sent) != 3 || len(exp.reqs) != 2 {
		t.Errorf("%d files sent (%v), %d built on replica b; want 3 and 2 (UB's, UA's after the first)", len(sender.sent), sender.sent, len(exp.reqs))
	}
}
