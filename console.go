package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"jobsbot/commands"
)

// consoleUser is who the console acts as unless --user says otherwise.
const consoleUser = "console"

// runConsole reads one /jobs command per line and prints each reply followed
// by a blank line, through the same handlers and database as Slack.
func runConsole(ctx context.Context, cfg config, logger *slog.Logger, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlagSet("console")
	user := fs.String("user", consoleUser, "the user ID commands run as")
	manager := fs.Bool("manager", false, "run as a manager (targets, programs, voiding others' entries)")
	demo := fs.Bool("demo", false, "use a fresh demo database loaded with the article's April figures")
	today := fs.String("today", "", "pretend today is this date (YYYY-MM-DD), to rehearse or replay a session")
	if err := fs.Parse(args); err != nil {
		return flagError{fmt.Errorf("%w (flags: --user ID, --manager, --demo, --today YYYY-MM-DD)", err)}
	}
	if fs.NArg() > 0 {
		return flagError{fmt.Errorf("unexpected %q: commands are read from standard input, e.g. printf '/jobs status\\n' | jobsbot console", fs.Arg(0))}
	}
	store, err := openLedger(ctx, cfg, *demo)
	if err != nil {
		return err
	}
	defer store.Close()
	svc := newService(cfg, store, logger, cfg.Managers)
	if *today != "" {
		day, err := time.ParseInLocation("2006-01-02", *today, cfg.Location)
		if err != nil {
			return flagError{fmt.Errorf("--today %q: write the date as YYYY-MM-DD", *today)}
		}
		svc = svc.WithClock(func() time.Time { return day.Add(12 * time.Hour) })
	}
	if *manager {
		svc = svc.WithManager(*user)
	}
	caller := commands.Caller{UserID: *user, Source: commands.SourceConsole}
	if *demo {
		if err := loadDemo(ctx, svc); err != nil {
			return err
		}
	}
	interactive := isTerminal(stdin)
	if interactive {
		fmt.Fprintln(stdout, svc.Printer("").T("cli.console_greeting"))
	}
	in := bufio.NewScanner(stdin)
	in.Buffer(make([]byte, 64*1024), 1024*1024)
	for {
		if interactive {
			fmt.Fprint(stdout, "jobs> ")
		}
		if !in.Scan() {
			break
		}
		line := strings.TrimSpace(in.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		reply := svc.Handle(ctx, caller, line)
		fmt.Fprintf(stdout, "%s\n\n", reply.Text())
		if ctx.Err() != nil {
			break
		}
	}
	if err := in.Err(); err != nil {
		return fmt.Errorf("reading commands: %w", err)
	}
	return nil
}

// loadDemo fills the demo database through the same commands staff type.
func loadDemo(ctx context.Context, svc *commands.Service) error {
	demo := commands.Caller{UserID: "demo", Source: commands.SourceConsole}
	script := append(commands.DemoScript(), commands.DemoLastYear(svc.Today().Year())...)
	if err := svc.WithManager(demo.UserID).RunScript(ctx, demo, script); err != nil {
		return fmt.Errorf("loading the demo data: %w", err)
	}
	return nil
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
