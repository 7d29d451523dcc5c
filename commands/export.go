package commands

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"jobsbot/commands/numbers"
)

// ExportFormat is the file type of an export.
type ExportFormat string

// Export formats.
const (
	FormatXLSX ExportFormat = "xlsx"
	FormatCSV  ExportFormat = "csv"
)

// ExportWhat is what an export holds.
type ExportWhat string

// Export contents: the report (in xlsx, every view on its own sheet) or the
// entries, one row each, voided ones included and marked.
const (
	ExportReport  ExportWhat = "report"
	ExportEntries ExportWhat = "entries"
)

// ExportRequest says which file to build.
type ExportRequest struct {
	Format ExportFormat
	Year   int
	What   ExportWhat
	AsOf   time.Time // the report date: 누계 counts through it
	Lang   Lang
	// AllYears puts every year's entries in the entries sheet or CSV, not
	// only Year's (the command line's --all, for an archive of the ledger).
	AllYears bool
}

// FileName is the name the file is delivered under; ASCII, so every mail
// client and file system keeps it intact.
func (r ExportRequest) FileName() string {
	return fmt.Sprintf("jobs-%s-%d.%s", r.What, r.Year, r.Format)
}

// ExportSummary is what an exporter wrote, for the one-line summary.
type ExportSummary struct {
	Entries int   // entry rows written, voided ones included
	Voided  int   // of which voided
	Jobs    int64 // realised jobs through AsOf (the report's total)
	Target  int64 // the year's target, 0 if none
}

// Exporter writes export files. Package export implements it with a
// spreadsheet library the core does not need to know about.
type Exporter interface {
	Export(ctx context.Context, w io.Writer, req ExportRequest) (ExportSummary, error)
}

// File is a finished export on its way to a user.
type File struct {
	Name    string
	Title   string
	Size    int64
	Body    io.Reader
	Summary string // one line shown with the file
}

// FileSender hands a file to the user who asked for it; the Slack transport
// implements it as a direct-message upload. It either delivers the whole
// file or shares nothing.
type FileSender interface {
	SendFile(ctx context.Context, userID string, f File) error
}

// WithFiles returns a Service whose `export` builds files with e and sends
// them with f; either may be nil (the command then says what is missing).
func (s *Service) WithFiles(e Exporter, f FileSender) *Service {
	c := *s
	c.exporter, c.sender = e, f
	return &c
}

var (
	formatWords = vocab[ExportFormat]{"vocab.format", []word[ExportFormat]{
		{FormatXLSX, []string{"excel", "xls"}},
		{FormatCSV, nil},
	}}
	exportWhatWords = vocab[ExportWhat]{"vocab.export", []word[ExportWhat]{
		{ExportReport, []string{"월별실적", "summary"}},
		{ExportEntries, []string{"entry", "실적", "실적명세", "ledger", "원장"}},
	}}
)

// parseExport reads `export [xlsx|csv] [year] [entries|report]` in any order.
func parseExport(cmd *Command, ts []token, today time.Time) error {
	ts = takePeriod(cmd, ts, today)
	cmd.Export = ExportRequest{Format: FormatXLSX, What: ExportReport}
	for _, t := range ts {
		if f, ok := lookup(formatWords, t.text); ok && !t.quoted {
			cmd.Export.Format = f
			continue
		}
		if w, ok := lookup(exportWhatWords, t.text); ok && !t.quoted {
			cmd.Export.What = w
			continue
		}
		return usageErr(cmd.Name, "export.is_not_format_xlsx", "Text", t.text)
	}
	switch {
	case cmd.Period != nil:
		cmd.Export.Year = cmd.Period.From.Year()
	case cmd.Opts.Year != 0:
		cmd.Export.Year = cmd.Opts.Year
	}
	return nil
}

// export answers `export`: builds the file and sends it to the caller.
func (s *Service) export(ctx context.Context, c Caller, cmd Command) Reply {
	if s.exporter == nil || s.sender == nil {
		return Reply{Outcome: OutcomeRefused, Title: s.msg("export.files_can_be_sent")}
	}
	// Slack's upload must be told the size first, so the file is spooled:
	// in memory when small, in TMPDIR when large (spool.go).
	buf := spool{limit: spoolMemory}
	defer buf.Close()
	req, summary, err := s.ExportTo(ctx, &buf, cmd.Export)
	if errors.Is(err, errSpoolFull) {
		s.log.ErrorContext(ctx, "export too large for memory and TMPDIR is not writable", "err", err)
		return Reply{Command: cmd.Name, Outcome: OutcomeFailed, Title: s.msg("export.too_large_to_prepare")}
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	body, err := buf.reader()
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, fmt.Errorf("export rewind: %w", err))
	}
	f := File{Name: req.FileName(), Title: s.exportTitle(req), Size: buf.size, Body: body, Summary: summary}
	if err := s.sender.SendFile(ctx, c.UserID, f); err != nil {
		s.log.ErrorContext(ctx, "sending an export failed", "file", f.Name, "err", err)
		return Reply{Outcome: OutcomeFailed, Title: s.msg("export.file_could_not_be")}
	}
	return Reply{Title: s.msg("export.sent_to_you_in", "Name", f.Name),
		Sections: []Section{{Lines: []string{f.Summary}}}}
}

// ExportTo writes the export req asks for to w and returns the request as
// run (year and report date filled in) with its one-line summary. The
// command line uses it as `export` does, so both write the same file.
func (s *Service) ExportTo(ctx context.Context, w io.Writer, req ExportRequest) (ExportRequest, string, error) {
	if s.exporter == nil {
		return req, "", fmt.Errorf("export: no exporter configured")
	}
	if req.Format == "" {
		req.Format = FormatXLSX
	}
	if req.What == "" {
		req.What = ExportReport
	}
	if req.Year == 0 {
		req.Year = s.today().Year()
	}
	req.Year, req.AsOf = s.reportSpan(Command{Opts: Options{Year: req.Year}})
	req.Lang = s.lang
	sum, err := s.exporter.Export(ctx, w, req)
	if err != nil {
		return req, "", fmt.Errorf("export: %w", err)
	}
	return req, s.exportSummary(req, sum), nil
}

// exportTitle names an export in words.
func (s *Service) exportTitle(req ExportRequest) string {
	if req.What == ExportEntries {
		return s.msg("export.jobs_entries_d", "Year", req.Year)
	}
	return s.msg("export.monthly_jobs_report_d", "Year", req.Year)
}

// exportSummary is the one line sent with a file.
func (s *Service) exportSummary(req ExportRequest, sum ExportSummary) string {
	line := s.msg("export.1_as_of_2", "Req", s.exportTitle(req), "AsOf", s.date(req.AsOf), "Jobs", s.jobs(sum.Jobs))
	if sum.Target > 0 {
		line += s.msg("export.of_target_d2", "Target", s.jobs(sum.Target), "Percent", percent(sum.Jobs, sum.Target))
	}
	if sum.Entries > 0 {
		line += s.msg("export.entries_voided_marked", "Entries", numbers.Format(int64(sum.Entries)), "Voided", numbers.Format(int64(sum.Voided)))
	} else {
		line += "."
	}
	return line
}
