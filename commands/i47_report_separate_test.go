package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r22 F30: a 누계 report #A (12), then a delta dated before it and
// recorded after it, answered 누계포함:아니오 (#B +3: separate jobs, the
// total through #A's date 15). A 정정 of #A to 14 read the 14 as the
// ledger's total through the date, #B inside it: the program's total fell
// from 15 to 14 and #B's explicit 아니오 was reversed without a question.
// Now the 정정 asks, naming #B, and writes nothing; 아니오 keeps #B
// separate (14 + 3 = 17), 예 puts it inside (14). Each reply says the
// year's total before and after. The copy made by an entries export holds
// the same totals, and 취소 gives back 15.
func TestCorrectedReportKeepsASeparateDeltaSeparate(t *testing.T) {
	t.Parallel()
	type texts struct {
		report, delta, correct, within string
		asks                           []string
		movedNo, movedYes              string
		undo                           string
	}
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		tx := texts{"추가 노인 누계 12 날짜:11/4", "추가 노인 3 날짜:11/3 누계포함:아니오", "정정 %d 14 누계 오기", "누계포함:",
			[]string{"#%d", "15개", "누계포함:예", "누계포함:아니오", "17개"},
			"2026년 누계(정정 후): 17개 (정정 전 15개)", "2026년 누계(정정 후): 14개 (정정 전 15개)", "취소"}
		if lang == commands.English {
			tx = texts{"add senior cumulative 12 date:2026-11-04", "add senior 3 date:2026-11-03 within:no", "correct %d 14 report typo", "within:",
				[]string{"#%d", "15", "within:yes", "within:no", "17"},
				"total for 2026 now: 17 (before the correction: 15)", "total for 2026 now: 14 (before the correction: 15)", "undo"}
		}
		for _, answer := range []string{"아니오", "예"} {
			t.Run(string(lang)+"/"+answer, func(t *testing.T) {
				h := newHarness(t, lang)
				h.run(manager, tx.report, commands.OutcomeOK)
				a := h.newestID()
				h.run(manager, tx.delta, commands.OutcomeOK)
				b := h.newestID()
				if got := h.liveSumAll(); got != 15 {
					t.Fatalf("SQL SUM after #B = %d, want 15", got)
				}
				line := fmt.Sprintf(tx.correct, a)
				stored := h.entriesStored()
				r := h.run(manager, line, commands.OutcomeRefused)
				asks := append([]string(nil), tx.asks...)
				asks[0] = fmt.Sprintf(asks[0], b)
				mustContain(t, r.Text(), asks...)
				if h.entriesStored() != stored || h.liveSumAll() != 15 {
					t.Fatalf("the question wrote something")
				}
				word := map[string]string{"아니오": "아니오", "예": "예"}[answer]
				if lang == commands.English {
					word = map[string]string{"아니오": "no", "예": "yes"}[answer]
				}
				r = h.run(manager, line+" "+tx.within+word, commands.OutcomeOK)
				want, moved := int64(17), tx.movedNo
				if answer == "예" {
					want, moved = 14, tx.movedYes
				}
				mustContain(t, r.Text(), moved)
				if got := h.liveSumAll(); got != want {
					t.Errorf("SQL SUM after the 정정 = %d, want %d\n%s", got, want, r.Text())
				}
				if got := h.through("senior", "2026-11-04"); got != want {
					t.Errorf("SQL SUM through 11/4 = %d, want %d", got, want)
				}
				if got := h.sqlInt(`SELECT reported_total FROM entries WHERE voided_at IS NULL AND kind = 'cumulative'`); got != 14 {
					t.Errorf("the replacement reports %d, want the 14 typed", got)
				}
				if strings.Contains(r.Text(), "안에 든 것으로") && answer == "아니오" {
					t.Errorf("the reply says #B is inside the report:\n%s", r.Text())
				}
				for _, format := range []string{"csv", "xlsx"} {
					name, data := h.exportEntries(lang, format)
					c := newHarness(t, lang)
					_, applied := c.importFile(lang, name, data)
					if got := c.liveSumAll(); got != want {
						t.Errorf("%s copy holds %d, the ledger %d\n%s", format, got, want, applied)
					}
					if got := c.through("senior", "2026-11-04"); got != want {
						t.Errorf("%s copy: SUM through 11/4 = %d, want %d", format, got, want)
					}
				}
				h.run(manager, tx.undo, commands.OutcomeOK)
				if got := h.liveSumAll(); got != 15 {
					t.Errorf("SQL SUM after 취소 = %d, want 15", got)
				}
			})
		}
	}
}
