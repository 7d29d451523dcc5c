package commands_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
)

// holds2Sum is the plain SQL sum of the live entries' counts.
func holds2Sum(h *harness) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND kind = 'delta'`) +
		h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND kind <> 'delta'`)
}

// Review r39 F11 (jobsbot issue 20): on 2027-01-04 `추가 노인 누계 1,450여`
// after a 2026 누계 of 1,400여 is held as "작년 누계를 이어 적은 것일 수",
// offering the line dated 2026. 12. 31., the continued year's 누계 of 50여
// and the 확인:예 line: three readings of one report. Typing the first two
// recorded both (the same 50 jobs in December and in January). Whichever
// offered line records first, every other one is refused naming it and the
// 확인:다시 line for a separate report; the 누계 and the delta question alike.
func TestHolds2JanuaryCarryLinesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		prev, line string
	}{
		{commands.Korean, "추가 노인 누계 1,400여 2026. 12. 30. 확인:예", "추가 노인 누계 1,450여"},
		{commands.Korean, "추가 노인 누계 1,400여 2026. 12. 30. 확인:예", "추가 노인 1,450여"},
		{commands.English, "add 1400 youth cumulative date:2026-12-30 confirm:yes", "add 1450 youth cumulative"},
		{commands.English, "add 1400 youth cumulative date:2026-12-30 confirm:yes", "add 1450 youth"},
	} {
		for first := range 3 {
			t.Run(string(tc.lang)+"/"+tc.line+"/"+string(rune('0'+first)), func(t *testing.T) {
				t.Parallel()
				h := r32At(t, tc.lang, "2027-01-04")
				h.run(manager, tc.prev, commands.OutcomeOK)
				base := holds2Sum(h)
				offered := r32Offered(h.run(manager, tc.line, commands.OutcomeRefused))
				if len(offered) < 3 {
					t.Fatalf("%q offers %q, want three lines or more", tc.line, offered)
				}
				h.run(manager, offered[first], commands.OutcomeOK)
				after := holds2Sum(h)
				for i, l := range offered {
					if i == first {
						continue
					}
					r := h.svc.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceConsole}, l)
					if r.Outcome == commands.OutcomeOK {
						// the recorded reading typed again (날짜:12월말 beside
						// 2026. 12. 31.): the ledger agrees, nothing new
						mustContain(t, r.Text(), byLang(tc.lang, "nothing new was recorded", "새로 기록하지 않았습니다"))
					} else {
						mustContain(t, r.Text(), byLang(tc.lang, "Already recorded", "이미 기록했습니다"), byLang(tc.lang, "confirm:again", "확인:다시"))
					}
					if got := holds2Sum(h); got != after {
						t.Fatalf("SQL SUM %d after %q, want %d (one report recorded once)", got, l, after)
					}
				}
				if after == base {
					t.Fatalf("the first line %q recorded nothing", offered[first])
				}
				// 확인:다시: a genuinely separate report records
				for i, l := range offered {
					if i == first || strings.Contains(l, byLang(tc.lang, "confirm:", "확인:")) {
						continue
					}
					again := l + byLang(tc.lang, " confirm:again", " 확인:다시")
					h.run(manager, again, commands.OutcomeOK)
					break
				}
			})
		}
	}
}

// Review r40 B2 (jobsbot issue 20): on 2026-12-04 `추가 청년 7 12/3
// 메모:11월분 12.1.2026 입사` is refused offering a 1 December line and a
// 12 January line; each, typed back, is refused again for 11월분 and
// offers further lines, and those recorded both readings (14 jobs for 7).
// Every line offered, at any depth, answers the one question: typing them
// all back, in either order, records the 7 jobs once.
func TestHolds2NestedOfferedLinesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		line string
	}{
		{commands.Korean, "추가 청년 7 12/3 메모:11월분 12.1.2026 입사"},
		{commands.English, "add 7 youth date:12/3 note:November hires 12.1.2026"},
	} {
		for _, reverse := range []bool{false, true} {
			t.Run(string(tc.lang)+"/"+map[bool]string{false: "first", true: "reverse"}[reverse], func(t *testing.T) {
				t.Parallel()
				h := r32At(t, tc.lang, "2026-12-04")
				queue := r32Offered(h.run(manager, tc.line, commands.OutcomeRefused))
				if len(queue) < 2 {
					t.Fatalf("%q offers %q, want two lines", tc.line, queue)
				}
				seen := map[string]bool{}
				for len(queue) > 0 {
					l := queue[0]
					if reverse {
						l = queue[len(queue)-1]
						queue = queue[:len(queue)-1]
					} else {
						queue = queue[1:]
					}
					if seen[l] || strings.Contains(l, byLang(tc.lang, "again", "다시")) {
						continue
					}
					seen[l] = true
					r := h.svc.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceConsole}, l)
					t.Logf("%q → %s", l, r.Outcome)
					if got := holds2Sum(h); got > 7 {
						t.Fatalf("SQL SUM %d after %q, want at most 7 (one report); reply:\n%s", got, l, r.Text())
					}
					queue = append(queue, r32Offered(r)...)
				}
				if got := holds2Sum(h); got != 7 {
					t.Fatalf("SQL SUM %d after every offered line, want 7", got)
				}
			})
		}
	}
}

// Review r39 F3 (jobsbot issue 20): after `추가 철도 3 메모: 월요일 입사`
// was refused offering two lines, a different line of the same program and
// count (`… 오늘 메모: 현장 배치`, then `… 11월 30일 메모: 기간제`) was
// taken for one of them: the second was refused as "이미 기록했습니다 …
// 두 줄 가운데 하나". As decided in links4 (review r42 B1: a word added to
// an offered line's note unlinked it, and the other line recorded too), a
// line of an offered line's program, count and date answers the question
// whatever its note: the other is refused naming 확인:다시, which records a
// genuinely separate report, once; the offered lines typed back afterwards
// are refused.
func TestHolds2AnyLineOfTheOfferedDaysAnswers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang              commands.Lang
		line, other, more string
		again             string
	}{
		{commands.Korean, "추가 청년 3 메모: 월요일 입사", "추가 청년 3 오늘 메모: 현장 배치", "추가 청년 3 11월 30일 메모: 기간제", " 확인:다시"},
		{commands.English, "add 3 youth note:hired Monday", "add 3 youth today note:site team", "add 3 youth date:2026-11-30 note:fixed term", " confirm:again"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			already := byLang(tc.lang, "Already recorded", "이미 기록했습니다")
			offered := r32Offered(h.run(manager, tc.line, commands.OutcomeRefused))
			if len(offered) != 2 {
				t.Fatalf("%q offers %q, want two lines", tc.line, offered)
			}
			h.run(manager, tc.other, commands.OutcomeOK)
			mustContain(t, h.run(manager, tc.more, commands.OutcomeRefused).Text(), already, strings.TrimSpace(tc.again))
			// 확인:다시 before the note: a separate report, once
			moreAgain := strings.Replace(tc.more, byLang(tc.lang, " note:", " 메모:"), tc.again+byLang(tc.lang, " note:", " 메모:"), 1)
			h.run(manager, moreAgain, commands.OutcomeOK)
			h.run(manager, moreAgain, commands.OutcomeRefused)
			if got := holds2Sum(h); got != 6 {
				t.Fatalf("SQL SUM %d after two separate reports, want 6", got)
			}
			for _, l := range offered {
				h.run(manager, l, commands.OutcomeRefused)
			}
			if got := holds2Sum(h); got != 6 {
				t.Fatalf("SQL SUM %d after the offered lines, want 6", got)
			}
		})
	}
}
