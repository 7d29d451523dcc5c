package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// CSVNothingSection is the one-cell line that starts the 실적 없음 section
// of the entries CSV, after the entries and a blank line. The importer stops
// reading entries at it (importer.csvNothingSection), so an export imported
// again never turns a 실적 없음 line into jobs.
const CSVNothingSection = "[실적 없음 보고]"

// nothingHeader is the header of the 실적 없음 sheet and CSV section: one
// row per report, voided ones included and marked.
var nothingHeader = []string{"번호", "해당 월", "부서", "기록자 ID", "기록자", "경로", "기록 일시", "무효",
	"무효 처리자 ID", "무효 처리자", "무효 일시", "무효 사유"}

var nothingKinds = []cellKind{kindNumber, kindCentered, kindText, kindText, kindText, kindText, kindDateTime, kindCentered,
	kindText, kindText, kindDateTime, kindText}

// nothingRows returns the year's 실적 없음 reports through the report
// date (every year's with AllYears), oldest month first, each as a row of
// nothingHeader's columns; month names the month as the format writes it.
func (x *Exporter) nothingRows(ctx context.Context, req commands.ExportRequest, aux *entryAudit, month func(n commands.NothingReport) string) ([][]any, error) {
	from, to := yearSpan(req.Year)
	if !req.AsOf.IsZero() {
		to = req.AsOf
	}
	if req.AllYears {
		from, to = dates.On(2000, time.January, 1), dates.On(2100, time.December, 31) // the years dates reads
	}
	list, err := x.store.NothingReportsBetween(ctx, from, to)
	if err != nil {
		return nil, fmt.Errorf("nothing reports: %w", err)
	}
	rows := make([][]any, len(list))
	for i, n := range list {
		var voidedAt any
		if !n.VoidedAt.IsZero() {
			voidedAt = x.local(n.VoidedAt)
		}
		rows[i] = []any{n.ID, month(n), n.Department, n.LoggedBy, aux.name(n.LoggedBy), sourceLabel(n.Source), x.local(n.CreatedAt),
			mark(!n.VoidedAt.IsZero(), "무효"), n.VoidedBy, aux.name(n.VoidedBy), voidedAt, n.VoidReason}
	}
	return rows, nil
}

// nothingCSV writes the 실적 없음 section of the entries CSV: a blank line,
// CSVNothingSection, its header and one line per report, text checked as
// every other CSV cell (csvText).
func (x *Exporter) nothingCSV(ctx context.Context, cw *csv.Writer, req commands.ExportRequest, aux *entryAudit, width int) error {
	rows, err := x.nothingRows(ctx, req, aux, func(n commands.NothingReport) string { return n.Month.Format("2006-01") })
	if err != nil {
		return err
	}
	// Every line has the entries' number of fields, so a reader that
	// expects a rectangle (encoding/csv's default) reads the whole file.
	width = max(width, len(nothingHeader))
	pad := func(cells []string) []string { return append(cells, make([]string, width-len(cells))...) }
	if err := cw.Write(pad(nil)); err != nil {
		return err
	}
	if err := cw.Write(pad([]string{CSVNothingSection})); err != nil {
		return err
	}
	if err := cw.Write(pad(slices.Clone(nothingHeader))); err != nil {
		return err
	}
	rec := make([]string, width)
	for _, r := range rows {
		for i, v := range r {
			rec[i] = csvValue(v, nothingKinds[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return nil
}
