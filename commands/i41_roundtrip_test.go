package commands_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Issue 19/20: a 채용 typed with a note the typed path accepted (a note
// saying 예정 with 상태:채용 given, a note saying 예상치, which the typed
// add never asks about) is exported, and its entries export imported back
// into its own ledger or into another: not refused as a forecast. A row
// carrying a 기록 식별자 is an export of a ledger, whose note the typed
// path judged when it was recorded; the import checks it as typing did.
// The same rows without their 기록 식별자 (a department's own file) are
// refused as forecasts, as before.
func TestTypedNoteSurvivesEntriesRoundTrip(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(string(lang)+" "+format, func(t *testing.T) {
				a := newHarness(t, lang)
				if lang == commands.Korean {
					a.run(manager, "추가 노인 5 날짜:11월 2일 상태:채용 메모:5월 입사 예정자 포함", commands.OutcomeOK)
					a.run(manager, "추가 청년 7 날짜:11월 3일 메모:10월 예상치보다 많이 채용", commands.OutcomeOK)
				} else {
					a.run(manager, "add 5 senior date:2026-11-02 status:realised note:5월 입사 예정자 포함", commands.OutcomeOK)
					a.run(manager, "add 7 youth date:2026-11-03 note:10월 예상치보다 많이 채용", commands.OutcomeOK)
				}
				sum, rows := a.liveSumAll(), a.sqlInt(`SELECT count(*) FROM entries`)
				if sum != 12 || rows != 2 {
					t.Fatalf("typed ledger holds %d jobs in %d entries; want 12 in 2", sum, rows)
				}
				name, data := a.exportEntries(lang, format)

				// Into its own ledger: nothing refused, nothing added.
				preview, _ := a.importFile(lang, name, data)
				if strings.Contains(preview, "`예정`") || strings.Contains(preview, "`예상`") {
					t.Errorf("own export refused as a forecast:\n%s", preview)
				}
				if got := a.liveSumAll(); got != sum {
					t.Errorf("own ledger holds %d after the import, want %d", got, sum)
				}
				// Into another ledger: both rows, the same plain SQL SUM.
				b := newHarness(t, lang)
				preview, applied := b.importFile(lang, name, data)
				if applied == "" {
					t.Fatalf("the export was refused by another ledger:\n%s", preview)
				}
				if got := b.liveSumAll(); got != sum {
					t.Errorf("ledger B holds %d (SQL SUM), A %d\n%s", got, sum, applied)
				}
				if got := b.sqlInt(`SELECT count(*) FROM entries WHERE note LIKE '%예정자%' OR note LIKE '%예상치%'`); got != 2 {
					t.Errorf("B holds %d of the two notes, want both kept", got)
				}
				// Back from B into A: the same entries, nothing added.
				name, data = b.exportEntries(lang, format)
				a.importFile(lang, name, data)
				if got := a.liveSumAll(); got != sum {
					t.Errorf("A holds %d after B's export came back, want %d", got, sum)
				}
			})
		}
	}
	// A department's file of the same rows, without 기록 식별자: forecasts.
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		a := newHarness(t, lang)
		a.run(manager, "추가 노인 5 날짜:11월 2일 상태:채용 메모:5월 입사 예정자 포함", commands.OutcomeOK)
		name, data := a.exportEntries(lang, "csv")
		stripped := withoutColumn(t, data, "기록 식별자")
		b := newHarness(t, lang)
		preview, applied := b.importFile(lang, name, stripped)
		want := map[commands.Lang]string{commands.Korean: "`예정`", commands.English: "forecast"}[lang]
		if applied != "" || !strings.Contains(preview, want) {
			t.Errorf("%s: a file without 기록 식별자 whose note says 예정 was not refused as a forecast:\n%s\n%s", lang, preview, applied)
		}
		if got := b.liveSumAll(); got != 0 {
			t.Errorf("%s: %d jobs written from a refused file", lang, got)
		}
	}
}

// withoutColumn is a CSV with the column headed name removed.
func withoutColumn(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for _, rec := range recs {
		for i, c := range rec {
			if c == name {
				col = i
			}
		}
		if col >= 0 {
			break
		}
	}
	if col < 0 {
		t.Fatalf("no column %q", name)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	for _, rec := range recs {
		if col < len(rec) {
			rec = append(rec[:col:col], rec[col+1:]...)
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return buf.Bytes()
}
