package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"jobsbot/commands"
)

// metrics are the bot's Prometheus series. Labels take only values from
// closed sets (command names, outcomes, API method names) so the number of
// series stays bounded whatever users type.
type metrics struct {
	commands  *prometheus.CounterVec
	duration  *prometheus.HistogramVec
	apiErrors *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		commands: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "jobsbot_commands_total",
			Help: "Commands run from Slack, by subcommand and outcome.",
		}, []string{"command", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "jobsbot_command_duration_seconds",
			Help:    "Time to run a command from Slack, by subcommand.",
			Buckets: []float64{.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"command"}),
		apiErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "jobsbot_slack_api_errors_total",
			Help: "Failed calls to the Slack Web API and response_url, rate limits included, by method.",
		}, []string{"method"}),
	}
	for _, c := range []prometheus.Collector{m.commands, m.duration, m.apiErrors} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("bot: register metrics: %w", err)
		}
	}
	m.startAtZero()
	return m, nil
}

// slackMethods is every Web API method (and response_url) whose failures
// Bot.call counts.
func slackMethods() []string {
	return []string{"chat.postEphemeral", "chat.postMessage", "response_url", "views.open", "views.publish", "users.info"}
}

// startAtZero creates every counter series with its label values at 0, so a rate()
// or an alert on the first failure sees it rise from 0 instead of a series
// that appears from nowhere.
func (m *metrics) startAtZero() {
	// The duration histogram is left to appear with use: pre-created, it
	// would add 14 series per command that say nothing until then.
	for _, name := range append(commands.CommandNames(), "unparsed") {
		for _, outcome := range commands.Outcomes() {
			m.commands.WithLabelValues(name, string(outcome))
		}
	}
	for _, method := range slackMethods() {
		m.apiErrors.WithLabelValues(method)
	}
}

// run runs one command line for a caller, and counts and logs it.
func (b *Bot) run(ctx context.Context, c commands.Caller, text string) commands.Reply {
	start := time.Now()
	r := b.svc.Handle(ctx, c, text)
	b.observe(ctx, r, c.UserID, time.Since(start))
	return r
}

// observe records one finished command. The log line carries what an operator
// needs to follow a user's report, never the command text, tokens or secrets.
func (b *Bot) observe(ctx context.Context, r commands.Reply, userID string, d time.Duration) {
	name := r.Command
	if name == "" {
		name = "unparsed"
	}
	outcome := string(r.Outcome)
	if outcome == "" {
		outcome = string(commands.OutcomeOK)
	}
	b.metrics.commands.WithLabelValues(name, outcome).Inc()
	b.metrics.duration.WithLabelValues(name).Observe(d.Seconds())
	b.log.InfoContext(ctx, "command", "command", name, "user", userID, "outcome", outcome,
		"duration_ms", float64(d.Microseconds())/1000)
}
