package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r34 F4: `정정 23 5 1명 입사 취소` (5, reason "1명 입사 취소") was
// refused, and the first line offered, `정정 23 1명 <사유>`, took the
// reason's 1명 as the figure; typed back it set 6 → 1 in a closed month
// with the placeholder "<사유>" as its reason. The refusal now offers both
// readings, each with its own reason, and a placeholder reason is refused.
func TestR34bCorrectionTwoReadingsAndPlaceholderReason(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang              commands.Lang
		add, close, bad   string
		readA, readB      string
		placeholders      []string
		placeholderSays   string
		fine              string
		voidPlaceholder   string
		reopenPlaceholder string
		targetPlaceholder []string
	}{
		{commands.Korean, "추가 노인 6 10/27", "마감 10월", "정정 1 5 1명 입사 취소",
			"`정정 1 5 사유:1명 입사 취소`", "`정정 1 1명 입사 취소`",
			[]string{"정정 1 1명 <사유>", "정정 1 1명 ‹사유>", "정정 1 1명 ‹사유›", "정정 1 1명 사유", "정정 1 1명 사유:<사유>", "정정 1 1명 <reason>"},
			"자리를 나타내는 표시", "정정 1 5 사유:1명 입사 취소",
			"무효 2 <사유>", "마감 해제 10월 <사유>", []string{"목표 2000", "목표 2500 사유:<사유>", "목표 2500 사유:사유"}},
		{commands.English, "add 6 senior date:2026-10-27", "close 2026-10", "correct 1 5 1 hire cancelled",
			"`correct 1 5 reason:1 hire cancelled`", "`correct 1 1 hire cancelled`",
			[]string{"correct 1 1 <reason>", "correct 1 1 reason", "correct 1 1 reason:<reason>", "correct 1 1 <사유>"},
			"placeholder", "correct 1 5 reason:1 hire cancelled",
			"void 2 <reason>", "close reopen 2026-10 <reason>", []string{"target 2000", "target 2500 reason:<reason>", "target 2500 reason:reason"}},
	} {
		h := newHarness(t, c.lang)
		h.run(manager, c.add, commands.OutcomeOK)
		h.run(manager, c.close, commands.OutcomeOK)
		before := h.k45Counts()
		r := h.run(manager, c.bad, commands.OutcomeRefused)
		mustContain(t, r.Text(), c.readA, c.readB)
		if got := r.Title; contains(got, "<사유>") || contains(got, "<reason>") || contains(got, "…") {
			t.Errorf("%q offers a placeholder reason:\n%s", c.bad, got)
		}
		h.writesNothing(c.bad, before)
		for _, p := range c.placeholders {
			r := h.run(manager, p, commands.OutcomeRefused)
			mustContain(t, r.Text(), c.placeholderSays)
			h.writesNothing(p, before)
		}
		if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL`); got != 6 {
			t.Fatalf("SQL sum %d after the refusals, want 6", got)
		}
		h.run(manager, c.fine, commands.OutcomeOK)
		if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL`); got != 5 {
			t.Fatalf("SQL sum %d after the 정정, want 5", got)
		}
		before = h.k45Counts()
		mustContain(t, h.run(manager, c.voidPlaceholder, commands.OutcomeRefused).Text(), c.placeholderSays)
		mustContain(t, h.run(manager, c.reopenPlaceholder, commands.OutcomeRefused).Text(), c.placeholderSays)
		h.writesNothing(c.voidPlaceholder, before)
		if n := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND id = 2`); n != 1 {
			t.Fatalf("#2 voided by a placeholder reason")
		}
		h.run(manager, c.targetPlaceholder[0], commands.OutcomeOK)
		for _, tl := range c.targetPlaceholder[1:] {
			mustContain(t, h.run(manager, tl, commands.OutcomeRefused).Text(), c.placeholderSays)
		}
	}
}

// Review r34 F5: after 정정 1 (→ #2) and 정정 2 (→ #3) in a closed month,
// the 마감 후 정정 line read "#1(#2로 정정)", pointing at a voided row
// with the wrong figure. It names the chain to its live end.
func TestR34bAfterCloseListNamesTheChainsLiveEnd(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang        commands.Lang
		lines       []string
		asks        []string
		says, stale string
	}{
		{commands.Korean, []string{"추가 노인 6 10/27", "추가 노인 2 10/28", "마감 10월", "정정 1 1 사유:입사 취소 반영", "정정 3 5 사유:잘못 고친 것 바로잡음"},
			[]string{"현황 10월", "보고서 10월", "현황 10월 노인"}, "#1(#3, #4로 차례로 정정)", "#3으로 정정)"},
		{commands.English, []string{"add 6 senior date:2026-10-27", "add 2 senior date:2026-10-28", "close 2026-10", "correct 1 1 reason:hire cancelled", "correct 3 5 reason:undo the wrong fix"},
			[]string{"status 2026-10", "report 2026-10", "status 2026-10 senior"}, "#1 corrected in turn by #3, #4", "corrected by #3"},
	} {
		h := newHarness(t, c.lang)
		for _, l := range c.lines {
			h.run(manager, l, commands.OutcomeOK)
		}
		if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND as_of BETWEEN '2026-10-01' AND '2026-10-31'`); got != 7 {
			t.Fatalf("SQL October sum %d, want 7", got)
		}
		if n := h.sqlInt(`SELECT count(*) FROM entries WHERE id = 4 AND voided_at IS NULL AND count = 5`); n != 1 {
			t.Fatalf("#4 is not the live 5")
		}
		for _, a := range c.asks {
			text := h.run(manager, a, commands.OutcomeOK).Text()
			mustContain(t, text, c.says, "7")
			if contains(text, c.stale) {
				t.Errorf("%q still names the stale step %q:\n%s", a, c.stale, text)
			}
		}
	}
}

// Review r34 F8: in January, `현황 12. 21.~1. 10.` was refused as ending
// before it starts, and the line offered (`1월 10일 ~ 12월 21일`) reported
// 2027. 1. 10. ~ 2027. 12. 21. A yearless range whose end month is before
// its start month crosses the year: 2026-12-21 ~ 2027-01-10, named with
// its years. A range that does end first is offered with its years.
func TestR34bYearCrossingRange(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang       commands.Lang
		adds, asks []string
		heading    string
		reversed   [][2]string // line refused, the line it offers
		says       []string
	}{
		{commands.Korean, []string{"추가 노인 5 2026-12-15", "추가 노인 7 2026-12-22", "추가 청년 3 2027-01-05", "추가 노인 4 2027-01-12"},
			[]string{"현황 12. 21.~1. 10.", "현황 12월 21일 ~ 1월 10일", "현황 12/21-1/10", "현황 12/21~1/10"},
			"2026. 12. 21. ~ 2027. 1. 10.", [][2]string{{"현황 12/21~12/10", "2026. 12. 10. ~ 2026. 12. 21."}, {"현황 2027. 1. 10.~2026. 12. 21.", "2026. 12. 21. ~ 2027. 1. 10."}}, []string{"실적 10개"}},
		{commands.English, []string{"add 5 senior date:2026-12-15", "add 7 senior date:2026-12-22", "add 3 youth date:2027-01-05", "add 4 senior date:2027-01-12"},
			[]string{"status Dec 21 - Jan 10", "status 12/21-1/10", "status 12/21~1/10"},
			"2026", [][2]string{{"status 12/21~12/10", "2026-12-10 ~ 2026-12-21"}, {"status 2027-01-10 ~ 2026-12-21", "2026-12-21 ~ 2027-1-10"}}, []string{"10"}},
	} {
		h := newHarness(t, c.lang)
		now := time.Date(2027, time.January, 20, 1, 0, 0, 0, time.UTC)
		h.withClock(&now)
		for _, a := range c.adds {
			h.run(manager, a, commands.OutcomeOK)
		}
		want := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND as_of BETWEEN '2026-12-21' AND '2027-01-10'`)
		if want != 10 {
			t.Fatalf("SQL sum %d, want 10", want)
		}
		for _, a := range c.asks {
			r := h.run(manager, a, commands.OutcomeOK)
			mustContain(t, r.Title, c.heading, "2027")
			mustContain(t, r.Text(), c.says...)
		}
		for _, rv := range c.reversed {
			r := h.run(manager, rv[0], commands.OutcomeRefused)
			mustContain(t, r.Text(), "`"+rv[1]+"`")
			back := h.run(manager, strings.Fields(rv[0])[0]+" "+rv[1], commands.OutcomeOK)
			mustContain(t, back.Title, "2026")
			if strings.Contains(rv[1], "2027") {
				mustContain(t, back.Text(), c.says...)
			}
		}
	}
}
