package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/export"
)

// runExport implements `jobsbot export --format xlsx|csv --year 2026
// --as-of 2026-04-30 --what report|entries -o FILE`: the file `/jobs export` sends in Slack,
// written to disk. It writes a temporary file beside FILE and renames it
// into place, so a failure never leaves half a file under the real name.
func runExport(ctx context.Context, cfg config, logger *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlagSet("export")
	format := fs.String("format", "xlsx", "xlsx or csv")
	year := fs.Int("year", 0, "the year to export; default this year")
	what := fs.String("what", "report", "report (every view) or entries (one row per entry)")
	all := fs.Bool("all", false, "entries of every year, not only --year's")
	asOfText := fs.String("as-of", "", "the report date, e.g. 2026-04-30 or 4월말: no figure after it, 누계 and 달성률 through it, "+
		"the targets in force on it, 전년 동기 to the same day a year earlier; default today for this year, 31 December for a past one")
	unit := fs.String("unit", "", "the 작성 부서 printed above the report; default REPORT_UNIT")
	out := fs.String("o", "", "the file to write (required)")
	today := fs.String("today", "", "pretend today is this date (YYYY-MM-DD), to replay a console session")
	langFlag := fs.String("lang", "ko", "language of the file's words and of the summary printed, ko or en")
	const flags = "flags: --format xlsx|csv, --year 2026, --as-of 2026-04-30, --what report|entries, --all, --unit 부서, --today YYYY-MM-DD, --lang ko|en, -o FILE"
	if err := parseFlags(fs, args, flags); err != nil {
		return err
	}
	// The summary was English whatever the reader (review r43 A5): the
	// language is chosen as import's is, Korean unless --lang en.
	lang, err := parseLanguage("--lang", *langFlag)
	if err != nil {
		return flagError{err}
	}
	now, err := todayClock(*today, cfg.Location)
	if err != nil {
		return err
	}
	switch {
	case *out == "":
		return flagError{fmt.Errorf("-o FILE is required (%s)", flags)}
	case *format != string(commands.FormatXLSX) && *format != string(commands.FormatCSV):
		return flagError{fmt.Errorf("--format %q: use xlsx or csv", *format)}
	case *what != string(commands.ExportReport) && *what != string(commands.ExportEntries):
		return flagError{fmt.Errorf("--what %q: use report or entries", *what)}
	case *year != 0 && (*year < 2000 || *year > 2100):
		return flagError{fmt.Errorf("--year %d: give a year such as 2026", *year)}
	}
	var asOf time.Time
	if *asOfText != "" {
		today := dates.Today(now(), cfg.Location)
		d, err := dates.Parse(*asOfText, today)
		switch {
		case err != nil:
			return flagError{fmt.Errorf("--as-of %q: give a date such as 2026-04-30", *asOfText)}
		case d.After(today):
			// Written as of today instead, the file's title said so but
			// nothing else did (review r27 F16).
			return flagError{fmt.Errorf("--as-of %s is after today (%s): a report runs through today at the latest. Leave out --as-of for today's, or rehearse a later day with --today",
				d.Format(time.DateOnly), today.Format(time.DateOnly))}
		case *year != 0 && d.Year() != *year:
			return flagError{fmt.Errorf("--as-of %s is not in --year %d", d.Format(time.DateOnly), *year)}
		}
		asOf, *year = d, d.Year()
	}
	store, err := openStore(ctx, cfg.DatabaseURL, cfg.CreateDatabase)
	if err != nil {
		return err
	}
	defer store.Close()
	sc := serviceConfig(cfg, store, logger)
	sc.Now, sc.Language = now, lang
	sc.Exporter = export.New(store, cfg.Location)
	svc := commands.New(sc)
	req := commands.ExportRequest{Format: commands.ExportFormat(*format), Year: *year, What: commands.ExportWhat(*what),
		AllYears: *all, AsOf: asOf, Unit: *unit}
	return writeExport(ctx, svc, req, *out, stdout)
}

// writeExport writes the export to path through a temporary file beside it.
func writeExport(ctx context.Context, svc *commands.Service, req commands.ExportRequest, path string, stdout io.Writer) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	_, summary, err := svc.ExportTo(ctx, tmp, req)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	_, err = fmt.Fprintf(stdout, "%s\n%s\n", path, summary)
	return err
}
