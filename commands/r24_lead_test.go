package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r24 F6: `날짜:지난달` and `날짜:11월` (a period after date:) are
// answered as the same words without date: are, with the period's last
// day, not "the date cannot be read". Nothing is written.
func TestDateOptionNamingAPeriodOffersItsLastDay(t *testing.T) {
	for _, c := range []struct {
		lang       commands.Lang
		line, want string
	}{
		{commands.Korean, "추가 장애인 3 날짜:지난달", "그 기간 마지막 날이면 `2026. 10. 31.`"},
		{commands.Korean, "추가 장애인 4 날짜:10월", "`10월`은 하루가 아니라 기간(2026. 10. 1. ~ 2026. 10. 31.)"},
		{commands.English, "add 4 disabled date:last-month", "`2026-10-31` for the period's last day"},
	} {
		t.Run(string(c.lang)+"/"+c.line, func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.refusedUntouched(manager, c.line, c.want)
			if n, _ := h.live(); n != 0 {
				t.Fatalf("%d entries written", n)
			}
		})
	}
}

// Review r24 F5: a 정정 whose reason says a 누계 was typed as a 증가분 is
// no addition: 증가분 names the kind of report. The 정정 goes through and
// the ledger holds the new figure (SQL SUM).
func TestCorrectionReasonNamingTheDeltaKindIsNoAddition(t *testing.T) {
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			h.run(manager, "추가 청년 8 11/20", commands.OutcomeOK)
			h.run(manager, "정정 1 13 누계를 증가분으로 오기", commands.OutcomeOK)
			if got := h.sum("true"); got != 13 {
				t.Errorf("SQL sum %d after the 정정, want 13", got)
			}
		})
	}
}
