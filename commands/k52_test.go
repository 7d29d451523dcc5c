package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review F16: a delta dated before several later 누계 reports asked
// 누계포함 naming only the first report that `누계포함:아니오` changes,
// while every later report's total rises by the delta. The question names
// each one (the first three, then how many more); the answer 아니오 then
// does what it said, checked against a plain SQL sum through each date.
func TestK52BackDatedDeltaNamesEveryLaterReport(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang         commands.Lang
		setup        []string
		line, answer string
		wants        []string
	}{
		{commands.Korean, []string{"추가 청년 500 누계 날짜:10월말 확인:예", "추가 청년 600 누계 날짜:11월말"},
			"추가 청년 30 날짜:10월 15일", "추가 청년 30 날짜:10월 15일 누계포함:아니오",
			[]string{"별도 실적이면 이후 누계 보고가 바뀝니다(2026. 10. 31. 누계 #1: 500개 → 530개, 2026. 11. 30. 누계 #2: 600개 → 630개)"}},
		{commands.English, []string{"add 500 youth cumulative date:2026-10-31 confirm:yes", "add 600 youth cumulative date:2026-11-30"},
			"add 30 youth date:2026-10-15", "add 30 youth date:2026-10-15 within:no",
			[]string{"this changes the later reports: cumulative #1 of 2026-10-31: 500 → 530, cumulative #2 of 2026-11-30: 600 → 630"}},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := k32Harness(t, c.lang, k32Now)
			for _, l := range c.setup {
				h.run(manager, l, commands.OutcomeOK)
			}
			h.refusedUntouched(manager, c.line, c.wants...)
			h.run(manager, c.answer, commands.OutcomeOK)
			if got := h.sumThrough("youth", "2026-10-31"); got != 530 {
				t.Errorf("SQL through 10/31 = %d, want the 530 the question named", got)
			}
			if got := h.sumThrough("youth", "2026-11-30"); got != 630 {
				t.Errorf("SQL through 11/30 = %d, want the 630 the question named", got)
			}
		})
	}
}

// F16: past three later reports the question names the first three and
// says how many more change.
func TestK52BackDatedDeltaNamesTheRestAsACount(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		setup []string
		line  string
		wants []string
	}{
		{commands.Korean, []string{"추가 청년 100 누계 7월말 확인:예", "추가 청년 200 누계 8월말", "추가 청년 300 누계 9월말",
			"추가 청년 400 누계 10월말", "추가 청년 500 누계 11월말"}, "추가 청년 10 7월 15일",
			[]string{"(2026. 7. 31. 누계 #1: 100개 → 110개, 2026. 8. 31. 누계 #2: 200개 → 210개, 2026. 9. 30. 누계 #3: 300개 → 310개 외 2건)"}},
		{commands.English, []string{"add 100 youth cumulative date:2026-07-31 confirm:yes", "add 200 youth cumulative date:2026-08-31",
			"add 300 youth cumulative date:2026-09-30", "add 400 youth cumulative date:2026-10-31", "add 500 youth cumulative date:2026-11-30"},
			"add 10 youth date:2026-07-15",
			[]string{"cumulative #3 of 2026-09-30: 300 → 310, and 2 more"}},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := k32Harness(t, c.lang, k32Now)
			for _, l := range c.setup {
				h.run(manager, l, commands.OutcomeOK)
			}
			h.refusedUntouched(manager, c.line, c.wants...)
		})
	}
}

// Review F16 (2): refusals that named the wrong part or did not say what
// to type. Each is still refused, nothing written; the reply names the
// part and gives the form that reads.
func TestK52RefusalsSayWhatToType(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		line  string
		wants []string
	}{
		{commands.Korean, "추가 청년 삼백", []string{"`삼백`", "숫자로", "`300`"}},
		{commands.Korean, "추가 청년 오십", []string{"`오십`", "`50`"}},
		{commands.Korean, "추가 청년 이천오백", []string{"`이천오백`", "`2500`"}},
		{commands.Korean, "추가 청년 천이백명", []string{"`천이백명`", "`1200`"}},
		{commands.Korean, "추가 삼백 청년", []string{"`삼백`", "`300`"}},
		{commands.Korean, "추가 청년 30 30일", []string{"`30일`", "`11월 30일`", "`2026. 11. 30.`"}},
		{commands.Korean, "추가 청년 20 말일", []string{"`말일`", "`11월 말일`", "`11월말`"}},
		{commands.Korean, "추가 청년 30 11-27", []string{"`11-27`", "11월 27일", "`11월 27일`", "`2026. 11. 27.`"}},
		{commands.Korean, "추가 청년 총 300", []string{"`총`", "`누계`", "`추가 청년 300 누계 날짜:11월말`"}},
		{commands.Korean, "추가 청년 합계 300", []string{"`합계`", "`누계`"}},
		{commands.Korean, "추가 청년 전체 300", []string{"`전체`", "`누계`"}},
		{commands.Korean, "추가 청년 누계 총 300", []string{"`총`", "`추가 청년 300 누계 날짜:11월말`"}},
		{commands.Korean, "추가 청년 삼백여", []string{"`삼백여`", "`300여`"}},
		{commands.Korean, "채용 1 삼십", []string{"`삼십`", "`30`"}},
		{commands.Korean, "정정 1 삼십 오기", []string{"`삼십`", "`30`"}},
		{commands.Korean, "추가 청년 30 날짜:30일", []string{"`30일`", "`11월 30일`", "`2026. 11. 30.`"}},
		{commands.Korean, "추가 청년 30 날짜:말일", []string{"`말일`", "`11월말`"}},
		{commands.English, "add 삼백 youth", []string{"`삼백`", "digits", "`300`"}},
		{commands.English, "add 30 youth 30일", []string{"`30일`", "`11월 30일`", "`2026-11-30`"}},
		{commands.English, "add 20 youth 말일", []string{"`말일`", "`11월말`"}},
		{commands.English, "add 30 youth 11-27", []string{"`11-27`", "November 27", "`2026-11-27`"}},
		{commands.English, "add youth 총 300", []string{"`총`", "`cumulative`"}},
	} {
		t.Run(c.line, func(t *testing.T) {
			h := k32Harness(t, c.lang, k32Now)
			r := h.refusedUntouched(manager, c.line, c.wants...)
			if strings.Contains(r.Text(), "`청년`은 수가 아닙니다") || strings.Contains(r.Text(), "사업을 찾을 수 없습니다") {
				t.Errorf("%q still blames the wrong part:\n%s", c.line, r.Text())
			}
		})
	}
}

// Review F16 (3): `도움말 추가` named the 90% question but not k49's hold
// of a January delta at least half of last year's total. It does now, and
// the hold is the one made.
func TestK52HelpNamesTheJanuaryDeltaHold(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang                     commands.Lang
		help, says, setup, delta string
	}{
		{commands.Korean, "도움말 추가", "1월에 늘어난 수가 작년 누계의 절반 이상이면", "추가 청년 누계 300 2025. 12. 31. 확인:예", "추가 청년 200 2026. 1. 5."},
		{commands.English, "help add", "a January delta at least half of last year's total", "add youth cumulative 300 2025-12-31 confirm:yes", "add 200 youth 2026-01-05"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := k32Harness(t, c.lang, k32Now)
			mustContain(t, h.run(manager, c.help, commands.OutcomeOK).Text(), c.says)
			h.run(manager, c.setup, commands.OutcomeOK)
			h.refusedUntouched(manager, c.delta)
		})
	}
}

// F16 for 정정: a 정정 of a delta that later 누계 reports counted asks
// whether the first report already reflects the change; 누계포함:아니오
// raises every later report, and the question now names them all.
func TestK52CorrectionNamesEveryLaterReport(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang                 commands.Lang
		setup                []string
		line, answer, wanted string
	}{
		{commands.Korean, []string{"추가 청년 30 날짜:10월 15일", "추가 청년 500 누계 날짜:10월말 확인:예", "추가 청년 600 누계 날짜:11월말"},
			"정정 1 50 오기", "정정 1 50 오기 누계포함:아니오",
			"반영되지 않은 별도 변동이면(#2의 증가분 470개 유지, 일자리정책과 실적 +20개, 이후 누계 보고 2026. 10. 31. 누계 #2: 500개 → 520개, 2026. 11. 30. 누계 #3: 600개 → 620개): `정정 1 50 오기 누계포함:아니오`"},
		{commands.English, []string{"add 30 youth date:2026-10-15", "add 500 youth cumulative date:2026-10-31 confirm:yes", "add 600 youth cumulative date:2026-11-30"},
			"correct 1 50 typo", "correct 1 50 typo within:no",
			"the later reports change: cumulative #2 of 2026-10-31: 500 → 520, cumulative #3 of 2026-11-30: 600 → 620): `correct 1 50 typo within:no`"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := k32Harness(t, c.lang, k32Now)
			for _, l := range c.setup {
				h.run(manager, l, commands.OutcomeOK)
			}
			h.refusedUntouched(manager, c.line, c.wanted)
			h.run(manager, c.answer, commands.OutcomeOK)
			if got := h.sumThrough("youth", "2026-10-31"); got != 520 {
				t.Errorf("SQL through 10/31 = %d, want the 520 the question named", got)
			}
			if got := h.sumThrough("youth", "2026-11-30"); got != 620 {
				t.Errorf("SQL through 11/30 = %d, want the 620 the question named", got)
			}
		})
	}
}
