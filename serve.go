package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"jobsbot/bot"
	"jobsbot/bot/digest"
	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/db"
	"jobsbot/export"
	"jobsbot/importer"
)

// runServe runs the Slack bot until ctx is cancelled (SIGTERM or Ctrl-C).
// It stays one function because its defers must run in this order at
// shutdown: scheduler and reminders stop before the database closes.
func runServe(ctx context.Context, cfg config, logger *slog.Logger) error {
	build := readBuildInfo()
	logger.Info("jobsbot starting", "version", build.Version, "commit", build.Commit, "go", build.GoVersion,
		"schema", db.LatestSchema())
	registry := prometheus.NewRegistry()
	var opened atomic.Pointer[db.Store] // set once the database answers
	registry.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		buildInfoMetric(build),
		databaseUpMetric(&opened),
	)
	store, err := openWhenReachable(ctx, cfg.DatabaseURL, cfg.CreateDatabase, cfg.Addr, logger, registry)
	if err != nil {
		return err
	}
	defer store.Close()
	opened.Store(store)
	registry.MustRegister(collectors.NewDBStatsCollector(store.DB().DB, "jobsbot"))
	// Construction runs one way: the digest poster and the reminder sender
	// come first, wording what they post with a Service of their own (one
	// that cannot post), and the Service that answers commands is built last
	// with them. people gets the bot's users.info names once the bot exists,
	// so their channel posts name people too.
	people := &laterNames{}
	sc := serviceConfig(cfg, store, logger)
	sc.People = people
	words := commands.New(sc)
	if cfg.DigestChannel != "" {
		poster, err := digest.NewPoster(digest.Config{
			Service: words, Runs: store, Channel: cfg.DigestChannel, Language: cfg.DigestLanguage, Logger: logger, Registerer: registry,
			Slack: digest.NewSlackClient(cfg.SlackBotToken, cfg.SlackAPIURL),
		})
		if err != nil {
			return fmt.Errorf("configuration: %w", err)
		}
		sched, err := digest.NewScheduler(digest.SchedulerConfig{Poster: poster, Schedule: cfg.DigestSchedule, Location: cfg.Location,
			Logger: logger, StopGrace: cfg.ShutdownGrace,
			FirstRun: func(ctx context.Context, now time.Time) (time.Time, error) {
				return store.DigestFirstRun(ctx, cfg.DigestChannel, now)
			}})
		if err != nil {
			return fmt.Errorf("configuration: %w", err)
		}
		// Start stops the scheduler itself when ctx ends, side by side with
		// the bot's own shutdown. Stop is deferred after store.Close, so it
		// runs first: it waits until a digest in flight has recorded its
		// outcome, and only then does the database close.
		sched.Start(ctx)
		defer sched.Stop()
		sc.DigestPoster = poster
	}
	files := bot.NewFileSender(cfg.SlackBotToken, cfg.SlackAPIURL, logger)
	if err := files.CountFailures(registry); err != nil {
		return err
	}
	sc.Exporter, sc.FileSender = export.New(store, cfg.Location), files
	sc.FileFetcher = bot.NewFileFetcher(cfg.SlackBotToken, cfg.SlackAPIURL)
	sc.FileImporter = importer.Service{Store: store, Today: func() time.Time { return dates.Today(time.Now(), cfg.Location) }, Location: cfg.Location,
		Limits: importer.SlackLimits(), RowCap: importer.SlackRowCap}
	if !cfg.RemindersOff && cfg.SlackBotToken != "" {
		sender, err := newReminderSender(cfg, words, store, logger)
		if err != nil {
			return fmt.Errorf("configuration: %w", err)
		}
		rctx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); sender.Run(rctx, reminderTick) }()
		// Deferred after store.Close, so it runs first: a round in flight
		// records its outcome before the database closes.
		defer func() { stop(); <-done }()
		sc.ReminderSender = sender
	}
	b, err := bot.New(bot.Config{
		Service:         commands.New(sc),
		Ready:           store.Ping,
		BotToken:        cfg.SlackBotToken,
		AppToken:        cfg.SlackAppToken,
		SigningSecret:   cfg.SlackSigningSecret,
		TeamID:          cfg.SlackTeamID,
		APIURL:          cfg.SlackAPIURL,
		Addr:            cfg.Addr,
		Logger:          logger,
		Registry:        registry,
		ChannelLanguage: cfg.DigestLanguage,
		ShutdownGrace:   cfg.ShutdownGrace,
	})
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	people.set(b.People())
	logger.Info("jobsbot serving", "addr", cfg.Addr, "socket_mode", cfg.SlackAppToken != "", "version", build.Version, "commit", build.Commit)
	return b.Run(ctx)
}

// buildInfoMetric is jobsbot_build_info: always 1, its labels say which
// build runs, so a dashboard shows a rollout (and a rollback) as it happens.
func buildInfoMetric(b buildInfo) prometheus.Collector {
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "jobsbot_build_info",
		Help:        "The running build: version, commit and Go version as labels; the value is always 1.",
		ConstLabels: prometheus.Labels{"version": b.Version, "commit": b.Commit, "goversion": b.GoVersion},
	})
	g.Set(1)
	return g
}

// databaseUpMetric is jobsbot_database_up: 1 when the database answers a
// ping at scrape time, 0 while it does not or before it first answered.
func databaseUpMetric(opened *atomic.Pointer[db.Store]) prometheus.Collector {
	return prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "jobsbot_database_up",
		Help: "Whether PostgreSQL answered a ping when scraped (1) or not (0).",
	}, func() float64 {
		store := opened.Load()
		if store == nil {
			return 0
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if store.Ping(ctx) != nil {
			return 0
		}
		return 1
	})
}

// laterNames is a commands.PeopleNames whose source is set once the bot
// exists; until then people are shown by ID.
type laterNames struct {
	src atomic.Pointer[commands.PeopleNames]
}

func (l *laterNames) set(p commands.PeopleNames) { l.src.Store(&p) }

// NameOf implements commands.PeopleNames.
func (l *laterNames) NameOf(ctx context.Context, userID string) string {
	if p := l.src.Load(); p != nil {
		return (*p).NameOf(ctx, userID)
	}
	return userID
}
