package commands_test

import (
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// recordingExporter writes a tiny file and remembers what it was asked for.
type recordingExporter struct {
	mu   sync.Mutex
	reqs []commands.ExportRequest
}

func (e *recordingExporter) Export(_ context.Context, w io.Writer, req commands.ExportRequest) (commands.ExportSummary, error) {
	e.mu.Lock()
	e.reqs = append(e.reqs, req)
	e.mu.Unlock()
	_, err := io.WriteString(w, "x")
	return commands.ExportSummary{}, err
}

// TestExportRangeIsReadAsReportReadsIt: a range that report refuses (one
// not starting on January 1, one crossing a year end) is refused by export
// with the same rule, in both languages, and nothing is built or sent; a
// range from January 1 is the year through its end, as in report.
func TestExportRangeIsReadAsReportReadsIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := dbtest.New(t)
	exp := &recordingExporter{}
	sender := &countingSender{}
	svc := commands.New(commands.Config{DBDeadline: time.Minute,
		Store: store, Language: commands.Korean,
		Now:      func() time.Time { return fixedNow },
		Exporter: exp, FileSender: sender,
	})
	console := commands.New(commands.Config{DBDeadline: time.Minute, Store: store, Language: commands.Korean, Now: func() time.Time { return fixedNow }})
	for _, tc := range []struct {
		line  string
		lang  commands.Lang
		want  string
		notOK string // the report's own refusal, for the same range
	}{
		{"export csv 실적 3/31~4/5", commands.Korean, "1월 1일부터가 아닙니다. 내보내기 파일은", "1월 1일부터가 아닙니다"},
		{"export csv entries 3/31~4/5", commands.English, "does not start on January 1. An export holds", "does not start on January 1"},
		{"엑셀 실적 2025-12-01~2026-01-31", commands.Korean, "두 해에 걸쳐 있습니다. 내보내기 파일은", "두 해에 걸쳐 있습니다"},
		{"export csv entries 2025-12-01~2026-01-31", commands.English, "crosses a year end. An export holds", "crosses a year end"},
	} {
		for name, s := range map[string]*commands.Service{"slack": svc, "console": console} {
			src := commands.SourceSlash
			if name == "console" {
				src = commands.SourceConsole
			}
			r := s.Handle(ctx, commands.Caller{UserID: "U1", Source: src, Lang: tc.lang}, tc.line)
			if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), tc.want) {
				t.Errorf("%s %q: %q %s; want refused with %q", name, tc.line, r.Outcome, r.Text(), tc.want)
			}
		}
		// report refuses the same range, with its own noun.
		report := "report " + tc.line[strings.LastIndex(tc.line, " ")+1:]
		if r := svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash, Lang: tc.lang}, report); r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), tc.notOK) {
			t.Errorf("%q: %q %s; want the same refusal", report, r.Outcome, r.Text())
		}
	}
	if len(exp.reqs) != 0 || len(sender.sent) != 0 {
		t.Errorf("refused ranges built %v and sent %v; want nothing", exp.reqs, sender.sent)
	}
	// From January 1 it is the year through the range's end: exactly what was asked.
	r := svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash}, "export csv 실적 1/1~4/5")
	if r.Outcome != commands.OutcomeOK || len(exp.reqs) != 1 {
		t.Fatalf("export 1/1~4/5: %q %s (%d built)", r.Outcome, r.Text(), len(exp.reqs))
	}
	if got := exp.reqs[0]; got.Year != 2026 || !got.AsOf.Equal(time.Date(2026, 4, 5, 0, 0, 0, 0, got.AsOf.Location())) || got.What != commands.ExportEntries {
		t.Errorf("export 1/1~4/5 built %+v; want the 2026 entries through 4/5", got)
	}
}
