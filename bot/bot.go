// Package bot puts the /jobs command core on Slack: signed HTTP endpoints and
// Socket Mode (one handler for both), the add-entry modal, buttons (Share,
// the reminders' Report now / Nothing this month), the App Home dashboard,
// export files sent by direct message, health and metrics endpoints. It owns
// everything Slack-specific and makes its Web API client with
// slackpost.NewSlackClient; package commands stays transport-free. Work a
// request starts in the background is tracked, so Run's shutdown waits for it.
package bot

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/slack-go/slack"

	"jobsbot/bot/slackpost"
	"jobsbot/commands"
)

// Config configures a Bot. Zero optional fields take their defaults.
type Config struct {
	Service *commands.Service
	// Ready reports whether the bot can do its work (the database answers);
	// nil means always ready.
	Ready func(ctx context.Context) error
	// BotToken (xoxb-…) authenticates Web API calls; required in both modes.
	BotToken string
	// AppToken (xapp-…) turns on Socket Mode; without it Slack reaches the bot
	// over HTTP and SigningSecret is required.
	AppToken      string
	SigningSecret string
	// TeamID, when set, refuses requests from any other workspace.
	TeamID string
	// APIURL overrides the Web API base URL (fake servers, on-premises
	// proxies); it must end with "/".
	APIURL string
	// Addr is where the HTTP server listens; default ":3000".
	Addr   string
	Logger *slog.Logger
	// Registry receives the bot's metrics and is served on /metrics; nil
	// means a registry of the bot's own.
	Registry *prometheus.Registry
	// Now is the clock request signatures are checked against; default time.Now.
	Now func() time.Time
	// ChannelLanguage is the language of what the bot posts for everyone in a
	// channel (a shared status): DIGEST_LANGUAGE. "" means the service's
	// default (BOT_LANGUAGE).
	ChannelLanguage commands.Lang
	// ShutdownGrace is how long commands in flight may run after shutdown
	// starts (SHUTDOWN_GRACE); default 10 s. See Run for the whole budget.
	ShutdownGrace time.Duration
}

// Timing limits. Slack drops an answer that takes more than 3 s, so the bot
// answers in the response only when the command is done well within that.
const (
	defaultAddr   = ":3000"
	fastReplyWait = 2500 * time.Millisecond // what a command may take to answer inline
	workTimeout   = 60 * time.Second        // one command plus delivering its reply
	shutdownGrace = 10 * time.Second        // in-flight commands get this long on shutdown
	// wrapUpGrace follows shutdownGrace: work cancelled then still records
	// what it did and delivers its reply (digest: 5 s to record and upload
	// the chart, then replyTimeout for the manager's reply).
	wrapUpGrace = 8 * time.Second
	// replyTimeout bounds delivering a finished command's reply once the
	// command's own context has ended (shutdown): the work is done, so its
	// answer still goes out.
	replyTimeout = 3 * time.Second
	// socketCloseGrace bounds closing the Socket Mode connection.
	socketCloseGrace = 2 * time.Second
	readyTimeout     = 2 * time.Second
	apiClientTimeout = 10 * time.Second
)

// Bot serves one Slack app. Build it with New, then call Run.
type Bot struct {
	svc      *commands.Service
	ready    func(ctx context.Context) error
	log      *slog.Logger
	addr     string
	teamID   string
	appToken string
	verify   *verifier
	registry *prometheus.Registry
	metrics  *metrics
	api      slackAPI
	client   *slack.Client // the same client as api, for Socket Mode
	http     *http.Client  // posts to response_url
	seen     *seenSet      // envelope and event IDs already handled
	health   *readiness
	locales  *localeCache // users' Slack locales, for their reply language

	// work tracks goroutines that outlive the request which started them
	// (replies to response_url, modal confirmations, App Home), so a shutdown
	// can let them finish.
	work *tracker
	// workCtx bounds that work; it is cancelled only after the shutdown grace.
	workCtx  context.Context
	stopWork context.CancelFunc

	// fastWait is fastReplyWait, shortened in tests.
	fastWait time.Duration

	// channelLang is the language of posts everyone in a channel sees.
	channelLang commands.Lang
	// grace is Config.ShutdownGrace or shutdownGrace.
	grace time.Duration
}

// New checks cfg and builds a Bot. Errors name the environment variable to fix.
// It is long because it checks and defaults every Config field in turn;
// each check is a line or two and names the variable to fix.
func New(cfg Config) (*Bot, error) {
	if cfg.Service == nil {
		return nil, errors.New("bot: no command service configured")
	}
	if strings.TrimSpace(cfg.BotToken) == "" {
		return nil, errors.New("bot: SLACK_BOT_TOKEN is required (the xoxb-… token under OAuth & Permissions)")
	}
	if cfg.AppToken == "" && strings.TrimSpace(cfg.SigningSecret) == "" {
		return nil, errors.New("bot: SLACK_SIGNING_SECRET is required in HTTP mode (Basic Information → App Credentials); " +
			"or set SLACK_APP_TOKEN (xapp-…) to use Socket Mode")
	}
	if cfg.APIURL != "" && !strings.HasSuffix(cfg.APIURL, "/") {
		return nil, errors.New(`bot: SLACK_API_URL must end with "/"`)
	}
	b := &Bot{
		svc:      cfg.Service,
		ready:    cfg.Ready,
		log:      cfg.Logger,
		addr:     cfg.Addr,
		teamID:   cfg.TeamID,
		appToken: cfg.AppToken,
		registry: cfg.Registry,
		http:     slackpost.HTTPClient(apiClientTimeout),
		seen:     newSeenSet(10*time.Minute, 10000),
		work:     &tracker{},
		fastWait: fastReplyWait,
		grace:    cfg.ShutdownGrace,
	}
	if b.grace <= 0 {
		b.grace = shutdownGrace
	}
	if b.log == nil {
		b.log = slog.Default()
	}
	// Whatever logger it is given, the bot never logs a response_url or token.
	b.log = slog.New(RedactingHandler(b.log.Handler()))
	if b.addr == "" {
		b.addr = defaultAddr
	}
	if b.registry == nil {
		b.registry = prometheus.NewRegistry()
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	b.verify = newVerifier(cfg.SigningSecret, now)
	b.locales = newLocaleCache(localeCacheMax, now)
	b.svc = b.svc.WithPeople(slackNames{b}) // replies name people as Slack does
	b.channelLang = cfg.ChannelLanguage
	if b.channelLang == "" {
		b.channelLang = cfg.Service.Language()
	}
	m, err := newMetrics(b.registry)
	if err != nil {
		return nil, err
	}
	b.metrics = m
	b.health = &readiness{check: b.ready, log: b.log}
	opts := []slack.Option{slack.OptionHTTPClient(slackpost.HTTPClient(apiClientTimeout))}
	if cfg.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	b.client = slackpost.WatchedSlackClient(cfg.BotToken, cfg.APIURL, b.onRateLimit, opts...)
	b.api = b.client
	b.workCtx, b.stopWork = context.WithCancel(context.Background())
	return b, nil
}

// Handler returns every HTTP route of the bot: the Slack endpoints, health
// checks and metrics.
func (b *Bot) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /slack/commands", b.verify.wrap(maxBodyBytes, b.serveCommand))
	mux.Handle("POST /slack/interactions", b.verify.wrap(maxViewBodyBytes, b.serveInteraction))
	mux.Handle("POST /slack/events", b.verify.wrap(maxViewBodyBytes, b.serveEvent))
	mux.HandleFunc("GET /healthz", serveHealthz)
	mux.Handle("GET /readyz", b.health)
	mux.Handle("GET /metrics", promhttp.HandlerFor(b.registry, promhttp.HandlerOpts{Registry: b.registry}))
	return mux
}

// teamAllowed reports whether a request from the workspace may be served.
func (b *Bot) teamAllowed(team string) bool {
	return b.teamID == "" || team == b.teamID
}

// lang is the language of the bot's own labels, the same as the replies':
// the caller's, on the copy forUser returns.
func (b *Bot) lang() commands.Lang { return b.svc.Language() }

// msg renders catalogue message id for the bot's own labels (form, App Home,
// notices) in the language of the replies, with name, value argument pairs.
func (b *Bot) msg(id string, kv ...any) string { return b.svc.Printer(b.lang()).T(id, kv...) }
