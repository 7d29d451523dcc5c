package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// holds3Sum is the plain SQL sum of user's live entries of program code.
func holds3Sum(h *harness, user, code string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT COALESCE(SUM(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE e.voided_at IS NULL AND e.logged_by = $1 AND p.code = $2`, user, code)
}

// holds3Run runs line as user and fails unless the outcome is want.
func holds3Run(h *harness, user, line string, want commands.Outcome) commands.Reply {
	h.t.Helper()
	r := h.svc.Handle(context.Background(), commands.Caller{UserID: user, Source: commands.SourceConsole}, line)
	if r.Outcome != want {
		h.t.Fatalf("%q as %s: outcome %q, want %q; reply:\n%s", line, user, r.Outcome, want, r.Text())
	}
	return r
}

// Issue 20, holds2's open point, as decided in links4 (review r42 B1): a
// note-day refusal (`추가 청년 3 메모: 월요일 입사` on Friday 4 December)
// offers the line dated Monday with the note and the line dated the 4th
// with the note's remainder (입사). A typed line is the offered one when it
// has the same program, count, date, status and department, whatever its
// note: a line with no note on the 4th answers the question (typed first,
// the Monday line is then refused; typed after it, it is refused), naming
// 확인:다시 for a genuinely separate report. A line of the Monday date
// typed once the Monday line recorded is asked as a repeat.
func TestHolds3NoNoteLineIsTheOfferedLine(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                      commands.Lang
		line, bare, other, onlyDW string
		emptyRest, emptyBare      string
	}{
		{commands.Korean, "추가 청년 3 메모: 월요일 입사", "추가 청년 3", "추가 청년 3 메모:현장 배치", "추가 청년 3 날짜:2026. 11. 30. 메모:월요일",
			"추가 청년 4 메모: 어제", "추가 청년 4"},
		{commands.English, "add 3 youth note:hired Monday", "add 3 youth", "add 3 youth note:site team", "add 3 youth date:2026-11-30 note:Monday",
			"add 4 youth note:yesterday", "add 4 youth"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			already := byLang(tc.lang, "Already recorded", "이미 기록했습니다")
			again := byLang(tc.lang, "confirm:again", "확인:다시")
			// U1: the Monday line first, then the bare line: refused as the
			// question's other line
			u := "U1"
			offered := r32Offered(holds3Run(h, u, tc.line, commands.OutcomeRefused))
			if len(offered) != 2 {
				t.Fatalf("%q offers %q, want two lines", tc.line, offered)
			}
			holds3Run(h, u, offered[0], commands.OutcomeOK)
			mustContain(t, holds3Run(h, u, tc.bare, commands.OutcomeRefused).Text(), already, again)
			mustContain(t, holds3Run(h, u, offered[1], commands.OutcomeRefused).Text(), already)
			if got := holds3Sum(h, u, "youth"); got != 3 {
				t.Fatalf("%s: SQL SUM %d after the Monday line and a line with no note, want 3", u, got)
			}
			// a line of the Monday date once the Monday line recorded: asked
			// as a repeat of it, and its 확인:예 line records it
			r := holds3Run(h, u, tc.onlyDW, commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(tc.lang, "separate report", "따로 한 번 더"))
			mustNotContain(t, r.Text(), byLang(tc.lang, "lines offered", "두 줄 가운데"))
			yes := r32Offered(r)
			if len(yes) != 1 {
				t.Fatalf("%q offers %q, want its 확인:예 line", tc.onlyDW, yes)
			}
			holds3Run(h, u, yes[0], commands.OutcomeOK)
			if got := holds3Sum(h, u, "youth"); got != 6 {
				t.Fatalf("%s: SQL SUM %d, want 6", u, got)
			}

			// U2: the bare line first answers the question: the Monday line
			// is refused, another note of the 4th is asked as a repeat
			// (five jobs: U1's entries of the 4th are the same department's)
			u = "U2"
			five := strings.NewReplacer("청년 3", "청년 5", "add 3", "add 5")
			offered = r32Offered(holds3Run(h, u, five.Replace(tc.line), commands.OutcomeRefused))
			holds3Run(h, u, five.Replace(tc.bare), commands.OutcomeOK)
			r = holds3Run(h, u, five.Replace(tc.other), commands.OutcomeRefused) // the same figure and day again: the repeat question
			mustContain(t, r.Text(), byLang(tc.lang, "separate report", "따로 한 번 더"))
			mustContain(t, holds3Run(h, u, offered[0], commands.OutcomeRefused).Text(), already, again)
			holds3Run(h, u, offered[1], commands.OutcomeRefused)
			if got := holds3Sum(h, u, "youth"); got != 5 {
				t.Fatalf("%s: SQL SUM %d, want 5", u, got)
			}

			// U3: a note that is only a date word: the line with no note is
			// the offered line too
			u = "U3"
			offered = r32Offered(holds3Run(h, u, tc.emptyRest, commands.OutcomeRefused))
			if len(offered) != 2 {
				t.Fatalf("%q offers %q, want two lines", tc.emptyRest, offered)
			}
			holds3Run(h, u, offered[0], commands.OutcomeOK)
			mustContain(t, holds3Run(h, u, tc.emptyBare, commands.OutcomeRefused).Text(), already)
			if got := holds3Sum(h, u, "youth"); got != 4 {
				t.Fatalf("%s: SQL SUM %d, want 4", u, got)
			}
		})
	}
}

// Review r40 M3 (issue 20): `확인:다시` records a separate batch of an
// answered question, but under the request's own key, so the line pasted
// twice recorded twice (documented as "a separate batch"). It records once
// per question: pasted again, or sent by two processes at once, it is told
// the batch is recorded and how to ask for yet another (the line without
// 확인:, which the repeat hold asks about: a new question, whose 확인:다시
// records once more). The same for a line a note-day refusal offered,
// refused once the other line recorded. Voided, the batch is answered
// again, once. SQL SUMs say so.
func TestHolds3ConfirmAgainRecordsOncePerQuestion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                      commands.Lang
		add, yes, again, void     string
		noteLine, noteAgainSuffix string
	}{
		{commands.Korean, "추가 여성 51 12/2", "추가 여성 51 12/2 확인:예", "추가 여성 51 12/2 확인:다시", "무효 %d 잘못",
			"추가 청년 3 메모: 월요일 입사", " 확인:다시"},
		{commands.English, "add women 51 12/2", "add women 51 12/2 confirm:yes", "add women 51 12/2 confirm:again", "void %d mistake",
			"add 3 youth note:hired Monday", " confirm:again"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := r32At(t, tc.lang, "2026-12-04")
			h.withClock(&now)
			procs := h.processes(2, &now)
			u := "U1"
			sum := func(want int64, when string) {
				t.Helper()
				if got := holds3Sum(h, u, "women") + holds3Sum(h, u, "youth"); got != want {
					t.Fatalf("%s: SQL SUM %d, want %d", when, got, want)
				}
			}
			holds3Run(h, u, tc.add, commands.OutcomeOK)
			holds3Run(h, u, tc.add, commands.OutcomeRefused) // the repeat question
			holds3Run(h, u, tc.yes, commands.OutcomeOK)
			holds3Run(h, u, tc.again, commands.OutcomeOK) // a separate batch
			sum(153, "확인:다시 once")
			r := holds3Run(h, u, tc.again, commands.OutcomeRefused) // pasted again
			// the plain line names its day (offered3): typed later, it files 12/2
			plain := strings.Replace(tc.add, "12/2", byLang(tc.lang, "2026-12-02", "2026. 12. 2."), 1)
			mustContain(t, r.Text(), byLang(tc.lang, "Already recorded", "이미 기록했습니다"), "`"+plain+"`")
			sum(153, "확인:다시 pasted twice")

			// a further batch: the plain line is asked again, a new question
			now = now.Add(10 * time.Minute)
			holds3Run(h, u, tc.add, commands.OutcomeRefused)
			holds3Run(h, u, tc.yes, commands.OutcomeOK)
			sum(204, "the new question's 확인:예")
			replies := atOnce(procs, u, tc.again, tc.again)
			ok := 0
			for _, r := range replies {
				if r.Outcome == commands.OutcomeOK {
					ok++
				} else if r.Outcome != commands.OutcomeRefused && r.Outcome != commands.OutcomeRepeated {
					t.Fatalf("확인:다시 from two processes: %q\n%s", r.Outcome, r.Text())
				}
			}
			if ok != 1 {
				t.Fatalf("확인:다시 from two processes at once: %d recorded, want 1", ok)
			}
			sum(255, "확인:다시 from two processes at once")

			// voided, the batch is answered again, once
			last := h.sqlInt(`SELECT max(id) FROM entries WHERE logged_by = $1`, u)
			holds3Run(h, u, fmt.Sprintf(tc.void, last), commands.OutcomeOK)
			sum(204, "the batch voided")
			holds3Run(h, u, tc.again, commands.OutcomeOK)
			holds3Run(h, u, tc.again, commands.OutcomeRefused)
			sum(255, "확인:다시 after the void, twice")

			// a note-day refusal's line, refused once the other recorded
			now = now.Add(10 * time.Minute)
			offered := r32Offered(holds3Run(h, u, tc.noteLine, commands.OutcomeRefused))
			if len(offered) != 2 {
				t.Fatalf("%q offers %q, want two lines", tc.noteLine, offered)
			}
			holds3Run(h, u, offered[0], commands.OutcomeOK)
			r = holds3Run(h, u, offered[1], commands.OutcomeRefused)
			l := r32Offered(r)
			if len(l) != 1 || !strings.Contains(l[0], strings.TrimSpace(tc.noteAgainSuffix)) {
				t.Fatalf("%q offers %q, want its 확인:다시 line", offered[1], l)
			}
			again := l[0]
			holds3Run(h, u, again, commands.OutcomeOK)
			sum(261, "the offered line's 확인:다시")
			holds3Run(h, u, again, commands.OutcomeRefused)
			replies = atOnce(procs, u, again, again)
			for _, r := range replies {
				if r.Outcome == commands.OutcomeOK {
					t.Fatalf("%q pasted by two processes after it recorded: %s", again, r.Text())
				}
			}
			sum(261, "the offered line's 확인:다시 pasted again")
		})
	}
}

// Issue 20 (holds3): a 확인:예 / 확인:다시 line whose date is read from the
// day it is typed (none, 어제), asked about at 23:50 and sent after
// midnight, found no question about the new day's entry and recorded it on
// the new day. It is refused, naming the day asked and today, nothing
// written: the line with the asked day written out answers the question
// (recorded on that day); nothing is ever dated the new day silently.
func TestHolds3ConfirmAfterMidnightKeepsTheDayAsked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                 commands.Lang
		add, yes, again      string
		rel, relAgain        string
		asked, relAsked, day string
	}{
		{commands.Korean, "추가 여성 51", "추가 여성 51 확인:예", "추가 여성 51 확인:다시",
			"추가 노인 7 어제", "추가 노인 7 어제 확인:다시", "2026. 12. 4.", "2026. 12. 3.", "2026. 12. 5."},
		{commands.English, "add women 51", "add women 51 confirm:yes", "add women 51 confirm:again",
			"add senior 7 yesterday", "add senior 7 yesterday confirm:again", "2026-12-04", "2026-12-03", "2026-12-05"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			now := time.Date(2026, 12, 4, 14, 50, 0, 0, time.UTC) // 23:50 in Seoul
			h.withClock(&now)
			u := "U1"
			sum := func(code string, want int64, when string) {
				t.Helper()
				if got := holds3Sum(h, u, code); got != want {
					t.Fatalf("%s: %s SQL SUM %d, want %d", when, code, got, want)
				}
				if n := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of = '2026-12-05'`); n != 0 {
					t.Fatalf("%s: %d entries dated 2026-12-05", when, n)
				}
			}
			holds3Run(h, u, tc.add, commands.OutcomeOK)
			holds3Run(h, u, tc.add, commands.OutcomeRefused) // asked at 23:50
			holds3Run(h, u, tc.rel, commands.OutcomeOK)
			holds3Run(h, u, tc.rel, commands.OutcomeRefused)
			now = now.Add(20 * time.Minute) // 00:10 on 5 December
			r := holds3Run(h, u, tc.yes, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.asked, tc.day)
			sum("women", 51, "확인:예 after midnight")
			dated := r32Offered(r)
			if len(dated) != 2 {
				t.Fatalf("%q offers %q, want the dated line and today's", tc.yes, dated)
			}
			mustContain(t, dated[0], tc.asked)
			holds3Run(h, u, dated[0], commands.OutcomeOK) // the question's answer, on the day asked
			sum("women", 102, "the dated 확인:예 line")
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of = '2026-12-04' AND logged_by = $1`, u); n != 2 {
				t.Fatalf("%d entries of 2026-12-04, want 2", n)
			}
			r = holds3Run(h, u, tc.again, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.asked, tc.day)
			sum("women", 102, "확인:다시 after midnight")
			r = holds3Run(h, u, tc.relAgain, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.relAsked, tc.day, tc.asked)
			sum("senior", 7, "어제 확인:다시 after midnight")
			dated = r32Offered(r)
			mustContain(t, dated[0], tc.relAsked)
			holds3Run(h, u, dated[0], commands.OutcomeOK)
			sum("senior", 14, "the dated 확인:다시 line")
		})
	}
}

// Issue 20 (holds3): the add form refused a note naming another day
// (`월요일 입사` on Friday 4 December) with the two lines to type, as the
// console does, but did not keep them as one question's answers: typed
// one after the other in the console, both recorded. The form keeps them
// as the console's refusal does: once one records, the other is refused.
func TestHolds3FormNoteDayLinesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		note string
	}{
		{commands.Korean, "월요일 입사"},
		{commands.English, "hired Monday"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			for i, first := range []int{0, 1} {
				u := fmt.Sprintf("U%d", i)
				_, errs := h.svc.SubmitAddForm(context.Background(), commands.Caller{UserID: u, Source: commands.SourceModal, IdempotencyKey: "view:" + u},
					commands.AddForm{Program: "youth", Count: fmt.Sprint(3 + i), Date: "2026-12-04", Note: tc.note})
				offered := reOfferedAdd.FindAllStringSubmatch(errs[commands.FieldNote], -1)
				if len(offered) != 2 {
					t.Fatalf("the form's note error %q offers %d lines, want 2", errs[commands.FieldNote], len(offered))
				}
				holds3Run(h, u, offered[first][1], commands.OutcomeOK)
				r := holds3Run(h, u, offered[1-first][1], commands.OutcomeRefused)
				mustContain(t, r.Text(), byLang(tc.lang, "Already recorded", "이미 기록했습니다"))
				if got := holds3Sum(h, u, "youth"); got != int64(3+i) {
					t.Fatalf("%s: SQL SUM %d after both offered lines, want %d", u, got, 3+i)
				}
			}
		})
	}
}
