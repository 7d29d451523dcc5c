package commands_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
	"jobsbot/importer"
)

// slackImportService is a Service whose importer is wired as serve.go
// wires it for /jobs 가져오기: Slack limits and the Slack row cap.
func slackImportService(t *testing.T, fetcher commands.FileFetcher, store func(*countingStore) importer.Store) (*commands.Service, *countingStore) {
	t.Helper()
	s := dbtest.New(t)
	cs := &countingStore{Store: s}
	var st importer.Store = cs
	if store != nil {
		st = store(cs)
	}
	svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: s, Language: commands.Korean, Managers: []string{"U_MGR"}, ExportConcurrency: 2,
		WritesPerMinute: -1, Now: func() time.Time { return fixedNow }, FileFetcher: fetcher,
		FileImporter: importer.Service{Store: st, Today: func() time.Time { return day(2026, 12, 3) },
			Limits: importer.SlackLimits(), RowCap: importer.SlackRowCap},
	})
	return svc, cs
}

// sharedStringsWorkbook is review r2 B1's file: n shared strings of one
// letter (1.8 million: 76 KB zipped, 30 MB unzipped).
func sharedStringsWorkbook(t *testing.T, n int) []byte {
	t.Helper()
	return slackWorkbook(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>번호</t></is></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>`,
		strings.Repeat("<si><t>x</t></si>", n))
}

// slackWorkbook is a workbook of one sheet holding rows (sheet XML) and a
// shared-strings part holding sst.
func slackWorkbook(t *testing.T, rows, sst string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst + `</sst>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`},
	}
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// r2 B1: the 76 KB workbook of 1.8 million shared strings, sent through
// Slack, is refused in words before excelize reads it (it took 231 MB and
// past the 20 s deadline, answered "may have been saved").
func TestSharedStringsBombIsRefusedThroughSlack(t *testing.T) {
	t.Parallel()
	f := &fileFetcher{data: sharedStringsWorkbook(t, 1_800_000)}
	svc, cs := slackImportService(t, f, nil)
	r := svc.Handle(context.Background(), slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "요소가 320,000개를 넘게") ||
		!strings.Contains(r.Text(), "아무것도 읽거나 기록하지 않았습니다") {
		t.Errorf("shared-strings bomb: %q %s", r.Outcome, r.Text())
	}
	if n := cs.imports.Load(); n != 0 {
		t.Errorf("the bomb reached the store's import %d times", n)
	}
}

// monthReportCSV is a 사업별 보고서-style file of rows program rows × cols
// month headers (1월 … 12월, repeating past 12), every cell 1. The rows
// go through the programs in turn: two rows of one program and month are
// refused (import8), so a file of up to nine rows holds no such pair.
func monthReportCSV(rows, cols int) []byte {
	var b strings.Builder
	b.WriteString("2026년 일자리 실적\n사업코드")
	for c := range cols {
		fmt.Fprintf(&b, ",%d월", 1+c%12)
	}
	b.WriteString("\n")
	codes := []string{"youth", "senior", "women", "disabled", "community", "social", "vulnerable", "invest", "rail"}
	for i := range rows {
		b.WriteString(codes[i%len(codes)] + strings.Repeat(",1", cols) + "\n")
	}
	return []byte(b.String())
}

// r2 B3: a report file weighs its month figures against the Slack cap,
// before any program is locked (9,990 rows × 12 months held every lock for
// 20 s), and a duplicated month header is refused, naming it.
func TestReportFileWeighsItsMonthFiguresThroughSlack(t *testing.T) {
	t.Parallel()
	f := &fileFetcher{}
	svc, cs := slackImportService(t, f, nil)
	f.data = monthReportCSV(9_990, 12)
	r := svc.Handle(context.Background(), slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "월별 실적 칸이 너무 많습니다") ||
		!strings.Contains(r.Text(), "10,000건까지만") {
		t.Errorf("9,990 rows × 12 months: %q %s", r.Outcome, r.Text())
	}
	f.data = monthReportCSV(2_000, 400)
	r = svc.Handle(context.Background(), slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "제목 행에 1월이 두 번 있어(B열과 N열)") {
		t.Errorf("2,000 rows × 400 months: %q %s", r.Outcome, r.Text())
	}
	if n := cs.imports.Load(); n != 0 {
		t.Errorf("the files reached the store's import %d times", n)
	}
	// A year's report of a few programs still previews.
	f.data = monthReportCSV(3, 12)
	r = svc.Handle(context.Background(), slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeOK || !strings.Contains(r.Text(), "새 기록 36건") {
		t.Errorf("3 rows × 12 months: %q %s", r.Outcome, r.Text())
	}
}

// deadlinePassed is a context whose deadline passes when its done channel
// is closed.
type deadlinePassed struct {
	context.Context
	done chan struct{}
}

func (d deadlinePassed) Done() <-chan struct{} { return d.done }
func (d deadlinePassed) Err() error {
	select {
	case <-d.done:
		return context.DeadlineExceeded
	default:
		return nil
	}
}

// slowDepartments lets the import's deadline pass once the file is about
// to be read (after the ledger's departments are fetched).
type slowDepartments struct {
	*countingStore
	deadline chan struct{}
}

func (s slowDepartments) Departments(ctx context.Context) ([]commands.Department, error) {
	close(s.deadline)
	<-ctx.Done() // the import's own deadline has passed
	return s.countingStore.Departments(context.WithoutCancel(ctx))
}

// r2 B1: when the deadline passes while the file is read, reading stops,
// the store's import is never reached, and a preview is answered that
// nothing was written.
func TestImportReadPastItsDeadlineStopsAndWritesNothing(t *testing.T) {
	t.Parallel()
	parent := deadlinePassed{Context: context.Background(), done: make(chan struct{})}
	f := &fileFetcher{}
	svc, cs := slackImportService(t, f, func(cs *countingStore) importer.Store {
		return slowDepartments{countingStore: cs, deadline: parent.done}
	})
	f.data = entriesCSV(t, cs.Store, 2_000)
	r := svc.Handle(parent, slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeFailed || !strings.Contains(r.Text(), "아무것도 기록하지 않았습니다") ||
		strings.Contains(r.Text(), "저장되었을 수도") {
		t.Errorf("preview read past its deadline: %q %s", r.Outcome, r.Text())
	}
	if n := cs.imports.Load(); n != 0 {
		t.Errorf("the file read past the deadline reached the store's import %d times", n)
	}
}

// hungFetcher's first fetch ignores its context until release is closed
// (a download stuck on the network); later fetches hand out data.
type hungFetcher struct {
	data    []byte
	calls   chan struct{}
	release chan struct{}
	done    chan struct{}
}

func (h *hungFetcher) FetchFile(ctx context.Context, userID, fileID string, maxBytes int64) (commands.SharedFile, error) {
	select {
	case h.calls <- struct{}{}:
		<-h.release
		defer close(h.done)
		return commands.SharedFile{}, ctx.Err()
	default:
	}
	return commands.SharedFile{ID: "F1", Name: "실적.csv", Data: h.data}, nil
}

// r2 B1: an import whose work runs on past its deadline is answered on
// time, and a preview so answered says nothing was written (not "may have
// been saved"). Review X3: its heavy-job slot is kept while its download
// still runs (the user is told to wait), not given back with the answer.
func TestImportPastItsDeadlineIsAnsweredAndKeepsItsSlot(t *testing.T) {
	t.Parallel()
	h := &hungFetcher{calls: make(chan struct{}, 1), release: make(chan struct{}), done: make(chan struct{})}
	svc, cs := slackImportService(t, h, nil)
	h.data = entriesCSV(t, cs.Store, 3)
	parent := deadlinePassed{Context: context.Background(), done: make(chan struct{})}
	close(parent.done)
	r := svc.Handle(parent, slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeFailed || !strings.Contains(r.Text(), "아무것도 기록하지 않았습니다") ||
		strings.Contains(r.Text(), "저장되었을 수도") {
		t.Errorf("preview past its deadline: %q %s", r.Outcome, r.Text())
	}
	// The first import's download still hangs: UA is told to wait.
	r = svc.Handle(context.Background(), slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "앞서 요청하신 가져오기나 내보내기를 아직 처리하고 있습니다") {
		t.Errorf("UA's next import while the late one hangs: %q %s", r.Outcome, r.Text())
	}
	close(h.release)
	<-h.done
}

// r2 B2 and m4: a cell whose text is split by `>` (legal in XML text) is
// measured as the text it is and refused before excelize reads it whole,
// and a CSV line of millions of columns is refused while it is read.
func TestLongCellsAreRefusedWhileReadThroughSlack(t *testing.T) {
	t.Parallel()
	f := &fileFetcher{}
	svc, cs := slackImportService(t, f, nil)
	f.data = slackWorkbook(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>`+strings.Repeat("a>", 4<<20)+`</t></is></c></row>`, "")
	r := svc.Handle(context.Background(), slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "이 파일의 한 칸에 4,096자가 넘는 글자가") {
		t.Errorf("an 8 MB cell split by >: %q %s", r.Outcome, r.Text())
	}
	f.data = []byte("번호\n" + strings.Repeat(",", 4<<20) + "\n")
	r = svc.Handle(context.Background(), slackUser("UA"), "가져오기")
	if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Text(), "이 행에 1,024개가 넘는 열이") {
		t.Errorf("a CSV line of 4 million columns: %q %s", r.Outcome, r.Text())
	}
	if n := cs.imports.Load(); n != 0 {
		t.Errorf("the files reached the store's import %d times", n)
	}
}
