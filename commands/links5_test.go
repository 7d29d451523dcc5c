package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// links5Run runs line as user, failing unless it is recorded or refused
// (the SQL SUMs, not each reply, say what was written), and logs it.
func links5Run(h *harness, log *[]string, user, line string) commands.Reply {
	h.t.Helper()
	r := h.svc.Handle(context.Background(), commands.Caller{UserID: user, Source: commands.SourceConsole}, line)
	if r.Outcome != commands.OutcomeOK && r.Outcome != commands.OutcomeRefused {
		h.t.Fatalf("%q as %s: outcome %q:\n%s", line, user, r.Outcome, r.Text())
	}
	*log = append(*log, fmt.Sprintf("%s → %s", line, r.Outcome))
	return r
}

// links5Answer types the offered line holding day and, when the bot
// holds it with a question of its own (a past-year date, a figure over
// the year's target), that question's 확인:예 line.
func links5Answer(t *testing.T, h *harness, log *[]string, u string, offered []string, day string) {
	t.Helper()
	r := links5Run(h, log, u, links4Pick(t, offered, day))
	if r.Outcome == commands.OutcomeOK {
		return
	}
	for _, l := range r32Offered(r) {
		if strings.Contains(l, "확인:예") || strings.Contains(l, "confirm:yes") {
			links5Run(h, log, u, l)
		}
	}
}

// Issue 20 (links5): a line a note-day refusal offered, typed back, may
// be held by a question of its own (a date of a past year; a figure over
// the program's whole-year target). Its 확인:예 records under that hold's
// key, which was linked only to the refusal's first other line: with
// three lines (`지난 주말` on an entry of another week offers each
// weekend's line and the entry's own), the hold's answer recorded and
// another line recorded beside it. Every line of the question answers it
// once, whichever is typed first (each order of the days), and also when
// the lines are explored oldest first or newest first.
func TestLinks5HoldOnOfferedLineAnswersOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang   commands.Lang
		today  string
		start  string
		days   []string // the days the offered lines are dated, as written
		target string   // a manager's line setting the year's target, or ""
		n      int64
	}{
		// on 4 January 2027: 11. 28. and 11. 30. are asked as 2026's
		{commands.Korean, "2027-01-04", "추가 청년 %d 11/30 메모:지난 주말 입사", []string{"2027. 1. 2.", "2026. 11. 28.", "2026. 11. 30."}, "", 3},
		{commands.English, "2027-01-04", "add %d youth 11/30 note:hired last weekend", []string{"2027-01-02", "2026-11-28", "2026-11-30"}, "", 3},
		// on 4 December 2026, each line larger than the year's target
		{commands.Korean, "2026-12-04", "추가 청년 %d 11/25 메모:지난 주말 입사", []string{"2026. 11. 28.", "2026. 11. 21.", "2026. 11. 25."}, "목표 300 사업:청년", 400},
		{commands.English, "2026-12-04", "add %d youth 11/25 note:hired last weekend", []string{"2026-11-28", "2026-11-21", "2026-11-25"}, "target 300 program:youth", 400},
	} {
		t.Run(string(tc.lang)+"/"+tc.today, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, tc.today)
			if tc.target != "" {
				h.run(manager, tc.target, commands.OutcomeOK)
			}
			// every order of the three lines, the held ones first and last
			for i, order := range [][]int{{2, 0, 1}, {1, 0, 2}, {0, 2, 1}, {2, 1, 0}, {1, 2, 0}, {0, 1, 2}} {
				u, n := fmt.Sprintf("U%d", i), tc.n+int64(i)
				var log []string
				offered := r32Offered(links5Run(h, &log, u, fmt.Sprintf(tc.start, n)))
				if len(offered) != 3 {
					t.Fatalf("%q offers %q, want three lines", fmt.Sprintf(tc.start, n), offered)
				}
				for _, k := range order {
					links5Answer(t, h, &log, u, offered, tc.days[k])
				}
				if got := holds3Sum(h, u, "youth"); got != n {
					t.Errorf("order %v: SQL SUM %d for one report of %d; lines:\n%s", order, got, n, strings.Join(log, "\n"))
				}
			}
			// every line offered, at any depth, oldest first and newest first
			links4OneReport(t, h, "X", tc.start, tc.n+10)
		})
	}
}

// Issue 20 (links5): `add 3 youth date:today note:hired last weekend` read
// `last week` inside `last weekend`, asked about the week, and offered a
// line keeping the note `hired end`. `last weekend` (and `this past
// weekend`) is read as 지난 주말 is: the weekend before the week typed in,
// its lines keeping the note's other words as written (`hired`), as the
// Korean `지난 주말 입사` offers `입사`. The offered line typed back
// records the figure on the weekend's day (plain SQL SUM); the weekend's
// staff (`last weekend staff hired`, `지난 주말 근무자 채용`) stay a note.
func TestLinks5LastWeekendNoteReadsNaturally(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang            commands.Lang
		line, note, bad string
		staff           string
	}{
		{commands.English, "add 3 youth date:today note:hired last weekend", "note:hired`", "end", "add 4 youth note:last weekend staff hired"},
		{commands.English, "add 3 youth note:joined this past weekend", "note:joined`", "past", "add 4 youth note:last weekend staff hired"},
		{commands.Korean, "추가 청년 3 날짜:오늘 메모:지난 주말 입사", "메모:입사`", "말", "추가 청년 4 메모:지난 주말 근무자 채용"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			u := "U1"
			r := holds3Run(h, u, tc.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), "2026", tc.note)
			offered := r32Offered(r)
			if len(offered) != 2 {
				t.Fatalf("%q offers %q, want the weekend's line and today's", tc.line, offered)
			}
			for _, l := range offered {
				if strings.Contains(l, tc.bad) || !strings.HasSuffix(l, strings.TrimSuffix(tc.note, "`")) {
					t.Errorf("offered line %q keeps words of the date phrase", l)
				}
			}
			weekend := links4Pick(t, offered, byLang(tc.lang, "2026-11-28", "2026. 11. 28."))
			holds3Run(h, u, weekend, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND logged_by = $1 AND as_of = '2026-11-28'`, u); got != 3 {
				t.Fatalf("SQL SUM on 2026-11-28 %d, want 3", got)
			}
			holds3Run(h, "U2", tc.staff, commands.OutcomeOK)
			if got := holds3Sum(h, "U2", "youth"); got != 4 {
				t.Fatalf("%q: SQL SUM %d, want 4", tc.staff, got)
			}
		})
	}
}

// Issue 20 (links5, notes8 left): `채용 1 3 금요일` typed on Friday 4
// December asks, as the add does, whether it is today's or last week's
// Friday, offering a line for each; the two lines were not one
// question's answers, so typed one after the other both recorded (two
// hires of one batch). They are linked as the add's are: whichever is
// typed first records, the other is refused naming 확인:다시 for a
// genuinely separate hire (plain SQL SUM of realised entries).
func TestLinks5HireSameWeekdayLinesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-04")
			hire := byLang(lang, "hire", "채용")
			h.run(manager, byLang(lang, "add senior 20 status:agreed date:2026-11-01", "추가 노인 20 상태:약정 날짜:2026. 11. 1."), commands.OutcomeOK)
			realised := func(u string) int64 {
				return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND logged_by = $1`, u)
			}
			for i, first := range []int{0, 1} {
				u, n := fmt.Sprintf("U%d", i), 3+i
				for _, line := range []string{fmt.Sprintf("%s 1 %d %s", hire, n, byLang(lang, "Friday", "금요일")),
					fmt.Sprintf("%s 1 %d %s", hire, n, byLang(lang, "date:Friday", "날짜:금요일"))} {
					r := holds3Run(h, u, line, commands.OutcomeRefused)
					offered := notes8Ticked(r, fmt.Sprintf("%s 1 %d", hire, n))
					if len(offered) != 2 {
						t.Fatalf("%q: offered %q, want two lines:\n%s", line, offered, r.Text())
					}
					if line != fmt.Sprintf("%s 1 %d %s", hire, n, byLang(lang, "Friday", "금요일")) {
						continue // asked again the same: the same question
					}
					holds3Run(h, u, offered[first], commands.OutcomeOK)
					r = holds3Run(h, u, offered[1-first], commands.OutcomeRefused)
					mustContain(t, r.Text(), byLang(lang, "Already recorded", "이미 기록했습니다"), byLang(lang, "confirm:again", "확인:다시"))
				}
				if got := realised(u); got != int64(n) {
					t.Fatalf("%s: realised SQL SUM %d after both offered lines, want %d", u, got, n)
				}
			}
		})
	}
}

// Issue 20 (links5): a `확인:다시` or `확인:예` line typed with no question
// pending at all (`추가 청년 3 확인:다시` as a first line) recorded under
// the request's own key, so pasted twice it recorded twice without a word.
// `확인:다시` with no question is an ordinary line: a second identical
// paste within the day is asked as a repeat, as identical entries are (its
// 확인:예 line records the second batch). `확인:예` with no question still
// answers the questions the line would raise, once a day: a second paste
// is told the entry is recorded, naming it. Sent by two processes at once,
// either records once. Plain SQL SUMs.
func TestLinks5ConfirmWithNoQuestionPastedTwiceIsAsked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		again, yes string
	}{
		{commands.Korean, "추가 청년 %d 확인:다시", "추가 청년 %d 확인:예"},
		{commands.English, "add %d youth confirm:again", "add %d youth confirm:yes"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := r32At(t, tc.lang, "2026-12-04")
			h.withClock(&now)
			procs := h.processes(2, &now)
			sum := func(u string, want int64, when string) {
				t.Helper()
				if got := holds3Sum(h, u, "youth"); got != want {
					t.Fatalf("%s: SQL SUM %d, want %d", when, got, want)
				}
			}
			// 확인:다시 pasted twice: the second is asked as a repeat
			u, line := "U1", fmt.Sprintf(tc.again, 3)
			holds3Run(h, u, line, commands.OutcomeOK)
			r := holds3Run(h, u, line, commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(tc.lang, "separate report", "따로 한 번 더"))
			sum(u, 3, "확인:다시 pasted twice")
			yes := r32Offered(r)
			if len(yes) != 1 {
				t.Fatalf("%q offers %q, want the repeat question's 확인:예 line", line, yes)
			}
			holds3Run(h, u, yes[0], commands.OutcomeOK) // a second batch, by the user's word
			holds3Run(h, u, yes[0], commands.OutcomeRefused)
			sum(u, 6, "the repeat question answered")

			// 확인:예 pasted twice: the second is told it is recorded
			u, line = "U2", fmt.Sprintf(tc.yes, 4)
			holds3Run(h, u, line, commands.OutcomeOK)
			r = holds3Run(h, u, line, commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(tc.lang, "Already recorded", "이미 기록했습니다"))
			sum(u, 4, "확인:예 pasted twice")

			// either, the first paste sent by two processes at once
			for i, form := range []string{tc.again, tc.yes} {
				u, n := fmt.Sprintf("P%d", i), int64(5+i)
				line := fmt.Sprintf(form, n)
				ok := 0
				for _, r := range atOnce(procs, u, line, line) {
					if r.Outcome == commands.OutcomeOK {
						ok++
					}
				}
				if got := holds3Sum(h, u, "youth"); ok != 1 || got != n {
					t.Fatalf("%q from two processes at once: %d recorded, SQL SUM %d, want one of %d", line, ok, got, n)
				}
			}
		})
	}
}

// Issue 20 (links5): the midnight check (holds3: a 확인: line whose date
// is read from the day it is typed, asked about before midnight and
// answered after it, is refused naming both days) read the line's date
// with dates.Parse, which cannot read what the add's own line reader
// reads (`지난달 셋째 주 금요일`, a week of a month counted from the day
// typed): such a line, asked about at 23:50 on 30 November (October's
// third Friday) and answered at 00:10 on 1 December, found no question
// about the new reading (November's) and recorded it there unasked. The
// check reads the line as the add does, so it is refused naming the day
// asked and today, nothing written; the line dated the day asked answers
// the question (plain SQL SUMs).
func TestLinks5MidnightCheckReadsAsTheAddReads(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang             commands.Lang
		target, add, yes string
		asked, today     string
	}{
		{commands.Korean, "목표 40 사업:여성", "추가 여성 누계 51 지난달 셋째 주 금요일", "추가 여성 누계 51 지난달 셋째 주 금요일 확인:예", "2026. 10. 16.", "2026. 12. 1."},
		{commands.English, "target 40 program:women", "add women cumulative 51 지난달 셋째 주 금요일", "add women cumulative 51 지난달 셋째 주 금요일 confirm:yes", "2026-10-16", "2026-12-01"},
	} {
		t.Run(string(tc.lang)+"/"+tc.add, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-11-30")
			now := time.Date(2026, 11, 30, 14, 50, 0, 0, time.UTC) // 23:50 in Seoul
			h.withClock(&now)
			h.run(manager, tc.target, commands.OutcomeOK)
			u := "U1"
			holds3Run(h, u, tc.add, commands.OutcomeRefused) // asked at 23:50
			now = now.Add(20 * time.Minute)                  // 00:10 on 1 December
			r := holds3Run(h, u, tc.yes, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.asked, tc.today)
			if got := holds3Sum(h, u, "women"); got != 0 {
				t.Fatalf("확인 after midnight: SQL SUM %d, want 0", got)
			}
			dated := r32Offered(r)
			if len(dated) == 0 || !strings.Contains(dated[0], tc.asked) {
				t.Fatalf("%q offers %q, want the line dated %s first", tc.yes, dated, tc.asked)
			}
			holds3Run(h, u, dated[0], commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND logged_by = $1 AND as_of = '2026-10-16'`, u); got != 51 {
				t.Fatalf("the dated line: SQL SUM on 2026-10-16 %d, want 51", got)
			}
		})
	}
}
