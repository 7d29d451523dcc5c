package commands_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// kdatesNow is Friday 8 January 2027, 10:00 in Seoul.
var kdatesNow = time.Date(2027, time.January, 8, 1, 0, 0, 0, time.UTC)

// Review r31 F4: `dec 31`, `Date:Dec 30`, `date:Jan 7`, `Jan 7` were read
// as whole months (refused as a period, or offered its last day). A month
// name with a day is that day, in either order, dotted or with th; after a
// count (`5 Dec 30`) the count stays the count.
func TestKdatesEnglishMonthDayIsTheDay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		line  string
		day   string
		count int64
	}{
		{commands.English, "add 5 youth dec 31", "2026-12-31", 5},
		{commands.English, "add 6 youth Date:Dec 30", "2026-12-30", 6},
		{commands.English, "add 7 youth date:Jan 7", "2027-01-07", 7},
		{commands.English, "add 8 youth Jan 7", "2027-01-07", 8},
		{commands.English, "add 9 youth date:Dec. 30", "2026-12-30", 9},
		{commands.English, "add 10 youth date:30 Dec", "2026-12-30", 10},
		{commands.English, "add 11 youth date:December 30th", "2026-12-30", 11},
		{commands.English, "add youth 12 Dec 29", "2026-12-29", 12},
		{commands.English, "add youth 13 date:Dec 29, 2026", "2026-12-29", 13},
		{commands.Korean, "추가 청년 14 Dec 30", "2026-12-30", 14},
		{commands.Korean, "추가 청년 15 날짜:Jan 7", "2027-01-07", 15},
		{commands.Korean, "추가 청년 16 30 Dec", "2026-12-30", 16},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, tc.lang, kdatesNow)
			h.run(manager, tc.line, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, tc.day); got != tc.count {
				t.Errorf("%q: SQL sum on %s %d, want %d", tc.line, tc.day, got, tc.count)
			}
			if got := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of <> $1::date`, tc.day); got != 0 {
				t.Errorf("%q: %d entries on another day than %s", tc.line, got, tc.day)
			}
		})
	}
}

// Review r31 F13/F14: a period still running typed as the date (`date:Jan`
// on 8 January) offered today as "the period's last day". It is named as
// today, for the figures so far.
func TestKdatesRunningPeriodHintSaysToday(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, want string
	}{
		{commands.English, "add youth 5 date:Jan", "give today's date, `2027-01-08`"},
		{commands.Korean, "추가 청년 5 날짜:1월", "오늘 날짜 `2027. 1. 8.`"},
		{commands.Korean, "추가 청년 5 이번달", "오늘 날짜 `2027. 1. 8.`"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, tc.lang, kdatesNow)
			r := h.refusedUntouched(manager, tc.line, tc.want)
			for _, bad := range []string{"period's last day", "기간 마지막 날"} {
				mustNotContain(t, r.Text(), bad)
			}
			if n, _ := h.live(); n != 0 {
				t.Errorf("%q wrote %d entries", tc.line, n)
			}
		})
	}
}

// Review r28 F11/F13: `현황 1월 첫째주`, `현황 2027년 53주차`, `status q4
// 2026`, `현황 4분기 2026` were refused as programs (`첫째주`, `53주차`,
// `2026`). They are periods, totalled as a plain SQL SUM of their days; a
// week the year or month lacks is refused naming it.
func TestKdatesStatusPeriodsAreNeverPrograms(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang       commands.Lang
		line       string
		from, to   string
		wantFormat string // %s: the SQL sum
	}{
		{commands.Korean, "현황 1월 첫째주", "2026-01-01", "2026-01-04", "2026. 1. 1. ~ 2026. 1. 4. 실적 %s개"},
		{commands.Korean, "현황 11월 넷째주", "2026-11-23", "2026-11-29", "2026. 11. 23. ~ 2026. 11. 29. 실적 %s개"},
		{commands.English, "status 1월 첫째주", "2026-01-01", "2026-01-04", ": %s\n"},
		{commands.English, "status q4 2026", "2026-10-01", "2026-12-31", "Total in 2026 Q4: %s"},
		{commands.English, "status 2026 Q4", "2026-10-01", "2026-12-31", "Total in 2026 Q4: %s"},
		{commands.Korean, "현황 4분기 2026", "2026-10-01", "2026-12-31", "2026년 4분기 실적 %s개"},
		{commands.Korean, "현황 상반기 2026", "2026-01-01", "2026-06-30", "2026년 상반기 실적 %s개"},
		{commands.Korean, "현황 2026년 53주차", "2026-12-28", "2027-01-03", "2026년 53주차"},
		{commands.English, "status h1 2026", "2026-01-01", "2026-06-30", "Total in 2026 H1: %s"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, tc.lang, now)
			for _, l := range []string{"추가 청년 4 2026. 1. 2.", "추가 노인 7 2026. 1. 5.", "추가 여성 9 2026. 5. 6.", "추가 청년 2 2026. 11. 25.", "추가 노인 3 2026. 12. 1."} {
				h.run(manager, l, commands.OutcomeOK)
			}
			r := h.run(manager, tc.line, commands.OutcomeOK)
			sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of BETWEEN $1::date AND $2::date`, tc.from, tc.to)
			want := tc.wantFormat
			if want != "2026년 53주차" {
				want = fmt.Sprintf(tc.wantFormat, fmt.Sprint(sum))
			}
			mustContain(t, r.Text(), want)
		})
	}
	for _, tc := range []struct {
		lang       commands.Lang
		line, want string
	}{
		{commands.Korean, "현황 2027년 53주차", "`2027년 53주차`: 2027년은 52주차까지만 있어 53주차가 없습니다"},
		{commands.English, "status 2027년 53주차", "`2027년 53주차`: 2027 has weeks 1 to 52, so it has no week 53"},
		{commands.English, "status 2027-W53", "`2027-W53`: 2027 has weeks 1 to 52"},
		{commands.Korean, "현황 54주차", "`54주차`: 2026년은 53주차까지만 있어 54주차가 없습니다"},
		{commands.Korean, "현황 2월 다섯째주", "2026년 2월에는 그런 주가 없습니다"},
		{commands.English, "status 2월 다섯째주", "month 2 of 2026 has no such week"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, tc.lang, now)
			r := h.refusedUntouched(manager, tc.line, tc.want)
			for _, bad := range []string{"사업을 찾을 수 없습니다", "I don't know the program"} {
				mustNotContain(t, r.Text(), bad)
			}
		})
	}
}

func mustNotContain(t *testing.T, text string, bads ...string) {
	t.Helper()
	for _, b := range bads {
		if strings.Contains(text, b) {
			t.Errorf("reply has %q:\n%s", b, text)
		}
	}
}

// Review r31 F4 (notes): an English day in a note (`Dec 30`, `30 Dec`,
// `December 30th`) on an entry of another month was read as the whole
// month and the line offered was dated its last day. The day is named and
// offered, as `Jan 7` in the entry's month is; so is a Korean day.
func TestKdatesNoteEnglishDayIsTheDay(t *testing.T) {
	t.Parallel()
	for _, c := range []r28aCase{
		{"2027-01-08", commands.English, "add 5 youth note:hired Dec 30", []string{"`Dec 30`", "2026-12-30", "`add youth 5 date:2027-01-08 note:hired`"}, "`add youth 5 date:2026-12-30 note:hired Dec 30`", "2026-12-30"},
		{"2027-01-08", commands.English, "add 6 youth note:hired 30 Dec", []string{"`30 Dec`", "`add youth 6 date:2027-01-08 note:hired`"}, "`add youth 6 date:2026-12-30 note:hired 30 Dec`", "2026-12-30"},
		{"2027-01-08", commands.English, "add 7 youth note:hired December 29th", []string{"`December 29th`"}, "`add youth 7 date:2026-12-29 note:hired December 29th`", "2026-12-29"},
		{"2027-01-08", commands.English, "add 8 youth note:hired Jan 7", []string{"`Jan 7`", "`add youth 8 date:2027-01-08 note:hired`"}, "`add youth 8 date:2027-01-07 note:hired Jan 7`", "2027-01-07"},
		{"2027-01-08", commands.Korean, "추가 청년 9 메모:12월 30일 입사", []string{"`12월 30일`", "2026. 12. 30.", "`추가 청년 9 날짜:2027. 1. 8. 메모:입사`"}, "`추가 청년 9 날짜:2026. 12. 30. 메모:12월 30일 입사`", "2026-12-30"},
		{"2027-01-08", commands.Korean, "추가 청년 10 메모:Dec 30 입사", []string{"`Dec 30`", "2026. 12. 30."}, "`추가 청년 10 날짜:2026. 12. 30. 메모:Dec 30 입사`", "2026-12-30"},
	} {
		t.Run(string(c.lang)+"/"+c.line, func(t *testing.T) {
			t.Parallel()
			r28aRun(t, c)
		})
	}
}

// Review r30a (open): `지난 주말 입사` was read as 지난 주 and the line
// kept offered `메모:말 입사`; a back-dated line's `오늘 입사` was kept
// while 오늘 is the day typed. 지난 주말 is the weekend before the week
// typed in, its two days named; 오늘 is the day typed: both asked, the
// offered line filing the figure on the day named (plain SQL SUM).
func TestKdatesNoteLastWeekendAndTodayAreAsked(t *testing.T) {
	t.Parallel()
	for _, c := range []r28aCase{
		{"2026-12-04", commands.Korean, "추가 청년 5 메모:지난 주말 입사", []string{"`지난 주말`", "2026. 11. 28.", "2026. 11. 29.", "`추가 청년 5 날짜:2026. 12. 4. 메모:입사`"}, "`추가 청년 5 날짜:2026. 11. 28. 메모:입사`", "2026-11-28"},
		{"2026-12-06", commands.Korean, "추가 청년 6 메모:지난 주말에 입사", []string{"`지난 주말`", "2026. 11. 28.", "2026. 11. 29.", "`추가 청년 6 날짜:2026. 12. 6. 메모:입사`"}, "`추가 청년 6 날짜:2026. 11. 28. 메모:입사`", "2026-11-28"},
		{"2026-12-04", commands.English, "add 7 youth note:지난 주말 입사", []string{"`지난 주말`", "2026-11-28", "2026-11-29"}, "`add youth 7 date:2026-11-28 note:입사`", "2026-11-28"},
		{"2026-12-04", commands.Korean, "추가 청년 8 날짜:11/20 메모:오늘 입사", []string{"`오늘`", "2026. 12. 4.", "`추가 청년 8 날짜:2026. 11. 20. 메모:입사`"}, "`추가 청년 8 날짜:2026. 12. 4. 메모:2026. 12. 4. 입사`", "2026-12-04"},
		{"2026-12-04", commands.Korean, "추가 청년 9 날짜:12/2 메모:오늘자 채용", []string{"`오늘`", "`추가 청년 9 날짜:2026. 12. 2. 메모:채용`"}, "`추가 청년 9 날짜:2026. 12. 4. 메모:2026. 12. 4.자 채용`", "2026-12-04"},
		{"2026-12-04", commands.English, "add 10 youth date:11/20 note:hired today", []string{"`today`", "2026-12-04", "`add youth 10 date:2026-11-20 note:hired`"}, "`add youth 10 date:2026-12-04 note:hired 2026-12-04`", "2026-12-04"},
	} {
		t.Run(string(c.lang)+"/"+c.now+"/"+c.line, func(t *testing.T) {
			t.Parallel()
			r28aRun(t, c)
		})
	}
	// Notes that name no day stay notes: the report's day, 오늘날, the
	// weekend staff of last week, a line dated the day typed.
	for _, tc := range []struct {
		lang commands.Lang
		line string
	}{
		{commands.Korean, "추가 청년 누계 50 11월말 메모:오늘 보고"},
		{commands.Korean, "추가 청년 3 날짜:11/20 메모:오늘날 청년 고용 확대"},
		{commands.Korean, "추가 청년 4 메모:오늘 입사"},
		{commands.Korean, "추가 청년 5 메모:지난 주말 근무자 채용"},
		{commands.Korean, "추가 청년 6 날짜:11/28 메모:지난 주말 입사"},
		{commands.English, "add 7 youth date:11/20 note:reported today"},
	} {
		t.Run("kept/"+string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC))
			h.run(manager, tc.line, commands.OutcomeOK)
			if n, _ := h.live(); n != 1 {
				t.Errorf("%q: %d live entries, want 1", tc.line, n)
			}
		})
	}
}

// Review r30a (open): English notes saying the people start later
// (`starting tomorrow`, `start next Monday`) were recorded as today's
// realised jobs while `내일 입사` is refused as not hired yet. They are
// refused the same way, nothing written.
func TestKdatesEnglishNoteHireToComeIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, word string
	}{
		{commands.English, "add 31 youth note:starting tomorrow", "`starting tomorrow`"},
		{commands.English, "add 32 youth note:start next Monday", "`start next Monday`"},
		{commands.English, "add 33 youth note:they join next week", "`join next week`"},
		{commands.English, "add 34 youth note:next Monday start", "`next Monday start`"},
		{commands.Korean, "추가 청년 35 메모:starting tomorrow", "`starting tomorrow`"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC))
			h.refusedUntouched(manager, tc.line, tc.word)
			if got := h.sqlInt(`SELECT count(*) FROM entries`); got != 0 {
				t.Errorf("%q wrote %d entries", tc.line, got)
			}
		})
	}
	h := k32Harness(t, commands.English, time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC))
	h.run(manager, "add 36 youth note:tomorrow's briefing", commands.OutcomeOK)
	if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`); got != 36 {
		t.Errorf("SQL sum %d, want 36", got)
	}
}
