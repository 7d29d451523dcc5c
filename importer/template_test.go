package importer_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
	"jobsbot/export"
)

// keptFile is a FileSender that keeps what it was given.
type keptFile struct {
	files  []commands.File
	bodies [][]byte
}

func (k *keptFile) SendFile(_ context.Context, _ string, f commands.File) error {
	b, err := io.ReadAll(f.Body)
	k.files, k.bodies = append(k.files, f), append(k.bodies, b)
	return err
}

// template asks for a department's template through the command a user
// types and returns the workbook.
func template(t *testing.T, store *db.Store, line string) *excelize.File {
	t.Helper()
	kept := &keptFile{}
	cfg := serviceConfig(store)
	cfg.FileSender = kept
	svc := commands.New(cfg)
	r := svc.Handle(context.Background(), commands.Caller{UserID: "UMGR", Source: commands.SourceConsole, IdempotencyKey: line}, line)
	if r.Outcome != commands.OutcomeOK || len(kept.bodies) != 1 {
		t.Fatalf("%s: %s\n%s", line, r.Outcome, r.Text())
	}
	f, err := excelize.OpenReader(bytes.NewReader(kept.bodies[0]))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// fill writes cells into the template and returns the file's bytes.
func fill(t *testing.T, f *excelize.File, cells map[string]any) []byte {
	t.Helper()
	sheet := f.GetSheetList()[0]
	for at, v := range cells {
		if err := f.SetCellValue(sheet, at, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func departmentReader(t *testing.T, store *db.Store) func(name string, data []byte, dryRun bool) (commands.ImportFile, commands.ImportResult, []commands.ImportProblem) {
	return func(name string, data []byte, dryRun bool) (commands.ImportFile, commands.ImportResult, []commands.ImportProblem) {
		t.Helper()
		r := reader(t, store)
		depts, err := store.Departments(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		r.Departments = depts
		f, problems, err := r.Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) > 0 {
			return f, commands.ImportResult{}, problems
		}
		res, err := store.Import(context.Background(), f, dryRun)
		if err != nil {
			t.Fatal(err)
		}
		return f, res, res.Problems
	}
}

// TestDepartmentTemplate hands out 투자유치과's and 복지정책과's templates
// with /jobs 양식, fills them in as a department would and imports them:
// 증가분 months come in as the department's entries on each month's last
// day; a re-sent template with one month changed adds only the change; a
// 누계 row follows the rules of a typed cumulative report; a lowered
// cumulative figure is refused by line and month.
func TestDepartmentTemplate(t *testing.T) {
	store := dbtest.New(t)
	importFile := departmentReader(t, store)

	tpl := template(t, store, "양식 투자유치과")
	sheet := tpl.GetSheetList()[0]
	rows, _ := tpl.GetRows(sheet)
	if len(rows) != 5 || rows[1][0] != "제출 부서: 투자유치과" || rows[3][0] != "사업코드" || rows[3][15] != "비고" || rows[4][0] != "invest" {
		t.Fatalf("template rows: %q", rows)
	}
	first := fill(t, tpl, map[string]any{"D5": 10, "E5": 20, "P5": "1분기 유치 기업"})
	f, res, problems := importFile("투자유치과.xlsx", first, false)
	if len(problems) > 0 || f.Kind != commands.ImportTemplate || res.Added != 2 {
		t.Fatalf("first template: %v %+v %v", f.Kind, res, problems)
	}
	dept := func(cond string) int64 {
		return sum(t, store, `department = '투자유치과' AND program_id = (SELECT id FROM programs WHERE code = 'invest') AND `+cond)
	}
	if dept(`as_of = '2026-01-31'`) != 10 || dept(`as_of = '2026-02-28'`) != 20 {
		t.Errorf("January %d, February %d", dept(`as_of = '2026-01-31'`), dept(`as_of = '2026-02-28'`))
	}
	// February corrected to 25 and March added: only 5 and 5 come in.
	second := fill(t, tpl, map[string]any{"E5": 25, "F5": 5})
	_, res, problems = importFile("투자유치과(수정).xlsx", second, false)
	if len(problems) > 0 || res.Added != 2 || res.Unchanged != 1 {
		t.Fatalf("re-sent template: %+v %v", res, problems)
	}
	if got := dept(`as_of BETWEEN '2026-01-01' AND '2026-12-31'`); got != 40 {
		t.Errorf("투자유치과 after the correction: %d, want 40", got)
	}
	if _, res, _ = importFile("again.xlsx", second, false); !res.AlreadyImported {
		t.Errorf("the same file again: %+v", res)
	}
	// A month lowered is refused by line and column; nothing is written.
	lowered := fill(t, tpl, map[string]any{"E5": 15, "G5": 7})
	if _, _, problems = importFile("lowered.xlsx", lowered, false); len(problems) != 1 || problems[0].Line != 5 || problems[0].Column != "2월" {
		t.Errorf("lowered month: %v", problems)
	}
	if got := dept(`true`); got != 40 {
		t.Errorf("after a refused file: %d", got)
	}

	// 누계 rows: the figure is the total through the month's end.
	run(t, service(store), "add 60 vulnerable date:2026-02-10")
	cum := template(t, store, "template 복지정책과")
	data := fill(t, cum, map[string]any{"C5": "누계", "E5": 60, "F5": 100, "G5": 150})
	_, res, problems = importFile("복지.xlsx", data, false)
	if len(problems) > 0 || res.Added != 2 || res.Unchanged != 1 {
		t.Fatalf("cumulative template: %+v %v", res, problems)
	}
	vuln := func(to string) int64 {
		return sum(t, store, `program_id = (SELECT id FROM programs WHERE code = 'vulnerable') AND as_of BETWEEN '2026-01-01' AND '`+to+`'`)
	}
	if vuln("2026-03-31") != 100 || vuln("2026-04-30") != 150 {
		t.Errorf("누계 through March %d, April %d", vuln("2026-03-31"), vuln("2026-04-30"))
	}
	text := reply(t, service(store), "status 4월말")
	if !strings.Contains(text, "150") {
		t.Errorf("status 4월말 does not show 150:\n%s", text)
	}
	below := fill(t, cum, map[string]any{"G5": 90, "H5": 200})
	if _, _, problems = importFile("below.xlsx", below, false); len(problems) != 1 || problems[0].Line != 5 || problems[0].Column != "4월" {
		t.Errorf("누계 below the ledger: %v", problems)
	}

	// An unknown 제출 부서 is named with the nearest ones, never created.
	unknown := fill(t, template(t, store, "양식 투자유치과"), map[string]any{"A2": "제출 부서: 투자유치팀", "D5": 1})
	if _, _, problems = importFile("unknown.xlsx", unknown, false); len(problems) != 1 || len(problems[0].Nearest) == 0 || problems[0].Nearest[0] != "투자유치과" {
		t.Errorf("unknown department: %v", problems)
	}
	dbtest.CheckTotals(t, store)
}

// TestReportAndTemplateCountOnce imports a department's template and the
// report workbook covering the same program and months, in both orders:
// each month is counted once (a plain SQL SUM), the second file adds only
// what the first did not have, and a figure below what the ledger holds
// for that month is a conflict named by line and month, never added.
func TestReportAndTemplateCountOnce(t *testing.T) {
	// The report: a ledger where invest (투자유치과's program) had 10 jobs
	// in January, 25 in February and 5 in March 2026.
	src := dbtest.New(t)
	srcSvc := service(src)
	run(t, srcSvc, "add 10 invest date:2026-01-20", "add 25 invest date:2026-02-10 confirm:yes", "add 5 invest date:2026-03-03")
	report := onlySheet(t, exportFile(t, srcSvc, commands.ExportRequest{Format: commands.FormatXLSX, Year: 2026, What: commands.ExportReport}),
		export.SheetByProgram)
	invest := func(store *db.Store) int64 {
		return sum(t, store, `program_id = (SELECT id FROM programs WHERE code = 'invest') AND as_of BETWEEN '2026-01-01' AND '2026-12-31'`)
	}

	t.Run("template then report", func(t *testing.T) {
		store := dbtest.New(t)
		importFile := departmentReader(t, store)
		tpl := fill(t, template(t, store, "양식 투자유치과"), map[string]any{"D5": 10, "E5": 20})
		if _, res, problems := importFile("투자유치과.xlsx", tpl, false); len(problems) > 0 || res.Added != 2 {
			t.Fatalf("template: %+v %v", res, problems)
		}
		f, res, problems := importFile("2026년_보고서.xlsx", report, false)
		if len(problems) > 0 || f.Kind != commands.ImportReport || res.Added != 2 {
			t.Fatalf("report after the template: %s %+v %v", f.Kind, res, problems)
		}
		if got := invest(store); got != 40 {
			t.Errorf("invest 2026 after template and report: %d, want 40 (10 + 25 + 5, not 70)", got)
		}
		dbtest.CheckTotals(t, store)
	})

	t.Run("report then template", func(t *testing.T) {
		store := dbtest.New(t)
		importFile := departmentReader(t, store)
		if _, res, problems := importFile("2026년_보고서.xlsx", report, false); len(problems) > 0 || res.Added != 3 {
			t.Fatalf("report: %+v %v", res, problems)
		}
		tplFile := template(t, store, "양식 투자유치과")
		// The department says 20 for February where the report said 25: a
		// conflict, by line and month; nothing of the file is written.
		conflict := fill(t, tplFile, map[string]any{"D5": 10, "E5": 20})
		_, _, problems := importFile("투자유치과.xlsx", conflict, false)
		if len(problems) != 1 || problems[0].Line != 5 || problems[0].Column != "2월" || !strings.Contains(problems[0].Expected, "25명") {
			t.Errorf("conflicting template: %v", problems)
		}
		// Agreeing figures, and April new: only April comes in.
		agree := fill(t, tplFile, map[string]any{"E5": 25, "F5": 5, "G5": 7})
		_, res, problems := importFile("투자유치과(수정).xlsx", agree, false)
		if len(problems) > 0 || res.Added != 1 || res.Unchanged != 3 {
			t.Fatalf("agreeing template: %+v %v", res, problems)
		}
		if got := invest(store); got != 47 {
			t.Errorf("invest 2026 after report and template: %d, want 47", got)
		}
		dbtest.CheckTotals(t, store)
	})
}
