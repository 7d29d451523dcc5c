package commands

import (
	"context"
	"fmt"
	"io"
	"os"
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
	formatWords = []word[ExportFormat]{
		{FormatXLSX, "xlsx", "엑셀", []string{"excel", "xls"}},
		{FormatCSV, "csv", "csv", nil},
	}
	exportWhatWords = []word[ExportWhat]{
		{ExportReport, "report", "보고서", []string{"월별실적", "summary"}},
		{ExportEntries, "entries", "명세", []string{"entry", "실적", "실적명세", "ledger", "원장"}},
	}
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
		return usageErr(cmd.Name, "`%s` is not a format (xlsx, csv), a year or a content (report, entries).",
			"`%s`: 형식(xlsx, csv), 연도, 내용(보고서, 명세) 중 어느 것으로도 읽을 수 없습니다.", t.text)
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
		return Reply{Outcome: OutcomeRefused, Title: s.t(
			"Files can be sent only through Slack. From the command line, run `jobsbot export --format xlsx --year 2026 -o report.xlsx`.",
			"파일은 Slack에서만 보낼 수 있습니다. 명령줄에서는 `jobsbot export --format xlsx --year 2026 -o report.xlsx`를 실행하세요.")}
	}
	tmp, err := os.CreateTemp("", "jobsbot-export-*")
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, fmt.Errorf("export temp file: %w", err))
	}
	// The file goes through disk, not memory: a decade of entries is tens of
	// megabytes, more than the bot's whole memory budget.
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	req, summary, err := s.ExportTo(ctx, tmp, cmd.Export)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	size, err := tmp.Seek(0, io.SeekCurrent)
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, fmt.Errorf("export rewind: %w", err))
	}
	f := File{Name: req.FileName(), Title: s.exportTitle(req), Size: size, Body: tmp, Summary: summary}
	if err := s.sender.SendFile(ctx, c.UserID, f); err != nil {
		s.log.ErrorContext(ctx, "sending an export failed", "file", f.Name, "err", err)
		return Reply{Outcome: OutcomeFailed, Title: s.t(
			"The file could not be sent to you, so nothing was shared. Please try again in a minute.",
			"파일을 보내지 못해 아무것도 공유하지 않았습니다. 잠시 후 다시 시도해 주세요.")}
	}
	return Reply{Title: s.t("Sent %s to you in a direct message.", "%s 파일을 개인 메시지(DM)로 보냈습니다.", f.Name),
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
		return s.t("Jobs entries %d", "%d년 일자리 실적 명세", req.Year)
	}
	return s.t("Monthly jobs report %d", "%d년 일자리 월별 추진실적", req.Year)
}

// exportSummary is the one line sent with a file.
func (s *Service) exportSummary(req ExportRequest, sum ExportSummary) string {
	line := s.t("%[1]s as of %[2]s: %[3]s jobs to date", "%[1]s(%[2]s 기준): 누계 %[3]s", s.exportTitle(req), s.date(req.AsOf), numbers.Format(sum.Jobs))
	if sum.Target > 0 {
		line += s.t(" of the %s target (%d%%)", " / 목표 %s (%d%%)", numbers.Format(sum.Target), percent(sum.Jobs, sum.Target))
	}
	if sum.Entries > 0 {
		line += s.t(", %s entries (%s voided, marked).", ", 실적 %s건(무효 %s건 표시 포함).", numbers.Format(int64(sum.Entries)), numbers.Format(int64(sum.Voided)))
	} else {
		line += "."
	}
	return line
}
