package main

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"jobsbot/db/dbtest"
)

// A session replayed with `console --today` on a day still to come exports
// and imports with the same --today (review r22 F42): without it the copy's
// import refuses the file's 기록 일시 as after the present, which a
// rehearsal of the year's turn could not get past. The copy's SUM equals
// the source's.
func TestReplayedSessionExportsAndImportsWithToday(t *testing.T) {
	const today = "2030-01-07" // after the real clock for years yet
	source, copyURL := dbtest.MigratedURL(t), dbtest.MigratedURL(t)
	ctx := context.Background()
	var out bytes.Buffer
	if err := runConsole(ctx, digestConfig(t, source, ""), quiet, []string{"--manager", "--lang", "ko", "--today", today},
		strings.NewReader("추가 청년 12 1/6\n추가 노인 누계 30 1/6\n"), &out); err != nil {
		t.Fatalf("console: %v\n%s", err, out.String())
	}
	file := filepath.Join(t.TempDir(), "entries.csv")
	out.Reset()
	if err := runExport(ctx, digestConfig(t, source, ""), quiet, []string{"--format", "csv", "--what", "entries", "--today", today, "-o", file}, &out); err != nil {
		t.Fatalf("export --today: %v\n%s", err, out.String())
	}
	// An --as-of after today is refused, not written as of today with
	// only the title saying so (review r27 F16).
	err := runExport(ctx, digestConfig(t, source, ""), quiet, []string{"--format", "csv", "--today", today, "--as-of", "2030-12-31", "-o", file + ".report"}, &out)
	if err == nil || !strings.Contains(err.Error(), "--as-of 2030-12-31 is after today (2030-01-07)") {
		t.Errorf("export --as-of after --today: %v; want refused", err)
	}
	out.Reset()
	if err := runImport(ctx, digestConfig(t, copyURL, ""), quiet, []string{file}, &out); err == nil || !strings.Contains(out.String(), "기록 일시") {
		t.Errorf("import without --today of a file recorded on %s: %v; want refused naming 기록 일시:\n%s", today, err, out.String())
	}
	out.Reset()
	if err := runImport(ctx, digestConfig(t, copyURL, ""), quiet, []string{"--today", today, file}, &out); err != nil {
		t.Fatalf("import --today: %v\n%s", err, out.String())
	}
	sum := func(url string) (n int64) {
		t.Helper()
		conn, err := sql.Open("postgres", url)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if err := conn.QueryRow(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if s, c := sum(source), sum(copyURL); s != 42 || c != s {
		t.Errorf("SQL sums: source %d, copy %d; want 42 both", s, c)
	}
}
