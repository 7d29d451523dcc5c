package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"jobsbot/commands"
)

// utf8BOM starts every CSV: without it Excel reads the file in the system's
// legacy code page and shows Hangul as mojibake.
const utf8BOM = "\uFEFF"

// reportCSV writes the report by program: the same rows and figures as the
// report sheet, sums as values.
func reportCSV(w io.Writer, r commands.Report) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	g := layoutReport(r)
	if err := cw.Write(g.header); err != nil {
		return err
	}
	for _, row := range g.rows {
		rec := make([]string, len(row))
		for i, c := range row {
			switch v := c.value.(type) {
			case int64:
				rec[i] = formatInt(v)
			case float64:
				rec[i] = strconv.FormatFloat(v*100, 'f', 1, 64) // 달성률 in percent, as the header says
			case string:
				rec[i] = csvText(v)
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// entriesCSV streams the year's entries, one line each, voided ones marked.
func (x *Exporter) entriesCSV(ctx context.Context, w io.Writer, req commands.ExportRequest, programs []commands.Program, sum *commands.ExportSummary) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	aux, err := x.newEntryAudit(ctx, req)
	if err != nil {
		return err
	}
	cols := x.entryColumns(aux)
	rec := make([]string, len(cols))
	for i, c := range cols {
		rec[i] = c.header
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	err = x.eachEntry(ctx, req, programs, sum, func(e commands.Entry, p commands.Program) error {
		for i, c := range cols {
			rec[i] = csvValue(c.value(e, p), c.kind)
		}
		return cw.Write(rec)
	})
	if err != nil {
		return fmt.Errorf("entries: %w", err)
	}
	cw.Flush()
	return cw.Error()
}
