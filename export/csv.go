package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"

	"jobsbot/commands"
)

// utf8BOM starts every CSV: without it Excel reads the file in the system's
// legacy code page and shows Hangul as mojibake.
const utf8BOM = "\uFEFF"

// reportCSV writes the report by program: the same rows and figures as the
// report sheet, sums as values, with each program's code beside its name
// (the CSV is for machines and the ministry's upload, where codes help).
func reportCSV(w io.Writer, r commands.Report, programs []commands.Program) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	g := layoutByProgram(r, programs)
	header := []string{}
	for i, c := range g.cols {
		name := c.head
		if c.sub != "" {
			name = c.head + "(" + c.sub + ")"
		}
		if c.head == "월별 실적" {
			name = c.sub
		}
		header = append(header, name)
		if i == g.labels-1 {
			header = append(header, "사업코드")
		}
	}
	header[slices.Index(header, "달성률")] = "달성률(%)"
	if err := cw.Write(header); err != nil {
		return err
	}
	for n, row := range g.rows {
		rec := make([]string, 0, len(row)+1)
		for i, c := range row {
			switch v := c.value.(type) {
			case int64:
				rec = append(rec, formatInt(v))
			case float64:
				rec = append(rec, strconv.FormatFloat(v*100, 'f', 1, 64)) // 달성률 in percent, as the header says
			case string:
				rec = append(rec, csvText(v))
			default:
				rec = append(rec, "")
			}
			if i == g.labels-1 {
				rec = append(rec, g.keys[n])
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func formatInt(n int64) string { return strconv.FormatInt(n, 10) }

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
	if err := x.nothingCSV(ctx, cw, req, aux, len(cols)); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
