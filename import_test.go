package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"jobsbot/db/dbtest"
)

// TestImportCommandLine runs `jobsbot import`: --help, a dry run that
// writes nothing, the import, the same file again, and a bad file refused
// with its line.
func TestImportCommandLine(t *testing.T) {
	bin := buildBinary(t)
	databaseURL := dbtest.MigratedURL(t)
	env := consoleEnv(databaseURL)
	dir := t.TempDir()
	jobsbot := func(args ...string) (string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := jobsbot("import", "--help"); err != nil || !strings.Contains(out, "-dry-run") {
		t.Fatalf("import --help: %v\n%s", err, out)
	}
	file := filepath.Join(dir, "entries.csv")
	csvText := "\uFEFF기준일,사업코드,일자리 수,보고 방식,보고 누계,어림수(여),상태\n" +
		"2026-01-31,youth,180,증가분,,,채용\n" +
		"2026. 4. 30.,invest,,누계,2400,여,채용\n"
	if err := os.WriteFile(file, []byte(csvText), 0o600); err != nil {
		t.Fatal(err)
	}
	conn, err := sqlx.Open("postgres", databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	total := func() (n int64) {
		t.Helper()
		if err := conn.GetContext(context.Background(), &n, `SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if out, err := jobsbot("import", "--dry-run", file); err != nil || !strings.Contains(out, "미리 보기") || !strings.Contains(out, "기업 및 투자유치 2026년 4월: 1행, 채용 실적 +2,400여개") {
		t.Fatalf("dry run: %v\n%s", err, out)
	}
	if n := total(); n != 0 {
		t.Fatalf("the dry run wrote %d jobs", n)
	}
	if out, err := jobsbot("import", file); err != nil || !strings.Contains(out, "새 기록 2건") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if out, err := jobsbot("import", file); err != nil || !strings.Contains(out, "이미 가져온 파일") {
		t.Fatalf("again: %v\n%s", err, out)
	}
	if n := total(); n != 2580 {
		t.Errorf("ledger holds %d, want 2580", n)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte(strings.Replace(csvText, "youth,180", "youth,-5", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := jobsbot("import", bad); err == nil || !strings.Contains(out, "2행 [일자리 수]") {
		t.Errorf("bad file: %v\n%s", err, out)
	}
	if out, err := jobsbot("import"); err == nil || !strings.Contains(out, "FILE") {
		t.Errorf("no file: %v\n%s", err, out)
	}
}
