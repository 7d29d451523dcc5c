package importer_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// at is a service whose clock reads the given day, 12:00 in Seoul, as a
// console --today replay does.
func at(store *db.Store, day string) *commands.Service {
	d, err := time.ParseInLocation(time.DateOnly, day, seoul)
	if err != nil {
		panic(err)
	}
	cfg := serviceConfig(store)
	cfg.Now = func() time.Time { return d.Add(12 * time.Hour) }
	return commands.New(cfg)
}

// TestImportedLedgerRoundTrip: a ledger that imported a file is exported
// and imported into an empty database, and every figure (a plain SQL SUM,
// the 현황/status/보고서 replies) comes out as in the ledger (review r6
// X13). The branch's file, recorded on 4/1 with a void on 4/2, was imported
// after the 4/10 누계 of 500 through 3/31, which therefore did not absorb
// it: the ledger holds 520. Replayed by 기록 일시, its rows came before the
// 누계, which then absorbed them: 500. The export now says the order the
// ledger applied rows in (기록 순번, 무효 순번) and the import replays by it.
func TestImportedLedgerRoundTrip(t *testing.T) {
	t.Parallel()
	branch := dbtest.New(t)
	first := nextEntryID(t, branch)
	run(t, at(branch, "2026-04-01"), "add 20 youth date:2026-03-20 note:branch", "추가 청년 7 날짜:3월 25일")
	run(t, at(branch, "2026-04-02"), numbered("무효 #1 중복", first))
	file := exportFile(t, service(branch), commands.ExportRequest{Format: commands.FormatCSV, Year: 2026, What: commands.ExportEntries, AllYears: true})

	from := dbtest.New(t)
	// The 누계 is dated before the branch's rows: a row of another
	// ledger's export dated on or before a 누계 of this ledger is asked
	// 누계포함 as a department's row is (issue 20, r16: its 기록 식별자,
	// unknown here, proves nothing), which TestI43ForgedOriginIsCheckedLikeNoOrigin covers.
	run(t, at(from, "2026-04-10"), "추가 청년 500 누계 날짜:3월 15일")
	importBytes(t, from, reader(t, from), "branch.csv", file, false)
	if n := sum(t, from, "true"); n != 520 {
		t.Fatalf("the ledger holds %d, want 520 (the 누계 of 500, then the branch's 20)", n)
	}
	for _, format := range []commands.ExportFormat{commands.FormatCSV, commands.FormatXLSX} {
		data := exportFile(t, service(from), commands.ExportRequest{Format: format, Year: 2026, What: commands.ExportEntries, AllYears: true})
		to := dbtest.New(t)
		importBytes(t, to, reader(t, to), "entries."+string(format), data, false)
		sameFigures(t, string(format), from, to)
		// And once more: the imported ledger's own export.
		again := exportFile(t, service(to), commands.ExportRequest{Format: format, Year: 2026, What: commands.ExportEntries, AllYears: true})
		third := dbtest.New(t)
		importBytes(t, third, reader(t, third), "again."+string(format), again, false)
		sameFigures(t, string(format)+", exported again", from, third)
	}
}

// TestImportRefusesARowWithoutItsOrder: in a file with 기록 순번 and 무효
// 순번, a row whose number is missing (edited by hand) cannot be put in
// the order applied: it is refused on its line, in the reader's language,
// and nothing is written.
func TestImportRefusesARowWithoutItsOrder(t *testing.T) {
	from := dbtest.New(t)
	first := nextEntryID(t, from)
	run(t, service(from), "추가 청년 5 날짜:4월 5일", "추가 청년 6 날짜:4월 6일 확인:예", numbered("무효 #1 중복", first))
	data := string(exportFile(t, service(from), commands.ExportRequest{Format: commands.FormatCSV, Year: 2026, What: commands.ExportEntries, AllYears: true}))
	lines := strings.Split(data, "\n")
	// 기록 식별자 follows the order columns (review i32 finding 1).
	if !strings.HasSuffix(lines[0], ",기록 순번,무효 순번,기록 식별자") || strings.Count(lines[2], ",2,3,") != 1 {
		t.Fatalf("export:\n%s", data)
	}
	lines[2] = strings.Replace(lines[2], ",2,3,", ",2,,", 1) // the void's number cut
	to := dbtest.New(t)
	_, problems, err := reader(t, to).Read("entries.csv", []byte(strings.Join(lines, "\n")))
	if err != nil || len(problems) != 1 || problems[0].Line != 3 || problems[0].Column != "무효 순번" {
		t.Fatalf("problems %v (%v)", problems, err)
	}
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		if text := problems[0].Text(lang); !strings.Contains(text, "기록 순번") || !strings.Contains(text, "무효 순번") {
			t.Errorf("%s: %s", lang, text)
		}
	}
	if n := sum(t, to, "true"); n != 0 {
		t.Errorf("%d jobs written", n)
	}
}
