package commands_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r22 (i46): the import reads figures as the console reads them
// (F35, F41, F14), holds what the typed add holds (F16, F35b), takes the
// ledger's own export back after a month close (F12), and credits a new row
// to whoever imports, not to the colleague whose row it was copied from
// (F15). Today is 2026-11-26.

const i46Header = "기준일,사업명,일자리 수,보고 방식,보고 누계,상태,메모\n"

// typed runs a console line on an i31Env as its manager.
func (e *i31Env) typed(line string) commands.Reply {
	e.t.Helper()
	return e.svc.Handle(context.Background(), commands.Caller{UserID: "U_MGR", Source: commands.SourceConsole}, line)
}

// F35: "1,6", "1,20" and "2,4000" were stored as 16, 120 and 24,000. They
// are refused naming each cell, with the console's own words for them.
func TestImportRefusesMisplacedCommasAsTheConsole(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	if r := e.typed("추가 청년 1,6 10/21"); r.Outcome == commands.OutcomeOK || !strings.Contains(r.Text(), "쉼표 위치가 맞지 않습니다") {
		t.Fatalf("the console's reading changed: %q\n%s", r.Outcome, r.Text())
	}
	file := []byte(i46Header + "2026-10-21,청년,\"1,6\",증가분,,채용,x\n" +
		"2026-10-20,청년,\"1,20\",증가분,,채용,y\n" +
		"2026-10-19,청년,\"2,4000\",증가분,,채용,z\n")
	e.refused("misplaced commas", file, map[commands.Lang][]string{
		commands.Korean: {"2행 [일자리 수] `1,6`: 쉼표 위치가 맞지 않습니다", "3행 [일자리 수] `1,20`: 쉼표 위치가 맞지 않습니다",
			"4행 [일자리 수] `2,4000`: 쉼표 위치가 맞지 않습니다", "아무것도 가져오지 않았습니다"},
		commands.English: {"line 2 [일자리 수] `1,6` has a misplaced comma", "line 4 [일자리 수] `2,4000` has a misplaced comma"},
	})
	if n := e.liveSum(`TRUE`); n != 0 {
		t.Errorf("ledger holds %d, want 0", n)
	}
	// A report's month cell and 누계 cell are read by the same parser.
	e.refused("misplaced comma in a report", []byte(i44Report+"youth,청년일자리,,\"1,20\",,\"1,20\",\n"), map[commands.Lang][]string{
		commands.Korean:  {"3행 [10월] `1,20`: 쉼표 위치가 맞지 않습니다"},
		commands.English: {"line 3 [10월] `1,20` has a misplaced comma"},
	})
}

// F41, F14: a decrease points to 정정/무효 (and no "0 이상"), 30여 says to
// write 30 and 여 in 어림수(여), 0 asks for 1 or more; full-width digits
// and 누적 are read as the console reads them.
func TestImportFigureWordsAsTheConsole(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	file := []byte(i46Header + "2026-10-21,청년,-5,증가분,,채용,a\n" +
		"2026-10-21,청년,△5,증가분,,채용,b\n" +
		"2026-10-21,청년,(5),증가분,,채용,c\n" +
		"2026-10-21,청년,30여,증가분,,채용,d\n" +
		"2026-10-21,청년,0,증가분,,채용,e\n")
	e.refused("decreases and 여", file, map[commands.Lang][]string{
		commands.Korean: {"2행 [일자리 수] `-5`: 줄어든 수(음수)는 가져오지 않습니다", "3행 [일자리 수] `△5`: 줄어든 수",
			"4행 [일자리 수] `(5)`: 줄어든 수", "`정정 <번호> <바른 수> <사유>`", "`무효 <번호> <사유>`",
			"5행 [일자리 수] `30여`: 일자리 수 칸에는 수만 적습니다. `30`을 적고, 어림수라면 `어림수(여)` 칸에 `여`를 적어",
			"6행 [일자리 수] \"0\": 1 이상의 정수"},
		commands.English: {"line 2 [일자리 수] `-5` is a decrease", "`correct <no.> <right count> <reason>`",
			"line 5 [일자리 수] `30여`: 일자리 수 holds the figure only. Write 30 there and, for an approximate figure, 여 in the 어림수(여) column"},
	}, "0 이상", "0 or more")

	ok := []byte(i46Header + "2026-10-20,청년,１００,증가분,,채용,전각\n" +
		"2026-10-31,청년,,누적,150,채용,누적 보고\n")
	r := e.apply(ok)
	if r.Outcome != commands.OutcomeOK {
		t.Fatalf("full-width digits and 누적 refused: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`status = 'realised'`); n != 150 {
		t.Errorf("ledger holds %d (SQL SUM), want 150 (100, then 누계 150)", n)
	}
	if n := e.sqlInt(`SELECT count(*) FROM entries WHERE kind = 'cumulative' AND reported_total = 150`); n != 1 {
		t.Errorf("%d 누계 reports of 150, want 1 (누적 read as 누계)", n)
	}
}

// F16, F35b: a row over the program's whole-year target, and a delta that
// reads like a 누계, are held as the typed add holds them: refused naming
// the check and the 확인 column, and taken with 확인 예.
func TestImportHoldsWhatTheTypedAddHolds(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	for _, line := range []string{"추가 청년 50 10/1", "추가 청년 60 10/2", "목표 1,000 사업:청년"} {
		if r := e.typed(line); r.Outcome != commands.OutcomeOK {
			t.Fatalf("%s: %q\n%s", line, r.Outcome, r.Text())
		}
	}
	if r := e.typed("추가 청년 1,200 10/21"); r.Outcome == commands.OutcomeOK || !strings.Contains(r.Text(), "연간 목표") {
		t.Fatalf("the console no longer holds 1,200: %q\n%s", r.Outcome, r.Text())
	}
	file := i46Header + "2026-10-21,청년,\"1,200\",증가분,,채용,큰 수\n" +
		"2026-10-22,청년,120,증가분,,채용,많은 수\n" +
		"2026-10-23,청년,7,증가분,,채용,보통\n"
	e.refused("held rows", []byte(file), map[commands.Lang][]string{
		commands.Korean: {"2행 [일자리 수] \"1,200\": 한 건에 1,200개는 청년일자리 2026년 연간 목표(1,000개)보다 많습니다",
			"3행 [일자리 수] \"120\": 120개는 이 파일 전에 장부에 있던 청년일자리의 올해 2026. 10. 22.까지 누계(110개)와 같거나 많아",
			"`확인` 칸에 `예`를 적어"},
		commands.English: {"line 2 [일자리 수] \"1,200\": 1,200 in one row is more than the whole 2026 target for 청년일자리 (1,000)",
			"line 3 [일자리 수] \"120\"", "write 예 in this row's 확인 column"},
	}, "4행 [", "line 4 [")
	if n := e.liveSum(`TRUE`); n != 110 {
		t.Fatalf("ledger holds %d, want 110", n)
	}
	confirmed := strings.Replace(file, "메모\n", "메모,확인\n", 1)
	confirmed = strings.Replace(confirmed, "큰 수\n", "큰 수,예\n", 1)
	confirmed = strings.Replace(confirmed, "많은 수\n", "많은 수,예\n", 1)
	if r := e.apply([]byte(confirmed)); r.Outcome != commands.OutcomeOK {
		t.Fatalf("confirmed rows refused: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`TRUE`); n != 110+1200+120+7 {
		t.Errorf("ledger holds %d (SQL SUM), want %d", n, 110+1200+120+7)
	}
}

// editCSV reads an entries CSV export, lets edit change its entry rows
// (the header first) and writes it back; the 실적 없음 section is dropped.
func editCSV(t *testing.T, data []byte, edit func(rows [][]string) [][]string) []byte {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.FieldsPerRecord = -1
	all, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, rec := range all {
		if len(rec) > 0 && strings.HasPrefix(strings.TrimSpace(rec[0]), "[") {
			break
		}
		if strings.Join(rec, "") == "" {
			continue
		}
		rows = append(rows, rec)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(edit(rows)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func column(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, header)
	return -1
}

// F12: after 마감 the ledger's own entries export is taken back: the closed
// month's rows it holds, unchanged, add nothing; an edited closed-month row
// is still refused.
func TestImportOwnExportAfterMonthClose(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			h.run(manager, "추가 청년 5 날짜:10월 2일", commands.OutcomeOK)
			h.run(manager, "추가 노인 7 날짜:10월 3일", commands.OutcomeOK)
			h.run(manager, "추가 노인 4 날짜:11월 3일", commands.OutcomeOK)
			h.run(manager, "마감 2026-10", commands.OutcomeOK)
			name, data := h.exportEntries(lang, "csv")
			preview, applied := h.importFile(lang, name, data)
			unchanged := map[commands.Lang]string{commands.Korean: "새 기록 0건, 이미 있는 기록 3건", commands.English: "0 new entries, 3 already in the ledger"}[lang]
			if strings.Contains(preview, "마감") || strings.Contains(preview, "closed") || !strings.Contains(preview, unchanged) || applied != "" {
				t.Fatalf("own export not taken as unchanged after the close (want %q):\n%s\n%s", unchanged, preview, applied)
			}
			if got := h.liveSumAll(); got != 16 {
				t.Errorf("ledger holds %d (SQL SUM), want 16", got)
			}
			edited := editCSV(t, data, func(rows [][]string) [][]string {
				c := column(t, rows[0], "일자리 수")
				for _, row := range rows[1:] {
					if row[c] == "5" {
						row[c] = "50"
					}
				}
				return rows
			})
			preview, applied = h.importFile(lang, name, edited)
			want := map[commands.Lang]string{commands.Korean: "2026년 10월은 마감된 달이라", commands.English: "2026-10 is closed"}[lang]
			if !strings.Contains(preview, want) || applied != "" {
				t.Errorf("an edited closed-month row was not refused (want %q):\n%s", want, preview)
			}
			if got := h.liveSumAll(); got != 16 {
				t.Errorf("ledger holds %d (SQL SUM), want 16", got)
			}
		})
	}
}

// F15: a row copied from a colleague's, its 번호 and 기록 식별자 cleared,
// is credited to whoever imports and recorded at the import, and the
// preview says so; the colleague's rows keep their recorder.
func TestImportNewRowCreditedToImporter(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			h.run("USTAFF", "추가 청년 5 날짜:11월 2일", commands.OutcomeOK)
			name, data := h.exportEntries(lang, "csv")
			edited := editCSV(t, data, func(rows [][]string) [][]string {
				hd := rows[0]
				last := append([]string(nil), rows[len(rows)-1]...)
				last[column(t, hd, "번호")] = ""
				last[column(t, hd, "기록 식별자")] = ""
				last[column(t, hd, "기준일")] = "2026-11-20"
				last[column(t, hd, "일자리 수")] = "3"
				last[column(t, hd, "메모")] = "새 실적"
				last[column(t, hd, "기록 일시")] = "2026-11-02 09:00"
				return append(rows, last)
			})
			preview, applied := h.importFile(lang, name, edited)
			if applied == "" {
				t.Fatalf("refused:\n%s", preview)
			}
			want := map[commands.Lang]string{commands.Korean: "기록 식별자가 없는 행 1건은 새 기록이므로 가져오는 사람(",
				commands.English: "1 row has no 기록 식별자 (record ID): it is a new record, credited to whoever imports ("}[lang]
			if !strings.Contains(preview, want) {
				t.Errorf("preview does not name whom the new row is credited to (%q):\n%s", want, preview)
			}
			if got := h.liveSumAll(); got != 8 {
				t.Errorf("ledger holds %d (SQL SUM), want 8", got)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE note = '새 실적' AND logged_by = $1`, manager); n != 1 {
				t.Errorf("the new row is not credited to the importer %s", manager)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE logged_by = 'USTAFF'`); n != 1 {
				t.Errorf("USTAFF is credited with %d entries, want 1 (their own)", n)
			}
			// recorded at the import, by the service's clock as a typed add
			// is (review r37 F9), not at the 기록 일시 the copied row says
			if n := h.sqlInt(`SELECT count(*) FROM entries e WHERE note = '새 실적' AND created_at = $1`, fixedNow); n != 1 {
				t.Errorf("the new row keeps the copied row's 기록 일시")
			}
		})
	}
}
