package main

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobsbot/db/dbtest"
)

// Review r38 M5: `jobsbot import` logged a file refused as a whole with
// "added": the rows applied before a later row's problem, then rolled
// back. A refused file is logged as refused, with 0 added; an applied one
// as before, with what it added.
func TestImportLogsARefusedFileAsRefused(t *testing.T) {
	t.Parallel()
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config{DatabaseURL: dbtest.MigratedURL(t), Location: seoul}
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	head := "\uFEFF기준일,사업코드,일자리 수,보고 방식,보고 누계,상태\n"
	refused := write("refused.csv", head+"2026-11-20,youth,5,증가분,,채용\n2026-11-24,youth,7,누계,50,채용\n")
	good := write("good.csv", head+"2026-11-20,youth,5,증가분,,채용\n")
	run := func(path string) (string, string, error) {
		var logs, out bytes.Buffer
		err := runImport(context.Background(), cfg, slog.New(slog.NewJSONHandler(&logs, nil)), []string{"--today", "2026-11-26", path}, &out)
		return logs.String(), out.String(), err
	}
	logs, out, err := run(refused)
	if !errors.Is(err, errImportRefused) {
		t.Fatalf("refused file: %v\n%s", err, out)
	}
	if !strings.Contains(logs, `"msg":"import refused"`) || !strings.Contains(logs, `"added":0`) || !strings.Contains(logs, `"problems":1`) {
		t.Errorf("the refused file's log:\n%s", logs)
	}
	if !strings.Contains(out, "아무것도 가져오지 않았습니다") || strings.Contains(out, "새 기록 1건") {
		t.Errorf("the refused file's reply:\n%s", out)
	}
	logs, out, err = run(good)
	if err != nil {
		t.Fatalf("good file: %v\n%s", err, out)
	}
	if !strings.Contains(logs, `"msg":"import"`) || !strings.Contains(logs, `"added":1`) || !strings.Contains(logs, `"kind":"entries"`) {
		t.Errorf("the applied file's log:\n%s", logs)
	}
}
