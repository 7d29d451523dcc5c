package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Issue 20: three ledger breaks of the 정정 (correction) chain that hostile
// reviews found, each a wrong total. Every step's total is worked out by
// hand below (what each 누계포함 answer means) and compared with a plain SQL
// SUM of the live entries; the 취소 of each step must put every entry back
// as it was, and `목록 무효` must say what the 무효 took out.

// chainStep is one line typed, in Korean and English, and the program's
// 2026 total (SUM of its live realised entries) it must leave.
type chainStep struct {
	ko, en  string
	outcome commands.Outcome
	total   int64
	// says is what the reply must contain (Korean, English), if anything.
	sayKo, sayEn string
}

type chainScenario struct {
	name, code string
	steps      []chainStep
}

var chainScenarios = []chainScenario{
	// r26 B2. #1 reports 100 through 11/10. #2 (+3, dated before it, recorded
	// after it) is answered 아니오: separate from #1, so the ledger through
	// 11/10 is 103. The 정정 of #1 to 120 answered 아니오 keeps #2 separate
	// from the new figure: 120 + 3 = 123. #3 (the replacement) counts what #1
	// counted, not #2, though recorded after it. So a 무효 of #2 takes out 3
	// and leaves the report's 120 (the bug: #3 took the 3 up, 123 stayed).
	{"r26 B2 void", "senior", []chainStep{
		{ko: "추가 노인 누계 100 11/10", en: "add senior cumulative 100 date:2026-11-10", total: 100},
		{ko: "추가 노인 3 11/5 누계포함:아니오", en: "add senior 3 date:2026-11-05 within:no", total: 103},
		{ko: "정정 1 120 오기 누계포함:아니오", en: "correct 1 120 typo within:no", total: 123},
		{ko: "무효 2 중복", en: "void 2 duplicate", total: 120},
	}},
	// r26 B2, the 정정 the bot then offered: #3 does not count #2, so a 정정
	// of #2 asks about no report (it named #3, and its 예 line kept 123 by
	// lowering #3's increment); the change is separate: 120 + 5 = 125.
	{"r26 B2 correct", "senior", []chainStep{
		{ko: "추가 노인 누계 100 11/10", en: "add senior cumulative 100 date:2026-11-10", total: 100},
		{ko: "추가 노인 3 11/5 누계포함:아니오", en: "add senior 3 date:2026-11-05 within:no", total: 103},
		{ko: "정정 1 120 오기 누계포함:아니오", en: "correct 1 120 typo within:no", total: 123},
		{ko: "정정 2 5 오기", en: "correct 2 5 typo", total: 125},
	}},
	// r23 B4. #2 (누계 100 through 11/10) counted #1's 10 (increment 90).
	// 정정 1 → 15 answered 아니오: the +5 is separate, #2 keeps its increment
	// 90: 105. 정정 3 → 8 answered 예: the question said "#2 105개 유지",
	// i.e. the -7 is inside #2's figure; #2's increment rises to 97 and the
	// ledger stays 105. The chain's 8 is then 3 that #2 counted (10 - 7) and
	// 5 separate. A 무효 of #4 takes both out of the chain: #2 takes up the
	// 3 it counted (increment 100, its total 100 stands) and the 5 separate
	// jobs go: 100, the report's own figure (the bug: #2 took up all 8 and
	// 105 stayed, "8개가 모두 줄어 105개").
	{"r23 B4", "vulnerable", []chainStep{
		{ko: "추가 취약계층 10 11/5", en: "add 10 vulnerable date:2026-11-05", total: 10},
		{ko: "추가 취약계층 누계 100 11/10", en: "add vulnerable cumulative 100 date:2026-11-10", total: 100},
		{ko: "정정 1 15 오기 누계포함:아니오", en: "correct 1 15 typo within:no", total: 105},
		{ko: "정정 3 8 오기 누계포함:예", en: "correct 3 8 typo within:yes", total: 105},
		{ko: "무효 4 중복", en: "void 4 duplicate", total: 100,
			sayKo: "8개 가운데 3개는 이후 누계 보고가 이미 센 수여서 그 누계가 그대로 남고, 취약계층 일자리 2026년 누계는 5개가 줄어 100개가 되었습니다.",
			sayEn: "3 of the 8 had been counted by a later cumulative report, whose total stands, so the vulnerable 2026 total dropped by 5 and is now 100."},
	}},
	// One 정정 answered 아니오, then its 무효: #2 counted the 10 (it stays
	// its 100), the +5 was separate: 100, not 90.
	{"separate then void", "vulnerable", []chainStep{
		{ko: "추가 취약계층 10 11/5", en: "add 10 vulnerable date:2026-11-05", total: 10},
		{ko: "추가 취약계층 누계 100 11/10", en: "add vulnerable cumulative 100 date:2026-11-10", total: 100},
		{ko: "정정 1 15 오기 누계포함:아니오", en: "correct 1 15 typo within:no", total: 105},
		{ko: "무효 3 중복", en: "void 3 duplicate", total: 100},
	}},
	// r23 B5. #2 was recorded inside #1 (누계포함:예: #1 keeps 100, its
	// increment 90), so #1 counts #2 though recorded before it. The 정정
	// without an answer asks, as for any counted delta (it re-based #1
	// unasked, while 누계포함:아니오 was refused as "no later report
	// counts #2"); 아니오 keeps #1's increment: 100 + 5 = 105. Its 무효:
	// #1 takes up the 10 it counted, the separate 5 go: 100.
	{"r23 B5", "vulnerable", []chainStep{
		{ko: "추가 취약계층 누계 100 11/10", en: "add vulnerable cumulative 100 date:2026-11-10", total: 100},
		{ko: "추가 취약계층 10 11/5 누계포함:예", en: "add 10 vulnerable date:2026-11-05 within:yes", total: 100},
		{ko: "정정 2 15 오기", en: "correct 2 15 typo", outcome: commands.OutcomeRefused, total: 100,
			sayKo: "`정정 2 15 오기 누계포함:아니오`", sayEn: "`correct 2 15 typo within:no`"},
		{ko: "정정 2 15 오기 누계포함:아니오", en: "correct 2 15 typo within:no", total: 105},
		{ko: "무효 3 중복", en: "void 3 duplicate", total: 100},
	}},
	// r23 B5 answered 예: #1 keeps 100 with the 15 inside; the 무효 leaves it.
	{"r23 B5 inside", "vulnerable", []chainStep{
		{ko: "추가 취약계층 누계 100 11/10", en: "add vulnerable cumulative 100 date:2026-11-10", total: 100},
		{ko: "추가 취약계층 10 11/5 누계포함:예", en: "add 10 vulnerable date:2026-11-05 within:yes", total: 100},
		{ko: "정정 2 15 오기 누계포함:예", en: "correct 2 15 typo within:yes", total: 100},
		{ko: "무효 3 중복", en: "void 3 duplicate", total: 100},
	}},
}

func (st chainStep) line(lang commands.Lang) string {
	if lang == commands.English {
		return st.en
	}
	return st.ko
}

func (st chainStep) want() commands.Outcome {
	if st.outcome == "" {
		return commands.OutcomeOK
	}
	return st.outcome
}

// ledgerRows is every entry's id, count and whether it is live, straight
// from the table: what a 취소 must put back exactly.
func (h *harness) ledgerRows() string {
	h.t.Helper()
	var rows []struct {
		ID    int64 `db:"id"`
		Count int64 `db:"count"`
		Live  bool  `db:"live"`
	}
	if err := h.store.DB().Select(&rows, `SELECT id, count, voided_at IS NULL AS live FROM entries ORDER BY id`); err != nil {
		h.t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		if r.Live {
			fmt.Fprintf(&b, "#%d=%d ", r.ID, r.Count)
		}
	}
	return b.String()
}

// checkChainTotal compares the program's total with the hand-worked one and
// the totals tables with the entries.
func (h *harness) checkChainTotal(code, line string, want int64) {
	h.t.Helper()
	if got := h.liveSum(code, "realised"); got != want {
		h.t.Errorf("after %q: SQL SUM %d, want %d (%s)", line, got, want, h.ledgerRows())
	}
	dbtest.CheckTotals(h.t, h.store)
}

func TestCorrectionChainTotals(t *testing.T) {
	t.Parallel()
	for _, sc := range chainScenarios {
		for _, lang := range []commands.Lang{commands.Korean, commands.English} {
			t.Run(sc.name+"/"+string(lang), func(t *testing.T) {
				t.Parallel()
				h := newHarness(t, lang)
				voidedBefore := int64(0)
				for _, st := range sc.steps {
					before := h.liveSum(sc.code, "realised")
					r := h.run(manager, st.line(lang), st.want())
					h.checkChainTotal(sc.code, st.line(lang), st.total)
					if say := byLang(lang, st.sayEn, st.sayKo); say != "" {
						mustContain(t, r.Text(), say)
					}
					if !strings.HasPrefix(st.line(lang), byLang(lang, "void ", "무효 ")) {
						continue
					}
					// `목록 무효` says what the voids took out: the SUM's fall.
					voidedBefore += before - st.total
					list := h.run(manager, byLang(lang, "list voided", "목록 무효"), commands.OutcomeOK)
					mustContain(t, list.Text(), byLang(lang,
						fmt.Sprintf("Voided entries dated in 2026 (whenever voided): 1 entry, %d jobs taken out", voidedBefore),
						fmt.Sprintf("2026년 무효 처리 실적(기준일 기준): 1건, 일자리 %d개 제외", voidedBefore)))
				}
			})
		}
	}
}

// The 취소 of each step puts every entry back as it was before the step
// (a 무효 is not undone: 취소 leaves the ledger as the 무효 left it). The
// steps take Korean and English in turn: each needs a database of its own.
func TestCorrectionChainUndoRestores(t *testing.T) {
	t.Parallel()
	for i, sc := range chainScenarios {
		for k := range sc.steps {
			for _, lang := range []commands.Lang{[]commands.Lang{commands.Korean, commands.English}[(i+k)%2]} {
				t.Run(fmt.Sprintf("%s/%d/%s", sc.name, k+1, lang), func(t *testing.T) {
					t.Parallel()
					h := newHarness(t, lang)
					for _, st := range sc.steps[:k] {
						h.run(manager, st.line(lang), st.want())
					}
					rows, total := h.ledgerRows(), h.liveSum(sc.code, "realised")
					st := sc.steps[k]
					h.run(manager, st.line(lang), st.want())
					if strings.HasPrefix(st.line(lang), byLang(lang, "void ", "무효 ")) || st.want() != commands.OutcomeOK {
						rows, total = h.ledgerRows(), st.total
					}
					h.svc.Handle(t.Context(), commands.Caller{UserID: manager, Source: commands.SourceConsole}, byLang(lang, "undo", "취소"))
					if got := h.ledgerRows(); got != rows {
						t.Errorf("취소 of %q left %s, want %s", st.line(lang), got, rows)
					}
					h.checkChainTotal(sc.code, "취소 of "+st.line(lang), total)
				})
			}
		}
	}
}

// r23 B5 through an entries export: the 정정 answered 아니오 of a delta
// recorded inside an earlier 누계 comes back 아니오 (the export marks it
// separate), so the copy holds what the source holds, before and after
// the replacement's 무효.
func TestInsideChainSeparateRoundTrip(t *testing.T) {
	t.Parallel()
	sc := chainScenarios[4]
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			a := newHarness(t, lang)
			for _, st := range sc.steps[:4] {
				a.run(manager, st.line(lang), st.want())
			}
			name, data := a.exportEntries(lang, "csv")
			b := newHarness(t, lang)
			_, applied := b.importFile(lang, name, data)
			if got, want := b.liveSum(sc.code, "realised"), a.liveSum(sc.code, "realised"); got != want || got != sc.steps[3].total {
				t.Fatalf("the imported copy holds %d; the source %d, want %d\n%s", got, want, sc.steps[3].total, applied)
			}
			for _, h := range []*harness{a, b} {
				h.run(manager, byLang(lang, fmt.Sprintf("void %d duplicate", h.liveReplacementOf(sc.code)), fmt.Sprintf("무효 %d 중복", h.liveReplacementOf(sc.code))), commands.OutcomeOK)
				h.checkChainTotal(sc.code, "무효 of the replacement", sc.steps[4].total)
			}
		})
	}
}

// liveReplacementOf is the live delta of code a 정정 recorded.
func (h *harness) liveReplacementOf(code string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT e.id FROM entries e JOIN programs p ON p.id = e.program_id
		JOIN entry_corrections c ON c.new_entry_id = e.id
		WHERE p.code = $1 AND e.voided_at IS NULL AND e.kind = 'delta'`, code)
}
