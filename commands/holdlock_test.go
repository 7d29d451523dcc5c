package commands_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r29 B7: a held line's 확인:예 line typed twice recorded the jobs
// twice: the second yes found its question answered and was taken for a
// separate report, with no question. Now it names the entry the first yes
// recorded and writes nothing; 확인:다시 records a genuinely new batch; a
// new question (the line typed again without 확인) is answered anew. Every
// figure is checked against a plain SQL SUM.
func TestHoldlockTypedYesTwiceRecordsOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang             commands.Lang
		line, yes, again string
		said             []string
	}{
		{commands.Korean, "추가 청년 5 날짜:2026-11-20", " 확인:예", " 확인:다시",
			[]string{"이미 기록했습니다", "기록하지 않았습니다", "`추가 청년 5 날짜:2026-11-20 확인:다시`"}},
		{commands.English, "add youth 5 date:2026-11-20", " confirm:yes", " confirm:again",
			[]string{"Already recorded", "recorded nothing", "`add youth 5 date:2026-11-20 confirm:again`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tc.lang)
			stored := func(want int, when string) {
				t.Helper()
				if n := h.entriesStored(); n != want {
					t.Fatalf("%s: %d entries, want %d", when, n, want)
				}
				if got := h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id WHERE p.code = 'youth' AND e.status = 'realised' AND e.voided_at IS NULL`); got != int64(5*want) {
					t.Fatalf("%s: youth = %d by SQL, want %d", when, got, 5*want)
				}
			}
			h.runAs("U1", "a1", tc.line, commands.OutcomeOK)
			h.runAs("U1", "a2", tc.line, commands.OutcomeRefused) // held: the same entry again
			h.runAs("U1", "a3", tc.line+tc.yes, commands.OutcomeOK)
			first := h.newestID()
			stored(2, "the held line confirmed")
			r := h.runAs("U1", "a4", tc.line+tc.yes, commands.OutcomeRefused) // the yes line sent twice
			mustContain(t, r.Text(), append([]string{fmt.Sprintf("#%d", first)}, tc.said...)...)
			stored(2, "the yes line typed twice")
			// A genuinely new batch: 확인:다시.
			h.runAs("U1", "a5", tc.line+tc.again, commands.OutcomeOK)
			stored(3, "confirm again")
			h.runAs("U1", "a5", tc.line+tc.again, commands.OutcomeRepeated) // redelivered
			stored(3, "confirm again redelivered")
			// Or the line again: a new question, which a yes answers once.
			h.runAs("U1", "a6", tc.line, commands.OutcomeRefused)
			h.runAs("U1", "a7", tc.line+tc.yes, commands.OutcomeOK)
			h.runAs("U1", "a8", tc.line+tc.yes, commands.OutcomeRefused)
			stored(4, "a new question answered, its yes typed twice")
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Review r29 B7: a hold's answers (a date hold's two buttons: this year's
// line and the line as typed) pressed in the same instant both recorded:
// each looked whether the other had recorded before its own write, with no
// lock between the look and the write. Two goroutines answer one hold,
// round after round: exactly one entry each time, by SQL.
func TestHoldlockTwoButtonsOfOneHoldAtOnceRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		line string
	}{
		{commands.Korean, "추가 청년 6 25.11.%d"},
		{commands.English, "add 6 youth 2025-11-%02d"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			for round := range 6 { // three writes a round, within the write allowance
				n := 1 + round // the day: this year's line or the line as typed
				held := h.runAs("U1", fmt.Sprintf("q%d", round), fmt.Sprintf(tc.line, n), commands.OutcomeRefused)
				var buttons []string
				for _, a := range held.Actions {
					if a.ID == commands.ActionConfirm {
						buttons = append(buttons, a.Command)
					}
				}
				if len(buttons) != 2 {
					t.Fatalf("round %d: buttons %q, want this year's line and the line as typed:\n%s", round, buttons, held.Text())
				}
				var wg sync.WaitGroup
				start := make(chan struct{})
				for i, b := range buttons {
					wg.Go(func() {
						<-start
						h.svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceSlash,
							IdempotencyKey: fmt.Sprintf("p%d-%d", round, i), Pressed: true}, b)
					})
				}
				close(start)
				wg.Wait()
				if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND extract(month FROM as_of) = 11 AND extract(day FROM as_of) = $1`, n); got != 1 {
					t.Fatalf("round %d: %d live entries of November %d after both buttons of one hold at once, want 1", round, got, n)
				}
				if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`); got != h.liveSumAll() {
					t.Fatalf("round %d: sums differ", round)
				}
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Review r29 M6: `현황 2027년 12월` listed an open 2026 agreement under
// 이전 연도 약정, as if it were December's. A month view of a later year
// leaves earlier years' open agreements out; the year view keeps them
// (review r27 F10), with what is left to hire as SQL sums it.
func TestHoldlockMonthViewLeavesEarlierYearsAgreements(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                       commands.Lang
		agree, month, year, future string
		head, line                 string
	}{
		{commands.Korean, "추가 투자 200 약정 날짜:2026-12-28", "현황 2027년 12월", "현황 2027년", "현황 2027년 2월",
			"이전 연도 약정", "약정 #1: 200개 중 0개 채용, 남은 %d개 (2026년 약정 · 기업 및 투자유치)"},
		{commands.English, "add 200 invest status:agreed date:2026-12-28", "status dec 2027", "status 2027", "status 2027-02",
			"Agreements of earlier years", "Agreement #1: 0 of 200 hired, %d left (agreed in 2026 · invest)"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tc.lang)
			now := time.Date(2027, time.January, 5, 1, 0, 0, 0, time.UTC)
			h.withClock(&now)
			h.run(manager, tc.agree, commands.OutcomeOK)
			left := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'agreed'`) -
				h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM agreement_hires x JOIN entries e ON e.id = x.hire_entry_id AND e.voided_at IS NULL`)
			for _, line := range []string{tc.month, tc.future} {
				if text := h.run(manager, line, commands.OutcomeOK).Text(); strings.Contains(text, tc.head) {
					t.Errorf("%q lists the 2026 agreement:\n%s", line, text)
				}
			}
			mustContain(t, h.run(manager, tc.year, commands.OutcomeOK).Text(), tc.head, fmt.Sprintf(tc.line, left))
		})
	}
}

// Review r29 M5: an import preview of a file of agreements only said
// "채용 실적 0개" beside the 약정 and "이미 있는 기록 0건, 무효 처리 0건":
// zero parts are left out; what the file adds is still said, and the
// apply writes the agreements the SQL SUM of the source holds.
func TestHoldlockImportPreviewOmitsZeroParts(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		agree      string
		want, zero []string
	}{
		{commands.Korean, "추가 청년 30 날짜:2026-11-01 상태:약정",
			[]string{"청년일자리 2026년 11월: 1행, 약정(채용 전까지 실적 아님) +30개", "새 기록 1건"},
			[]string{"채용 실적 0", "기록 0건", "처리 0건"}},
		{commands.English, "add youth 30 status:agreed date:2026-11-01",
			[]string{"rows 1, agreed (MOU, not jobs until hired) +30", "1 new entry"},
			[]string{"jobs realised 0", "0 already in the ledger", "0 voided"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			from := newHarness(t, tc.lang)
			from.run(manager, tc.agree, commands.OutcomeOK)
			agreed := `SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'agreed'`
			name, data := from.exportEntries(tc.lang, "csv")
			to := newHarness(t, tc.lang)
			preview, applied := to.importFile(tc.lang, name, data)
			mustContain(t, preview, tc.want...)
			for _, z := range tc.zero {
				if strings.Contains(preview, z) {
					t.Errorf("the preview says %q:\n%s", z, preview)
				}
			}
			if applied == "" {
				t.Fatalf("the preview offered no apply:\n%s", preview)
			}
			if got, want := to.sqlInt(agreed), from.sqlInt(agreed); got != want || got != 30 {
				t.Errorf("agreed after the import %d by SQL, want %d (the source's)", got, want)
			}
		})
	}
}

// Issue 20 (task 4): a program's department change (`사업 변경 … 부서:…`)
// was said to re-sort closed months' 부서별 rows unheld. It does not: an
// entry keeps the department it was filed under, so the closed month's
// 부서별 rows are the same before and after the change, and equal the
// SQL SUM by department. Nothing moves, so nothing is held.
func TestHoldlockDepartmentChangeLeavesClosedMonthsRows(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                       commands.Lang
		add, close, change, status string
	}{
		{commands.Korean, "추가 철도 600 2026-10-20", "마감 2026-10", "사업 변경 철도 부서:노인복지과", "현황 2026년 10월"},
		{commands.English, "add 600 rail date:2026-10-20", "close 2026-10", "program rename rail dept:노인복지과", "status 2026-10"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run(manager, tc.add, commands.OutcomeOK)
			h.run(manager, tc.close, commands.OutcomeOK)
			rows := func() []string {
				var out []string
				for _, l := range strings.Split(h.run(manager, tc.status, commands.OutcomeOK).Text(), "\n") {
					if i := strings.Index(l, "과: "); i > 0 && !strings.Contains(l[:i], " ") {
						out = append(out, l)
					}
				}
				return out
			}
			byDept := func(d string) int64 {
				return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND department = $1 AND as_of BETWEEN '2026-10-01' AND '2026-10-31'`, d)
			}
			before := rows()
			h.run(manager, tc.change, commands.OutcomeOK)
			after := rows()
			if strings.Join(before, "\n") != strings.Join(after, "\n") || len(after) == 0 {
				t.Fatalf("the closed month's 부서별 rows changed:\n%s\n---\n%s", strings.Join(before, "\n"), strings.Join(after, "\n"))
			}
			if got := byDept("도시재생과"); got != 600 || byDept("노인복지과") != 0 {
				t.Fatalf("SQL by department: 도시재생과 %d, 노인복지과 %d; want 600 and 0", got, byDept("노인복지과"))
			}
			mustContain(t, strings.Join(after, "\n"), "도시재생과: 600")
		})
	}
}
