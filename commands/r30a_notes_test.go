package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r30 B2: a weekday, a day, 지난해, 전달 with a particle or a
// variant (목요일에, 31일에, (금), 엊그저께, last Fri) were not read while
// their bare forms were: the figure was filed on the day typed, across a
// month and a year. Each is read as its bare form is.
func TestR30aNoteDayWithAParticleIsAsked(t *testing.T) {
	t.Parallel()
	for _, c := range []r28aCase{
		{"2027-01-04", commands.Korean, "추가 청년 3 메모:목요일에 입사", []string{"`목요일`", "`추가 청년 3 날짜:2027. 1. 4. 메모:입사`"}, "`추가 청년 3 날짜:2026. 12. 31. 메모:2026. 12. 31.에 입사`", "2026-12-31"},
		{"2027-01-04", commands.Korean, "추가 청년 4 메모:목요일날 입사", []string{"`목요일`", "`추가 청년 4 날짜:2027. 1. 4. 메모:입사`"}, "`추가 청년 4 날짜:2026. 12. 31. 메모:2026. 12. 31. 입사`", "2026-12-31"},
		{"2027-01-04", commands.Korean, "추가 청년 12 메모:31일에 입사", []string{"`31일`", "`추가 청년 12 날짜:2027. 1. 4. 메모:입사`"}, "`추가 청년 12 날짜:2026. 12. 31. 메모:31일에 입사`", "2026-12-31"},
		{"2027-01-04", commands.Korean, "추가 청년 9 메모:지난해 입사", []string{"`지난해 입사`"}, "`추가 청년 9 날짜:2026. 12. 31. 메모:지난해 입사`", "2026-12-31"},
		{"2027-01-04", commands.Korean, "추가 청년 6 메모:작년 입사", []string{"`작년 입사`"}, "`추가 청년 6 날짜:2026. 12. 31. 메모:작년 입사`", "2026-12-31"},
		{"2027-01-04", commands.Korean, "추가 청년 5 메모:30일에 입사", []string{"`30일`"}, "`추가 청년 5 날짜:2026. 12. 30. 메모:30일에 입사`", "2026-12-30"},
		{"2026-12-01", commands.Korean, "추가 청년 4 메모:금요일자 입사", []string{"`금요일`"}, "`추가 청년 4 날짜:2026. 11. 27. 메모:2026. 11. 27.자 입사`", "2026-11-27"},
		{"2027-01-04", commands.Korean, "추가 청년 8 메모:전달 입사", []string{"`전달 입사`"}, "`추가 청년 8 날짜:2026. 12. 31. 메모:2026년 12월 입사`", "2026-12-31"},
		{"2027-01-04", commands.English, "add 12 youth note:last Fri hires", []string{"`last Fri`"}, "`add youth 12 date:2027-01-01 note:2027-01-01 hires`", "2027-01-01"},
		{"2026-12-01", commands.Korean, "추가 청년 5 메모:금요일에 입사", []string{"`금요일`"}, "`추가 청년 5 날짜:2026. 11. 27. 메모:2026. 11. 27.에 입사`", "2026-11-27"},
		{"2026-12-01", commands.Korean, "추가 청년 6 메모:(금) 입사", []string{"`(금)`"}, "`추가 청년 6 날짜:2026. 11. 27. 메모:2026. 11. 27. 입사`", "2026-11-27"},
		{"2026-12-01", commands.Korean, "추가 청년 8 메모:주말에 입사", []string{"`주말`", "`추가 청년 8 날짜:2026. 12. 1. 메모:입사`", "2026. 11. 28.", "2026. 11. 29."}, "`추가 청년 8 날짜:2026. 11. 28. 메모:입사`", "2026-11-28"},
		{"2026-12-01", commands.English, "add 8 youth note:주말에 입사", []string{"`주말`", "2026-11-28", "2026-11-29"}, "`add youth 8 date:2026-11-28 note:입사`", "2026-11-28"},
		{"2026-12-01", commands.Korean, "추가 청년 7 메모:엊그저께 입사", []string{"`엊그저께`"}, "`추가 청년 7 날짜:2026. 11. 29. 메모:2026. 11. 29. 입사`", "2026-11-29"},
	} {
		t.Run(string(c.lang)+"/"+c.now+"/"+c.line, func(t *testing.T) { r28aRun(t, c) })
	}
}

// Review r30 B6: `내일 입사`, `다음주 입사`, `다음 주 월요일 입사` were
// recorded as today's realised jobs while `1/5 입사` is refused as not
// hired yet. They are refused the same way, nothing written.
func TestR30aNoteHireToComeIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, word string
	}{
		{commands.Korean, "추가 청년 31 메모:내일 입사", "`내일 입사`"},
		{commands.Korean, "추가 청년 32 메모:모레 입사", "`모레 입사`"},
		{commands.Korean, "추가 청년 33 메모:다음주 입사", "`다음주 입사`"},
		{commands.Korean, "추가 청년 37 메모:다음 주 월요일 입사", "`다음 주 월요일 입사`"},
		{commands.English, "add 31 youth note:내일 입사", "`내일 입사`"},
		{commands.Korean, "추가 청년 15 날짜:12/1 메모:내일 입사", "`내일 입사`"},
		{commands.Korean, `추가 청년 35 메모:"내일" 입사`, "`\"내일\" 입사`"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC))
			h.refusedUntouched(manager, tc.line, tc.word)
			if got := h.sqlInt(`SELECT count(*) FROM entries`); got != 0 {
				t.Errorf("%q wrote %d entries", tc.line, got)
			}
		})
	}
}

// Review r30 M3: on a back-dated line the weekday named the entry's own
// date's (날짜:11/27 메모:금요일 입사 typed on Friday 12/4) was counted from
// today and refused. The entry's day is the Friday meant: kept.
func TestR30aWeekdayOfTheEntrysOwnDateIsKept(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		line string
	}{
		{commands.Korean, "추가 청년 5 날짜:11/27 메모:금요일 입사"},
		{commands.English, "add 5 youth date:11/27 note:hired on Friday"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC))
			h.run(manager, tc.line, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-11-27'`); got != 5 {
				t.Errorf("SQL sum on 2026-11-27 %d, want 5", got)
			}
		})
	}
}

// Review r30 M2: the 지난주 refusal offered `메모:"" 행사 참여`, the word
// cut out of its quotes. No offered line carries empty quotes.
func TestR30aKeptLineHasNoEmptyQuotes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, kept string
	}{
		{commands.Korean, `추가 청년 16 메모:"지난주" 행사 참여`, "`추가 청년 16 날짜:2026. 12. 4. 메모:행사 참여`"},
		{commands.English, `add 16 youth note:"last week" event`, "`add youth 16 date:2026-12-04 note:event`"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC))
			r := h.refusedUntouched(manager, tc.line, tc.kept)
			if strings.Contains(r.Text(), `""`) {
				t.Errorf("reply offers empty quotes:\n%s", r.Text())
			}
			h.run(manager, offeredLine(t, tc.kept), commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-12-04'`); got != 16 {
				t.Errorf("SQL sum on 2026-12-04 %d, want 16", got)
			}
		})
	}
}

// Notes that are no day stay notes, with the particles now read.
func TestR30aNotesThatAreNoDayAreKept(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string
	}{
		{commands.Korean, []string{"추가 청년 1 메모:주말 근무자", "추가 청년 2 메모:목요일마다 출근", "추가 청년 3 메모:지난해 대비 증가",
			"추가 청년 4 메모:전달 사항 없음", "추가 청년 5 메모:내일채움공제 가입", "추가 청년 6 메모:금요일에 면접 진행", "추가 청년 7 메모:이번 주말 근무 가능자 채용", "추가 청년 8 메모:지난해 입사자 재채용", "추가 청년 9 메모:전달 입사자 교육 후 배치"}},
		{commands.English, []string{"add youth 1 note:weekend staff", "add youth 2 note:Fridays only"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, time.Date(2027, time.January, 4, 1, 0, 0, 0, time.UTC))
			h.run(manager, pickWord(tc.lang, "add youth 1000", "추가 청년 1,000"), commands.OutcomeOK)
			want := int64(1000)
			for i, line := range tc.lines {
				h.run(manager, line, commands.OutcomeOK)
				want += int64(i + 1)
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2027-01-04'`); got != want {
				t.Errorf("SQL sum on 2027-01-04 %d, want %d", got, want)
			}
		})
	}
}
