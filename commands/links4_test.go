package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// links4Pick is the one offered line holding want, failing otherwise.
func links4Pick(t *testing.T, offered []string, want string) string {
	t.Helper()
	var out []string
	for _, l := range offered {
		if strings.Contains(l, want) {
			out = append(out, l)
		}
	}
	if len(out) != 1 {
		t.Fatalf("offered %q: want one line holding %q", offered, want)
	}
	return out[0]
}

// Review r42 B1 (issue 20, links4): a note-day refusal (`추가 청년 6
// 메모:11/30 입사` on 4 December) offers the line dated 30 November and
// the line dated the 4th. An offered line typed back with one more word
// in its note recorded as another report, so the other offered line
// recorded too: 12 for one report of 6. A typed line of the offered
// program, count, date, status and department answers the question
// whatever its note (more words, fewer, none); the other line is then
// refused, naming 확인:다시 for a genuinely separate report.
func TestLinks4AnyNoteAnswersTheQuestion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                    commands.Lang
		line, past, today, word string
		bare, again             string
	}{
		{commands.Korean, "추가 청년 %d 메모:11/30 입사", "2026. 11. 30.", "2026. 12. 4.", " 정규직", "추가 청년 %d", "확인:다시"},
		{commands.English, "add %d youth note:hired 11/30", "2026-11-30", "2026-12-04", " fulltime", "add %d youth", "confirm:again"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			already := byLang(tc.lang, "Already recorded", "이미 기록했습니다")
			for i, step := range []struct{ first, second string }{
				{"past+word", "today"}, // r42 B1 as reported
				{"past", "today+word"}, // the other way round
				{"today+word", "past"},
				{"past", "bare"}, // no note at all is the line too
				{"bare", "past"},
			} {
				// distinct counts: the users' entries are one department's
				u, n := fmt.Sprintf("U%d", i), int64(6+i)
				line := fmt.Sprintf(tc.line, n)
				offered := r32Offered(holds3Run(h, u, line, commands.OutcomeRefused))
				if len(offered) != 2 {
					t.Fatalf("%q offers %q, want two lines", line, offered)
				}
				typed := func(which string) string {
					switch which {
					case "bare":
						return fmt.Sprintf(tc.bare, n)
					case "past", "past+word":
						l := links4Pick(t, offered, tc.past)
						if which == "past+word" {
							l += tc.word
						}
						return l
					}
					l := links4Pick(t, offered, tc.today)
					if which == "today+word" {
						l += tc.word
					}
					return l
				}
				holds3Run(h, u, typed(step.first), commands.OutcomeOK)
				r := holds3Run(h, u, typed(step.second), commands.OutcomeRefused)
				mustContain(t, r.Text(), already, tc.again)
				if got := holds3Sum(h, u, "youth"); got != n {
					t.Fatalf("%s %v: SQL SUM %d for one report of %d", u, step, got, n)
				}
			}
		})
	}
}

// links4Explore types start, then every add line the replies offer (at
// any depth, each once, first offered first, or newest first when lifo),
// leaving out the 확인:다시 lines a refusal names for a separate report
// and the 확인:예 line of the repeat question (the same line typed twice),
// and returns the lines typed with their outcomes, for a failure message.
func links4Explore(t *testing.T, h *harness, u, start string, lifo bool) []string {
	t.Helper()
	var log []string
	seen := map[string]bool{start: true}
	queue := []string{start}
	for len(queue) > 0 && len(log) < 40 {
		var line string
		if lifo {
			line, queue = queue[len(queue)-1], queue[:len(queue)-1]
		} else {
			line, queue = queue[0], queue[1:]
		}
		r := h.svc.Handle(context.Background(), commands.Caller{UserID: u, Source: commands.SourceConsole}, line)
		if r.Outcome != commands.OutcomeOK && r.Outcome != commands.OutcomeRefused {
			t.Fatalf("%q: outcome %q:\n%s", line, r.Outcome, r.Text())
		}
		log = append(log, fmt.Sprintf("%s → %s", line, r.Outcome))
		if strings.Contains(r.Text(), "따로 한 번 더") || strings.Contains(r.Text(), "a second, separate report") {
			continue // the repeat question: its 확인:예 is a separate report by the user's word
		}
		for _, l := range r32Offered(r) {
			if seen[l] || strings.Contains(l, "확인:다시") || strings.Contains(l, "confirm:again") {
				continue
			}
			seen[l] = true
			queue = append(queue, l)
		}
	}
	return log
}

// links4OneReport explores start both ways (links4Explore), each as its
// own user with its own count (n, n+1), and fails unless each recorded one
// report: its SQL SUM is the count.
func links4OneReport(t *testing.T, h *harness, user, start string, n int64) {
	t.Helper()
	for i, lifo := range []bool{false, true} {
		u, m := fmt.Sprintf("%s-%d", user, i), n+int64(i)
		log := links4Explore(t, h, u, fmt.Sprintf(start, m), lifo)
		if got := holds3Sum(h, u, "youth"); got != m {
			t.Errorf("lifo=%v: SQL SUM %d for one report of %d; lines:\n%s", lifo, got, m, strings.Join(log, "\n"))
		}
	}
}

// Review r42 B2 (issue 20, links4): `추가 청년 8 12.1.2026 메모:11월분
// 입사` (4 December) is asked as a year-last date, offering the 1 December
// line and the 12 January line; each, typed, is refused for 11월분 and
// offers more lines. The year-last question kept no lines, so the lines
// they offered answered nothing in common: 11. 30. recorded, then the
// 1. 12. line without 11월분 recorded too (16 for 8). Every line offered,
// at any depth, answers the one question.
func TestLinks4YearLastLinesAnswerOneQuestion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		start string
	}{
		{commands.Korean, "추가 청년 %d 12.1.2026 메모:11월분 입사"},
		{commands.English, "add %d youth 12.1.2026 note:for November"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			links4OneReport(t, h, "U1", tc.start, 8)
		})
	}
}

// Review r42 B6 (issue 20, links4): on Friday 4 December `추가 청년 7 금요일
// 메모:11월분 입사` offers today's line and the 27 November line; today's,
// typed, is refused for 11월분 and offers the 4 December line without it;
// the 27 November line recorded, then that 4 December line recorded too
// (14 for 7). Deeper chains (a year-last date in the note as well) and a
// sibling branch typed first overwrote the links. Every line offered, at
// any depth and in either order, answers the one question.
func TestLinks4DayChoiceChainsAnswerOneQuestion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang   commands.Lang
		starts []string
	}{
		{commands.Korean, []string{"추가 청년 %d 금요일 메모:11월분 입사", "추가 청년 %d 금요일 메모:지난 주말 입사",
			"추가 청년 %d 금요일 메모:11월분 12.1.2026 입사"}},
		{commands.English, []string{"add %d youth Friday note:for November", "add %d youth Friday note:hired last weekend",
			"add %d youth Friday note:for November 12.1.2026"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			for i, start := range tc.starts {
				links4OneReport(t, h, fmt.Sprintf("U%d", i), start, int64(7+2*i))
			}
		})
	}
}

// Review r42 B4 (issue 20, links4): after `추가 청년 5` twice (the repeat
// question) and its 확인:예 line (#2), `무효 2 잘못 입력`, every 확인:예 that
// differed only in its note recorded again, unasked (#3, #4, #5: the key
// of the answer after a void held the note). The voided answer re-opens
// the question once, whatever the note of the yes that answers it.
func TestLinks4ReanswerAfterVoidOnceWhateverTheNote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                commands.Lang
		line, note, voidFmt string
	}{
		{commands.Korean, "추가 청년 5", " 메모:", "무효 %d 잘못 입력"},
		{commands.English, "add 5 youth", " note:", "void %d wrong entry"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			u := "U1"
			holds3Run(h, u, tc.line, commands.OutcomeOK)
			yes := r32Offered(holds3Run(h, u, tc.line, commands.OutcomeRefused))
			if len(yes) != 1 {
				t.Fatalf("%q offers %q, want the 확인:예 line", tc.line, yes)
			}
			holds3Run(h, u, yes[0], commands.OutcomeOK)                  // #2
			holds3Run(h, u, yes[0]+tc.note+"A", commands.OutcomeRefused) // answered already
			id := h.sqlInt(`SELECT MAX(id) FROM entries WHERE logged_by = $1`, u)
			holds3Run(h, u, fmt.Sprintf(tc.voidFmt, id), commands.OutcomeOK)
			holds3Run(h, u, yes[0]+tc.note+"A", commands.OutcomeOK) // the question re-opened: answered once
			for _, again := range []string{yes[0] + tc.note + "B", yes[0] + tc.note + "C", yes[0]} {
				holds3Run(h, u, again, commands.OutcomeRefused)
			}
			if got := holds3Sum(h, u, "youth"); got != 10 {
				t.Fatalf("SQL SUM %d after one re-answer, want 10", got)
			}
			// voided again: once more, once
			id = h.sqlInt(`SELECT MAX(id) FROM entries WHERE logged_by = $1`, u)
			holds3Run(h, u, fmt.Sprintf(tc.voidFmt, id), commands.OutcomeOK)
			holds3Run(h, u, yes[0], commands.OutcomeOK)
			holds3Run(h, u, yes[0]+tc.note+"D", commands.OutcomeRefused)
			if got := holds3Sum(h, u, "youth"); got != 10 {
				t.Fatalf("SQL SUM %d after the second re-answer, want 10", got)
			}
		})
	}
}

// Review r42 B5 (issue 20, links4): offered line A recorded (#1), voided;
// line B recorded (#2, right), A refused (right); #2 voided; A recorded
// (#3) and then B recorded too (#4): 10 for one report of 5. However the
// answers are voided and typed again, one question has one live answer.
func TestLinks4OneLiveAnswerAfterVoids(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                    commands.Lang
		line, past, today, void string
	}{
		{commands.Korean, "추가 청년 5 메모:11/30 입사", "2026. 11. 30.", "2026. 12. 4.", "무효 %d 날짜 틀림"},
		{commands.English, "add 5 youth note:hired 11/30", "2026-11-30", "2026-12-04", "void %d wrong date"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			u := "U1"
			offered := r32Offered(holds3Run(h, u, tc.line, commands.OutcomeRefused))
			a, b := links4Pick(t, offered, tc.past), links4Pick(t, offered, tc.today)
			voidLast := func() {
				id := h.sqlInt(`SELECT MAX(id) FROM entries WHERE logged_by = $1 AND voided_at IS NULL`, u)
				holds3Run(h, u, fmt.Sprintf(tc.void, id), commands.OutcomeOK)
			}
			holds3Run(h, u, a, commands.OutcomeOK) // #1
			voidLast()
			holds3Run(h, u, b, commands.OutcomeOK) // #2
			holds3Run(h, u, a, commands.OutcomeRefused)
			voidLast()
			holds3Run(h, u, a, commands.OutcomeOK) // #3
			holds3Run(h, u, b, commands.OutcomeRefused)
			holds3Run(h, u, a, commands.OutcomeRefused)
			if got := holds3Sum(h, u, "youth"); got != 5 {
				t.Fatalf("SQL SUM %d for one report of 5", got)
			}
			voidLast()
			holds3Run(h, u, b, commands.OutcomeOK) // #4
			holds3Run(h, u, a, commands.OutcomeRefused)
			if got := holds3Sum(h, u, "youth"); got != 5 {
				t.Fatalf("SQL SUM %d for one report of 5 after three voids", got)
			}
		})
	}
}
