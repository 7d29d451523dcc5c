package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r38 B7: `추가 청년 5 금요일` typed on a Friday is refused offering
// a line dated today and one dated last Friday; typed one after the other,
// both recorded (10 jobs for one report). The two lines are two readings
// of one report, as a note-day refusal's: whichever records first, the
// other is refused naming it and the 확인:다시 line for a separate batch,
// in either order; the same line again is the repeat hold's, as any line.
func TestB7holdSameWeekdayLinesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang     commands.Lang
		line     string
		recorded string // the refusal of the other line names it so
	}{
		{commands.Korean, "추가 청년 5 금요일", "이미 기록했습니다"},
		{commands.English, "add 5 youth Friday", "Already recorded"},
	} {
		for _, first := range []int{0, 1} {
			t.Run(string(tc.lang)+"/"+[]string{"today first", "last week first"}[first], func(t *testing.T) {
				t.Parallel()
				h := r32At(t, tc.lang, "2026-12-04") // a Friday
				offered := r32Offered(h.refusedUntouched(manager, tc.line))
				if len(offered) != 2 {
					t.Fatalf("%q offers %q, want two lines", tc.line, offered)
				}
				h.run(manager, offered[first], commands.OutcomeOK)
				second := h.run(manager, offered[1-first], commands.OutcomeRefused)
				mustContain(t, second.Text(), tc.recorded, byLang(tc.lang, "again", "다시"))
				if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != 5 {
					t.Fatalf("SQL SUM %d after both lines, want 5", got)
				}
				// nothing the refusal offers short of 확인:다시 records
				var again string
				for _, l := range r32Offered(second) {
					if strings.Contains(l, "다시") || strings.Contains(l, "again") {
						again = l
						continue
					}
					h.run(manager, l, commands.OutcomeRefused)
				}
				if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != 5 {
					t.Fatalf("SQL SUM %d after the refusal's lines, want 5", got)
				}
				// the line recorded, sent again, is held as a repeat: asked,
				// not recorded
				mustContain(t, h.run(manager, offered[first], commands.OutcomeRefused).Text(), byLang(tc.lang, "same entry", "같은 실적"))
				if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != 5 {
					t.Fatalf("SQL SUM %d after the recorded line again, want 5 (held as a repeat)", got)
				}
				// 확인:다시: a genuinely separate batch records
				if again == "" {
					t.Fatalf("the refusal offers no 확인:다시 line:\n%s", second.Text())
				}
				h.run(manager, again, commands.OutcomeOK)
				if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != 10 {
					t.Errorf("SQL SUM %d after 확인:다시, want 10", got)
				}
			})
		}
	}
}
