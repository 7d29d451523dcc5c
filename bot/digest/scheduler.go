package digest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// DefaultSchedule is when the digest goes out unless DIGEST_SCHEDULE says
// otherwise: Monday 09:00 in the city's zone, before the Monday meeting.
const DefaultSchedule = "0 9 * * MON"

// Retries after a failed scheduled run: soon at first, then hourly, until the
// week is posted or the next week's digest is due.
const (
	retryFirst = time.Minute
	retryMax   = time.Hour
	// catchUpWindow is how far back Start looks for a firing it missed: a
	// weekly schedule fires at least once in any eight days.
	catchUpWindow = 8 * 24 * time.Hour
)

// parser reads standard five-field cron expressions with month and weekday
// names (MON, Jan) and descriptors such as @weekly, as DIGEST_SCHEDULE is
// documented; a CRON_TZ= prefix overrides the zone.
var parser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseSchedule checks a DIGEST_SCHEDULE expression.
func ParseSchedule(spec string) (cron.Schedule, error) {
	s, err := parser.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("DIGEST_SCHEDULE %q is not a cron expression (minute hour day month weekday, e.g. %q): %w", spec, DefaultSchedule, err)
	}
	return s, nil
}

// NextRun returns the first firing of spec after after, reading the
// expression in loc (BOT_TIMEZONE), exactly as the Scheduler does.
func NextRun(spec string, loc *time.Location, after time.Time) (time.Time, error) {
	s, err := ParseSchedule(spec)
	if err != nil {
		return time.Time{}, err
	}
	return s.Next(after.In(loc)), nil
}

// WeekDue is the week a firing at fire posts: the last complete Monday..Sunday
// week as the city's calendar sees it. Reading the date in UTC instead would
// make a Monday 08:00 Seoul firing (Sunday in UTC) post the week before last.
func WeekDue(fire time.Time, loc *time.Location) time.Time {
	return dates.LastCompleteWeek(dates.Today(fire, loc))
}

// SchedulerConfig configures a Scheduler.
type SchedulerConfig struct {
	Poster   *Poster
	Schedule string         // DIGEST_SCHEDULE; default DefaultSchedule
	Location *time.Location // BOT_TIMEZONE; default UTC
	Logger   *slog.Logger
	// Now is the clock catch-up and retries read; default time.Now. The
	// cron library keeps its own real clock for firing.
	Now func() time.Time
	// RetryFirst is the first wait after a failed run; default a minute.
	RetryFirst time.Duration
	// StopGrace is how long Stop lets a post in flight run before cancelling
	// it (SHUTDOWN_GRACE); default 10 s, the bot's own grace.
	StopGrace time.Duration
	// FirstRun returns when the digest first ran for the channel, recording
	// the first call (db.Store.DigestFirstRun). Catch-up skips a firing
	// before it: a new installation does not post a week from before it
	// ran. Nil catches up on any missed firing.
	FirstRun func(ctx context.Context, now time.Time) (time.Time, error)
}

// Scheduler posts the digest of the last complete week at each firing of its
// schedule, retries a failed week with backoff, and on Start posts a week
// whose firing it missed.
type Scheduler struct {
	poster     *Poster
	spec       string
	schedule   cron.Schedule
	loc        *time.Location
	log        *slog.Logger
	now        func() time.Time
	retryFirst time.Duration
	firstRun   func(ctx context.Context, now time.Time) (time.Time, error)
	cron       *cron.Cron

	mu       sync.Mutex
	runCtx   context.Context // what runs use; cancelled only when Stop gives up waiting
	cancel   context.CancelFunc
	stopping chan struct{} // closed by Stop: no new runs, retry waits end
	stopOnce sync.Once
	retrying map[time.Time]bool // weeks with a retry loop running
	wg       sync.WaitGroup
	grace    time.Duration
}

// stopGrace is how long Stop lets a post in flight finish by default, the
// same as the bot's grace for commands: the two stop side by side, and a post
// cancelled after it went out still records itself and uploads its chart
// (finishTimeout), so the whole stop fits the deploy files' grace periods.
const stopGrace = 10 * time.Second

// NewScheduler checks the schedule and builds a Scheduler.
func NewScheduler(cfg SchedulerConfig) (*Scheduler, error) {
	if cfg.Poster == nil {
		return nil, errors.New("digest: scheduler has no poster")
	}
	s := &Scheduler{poster: cfg.Poster, spec: cfg.Schedule, loc: cfg.Location, log: cfg.Logger, now: cfg.Now,
		retryFirst: cfg.RetryFirst, retrying: map[time.Time]bool{}, grace: cfg.StopGrace, firstRun: cfg.FirstRun}
	if s.grace <= 0 {
		s.grace = stopGrace
	}
	if s.spec == "" {
		s.spec = DefaultSchedule
	}
	if s.loc == nil {
		s.loc = time.UTC
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.retryFirst <= 0 {
		s.retryFirst = retryFirst
	}
	var err error
	if s.schedule, err = ParseSchedule(s.spec); err != nil {
		return nil, err
	}
	s.log = s.log.With("channel", cfg.Poster.Channel(), "schedule", s.spec)
	return s, nil
}

// Next returns the scheduler's next firing after t.
func (s *Scheduler) Next(t time.Time) time.Time { return s.schedule.Next(t.In(s.loc)) }

// Start starts firing on schedule and, in the background, catches up on a
// missed week. It returns at once. Cancelling ctx or calling Stop stops it,
// letting a post in flight finish first.
func (s *Scheduler) Start(ctx context.Context) {
	s.mu.Lock()
	// Runs outlive ctx's cancellation by up to stopGrace; Stop cancels them.
	s.runCtx, s.cancel = context.WithCancel(context.WithoutCancel(ctx))
	s.stopping = make(chan struct{})
	s.cron = cron.New(cron.WithLocation(s.loc), cron.WithParser(parser),
		cron.WithLogger(cron.DiscardLogger), cron.WithChain(cron.SkipIfStillRunning(cron.DiscardLogger)))
	s.cron.Schedule(s.schedule, cron.FuncJob(func() { s.fire(s.runCtx, s.now()) }))
	s.cron.Start()
	runCtx, stopping := s.runCtx, s.stopping
	s.mu.Unlock()
	s.wg.Go(func() {
		if _, _, err := s.CatchUp(runCtx); err != nil {
			s.log.ErrorContext(runCtx, "digest catch-up failed", "err", err)
		}
	})
	go func() {
		select {
		case <-ctx.Done():
			s.Stop()
		case <-stopping:
		}
	}()
	s.log.InfoContext(ctx, "digest scheduler started", "next_run", s.Next(s.now()))
}

// Stop stops firing, ends retry waits, and waits up to stopGrace for a post
// in flight before cancelling it. It is safe to call more than once.
func (s *Scheduler) Stop() {
	s.mu.Lock()
	c, cancel, stopping := s.cron, s.cancel, s.stopping
	s.mu.Unlock()
	if c == nil {
		return
	}
	s.stopOnce.Do(func() {
		cronDone := c.Stop()
		// Under mu, so retryLater either saw it open and joined wg before
		// the Wait below, or sees it closed and starts nothing.
		s.mu.Lock()
		close(stopping)
		s.mu.Unlock()
		done := make(chan struct{})
		go func() {
			<-cronDone.Done()
			s.wg.Wait()
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(s.grace):
			s.log.Warn("digest run still in flight after the grace period; cancelling it")
			cancel()
			<-done
		}
		cancel()
	})
}

// CatchUp posts the week due at the schedule's latest firing, if that firing
// has passed and the week is not posted: a bot that was down (or restarting)
// at 09:00 on Monday posts when it comes back, once. A bot started before
// the firing for the last complete week posts nothing early, and never an
// older week. due says whether a week was due; the result says what the post
// did.
func (s *Scheduler) CatchUp(ctx context.Context) (res commands.PostResult, due bool, err error) {
	now := s.now()
	// Recorded on every start, so the first one is what stays.
	var first time.Time
	if s.firstRun != nil {
		if first, err = s.firstRun(ctx, now); err != nil {
			return res, false, fmt.Errorf("digest: catch-up: %w", err)
		}
	}
	last, ok := s.lastFiring(now)
	if !ok {
		return res, false, nil
	}
	if last.Before(first) {
		// Never due: the firing came before the bot's first run.
		s.log.InfoContext(ctx, "first run: no digest for a week before the bot ran", "firing", last, "first_run", first)
		return res, false, nil
	}
	week := WeekDue(last, s.loc)
	if !week.Equal(WeekDue(now, s.loc)) {
		// The missed firing was for an older week and this week's firing
		// is still ahead: it will post the current week; an old digest
		// posted late would only confuse.
		return res, false, nil
	}
	run, err := s.poster.postRuns.PostRun(ctx, s.poster.channel, week)
	switch {
	case err == nil && run.Status == commands.PostRunPosted:
		return commands.PostResult{Status: commands.PostedBefore, WeekStart: week, Channel: s.poster.channel, MessageTS: run.MessageTS}, true, nil
	case err != nil && !errors.Is(err, commands.ErrNotFound):
		return res, true, fmt.Errorf("digest: catch-up: %w", err)
	}
	s.log.InfoContext(ctx, "catching up on a missed digest", "week", dates.ISOWeekLabel(week), "missed_firing", last)
	res, err = s.run(ctx, week, "catch-up")
	return res, true, err
}

// lastFiring is the latest firing of the schedule at or before now, within
// catchUpWindow.
func (s *Scheduler) lastFiring(now time.Time) (time.Time, bool) {
	var last time.Time
	found := false
	for t := s.Next(now.Add(-catchUpWindow)); !t.IsZero() && !t.After(now); t = s.Next(t) {
		last, found = t, true
	}
	return last, found
}

// fire is one scheduled firing.
func (s *Scheduler) fire(ctx context.Context, at time.Time) {
	week := WeekDue(at, s.loc)
	if _, err := s.run(ctx, week, "scheduler"); err != nil {
		s.log.ErrorContext(ctx, "scheduled digest failed; will retry", "week", dates.ISOWeekLabel(week), "err", err)
	}
}

// run posts one week and, if that fails, keeps retrying it in the background.
func (s *Scheduler) run(ctx context.Context, week time.Time, by string) (commands.PostResult, error) {
	res, err := s.poster.PostDigest(ctx, week, by)
	if err != nil && ctx.Err() == nil {
		s.retryLater(ctx, week)
	}
	return res, err
}

// retryLater retries a failed week with exponential backoff until it is
// posted, another run holds it, the next week is due, or the scheduler stops.
// One loop per week at most.
func (s *Scheduler) retryLater(ctx context.Context, week time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.stopping:
		return
	default:
	}
	if s.retrying[week] {
		return
	}
	s.retrying[week] = true
	s.wg.Go(func() {
		defer func() {
			s.mu.Lock()
			delete(s.retrying, week)
			s.mu.Unlock()
		}()
		for wait := s.retryFirst; ; wait = min(2*wait, retryMax) {
			if !s.pause(ctx, wait) {
				return
			}
			if !WeekDue(s.now(), s.loc).Equal(week) {
				s.log.WarnContext(ctx, "giving up on a digest: the next week is due", "week", dates.ISOWeekLabel(week))
				return
			}
			if _, err := s.poster.PostDigest(ctx, week, "retry"); err == nil {
				return
			} else if ctx.Err() != nil {
				return
			}
		}
	})
}

// pause waits d; false if the scheduler is stopping or ctx ended first.
func (s *Scheduler) pause(ctx context.Context, d time.Duration) bool {
	s.mu.Lock()
	stopping := s.stopping
	s.mu.Unlock()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-stopping:
	case <-ctx.Done():
	}
	return false
}
