package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// sqlInt runs a query returning one integer (a plain SUM or COUNT over the
// entries), so the tests below do not trust the handler's own arithmetic.
func (h *harness) sqlInt(q string, args ...any) int64 {
	h.t.Helper()
	var n int64
	if err := h.store.DB().GetContext(context.Background(), &n, q, args...); err != nil {
		h.t.Fatal(err)
	}
	return n
}

// The weekly digest writes 여 wherever the figure comes from a 여 entry:
// the week's change (+7여개, not +7개), the headline's week and the
// departments' lines, by the same rule as the report's 증감 and status
// (review r5 L4). Its 약정 이행 점검 names the program by its Korean name,
// as every other line of the Korean digest does, never by the code typed
// for it (review r5 A8).
func TestDigestWeekChangeCarriesApproximateAndNamesPrograms(t *testing.T) {
	for _, tc := range []struct {
		lang   commands.Lang
		digest string
		want   func(week, prev, women int64) []string
		wrong  []string
	}{
		{commands.Korean, "주간보고 2026년 26주차", func(week, prev, women int64) []string {
			return []string{
				fmt.Sprintf("이번 주 %s여개 (전주 %s개 대비 %s여개)", formatCount(week), formatCount(prev), signedFigure(week-prev)),
				fmt.Sprintf("여성 일자리 · 공공: %s여개 (전주 0개 대비 +%s여개)", formatCount(women), formatCount(women)),
				fmt.Sprintf("가장 많이 기록한 부서: 일자리정책과 89개 · 여성가족과 %s여개", formatCount(women)),
				fmt.Sprintf("여성가족과 %s여개 / 목표", formatCount(women)),
				"#1 · 청년일자리 19개 · 2026. 1. 29. · 일자리정책과",
			}
		}, []string{"youth 19", " 대비 +7개)"}},
		{commands.English, "digest 2026-W26", func(week, prev, women int64) []string {
			return []string{
				fmt.Sprintf("This week: about %s jobs (about %s on the week before's %s)", formatCount(week), signedFigure(week-prev), formatCount(prev)),
				fmt.Sprintf("Jobs for women (women) · Public: about %s (week before 0, about +%s)", formatCount(women), formatCount(women)),
				fmt.Sprintf("Logged most: 일자리정책과 89 · 여성가족과 about %s", formatCount(women)),
				fmt.Sprintf("Against department targets: 여성가족과 about %s of 100", formatCount(women)),
				"#1 · youth 19 ·",
			}
		}, []string{"week before 0, +7)"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			for _, line := range []string{
				"add 19 youth date:2026-01-29 status:agreed",
				"dept target 여성가족과 100",
				"add 100 youth date:2026-06-16",
				"add 89 youth date:2026-06-24",
				"add 7여 women date:2026-06-27 토요일 채용박람회",
			} {
				h.run(manager, line, commands.OutcomeOK)
			}
			week := h.sumSQL("", dates.On(2026, 6, 22), dates.On(2026, 6, 28))
			prev := h.sumSQL("", dates.On(2026, 6, 15), dates.On(2026, 6, 21))
			women := h.sumSQL("women", dates.On(2026, 6, 22), dates.On(2026, 6, 28))
			if week != 96 || prev != 100 || women != 7 {
				t.Fatalf("ledger: week %d, week before %d, women %d; want 96, 100, 7", week, prev, women)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE approximate AND voided_at IS NULL`); n != 1 {
				t.Fatalf("%d entries carry 여, want 1", n)
			}
			text := h.run("U1", tc.digest, commands.OutcomeOK).Text()
			mustContain(t, text, tc.want(week, prev, women)...)
			for _, w := range tc.wrong {
				if strings.Contains(text, w) {
					t.Errorf("the digest still says %q:\n%s", w, text)
				}
			}
			noFormatSlips(t, text)
		})
	}
}

// signedFigure writes a change the way the digest does: +7, -4.
func signedFigure(n int64) string {
	if n < 0 {
		return "-" + formatCount(-n)
	}
	return "+" + formatCount(n)
}
