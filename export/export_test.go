package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
	"jobsbot/export"
)

var seoul = time.FixedZone("KST", 9*60*60)

// ledger builds a ledger through the commands a user types: last year's
// entries, deltas, cumulative reports, approximate (여) and agreed figures,
// employment types, a department override, voids and a revised target. The
// report date is 2026-05-15.
func ledger(t *testing.T) (*db.Store, *commands.Service) {
	t.Helper()
	store := dbtest.New(t)
	now := time.Date(2026, 5, 15, 10, 0, 0, 0, seoul)
	svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: store, Location: seoul, Language: commands.Korean, Managers: []string{"UMGR"},
		Now: func() time.Time { return now }, Exporter: export.New(store, seoul)})
	lines := []string{
		"add 1800 social date:2025-03-31 confirm:yes", // last year: the past-year hold
		"add 250 youth date:2025-05-15 type:regular confirm:yes",
		"add 300 youth date:2025-05-16 confirm:yes", // after last year's same date: not in 전년 동기
		"add 2000 invest date:2025-12-31 confirm:yes",
		"add 180 youth date:2026-01-31 type:regular",
		"dept add 청년정책과", // not a program's department: the managed list needs it first
		"add 35 youth date:2026-02-10 type:temporary dept:청년정책과",
		"add 2400여 invest cumulative date:2026-04-30",
		"add 600여 rail date:2026-04-30 type:daily",
		"add 7100 vulnerable date:2026-04-30",
		"add 50 vulnerable date:2026-03-05 status:agreed",
		"add 999 senior date:2026-03-05",
		"add 120 senior date:2026-05-02 type:regular",
		"add 40 women date:2026-05-15 dept:여성가족과",
		"target 2만500",
		"target 2400 program:invest",
		"target 2500 program:invest reason:추경 반영",
		"target 7500 program:vulnerable",
		`candidate add "행복나눔 카페" kind:예비 mission:일자리제공 dept:사회적경제과`,
		"candidate move 1 review 서류 확인",
	}
	run(t, svc, lines...)
	var id int64
	if err := store.DB().GetContext(context.Background(), &id, `SELECT id FROM entries WHERE count = 999`); err != nil {
		t.Fatal(err)
	}
	run(t, svc, fmt.Sprintf("void %d counted twice", id))
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

// sqlSum is the oracle: a plain SUM over live realised entries of jobs
// programs, with the given extra condition.
func sqlSum(t *testing.T, store *db.Store, from, to string, cond string, args ...any) int64 {
	t.Helper()
	q := `SELECT COALESCE(SUM(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
	      WHERE e.voided_at IS NULL AND e.status = 'realised' AND p.unit <> '회'
	        AND e.as_of BETWEEN '` + from + `'::date AND '` + to + `'::date`
	if cond != "" {
		q += " AND " + cond
	}
	var n int64
	if err := store.DB().GetContext(context.Background(), &n, q, args...); err != nil {
		t.Fatalf("oracle %s: %v", cond, err)
	}
	return n
}

func exportBytes(t *testing.T, svc *commands.Service, req commands.ExportRequest) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, _, err := svc.ExportTo(context.Background(), &buf, req); err != nil {
		t.Fatalf("export: %v", err)
	}
	return buf.Bytes()
}

func num(t *testing.T, s string) int64 {
	t.Helper()
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("cell %q is not a whole number", s)
	}
	return n
}

// reportTable reads a report sheet: its column names (a sub-heading where
// there is one: 당초, 변경, 1월 …) and its data rows, padded to full width.
func reportTable(t *testing.T, f *excelize.File, sheet string) (map[string]int, [][]string) {
	t.Helper()
	all, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil || len(all) < 6 {
		t.Fatalf("%s: %d rows, %v", sheet, len(all), err)
	}
	top, sub := all[3], all[4]
	var names []string
	for i := range top {
		name := top[i]
		if i < len(sub) && sub[i] != "" {
			name = sub[i]
		}
		names = append(names, name)
	}
	return tableOf(names, all[5:])
}

// tableOf indexes column names and pads rows to the header's width.
func tableOf(names []string, rows [][]string) (map[string]int, [][]string) {
	cols := map[string]int{}
	for i, n := range names {
		cols[n] = i
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append(append([]string{}, r...), make([]string, max(0, len(names)-len(r)))...)
	}
	return cols, out
}

// reportCheck compares one report's rows with the oracle as of asOf: every
// month through it (and no month after it), 누계, 전년 동기 and 증감 of
// every row, subtotal and total. cond turns a row into the SQL condition
// selecting its entries; skip rows (미배분) carry no figures.
func reportCheck(t *testing.T, store *db.Store, cols map[string]int, rows [][]string, asOf time.Time,
	cond func(row []string) (c string, args []any, skip bool)) {
	t.Helper()
	if len(rows) < 2 {
		t.Fatalf("only %d rows", len(rows))
	}
	day := asOf.Format(time.DateOnly)
	lastYear := commands.SameDayLastYear(asOf).Format(time.DateOnly)
	for m := 1; m <= 12; m++ {
		if _, ok := cols[fmt.Sprintf("%d월", m)]; ok != (m <= int(asOf.Month())) {
			t.Errorf("month %d shown: %v, report date %s", m, ok, day)
		}
	}
	for _, row := range rows {
		c, args, skip := cond(row)
		if skip {
			continue
		}
		name := strings.Join(row[:min(3, len(row))], "/")
		for m := 1; m <= int(asOf.Month()); m++ {
			last := time.Date(2026, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
			if m == int(asOf.Month()) {
				last = day
			}
			want := sqlSum(t, store, fmt.Sprintf("2026-%02d-01", m), last, c, args...)
			cell := row[cols[fmt.Sprintf("%d월", m)]]
			if cell == "실적 없음" || cell == "미보고" {
				cell = ""
			}
			if got := num(t, cell); got != want {
				t.Errorf("%s, month %d: %d in the file, %d in the ledger", name, m, got, want)
			}
		}
		total := sqlSum(t, store, "2026-01-01", day, c, args...)
		last := sqlSum(t, store, "2025-01-01", lastYear, c, args...)
		if got := num(t, row[cols["누계"]]); got != total {
			t.Errorf("%s 누계: %d in the file, %d in the ledger", name, got, total)
		}
		if got := num(t, row[cols["전년 동기"]]); got != last {
			t.Errorf("%s 전년 동기: %d in the file, %d in the ledger", name, got, last)
		}
		if got := num(t, row[cols["증감"]]); got != total-last {
			t.Errorf("%s 증감: %d in the file, want %d", name, got, total-last)
		}
	}
}

// byLabel makes a cond for sheets whose rows are named by a label that maps
// to a column value; the total row selects everything.
func byLabel(column string, values map[string]string) func(row []string) (string, []any, bool) {
	return func(row []string) (string, []any, bool) {
		switch row[0] {
		case "합계":
			return "", nil, false
		case "미배분":
			return "", nil, true
		}
		v, ok := values[row[0]]
		if !ok {
			return "false", nil, false // an unknown row must then be all zero
		}
		return column + " = $1", []any{v}, false
	}
}

// byProgram makes a cond for the report by program, reading the grouping
// as a reader does: a 부문 and a 공시유형 hold for the rows under them
// (merged cells show them once), "소계" rows sum their 공시유형, "공공 소계"
// its sector.
func byProgram() func(row []string) (string, []any, bool) {
	sectors := map[string]string{"공공": "public", "민간": "private"}
	types := map[string]string{}
	for _, code := range []string{"direct", "training", "services", "subsidies", "startup", "supported", "infrastructure", "social-economy", "other"} {
		types[commands.DisclosureLabel(code, commands.Korean)] = code
	}
	var sector, kind string
	return func(row []string) (string, []any, bool) {
		switch {
		case row[0] == "합계":
			return "", nil, false
		case row[0] == "미배분":
			return "", nil, true
		case strings.HasSuffix(row[0], " 소계"):
			return "p.sector = $1", []any{sectors[strings.TrimSuffix(row[0], " 소계")]}, false
		}
		if row[0] != "" {
			sector = sectors[row[0]]
		}
		if row[1] != "" {
			kind = types[row[1]]
		}
		if row[2] == "소계" {
			return "p.sector = $1 AND p.disclosure_type = $2", []any{sector, kind}, false
		}
		return "p.sector = $1 AND p.disclosure_type = $2 AND p.name_ko = $3", []any{sector, kind, row[2]}, false
	}
}

// checkEntriesSheet: one row per entry of the year, voided ones marked.
func checkEntriesSheet(t *testing.T, store *db.Store, f *excelize.File) {
	t.Helper()
	rows, err := f.GetRows(export.SheetEntries, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var want []struct {
		ID     int64  `db:"id"`
		Count  int64  `db:"count"`
		Voided bool   `db:"voided"`
		Reason string `db:"void_reason"`
	}
	if err := store.DB().SelectContext(context.Background(), &want,
		`SELECT id, count, voided_at IS NOT NULL AS voided, void_reason FROM entries WHERE as_of BETWEEN '2026-01-01' AND '2026-12-31' ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != len(want) {
		t.Fatalf("%d entry rows, the ledger has %d", len(rows)-1, len(want))
	}
	// Dates are real dates: formatted as such, and numbers underneath.
	if got, _ := f.GetCellValue(export.SheetEntries, "B2"); got != "2026. 1. 31." {
		t.Errorf("first entry's 기준일 shows %q, want 2026. 1. 31.", got)
	}
	if typ, _ := f.GetCellType(export.SheetEntries, "B2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("기준일 is stored as %v, want a number", typ)
	}
	for i, w := range want {
		row := append(rows[i+1], make([]string, 27)...)
		// 기록자 ID and 무효 처리자 ID (14, 19) stand beside their name columns.
		if num(t, row[0]) != w.ID || num(t, row[7]) != w.Count || (row[18] == "무효") != w.Voided || row[22] != w.Reason {
			t.Errorf("entry row %d = %v, ledger %+v", i+1, rows[i+1], w)
		}
	}
}

func TestReportCSVMatchesTheLedger(t *testing.T) {
	store, svc := ledger(t)
	b := exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatCSV})
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
		t.Fatal("the CSV does not start with a UTF-8 BOM")
	}
	rows, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	names := rows[0]
	if strings.Join(names[:6], ",") != "부문,공시유형,사업명,사업코드,목표(당초),목표(변경)" {
		t.Errorf("CSV header %v", names)
	}
	for i, n := range names {
		names[i] = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSuffix(n, ")"), "목표("), "(%")
	}
	cols, body := tableOf(names, rows[1:])
	reportCheck(t, store, cols, body, time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC), byProgram())
	for _, row := range body {
		if row[2] == "청년일자리" && row[3] != "youth" {
			t.Errorf("the CSV names a program's code beside it: %v", row)
		}
	}

	b = exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatCSV, What: commands.ExportEntries})
	rows, err = csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var live int64
	voided := 0
	for _, r := range rows[1:] {
		if r[18] == "무효" { // after 기록자 ID, 기록자, 경로, 기록 일시
			voided++
			continue
		}
		if r[11] == "채용" {
			live += num(t, r[7])
		}
	}
	if want := sqlSum(t, store, "2026-01-01", "2026-12-31", ""); live != want || voided != 1 {
		t.Errorf("entries CSV: %d live realised jobs and %d voided rows, ledger %d and 1", live, voided, want)
	}
}

// Text staff typed never reaches a spreadsheet as a formula: the CSV is made
// to be opened in Excel, which runs a cell starting with = + - @ (review of
// issue 12).
func TestCSVNeutralisesFormulas(t *testing.T) {
	_, svc := ledger(t)
	run(t, svc, "add 1 youth date:2026-05-01 note:=1+2", "add 1 youth date:2026-05-02 note:@SUM(A1)", "add 1 youth date:2026-05-03 note:-3+4")
	b := exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatCSV, What: commands.ExportEntries})
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, r := range rows[1:] {
		for _, cell := range r {
			switch cell {
			case "=1+2", "@SUM(A1)", "-3+4":
				t.Errorf("a note reaches the CSV as a live formula: %q", cell)
			case "'=1+2", "'@SUM(A1)", "'-3+4":
				found++
			}
		}
	}
	if found != 3 {
		t.Errorf("found %d neutralised notes, want 3", found)
	}
}
