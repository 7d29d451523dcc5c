package commands

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
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
	// AsOf is the report date: no figure after it, 누계 and 달성률 through
	// it, the targets in force on it. Zero means the year's default: today
	// for the current year, 31 December for a past one.
	AsOf time.Time
	Lang Lang
	// Unit is the 작성 부서 printed above the report: the caller's
	// department, else REPORT_UNIT; "" leaves it out.
	Unit string
	// Made is the 작성일 printed above the report (today in the city).
	Made time.Time
	// AllYears puts every year's entries in the entries sheet or CSV, not
	// only Year's (the command line's --all, for an archive of the ledger).
	AllYears bool
	// Names names the people in the entries export beside their IDs; nil
	// shows the IDs (ExportTo sets the Service's).
	Names PeopleNames
}

// FileName is the name the file is delivered under, the way a unit saves
// it: 2026년_일자리사업_추진실적_4월말.xlsx in Korean (Slack and every
// current file system keep Hangul intact), jobs-report-2026-as-of-2026-04-30.xlsx
// in English.
func (r ExportRequest) FileName() string {
	if r.Lang != Korean {
		return fmt.Sprintf("jobs-%s-%d-as-of-%s.%s", r.What, r.Year, r.AsOf.Format(time.DateOnly), r.Format)
	}
	what := "추진실적"
	if r.What == ExportEntries {
		what = "실적명세"
	}
	return fmt.Sprintf("%d년_일자리사업_%s_%s.%s", r.Year, what, SpanWord(r.AsOf), r.Format)
}

// SpanWord names the span a report covers by its date, as a unit's file
// names and titles do: "4월말" for the last day of April, "4월15일" otherwise.
func SpanWord(asOf time.Time) string {
	if asOf.AddDate(0, 0, 1).Day() == 1 {
		return fmt.Sprintf("%d월말", asOf.Month())
	}
	return fmt.Sprintf("%d월%d일", asOf.Month(), asOf.Day())
}

// ExportSummary is what an exporter wrote, for the one-line summary.
type ExportSummary struct {
	Entries int   // entry rows written, voided ones included
	Voided  int   // of which voided
	Jobs    int64 // realised jobs through AsOf (the report's total)
	// JobsApprox says Jobs carries 여, as the report's 합계 shows it
	// (review r13 W9: the summary said 7,720개 beside a 7,720여 report).
	JobsApprox bool
	Target     int64 // the year's target, 0 if none
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

// parseExport reads `export [xlsx|csv] [year|date] [entries|report]` in any
// order; a date (4월말, 2026-04-30) is the report date, as for `report`.
func parseExport(cmd *Command, ts []token, today time.Time) error {
	ts, err := takePeriod(cmd, ts, today)
	if err != nil {
		return err
	}
	cmd.Export = ExportRequest{Format: FormatXLSX, What: ExportReport}
	for _, t := range ts {
		if d, err := dates.Parse(t.text, today); err == nil && cmd.Period == nil && !t.quoted {
			p := dates.Period{Label: t.text, From: dates.On(d.Year(), time.January, 1), To: d, Through: true}
			cmd.Period = &p
			continue
		}
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
		cmd.Export.Year, cmd.Export.AsOf = cmd.Period.From.Year(), cmd.Period.To
	case cmd.Opts.Year != 0:
		cmd.Export.Year = cmd.Opts.Year
	}
	return nil
}

// consoleExportArgs are the flags of `jobsbot export` that write the file
// the console was asked for: format, year, as-of date and content. The
// flag takes an ISO date, as command-line flags do.
func (s *Service) consoleExportArgs(req ExportRequest) string {
	year := req.Year
	if year == 0 {
		year = s.today().Year()
	}
	args := fmt.Sprintf("--format %s --year %d", req.Format, year)
	if !req.AsOf.IsZero() && req.AsOf.Before(dates.On(year, time.December, 31)) { // a whole year needs no date
		args += " --as-of " + req.AsOf.Format(time.DateOnly)
	}
	if req.What == ExportEntries {
		args += " --what entries"
	}
	return args
}

// export answers `export`: builds the file and sends it to the caller.
func (s *Service) export(ctx context.Context, c Caller, cmd Command) Reply {
	// A range is the year from January 1 through its end, as in report;
	// one that means something else is refused, never widened.
	if r, refused := s.reportSpanRefusal(cmd); refused {
		return r
	}
	if s.exporter == nil || s.sender == nil {
		if c.Source == SourceConsole {
			// The console runs on the server itself: the export subcommand
			// writes the same file there.
			return Reply{Outcome: OutcomeRefused, Title: s.msg("export.console_export", "Args", s.consoleExportArgs(cmd.Export), "Ext", cmd.Export.Format)}
		}
		return Reply{Outcome: OutcomeRefused, Title: s.msg("export.files_can_be_sent")}
	}
	if y := cmd.Export.Year; y > s.today().Year() {
		return s.refuse(cmd.Name, s.msg("report_text.d_has_not_started", "Year", y))
	}
	if cmd.Export.Unit = s.callerDepartment(ctx, c.UserID); cmd.Export.Unit == "" {
		cmd.Export.Unit = s.reportUnit
	}
	release, refused := s.admitExport(ctx, c)
	if refused != nil {
		return *refused
	}
	defer release()
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
	if req.Names == nil {
		req.Names = s.people
	}
	if req.What == "" {
		req.What = ExportReport
	}
	if req.Year == 0 {
		req.Year = s.today().Year()
	}
	span := Command{Opts: Options{Year: req.Year}}
	if !req.AsOf.IsZero() {
		span.Period = &dates.Period{From: dates.On(req.AsOf.Year(), time.January, 1), To: req.AsOf}
	}
	req.Year, req.AsOf = s.reportSpan(span)
	if req.AsOf.Year() < req.Year {
		return req, "", fmt.Errorf("export: %d has not started", req.Year)
	}
	req.Lang, req.Made = s.lang, s.today()
	if req.Unit == "" {
		req.Unit = s.reportUnit
	}
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
	line := s.msg("export.1_as_of_2", "Req", s.exportTitle(req), "AsOf", s.date(req.AsOf), "Jobs", s.unitCount(sum.Jobs, sum.JobsApprox, ""), i18n.PluralCount, sum.Jobs)
	if sum.Target > 0 {
		line += s.msg("export.of_target_d2", "Target", s.jobs(sum.Target), "Percent", pctArg(sum.Jobs, sum.Target))
	}
	if sum.Entries > 0 {
		line += s.msg("export.entries_voided_marked", "Entries", numbers.Format(int64(sum.Entries)), "Voided", numbers.Format(int64(sum.Voided)), i18n.PluralCount, sum.Entries)
	} else {
		line += "."
	}
	return line
}

// callerDepartment is the department the user reports for, "" if none or
// if the list cannot be read (the 작성 부서 then falls back to REPORT_UNIT).
func (s *Service) callerDepartment(ctx context.Context, userID string) string {
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return ""
	}
	for _, d := range depts {
		if slices.Contains(d.Reporters, userID) {
			return d.Name
		}
	}
	return ""
}
