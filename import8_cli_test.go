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

	"github.com/jmoiron/sqlx"

	"jobsbot/db/dbtest"
)

// Review r47: `jobsbot import --dry-run --today 2027-03-08 hand4.csv` read
// two identical rows of a hand-made sheet (no 기록 식별자) as one entry,
// saying "새 기록 2건, 이미 있는 기록 1건" of an empty ledger, and applying
// stored one of them. The command line refuses the file, dry run or not,
// in either language, naming both lines, and writes nothing.
func TestImport8CommandLineRefusesRowsReadAsOne(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	url := dbtest.URL(t)
	cfg := config{DatabaseURL: url, Location: seoul}
	path := filepath.Join(t.TempDir(), "hand4.csv")
	hand4 := "기준일,사업명,부서,일자리 수,상태,메모\n" +
		"2027-03-05,여성 일자리,여성가족과,10,채용,새일센터 취업\n" +
		"2027-03-05,여성 일자리,여성가족과,10,채용,새일센터 취업\n" +
		"2027-03-05,여성 일자리,여성가족과,10,채용,\n"
	if err := os.WriteFile(path, []byte(hand4), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--dry-run"}, "2행과 3행이 같은 기록으로 읽힙니다: 2027. 3. 5. 여성 일자리 10개 채용, 여성가족과, 메모 `새일센터 취업`"},
		{[]string{"--dry-run", "--lang", "en"}, "Lines 2 and 3 read as the same record: 2027-03-05, 여성 일자리, 10 jobs realised"},
		{nil, "2행과 3행이 같은 기록으로 읽힙니다"},
		{[]string{"--lang", "en"}, "Lines 2 and 3 read as the same record"},
	} {
		var logs, out bytes.Buffer
		err := runImport(ctx, cfg, slog.New(slog.NewJSONHandler(&logs, nil)), append(tc.args, "--today", "2027-03-08", path), &out)
		if !errors.Is(err, errImportRefused) {
			t.Errorf("%v: %v, want the file refused\n%s", tc.args, err, out.String())
		}
		if !strings.Contains(out.String(), tc.want) {
			t.Errorf("%v: missing %q in:\n%s", tc.args, tc.want, out.String())
		}
		for _, merged := range []string{"이미 있는 기록", "already in the ledger"} {
			if strings.Contains(out.String(), merged) {
				t.Errorf("%v: the preview says %q:\n%s", tc.args, merged, out.String())
			}
		}
	}
	conn, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, table := range []string{"entries", "imports", "import_entries"} {
		var n int64
		if err := conn.GetContext(ctx, &n, `SELECT count(*) FROM `+table); err != nil || n != 0 {
			t.Errorf("%s after the refusals: %d rows (%v)", table, n, err)
		}
	}
}
