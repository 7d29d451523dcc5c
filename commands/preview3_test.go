package commands_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
	"jobsbot/importer"
)

// burstStore lets a burst of typed adds commit inside every attempt of an
// import preview: at each attempt's first row (its snapshot taken), it asks
// for a burst and waits for it to end. It keeps every result the store gave.
type burstStore struct {
	*db.Store
	burst    func()
	attempts atomic.Int32
	mu       sync.Mutex
	results  map[bool]commands.ImportResult // by dryRun
}

func (b *burstStore) Import(ctx context.Context, f commands.ImportFile, dryRun bool) (commands.ImportResult, error) {
	if dryRun && f.Scan != nil {
		scan := f.Scan
		f.Scan = func(sink commands.ImportSink) error {
			b.attempts.Add(1)
			first := true
			return scan(pausingSink{ImportSink: sink, after: func() {
				if first {
					first = false
					b.burst()
				}
			}})
		}
	}
	res, err := b.Store.Import(ctx, f, dryRun)
	b.mu.Lock()
	b.results[dryRun] = res
	b.mu.Unlock()
	return res, err
}

// Review r42 B3: the import preview reads one REPEATABLE READ snapshot
// (r40 M1), but it wrote its simulated rows' totals (program_days,
// program_months, …) through the entries trigger, the rows every add of
// that program updates: an add committed after the snapshot failed the
// preview with a serialization error, every one of its retries too, so a
// busy program could not be previewed (nor applied: the button comes with
// the preview). Typed adds to the same program and days commit while every
// attempt of a 500-row preview runs: the preview completes, its figures are
// the file's alone (the SQL SUM of the rows it then applies), and the apply,
// with more adds going on, adds exactly the file.
func TestR42PreviewCompletesUnderConcurrentAdds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	const rows, adds, burst = 500, 100, 20
	typed := r42Service(s, nil)
	var sent atomic.Int32
	var typedSum atomic.Int64
	var failed sync.Map
	add := func(wg *sync.WaitGroup) {
		defer wg.Done()
		i := sent.Add(1) - 1
		if i >= adds {
			return
		}
		// A figure of its own for each day: no add is held as a repeat.
		line := fmt.Sprintf("add %d youth date:2026-03-%02d note:r42b3-%d", 2+i/28, 1+i%28, i)
		if r := typed.Handle(ctx, slackUser(fmt.Sprintf("UA%d", i)), line); r.Outcome != commands.OutcomeOK {
			failed.Store(line, fmt.Sprintf("%q %s", r.Outcome, r.Text()))
		} else {
			typedSum.Add(int64(2 + i/28))
		}
	}
	// January's figure first: no typed add of March is as large as the
	// year's total so far (asked as a 누계 written as an increase).
	if r := typed.Handle(ctx, slackUser("U_SEED"), "add 30 youth date:2026-01-05"); r.Outcome != commands.OutcomeOK {
		t.Fatalf("seed: %q %s", r.Outcome, r.Text())
	}
	typedSum.Add(30)
	bs := &burstStore{Store: s, results: map[bool]commands.ImportResult{}}
	bs.burst = func() {
		var wg sync.WaitGroup
		for range burst {
			wg.Add(1)
			go add(&wg)
		}
		wg.Wait()
	}
	manager := r42Service(s, &fileFetcher{data: entriesCSV(t, s, rows)}, bs)

	preview := manager.Handle(ctx, slackUser("U_MGR"), "가져오기")
	if preview.Outcome != commands.OutcomeOK || len(preview.Actions) != 1 || !strings.Contains(preview.Text(), "새 기록 500건") {
		t.Fatalf("preview under concurrent adds (%d attempts): %q %s", bs.attempts.Load(), preview.Outcome, preview.Text())
	}
	if n := bs.attempts.Load(); n != 1 {
		t.Errorf("the preview ran %d times, want once", n)
	}
	for _, leak := range []string{"pq:", "serialize", "40001", "db:"} {
		if strings.Contains(preview.Text(), leak) {
			t.Errorf("preview shows %q: %s", leak, preview.Text())
		}
	}
	var figure int64
	for _, c := range bs.results[true].Cells {
		figure += c.Added
	}

	// The rest of the adds go on while the file is applied.
	var wg sync.WaitGroup
	for range adds {
		wg.Add(1)
		go add(&wg)
	}
	applied := manager.Handle(ctx, slackUser("U_MGR"), preview.Actions[0].Command)
	wg.Wait()
	failed.Range(func(k, v any) bool {
		t.Errorf("typed add %s: %s", k, v)
		return true
	})
	if applied.Outcome != commands.OutcomeOK {
		t.Fatalf("apply: %q %s", applied.Outcome, applied.Text())
	}
	sum := func(q string) int64 {
		t.Helper()
		var n int64
		if err := s.DB().GetContext(ctx, &n, q); err != nil {
			t.Fatal(err)
		}
		return n
	}
	imported := sum(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND source = 'import'`)
	if imported != rows || figure != imported {
		t.Errorf("preview figures +%d; the file's rows sum to %d in SQL, want %d", figure, imported, rows)
	}
	var appFigure int64
	for _, c := range bs.results[false].Cells {
		appFigure += c.Added
	}
	if appFigure != imported || int64(bs.results[false].Added) != imported {
		t.Errorf("apply figures +%d (added %d), the file's rows sum to %d in SQL", appFigure, bs.results[false].Added, imported)
	}
	if total := sum(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); total != rows+typedSum.Load() {
		t.Errorf("SQL SUM of entries %d, want %d (%d imported, %d typed)", total, rows+typedSum.Load(), rows, typedSum.Load())
	}
	dbtest.CheckTotals(t, s)
}

// r42Service is a Korean service on s for the r42 tests; with a fetcher, its
// imports go through store (s itself when none is given).
func r42Service(s *db.Store, f *fileFetcher, store ...importer.Store) *commands.Service {
	cfg := commands.Config{Store: s, Language: commands.Korean, Managers: []string{"U_MGR"}, ExportConcurrency: 2,
		WritesPerMinute: -1, Now: func() time.Time { return fixedNow }, DBDeadline: 30 * time.Second}
	if f != nil {
		st := importer.Store(s)
		if len(store) > 0 {
			st = store[0]
		}
		cfg.FileFetcher = f
		cfg.FileImporter = importer.Service{Store: st, Today: func() time.Time { return day(2026, 12, 3) }, RowCap: importer.SlackRowCap}
	}
	return commands.New(cfg)
}

// Review r42 (MINOR, after r39 F14): the report import still dropped a
// figure typed over a 소계 row's month cell and a formula replaced by one
// that refers to no cell (`=100`), with the normal preview and
// 가져왔습니다. Each is refused naming the sheet and the cell and saying
// where to make the change; nothing is written.
func TestR42ReportImportRefusesSubtotalAndConstantFormulaEdits(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-11-26")
			h.run(manager, byLang(lang, "add youth 6 date:2026-11-10", "추가 청년 6 날짜:11/10"), commands.OutcomeOK)
			sent, _ := h.ledgerIO()
			h.run(manager, byLang(lang, "export xlsx report", "엑셀 xlsx 보고서"), commands.OutcomeOK)
			name, data := sent.name, sent.body
			sum := func() int64 {
				return h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL`)
			}
			before := sum()
			const sheet = "사업별 보고서"
			for _, tc := range []struct {
				label, header string
				set           func(f *excelize.File, cell string) error
				says          []string
			}{
				{"소계", "11월", func(f *excelize.File, cell string) error { return f.SetCellValue(sheet, cell, 50) },
					[]string{"`50`", byLang(lang, "소계 or 합계 row", "소계·합계 행"), byLang(lang, "program's own row", "해당 사업 행의 월별 칸"),
						byLang(lang, "Nothing was imported", "아무것도 가져오지 않았습니다")}},
				{"청년일자리", "증감", func(f *excelize.File, cell string) error { return f.SetCellFormula(sheet, cell, "=100") },
					[]string{"`=100`", byLang(lang, "refers to no cell", "다른 칸을 가리키지 않는 수식"), byLang(lang, "month cells", "월별 실적 칸"),
						byLang(lang, "Nothing was imported", "아무것도 가져오지 않았습니다")}},
			} {
				f, err := excelize.OpenReader(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				cell := labels19Cell(t, f, sheet, tc.label, tc.header)
				if err := tc.set(f, cell); err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := f.Write(&buf); err != nil {
					t.Fatal(err)
				}
				said, applied := labels19ImportReport(t, h, lang, name, buf.Bytes())
				mustContain(t, said, append(tc.says, "`"+sheet+"`", cell)...)
				if applied {
					t.Errorf("%s %s edited: the import was applied:\n%s", tc.label, cell, said)
				}
				if got := sum(); got != before {
					t.Errorf("a refused file changed the ledger: SQL SUM %d, was %d", got, before)
				}
			}
			if said, applied := labels19ImportReport(t, h, lang, name, data); !applied {
				t.Errorf("the untouched export is refused:\n%s", said)
			}
			if got := sum(); got != before {
				t.Errorf("the untouched export changed the ledger: SQL SUM %d, was %d", got, before)
			}
		})
	}
}
