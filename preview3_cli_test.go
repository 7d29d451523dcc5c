package main

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"jobsbot/db/dbtest"
)

// Review r42 B3: a preview that lost every retry to concurrent writes made
// `jobsbot import` print `db: import "big.csv": import entries: pq: could
// not serialize access due to concurrent update (40001)`. A storage failure
// in the import prints what happened in the reader's language (--lang), and
// the driver's text goes to the log only.
func TestR42ImportStorageFailurePrintsNoDriverError(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := dbtest.MigratedURL(t)
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config{DatabaseURL: url, Location: seoul}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte("\uFEFF기준일,사업코드,일자리 수,보고 방식,보고 누계,상태\n2026-11-20,youth,5,증가분,,채용\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, error) {
		var logs, out bytes.Buffer
		err := runImport(ctx, cfg, slog.New(slog.NewJSONHandler(&logs, nil)), append(args, "--today", "2026-12-04", path), &out)
		return logs.String(), err
	}
	// The schema first (runImport migrates), then every write of entries
	// fails as a lost serialization would, retries included.
	if _, err := run("--dry-run"); err != nil {
		t.Fatalf("preview before the failure: %v", err)
	}
	conn, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `
		CREATE FUNCTION r42_conflict() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION USING ERRCODE = '40001', MESSAGE = 'could not serialize access due to concurrent update'; END $$;
		CREATE TRIGGER r42_conflict BEFORE INSERT ON entries FOR EACH ROW EXECUTE FUNCTION r42_conflict();`); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--dry-run"}, "미리 보기를 만들지 못했습니다"},
		{[]string{"--dry-run", "--lang", "en"}, "The preview could not be made"},
		{nil, "파일을 가져오지 못했습니다"},
		{[]string{"--lang", "en"}, "The file was not imported"},
	} {
		start := time.Now()
		logs, err := run(tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v, want %q", tc.args, err, tc.want)
			continue
		}
		for _, leak := range []string{"pq", "serialize", "40001", "db:", "import entries"} {
			if strings.Contains(err.Error(), leak) {
				t.Errorf("%v prints %q: %v", tc.args, leak, err)
			}
		}
		if !strings.Contains(logs, "40001") {
			t.Errorf("%v: the log lacks the cause:\n%s", tc.args, logs)
		}
		t.Logf("%v: %s in %s", tc.args, err, time.Since(start).Round(time.Millisecond))
	}
	var n int64
	if err := conn.GetContext(ctx, &n, `SELECT count(*) FROM entries`); err != nil || n != 0 {
		t.Errorf("entries after the failures: %d (%v)", n, err)
	}
}
