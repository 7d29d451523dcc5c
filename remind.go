package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"jobsbot/bot/remind"
	"jobsbot/bot/slackpost"
	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
	"jobsbot/db"
)

// reminderTick is how often serve checks for a due reminder round; a round
// goes out within this long of its time, and at start after downtime.
const reminderTick = time.Minute

func newReminderSender(cfg config, svc *commands.Service, store *db.Store, logger *slog.Logger) (*remind.Sender, error) {
	return remind.New(remind.Config{
		Service: svc, Runs: store, ManagersChannel: cfg.ReminderChannel, Logger: logger,
		Slack: slackpost.NewSlackClient(cfg.SlackBotToken, cfg.SlackAPIURL),
	})
}

// runRemind implements `jobsbot remind [--month 2026-11] [--round 1|2]
// [--dry-run]`: it sends a round through the same exactly-once ledger as
// serve, or with --dry-run lists who it would remind.
func runRemind(ctx context.Context, cfg config, logger *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlagSet("remind")
	monthFlag := fs.String("month", "", "the month, YYYY-MM; default this month")
	round := fs.Int("round", 0, "1 (before the month's last working day) or 2 (on it); default the current one")
	dryRun := fs.Bool("dry-run", false, "list the departments and recipients; send nothing")
	const flags = "flags: --month 2026-11, --round 1|2, --dry-run"
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *round < 0 || *round > 2 {
		return flagError{fmt.Errorf("bad arguments (%s)", flags)}
	}
	today := dates.Today(time.Now(), cfg.Location)
	month := dates.On(today.Year(), today.Month(), 1)
	if *monthFlag != "" {
		m, err := time.Parse("2006-01", *monthFlag)
		if err != nil {
			return flagError{fmt.Errorf("--month %q: write it as YYYY-MM", *monthFlag)}
		}
		month = dates.On(m.Year(), m.Month(), 1)
	}
	store, err := openStore(ctx, cfg.DatabaseURL, cfg.CreateDatabase)
	if err != nil {
		return err
	}
	defer store.Close()
	svc := commands.New(serviceConfig(cfg, store, logger))
	if *round == 0 {
		*round = commands.RoundFirst
		if _, last, err := svc.ReminderDays(ctx, month); err != nil {
			return err
		} else if !today.Before(last) {
			*round = commands.RoundLast
		}
	}
	plan, err := svc.PlanReminders(ctx, month, *round)
	if err != nil {
		return err
	}
	words := svc.Printer("")
	monthName := words.T("format.period.month", "Year", month.Year(), "Month", int(month.Month()))
	if *dryRun && plan.Closed != nil {
		// A closed month sends nothing, but its departments with no report
		// are still named, never "0 not reported" (review r20 F24).
		fmt.Fprintln(stdout, words.T("audit.reminders_closed", "Month", monthName))
		fmt.Fprintln(stdout, "  "+svc.ClosedUnreportedLine(plan))
		return nil
	}
	if *dryRun {
		fmt.Fprintln(stdout, words.T("cli.remind_plan", "Round", plan.Round, "Month", monthName,
			"Due", words.DateTime(plan.Due), "Count", len(plan.Silent), i18n.PluralCount, len(plan.Silent)))
		for _, d := range plan.Silent {
			to := strings.TrimSpace(strings.Join(append(append([]string{}, d.Reporters...), d.Channel), " "))
			if to == "" { // said, not left blank: the reply to `remind preview` says the same
				to = words.T("reminders.no_reporters_or_channel", "Name", d.Name)
			}
			fmt.Fprintf(stdout, "  %s → %s\n", d.Name, to)
		}
		return nil
	}
	if cfg.SlackBotToken == "" {
		return fmt.Errorf("SLACK_BOT_TOKEN is empty: reminders cannot be sent (use --dry-run to list them)")
	}
	sender, err := newReminderSender(cfg, svc, store, logger)
	if err != nil {
		return err
	}
	res, err := sender.SendReminders(ctx, plan)
	fmt.Fprintln(stdout, words.T("cli.remind_sent", "Round", plan.Round, "Month", monthName,
		"Sent", res.Sent, "Already", res.Already, "NoContact", res.NoContact, i18n.PluralCount, res.NoContact))
	if err != nil {
		return fmt.Errorf("some reminders failed (none was sent twice; run it again to retry): %w", err)
	}
	return nil
}
