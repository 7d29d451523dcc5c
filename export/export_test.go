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
	svc := commands.New(commands.Config{Store: store, Location: seoul, Language: commands.Korean, Managers: []string{"UMGR"},
		Now: func() time.Time { return now }}).WithFiles(export.New(store, seoul), nil)
	lines := []string{
		"add 1800 social date:2025-03-31",
		"add 250 youth date:2025-05-15 type:regular",
		"add 300 youth date:2025-05-16", // after last year's same date: not in 전년 동기
		"add 2000 invest date:2025-12-31",
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

// reportCheck compares one report sheet's rows with the oracle: every month,
// 누계, 전년 동기 and 증감 of every row, subtotal and total. cond turns a
// row's label into the SQL condition selecting its entries.
func reportCheck(t *testing.T, store *db.Store, rows [][]string, labels int, cond func(row []string) (string, []any)) {
	t.Helper()
	if len(rows) < 3 {
		t.Fatalf("only %d rows", len(rows))
	}
	for _, row := range rows[1:] {
		for len(row) < labels+17 {
			row = append(row, "")
		}
		c, args := cond(row)
		for m := 1; m <= 12; m++ {
			want := int64(0)
			if m <= 5 {
				last := time.Date(2026, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
				if m == 5 {
					last = "2026-05-15"
				}
				want = sqlSum(t, store, fmt.Sprintf("2026-%02d-01", m), last, c, args...)
			}
			if got := num(t, row[labels+m-1]); got != want {
				t.Errorf("%s, month %d: %d in the file, %d in the ledger", row[0], m, got, want)
			}
		}
		total := sqlSum(t, store, "2026-01-01", "2026-05-15", c, args...)
		last := sqlSum(t, store, "2025-01-01", "2025-05-15", c, args...)
		if got := num(t, row[labels+13]); got != total {
			t.Errorf("%s 누계: %d in the file, %d in the ledger", row[0], got, total)
		}
		if got := num(t, row[labels+15]); got != last {
			t.Errorf("%s 전년 동기: %d in the file, %d in the ledger", row[0], got, last)
		}
		if got := num(t, row[labels+16]); got != total-last {
			t.Errorf("%s 증감: %d in the file, want %d", row[0], got, total-last)
		}
	}
}

// byLabel makes a cond for sheets whose rows are named by a label that maps
// to a column value; subtotal and total rows select everything in scope.
func byLabel(column string, values map[string]string) func(row []string) (string, []any) {
	return func(row []string) (string, []any) {
		if row[0] == "합계" {
			return "", nil
		}
		v, ok := values[row[0]]
		if !ok {
			return "false", nil // an unknown row must then be all zero
		}
		return column + " = $1", []any{v}
	}
}

func TestReportWorkbookMatchesTheLedger(t *testing.T) {
	store, svc := ledger(t)
	f, err := excelize.OpenReader(bytes.NewReader(exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatXLSX})))
	if err != nil {
		t.Fatalf("open the workbook: %v", err)
	}
	raw := excelize.Options{RawCellValue: true}
	want := []string{export.SheetByProgram, export.SheetByDepartment, export.SheetByDisclosure, export.SheetByType,
		export.SheetEntries, export.SheetTargets, export.SheetCandidates, export.SheetStageMoves}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets %v, want %v", got, want)
	}

	rows, err := f.GetRows(export.SheetByProgram, raw)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0][:5], ",") != "사업명,코드,부문,1월,2월" {
		t.Errorf("header %v", rows[0])
	}
	reportCheck(t, store, rows, 3, func(row []string) (string, []any) {
		switch {
		case row[0] == "공공 소계":
			return "p.sector = 'public'", nil
		case row[0] == "민간 소계":
			return "p.sector = 'private'", nil
		case row[0] == "합계":
			return "", nil
		}
		return "p.code = $1", []any{row[1]}
	})
	checkFormulas(t, f, rows)

	depts := map[string]string{}
	for _, d := range []string{"청년정책과", "여성가족과", "일자리정책과", "투자유치과", "도시재생과", "복지정책과", "노인복지과", "사회적경제과", "장애인복지과", "공동체지원과"} {
		depts[d] = d
	}
	rows, _ = f.GetRows(export.SheetByDepartment, raw)
	reportCheck(t, store, rows, 1, byLabel("e.department", depts))

	types := map[string]string{}
	for _, code := range []string{"direct", "training", "services", "subsidies", "startup", "supported", "infrastructure", "social-economy", "other"} {
		types[commands.DisclosureLabel(code, commands.Korean)] = code
	}
	rows, _ = f.GetRows(export.SheetByDisclosure, raw)
	reportCheck(t, store, rows, 1, byLabel("p.disclosure_type", types))

	kinds := map[string]string{}
	for _, code := range []string{"", "regular", "temporary", "daily"} {
		kinds[commands.EmploymentLabel(code, commands.Korean)] = code
	}
	rows, _ = f.GetRows(export.SheetByType, raw)
	reportCheck(t, store, rows, 1, byLabel("e.employment_type", kinds))
	if len(rows) != 5+1 { // header, 상용, 임시, 일용, 미지정, 합계
		t.Errorf("employment sheet has %d rows, want 6: %v", len(rows), rows)
	}

	checkEntriesSheet(t, store, f)
	checkTargetsSheet(t, f)
	checkLayout(t, f)
	cands, _ := f.GetRows(export.SheetCandidates)
	moves, _ := f.GetRows(export.SheetStageMoves)
	if len(cands) != 2 || cands[1][1] != "행복나눔 카페" || cands[1][6] != "실무검토" {
		t.Errorf("candidates sheet %v", cands)
	}
	if len(moves) != 3 || moves[1][2] != "(등록)" || moves[2][2] != "발굴" || moves[2][3] != "실무검토" || moves[2][6] != "서류 확인" {
		t.Errorf("stage history sheet %v", moves)
	}
}

// checkFormulas: every subtotal and total cell is a formula, and the
// program rows' 누계 sums their months.
func checkFormulas(t *testing.T, f *excelize.File, rows [][]string) {
	t.Helper()
	for i, row := range rows[1:] {
		n := i + 2
		isSum := strings.HasSuffix(row[0], "소계") || row[0] == "합계"
		for col := 4; col <= 20; col++ {
			cell, _ := excelize.CoordinatesToCellName(col, n)
			formula, err := f.GetCellFormula(export.SheetByProgram, cell)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case isSum && col != 16 && col != 18 && formula == "":
				t.Errorf("%s %s: no formula", row[0], cell)
			case !isSum && col == 17 && formula != fmt.Sprintf("SUM(D%d:O%d)", n, n):
				t.Errorf("%s 누계 %s: formula %q", row[0], cell, formula)
			}
		}
	}
	last := len(rows)
	if got, _ := f.GetCellFormula(export.SheetByProgram, fmt.Sprintf("Q%d", last)); !strings.Contains(got, "+") {
		t.Errorf("total 누계 formula %q, want the sum of the subtotals", got)
	}
	if got, _ := f.GetCellValue(export.SheetByProgram, fmt.Sprintf("P%d", last), excelize.Options{RawCellValue: true}); got != "20500" {
		t.Errorf("total target %q, want the year's 20500", got)
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
	if got, _ := f.GetCellValue(export.SheetEntries, "B2"); got != "2026-01-31" {
		t.Errorf("first entry's 기준일 shows %q, want 2026-01-31", got)
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

func checkTargetsSheet(t *testing.T, f *excelize.File) {
	t.Helper()
	rows, _ := f.GetRows(export.SheetTargets, excelize.Options{RawCellValue: true})
	if len(rows) != 5 {
		t.Fatalf("targets sheet: %v", rows)
	}
	if r := rows[3]; !strings.Contains(r[1], "invest") || r[2] != "2400" || r[3] != "2500" || r[4] != "100" || r[5] != "UMGR" || r[7] != "추경 반영" {
		t.Errorf("revision row %v, want invest 2400 → 2500 by UMGR, reason 추경 반영", r)
	}
}

// checkLayout: frozen header row and first column, numbers stored as numbers.
func checkLayout(t *testing.T, f *excelize.File) {
	t.Helper()
	for _, sheet := range []string{export.SheetByProgram, export.SheetEntries} {
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.XSplit != 1 || p.YSplit != 1 {
			t.Errorf("%s panes %+v, %v: want header row and first column frozen", sheet, p, err)
		}
	}
	// A number is stored without a type attribute (or t="n"); text would be a string type.
	typ, err := f.GetCellType(export.SheetByProgram, "G2")
	if err != nil || typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("a month cell has type %v (%v), want a number", typ, err)
	}
	if typ, _ := f.GetCellType(export.SheetByProgram, "A2"); typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset {
		t.Errorf("a name cell has type %v, want text", typ)
	}
	w, _ := f.GetColWidth(export.SheetByProgram, "A")
	if w < float64(commands.DisplayWidth("사회적기업 육성(대전형일자리) 및 기반시설")) {
		t.Errorf("name column width %.1f does not fit the longest Hangul name", w)
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
	reportCheck(t, store, rows, 3, func(row []string) (string, []any) {
		switch row[0] {
		case "공공 소계":
			return "p.sector = 'public'", nil
		case "민간 소계":
			return "p.sector = 'private'", nil
		case "합계":
			return "", nil
		}
		return "p.code = $1", []any{row[1]}
	})

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
	run(t, svc, "add 1 youth date:2026-05-01 note:=1+2", "add 1 youth date:2026-05-01 note:@SUM(A1)", "add 1 youth date:2026-05-01 note:-3+4")
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
