package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"

	"jobsbot/commands"
)

// consoleUser is who the console acts as unless --user says otherwise.
const consoleUser = commands.ConsoleUser

// runConsole reads one /jobs command per line and prints each reply followed
// by a blank line, through the same handlers and database as Slack.
func runConsole(ctx context.Context, cfg config, logger *slog.Logger, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlagSet("console")
	user := fs.String("user", consoleUser, "the user ID commands run as")
	manager := fs.Bool("manager", false, "run as a manager (targets, programs, voiding others' entries)")
	demo := fs.Bool("demo", false, "use a fresh demo database loaded with the article's April figures")
	today := fs.String("today", "", "pretend today is this date (YYYY-MM-DD), to rehearse or replay a session")
	lang := fs.String("lang", "", "reply language for this session, ko or en; default BOT_LANGUAGE")
	if err := fs.Parse(args); err != nil {
		return flagError{fmt.Errorf("%w (flags: --user ID, --manager, --demo, --today YYYY-MM-DD, --lang ko|en)", err)}
	}
	if *lang != "" {
		// The session's default, as BOT_LANGUAGE would be: a language the
		// console user stored with `/jobs lang` still wins, as in Slack.
		l, err := parseLanguage("--lang", *lang)
		if err != nil {
			return flagError{err}
		}
		cfg.Language = l
	}
	if fs.NArg() > 0 {
		return flagError{fmt.Errorf("unexpected %q: commands are read from standard input, e.g. printf '/jobs status\\n' | jobsbot console", fs.Arg(0))}
	}
	store, err := openLedger(ctx, cfg, *demo)
	if err != nil {
		return err
	}
	defer store.Close()
	sc := serviceConfig(cfg, store, logger)
	if *today != "" {
		clock, err := todayClock(*today, cfg.Location)
		if err != nil {
			return err
		}
		sc.Now = clock
	}
	if *manager {
		sc.Managers = append(slices.Clone(sc.Managers), *user)
	}
	svc := commands.New(sc)
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
	return consoleLoop(ctx, svc, caller, stdin, stdout, interactive)
}

// maxConsoleLine bounds one console line in memory. Longer lines (a pasted
// file, a runaway script) are refused and skipped, and the lines after them
// still run.
const maxConsoleLine = 1 << 20

// consoleLoop runs each line of stdin as a command and prints its reply and a
// blank line, until the input ends or ctx is cancelled.
func consoleLoop(ctx context.Context, svc *commands.Service, caller commands.Caller, stdin io.Reader, stdout io.Writer, interactive bool) error {
	in := bufio.NewReaderSize(stdin, 64*1024)
	for ctx.Err() == nil {
		if interactive {
			fmt.Fprint(stdout, "jobs> ")
		}
		raw, tooLong, err := readLine(in, maxConsoleLine)
		if tooLong {
			fmt.Fprintf(stdout, "%s\n\n", svc.Printer("").T("cli.line_too_long"))
		} else if line := strings.TrimSpace(raw); line != "" && !strings.HasPrefix(line, "#") {
			fmt.Fprintf(stdout, "%s\n\n", svc.Handle(ctx, caller, line).Text())
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading commands: %w", err)
		}
	}
	return nil
}

// readLine reads one line without its end. A line longer than max is read to
// its end and dropped (tooLong), so memory stays bounded. err is io.EOF after
// the last line.
func readLine(in *bufio.Reader, max int) (line string, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := in.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+1 { // +1: the newline itself
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) && (len(buf) > 0 || tooLong) {
			err = nil // a last line without a newline still runs; the next call says EOF
		}
		return strings.TrimSuffix(string(buf), "\n"), tooLong, err
	}
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
