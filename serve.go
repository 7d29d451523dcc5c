package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"jobsbot/bot"
)

// runServe runs the Slack bot until ctx is cancelled (SIGTERM or Ctrl-C).
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
	b, err := bot.New(bot.Config{
		Service:       newService(cfg, store, logger, cfg.Managers),
		Ready:         store.Ping,
		BotToken:      cfg.SlackBotToken,
		AppToken:      cfg.SlackAppToken,
		SigningSecret: cfg.SlackSigningSecret,
		TeamID:        cfg.SlackTeamID,
		APIURL:        cfg.SlackAPIURL,
		Addr:          cfg.Addr,
		Logger:        logger,
		Registry:      registry,
	})
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	logger.Info("jobsbot serving", "addr", cfg.Addr, "socket_mode", cfg.SlackAppToken != "")
	return b.Run(ctx)
}
