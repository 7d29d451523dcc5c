// Package digest posts the weekly achievement digest to Slack exactly once per
// channel and week: a Poster claims the week in the ledger, posts the message
// (waiting out rate limits), records its timestamp and shares the chart in the
// message's thread; a Scheduler fires it on a cron schedule and catches up on
// a week it missed while the bot was down.
package digest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/slack-go/slack"

	"jobsbot/bot/blockkit"
	"jobsbot/bot/digest/chart"
	"jobsbot/bot/slackpost"
	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
)

// SlackAPI is the part of the Slack Web API the digest uses. *slack.Client
// implements it; tests use a fake server behind a real client.
type SlackAPI interface {
	PostMessageContext(ctx context.Context, channelID string, options ...slack.MsgOption) (string, string, error)
	UploadFileContext(ctx context.Context, params slack.UploadFileParameters) (*slack.FileSummary, error)
	GetConversationHistoryContext(ctx context.Context, params *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error)
}

// PostRuns is the exactly-once record of scheduled posts, shared with the
// reminders (package slackpost); *db.Store implements it.
type PostRuns = slackpost.PostRuns

// Config configures a Poster. Zero optional fields take their defaults.
type Config struct {
	Service *commands.Service // builds and words the digest
	Runs    PostRuns
	Slack   SlackAPI
	Channel string // DIGEST_CHANNEL: the channel ID to post in
	// Language is what the digest, its chart and their labels are written
	// in (DIGEST_LANGUAGE): the channel's language, not any one user's. ""
	// means the Service's default.
	Language commands.Lang
	// Owner names this process in the ledger; default host-pid-random.
	Owner string
	// StaleAfter is how long a claim may go unfinished before another run
	// may take it over, assuming its holder died; default 15 minutes, far
	// longer than a post takes even when rate-limited.
	StaleAfter time.Duration
	// MaxAttempts bounds chat.postMessage attempts in one run; default 5.
	MaxAttempts int
	// Backoff is the first wait after a failed attempt, doubled after each
	// one up to a minute; default 2 seconds.
	Backoff time.Duration
	Logger  *slog.Logger
	// Registerer receives jobsbot_digest_runs_total; nil registers nothing.
	Registerer prometheus.Registerer
}

// Poster posts digests through the ledger. It implements commands.DigestPoster
// and is safe for concurrent use.
type Poster struct {
	svc         *commands.Service
	postRuns    PostRuns
	slack       SlackAPI
	channel     string
	lang        commands.Lang
	owner       string
	staleAfter  time.Duration
	maxAttempts int
	backoff     time.Duration
	log         *slog.Logger
	runs        *prometheus.CounterVec
	chartErrors prometheus.Counter
}

var _ commands.DigestPoster = (*Poster)(nil)

// Outcomes counted in jobsbot_digest_runs_total.
const (
	outcomePosted     = "posted"
	outcomeRecovered  = "recovered" // found already posted by a run that died before recording it
	outcomeAlready    = "already_posted"
	outcomeInProgress = "in_progress"
	outcomeFailed     = "failed"
)

// metadataType marks the digest message in Slack (chat.postMessage metadata),
// so a run that takes over a dead run's claim can see whether the message went
// out before recording it.
const metadataType = "jobsbot_digest"

// Limits of one run.
const (
	defaultStaleAfter  = 15 * time.Minute
	defaultMaxAttempts = 5
	defaultBackoff     = 2 * time.Second
	maxBackoff         = time.Minute
	// maxRetryAfter caps one rate-limit wait; Slack asks for seconds, and a
	// digest an hour late is better than a goroutine stuck for a day.
	maxRetryAfter = 10 * time.Minute
	// recordTimeout bounds ledger writes made after the caller's context
	// ended: a posted message must still be recorded on shutdown.
	recordTimeout = 5 * time.Second
	// finishTimeout bounds what follows a successful post (recording it and
	// uploading the chart), which runs even if shutdown cancels the caller
	// meanwhile: the message is out, so its record and chart must follow.
	// It fits in the bot's shutdown wrap-up (bot.wrapUpGrace).
	finishTimeout = 5 * time.Second
	// historyPages bounds the search for a message a dead run posted.
	historyPages = 5
)

// NewPoster checks cfg and builds a Poster.
func NewPoster(cfg Config) (*Poster, error) {
	switch {
	case cfg.Service == nil:
		return nil, errors.New("digest: no command service configured")
	case cfg.Runs == nil:
		return nil, errors.New("digest: no ledger configured")
	case cfg.Slack == nil:
		return nil, errors.New("digest: no Slack client configured (SLACK_BOT_TOKEN)")
	case cfg.Channel == "":
		return nil, errors.New("digest: DIGEST_CHANNEL is empty; set it to the ID of the channel to post in (e.g. C0123456789)")
	}
	lang := cfg.Language
	if lang == "" {
		lang = cfg.Service.Language()
	}
	p := &Poster{
		// Pinned: everything the poster words (p.svc.Language() included)
		// is in the channel's language.
		svc: cfg.Service.WithLanguage(lang), postRuns: cfg.Runs, slack: cfg.Slack, channel: cfg.Channel,
		owner: cfg.Owner, staleAfter: cfg.StaleAfter, maxAttempts: cfg.MaxAttempts, backoff: cfg.Backoff, log: cfg.Logger,
	}
	if p.owner == "" {
		p.owner = defaultOwner()
	}
	if p.staleAfter <= 0 {
		p.staleAfter = defaultStaleAfter
	}
	if p.maxAttempts <= 0 {
		p.maxAttempts = defaultMaxAttempts
	}
	if p.backoff <= 0 {
		p.backoff = defaultBackoff
	}
	if p.lang == "" {
		p.lang = p.svc.Language()
	}
	if p.log == nil {
		p.log = slog.Default()
	}
	p.log = p.log.With("channel", p.channel)
	var err error
	if p.runs, p.chartErrors, err = newMetrics(cfg.Registerer); err != nil {
		return nil, err
	}
	return p, nil
}

// NewSlackClient returns the bot's one Slack Web API client (package slackpost).
func NewSlackClient(token, apiURL string) *slack.Client {
	return slackpost.NewSlackClient(token, apiURL)
}

func newMetrics(reg prometheus.Registerer) (*prometheus.CounterVec, prometheus.Counter, error) {
	runs := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "jobsbot_digest_runs_total",
		Help: "Weekly digest runs, by outcome: posted, recovered, already_posted, in_progress, failed.",
	}, []string{"outcome"})
	chartErrors := prometheus.NewCounter(prometheus.CounterOpts{
		Name: "jobsbot_digest_chart_errors_total",
		Help: "Digest charts that could not be drawn or uploaded; the digest itself was posted.",
	})
	if reg == nil {
		return runs, chartErrors, nil
	}
	// A scheduler and a CLI run in one process share the registry: reuse the
	// counters already there instead of failing.
	var are prometheus.AlreadyRegisteredError
	if err := reg.Register(runs); errors.As(err, &are) {
		runs = are.ExistingCollector.(*prometheus.CounterVec)
	} else if err != nil {
		return nil, nil, fmt.Errorf("digest: register metrics: %w", err)
	}
	if err := reg.Register(chartErrors); errors.As(err, &are) {
		chartErrors = are.ExistingCollector.(prometheus.Counter)
	} else if err != nil {
		return nil, nil, fmt.Errorf("digest: register metrics: %w", err)
	}
	// Every outcome at 0 from the start (an alert sees the first failure rise).
	for _, outcome := range []string{outcomePosted, outcomeRecovered, outcomeAlready, outcomeInProgress, outcomeFailed} {
		runs.WithLabelValues(outcome)
	}
	return runs, chartErrors, nil
}

// defaultOwner names this process in the ledger: host and pid for an
// operator, a random suffix so two containers both running as pid 1 differ.
func defaultOwner() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), commands.RandomHex(3))
}

// Channel returns the channel the Poster posts in.
func (p *Poster) Channel() string { return p.channel }

// PostDigest posts the digest of the week holding weekStart, exactly once:
// it claims the week first, and if the week was posted before or another run
// holds the claim it sends nothing. A failed post is marked failed, so a later
// run retries it.
func (p *Poster) PostDigest(ctx context.Context, weekStart time.Time, requestedBy string) (commands.PostResult, error) {
	week := dates.WeekStart(weekStart)
	label := dates.ISOWeekLabel(week)
	log := p.log.With("week", label, "requested_by", requestedBy)
	res := commands.PostResult{WeekStart: week, Channel: p.channel}

	claimed, err := p.postRuns.ClaimPost(ctx, p.channel, week, p.owner, p.staleAfter)
	if err != nil {
		p.runs.WithLabelValues(outcomeFailed).Inc()
		return res, fmt.Errorf("digest: claim %s: %w", label, err)
	}
	run, err := p.postRuns.PostRun(ctx, p.channel, week)
	if err != nil {
		if claimed {
			p.fail(ctx, log, week, err) // releases the claim and counts the failure
		} else {
			p.runs.WithLabelValues(outcomeFailed).Inc()
		}
		return res, fmt.Errorf("digest: read run %s: %w", label, err)
	}
	if !claimed {
		res.MessageTS = run.MessageTS
		res.Status = commands.PostInProgress
		outcome := outcomeInProgress
		if run.Status == commands.PostRunPosted {
			res.Status, outcome = commands.PostedBefore, outcomeAlready
		}
		p.runs.WithLabelValues(outcome).Inc()
		log.InfoContext(ctx, "digest not posted again", "status", run.Status, "claimed_by", run.ClaimedBy)
		return res, nil
	}

	// A retry or a takeover: an earlier attempt may have posted and died (or
	// lost its answer) before recording it. Slack has no idempotency key for
	// chat.postMessage, so look for our own message first.
	if run.Attempts > 1 {
		if ts, found := p.findPosted(ctx, log, week); found {
			p.record(ctx, log, week, ts)
			p.runs.WithLabelValues(outcomeRecovered).Inc()
			log.InfoContext(ctx, "digest had been posted by an earlier attempt; recorded it", "ts", ts)
			res.Status, res.MessageTS = commands.PostedBefore, ts
			return res, nil
		}
	}

	d, err := p.svc.Digest(ctx, week)
	if err != nil {
		p.fail(ctx, log, week, err)
		return res, fmt.Errorf("digest: build %s: %w", label, err)
	}
	reply := p.svc.DigestReply(d)
	ts, err := p.post(ctx, log, week, reply)
	if err != nil {
		p.fail(ctx, log, week, err)
		return res, fmt.Errorf("digest: post %s: %w", label, err)
	}
	finish, cancel := context.WithTimeout(context.WithoutCancel(ctx), finishTimeout)
	defer cancel()
	p.record(finish, log, week, ts)
	p.runs.WithLabelValues(outcomePosted).Inc()
	log.InfoContext(ctx, "digest posted", "ts", ts, "attempt", run.Attempts)
	p.shareChart(finish, log, d, ts)
	res.Status, res.MessageTS = commands.PostedNow, ts
	return res, nil
}

// record marks the week posted. It runs even when ctx has ended, since the
// message is out; if it still fails, the claim goes stale and the run that
// takes it over finds the message by its metadata instead of posting again.
func (p *Poster) record(ctx context.Context, log *slog.Logger, week time.Time, ts string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
	defer cancel()
	if err := p.postRuns.MarkPosted(ctx, p.channel, week, ts); err != nil {
		log.ErrorContext(ctx, "digest posted but not recorded; a later run will find it in the channel", "ts", ts, "err", err)
	}
}

// fail marks the week failed, releasing the claim for a later retry. It does
// not log the cause: the error goes back to the caller (the scheduler, or the
// manager's `digest post`), which logs it once, where it is handled.
func (p *Poster) fail(ctx context.Context, log *slog.Logger, week time.Time, cause error) {
	p.runs.WithLabelValues(outcomeFailed).Inc()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
	defer cancel()
	if err := p.postRuns.MarkPostFailed(ctx, p.channel, week, cause.Error()); err != nil {
		log.ErrorContext(ctx, "could not record the failed digest run; its claim will go stale and be retried", "err", err)
	}
}

// post sends the message, retrying with backoff: a 429 waits the Retry-After
// Slack asks for; an answer Slack gave (channel_not_found, invalid_blocks…)
// is final; a lost answer (timeout, 5xx) is retried only after checking that
// the message did not go out after all.
func (p *Poster) post(ctx context.Context, log *slog.Logger, week time.Time, r commands.Reply) (string, error) {
	note := p.svc.Printer(p.lang).T("digest.poster.chart_in_thread")
	fallback := blockkit.Fallback(r)
	r.Sections = append(r.Sections, commands.Section{Lines: []string{note}})
	blocks := blockkit.Render(r, note)
	opts := []slack.MsgOption{
		slack.MsgOptionText(fallback, false),
		slack.MsgOptionBlocks(blocks...),
		slack.MsgOptionMetadata(slack.SlackMetadata{EventType: metadataType, EventPayload: map[string]any{"week": dates.ISOWeekLabel(week)}}),
	}
	wait := p.backoff
	var err error
	for attempt := 1; attempt <= p.maxAttempts; attempt++ {
		var ts string
		_, ts, err = p.slack.PostMessageContext(ctx, p.channel, opts...)
		if err == nil {
			return ts, nil
		}
		var refused slack.SlackErrorResponse
		pause, limited := slackpost.RateLimitWait(err, maxRetryAfter)
		switch {
		case limited:
			// Slack did not take the message: waiting is always safe.
			log.WarnContext(ctx, "slack rate limit on chat.postMessage, waiting", "retry_after", pause, "attempt", attempt)
			if serr := slackpost.Sleep(ctx, pause); serr != nil {
				return "", errors.Join(err, serr)
			}
			continue
		case errors.As(err, &refused):
			return "", err
		}
		if ctx.Err() != nil {
			return "", err
		}
		log.WarnContext(ctx, "chat.postMessage failed, retrying", "err", err, "attempt", attempt, "wait", wait)
		if err := slackpost.Sleep(ctx, wait); err != nil {
			return "", err
		}
		wait = min(2*wait, maxBackoff)
		if ts, found := p.findPosted(ctx, log, week); found {
			return ts, nil
		}
	}
	return "", fmt.Errorf("gave up after %d attempts: %w", p.maxAttempts, err)
}

// findPosted looks in the channel for the digest of week posted by this bot,
// by the metadata every digest carries. It needs the channels:history scope
// (groups:history in a private channel); without it, it finds nothing and
// says so in the log.
func (p *Poster) findPosted(ctx context.Context, log *slog.Logger, week time.Time) (string, bool) {
	label := dates.ISOWeekLabel(week)
	// No digest of a week is posted before the week starts, in any zone.
	oldest := strconv.FormatInt(week.Add(-24*time.Hour).Unix(), 10) + ".000000"
	params := &slack.GetConversationHistoryParameters{ChannelID: p.channel, Oldest: oldest, Limit: 200, IncludeAllMetadata: true}
	for range historyPages {
		resp, err := p.slack.GetConversationHistoryContext(ctx, params)
		if err != nil {
			log.WarnContext(ctx, "cannot check the channel for an earlier digest (needs channels:history)", "err", err)
			return "", false
		}
		for _, m := range resp.Messages {
			if m.Metadata.EventType == metadataType && m.Metadata.EventPayload["week"] == label {
				return m.Timestamp, true
			}
		}
		if !resp.HasMore || resp.ResponseMetaData.NextCursor == "" {
			break
		}
		params.Cursor = resp.ResponseMetaData.NextCursor
	}
	return "", false
}

// shareChart draws the chart and uploads it into the digest's thread. The
// digest is already out, so a failure here is logged and counted, not retried
// into a second message.
func (p *Poster) shareChart(ctx context.Context, log *slog.Logger, d commands.Digest, ts string) {
	var buf bytes.Buffer
	if err := chart.Render(&buf, d.Chart, string(p.lang)); err != nil {
		p.chartErrors.Inc()
		log.ErrorContext(ctx, "digest chart not drawn", "err", err)
		return
	}
	title, alt := chartTitle(d, p.svc.Printer(p.lang))
	png := buf.Bytes()
	params := slack.UploadFileParameters{
		Channel: p.channel, ThreadTimestamp: ts, FileSize: len(png),
		Filename: "jobs-" + dates.ISOWeekLabel(d.WeekStart) + ".png",
		Title:    title, AltTxt: alt,
	}
	for attempt := 1; ; attempt++ {
		// A fresh reader each time: a failed attempt may have read some.
		params.Reader = bytes.NewReader(png)
		_, err := p.slack.UploadFileContext(ctx, params)
		if err == nil {
			return
		}
		if pause, limited := slackpost.RateLimitWait(err, maxRetryAfter); limited && attempt < p.maxAttempts &&
			slackpost.Sleep(ctx, pause) == nil {
			continue
		}
		p.chartErrors.Inc()
		log.ErrorContext(ctx, "digest chart not uploaded", "ts", ts, "err", err)
		return
	}
}

// chartTitle is the title and the alternative text of the digest's chart.
func chartTitle(d commands.Digest, p i18n.Printer) (title, alt string) {
	year, week := d.WeekStart.ISOWeek()
	return p.T("digest.poster.chart_title", "Year", d.Year, "Week", p.T("format.week", "Year", year, "Week", week)),
		p.T("digest.poster.chart_alt", "Year", d.Year)
}
