package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// k55At is 10:00 in Seoul on the day given.
func k55At(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 1, 0, 0, 0, time.UTC) }

// k55Sum is the plain SUM of the live realised entries dated in [from, to].
func (h *harness) k55Sum(from, to string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status = 'realised'
		AND as_of BETWEEN $1::date AND $2::date`, from, to)
}

// Review r20 G37: `추가 노인 누계 820` on 4 January 2027, with 807 recorded
// in 2026, was asked about as "2027 누계 820" or `추가 노인 누계 13 2027.
// 1. 4.`, never as December's year-end total, which is what an official
// sending a 누계 in the first days of January reports. The question now
// offers the line dated 2026. 12. 31. first; following it files the 13 in
// December. With 12월 closed it says so and whom to ask instead.
func TestK55NewYearTotalOffersLastYearEnd(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                             commands.Lang
		setup, line, yearEnd, cont, shut string
		closed                           []string
	}{
		{commands.Korean, "추가 노인 807 2026. 11. 2.", "추가 노인 누계 820", "`추가 노인 누계 820 2026. 12. 31.`",
			"`추가 노인 누계 13 2027. 1. 4.`", "마감 2026-12", []string{"2026년 12월은 마감되어", "관리자(", "`사유:`"}},
		{commands.English, "add 807 senior 2026-11-02", "add senior cumulative 820", "`add senior cumulative 820 date:2026-12-31`",
			"`add senior cumulative 13 date:2027-01-04`", "close 2026-12", []string{"is closed", "ask a manager", "reason:"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			now := k55At(2026, time.December, 3)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run(manager, tc.setup, commands.OutcomeOK)
			now = k55At(2027, time.January, 4)
			text := h.run("U1", tc.line, commands.OutcomeRefused).Text()
			mustContain(t, text, tc.yearEnd, tc.cont)
			if strings.Index(text, tc.yearEnd) > strings.Index(text, tc.cont) {
				t.Errorf("the year-end line should come first:\n%s", text)
			}
			if n := h.entriesStored(); n != 1 {
				t.Fatalf("%d entries after a held line, want 1", n)
			}
			h.run("U1", strings.Trim(tc.yearEnd, "`"), commands.OutcomeOK)
			if got := h.k55Sum("2026-12-01", "2026-12-31"); got != 13 {
				t.Errorf("December 2026 SQL sum %d, want 13", got)
			}
			if got := h.k55Sum("2026-01-01", "2026-12-31"); got != 820 {
				t.Errorf("2026 SQL sum %d, want 820", got)
			}
			if got := h.k55Sum("2027-01-01", "2027-12-31"); got != 0 {
				t.Errorf("2027 SQL sum %d, want 0", got)
			}
			// December closed: the year-end line cannot be recorded by staff.
			h.run(manager, tc.shut, commands.OutcomeOK)
			text = h.run("U1", strings.Replace(tc.line, "820", "830", 1), commands.OutcomeRefused).Text()
			mustContain(t, text, tc.closed...)
			if strings.Contains(text, "12. 31.`") || strings.Contains(text, "2026-12-31`") {
				t.Errorf("a line for closed December offered:\n%s", text)
			}
			if n := h.entriesStored(); n != 2 {
				t.Fatalf("%d entries after a held line, want 2", n)
			}
		})
	}
}

// Review r20 G9/G14: a 누계 typed without a date in the first days of a
// month was filed on that day with no question: `추가 청년 누계 975` on
// 12-01 (+25 in 12월, November's year-end report) and, after 11월 was
// closed, `추가 공동체 누계 9` on 12-03 (+5 in 12월). It is held now,
// offering the line dated the month before's end (`날짜:11월말`), or saying
// that month is closed and whom to ask, and the line as typed with 확인:예,
// whose footer names today's date (k58, review r21 M2).
func TestK55DatelessTotalAtTheMonthTurnIsHeld(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                                         commands.Lang
		setup, line, lastLine, todayLine, shut, conf string
		closed                                       []string
	}{
		{commands.Korean, "추가 청년 누계 950 11. 26.", "추가 청년 누계 975 메모:부서 보고", "추가 청년 누계 975 날짜:11월말 메모:부서 보고",
			"추가 청년 누계 975 날짜:2026. 12. 1. 확인:예 메모:부서 보고", "마감 2026-11", "확인:예", []string{"2026년 11월은 마감되어", "관리자(", "`사유:`"}},
		{commands.English, "add youth cumulative 950 date:2026-11-26", "add youth cumulative 975", "add youth cumulative 975 date:2026-11-30",
			"add youth cumulative 975 date:2026-12-01 confirm:yes", "close 2026-11", "confirm:yes", []string{"is closed", "ask a manager"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			now := k55At(2026, time.November, 26)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run("U1", tc.setup, commands.OutcomeOK)
			now = k55At(2026, time.December, 1)
			mustContain(t, h.run("U1", tc.line, commands.OutcomeRefused).Text(), "`"+tc.lastLine+"`", "`"+tc.todayLine+"`")
			if n := h.entriesStored(); n != 1 {
				t.Fatalf("%d entries after a held line, want 1", n)
			}
			h.run("U1", tc.lastLine, commands.OutcomeOK)
			if got := h.k55Sum("2026-11-01", "2026-11-30"); got != 975 {
				t.Errorf("November SQL sum %d, want 975", got)
			}
			if got := h.k55Sum("2026-12-01", "2026-12-31"); got != 0 {
				t.Errorf("December SQL sum %d, want 0", got)
			}
			// 11월 closed on 12-02; on 12-03 the dateless 누계 says so.
			now = k55At(2026, time.December, 2)
			h.run(manager, tc.shut, commands.OutcomeOK)
			now = k55At(2026, time.December, 3)
			line := strings.Replace(tc.line, "975", "980", 1)
			text := h.run("U1", line, commands.OutcomeRefused).Text()
			mustContain(t, text, tc.closed...)
			if strings.Contains(text, "11월말") || strings.Contains(text, "2026-11-30`") {
				t.Errorf("a line dated in closed November offered:\n%s", text)
			}
			if n := h.entriesStored(); n != 2 {
				t.Fatalf("%d entries after a held line, want 2", n)
			}
			// Confirmed, it is today's 누계 as typed.
			h.run("U1", withConfirmWord(line, tc.conf), commands.OutcomeOK)
			if got := h.k55Sum("2026-12-01", "2026-12-31"); got != 5 {
				t.Errorf("December SQL sum %d, want 5", got)
			}
			// Past the first week, or with a date, nothing is asked.
			now = k55At(2026, time.December, 8)
			h.run("U1", strings.Replace(tc.line, "975", "990", 1), commands.OutcomeOK)
			if got := h.k55Sum("2026-01-01", "2026-12-31"); got != 990 {
				t.Errorf("2026 SQL sum %d, want 990", got)
			}
		})
	}
}

// withConfirmWord puts the confirm option before a note, as the hold says.
func withConfirmWord(line, confirm string) string {
	if i := strings.Index(line, "메모:"); i >= 0 {
		return line[:i] + confirm + " " + line[i:]
	}
	return line + " " + confirm
}

// Review r20 G2: `추가 청년 6 25.11.19` on 2026-11-20 (a 26→25 slip) was
// filed in 2025 with no question and became 전년 동기 in every 현황. A
// date in an earlier year is held, naming the year and giving the line
// with this year's date, unless confirmed. January's `12월말` (last
// December, the year-end reports) is not asked, nor a line that says 작년.
func TestK55PastYearDateIsHeld(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                          commands.Lang
		line, thisYear, conf, january string
		says                          []string
	}{
		{commands.Korean, "추가 청년 6 25.11.19", "추가 청년 6 2026. 11. 19.", "확인:예", "추가 청년 5 12월말",
			[]string{"2025. 11. 19. — 2025년 날짜입니다", "맞습니까?", "`추가 청년 6 2026. 11. 19.`"}},
		{commands.English, "add 6 youth 2025-11-19", "add 6 youth 2026-11-19", "confirm:yes", "add 5 youth date:2026-12-31",
			[]string{"2025-11-19 is a date in 2025", "`add 6 youth 2026-11-19`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			mustContain(t, h.run("U1", tc.line, commands.OutcomeRefused).Text(), tc.says...)
			if n := h.entriesStored(); n != 0 {
				t.Fatalf("%d entries after a held line", n)
			}
			h.run("U1", tc.thisYear, commands.OutcomeOK)
			if got := h.k55Sum("2026-11-19", "2026-11-19"); got != 6 {
				t.Errorf("2026-11-19 SQL sum %d, want 6", got)
			}
			// The question is answered (r23 M5): the line as typed is
			// refused, naming #1, until #1 is voided.
			mustContain(t, h.run("U1", tc.line+" "+tc.conf, commands.OutcomeRefused).Text(), "(#1)")
			h.run("U1", byLang(tc.lang, "void 1 wrong year", "무효 1 연도 착오"), commands.OutcomeOK)
			h.run("U1", tc.line+" "+tc.conf, commands.OutcomeOK)
			if got := h.k55Sum("2025-01-01", "2025-12-31"); got != 6 {
				t.Errorf("2025 SQL sum %d, want 6 once confirmed", got)
			}
			now = k55At(2027, time.January, 4)
			h.run("U1", tc.january, commands.OutcomeOK)
			if got := h.k55Sum("2026-12-31", "2026-12-31"); got != 5 {
				t.Errorf("2026-12-31 SQL sum %d, want 5", got)
			}
		})
	}
}
