package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
	"jobsbot/export"
)

type people map[string]string

func (p people) NameOf(_ context.Context, id string) string { return p[id] }

// The entries export shows people by name, their IDs only in the ID
// columns beside, and each correction, hire and change after close.
func TestEntriesExportShowsNamesAndAuditMarks(t *testing.T) {
	store := dbtest.New(t)
	now := time.Date(2026, time.May, 25, 3, 0, 0, 0, time.UTC)
	svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: store, Location: seoul, Language: commands.Korean, Managers: []string{"UMGR"},
		Now: func() time.Time { return now }, Exporter: export.New(store, seoul), People: people{"UMGR": "이과장"}})
	run(t, svc,
		"add 100 youth date:2026-04-10",               // #1
		"정정 1 120 4월 보고 오기",                           // #2
		"add 10 invest status:agreed date:2026-03-02", // #3
		"채용 3 4 2026-04-15",                           // #4
		"마감 2026-04",
		"add 5 youth date:2026-04-20 사유:늦은 보고", // #5, after close
	)
	b := exportBytes(t, svc, commands.ExportRequest{Format: commands.FormatCSV, What: commands.ExportEntries, Year: 2026})
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	byID := map[string][]string{}
	for _, r := range rows[1:] {
		byID[r[col["번호"]]] = r
	}
	check := func(id, header, want string) {
		t.Helper()
		if got := byID[id][col[header]]; got != want {
			t.Errorf("entry #%s %s = %q, want %q", id, header, got, want)
		}
	}
	check("1", "기록자 ID", "UMGR")
	check("1", "기록자", "이과장")
	check("1", "무효 처리자", "이과장")
	check("1", "정정", "#2로 정정")
	check("2", "정정", "#1 정정분")
	check("2", "정정 사유", "4월 보고 오기")
	check("4", "약정 번호", "3")
	check("5", "마감 후 정정", "마감 후 정정")
	check("2", "마감 후 정정", "")
}
