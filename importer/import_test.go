package importer_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
	"jobsbot/export"
	"jobsbot/importer"
)

var seoul = time.FixedZone("KST", 9*60*60)

// now is the day the ledgers are read: 2026-05-15.
var now = time.Date(2026, 5, 15, 10, 0, 0, 0, seoul)

func service(store *db.Store) *commands.Service { return commands.New(serviceConfig(store)) }

// serviceConfig is what service builds: the exporter and no file sender.
func serviceConfig(store *db.Store) commands.Config {
	return commands.Config{DBDeadline: time.Minute, Store: store, Location: seoul, Language: commands.Korean, Managers: []string{"UMGR"},
		Now: func() time.Time { return now }, Exporter: export.New(store, seoul)}
}

// ledger builds a ledger through the commands a user types: last year's
// entries, deltas, cumulative reports (one of them adjusted by a later
// void), 여 and 약정 figures, employment types, a department and voids.
func ledger(t *testing.T) (*db.Store, *commands.Service) {
	t.Helper()
	store := dbtest.New(t)
	svc := service(store)
	run(t, svc,
		"add 1800 social date:2025-03-31 confirm:yes", // last year: the past-year hold
		"add 250 youth date:2025-05-15 type:regular confirm:yes",
		"add 300 youth date:2025-05-16 confirm:yes",
		"add 2000 invest date:2025-12-31 confirm:yes",
		"add 180 youth date:2026-01-31 type:regular",
		"dept add 청년정책과",
		`add 35 youth date:2026-02-10 type:temporary dept:청년정책과 note:"=1+1 메모, 쉼표"`,
		"add 300 invest date:2026-03-31",
		"add 2400여 invest cumulative date:2026-04-30",
		"add 600여 rail date:2026-04-30 type:daily",
		"add 7100 vulnerable date:2026-04-30",
		"add 50 vulnerable date:2026-03-05 status:agreed",
		"add 999 senior date:2026-03-05",
		"add 120 senior date:2026-05-02 type:regular",
		"add 40 women date:2026-05-15 dept:여성가족과",
	)
	for _, count := range []int{999, 300} {
		var id int64
		if err := store.DB().GetContext(context.Background(), &id, `SELECT id FROM entries WHERE count = $1 AND as_of >= '2026-01-01'`, count); err != nil {
			t.Fatal(err)
		}
		run(t, svc, fmt.Sprintf("void %d counted twice", id)) // voiding the 300 raises the later 누계 report's share
	}
	return store, svc
}

func run(t *testing.T, svc *commands.Service, lines ...string) {
	t.Helper()
	for i, line := range lines {
		r := svc.Handle(context.Background(), commands.Caller{UserID: "UMGR", Source: commands.SourceConsole, IdempotencyKey: fmt.Sprint("k", i, line)}, line)
		if r.Outcome != commands.OutcomeOK {
			t.Fatalf("%q: %s\n%s", line, r.Outcome, r.Text())
		}
	}
}

func exportFile(t *testing.T, svc *commands.Service, req commands.ExportRequest) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, _, err := svc.ExportTo(context.Background(), &buf, req); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func reader(t *testing.T, store *db.Store) importer.Reader {
	t.Helper()
	programs, err := store.Programs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	depts, err := store.Departments(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return importer.Reader{Programs: programs, Departments: depts, Today: time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC), By: "UIMPORT", Location: seoul}
}

// importBytes reads and applies a file, failing the test on any problem.
func importBytes(t *testing.T, store *db.Store, r importer.Reader, name string, data []byte, dryRun bool) (commands.ImportFile, commands.ImportResult) {
	t.Helper()
	f, problems, err := r.Read(name, data)
	if err != nil || len(problems) > 0 {
		t.Fatalf("read %s: %v %v", name, err, problems)
	}
	res, err := store.Import(context.Background(), f, dryRun)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Fatalf("import %s: %v", name, res.Problems)
	}
	return f, res
}

// ledgerFigures are plain SQL sums over entries: every live figure by
// program, date, status, 여, department and employment type, and the voided
// ones apart.
func ledgerFigures(t *testing.T, store *db.Store) string {
	t.Helper()
	var rows []string
	err := store.DB().SelectContext(context.Background(), &rows, `
		SELECT concat_ws('|', p.code, e.as_of, e.status, e.approximate, e.department, e.employment_type,
		                 e.voided_at IS NOT NULL, e.kind, e.reported_total, e.note, SUM(e.count))
		FROM entries e JOIN programs p ON p.id = e.program_id
		GROUP BY p.code, e.as_of, e.status, e.approximate, e.department, e.employment_type,
		         e.voided_at IS NOT NULL, e.kind, e.reported_total, e.note
		ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(rows, "\n")
}

// history is who recorded each entry and when, and when, by whom and why
// the voided ones were voided, to the minute (the CSV's precision), in the
// city's time.
func history(t *testing.T, store *db.Store) string {
	t.Helper()
	var rows []string
	err := store.DB().SelectContext(context.Background(), &rows, `
		SELECT concat_ws('|', p.code, e.as_of, e.count, e.logged_by,
		                 to_char(e.created_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD HH24:MI'),
		                 e.voided_by, e.void_reason, to_char(e.voided_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD HH24:MI'))
		FROM entries e JOIN programs p ON p.id = e.program_id
		ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(rows, "\n")
}

func sum(t *testing.T, store *db.Store, cond string) int64 {
	t.Helper()
	var n int64
	if err := store.DB().GetContext(context.Background(), &n,
		`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND `+cond); err != nil {
		t.Fatal(err)
	}
	return n
}

func reply(t *testing.T, svc *commands.Service, line string) string {
	t.Helper()
	r := svc.Handle(context.Background(), commands.Caller{UserID: "UMGR", Source: commands.SourceConsole, IdempotencyKey: "q" + line}, line)
	if r.Outcome != commands.OutcomeOK {
		t.Fatalf("%q: %s\n%s", line, r.Outcome, r.Text())
	}
	return r.Text()
}

// TestRoundTrip exports the entries of a ledger as xlsx and as CSV,
// imports each into an empty database and compares every figure: the plain
// SQL sums by program, date, status, 여, department and employment type with
// voids apart, the year totals and 누계 as of dates, and the status and
// report replies a user sees.
func TestRoundTrip(t *testing.T) {
	from, fromSvc := ledger(t)
	want, wantHistory := ledgerFigures(t, from), history(t, from)
	if !strings.Contains(wantHistory, "counted twice") {
		t.Fatalf("the ledger has no void reason:\n%s", wantHistory)
	}
	for _, format := range []commands.ExportFormat{commands.FormatXLSX, commands.FormatCSV} {
		t.Run(string(format), func(t *testing.T) {
			data := exportFile(t, fromSvc, commands.ExportRequest{Format: format, Year: 2026, What: commands.ExportEntries, AllYears: true})
			to := dbtest.New(t)
			toSvc := service(to)
			run(t, toSvc, "dept add 청년정책과")
			_, res := importBytes(t, to, reader(t, to), "entries."+string(format), data, false)
			if res.Added != 14 || res.Voided != 2 {
				t.Errorf("added %d, voided %d; want 14 and 2", res.Added, res.Voided)
			}
			if got := ledgerFigures(t, to); got != want {
				t.Errorf("figures differ:\n got:\n%s\nwant:\n%s", got, want)
			}
			// Voids keep when, by whom and why; entries who and when.
			if got := history(t, to); got != wantHistory {
				t.Errorf("history differs:\n got:\n%s\nwant:\n%s", got, wantHistory)
			}
			for _, cond := range []string{
				`status = 'realised' AND as_of BETWEEN '2026-01-01' AND '2026-12-31'`,
				`status = 'realised' AND as_of BETWEEN '2026-01-01' AND '2026-04-30'`,
				`status = 'realised' AND as_of BETWEEN '2025-01-01' AND '2025-05-15'`,
				`status = 'agreed'`,
				`approximate`,
			} {
				if a, b := sum(t, from, cond), sum(t, to, cond); a != b || a == 0 {
					t.Errorf("%s: %d in the ledger, %d imported", cond, a, b)
				}
			}
			for _, line := range []string{"status", "status 4월말", "status 작년", "report"} {
				if a, b := reply(t, fromSvc, line), reply(t, toSvc, line); a != b {
					t.Errorf("%s differs:\n%s\n---\n%s", line, a, b)
				}
			}
			dbtest.CheckTotals(t, to)

			// The same file again adds nothing.
			_, again := importBytes(t, to, reader(t, to), "entries."+string(format), data, false)
			if !again.AlreadyImported || ledgerFigures(t, to) != want {
				t.Errorf("second import: %+v", again)
			}
		})
	}
}

// TestReportWorkbookGivesLastYear imports last year's report workbook (사업별
// 보고서 only, as a unit keeps it) into an empty ledger: each program and
// month becomes one entry on the month's last day, and this year's status
// shows 전년 동기 from it.
func TestReportWorkbookGivesLastYear(t *testing.T) {
	_, fromSvc := ledger(t)
	data := exportFile(t, fromSvc, commands.ExportRequest{Format: commands.FormatXLSX, Year: 2025, What: commands.ExportReport})
	data = onlySheet(t, data, export.SheetByProgram)
	to := dbtest.New(t)
	r := reader(t, to)
	f, res := importBytes(t, to, r, "2025년_보고서.xlsx", data, false)
	if f.Kind != commands.ImportReport {
		t.Fatalf("read as %s", f.Kind)
	}
	if got := sum(t, to, `as_of BETWEEN '2025-01-01' AND '2025-12-31' AND status = 'realised'`); got != 4350 {
		t.Errorf("2025 imported: %d, want 4350", got)
	}
	var n int
	if err := to.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM entries WHERE source = 'import' AND as_of = '2025-05-31'
		AND count = 550 AND id IN (SELECT entry_id FROM import_entries)`); err != nil || n != 1 {
		t.Errorf("youth May 2025: %d entries of 550 on 2025-05-31 (%v)", n, err)
	}
	if res.Added != 3 {
		t.Errorf("added %d entries, want 3 (social March, youth May, invest December)", res.Added)
	}
	// 전년 동기 as of 2026-05-15 is what the ledger holds through 2025-05-15:
	// social's March; youth's May is dated the 31st.
	last := sum(t, to, `status = 'realised' AND as_of BETWEEN '2025-01-01' AND '2025-05-15'`)
	if last != 1800 {
		t.Fatalf("plain SQL 전년 동기: %d", last)
	}
	run(t, service(to), "add 100 youth date:2026-05-01")
	text := reply(t, service(to), "status")
	if !strings.Contains(text, "전년 동기") || !strings.Contains(text, "1,800") {
		t.Errorf("status shows no 전년 동기 of 1,800:\n%s", text)
	}
}

// onlySheet keeps one sheet of a workbook.
func onlySheet(t *testing.T, data []byte, keep string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range f.GetSheetList() {
		if s != keep {
			if err := f.DeleteSheet(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestDryRunWritesNothing previews a file: the preview says what would be
// added and no row of any table changes.
func TestDryRunWritesNothing(t *testing.T) {
	_, fromSvc := ledger(t)
	data := exportFile(t, fromSvc, commands.ExportRequest{Format: commands.FormatCSV, Year: 2026, What: commands.ExportEntries, AllYears: true})
	to := dbtest.New(t)
	run(t, service(to), "dept add 청년정책과")
	before := ledgerFigures(t, to)
	f, res := importBytes(t, to, reader(t, to), "entries.csv", data, true)
	if res.Added != 14 {
		t.Errorf("dry run would add %d, want 14", res.Added)
	}
	preview := commands.ImportPreview(f, nil, res, true, commands.Korean)
	if !strings.Contains(preview, "미리 보기") || !strings.Contains(preview, "새 기록 14건") ||
		!strings.Contains(preview, "기업 및 투자유치 2026년 4월: 1행, 채용 실적 +2,400여개") || !strings.Contains(preview, "노인 일자리 2026년 3월: 1행, 채용 실적 0개") {
		t.Errorf("preview:\n%s", preview)
	}
	var imports int
	if err := to.DB().GetContext(context.Background(), &imports, `SELECT count(*) FROM imports`); err != nil || imports != 0 {
		t.Errorf("imports rows after a dry run: %d (%v)", imports, err)
	}
	if ledgerFigures(t, to) != before {
		t.Error("the dry run wrote entries")
	}
	dbtest.CheckTotals(t, to)
	// And the real import afterwards still adds everything.
	if _, res := importBytes(t, to, reader(t, to), "entries.csv", data, false); res.Added != 14 {
		t.Errorf("import after the dry run added %d", res.Added)
	}
}

// TestBadRowNamedByLine: one bad cell refuses the whole file, naming its
// line (the header is line 1), column and what was expected.
func TestBadRowNamedByLine(t *testing.T) {
	to := dbtest.New(t)
	csvText := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,무효\n" +
		"2026-01-31,youth,,10,증가분,,,채용,\n" +
		"2026. 2. 28.,youth,,20,증가분,,,채용,\n" +
		"4월말,youth,,열 명,증가분,,,채용,\n" +
		"2026-04-30,yuoth,,5,증가분,,,채용,\n"
	f, problems, err := reader(t, to).Read("bad.csv", []byte(csvText))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 2 {
		t.Fatalf("problems: %v", problems)
	}
	if p := problems[0]; p.Line != 4 || p.Column != "일자리 수" || !strings.Contains(p.Expected, "`열 명`: 수가 아닙니다") {
		t.Errorf("first problem: %+v", p)
	}
	if p := problems[1]; p.Line != 5 || p.Column != "사업코드" || len(p.Nearest) == 0 || !strings.Contains(p.Nearest[0], "youth") {
		t.Errorf("second problem: %+v", p)
	}
	text := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.Korean)
	if !strings.Contains(text, "4행 [일자리 수] `열 명`: 수가 아닙니다") || !strings.Contains(text, "아무것도 가져오지 않았습니다") {
		t.Errorf("preview:\n%s", text)
	}
	// An English reader gets the problems in English; the columns keep the
	// file's own headers.
	en := commands.ImportPreview(f, problems, commands.ImportResult{}, false, commands.English)
	for _, want := range []string{"line 4 [일자리 수] `열 명` is not a number. Write the count as 180, 2,400",
		`line 5 [사업코드] "yuoth": No such program`, "(nearest names: ", "Nothing was imported"} {
		if !strings.Contains(en, want) {
			t.Errorf("English preview lacks %q:\n%s", want, en)
		}
	}
	// The good rows alone read: dates in every form commands take.
	good := strings.Join(strings.Split(csvText, "\n")[:3], "\n")
	f, res := importBytes(t, to, reader(t, to), "good.csv", []byte(good), false)
	if res.Added != 2 || f.Rows[1].Entry.AsOf != time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC) {
		t.Errorf("good rows: %+v %+v", res, f.Rows)
	}
}

// TestHostileFiles: an oversized file, a zip bomb, too many rows, money
// columns and control characters are refused before anything is written.
func TestHostileFiles(t *testing.T) {
	to := dbtest.New(t)
	r := reader(t, to)
	small := r
	small.Limits = importer.Limits{FileBytes: 1 << 20, UnzippedBytes: 1 << 20, XMLInMemory: 1 << 20, Rows: 100}

	// A sheet whose XML unzips past the cap: refused by excelize's
	// UnzipSizeLimit before a cell is read.
	bomb := excelize.NewFile()
	sw, err := bomb.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"기준일", "사업코드", "일자리 수"}); err != nil {
		t.Fatal(err)
	}
	for i := 2; i < 60000; i++ {
		if err := sw.SetRow(fmt.Sprintf("A%d", i), []any{"2026-01-31", "youth", 1}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := bomb.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 1<<20 {
		t.Fatalf("the bomb is %d bytes zipped", buf.Len())
	}
	_, problems, err := small.Read("bomb.xlsx", buf.Bytes())
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0].Expected, "압축을 푼 크기") {
		t.Errorf("zip bomb: %v %v", err, problems)
	}

	over := bytes.Repeat([]byte("a"), 2<<20)
	if _, problems, _ := small.Read("big.csv", over); len(problems) != 1 || !strings.Contains(problems[0].Expected, "너무 큽니다") {
		t.Errorf("oversized: %v", problems)
	}

	var many strings.Builder
	many.WriteString("기준일,사업코드,일자리 수,보고 방식,상태\n")
	for i := range 200 {
		// each row its own entry: rows reading as one are refused (import8)
		fmt.Fprintf(&many, "2026-01-31,youth,%d,증가분,채용\n", i+1)
	}
	if _, problems, _ := small.Read("many.csv", []byte(many.String())); len(problems) != 1 || problems[0].Line != 101 {
		t.Errorf("too many rows: %v", problems)
	}

	money := "기준일,사업코드,일자리 수,사업비(천원)\n2026-01-31,youth,3,5000\n"
	if _, problems, _ := r.Read("money.csv", []byte(money)); len(problems) != 1 || problems[0].Column != "사업비(천원)" {
		t.Errorf("money column: %v", problems)
	}
	won := "기준일,사업코드,일자리 수\n2026-01-31,youth,3000원\n"
	if _, problems, _ := r.Read("won.csv", []byte(won)); len(problems) != 1 || problems[0].Line != 2 {
		t.Errorf("money figure: %v", problems)
	}
	control := "기준일,사업코드,일자리 수,메모\n2026-01-31,youth,3,\"a\x1b[31mb\"\n"
	if _, problems, _ := r.Read("control.csv", []byte(control)); len(problems) != 1 || problems[0].Column != "메모" {
		t.Errorf("control character: %v", problems)
	}
	nfd := "기준일,사업코드,일자리 수,메모\n2026-01-31,youth,3,\u1112\u1161\u11ab\n"
	f, problems, _ := r.Read("nfd.csv", []byte(nfd))
	if len(problems) != 0 || f.Rows[0].Entry.Note != "한" {
		t.Errorf("NFC: %v %v", problems, f.Rows)
	}
	var entries int
	if err := to.DB().GetContext(context.Background(), &entries, `SELECT count(*) FROM entries`); err != nil || entries != 0 {
		t.Errorf("entries after refused files: %d", entries)
	}
}

// TestFormulaReadAsCachedValue: a month cell holding a formula is read as
// the value the spreadsheet saved, never evaluated.
func TestFormulaReadAsCachedValue(t *testing.T) {
	to := dbtest.New(t)
	f := excelize.NewFile()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellValue("Sheet1", "A1", "2026년 일자리사업 추진실적"))
	must(f.SetSheetRow("Sheet1", "A3", &[]any{"사업명", "1월", "2월"}))
	must(f.SetSheetRow("Sheet1", "A4", &[]any{"youth", 10, 0}))
	// The formula would give 1000; the cached value is 12.
	must(f.SetCellFormula("Sheet1", "C4", "10*100"))
	must(f.SetCellValue("Sheet1", "C4", 12))
	must(f.SetCellFormula("Sheet1", "C4", "10*100"))
	var buf bytes.Buffer
	must(f.Write(&buf))
	file, problems, err := reader(t, to).Read("formula.xlsx", buf.Bytes())
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	var feb int64 = -1
	for _, row := range file.Rows {
		if row.Entry.AsOf.Month() == time.February {
			feb = row.Entry.Count
		}
	}
	if feb != 12 {
		t.Errorf("February read as %d, want the cached 12", feb)
	}
}

// TestConcurrentImportsApplyOnce runs the same file twice at once: one
// applies it, the other finds it applied.
func TestConcurrentImportsApplyOnce(t *testing.T) {
	to := dbtest.New(t)
	data := []byte("기준일,사업코드,일자리 수,보고 방식,상태,보고 누계\n2026-01-31,youth,7,증가분,채용,\n2026-02-28,invest,,누계,채용,500\n")
	f, problems, err := reader(t, to).Read("same.csv", data)
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	results := make(chan commands.ImportResult, 2)
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			res, err := to.Import(context.Background(), f, false)
			results <- res
			errs <- err
		}()
	}
	applied, already := 0, 0
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
		res := <-results
		if res.AlreadyImported {
			already++
		} else if res.Added == 2 {
			applied++
		}
	}
	if applied != 1 || already != 1 {
		t.Errorf("applied %d, already %d", applied, already)
	}
	if got := sum(t, to, "true"); got != 507 {
		t.Errorf("ledger holds %d, want 507", got)
	}
}

// An import never writes into a closed month: the file's rows dated in it
// are problems, named by line, and nothing of the file is written (second
// hostile pass, B). Once the month is reopened the same file imports.
func TestImportRefusesAClosedMonth(t *testing.T) {
	_, fromSvc := ledger(t)
	data := exportFile(t, fromSvc, commands.ExportRequest{Format: commands.FormatCSV, Year: 2026, What: commands.ExportEntries, AllYears: true})
	to := dbtest.New(t)
	toSvc := service(to)
	run(t, toSvc, "dept add 청년정책과", "close 2026-04")
	before := ledgerFigures(t, to)
	f, problems, err := reader(t, to).Read("entries.csv", data)
	if err != nil || len(problems) > 0 {
		t.Fatalf("read: %v %v", err, problems)
	}
	res, err := to.Import(context.Background(), f, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || len(res.Problems) != 3 {
		t.Fatalf("import into closed April: added %d, problems %v", res.Added, res.Problems)
	}
	for _, p := range res.Problems {
		if p.Column != "기준일" || !strings.Contains(p.Expected, "2026년 4월") || !strings.Contains(p.Text(commands.English), "2026-04 is closed") {
			t.Errorf("problem %+v, want the row's closed month named", p)
		}
	}
	if ledgerFigures(t, to) != before {
		t.Error("an import into a closed month wrote entries")
	}
	run(t, toSvc, "close reopen 2026-04 가져오기 위해")
	if _, res := importBytes(t, to, reader(t, to), "entries.csv", data, false); res.Added != 14 {
		t.Errorf("after reopening, the import added %d, want 14", res.Added)
	}
	dbtest.CheckTotals(t, to)
}

// TestEntriesOutOfOrderAreSorted imports, through the Service that streams
// rows into the store, an entries CSV whose rows were sorted by hand
// (reversed): the streamed pass stops at the first row recorded before the
// one above it, and the file is read again, held and replayed in the order
// recorded, with the same figures and voids as the ledger.
func TestEntriesOutOfOrderAreSorted(t *testing.T) {
	from, fromSvc := ledger(t)
	data := exportFile(t, fromSvc, commands.ExportRequest{Format: commands.FormatCSV, Year: 2026, What: commands.ExportEntries, AllYears: true})
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Each row recorded a minute after the one above it (the ledger was
	// typed within one minute), before the voids at 10:00; then reversed.
	at := slices.Index(records[0], "기록 일시")
	// The entries end where the 실적 없음 section begins (a blank line, then
	// its marker): only the entries are sorted by hand.
	end := slices.IndexFunc(records, func(rec []string) bool { return rec[0] == export.CSVNothingSection || strings.Join(rec, "") == "" })
	if end < 0 {
		end = len(records)
	}
	for i, rec := range records[1:end] {
		rec[at] = time.Date(2026, 5, 15, 9, i, 0, 0, time.UTC).Format("2006-01-02 15:04")
	}
	slices.Reverse(records[1:end])
	var buf bytes.Buffer
	if err := csv.NewWriter(&buf).WriteAll(records); err != nil {
		t.Fatal(err)
	}
	to := dbtest.New(t)
	run(t, service(to), "dept add 청년정책과")
	svc := importer.Service{Store: to, Today: func() time.Time { return time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC) }, Location: seoul}
	f, problems, err := svc.Read(context.Background(), "reversed.csv", buf.Bytes(), "UIMPORT")
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	res, err := svc.Import(context.Background(), f, false)
	if err != nil || len(res.Problems) > 0 || res.Added != 14 || res.Voided != 2 || res.Rows != 14 || res.Kind != commands.ImportEntries {
		t.Fatalf("import: %v %+v", err, res)
	}
	if got, want := ledgerFigures(t, to), ledgerFigures(t, from); got != want {
		t.Errorf("figures differ:\n got:\n%s\nwant:\n%s", got, want)
	}
	// Recorded in the order of 기록 일시, not of the file.
	var byID, byTime string
	if err := to.DB().GetContext(context.Background(), &byID, `SELECT string_agg(id::text, ',' ORDER BY id) FROM entries`); err != nil {
		t.Fatal(err)
	}
	if err := to.DB().GetContext(context.Background(), &byTime, `SELECT string_agg(id::text, ',' ORDER BY created_at, id) FROM entries`); err != nil {
		t.Fatal(err)
	}
	if byID != byTime {
		t.Errorf("recorded in file order: by id %s, by 기록 일시 %s", byID, byTime)
	}
	var voids int
	if err := to.DB().GetContext(context.Background(), &voids,
		`SELECT count(*) FROM entries WHERE void_reason = 'counted twice' AND voided_by = 'UMGR'`); err != nil || voids != 2 {
		t.Errorf("voids kept: %d %v", voids, err)
	}
	for _, line := range []string{"status", "status 4월말", "report"} {
		if a, b := reply(t, fromSvc, line), reply(t, service(to), line); a != b {
			t.Errorf("%s differs:\n%s\n---\n%s", line, a, b)
		}
	}
	dbtest.CheckTotals(t, to)
}
