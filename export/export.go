// Package export writes the files a jobs unit hands in: the monthly report
// and the ledger of entries, as an Excel workbook (one sheet per view) or as
// CSV. It implements commands.Exporter. It reads through its Store (a few
// of commands.Store's roles) and builds the report with
// commands.BuildReport, so the file shows exactly the
// figures `/jobs report` shows; it knows neither SQL nor Slack, and it is a
// package of its own so the command core does not carry a spreadsheet
// library.
package export

import (
	"context"
	"fmt"
	"io"
	"time"

	"jobsbot/commands"
)

// Store is what an export reads: the report's data (commands.ReportReader)
// and, for the history sheets, the candidates, the target revisions and
// the audit marks of entries. *db.Store implements it.
type Store interface {
	commands.ReportReader
	Candidates(ctx context.Context, stage commands.Stage) ([]commands.Candidate, error)      // commands.CandidateStore
	StageMovesBetween(ctx context.Context, from, to time.Time) ([]commands.StageMove, error) // commands.CandidateStore
	TargetRevisions(ctx context.Context, year int) ([]commands.TargetChange, error)          // commands.TargetStore
	EntryMarks(ctx context.Context, ids []int64) (map[int64]commands.EntryMark, error)       // commands.AuditStore
}

// Exporter builds export files from the ledger. It is safe for concurrent use.
type Exporter struct {
	store Store
	loc   *time.Location
}

var _ commands.Exporter = (*Exporter)(nil)

// New returns an Exporter reading store; timestamps are shown in loc (the
// city's time zone).
func New(store Store, loc *time.Location) *Exporter {
	if loc == nil {
		loc = time.UTC
	}
	return &Exporter{store: store, loc: loc}
}

// Export writes the file req asks for to w. The text of the file is Korean
// whatever the bot's language: it goes to the ministry and the mayor's
// review meeting.
func (x *Exporter) Export(ctx context.Context, w io.Writer, req commands.ExportRequest) (commands.ExportSummary, error) {
	if req.AsOf.IsZero() {
		req.AsOf = time.Date(req.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	}
	data, err := commands.LoadReportData(ctx, x.store, req.Year, req.AsOf, x.loc)
	if err != nil {
		return commands.ExportSummary{}, err
	}
	byProgram := commands.BuildReport(data, commands.ReportByProgram, commands.Korean)
	sum := commands.ExportSummary{Jobs: byProgram.Total.Total, JobsApprox: byProgram.Total.Approximate, Target: byProgram.Total.Target}
	switch {
	case req.Format == commands.FormatCSV && req.What == commands.ExportEntries:
		err = x.entriesCSV(ctx, w, req, data.Programs, &sum)
	case req.Format == commands.FormatCSV:
		err = reportCSV(w, byProgram, data.Programs)
	case req.Format == commands.FormatXLSX:
		err = x.workbook(ctx, w, req, data, &sum)
	default:
		err = fmt.Errorf("unknown export format %q", req.Format)
	}
	if err != nil {
		return commands.ExportSummary{}, fmt.Errorf("export %s %s %d: %w", req.What, req.Format, req.Year, err)
	}
	return sum, nil
}

// local turns an instant into the city's wall-clock time, carried as UTC:
// spreadsheets have no time zones, and excelize writes the clock it is given.
func (x *Exporter) local(t time.Time) time.Time {
	l := t.In(x.loc)
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), 0, time.UTC)
}

// yearSpan is the first and last day of a year.
func yearSpan(year int) (time.Time, time.Time) {
	return time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC), time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC)
}
