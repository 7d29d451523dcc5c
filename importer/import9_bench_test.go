package importer_test

import (
	"bytes"
	"context"
	"syscall"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/db/dbtest"
	"jobsbot/export"
	"jobsbot/importer"
)

// BenchmarkImport9ReportRead reads the report workbook the export writes
// for this year on a synthetic ledger of 50,000 entries over ten years (a
// few thousand this year, in 실적 명세), as `jobsbot import --dry-run
// --what report` does: the scan and the comparison with the export's
// workbook written again from the ledger.
func BenchmarkImport9ReportRead(b *testing.B) {
	ctx := context.Background()
	store := dbtest.New(b)
	if err := dbtest.FillSynthetic(ctx, store, 50000, 1, nil); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	today := dates.Today(now, seoul)
	var buf bytes.Buffer
	req := commands.ExportRequest{Format: commands.FormatXLSX, What: commands.ExportReport, Year: today.Year(), AsOf: today,
		Lang: commands.Korean, Made: today}
	if _, err := export.New(store, seoul).Export(ctx, &buf, req); err != nil {
		b.Fatal(err)
	}
	svc := importer.Service{Store: store, Want: commands.ImportReport, Location: seoul, Now: func() time.Time { return now },
		Today: func() time.Time { return today }}
	b.ReportMetric(float64(buf.Len()), "file-bytes")
	// CPU time, besides the wall time: the machine is shared, so the wall
	// time of one run says more about the others' load than this code.
	cpu := func() time.Duration {
		var u syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &u)
		return time.Duration(u.Utime.Nano() + u.Stime.Nano())
	}
	b.ResetTimer()
	start := cpu()
	for range b.N {
		if _, problems, err := svc.Read(ctx, "report.xlsx", buf.Bytes(), "UMGR"); err != nil || len(problems) > 0 {
			b.Fatalf("%v %v", err, problems)
		}
	}
	b.ReportMetric(float64((cpu()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
}
