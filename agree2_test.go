package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"jobsbot/db/dbtest"
)

// Review r43 A5: `jobsbot export` printed its summary in English whatever
// the reader, and `jobsbot import` ended a Korean preview in English. Both
// speak --lang (default ko).
func TestAgree2ExportImportSpeakTheirLanguage(t *testing.T) {
	t.Parallel()
	const today = "2030-01-07"
	url := dbtest.MigratedURL(t)
	ctx := context.Background()
	var out bytes.Buffer
	if err := runConsole(ctx, digestConfig(t, url, ""), quiet, []string{"--manager", "--lang", "ko", "--today", today},
		strings.NewReader("추가 청년 12 1/6\n"), &out); err != nil {
		t.Fatalf("console: %v\n%s", err, out.String())
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		args      []string
		want, bad string
	}{
		{nil, "누계", "Jobs entries"},
		{[]string{"--lang", "ko"}, "누계", "Jobs entries"},
		{[]string{"--lang", "en"}, "Jobs entries", "누계"},
	} {
		out.Reset()
		file := filepath.Join(dir, "entries"+strings.Join(tc.args, "")+".csv")
		args := append([]string{"--format", "csv", "--what", "entries", "--today", today, "-o", file}, tc.args...)
		if err := runExport(ctx, digestConfig(t, url, ""), quiet, args, &out); err != nil {
			t.Fatalf("export %v: %v\n%s", tc.args, err, out.String())
		}
		if !strings.Contains(out.String(), tc.want) || strings.Contains(out.String(), tc.bad) {
			t.Errorf("export %v printed %q; want %q, not %q", tc.args, out.String(), tc.want, tc.bad)
		}
	}
	if err := runExport(ctx, digestConfig(t, url, ""), quiet, []string{"--lang", "fr", "-o", filepath.Join(dir, "x.csv")}, &out); err == nil {
		t.Error("export --lang fr accepted")
	}
	// The file exported, imported again without --today: refused (its rows
	// were recorded after the import day), and the ending says so in the
	// preview's language.
	file := filepath.Join(dir, "entries.csv")
	for _, tc := range []struct {
		args      []string
		want, bad string
	}{
		{nil, "파일을 가져오지 않았습니다", "not imported"},
		{[]string{"--lang", "en"}, "the file was not imported", "가져오지"},
	} {
		out.Reset()
		err := runImport(ctx, digestConfig(t, dbtest.MigratedURL(t), ""), quiet, append(tc.args, file), &out)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), tc.bad) {
			t.Errorf("import %v: %v; want %q, not %q\n%s", tc.args, err, tc.want, tc.bad, out.String())
		}
	}
}
