package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r24 F6: `날짜:지난달` and `날짜:11월` (a period after date:) are
// answered as the same words without date: are, with the period's last
// day, not "the date cannot be read". Nothing is written.
func TestDateOptionNamingAPeriodOffersItsLastDay(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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

// Review r24 F18: a 정정 of a 누계 report (1,700 → 1,710, target 1,600,
// passed already) was held as "한 건에 1,710개는 … 연간 목표보다 많습니다":
// a 누계 is the program's total, so it is asked as a typed 누계 line is —
// not when the program had passed its target, and naming the 누계 and its
// increment when the 정정 makes it pass. SQL SUMs.
func TestCorrectionOfATotalIsAskedAsATotal(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang                         commands.Lang
		target, report, past, passes string
		wantPasses                   string
	}{
		{commands.Korean, "목표 1,600 사업:청년", "추가 청년 누계 1,700 11/20 확인:예", "정정 2 1,710 사유:누계 오기", "정정 3 1,650 사유:누계 오기",
			"누계 1,650개는 청년일자리 2026년 연간 목표(1,600개)보다 많습니다"},
		{commands.English, "target 1600 program:youth", "add youth cumulative 1700 date:2026-11-20 confirm:yes", "correct 2 1710 reason:typo", "correct 3 1650 reason:typo",
			"The cumulative 1,650 is more than the whole 2026 target"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.run(manager, c.target, commands.OutcomeOK)
			h.run(manager, "추가 청년 1,500 11/10 확인:예", commands.OutcomeOK) // #1
			h.run(manager, c.report, commands.OutcomeOK)                 // #2
			h.run(manager, c.past, commands.OutcomeOK)                   // 1,710: past the target already → #3
			if got := h.sum("true"); got != 1710 {
				t.Fatalf("SQL sum %d after the 정정, want 1,710", got)
			}
			// back below the target, then a 정정 that passes it is asked
			h.run(manager, "정정 3 1,550 사유:오기 확인:예", commands.OutcomeOK) // #4
			r := h.run(manager, "정정 4 1,650 사유:누계 오기", commands.OutcomeRefused)
			mustContain(t, r.Text(), c.wantPasses)
			if got := h.sum("true"); got != 1550 {
				t.Fatalf("SQL sum %d after the held 정정, want 1,550", got)
			}
		})
	}
}

// Review r23 B2: `정정 1 약 90` was recorded as 90여 while 추가 refuses
// 약 N; 정정 now refuses it with the same reply. SQL SUM and the
// 여 flag stay.
func TestCorrectionRefusesAboutPrefix(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang              commands.Lang
		add, about, rough string
		want              string
	}{
		{commands.Korean, "추가 투자 100 11/20", "정정 1 약 90 오기", "정정 1 대략 95 오기", "어림수입니다"},
		{commands.English, "add 100 invest date:2026-11-20", "correct 1 약 90 typo", "correct 1 ~95 typo", "is an approximate count"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.run(manager, c.add, commands.OutcomeOK)
			h.refusedUntouched(manager, c.about, c.want)
			h.refusedUntouched(manager, c.rough, c.want)
			if got := h.sum("true"); got != 100 {
				t.Errorf("SQL sum %d, want 100", got)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE approximate`); n != 0 {
				t.Errorf("%d approximate entries, want 0", n)
			}
		})
	}
}
