package commands

import (
	"context"
	"jobsbot/commands/i18n"
	"math"
	"sync"
	"time"
)

// Exports are the most expensive command: one reads a year (or, with --all,
// the whole ledger) through a database connection and writes a spreadsheet.
// They are bounded three ways, so neither one user nor many can take the
// bot's memory or the other users' connections:
//   - each user has at most one export (or import) in flight, across every
//     replica: a lock in the database (HeavyJobStore), checked after the
//     process's own map, which answers a second job in one process without
//     asking the database;
//   - the process builds at most EXPORT_CONCURRENCY at once (default 2);
//   - each Slack user may ask for exportBurst at once, then one every
//     exportEvery (an allowance of its own in the database, shared by
//     replicas like the write limit: an export costs far more than a write).
//
// Past any of them the user is told to wait; nothing queues, so a flood of
// requests holds no goroutines, memory or connections.
const (
	// DefaultExportConcurrency is EXPORT_CONCURRENCY's default.
	DefaultExportConcurrency = 2
	exportBurst              = 3
	exportEvery              = 2 * time.Minute
	// heavyLockTimeout bounds taking the user's heavy-job lock in the
	// database (a connection and one try-lock).
	heavyLockTimeout = 5 * time.Second
)

// exportGate admits exports: one per user, slots per process.
type exportGate struct {
	mu      sync.Mutex
	slots   int
	running map[string]bool // users with an export in flight
}

func newExportGate(slots int) *exportGate {
	if slots <= 0 {
		slots = DefaultExportConcurrency
	}
	return &exportGate{slots: slots, running: map[string]bool{}}
}

// exportRefusal says why an export may not start now.
type exportRefusal int

const (
	exportAdmitted exportRefusal = iota
	exportYours                  // the user's own earlier export is still running
	exportBusy                   // every slot of the process is taken
)

// enter takes a slot for user; release must be called when admitted.
func (g *exportGate) enter(user string) (release func(), refusal exportRefusal) {
	g.mu.Lock()
	defer g.mu.Unlock()
	switch {
	case g.running[user]:
		return nil, exportYours
	case len(g.running) >= g.slots:
		return nil, exportBusy
	}
	g.running[user] = true
	return func() {
		g.mu.Lock()
		delete(g.running, user)
		g.mu.Unlock()
	}, exportAdmitted
}

// admitHeavy lets an import (preview or apply) start, returning the
// release to defer, or answers why it may not. Imports and exports are the
// two heavy jobs (a whole file or a year held in memory, a long
// transaction), so they share one gate: one at a time per user, and
// EXPORT_CONCURRENCY at once in the process, checked before the file is
// downloaded. Past it the user is told to wait; nothing queues. Their rate
// is the write limit (an import counts as a write, see Handle).
func (s *Service) admitHeavy(ctx context.Context, c Caller) (release func(), refused *Reply) {
	return s.enterHeavy(ctx, c, "import", "import.heavy_yours_running", "import.heavy_busy")
}

// enterHeavy takes one of the heavy-job slots for job ("import", "export"),
// or answers with yours (the user runs one already) or busy (every slot is
// taken).
func (s *Service) enterHeavy(ctx context.Context, c Caller, job, yours, busy string) (release func(), refused *Reply) {
	local, why := s.exports.enter(c.UserID)
	switch why {
	case exportYours:
		return nil, &Reply{Outcome: OutcomeRefused, Title: s.msg(yours)}
	case exportBusy:
		s.log.WarnContext(ctx, job+" refused: every heavy-job slot busy", "user", c.UserID, "slots", s.exports.slots)
		return nil, &Reply{Outcome: OutcomeRefused, Title: s.msg(busy)}
	}
	// The user's job on another replica holds the database lock. Taking it
	// is admission, as the map above is: it does not wait, and it is not cut
	// short by the job's own deadline, which the job answers for itself.
	lockCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), heavyLockTimeout)
	defer cancel()
	shared, held, err := s.store.TryHoldHeavyJob(lockCtx, c.UserID)
	if err != nil {
		local()
		r := s.storageFailure(ctx, job, err)
		return nil, &r
	}
	if !held {
		local()
		return nil, &Reply{Outcome: OutcomeRefused, Title: s.msg(yours)}
	}
	return func() {
		shared()
		local()
	}, nil
}

// HeavyJobStore keeps "one heavy job per user" across replicas.
type HeavyJobStore interface {
	// TryHoldHeavyJob takes the user's heavy-job lock without waiting:
	// held is false when a job of the user holds it on any replica. release
	// must be called when held, also after ctx is done.
	TryHoldHeavyJob(ctx context.Context, user string) (release func(), held bool, err error)
}

// admitExport lets an export start, returning the release to defer, or
// answers why it may not. Every caller counts against the process's slots
// and the one-per-user rule (the console too: it shares the database); the
// rate limit applies to Slack users, as the write limit does.
func (s *Service) admitExport(ctx context.Context, c Caller) (release func(), refused *Reply) {
	release, refused = s.enterHeavy(ctx, c, "export", "exportlimit.yours_running", "exportlimit.busy")
	if refused != nil {
		return nil, refused
	}
	if c.Source == SourceSlash || c.Source == SourceModal {
		// Kept in the database beside the write limit, so replicas share it.
		d, err := s.store.TakeWrite(ctx, "export:"+c.UserID, s.now(), exportEvery, exportBurst)
		if err != nil {
			release()
			r := s.storageFailure(ctx, cmdExport, err)
			return nil, &r
		}
		if d > 0 {
			release()
			secs := int(math.Ceil(d.Seconds()))
			s.log.WarnContext(ctx, "export rate limit", "user", c.UserID, "retry_after_s", secs)
			return nil, &Reply{Outcome: OutcomeRefused, Title: s.msg("exportlimit.too_often",
				"Burst", exportBurst, "Minutes", int(exportEvery/time.Minute), "Secs", secs, i18n.PluralCount, secs)}
		}
	}
	return release, nil
}
