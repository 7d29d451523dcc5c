package commands_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r15 F3/F9/F11/F13/F18/F19: the note-month check caught only
// `N월분`, `N월 실적` and `전월분`; a note naming another month in other
// words (`지난달 누락`, `11월 넷째주`, `11/28 채용`, `11.30 기준`,
// `11월말 현재 누계`, `작년 12월분`) filed November's (or last year's)
// jobs in December with no question, around the month close too. Each is
// refused, naming the word and giving the line dated that month's last
// day in the right year; nothing is written. A note naming a day of the
// entry's own month and year is kept, and so is one naming numbers that
// are no month. 채용 (a hire) is checked the same way.
func TestNoteNamingAnotherMonthInAnyWords(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang    commands.Lang
		refused map[string][]string // line → what the refusal shows
		kept    []string
		hireBad string // %d is the agreement
		hireOK  string
	}{
		{commands.Korean, map[string][]string{
			"추가 노인 6 오늘 메모:지난달 누락":             {"`지난달`", "2026. 11. 30.", "아무것도 저장하지 않았습니다"},
			"추가 노인 6 오늘 메모:저번달 누락":             {"`저번달`", "2026. 11. 30."},
			"추가 노인 12 오늘 메모:11월 넷째주 채용":        {"`11월 넷째주`", "2026. 11. 23. ~ 2026. 11. 29.", "`추가 노인 12 날짜:2026. 11. 27. 메모:11월 넷째주 채용`", "`추가 노인 12 날짜:2026. 12. 3. 메모:채용`"},
			"추가 노인 8 12.1 메모:11월 4주차":          {"`11월 4주차`", "2026. 11. 23. ~ 2026. 11. 29.", "`추가 노인 8 날짜:2026. 11. 27. 메모:11월 4주차`"},
			"추가 노인 9 12. 1. 메모:11/28 채용 인원":    {"`11/28`", "`추가 노인 9 날짜:2026. 11. 28. 메모:11/28 채용 인원`"},
			"추가 노인 3 오늘 메모:11월 채용":             {"`11월`", "2026. 11. 30."},
			"추가 노인 4 오늘 메모:11월 중 채용":           {"`11월`"},
			"추가 노인 5 오늘 메모:11월 말 기준":           {"`11월 말`", "`추가 노인 5 날짜:2026. 12. 3.`"},
			"추가 노인 6 오늘 메모:11.30 기준":           {"`11.30`", "2026. 11. 30."},
			"추가 노인 7 오늘 메모:11월 보고 누락":          {"`11월`"},
			"추가 노인 15 어제 메모:11월 누락분":           {"`11월`", "2026. 11. 30."},
			"추가 노인 누계 1,400 오늘 메모:11월말 현재 누계":  {"`11월말`", "`추가 노인 누계 1,400 날짜:2026. 11. 30. 메모:11월말 현재 누계`"},
			"추가 노인 4 12.3 메모:작년 12월분 누락":       {"`작년 12월분`", "2025년 12월", "`추가 노인 4 날짜:2025. 12. 31. 메모:작년 12월분 누락`"},
			"추가 노인 4 오늘 메모:2025년 12월 누락":       {"`2025년 12월`", "`추가 노인 4 날짜:2025. 12. 31. 메모:2025년 12월 누락`"},
			"추가 노인 4 2025. 12. 31. 메모:11월 누락분": {"`11월`", "2025. 11. 30."},
		}, []string{"추가 노인 4 2025. 12. 31. 메모:작년 12월분 누락", "추가 노인 5 오늘 메모:12월 채용박람회 2차 3명",
			"추가 노인 6 오늘 메모:12/3 채용", "추가 노인 7 12.1 메모:12월 1일 채용 1.5배", "추가 노인 8 오늘 상태:채용 메모:1월 채용예정 5명은 제외"},
			"채용 %d 50 12.1 메모:11월분 2차 채용", "채용 %d 50 12.1 메모:12월 2차 채용"},
		{commands.English, map[string][]string{
			"add 6 senior note:지난달 누락":                   {"`지난달`", "2026-11-30", "nothing was saved"},
			"add 9 senior note:11/28 hires":              {"`11/28`", "`add senior 9 date:2026-11-28 note:11/28 hires`", "`add senior 9 date:2026-12-03 note:hires`"},
			"add 9 senior note:last month hires":         {"`last month`", "2026-11-30"},
			"add senior cumulative 1400 note:11월말 현재 누계": {"`11월말`", "2026-11-30"},
			"add 4 senior note:작년 12월분":                  {"`작년 12월분`", "2025-12-31"},
		}, []string{"add 4 senior 2025-12-31 note:작년 12월분 누락", "add 5 senior note:12월 채용박람회",
			"add 6 senior note:12/3 hires", "add 7 senior 2026-12-01 note:12월 1일 채용", "add 8 senior status:realised note:1월 채용 예정 제외"},
			"hire %d 50 2026-12-01 note:11월분", "hire %d 50 2026-12-01 note:second round"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			// Thursday 3 December 2026, 10:00 in Seoul
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 3, 1, 0, 0, 0, time.UTC))
			base := "추가 노인 1,000 11. 2."
			agreed := "추가 노인 100 11. 2. 상태:약정"
			if tc.lang == commands.English {
				base, agreed = "add 1000 senior 2026-11-02", "add 100 senior 2026-11-02 status:agreed"
			}
			h.run(manager, base, commands.OutcomeOK)
			h.run(manager, agreed, commands.OutcomeOK)
			agreement := h.sqlInt(`SELECT max(id) FROM entries`)
			before := h.sqlInt(`SELECT count(*) FROM entries`)
			for line, wants := range tc.refused {
				r := h.run(manager, line, commands.OutcomeRefused)
				mustContain(t, r.Text(), wants...)
			}
			mustContain(t, h.run(manager, fmt.Sprintf(tc.hireBad, agreement), commands.OutcomeRefused).Text(), "`11월분`")
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != before {
				t.Fatalf("%d entries written by refused lines", n-before)
			}
			for _, line := range tc.kept {
				h.run(manager, line, commands.OutcomeOK)
			}
			h.run(manager, fmt.Sprintf(tc.hireOK, agreement), commands.OutcomeOK)
			if got := h.liveSQL("senior", "realised"); got != 1000+4+5+6+7+8+50 {
				t.Errorf("senior is %d, want 1,080", got)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of = '2025-12-31'`); n != 1 {
				t.Errorf("%d entries dated 2025-12-31, want 1", n)
			}
			h.checkLedger(tc.lang)
		})
	}
}

// Review r15 F15: 24,892 of a 25,000 target (99.57%) was shown as 100%
// beside "23개 남았습니다". A share is floored: 100% only when reached.
func TestPercentNeverRoundsUpToTheTarget(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string
		show  string
	}{
		{commands.Korean, []string{"목표 10,000 사업:노인", "추가 노인 9,957 12. 1.", "현황"}, "99%"},
		{commands.English, []string{"target 10000 program:senior", "add 9957 senior 2026-12-01", "status"}, "99%"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 3, 1, 0, 0, 0, time.UTC))
			var last string
			for _, line := range tc.lines {
				last = h.run(manager, line, commands.OutcomeOK).Text()
			}
			if strings.Contains(last, "100%") || !strings.Contains(last, tc.show) {
				t.Errorf("status of 9,957 / 10,000 (SQL %d):\n%s", h.liveSQL("senior", "realised"), last)
			}
		})
	}
}

// Review r15 F6: a delta at least 90% of the recorded total but below it
// was answered "누계라면 … 새로 기록할 것이 없습니다": a 누계 below the
// recorded figure means an entry is wrong, so the question says so and
// points to the program's list.
func TestNearTotalBelowPointsToTheList(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		setup, line string
		says        []string
	}{
		{commands.Korean, "추가 노인 누계 1,240 11. 10.", "추가 노인 1,200 11. 20.", []string{"1,240개보다 적", "`목록 노인`"}},
		{commands.English, "add senior cumulative 1240 2026-11-10", "add 1200 senior 2026-11-20", []string{"below the 1,240", "`list senior`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 3, 1, 0, 0, 0, time.UTC))
			h.run(manager, tc.setup, commands.OutcomeOK)
			text := h.run(manager, tc.line, commands.OutcomeRefused).Text()
			mustContain(t, text, tc.says...)
			if strings.Contains(text, "새로 기록할 것이 없습니다") || strings.Contains(text, "nothing new to record") {
				t.Errorf("says nothing to record:\n%s", text)
			}
			if got := h.liveSQL("senior", "realised"); got != 1240 {
				t.Errorf("senior is %d, want 1,240", got)
			}
		})
	}
}

// Review r15 F22: `추가 청년 1,410 어제` on 2027-01-08, more than all of
// 2026's 1,381, was stored at once: the year's first delta was never
// asked. A delta early in a year at least half of the program's last year
// is held with the 누계 line for the difference and 확인:예.
func TestNewYearFirstDeltaIsHeld(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                 commands.Lang
		setup, line, confirm string
		says                 []string
	}{
		{commands.Korean, "추가 노인 1,381 2026. 11. 2.", "추가 노인 1,410 어제", "확인:예",
			[]string{"1,381개", "`추가 노인 누계 29 2027. 1. 7.`", "확인:예"}},
		{commands.English, "add 1381 senior 2026-11-02", "add 1410 senior 2027-01-07", "confirm:yes",
			[]string{"1,381", "`add senior cumulative 29 date:2027-01-07`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			now := time.Date(2026, time.December, 3, 1, 0, 0, 0, time.UTC)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run(manager, tc.setup, commands.OutcomeOK)
			now = time.Date(2027, time.January, 8, 1, 0, 0, 0, time.UTC)
			mustContain(t, h.run(manager, tc.line, commands.OutcomeRefused).Text(), tc.says...)
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of >= '2027-01-01'`); n != 0 {
				t.Fatalf("%d 2027 entries written by a held line", n)
			}
			h.run(manager, tc.line+" "+tc.confirm, commands.OutcomeOK)
			if n := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE as_of >= '2027-01-01' AND voided_at IS NULL`); n != 1410 {
				t.Errorf("2027 is %d, want 1,410 once confirmed", n)
			}
		})
	}
}
