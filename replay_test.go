package main

import (
	"bytes"
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"jobsbot/db/dbtest"
)

// A month replayed with `console --today` and read back with
// `digest --today` gets the dates it replays everywhere: the target history
// keeps January's and June's targets apart, so 4월말 compares with the
// 20,500 in force then, and the digest of April's last week does too.
func TestReplayWithTodayKeepsTargetHistory(t *testing.T) {
	url := dbtest.MigratedURL(t)
	console := func(today, lines string) string {
		t.Helper()
		var out bytes.Buffer
		cfg := digestConfig(t, url, "")
		err := runConsole(context.Background(), cfg, quiet, []string{"--manager", "--lang", "ko", "--today", today}, strings.NewReader(lines), &out)
		if err != nil {
			t.Fatalf("console --today %s: %v", today, err)
		}
		return out.String()
	}
	console("2026-01-05", "목표 2만500\n")
	console("2026-05-04", "추가 7100 취약계층 날짜:4월말\n추가 2400여 투자유치 날짜:4월말\n추가 2480 고속철도 날짜:4월말\n")
	out := console("2026-06-15", "목표 21000 사유:추경 반영\n현황 4월말\n")
	for _, want := range []string{"누계 11,980여개 / 목표 20,500개(달성률 58%)", "2026. 4. 30. 당시 목표 기준입니다. 현재 목표 21,000개 기준으로는 57%입니다."} {
		if !strings.Contains(out, want) {
			t.Errorf("replayed 현황 4월말 lacks %q:\n%s", want, out)
		}
	}

	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var first, last time.Time
	if err := db.QueryRow(`SELECT min(changed_at), max(changed_at) FROM target_revisions`).Scan(&first, &last); err != nil {
		t.Fatal(err)
	}
	seoul, _ := time.LoadLocation("Asia/Seoul")
	if d := first.In(seoul).Format(time.DateOnly); d != "2026-01-05" {
		t.Errorf("first revision recorded on %s; want the replayed 2026-01-05", d)
	}
	if d := last.In(seoul).Format(time.DateOnly); d != "2026-06-15" {
		t.Errorf("second revision recorded on %s; want the replayed 2026-06-15", d)
	}
	var created time.Time
	if err := db.QueryRow(`SELECT max(created_at) FROM entries`).Scan(&created); err != nil {
		t.Fatal(err)
	}
	if d := created.In(seoul).Format(time.DateOnly); d != "2026-05-04" {
		t.Errorf("entries recorded on %s; want the replayed 2026-05-04", d)
	}

	var digest bytes.Buffer
	if err := runDigest(context.Background(), digestConfig(t, url, ""), quiet, []string{"--week", "2026-W18", "--today", "2026-06-15"}, &digest); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"11,980 of the 20,500 target (58%)", "against the current target of 21,000 it is 57%"} {
		if !strings.Contains(digest.String(), want) {
			t.Errorf("digest of 2026-W18 lacks %q:\n%s", want, digest.String())
		}
	}
}
