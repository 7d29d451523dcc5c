package export_test

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/export"
)

// asOfLedger is the test ledger with the history a 과장 asks about: the
// year's target revised before the report date (with a reason) and a
// program's target revised after it; a department that said 실적 없음 for
// March; departments that never reported.
func asOfLedger(t *testing.T) (*db.Store, *commands.Service) {
	t.Helper()
	store, svc := ledger(t)
	run(t, svc, "target 2만1000 reason:1회 추경 반영", "none 3월 dept:노인복지과")
	ctx := context.Background()
	for _, q := range []string{
		`UPDATE target_revisions SET changed_at = '2026-01-05 10:00+09'`,
		// The database stamps rows with the real clock; the ledger's day is 15 May.
		`UPDATE candidates SET created_at = '2026-04-20 10:00+09', updated_at = '2026-05-11 10:00+09'`,
		`UPDATE candidate_moves SET moved_at = '2026-04-20 10:00+09' WHERE from_stage IS NULL`,
		`UPDATE candidate_moves SET moved_at = '2026-05-11 10:00+09' WHERE to_stage = 'review'`,
		`UPDATE target_revisions SET changed_at = '2026-03-31 15:00+09', reason = '1회 추경 반영' WHERE program_id IS NULL AND new_jobs = 21000`,
		`UPDATE target_revisions SET changed_at = '2026-05-10 10:00+09', reason = '투자 협약 추가' WHERE new_jobs = 2500`,
	} {
		if _, err := store.DB().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	return store, svc
}

var aprilEnd = time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC)

func TestReportAsOfAprilEnd(t *testing.T) {
	store, svc := asOfLedger(t)
	var buf bytes.Buffer
	req, _, err := svc.ExportTo(context.Background(), &buf, commands.ExportRequest{Format: commands.FormatXLSX, AsOf: aprilEnd, Unit: "일자리정책과"})
	if err != nil {
		t.Fatal(err)
	}
	if got := req.FileName(); got != "2026년_일자리사업_추진실적_4월말.xlsx" {
		t.Errorf("file name %q", got)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("open the workbook: %v", err)
	}
	checkPrintSetup(t, f)
	checkTitle(t, f)
	checkFonts(t, f)

	cols, rows := reportTable(t, f, export.SheetByProgram)
	checkGrouping(t, rows)
	checkTargets(t, cols, rows, 20500, 21000)
	reportCheck(t, store, cols, rows, aprilEnd, byProgram())
	if got := row(t, rows, "기업 및 투자유치"); got[cols["당초"]] != "2400" || got[cols["변경"]] != "2400" {
		t.Errorf("invest targets %v: the 2,500 of 10 May was not in force on 30 April", got)
	}
	checkNoLatin(t, f)

	dcols, drows := reportTable(t, f, export.SheetByDepartment)
	depts := map[string]string{}
	for _, r := range drows {
		depts[r[0]] = r[0]
	}
	reportCheck(t, store, dcols, drows, aprilEnd, byLabel("e.department", depts))
	if got := row(t, drows, "노인복지과")[dcols["3월"]]; got != "실적 없음" {
		t.Errorf("노인복지과 March shows %q, want 실적 없음", got)
	}
	for m := 1; m <= 4; m++ {
		if got := row(t, drows, "장애인복지과")[dcols[strconv.Itoa(m)+"월"]]; got != "미보고" {
			t.Errorf("장애인복지과 month %d shows %q, want 미보고", m, got)
		}
	}
	if got := row(t, drows, "일자리정책과")[dcols["1월"]]; got != "180" {
		t.Errorf("일자리정책과 January shows %q, want its 180", got)
	}
	nothing, _ := f.GetRows(export.SheetNothing)
	if len(nothing) != 2 || nothing[1][1] != "2026년 3월" || nothing[1][2] != "노인복지과" {
		t.Errorf("실적 없음 sheet %v", nothing)
	}
	checkRevisionSheet(t, f)
	checkEntriesAsOf(t, store, f)
	cands, _ := f.GetRows(export.SheetCandidates)
	if len(cands) != 2 || cands[1][6] != "발굴" {
		t.Errorf("candidates on 30 April %v, want one at 발굴 (it moved on 11 May)", cands)
	}
}

// row finds a data row by its name in any label column.
func row(t *testing.T, rows [][]string, name string) []string {
	t.Helper()
	for _, r := range rows {
		for _, c := range r[:min(3, len(r))] {
			if c == name {
				return r
			}
		}
	}
	t.Fatalf("no row %q", name)
	return nil
}

// checkPrintSetup: every sheet on A4 landscape, one page wide, header rows
// repeated on each page, page numbers in the footer.
func checkPrintSetup(t *testing.T, f *excelize.File) {
	t.Helper()
	titles := map[string]string{}
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" {
			titles[n.Scope] = n.RefersTo
		}
	}
	for _, sheet := range f.GetSheetList() {
		p, err := f.GetPageLayout(sheet)
		if err != nil || p.Size == nil || *p.Size != 9 || p.Orientation == nil || *p.Orientation != "landscape" ||
			p.FitToWidth == nil || *p.FitToWidth != 1 || p.FitToHeight == nil || *p.FitToHeight != 0 {
			t.Errorf("%s page layout %+v, %v: want A4 (9) landscape, one page wide", sheet, p, err)
		}
		props, _ := f.GetSheetProps(sheet)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s does not fit to page", sheet)
		}
		hf, _ := f.GetHeaderFooter(sheet)
		if !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") {
			t.Errorf("%s footer %q has no page number", sheet, hf.OddFooter)
		}
		want := "$1:$1"
		if strings.HasSuffix(sheet, "별") || sheet == export.SheetByProgram {
			want = "$4:$5"
		}
		if !strings.HasSuffix(titles[sheet], "!"+want) {
			t.Errorf("%s repeats %q on each page, want rows %s", sheet, titles[sheet], want)
		}
	}
}

func checkTitle(t *testing.T, f *excelize.File) {
	t.Helper()
	sheet := export.SheetByProgram
	if got, _ := f.GetCellValue(sheet, "A1"); got != "2026년 일자리사업 추진실적 (2026. 4. 30. 기준)" {
		t.Errorf("title %q", got)
	}
	info, _ := f.GetRows(sheet)
	line := strings.Join(info[1], " ")
	for _, want := range []string{"단위: 개, %", "작성 부서: 일자리정책과", "작성일: 2026. 5. 15."} {
		if !strings.Contains(line, want) {
			t.Errorf("row 2 %q lacks %q", line, want)
		}
	}
}

// checkFonts: the default font and every style's font is the Korean one.
func checkFonts(t *testing.T, f *excelize.File) {
	t.Helper()
	if got, _ := f.GetDefaultFont(); got != "맑은 고딕" {
		t.Errorf("default font %q", got)
	}
	bold := 0
	for id := 1; ; id++ {
		st, err := f.GetStyle(id)
		if err != nil || st == nil {
			if id < 10 {
				t.Fatalf("only %d styles: %v", id, err)
			}
			break
		}
		if st.Font == nil || st.Font.Family != "맑은 고딕" {
			t.Errorf("style %d font %+v, want 맑은 고딕", id, st.Font)
		}
		if st.Font != nil && st.Font.Bold {
			bold++
		}
	}
	if bold == 0 {
		t.Error("no bold style checked")
	}
}

// checkGrouping: 공공 then 민간; within each, 공시유형 in the official
// order, each closed by its 소계; each sector closed by its 소계; then
// 미배분 and 합계.
func checkGrouping(t *testing.T, rows [][]string) {
	t.Helper()
	types := map[string]int{}
	for _, code := range []string{"direct", "training", "services", "subsidies", "startup", "supported", "infrastructure", "social-economy", "other"} {
		types[commands.DisclosureLabel(code, commands.Korean)] = commands.DisclosureOrder(code)
	}
	var sectors []string
	kind, lastRank, open := "", -1, false
	for i, r := range rows {
		switch {
		case r[0] == "미배분" || r[0] == "합계":
			if r[0] == "합계" && i != len(rows)-1 {
				t.Errorf("합계 is row %d of %d", i, len(rows))
			}
			continue
		case strings.HasSuffix(r[0], " 소계"):
			if open {
				t.Errorf("%s closes a sector whose %s has no 소계", r[0], kind)
			}
			kind, lastRank = "", -1
			continue
		case len(sectors) == 0 || sectors[len(sectors)-1] != r[0]:
			sectors = append(sectors, r[0])
		}
		if r[1] != kind { // merged cells read the same in every row they span
			if open {
				t.Errorf("%s starts before %s has its 소계", r[1], kind)
			}
			rank, ok := types[r[1]]
			if !ok || rank < lastRank {
				t.Errorf("공시유형 %q out of order", r[1])
			}
			kind, lastRank = r[1], rank
		}
		open = r[2] != "소계"
	}
	if strings.Join(sectors, ",") != "공공,민간" {
		t.Errorf("sectors %v, want 공공,민간", sectors)
	}
}

// checkTargets: 공공 소계 + 민간 소계 + 미배분 = 합계, for 당초 and 변경;
// 합계 is the year's target in force; a subtotal's 달성률 counts only the
// programs that have a target.
func checkTargets(t *testing.T, cols map[string]int, rows [][]string, original, inForce int64) {
	t.Helper()
	for col, want := range map[string]int64{"당초": original, "변경": inForce} {
		var parts int64
		for _, r := range rows {
			if strings.HasSuffix(r[0], " 소계") || r[0] == "미배분" {
				parts += num(t, r[cols[col]])
			}
		}
		total := num(t, row(t, rows, "합계")[cols[col]])
		if parts != total || total != want {
			t.Errorf("%s: subtotals and 미배분 add up to %d, 합계 %d, want %d", col, parts, total, want)
		}
	}
	var targeted, target int64
	for _, r := range rows {
		if r[0] == "공공 소계" {
			break
		}
		if r[2] != "소계" && r[cols["변경"]] != "" {
			targeted += num(t, r[cols["누계"]])
			target += num(t, r[cols["변경"]])
		}
	}
	rate, _ := strconv.ParseFloat(row(t, rows, "공공 소계")[cols["달성률"]], 64)
	if want := float64(targeted) / float64(target); target == 0 || rate < want-1e-9 || rate > want+1e-9 {
		t.Errorf("공공 소계 달성률 %v, want %d/%d", rate, targeted, target)
	}
}

var latin = regexp.MustCompile(`[A-Za-z]`)

// checkNoLatin: no program code, no English word on the report sheets.
func checkNoLatin(t *testing.T, f *excelize.File) {
	t.Helper()
	for _, sheet := range []string{export.SheetByProgram, export.SheetByDepartment, export.SheetByDisclosure, export.SheetByType} {
		rows, _ := f.GetRows(sheet)
		for i, r := range rows {
			for _, c := range r {
				if latin.MatchString(c) {
					t.Errorf("%s row %d: %q has Latin letters", sheet, i+1, c)
				}
			}
		}
	}
}

// checkRevisionSheet: the first setting reads 당초, later ones 1차 변경 with
// their reason; a revision after the report date is not there.
func checkRevisionSheet(t *testing.T, f *excelize.File) {
	t.Helper()
	rows, _ := f.GetRows(export.SheetTargets, excelize.Options{RawCellValue: true})
	if strings.Join(rows[0], ",") != "대상,구분,변경 전,목표,증감,사유,변경자,변경 일시" {
		t.Errorf("targets header %v", rows[0])
	}
	var got []string
	for _, r := range rows[1:] {
		r = append(r, make([]string, 8)...)
		got = append(got, strings.Join(r[:6], "|"))
	}
	want := []string{"전체 목표|당초|-|20500|-|", "기업 및 투자유치|당초|-|2400|-|", "취약계층 일자리|당초|-|7500|-|",
		"전체 목표|1차 변경|20500|21000|500|1회 추경 반영"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("targets sheet\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// checkEntriesAsOf: the entries sheet holds the entries dated through the
// report date, under an autofilter that covers them all.
func checkEntriesAsOf(t *testing.T, store *db.Store, f *excelize.File) {
	t.Helper()
	rows, _ := f.GetRows(export.SheetEntries)
	var want int
	if err := store.DB().GetContext(context.Background(), &want,
		`SELECT count(*) FROM entries WHERE as_of BETWEEN '2026-01-01' AND '2026-04-30'`); err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != want {
		t.Errorf("%d entry rows, %d entries dated through 30 April", len(rows)-1, want)
	}
	filter := ""
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm._FilterDatabase" {
			filter = n.RefersTo
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(len(rows[0]))
	if !strings.HasSuffix(filter, "$A$1:$"+lastCol+"$"+strconv.Itoa(want+1)) {
		t.Errorf("entries autofilter %q, want A1:%s%d (every column of the sheet)", filter, lastCol, want+1)
	}
	if got, _ := f.GetCellValue(export.SheetEntries, "B2"); got != "2026. 1. 31." {
		t.Errorf("a date shows %q, want 2026. 1. 31.", got)
	}
}

// The same ledger on 15 May: the invest target revised on 10 May is in force.
func TestReportAsOfTodayUsesTheRevisedTarget(t *testing.T) {
	store, svc := asOfLedger(t)
	f, err := excelize.OpenReader(bytes.NewReader(exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatXLSX})))
	if err != nil {
		t.Fatal(err)
	}
	cols, rows := reportTable(t, f, export.SheetByProgram)
	if got := row(t, rows, "기업 및 투자유치"); got[cols["당초"]] != "2400" || got[cols["변경"]] != "2500" {
		t.Errorf("invest targets %v, want 당초 2400 변경 2500", got)
	}
	checkTargets(t, cols, rows, 20500, 21000)
	today := time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC)
	reportCheck(t, store, cols, rows, today, byProgram())

	types := map[string]string{}
	for _, code := range []string{"direct", "training", "services", "subsidies", "startup", "supported", "infrastructure", "social-economy", "other"} {
		types[commands.DisclosureLabel(code, commands.Korean)] = code
	}
	cols, rows = reportTable(t, f, export.SheetByDisclosure)
	reportCheck(t, store, cols, rows, today, byLabel("p.disclosure_type", types))
	var sum int64
	for _, r := range rows[:len(rows)-1] {
		sum += num(t, r[cols["변경"]])
	}
	if total := num(t, row(t, rows, "합계")[cols["변경"]]); sum != total || total != 21000 {
		t.Errorf("공시유형별: rows and 미배분 add up to %d, 합계 %d, want 21000", sum, total)
	}
	kinds := map[string]string{}
	for _, code := range []string{"", "regular", "temporary", "daily"} {
		kinds[commands.EmploymentLabel(code, commands.Korean)] = code
	}
	cols, rows = reportTable(t, f, export.SheetByType)
	reportCheck(t, store, cols, rows, today, byLabel("e.employment_type", kinds))
	if len(rows) != 4+2 { // 상용, 임시, 일용, 미지정, 미배분, 합계
		t.Errorf("employment sheet has %d rows, want 6: %v", len(rows), rows)
	}
	checkEntriesSheet(t, store, f)
	cands, _ := f.GetRows(export.SheetCandidates)
	moves, _ := f.GetRows(export.SheetStageMoves)
	if len(cands) != 2 || cands[1][1] != "행복나눔 카페" || cands[1][6] != "실무검토" {
		t.Errorf("candidates sheet %v", cands)
	}
	if len(moves) != 3 || moves[1][2] != "(등록)" || moves[2][2] != "발굴" || moves[2][3] != "실무검토" || moves[2][6] != "서류 확인" {
		t.Errorf("stage history sheet %v", moves)
	}
}
