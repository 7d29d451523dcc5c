package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"jobsbot/bot/digest"
	"jobsbot/bot/digest/chart"
	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/db"
)

// runDigest implements `jobsbot digest [--week 2026-W17] [--post] [--chart FILE]`:
// it prints the weekly digest as text, writes its chart to a file, or posts it
// to DIGEST_CHANNEL through the same exactly-once ledger as the scheduler, for
// a server that runs the digest from its own cron instead of `serve`.
func runDigest(ctx context.Context, cfg config, logger *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlagSet("digest")
	weekFlag := fs.String("week", "", "the ISO week to report, e.g. 2026-W17; default the last complete week")
	post := fs.Bool("post", false, "post the digest and its chart to DIGEST_CHANNEL, once per week")
	chartFile := fs.String("chart", "", "write the chart (PNG) to this file")
	demo := fs.Bool("demo", false, "use a fresh demo database loaded with the article's April figures")
	today := fs.String("today", "", "pretend today is this date (YYYY-MM-DD)")
	const flags = "flags: --week 2026-W17, --post, --chart FILE, --demo, --today YYYY-MM-DD"
	if err := parseFlags(fs, args, flags); err != nil {
		return err
	}
	now, err := todayClock(*today, cfg.Location)
	if err != nil {
		return err
	}
	week, err := digestWeek(*weekFlag, dates.Today(now(), cfg.Location))
	if err != nil {
		return err
	}
	if *post {
		// --today replays a past day; a post is real and claims its week for
		// good in digest_runs, so a week the real clock has not finished
		// would go out all zeros and then block the scheduler's true post.
		if err := postableWeek(week, dates.Today(time.Now(), cfg.Location)); err != nil {
			return err
		}
		if err := checkPostConfig(cfg); err != nil {
			return err
		}
	}

	store, err := openLedger(ctx, cfg, *demo)
	if err != nil {
		return err
	}
	defer store.Close()
	sc := serviceConfig(cfg, store, logger)
	sc.Now = now
	svc := commands.New(sc)
	if *demo {
		if err := loadDemo(ctx, svc); err != nil {
			return err
		}
	}

	if *post {
		if err := postDigest(ctx, cfg, logger, svc, store, week, stdout); err != nil {
			return err
		}
	}
	if *post && *chartFile == "" {
		return nil
	}
	d, err := svc.Digest(ctx, week)
	if err != nil {
		return fmt.Errorf("gathering the digest of %s: %w", dates.ISOWeekLabel(week), err)
	}
	// Printed and drawn as it is posted: in the channel's language.
	if !*post {
		fmt.Fprintln(stdout, svc.WithLanguage(cfg.DigestLanguage).DigestReply(d).Text())
	}
	if *chartFile != "" {
		if err := writeChart(*chartFile, d.Chart, cfg.DigestLanguage); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "\n"+svc.Printer("").T("cli.chart_written", "File", *chartFile, "Width", chart.Width, "Height", chart.Height))
	}
	return nil
}

// digestWeek is the Monday of the week --week names, or of the last complete
// week before today when it is empty; a week not yet over is refused.
func digestWeek(weekFlag string, today time.Time) (time.Time, error) {
	if weekFlag == "" {
		return dates.LastCompleteWeek(today), nil
	}
	w, err := dates.ParseISOWeek(weekFlag)
	if err != nil {
		return time.Time{}, flagError{fmt.Errorf("--week %q: write an ISO week such as 2026-W17", weekFlag)}
	}
	if !w.Before(dates.WeekStart(today)) {
		return time.Time{}, flagError{fmt.Errorf("--week %s has not ended yet; a digest covers a whole Monday-to-Sunday week", weekFlag)}
	}
	return w, nil
}

// postableWeek refuses to post a week that has not ended by the real clock
// (realToday), whatever --today pretends.
func postableWeek(week, realToday time.Time) error {
	if !week.Before(dates.WeekStart(realToday)) {
		return flagError{fmt.Errorf("--post: %s has not ended yet by the real clock (today is %s); --today only replays, and a digest is posted once per week, so posting it now would stop the real one. Leave out --post to preview it",
			dates.ISOWeekLabel(week), realToday.Format(time.DateOnly))}
	}
	return nil
}

// checkPostConfig says which setting --post still needs, if any.
func checkPostConfig(cfg config) error {
	switch {
	case cfg.SlackBotToken == "":
		return errors.New("--post needs SLACK_BOT_TOKEN (the xoxb-… token under OAuth & Permissions)")
	case cfg.DigestChannel == "":
		return errors.New("--post needs DIGEST_CHANNEL, the ID of the channel to post in (e.g. C0123456789)")
	}
	return nil
}

// postDigest posts the week through the ledger and says what happened.
func postDigest(ctx context.Context, cfg config, logger *slog.Logger, svc *commands.Service, store *db.Store, week time.Time, stdout io.Writer) error {
	poster, err := digest.NewPoster(digest.Config{
		Service: svc, Runs: store, Channel: cfg.DigestChannel, Language: cfg.DigestLanguage, Logger: logger,
		Slack: digest.NewSlackClient(cfg.SlackBotToken, cfg.SlackAPIURL),
	})
	if err != nil {
		return err
	}
	label := dates.ISOWeekLabel(week)
	res, err := poster.PostDigest(ctx, week, "cli")
	if err != nil {
		return fmt.Errorf("posting the digest of %s (nothing was posted twice; run it again to retry): %w", label, err)
	}
	id := map[commands.PostStatus]string{
		commands.PostedNow:      "cli.digest_posted",
		commands.PostedBefore:   "cli.digest_posted_before",
		commands.PostInProgress: "cli.digest_in_progress",
	}[res.Status]
	if id != "" {
		fmt.Fprintln(stdout, svc.Printer("").T(id, "Week", label, "Channel", res.Channel, "Message", res.MessageTS))
	}
	return nil
}

// writeChart writes the PNG next to its destination and renames it into
// place, so a reader never sees half a file.
func writeChart(path string, s chart.Series, lang commands.Lang) error {
	var buf bytes.Buffer
	if err := chart.Render(&buf, s, string(lang)); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".chart-*.png")
	if err != nil {
		return fmt.Errorf("writing the chart: %w", err)
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file private; a chart is meant to be shared.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("writing the chart: %w", err)
	}
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("writing the chart: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing the chart: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing the chart: %w", err)
	}
	return nil
}
