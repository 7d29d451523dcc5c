package importer_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/db"
	"jobsbot/db/dbtest"
	"jobsbot/export"
	"jobsbot/importer"
)

// ifxFetcher hands the importer the file a test "sent" in a DM.
type ifxFetcher struct {
	name string
	data []byte
}

func (f *ifxFetcher) FetchFile(context.Context, string, string, int64) (commands.SharedFile, error) {
	return commands.SharedFile{ID: "F1", Name: f.name, Data: f.data}, nil
}

// ifxSent catches the file an export sends.
type ifxSent struct {
	name string
	body []byte
}

func (c *ifxSent) SendFile(_ context.Context, _ string, f commands.File) error {
	c.name = f.Name
	var err error
	c.body, err = io.ReadAll(f.Body)
	return err
}

// ifx is a ledger a manager works in through Service.Handle, exporting and
// importing as serve wires it, on a clock the test moves (10:00 in Seoul
// of the day given): the commands, the exporter and the importer all read
// that one clock, as `console --today` and `import --today` do.
type ifx struct {
	t     *testing.T
	lang  commands.Lang
	store *db.Store
	svc   *commands.Service
	clock time.Time
	fetch *ifxFetcher
	sent  *ifxSent
	n     int
}

func newIfx(t *testing.T, lang commands.Lang, day string) *ifx {
	t.Helper()
	h := &ifx{t: t, lang: lang, store: dbtest.New(t), fetch: &ifxFetcher{}, sent: &ifxSent{}}
	h.at(day)
	now := func() time.Time { return h.clock }
	h.svc = commands.New(commands.Config{DBDeadline: time.Minute, Store: h.store, Location: seoul, Language: lang, Managers: []string{"UMGR"}, Now: now,
		Exporter: export.New(h.store, seoul), FileSender: h.sent, FileFetcher: h.fetch,
		FileImporter: importer.Service{Store: h.store, Today: func() time.Time { return dates.Today(now(), seoul) },
			Location: seoul, Now: now}})
	return h
}

// at moves the clock to 10:00 in Seoul on day (YYYY-MM-DD).
func (h *ifx) at(day string) {
	h.t.Helper()
	d, err := time.ParseInLocation(time.DateOnly, day, seoul)
	if err != nil {
		h.t.Fatal(err)
	}
	h.clock = d.Add(10 * time.Hour)
}

func (h *ifx) by(en, ko string) string {
	if h.lang == commands.English {
		return en
	}
	return ko
}

// run types line as the manager and checks the outcome.
func (h *ifx) run(line string, want commands.Outcome) string {
	h.t.Helper()
	h.n++
	r := h.svc.Handle(context.Background(), commands.Caller{UserID: "UMGR", Source: commands.SourceConsole, IdempotencyKey: fmt.Sprint("ifx", h.n)}, line)
	if r.Outcome != want {
		h.t.Fatalf("%q: %s, want %s\n%s", line, r.Outcome, want, r.Text())
	}
	return r.Text()
}

// importFile sends a file and previews it; when the preview offers the
// button, presses it. It returns both replies and the preview's outcome.
func (h *ifx) importFile(name string, data []byte) (preview, applied string, outcome commands.Outcome) {
	h.t.Helper()
	h.fetch.name, h.fetch.data = name, data
	r := h.svc.Handle(context.Background(), commands.Caller{UserID: "UMGR", Source: commands.SourceSlash}, h.by("import", "가져오기"))
	if len(r.Actions) == 1 {
		applied = h.svc.Handle(context.Background(), commands.Caller{UserID: "UMGR", Source: commands.SourceSlash}, r.Actions[0].Command).Text()
	}
	return r.Text(), applied, r.Outcome
}

// exportEntries runs the entries export in format and returns the file.
func (h *ifx) exportEntries(format string) (string, []byte) {
	h.t.Helper()
	h.run(h.by("export "+format+" entries", "엑셀 "+format+" 실적명세"), commands.OutcomeOK)
	return h.sent.name, h.sent.body
}

func (h *ifx) sqlInt(q string, args ...any) int64 {
	h.t.Helper()
	var n int64
	if err := h.store.DB().GetContext(context.Background(), &n, q, args...); err != nil {
		h.t.Fatalf("%s: %v", q, err)
	}
	return n
}

// liveSum is a plain SQL SUM of the live realised jobs, of cond.
func (h *ifx) liveSum(cond string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND ` + cond)
}

func mustHave(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q in:\n%s", w, text)
		}
	}
}

// Review r37 F9: 마감 → 마감 해제 → rows imported for the month → 마감
// again. The console's add in the reopened month is recorded by the
// service's clock, between the reopening and the second close; the
// import's rows were recorded by the database's clock, so in a session
// replayed with --today they were recorded after the second close (a
// change to a closed month without the 마감 후 정정 mark), and the
// month's own export came back refused, its 기록 일시 "in the future".
// Imported rows now count exactly as the console's add: recorded at the
// import's moment, no 마감 후 정정, the close names their department as
// reported, the status figures equal SQL SUMs, and the export imports
// back as the ledger's own rows.
func TestImportfixReopenedMonthImportCountsAsConsoleAdds(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newIfx(t, lang, "2026-12-02")
			h.run(h.by("add 10 senior date:2026-11-20", "추가 노인 10 날짜:2026. 11. 20."), commands.OutcomeOK)
			h.run(h.by("close 2026-11", "마감 11월"), commands.OutcomeOK)
			h.at("2026-12-03")
			h.run(h.by("close reopen 2026-11 rows missed", "마감 해제 11월 누락 보완"), commands.OutcomeOK)
			h.run(h.by("add 5 youth date:2026-11-25", "추가 청년 5 날짜:2026. 11. 25."), commands.OutcomeOK)
			file := "\uFEFF기준일,사업코드,일자리 수,보고 방식,상태,메모\n2026-11-26,women,7,증가분,채용,경로당\n"
			preview, applied, _ := h.importFile("dept.csv", []byte(file))
			if applied == "" {
				t.Fatalf("the file was not applied:\n%s", preview)
			}
			imported := `source = 'import'`
			if got := h.liveSum(imported); got != 7 {
				t.Fatalf("SQL sum of the imported rows %d, want 7", got)
			}
			// Recorded at the import's moment, as the console's add of the
			// same day: 2026-12-03 10:00 in Seoul.
			if got := h.sqlInt(`SELECT count(*) FROM entries WHERE created_at = $1`, h.clock); got != 2 {
				t.Errorf("%d entries recorded at %s, want the console's add and the imported row", got, h.clock)
			}
			h.at("2026-12-04")
			closed := h.run(h.by("close 2026-11", "마감 11월"), commands.OutcomeOK)
			if strings.Contains(closed, "여성가족과") {
				t.Errorf("the close names the imported rows' department as not reported:\n%s", closed)
			}
			// Nothing recorded in November after its standing close, and no
			// 마감 후 정정 mark: the import is no change after close.
			if got := h.sqlInt(`SELECT count(*) FROM entries e JOIN month_closes c ON c.month = '2026-11-01' WHERE e.created_at >= c.closed_at`); got != 0 {
				t.Errorf("%d entries recorded after November's close", got)
			}
			if got := h.sqlInt(`SELECT count(*) FROM entry_after_close`); got != 0 {
				t.Errorf("%d changes after close marked", got)
			}
			status := h.run(h.by("status 2026-11", "현황 11월"), commands.OutcomeOK)
			if strings.Contains(status, h.by("Changed after close", "마감 후 정정")) {
				t.Errorf("status lists changes after close:\n%s", status)
			}
			total := h.liveSum(`as_of BETWEEN '2026-11-01' AND '2026-11-30'`)
			if total != 22 {
				t.Fatalf("SQL sum of November %d, want 22", total)
			}
			mustHave(t, status, h.by("22", "22개"))
			// The month's own export comes back: every row the ledger's own.
			for _, format := range []string{"csv", "xlsx"} {
				name, data := h.exportEntries(format)
				preview, _, outcome := h.importFile(name, data)
				if outcome != commands.OutcomeOK {
					t.Errorf("%s: the ledger's own export was refused:\n%s", format, preview)
				}
				mustHave(t, preview, h.by("3 already in the ledger", "이미 있는 기록 3건"))
			}
			if got := h.liveSum(`as_of BETWEEN '2026-11-01' AND '2026-11-30'`); got != total {
				t.Errorf("SQL sum of November %d after the round trip, want %d", got, total)
			}
		})
	}
}

// Review r38 M7: a note stored before CleanText existed may hold a
// zero-width space or a bidi mark. The export writes notes as CleanText
// leaves them (the boundary rule), so the ledger's own export came back
// with notes "edited" and was refused on every such row. A held row's note
// is compared as the export writes it: the export imports back into its
// ledger (nothing added) and into an empty one (the figures, notes
// cleaned); a mark typed into a figure or date cell is still refused
// (TestImportRefusesDirectionMarksInCells).
func TestImportfixOwnExportWithOldMarksImportsBack(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(string(lang)+" "+format, func(t *testing.T) {
				t.Parallel()
				h := newIfx(t, lang, "2026-11-26")
				h.run(h.by("add 5 youth date:2026-11-20 note:경로당 채용", "추가 청년 5 날짜:2026. 11. 20. 메모:경로당 채용"), commands.OutcomeOK)
				h.run(h.by("add 3 senior date:2026-11-21 note:사입", "추가 노인 3 날짜:2026. 11. 21. 메모:사입"), commands.OutcomeOK)
				h.run(h.by("add 4 women date:2026-11-23", "추가 여성 4 날짜:2026. 11. 23."), commands.OutcomeOK)
				// as stored before CleanText: a zero-width space, an RLM, an override
				h.sqlInt(`WITH u AS (UPDATE entries SET note = CASE WHEN count = 5 THEN E'경로\u200B당 \u200F채용' ELSE E'\u202E사입' END
					WHERE count IN (5, 3) RETURNING id) SELECT count(*) FROM u`)
				before, rows := h.liveSum("true"), h.sqlInt(`SELECT count(*) FROM entries`)
				name, data := h.exportEntries(format)
				preview, applied, outcome := h.importFile(name, data)
				if outcome != commands.OutcomeOK || applied != "" {
					t.Fatalf("the ledger's own export: %s\n%s\n%s", outcome, preview, applied)
				}
				mustHave(t, preview, h.by("3 already in the ledger", "이미 있는 기록 3건"))
				if got, n := h.liveSum("true"), h.sqlInt(`SELECT count(*) FROM entries`); got != before || n != rows {
					t.Errorf("SQL sum %d (was %d), %d entries (was %d)", got, before, n, rows)
				}
				// Into an empty ledger: the same figures, the notes as shown.
				to := newIfx(t, lang, "2026-11-26")
				preview, applied, _ = to.importFile(name, data)
				if applied == "" {
					t.Fatalf("the export was refused by another ledger:\n%s", preview)
				}
				for _, cond := range []string{"true", "as_of = '2026-11-20'", "as_of = '2026-11-21'", "as_of = '2026-11-23'"} {
					if got, want := to.liveSum(cond), h.liveSum(cond); got != want {
						t.Errorf("%s: SQL sum %d, want %d", cond, got, want)
					}
				}
				if got := to.sqlInt(`SELECT count(*) FROM entries WHERE note IN ('경로당 채용', '사입')`); got != 2 {
					t.Errorf("%d notes stored as shown, want 2", got)
				}
			})
		}
	}
}

// Review r38 M5: a file refused as a whole writes nothing, yet the result
// counted the rows applied before a later row's problem (a 누계 whose 일자리
// 수 differs from the increment derived, found as it is written), and
// `jobsbot import` logged them as added. The result of a refused file adds
// nothing; the reply says nothing was imported and offers no button.
func TestImportfixRefusedFileAddsNothing(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newIfx(t, lang, "2026-11-26")
			file := "\uFEFF기준일,사업코드,일자리 수,보고 방식,보고 누계,상태\n" +
				"2026-11-20,youth,5,증가분,,채용\n" +
				"2026-11-24,youth,7,누계,50,채용\n"
			rd := reader(t, h.store)
			rd.Today, rd.Now = dates.Today(h.clock, seoul), h.clock
			f, problems, err := rd.Read("dept.csv", []byte(file))
			if err != nil || len(problems) > 0 {
				t.Fatalf("read: %v %v", err, problems)
			}
			for _, dry := range []bool{true, false} {
				res, err := h.store.Import(context.Background(), f, dry)
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Problems) != 1 || res.Problems[0].Line != 3 {
					t.Fatalf("dry run %v: problems %+v, want line 3's", dry, res.Problems)
				}
				if res.Added != 0 || res.Voided != 0 || len(res.Cells) != 0 {
					t.Errorf("dry run %v: a refused file counts %d added, %d voided, %d cells", dry, res.Added, res.Voided, len(res.Cells))
				}
			}
			preview, applied, outcome := h.importFile("dept.csv", []byte(file))
			if outcome != commands.OutcomeRefused || applied != "" {
				t.Fatalf("%s, applied %q:\n%s", outcome, applied, preview)
			}
			mustHave(t, preview, h.by("Nothing was imported", "아무것도 가져오지 않았습니다"), h.by("line 3", "3행"))
			if strings.Contains(preview, h.by("1 new", "새 기록 1건")) {
				t.Errorf("the refusal counts new entries:\n%s", preview)
			}
			if got := h.liveSum("true"); got != 0 {
				t.Errorf("SQL sum %d, want nothing written", got)
			}
		})
	}
}

// Review r34c: an exported row's relative words count from its 기록 일시,
// never from the import day. An exported row's 지난달 / 작년 4분기 went
// unread (a forged identifier passed 지난달분 on a December row recorded
// in December, filed in December): it names November, counted from the
// 기록 일시, and is refused naming both. 작년 4분기 on a 2026-12-10 row
// recorded 2027-01-05 is 2026's fourth quarter, its own, so the old export
// still imports into another ledger a year on (read from the import day,
// 작년 would be 2027). A department's row (no 기록 식별자) with 지난달 is
// refused as before.
func TestImportfixRelativeWordsCountFromTheRecordedDay(t *testing.T) {
	t.Parallel()
	const head = "\uFEFF기준일,사업코드,일자리 수,보고 방식,상태,메모,기록 식별자,기록 일시\n"
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newIfx(t, lang, "2028-02-10")
			old := head + "2026-12-10,youth,6,증가분,채용,작년 4분기 실적,0b7e3c1a-4d2f-4e8a-9c6b-1f2e3d4c5b6a,2027-01-05 09:00\n"
			preview, applied, _ := h.importFile("old.csv", []byte(old))
			if applied == "" {
				t.Fatalf("the old export's row was refused:\n%s", preview)
			}
			if got := h.liveSum(`as_of = '2026-12-10'`); got != 6 {
				t.Errorf("SQL sum on 2026-12-10 %d, want 6", got)
			}
			forged := head + "2027-12-10,youth,4,증가분,채용,지난달분,1c8f4d2b-5e3a-4f9b-8d7c-2a3b4c5d6e7f,2027-12-11 09:00\n"
			preview, applied, outcome := h.importFile("forged.csv", []byte(forged))
			if applied != "" || outcome != commands.OutcomeRefused {
				t.Fatalf("지난달분 on a December row was imported: %s\n%s", outcome, preview)
			}
			mustHave(t, preview, "`지난달분`", h.by("counted from its 기록 일시 2027-12-11 is a figure of 2027-11", "기록 일시 2027. 12. 11.부터 세면 2027년 11월 실적"),
				h.by("2027-11-30", "2027. 11. 30."))
			// A 정정's replacement carries its original's note, written on the
			// original's day (정정 사유 filled): its 지난달분 is not read from
			// the replacement's 기록 일시 (2028-01-05 would make it December).
			corrected := "\uFEFF기준일,사업코드,일자리 수,보고 방식,상태,메모,기록 식별자,기록 일시,정정 사유\n" +
				"2027-11-30,youth,5,증가분,채용,지난달분,2d9a5e3c-6f4b-4a0c-9e8d-3b4c5d6e7f80,2028-01-05 09:00,오기\n"
			preview, applied, _ = h.importFile("corrected.csv", []byte(corrected))
			if applied == "" {
				t.Fatalf("a 정정's replacement was refused:\n%s", preview)
			}
			dept := head + "2028-02-05,youth,3,증가분,채용,지난달분,,\n"
			preview, applied, outcome = h.importFile("dept.csv", []byte(dept))
			if applied != "" || outcome != commands.OutcomeRefused {
				t.Fatalf("a department's 지난달분 was imported: %s\n%s", outcome, preview)
			}
			if got := h.liveSum("true"); got != 11 {
				t.Errorf("SQL sum %d, want 11", got)
			}
			if got := h.liveSum(`as_of = '2027-11-30'`); got != 5 {
				t.Errorf("SQL sum on 2027-11-30 %d, want 5", got)
			}
		})
	}
}
