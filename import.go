package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
	"jobsbot/importer"
)

// errImportRefused is what a refused file's error is (errors.Is): `jobsbot
// import` exits 1 after printing the problems.
var errImportRefused = errors.New("the file was not imported")

// importRefused is the error of a refused file, saying so in the preview's
// language (review r43 A5: a Korean preview ended in English).
func importRefused(lang commands.Lang) error {
	return refusedImport(i18n.Default().Printer(lang).T("agree2.import_refused"))
}

// refusedImport is a refused file's ending, printed as it is.
type refusedImport string

func (e refusedImport) Error() string        { return string(e) }
func (e refusedImport) Is(target error) bool { return target == errImportRefused }

// runImport implements `jobsbot import [--dry-run] FILE`: it reads the
// entries sheet or CSV, the report workbook or a department template,
// prints a preview (rows per program and month, what is added, every
// problem by line) and, without --dry-run, applies it in one transaction.
func runImport(ctx context.Context, cfg config, logger *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlagSet("import")
	dryRun := fs.Bool("dry-run", false, "preview only: read and check the file, write nothing")
	want := fs.String("what", "", "entries or report: which sheet of a workbook holding both; default the entries sheet")
	year := fs.Int("year", 0, "the report's year when its title does not give one")
	by := fs.String("by", "cli", "who imports, recorded with each entry")
	today := fs.String("today", "", "pretend today is this date (YYYY-MM-DD), to replay a console session")
	langFlag := fs.String("lang", "ko", "language of the preview and of any failure, ko or en")
	const flags = "flags: [--dry-run] [--what entries|report] [--year 2025] [--by NAME] [--today YYYY-MM-DD] [--lang ko|en] FILE"
	var files []string
	for {
		if err := parseFlags(fs, args, flags); err != nil {
			var fe flagError
			if !errors.As(err, &fe) || fs.NArg() == 0 {
				return err
			}
		}
		if fs.NArg() == 0 {
			break
		}
		files, args = append(files, fs.Arg(0)), fs.Args()[1:]
	}
	switch {
	case len(files) != 1:
		return flagError{fmt.Errorf("give one FILE (%s)", flags)}
	case *want != "" && *want != string(commands.ImportEntries) && *want != string(commands.ImportReport):
		return flagError{fmt.Errorf("--what %q: use entries or report", *want)}
	}
	lang, err := parseLanguage("--lang", *langFlag)
	if err != nil {
		return flagError{err}
	}
	now, err := todayClock(*today, cfg.Location)
	if err != nil {
		return err
	}
	data, err := readCapped(files[0], importer.DefaultLimits().FileBytes)
	if err != nil {
		return err
	}
	// A storage failure prints what happened in the reader's words, never
	// the driver's error text (review r42 B3), which goes to the log.
	failed := func(err error) error {
		logger.Error("import failed", "file", filepath.Base(files[0]), "dry_run", *dryRun, "err", err)
		return importFailed(commands.ImportFailureText(err, *dryRun, lang))
	}
	store, err := openStore(ctx, cfg.DatabaseURL, cfg.CreateDatabase)
	if err != nil {
		return failed(err)
	}
	defer store.Close()
	svc := importer.Service{Store: store, Today: func() time.Time { return dates.Today(now(), cfg.Location) },
		Want: commands.ImportKind(*want), Year: *year, Location: cfg.Location, Now: now}
	file, problems, err := svc.Read(ctx, filepath.Base(files[0]), data, *by)
	if err != nil {
		return failed(fmt.Errorf("read %s: %w", files[0], err))
	}
	var res commands.ImportResult
	if len(problems) == 0 {
		if res, err = svc.Import(ctx, file, *dryRun); err != nil {
			return failed(err)
		}
	}
	fmt.Fprint(stdout, commands.ImportPreview(file, problems, res, *dryRun, lang))
	// A refused file is logged as refused, with nothing written (review
	// r38 M5: a file refused on a late row logged the rows applied before
	// it, then rolled back, as added).
	if n := len(problems) + len(res.Problems); n > 0 {
		logger.Info("import refused", "file", file.Name, "kind", cmp.Or(file.Kind, res.Kind), "rows", max(len(file.Rows), res.Rows),
			"problems", n, "added", 0, "dry_run", *dryRun)
		return importRefused(lang)
	}
	logger.Info("import", "file", file.Name, "kind", cmp.Or(file.Kind, res.Kind), "rows", max(len(file.Rows), res.Rows), "added", res.Added, "dry_run", *dryRun)
	return nil
}

// importFailed is a failed import's message, printed as it is.
type importFailed string

func (e importFailed) Error() string { return string(e) }

// readCapped reads a file, refusing one larger than limit before reading it.
func readCapped(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("%s is %d bytes; files over %d bytes are refused", path, info.Size(), limit)
	}
	return io.ReadAll(io.LimitReader(f, limit+1))
}
