package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// `현황 18주차` is titled by the week's number and its days in Korean
// date forms, not by its dates alone.
func TestStatusOfAWeekNamesItsNumber(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run("U1", "add 30 youth date:2026-05-06", commands.OutcomeOK)
		for _, tc := range []struct{ line, title string }{
			{byLang(lang, "status 2026-W19", "현황 19주차"), byLang(lang, "week 19 of 2026 (May 4–10)", "2026년 19주차 (5. 4.~5. 10.)")},
			{byLang(lang, "status 2026W19", "현황 2026년 19주차"), byLang(lang, "week 19 of 2026 (May 4–10)", "2026년 19주차 (5. 4.~5. 10.)")},
			{byLang(lang, "status 2026-W18", "현황 18주차"), byLang(lang, "week 18 of 2026 (Apr 27–May 3)", "2026년 18주차 (4. 27.~5. 3.)")},
		} {
			r := h.run("U1", tc.line, commands.OutcomeOK)
			if !strings.Contains(r.Title, tc.title) {
				t.Errorf("%q titled %q, want %q", tc.line, r.Title, tc.title)
			}
		}
		week := h.sumSQL("", time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC), time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC))
		got := h.run("U1", byLang(lang, "status 2026-W19", "현황 19주차"), commands.OutcomeOK).Text()
		if week != 30 || !strings.Contains(got, byLang(lang, "Total in week 19 of 2026 (May 4–10): 30", "2026년 19주차 (5. 4.~5. 10.) 실적 30개")) {
			t.Errorf("week 19 (ledger %d) lacks its sum:\n%s", week, got)
		}
		if lang == commands.Korean && strings.Contains(got, "2026-05-") {
			t.Errorf("ISO dates in a Korean reply:\n%s", got)
		}
	}
}
