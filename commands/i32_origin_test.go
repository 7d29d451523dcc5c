package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/export"
	"jobsbot/importer"
)

// namedFetcher hands out one file under its name (.csv or .xlsx).
type namedFetcher struct {
	name string
	data []byte
}

func (f *namedFetcher) FetchFile(context.Context, string, string, int64) (commands.SharedFile, error) {
	return commands.SharedFile{ID: "F1", Name: f.name, Data: f.data}, nil
}

// ledgerIO gives the harness an exporter, a file catcher and an importer
// reading what fetch holds, as serve wires them.
func (h *harness) ledgerIO() (*fileCatcher, *namedFetcher) {
	sent, fetch := &fileCatcher{}, &namedFetcher{}
	h.svc = h.with(func(c *commands.Config) {
		c.Exporter, c.FileSender, c.FileFetcher = export.New(h.store, nil), sent, fetch
		c.FileImporter = importer.Service{Store: h.store, Today: func() time.Time { return day(2026, 11, 26) },
			Now: func() time.Time { return fixedNow }}
	})
	return sent, fetch
}

// exportEntries runs the entries export in format and returns the file.
func (h *harness) exportEntries(lang commands.Lang, format string) (string, []byte) {
	h.t.Helper()
	sent, _ := h.ledgerIO()
	line := "엑셀 " + format + " 실적명세"
	if lang == commands.English {
		line = "export " + format + " entries"
	}
	h.run(manager, line, commands.OutcomeOK)
	return sent.name, sent.body
}

// importFile previews a file and, when the preview offers it, applies it
// as the manager; it returns the preview's and the apply's replies.
func (h *harness) importFile(lang commands.Lang, name string, data []byte) (preview, applied string) {
	h.t.Helper()
	_, fetch := h.ledgerIO()
	fetch.name, fetch.data = name, data
	word := "가져오기"
	if lang == commands.English {
		word = "import"
	}
	r := h.svc.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceSlash}, word)
	preview = r.Text()
	if len(r.Actions) == 1 {
		applied = h.svc.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceSlash}, r.Actions[0].Command).Text()
	}
	return preview, applied
}

func (h *harness) liveSumAll() int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`)
}

// originLedger types a ledger with a 누계, a 정정 and a 무효 in lang.
func originLedger(h *harness, lang commands.Lang) {
	ko := lang == commands.Korean
	pick := func(k, e string) string {
		if ko {
			return k
		}
		return e
	}
	h.run(manager, pick("추가 청년 5 날짜:4월 1일", "add 5 youth date:2026-04-01"), commands.OutcomeOK)
	h.run(manager, pick("추가 청년 100 누계 날짜:4월 10일", "add 100 youth cumulative date:2026-04-10"), commands.OutcomeOK)
	h.run(manager, pick("추가 청년 3 날짜:4월 12일", "add 3 youth date:2026-04-12"), commands.OutcomeOK)
	h.run(manager, fmt.Sprintf(pick("정정 #%d 4 오기", "correct #%d 4 typo"), h.newestID()), commands.OutcomeOK)
	h.run(manager, pick("추가 노인 8 날짜:5월 2일", "add 8 senior date:2026-05-02"), commands.OutcomeOK)
	h.run(manager, fmt.Sprintf(pick("무효 #%d 중복", "void #%d duplicate"), h.newestID()), commands.OutcomeOK)
	h.run(manager, pick("추가 노인 6 날짜:5월 3일", "add 6 senior date:2026-05-03"), commands.OutcomeOK)
}

// Review finding 1: the entries export imported back into the ledger it
// came from added every row again (its rows carry new idempotency keys),
// and a file that went to ledger B and came back from B's export doubled
// too. Every entry now has an origin (기록 식별자) that the export writes
// and the import keeps: a row whose origin is in the ledger is not added
// again, and the preview and the result say how many were already there.
func TestEntriesExportImportedIntoItsOwnLedgerAddsNothing(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(string(lang)+" "+format, func(t *testing.T) {
				h := newHarness(t, lang)
				originLedger(h, lang)
				before, rows := h.liveSumAll(), h.sqlInt(`SELECT count(*) FROM entries`)
				name, data := h.exportEntries(lang, format)
				preview, applied := h.importFile(lang, name, data)
				if got := h.liveSumAll(); got != before {
					t.Errorf("live jobs %d after the import, %d before (SQL SUM); want unchanged\npreview:\n%s\napplied:\n%s", got, before, preview, applied)
				}
				if got := h.sqlInt(`SELECT count(*) FROM entries`); got != rows {
					t.Errorf("%d entries after the import, %d before; want none added", got, rows)
				}
				want := fmt.Sprintf("이미 있는 기록 %d건", rows)
				if lang == commands.English {
					want = fmt.Sprintf("%d already in the ledger", rows)
				}
				if !strings.Contains(preview, want) {
					t.Errorf("preview lacks %q:\n%s", want, preview)
				}
			})
		}
	}
}

// A→B→A: ledger A's export imported into B, B's own entry added, B's
// export imported back into A: A gains B's entry only and both ledgers'
// plain SQL SUMs agree.
func TestEntriesRoundTripThroughAnotherLedgerKeepsTheSum(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			a, b := newHarness(t, lang), newHarness(t, lang)
			originLedger(a, lang)
			start := a.liveSumAll()
			name, data := a.exportEntries(lang, "csv")
			p, r := b.importFile(lang, name, data)
			if got := b.liveSumAll(); got != start {
				t.Fatalf("B holds %d live jobs after A's export, A %d\npreview:\n%s\n%s", got, start, p, r)
			}
			line := "추가 청년 7 날짜:6월 3일"
			if lang == commands.English {
				line = "add 7 youth date:2026-06-03"
			}
			b.run(manager, line, commands.OutcomeOK)
			// B voids one of A's entries and corrects another: brought back,
			// both apply to A's own entries (found by origin), not to copies.
			senior := b.sqlInt(`SELECT e.id FROM entries e JOIN programs p ON p.id = e.program_id
				WHERE p.code = 'senior' AND e.count = 6 AND e.voided_at IS NULL`)
			youth := b.sqlInt(`SELECT e.id FROM entries e JOIN programs p ON p.id = e.program_id
				WHERE p.code = 'youth' AND e.count = 5 AND e.kind = 'delta' AND e.voided_at IS NULL`)
			voidLine, correctLine := "무효 #%d 중복", "정정 #%d 9 오기 누계포함:예"
			if lang == commands.English {
				voidLine, correctLine = "void #%d duplicate", "correct #%d 9 typo within:yes"
			}
			b.run(manager, fmt.Sprintf(voidLine, senior), commands.OutcomeOK)
			b.run(manager, fmt.Sprintf(correctLine, youth), commands.OutcomeOK)
			// The 정정 of 4/1's 5 to 9 is inside the 4/10 누계 of 100, which
			// keeps its total: only the void changes the sum.
			want := start + 7 - 6
			name, data = b.exportEntries(lang, "xlsx")
			p, r = a.importFile(lang, name, data)
			if got, inB := a.liveSumAll(), b.liveSumAll(); got != inB || got != want {
				t.Errorf("after B's export came back A holds %d live jobs, B %d; want both %d\npreview:\n%s\napplied:\n%s", got, inB, want, p, r)
			}
			if n := a.sqlInt(`SELECT count(*) FROM entries`); n != b.sqlInt(`SELECT count(*) FROM entries`) {
				t.Errorf("A holds %d entries, B %d: the same entries, each once", n, b.sqlInt(`SELECT count(*) FROM entries`))
			}
			// And once more into B: nothing new.
			name, data = a.exportEntries(lang, "csv")
			b.importFile(lang, name, data)
			if got := b.liveSumAll(); got != want {
				t.Errorf("B holds %d after A's second export; want %d", got, want)
			}
		})
	}
}

// A row that has no origin the ledger knows (a file from elsewhere, or an
// export from before 기록 식별자) and is identical to a live entry
// (program, 기준일, count, status, department) is refused on its line:
// imported, it would count the same jobs twice.
func TestImportRefusesARowIdenticalToALiveEntry(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			line := "추가 청년 5 날짜:4월 1일"
			if lang == commands.English {
				line = "add 5 youth date:2026-04-01"
			}
			h.run(manager, line, commands.OutcomeOK)
			before := h.liveSumAll()
			file := entriesHeader + "1,2026-04-02,youth,,2,증가분,채용,다른 날,U_IMP,2026-04-02 09:00:00\n" +
				"2,2026-04-01,youth,,5,증가분,채용,손으로 옮김,U_IMP,2026-04-01 09:00:00\n"
			preview, applied := h.importFile(lang, "실적.csv", []byte(file))
			if applied != "" {
				t.Errorf("a file with a row identical to a live entry was offered for applying:\n%s\n%s", preview, applied)
			}
			want := []string{"3행", "같은 기록(사업"}
			if lang == commands.English {
				want = []string{"line 3", "same record as entry"}
			}
			for _, w := range want {
				if !strings.Contains(preview, w) {
					t.Errorf("preview lacks %q:\n%s", w, preview)
				}
			}
			if got := h.liveSumAll(); got != before {
				t.Errorf("live jobs %d, want %d: nothing written", got, before)
			}
		})
	}
}

// Review B8: an entries file's 정정 column may name, as an entry's
// replacement, an entry of another program, kind or status; the import
// linked them, and a later 취소 restored the original beside an entry it
// never replaced. Such a link is refused on the original's line, naming
// it; nothing is written.
func TestImportRefusesACorrectionAcrossProgramOrKind(t *testing.T) {
	t.Parallel()
	const header = "번호,기준일,사업코드,부서,일자리 수,보고 방식,보고 누계,상태,메모,기록자 ID,기록 일시,무효,무효 처리자 ID,무효 일시,무효 사유,정정\n"
	original := "1,2026-04-01,youth,,5,증가분,,채용,원래,U_IMP,2026-04-01 09:00,무효,U_IMP,2026-04-02 09:00,오기,#2로 정정\n"
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for name, replacement := range map[string]string{
			"program": "2,2026-04-01,senior,,5,증가분,,채용,다른 사업,U_IMP,2026-04-02 09:00,,,,,\n",
			"kind":    "2,2026-04-01,youth,,50,누계,50,채용,누계,U_IMP,2026-04-02 09:00,,,,,\n",
			"status":  "2,2026-04-01,youth,,5,증가분,,약정,약정,U_IMP,2026-04-02 09:00,,,,,\n",
		} {
			t.Run(string(lang)+" "+name, func(t *testing.T) {
				h := newHarness(t, lang)
				preview, applied := h.importFile(lang, "실적.csv", []byte(header+original+replacement))
				if applied != "" {
					t.Errorf("a 정정 across %s was offered for applying:\n%s\n%s", name, preview, applied)
				}
				want := []string{"2행", "[정정]", "#2"}
				if lang == commands.English {
					want = []string{"line 2", "[정정]", "#2", "another program"}
				}
				for _, w := range want {
					if !strings.Contains(preview, w) {
						t.Errorf("preview lacks %q:\n%s", w, preview)
					}
				}
				if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
					t.Errorf("%d entries written; want none", n)
				}
			})
		}
	}
}

// Review B4: a hire recorded with 누계포함:예 (already inside a later 누계)
// re-based that report, so it kept the total it reported. The entries
// export did not say so and the import replayed the hire as a plain add:
// 65 came back as 95, and a later 누계 of 95 then agreed with the ledger
// and was dropped. The export now writes 누계포함 on such a hire and the
// import re-bases the report as the hire did; every figure is compared
// with a plain SQL SUM, in both directions.
func TestWithinHireSurvivesTheRoundTrip(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(string(lang)+" "+format, func(t *testing.T) {
				ko := lang == commands.Korean
				pick := func(k, e string) string {
					if ko {
						return k
					}
					return e
				}
				a := newHarness(t, lang)
				a.run(manager, pick("추가 청년 65 누계 날짜:4월 30일", "add 65 youth cumulative date:2026-04-30"), commands.OutcomeOK)
				a.run(manager, pick("추가 청년 50 상태:약정 날짜:3월 5일", "add 50 youth status:agreed date:2026-03-05"), commands.OutcomeOK)
				agreement := a.newestID()
				a.run(manager, fmt.Sprintf(pick("채용 #%d 30 4월 10일 누계포함:예", "hire #%d 30 2026-04-10 within:yes"), agreement), commands.OutcomeOK)
				a.run(manager, pick("추가 청년 95 누계 날짜:5월 31일", "add 95 youth cumulative date:2026-05-31"), commands.OutcomeOK)
				through := func(h *harness, day string) int64 {
					return h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND as_of <= $1::date`, day)
				}
				reports := func(h *harness) int64 {
					return h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND kind = 'cumulative'`)
				}
				if through(a, "2026-04-30") != 65 || through(a, "2026-05-31") != 95 {
					t.Fatalf("ledger A: %d through 4/30, %d through 5/31; want 65 and 95", through(a, "2026-04-30"), through(a, "2026-05-31"))
				}
				b := newHarness(t, lang)
				name, data := a.exportEntries(lang, format)
				p, r := b.importFile(lang, name, data)
				for _, day := range []string{"2026-04-10", "2026-04-30", "2026-05-31"} {
					if got, want := through(b, day), through(a, day); got != want {
						t.Errorf("through %s: imported %d, ledger %d (SQL SUM)\npreview:\n%s\napplied:\n%s", day, got, want, p, r)
					}
				}
				if got, want := reports(b), reports(a); got != want {
					t.Errorf("imported ledger holds %d live 누계 reports, the ledger %d", got, want)
				}
				// And the imported ledger's own export carries it again.
				c := newHarness(t, lang)
				name, data = b.exportEntries(lang, format)
				c.importFile(lang, name, data)
				if got := through(c, "2026-04-30"); got != 65 {
					t.Errorf("exported again: %d through 4/30; want 65", got)
				}
				if got := through(c, "2026-05-31"); got != 95 {
					t.Errorf("exported again: %d through 5/31; want 95", got)
				}
			})
		}
	}
}
