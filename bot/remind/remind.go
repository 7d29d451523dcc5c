// Package remind sends the month-end reminders (독촉): each department that
// has neither an entry nor a "nothing" report for the month gets a message to
// its reporters (or its channel) with Report now / Nothing this month buttons,
// and the last round also lists them in the managers' channel. Every message
// goes through the exactly-once ledger of package slackpost, the digest's, so
// replicas firing together, restarts and retries send each one once.
package remind

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/bot/blockkit"
	"jobsbot/bot/slackpost"
	"jobsbot/commands"
)

// SlackAPI is the part of the Slack Web API reminders use: posting, and
// users.info for each reporter's language (its locale).
type SlackAPI interface {
	PostMessageContext(ctx context.Context, channelID string, options ...slack.MsgOption) (string, string, error)
	GetUserInfoContext(ctx context.Context, user string, options ...slack.GetUserInfoOption) (*slack.User, error)
}

// Config configures a Sender; zero optional fields take their defaults.
type Config struct {
	Service *commands.Service
	Runs    slackpost.PostRuns
	Slack   SlackAPI
	// ManagersChannel gets the last round's list (REMINDER_CHANNEL); "" sends none.
	ManagersChannel string
	Owner           string        // this process in the ledger; default host-pid
	StaleAfter      time.Duration // a claim older than this is taken over; default 15 minutes
	Logger          *slog.Logger
}

// Sender sends reminder rounds; it implements commands.ReminderSender.
type Sender struct {
	svc        *commands.Service
	postRuns   slackpost.PostRuns
	slack      SlackAPI
	managers   string
	owner      string
	staleAfter time.Duration
	log        *slog.Logger
}

var _ commands.ReminderSender = (*Sender)(nil)

const (
	// rateLimitRetries and maxRetryAfter bound the waits on one message
	// past the client's own (slackpost.WatchedSlackClient waits out up to
	// 30 s itself): a reminder may wait longer than a reply.
	rateLimitRetries = 5
	maxRetryAfter    = 10 * time.Minute
	// maxAttempts bounds how often one reminder is tried across ticks.
	maxAttempts = 5
)

// New checks cfg and builds a Sender.
func New(cfg Config) (*Sender, error) {
	if cfg.Service == nil || cfg.Runs == nil || cfg.Slack == nil {
		return nil, errors.New("remind: a service, a ledger and a Slack client are needed (SLACK_BOT_TOKEN)")
	}
	s := &Sender{svc: cfg.Service, postRuns: cfg.Runs, slack: cfg.Slack, managers: cfg.ManagersChannel,
		owner: cfg.Owner, staleAfter: cfg.StaleAfter, log: cfg.Logger}
	if s.owner == "" {
		host, _ := os.Hostname()
		s.owner = fmt.Sprintf("%s-%d-remind", host, os.Getpid())
	}
	if s.staleAfter <= 0 {
		s.staleAfter = 15 * time.Minute
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	return s, nil
}

// Key is the ledger key of one reminder message: round, recipient and
// department; the ledger's period is the month.
func Key(round int, recipient, department string) string {
	return fmt.Sprintf("remind:%d:%s:%s", round, recipient, department)
}

// SendReminders sends round p to every silent department's reporters (or its
// channel when it has none), each message once; the last round also posts
// the list to the managers' channel once.
func (s *Sender) SendReminders(ctx context.Context, p commands.ReminderPlan) (commands.ReminderResult, error) {
	var res commands.ReminderResult
	var errs []error
	count := func(out slackpost.Outcome, err error) {
		switch out {
		case slackpost.Posted:
			res.Sent++
		case slackpost.Already, slackpost.InProgress:
			res.Already++
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	for _, d := range p.Silent {
		recipients := d.Reporters
		if len(recipients) == 0 && d.Channel != "" {
			recipients = []string{d.Channel}
		}
		if len(recipients) == 0 {
			res.NoContact++
			continue
		}
		for _, to := range recipients {
			reply := s.svcFor(ctx, to).ReminderReply(p, d)
			count(s.once(ctx, Key(p.Round, to, d.Name), p.Month, to, reply))
		}
	}
	if p.Round == commands.RoundLast && s.managers != "" {
		count(s.once(ctx, Key(p.Round, s.managers, "*"), p.Month, s.managers, s.svc.ReminderListReply(p)))
	}
	s.log.InfoContext(ctx, "reminder round", "month", p.Month.Format("2006-01"), "round", p.Round,
		"sent", res.Sent, "already", res.Already, "no_contact", res.NoContact, "errors", len(errs))
	return res, errors.Join(errs...)
}

// svcFor words a message to a person in their Slack locale's language
// (commands.LangOfLocale: Korean for ko-*, English for any other), and to a
// channel, or when the locale cannot be read, in the bot's language.
func (s *Sender) svcFor(ctx context.Context, recipient string) *commands.Service {
	if !strings.HasPrefix(recipient, "U") && !strings.HasPrefix(recipient, "W") {
		return s.svc
	}
	var u *slack.User
	err := slackpost.Call(ctx, rateLimitRetries, maxRetryAfter, nil, func(ctx context.Context) error {
		var err error
		u, err = s.slack.GetUserInfoContext(ctx, recipient)
		return err
	})
	if err != nil {
		s.log.WarnContext(ctx, "reporter's language unknown (users.info needs users:read); using the bot's", "user", recipient, "err", err)
		return s.svc
	}
	if l := commands.LangOfLocale(u.Locale); l != "" {
		return s.svc.WithLanguage(l)
	}
	return s.svc
}

// once posts r to channel through the ledger under key. A message that
// failed maxAttempts times (a deleted channel, a deactivated user) is not
// tried again every tick; `remind preview` still lists its department.
func (s *Sender) once(ctx context.Context, key string, month time.Time, channel string, r commands.Reply) (slackpost.Outcome, error) {
	if run, err := s.postRuns.PostRun(ctx, key, month); err == nil && run.Status == commands.PostRunFailed && run.Attempts >= maxAttempts {
		s.log.DebugContext(ctx, "reminder given up after repeated failures", "key", key, "last_error", run.LastError)
		return slackpost.Failed, nil
	}
	return slackpost.Once(ctx, s.postRuns, key, month, s.owner, s.staleAfter, func(ctx context.Context) (string, error) {
		opts := []slack.MsgOption{slack.MsgOptionText(blockkit.Fallback(r), false), slack.MsgOptionBlocks(blockkit.Render(r, "")...)}
		var ts string
		err := slackpost.Call(ctx, rateLimitRetries, maxRetryAfter,
			func(_ error, wait time.Duration) {
				s.log.WarnContext(ctx, "slack rate limit on a reminder, waiting", "retry_after", wait)
			},
			func(ctx context.Context) error {
				var err error
				_, ts, err = s.slack.PostMessageContext(ctx, channel, opts...)
				return err
			})
		return ts, err
	})
}

// Tick sends the round due at now, if any: the scheduler calls it every
// interval and once at start, which is the catch-up after downtime.
func (s *Sender) Tick(ctx context.Context, now time.Time) (commands.ReminderResult, error) {
	p, due, err := s.svc.DueReminders(ctx, now)
	if err != nil || !due {
		return commands.ReminderResult{}, err
	}
	return s.SendReminders(ctx, p)
}

// Run ticks at start and then every interval until ctx ends.
func (s *Sender) Run(ctx context.Context, interval time.Duration) {
	for {
		if _, err := s.Tick(ctx, time.Now()); err != nil && ctx.Err() == nil {
			s.log.ErrorContext(ctx, "reminder round failed; the next tick retries what was not sent", "err", err)
		}
		if slackpost.Sleep(ctx, interval) != nil {
			return
		}
	}
}
