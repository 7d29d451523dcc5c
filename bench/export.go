package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"jobsbot/commands"
	"jobsbot/export"
)

// runExport answers `bench export`: one export of the whole ledger, in
// process, through the same code `/jobs export` runs, then this process's
// peak resident memory. The process does nothing else, so its VmHWM is the
// export's footprint plus the Go runtime.
func runExport(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("bench export",
		"Usage: bench export -db URL [-format xlsx|csv] [-what entries|report] [-c 24 [-users 1] [-slots 2] [-adders 4]]\n\n"+
			"Writes the export to a temporary file (deleted after), then prints its size, the time taken\n"+
			"and this process's peak resident memory (VmHWM). With -c, sends that many `/jobs export`\n"+
			"commands at once through the bot's own limits while other users add entries, and prints\n"+
			"how many ran, how many were told to wait, the adds' latencies alone and during the exports,\n"+
			"and VmHWM. Flags:")
	dbURL := fs.String("db", defaultDB, "database URL, e.g. one filled by bench fill")
	format := fs.String("format", "xlsx", "xlsx or csv")
	what := fs.String("what", "entries", "entries (every entry of every year) or report (every sheet, this year's entries)")
	var load exportLoad
	exportLoadFlags(fs, &load)
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if *format != "xlsx" && *format != "csv" || *what != "entries" && *what != "report" {
		return usageError{errors.New("-format is xlsx or csv, -what is entries or report")}
	}
	if load.concurrent > 0 {
		return runExportLoad(ctx, *dbURL, *format, *what, load, stdout)
	}
	store, err := openMigrated(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer store.Close()
	svc := commands.New(commands.Config{Store: store, Logger: slog.New(slog.DiscardHandler), Exporter: export.New(store, nil)})
	tmp, err := os.CreateTemp("", "bench-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	req := commands.ExportRequest{Format: commands.ExportFormat(*format), What: commands.ExportWhat(*what), AllYears: *what == "entries"}
	start := time.Now()
	_, summary, err := svc.ExportTo(ctx, tmp, req)
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	size, err := tmp.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "export %s %s: %.1f MB in %s\n%s\n", *what, *format, float64(size)/1e6, elapsed.Round(time.Millisecond), summary)
	return printMem(stdout, os.Getpid())
}
