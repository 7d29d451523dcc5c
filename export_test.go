package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"
	"github.com/xuri/excelize/v2"

	"jobsbot/db/dbtest"
)

// TestExportCommandLine logs entries through the console binary, then runs
// `jobsbot export` for CSV and xlsx and checks the total against SQL.
func TestExportCommandLine(t *testing.T) {
	bin := buildBinary(t)
	databaseURL := dbtest.URL(t)
	env := consoleEnv(databaseURL)
	session := "add 180 youth date:2026-01-31\nadd 2400여 invest cumulative date:2026-04-30\nadd 35 youth date:2026-05-02\nvoid 3 typo\n"
	console := exec.Command(bin, "console", "--manager", "--today", "2026-05-20")
	console.Dir, console.Env, console.Stdin = t.TempDir(), env, strings.NewReader(session)
	if out, err := console.CombinedOutput(); err != nil {
		t.Fatalf("console: %v\n%s", err, out)
	}
	conn, err := sqlx.Open("postgres", databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var want string
	if err := conn.GetContext(context.Background(), &want,
		`SELECT sum(count)::text FROM entries WHERE voided_at IS NULL AND status = 'realised' AND as_of BETWEEN '2026-01-01' AND '2026-12-31'`); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	export := func(args ...string) (string, error) {
		cmd := exec.Command(bin, append([]string{"export"}, args...)...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	csvPath := filepath.Join(dir, "report.csv")
	if out, err := export("--format", "csv", "--year", "2026", "-o", csvPath); err != nil || !strings.Contains(out, "누계") && !strings.Contains(out, "to date") {
		t.Fatalf("export csv: %v\n%s", err, out)
	}
	b, _ := os.ReadFile(csvPath)
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil || !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
		t.Fatalf("CSV: %v (BOM %v)", err, bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")))
	}
	if total := rows[len(rows)-1]; total[0] != "합계" || total[3+13] != want {
		t.Errorf("CSV total row %v, want 누계 %s", total, want)
	}

	xlsxPath := filepath.Join(dir, "report.xlsx")
	if out, err := export("--year", "2026", "-o", xlsxPath); err != nil {
		t.Fatalf("export xlsx: %v\n%s", err, out)
	}
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	xrows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if got := xrows[len(xrows)-1][3+13]; got != want {
		t.Errorf("xlsx 누계 %s, want %s", got, want)
	}

	// A failure leaves nothing behind under the name asked for, nor beside it.
	bad := filepath.Join(dir, "missing", "x.xlsx")
	if _, err := export("-o", bad); err == nil {
		t.Error("export into a missing folder succeeded")
	}
	if _, err := export("--format", "pdf", "-o", filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("--format pdf accepted")
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 2 {
		t.Errorf("files left: %v; want only report.csv and report.xlsx", left)
	}
}
