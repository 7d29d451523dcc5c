package digest_test

import (
	"bytes"
	"context"
	"image/png"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/slack-go/slack"

	"jobsbot/bot/digest"
	"jobsbot/bot/digest/chart"
	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

const channel = "CDIGEST"

var quiet = slog.New(slog.DiscardHandler)

var seoul = mustLoad("Asia/Seoul")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// now is Monday 30 November 2026, 10:00 in Seoul: the 09:00 firing for the
// week of 23–29 November (2026-W48) has just passed.
var (
	now  = time.Date(2026, time.November, 30, 10, 0, 0, 0, seoul)
	week = dates.On(2026, time.November, 23)
)

// wait is how long a test waits for something the fake Slack should see.
const wait = 10 * time.Second

// replica is one bot process: its own connection pool, service and poster.
type replica struct {
	store  *db.Store
	poster *digest.Poster
	reg    *prometheus.Registry
}

// newReplica opens its own pool on the database at url.
func newReplica(t *testing.T, url string, slack digest.SlackAPI, name string) *replica {
	t.Helper()
	store, err := db.Open(context.Background(), url)
	if err != nil {
		t.Fatalf("db.Open: %v", err)
	}
	t.Cleanup(func() { _ = store.Close() })
	svc := commands.New(commands.Config{Store: store, Location: seoul, Now: func() time.Time { return now }})
	reg := prometheus.NewRegistry()
	p, err := digest.NewPoster(digest.Config{Service: svc, Runs: store, Slack: slack, Channel: channel,
		Owner: name, Backoff: 10 * time.Millisecond, Registerer: reg, Logger: quiet})
	if err != nil {
		t.Fatalf("NewPoster: %v", err)
	}
	return &replica{store: store, poster: p, reg: reg}
}

// newDatabase makes a migrated database with the demo loaded and returns its URL.
func newDatabase(t *testing.T) string {
	t.Helper()
	url := dbtest.URL(t)
	store, err := db.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	svc := commands.New(commands.Config{Store: store, Location: seoul, Managers: []string{"UBOSS"},
		Now: func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, seoul) }})
	if err := svc.RunScript(context.Background(), commands.Caller{UserID: "UBOSS"}, commands.DemoScript()); err != nil {
		t.Fatal(err)
	}
	return url
}

func receive[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(wait):
		t.Fatalf("timed out after %s waiting for %s", wait, what)
	}
	var zero T
	return zero
}

func TestThreeReplicasPostOnce(t *testing.T) {
	t.Parallel()
	url := newDatabase(t)
	fake := newFakeSlack(t)
	replicas := []*replica{
		newReplica(t, url, fake.client(), "replica-a"),
		newReplica(t, url, fake.client(), "replica-b"),
		newReplica(t, url, fake.client(), "replica-c"),
	}
	var (
		start   = make(chan struct{})
		wg      sync.WaitGroup
		results = make([]commands.PostResult, len(replicas))
		errs    = make([]error, len(replicas))
	)
	for i, r := range replicas {
		wg.Go(func() {
			<-start
			results[i], errs[i] = r.poster.PostDigest(context.Background(), week, "scheduler")
		})
	}
	close(start)
	wg.Wait()
	posted := 0
	for i := range replicas {
		if errs[i] != nil {
			t.Fatalf("replica %d: %v", i, errs[i])
		}
		if results[i].Status == commands.PostedNow {
			posted++
		}
	}
	if msgs := fake.accepted(); len(msgs) != 1 || posted != 1 {
		t.Fatalf("%d messages posted, %d replicas say they posted (%+v); want exactly 1", len(msgs), posted, results)
	}
	msg := fake.accepted()[0]
	if msg.Channel != channel || msg.Week != "2026-W48" || !strings.Contains(msg.Text, "Weekly jobs digest · 2026-W48") {
		t.Errorf("posted %+v", msg)
	}
	if len(msg.Blocks) == 0 || len(msg.Blocks) > 50 {
		t.Errorf("message has %d blocks; want 1..50", len(msg.Blocks))
	}
	up := receive(t, fake.uploaded, "the chart upload")
	if up.ThreadTS != msg.TS || up.Channel != channel {
		t.Errorf("chart uploaded to %s thread %q; want %s thread %q", up.Channel, up.ThreadTS, channel, msg.TS)
	}
	img, err := png.Decode(bytes.NewReader(up.Bytes))
	if err != nil {
		t.Fatalf("uploaded chart is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != chart.Width || b.Dy() != chart.Height {
		t.Errorf("chart is %dx%d; want %dx%d", b.Dx(), b.Dy(), chart.Width, chart.Height)
	}
	run, err := replicas[0].store.PostRun(context.Background(), channel, week)
	if err != nil || run.Status != commands.PostRunPosted || run.MessageTS != msg.TS {
		t.Fatalf("ledger after posting: %+v, %v", run, err)
	}

	// A fourth replica, after them, posts nothing.
	fourth := newReplica(t, url, fake.client(), "replica-d")
	res, err := fourth.poster.PostDigest(context.Background(), week, "scheduler")
	if err != nil || res.Status != commands.PostedBefore || res.MessageTS != msg.TS {
		t.Fatalf("fourth replica: %+v, %v; want already posted as %s", res, err, msg.TS)
	}
	if n := fake.postCalls(); n != 1 {
		t.Fatalf("chat.postMessage called %d times in all; want 1", n)
	}
	if got := runs(t, fourth.reg, "already_posted"); got != 1 {
		t.Errorf("fourth replica counted already_posted %v times; want 1", got)
	}
}

// runs reads jobsbot_digest_runs_total{outcome} from a registry.
func runs(t *testing.T, reg *prometheus.Registry, outcome string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != "jobsbot_digest_runs_total" {
			continue
		}
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "outcome" && l.GetValue() == outcome {
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	return 0
}

func slackText(text string) slack.MsgOption { return slack.MsgOptionText(text, false) }

func slackWeek(label string) slack.MsgOption {
	return slack.MsgOptionMetadata(slack.SlackMetadata{EventType: "jobsbot_digest", EventPayload: map[string]any{"week": label}})
}

func TestRateLimitThenSuccessPostsOnce(t *testing.T) {
	t.Parallel()
	url := newDatabase(t)
	fake := newFakeSlack(t)
	fake.limitNext = 1
	r := newReplica(t, url, fake.client(), "replica-a")
	began := time.Now()
	res, err := r.poster.PostDigest(context.Background(), week, "UBOSS")
	if err != nil || res.Status != commands.PostedNow {
		t.Fatalf("PostDigest: %+v, %v", res, err)
	}
	if waited := time.Since(began); waited < 900*time.Millisecond {
		t.Errorf("retried after %s; Slack asked for Retry-After: 1", waited)
	}
	if msgs, calls := fake.accepted(), fake.postCalls(); len(msgs) != 1 || calls != 2 {
		t.Fatalf("%d messages from %d calls; want 1 message from 2 calls (429, then success)", len(msgs), calls)
	}
	receive(t, fake.uploaded, "the chart upload")
}

func TestFailedPostIsRetriedNotDuplicated(t *testing.T) {
	t.Parallel()
	url := newDatabase(t)
	fake := newFakeSlack(t)
	fake.refuseNext = 1
	r := newReplica(t, url, fake.client(), "replica-a")
	ctx := context.Background()
	if _, err := r.poster.PostDigest(ctx, week, "scheduler"); err == nil || !strings.Contains(err.Error(), "channel_not_found") {
		t.Fatalf("first post: %v; want channel_not_found", err)
	}
	run, err := r.store.PostRun(ctx, channel, week)
	if err != nil || run.Status != commands.PostRunFailed || !strings.Contains(run.LastError, "channel_not_found") {
		t.Fatalf("ledger after failure: %+v, %v", run, err)
	}
	res, err := r.poster.PostDigest(ctx, week, "retry")
	if err != nil || res.Status != commands.PostedNow {
		t.Fatalf("retry: %+v, %v", res, err)
	}
	res, err = r.poster.PostDigest(ctx, week, "retry")
	if err != nil || res.Status != commands.PostedBefore {
		t.Fatalf("retry after success: %+v, %v", res, err)
	}
	if msgs := fake.accepted(); len(msgs) != 1 {
		t.Fatalf("%d messages; want 1", len(msgs))
	}
}

// TestTakeoverFindsMessageOfDeadRun: a replica posted and died before
// recording it; the run that takes over its stale claim finds the message by
// its metadata and records it instead of posting again.
func TestTakeoverFindsMessageOfDeadRun(t *testing.T) {
	t.Parallel()
	url := newDatabase(t)
	fake := newFakeSlack(t)
	ctx := context.Background()
	dead := newReplica(t, url, fake.client(), "dead")
	if ok, err := dead.store.ClaimPost(ctx, channel, week, "dead", time.Hour); err != nil || !ok {
		t.Fatalf("claim: %v %v", ok, err)
	}
	// What the dead replica managed to send before it died.
	if _, _, err := fake.client().PostMessageContext(ctx, channel, slackText("digest"), slackWeek("2026-W48")); err != nil {
		t.Fatal(err)
	}
	if _, err := dead.store.DB().ExecContext(ctx, `UPDATE digest_runs SET claimed_at = now() - interval '1 hour'`); err != nil {
		t.Fatal(err)
	}
	r := newReplica(t, url, fake.client(), "survivor")
	res, err := r.poster.PostDigest(ctx, week, "catch-up")
	if err != nil || res.Status != commands.PostedBefore || res.MessageTS != fake.accepted()[0].TS {
		t.Fatalf("takeover: %+v, %v; want the dead run's message recorded", res, err)
	}
	if n := len(fake.accepted()); n != 1 {
		t.Fatalf("%d messages; want the dead run's one only", n)
	}
	run, _ := r.store.PostRun(ctx, channel, week)
	if run.Status != commands.PostRunPosted || run.ClaimedBy != "survivor" {
		t.Fatalf("ledger: %+v", run)
	}
}

func TestCatchUpAfterMissedRun(t *testing.T) {
	t.Parallel()
	url := newDatabase(t)
	fake := newFakeSlack(t)
	ctx := context.Background()
	scheduler := func(at time.Time, name string) *digest.Scheduler {
		r := newReplica(t, url, fake.client(), name)
		s, err := digest.NewScheduler(digest.SchedulerConfig{Poster: r.poster, Schedule: "0 9 * * MON", Location: seoul,
			Logger: quiet, Now: func() time.Time { return at }})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	// Started at 08:00 on Monday, before the firing: nothing is due yet,
	// not even the week before, whose firing this bot also missed.
	early := scheduler(now.Add(-2*time.Hour), "early")
	if _, due, err := early.CatchUp(ctx); err != nil || due {
		t.Fatalf("catch-up before the firing: due=%v, %v; want nothing due", due, err)
	}
	// Down at 09:00, back at 10:00: posts the missed week once.
	late := scheduler(now, "late")
	res, due, err := late.CatchUp(ctx)
	if err != nil || !due || res.Status != commands.PostedNow || !res.WeekStart.Equal(week) {
		t.Fatalf("catch-up: %+v due=%v %v; want week %s posted", res, due, err, week)
	}
	// Restarted again: already posted, nothing sent.
	again := scheduler(now.Add(time.Hour), "again")
	res, due, err = again.CatchUp(ctx)
	if err != nil || !due || res.Status != commands.PostedBefore {
		t.Fatalf("second catch-up: %+v due=%v %v; want already posted", res, due, err)
	}
	if msgs := fake.accepted(); len(msgs) != 1 || msgs[0].Week != "2026-W48" {
		t.Fatalf("messages %+v; want one for 2026-W48", msgs)
	}
}

func TestStartCatchesUpAndRetries(t *testing.T) {
	t.Parallel()
	url := newDatabase(t)
	fake := newFakeSlack(t)
	fake.refuseNext = 1 // the catch-up's first post fails; the retry posts
	r := newReplica(t, url, fake.client(), "replica-a")
	s, err := digest.NewScheduler(digest.SchedulerConfig{Poster: r.poster, Location: seoul, Logger: quiet,
		Now: func() time.Time { return now }, RetryFirst: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	s.Start(context.Background())
	msg := receive(t, fake.posted, "the catch-up digest")
	s.Stop()
	if msg.Week != "2026-W48" {
		t.Errorf("caught up on %q; want 2026-W48", msg.Week)
	}
	if n := len(fake.accepted()); n != 1 {
		t.Fatalf("%d messages; want 1", n)
	}
	if got := runs(t, r.reg, "failed"); got != 1 {
		t.Errorf("failed runs counted %v; want 1", got)
	}
}

func TestNextRun(t *testing.T) {
	utc := time.UTC
	for _, tt := range []struct {
		name, spec string
		loc        *time.Location
		after      time.Time
		want       time.Time
		weekDue    string // ISO week the firing posts
	}{
		{"Seoul Monday 09:00 from a Thursday", "0 9 * * MON", seoul,
			time.Date(2026, 11, 26, 0, 0, 0, 0, utc), time.Date(2026, 11, 30, 9, 0, 0, 0, seoul), "2026-W48"},
		{"the same expression read in UTC fires nine hours later", "0 9 * * MON", utc,
			time.Date(2026, 11, 26, 0, 0, 0, 0, utc), time.Date(2026, 11, 30, 9, 0, 0, 0, utc), "2026-W48"},
		{"numeric weekday equals MON", "0 9 * * 1", seoul,
			time.Date(2026, 11, 26, 0, 0, 0, 0, utc), time.Date(2026, 11, 30, 9, 0, 0, 0, seoul), "2026-W48"},
		{"a minute before the firing", "0 9 * * MON", seoul,
			time.Date(2026, 11, 30, 8, 59, 0, 0, seoul), time.Date(2026, 11, 30, 9, 0, 0, 0, seoul), "2026-W48"},
		{"at the firing, the next one", "0 9 * * MON", seoul,
			time.Date(2026, 11, 30, 9, 0, 0, 0, seoul), time.Date(2026, 12, 7, 9, 0, 0, 0, seoul), "2026-W49"},
		{"the Monday of week 53 posts week 52", "0 9 * * MON", seoul,
			time.Date(2026, 12, 25, 0, 0, 0, 0, seoul), time.Date(2026, 12, 28, 9, 0, 0, 0, seoul), "2026-W52"},
		{"across the year end: 2027-01-04 posts 2026-W53", "0 9 * * MON", seoul,
			time.Date(2026, 12, 28, 9, 0, 0, 0, seoul), time.Date(2027, 1, 4, 9, 0, 0, 0, seoul), "2026-W53"},
		{"Monday 08:00 in Seoul is Sunday in UTC, still posts W53", "0 8 * * MON", seoul,
			time.Date(2027, 1, 1, 0, 0, 0, 0, utc), time.Date(2027, 1, 4, 8, 0, 0, 0, seoul), "2026-W53"},
		{"CRON_TZ overrides the location", "CRON_TZ=UTC 0 0 * * MON", seoul,
			time.Date(2027, 1, 1, 0, 0, 0, 0, utc), time.Date(2027, 1, 4, 0, 0, 0, 0, utc), "2026-W53"},
		{"@weekly is Sunday midnight, posting the week before", "@weekly", seoul,
			time.Date(2027, 1, 1, 0, 0, 0, 0, utc), time.Date(2027, 1, 3, 0, 0, 0, 0, seoul), "2026-W52"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := digest.NextRun(tt.spec, tt.loc, tt.after)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Fatalf("NextRun = %s; want %s", got, tt.want)
			}
			if due := dates.ISOWeekLabel(digest.WeekDue(got, seoul)); due != tt.weekDue {
				t.Errorf("firing at %s posts %s; want %s", got, due, tt.weekDue)
			}
		})
	}
	// Read in UTC, the Sunday-in-UTC firing would post the week before last.
	if due := dates.ISOWeekLabel(digest.WeekDue(time.Date(2027, 1, 4, 8, 0, 0, 0, seoul), time.UTC)); due != "2026-W52" {
		t.Errorf("in UTC the firing posts %s; want 2026-W52, showing why the zone matters", due)
	}
	if _, err := digest.NextRun("every monday", seoul, time.Now()); err == nil || !strings.Contains(err.Error(), "DIGEST_SCHEDULE") {
		t.Errorf("bad expression: %v; want an error naming DIGEST_SCHEDULE", err)
	}
}

// TestPosterWritesInTheChannelLanguage: the channel's language (DIGEST_LANGUAGE)
// decides the post, its chart's title and the note, whatever the bot's default.
func TestPosterWritesInTheChannelLanguage(t *testing.T) {
	t.Parallel()
	url := newDatabase(t)
	fake := newFakeSlack(t)
	store, err := db.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	svc := commands.New(commands.Config{Store: store, Location: seoul, Language: commands.English, Now: func() time.Time { return now }})
	p, err := digest.NewPoster(digest.Config{Service: svc, Runs: store, Slack: fake.client(), Channel: channel,
		Language: commands.Korean, Backoff: 10 * time.Millisecond, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	if res, err := p.PostDigest(context.Background(), week, "UBOSS"); err != nil || res.Status != commands.PostedNow {
		t.Fatalf("PostDigest: %+v, %v", res, err)
	}
	msg := receive(t, fake.posted, "the Korean digest")
	for _, want := range []string{"주간 일자리 실적 보고 · 2026년 48주차", "연간 누계", "부진 사업"} {
		if !strings.Contains(msg.Text, want) {
			t.Errorf("digest lacks %q:\n%s", want, msg.Text)
		}
	}
	if strings.Contains(msg.Text, "Weekly jobs digest") {
		t.Errorf("the Korean channel got English:\n%s", msg.Text)
	}
	up := receive(t, fake.uploaded, "the chart upload")
	if up.Title != "2026년 누적 일자리 실적 (2026년 48주차 기준)" {
		t.Errorf("chart title %q", up.Title)
	}
}
