package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"jobsbot/bot"
	"jobsbot/bot/digest"
	"jobsbot/commands/dates"
	"jobsbot/export"
	"jobsbot/importer"
)

// runServe runs the Slack bot until ctx is cancelled (SIGTERM or Ctrl-C).
// It stays one function because its defers must run in this order at
// shutdown: scheduler and reminders stop before the database closes.
func runServe(ctx context.Context, cfg config, logger *slog.Logger) error {
	store, err := openStore(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer store.Close()
	registry := prometheus.NewRegistry()
	registry.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(store.DB().DB, "jobsbot"),
	)
	svc := newService(cfg, store, logger, cfg.Managers)
	if cfg.DigestChannel != "" {
		poster, err := digest.NewPoster(digest.Config{
			Service: svc, Ledger: store, Channel: cfg.DigestChannel, Language: cfg.DigestLanguage, Logger: logger, Registerer: registry,
			Slack: digest.NewSlackClient(cfg.SlackBotToken, cfg.SlackAPIURL),
		})
		if err != nil {
			return fmt.Errorf("configuration: %w", err)
		}
		sched, err := digest.NewScheduler(digest.SchedulerConfig{Poster: poster, Schedule: cfg.DigestSchedule, Location: cfg.Location,
			Logger: logger, StopGrace: cfg.ShutdownGrace})
		if err != nil {
			return fmt.Errorf("configuration: %w", err)
		}
		// Start stops the scheduler itself when ctx ends, side by side with
		// the bot's own shutdown. Stop is deferred after store.Close, so it
		// runs first: it waits until a digest in flight has recorded its
		// outcome, and only then does the database close.
		sched.Start(ctx)
		defer sched.Stop()
		svc = svc.WithDigestPoster(poster)
	}
	svc = svc.WithFiles(export.New(store, cfg.Location), bot.NewFileSender(cfg.SlackBotToken, cfg.SlackAPIURL, logger))
	svc = svc.WithImports(bot.NewFileFetcher(cfg.SlackBotToken, cfg.SlackAPIURL),
		importer.Service{Store: store, Today: func() time.Time { return dates.Today(time.Now(), cfg.Location) }})
	if !cfg.RemindersOff && cfg.SlackBotToken != "" {
		sender, err := newReminderSender(cfg, svc, store, logger)
		if err != nil {
			return fmt.Errorf("configuration: %w", err)
		}
		rctx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); sender.Run(rctx, reminderTick) }()
		// Deferred after store.Close, so it runs first: a round in flight
		// records its outcome before the database closes.
		defer func() { stop(); <-done }()
		svc = svc.WithReminderSender(sender)
	}
	b, err := bot.New(bot.Config{
		Service:         svc,
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
	logger.Info("jobsbot serving", "addr", cfg.Addr, "socket_mode", cfg.SlackAppToken != "")
	return b.Run(ctx)
}
