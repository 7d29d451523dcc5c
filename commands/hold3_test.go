package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r47 F2: a repeated 채용 was offered back with its date as typed
// (`채용 1 10 어제 확인:예`); typed back three days later it filed the hire
// on the Sunday before, not on the Thursday the question was about. The
// hire's offered line writes its day as the add's does (`추가 청년 6
// 2027. 3. 4. 확인:예`), and typed back later files that day.
func TestHold3HireRepeatLineWritesItsDay(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(fmt.Sprint(lang), func(t *testing.T) {
			t.Parallel()
			now := time.Date(2027, time.March, 5, 1, 0, 0, 0, time.UTC) // Friday 10:00 in Seoul
			h := newHarness(t, lang)
			h.withClock(&now)
			h.run(manager, byLang(lang, "add invest 100 agreed date:2027-02-20", "추가 투자 100 상태:약정 2/20"), commands.OutcomeOK)
			rows := []struct{ line, word, want string }{
				{"채용 1 10 어제", "어제", "2027-03-04"},
				{"채용 1 5 지난주 금요일", "지난주", "2027-02-26"},
				{"채용 1 4 어제 메모:어제 입사", "어제", "2027-03-04"},
			}
			if lang == commands.English {
				rows = []struct{ line, word, want string }{
					{"hire 1 10 yesterday", "yesterday", "2027-03-04"},
					{"hire 1 5 last Friday", "Friday", "2027-02-26"},
					{"hire 1 4 yesterday note:hired yesterday", "yesterday", "2027-03-04"},
				}
			}
			var yes []string
			for i, row := range rows {
				user := fmt.Sprintf("U%d", i)
				h.run(user, row.line, commands.OutcomeOK)
				r := h.run(user, row.line, commands.OutcomeRefused)
				l := hold3Line(t, r, byLang(lang, "confirm:", "확인:"))
				if strings.Contains(l, row.word) {
					t.Errorf("%s: the offered line keeps %q: %s", row.line, row.word, l)
				}
				yes = append(yes, l)
			}
			now = now.AddDate(0, 0, 3) // typed back on Monday
			for i, row := range rows {
				user := fmt.Sprintf("U%d", i)
				h.run(user, yes[i], commands.OutcomeOK)
				if n := h.sqlInt(`SELECT count(*) FROM entries WHERE logged_by = $1 AND as_of = $2::date AND voided_at IS NULL AND status = 'realised'`, user, row.want); n != 2 {
					t.Errorf("%s typed back three days later: %d hires on %s, want 2; as_of: %s", yes[i], n, row.want,
						h.sqlStr(`SELECT string_agg(as_of::text, ',' ORDER BY id) FROM entries WHERE logged_by = $1`, user))
				}
			}
			if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`); sum != 38 {
				t.Errorf("realised SUM = %d, want 38", sum)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// hold3Line is the one line (an add or a hire) r offers holding word.
func hold3Line(t *testing.T, r commands.Reply, word string) string {
	t.Helper()
	for _, l := range offeredLines(r.Text()) {
		if strings.Contains(l, word) {
			return l
		}
	}
	t.Fatalf("no offered line holds %q:\n%s", word, r.Text())
	return ""
}

// Review r47 F4: a 확인:예 line typed back more than AnswerWindow after
// its question recorded a third copy, unasked: the question was forgotten,
// and a yes with no question records. A 확인:예 answers one question
// once: the line whose answer is recorded and live is told so, however
// long ago, and 확인:다시 asks about another batch; a line no answer
// recorded still records unasked, once.
func TestHold3YesLineAgainAfterTheWindowIsRecordedAlready(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(fmt.Sprint(lang), func(t *testing.T) {
			t.Parallel()
			now := time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC)
			h := newHarness(t, lang)
			h.withClock(&now)
			line := byLang(lang, "add youth 25 12/4", "추가 청년 25 12/4")
			h.run("U1", line, commands.OutcomeOK)
			yes := hold3Line(t, h.run("U1", line, commands.OutcomeRefused), byLang(lang, "confirm:yes", "확인:예"))
			count := func() int64 {
				return h.sqlInt(`SELECT count(*) FROM entries WHERE logged_by = 'U1' AND as_of = '2026-12-04' AND count = 25 AND voided_at IS NULL`)
			}
			now = time.Date(2026, time.December, 7, 1, 0, 0, 0, time.UTC)
			h.run("U1", yes, commands.OutcomeOK)
			first := h.sqlInt(`SELECT max(id) FROM entries`)
			for _, day := range []int{10, 15, 23} {
				now = time.Date(2026, time.December, day, 1, 0, 0, 0, time.UTC)
				r := h.run("U1", yes, commands.OutcomeRefused)
				mustContain(t, r.Text(), fmt.Sprintf("#%d", first), byLang(lang, "confirm:again", "확인:다시"))
				if n := count(); n != 2 {
					t.Fatalf("the yes line typed back on 12/%d: %d live entries of 25, want 2", day, n)
				}
			}
			// another batch: 확인:다시 asks, and that question's yes records it
			again := strings.Replace(yes, byLang(lang, "confirm:yes", "확인:예"), byLang(lang, "confirm:again", "확인:다시"), 1)
			h.run("U1", again, commands.OutcomeRefused)
			h.run("U1", yes, commands.OutcomeOK)
			if n := count(); n != 3 {
				t.Fatalf("after 확인:다시 and its yes: %d live entries of 25, want 3", n)
			}
			// a yes no question asked and no answer recorded: recorded, once
			other := strings.Replace(yes, "25", "7", 1)
			h.run("U2", other, commands.OutcomeOK)
			now = now.AddDate(0, 0, 1)
			h.run("U2", other, commands.OutcomeRefused)
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE logged_by = 'U2' AND voided_at IS NULL`); n != 1 {
				t.Fatalf("the unasked yes: %d live entries, want 1", n)
			}
			if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`); sum != 3*25+7 {
				t.Errorf("realised SUM = %d, want %d", sum, 3*25+7)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Review r50 M3: a yes line of another figure (5여 after an exact 5 of
// 일용 recorded as a 확인:다시 batch) is not told "recorded already": the
// batch's key leaves out the type and the 여, so its entry answers only a
// line of its own figure.
func TestHold3YesLineOfAnotherFigureIsNotTheBatch(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(fmt.Sprint(lang), func(t *testing.T) {
			t.Parallel()
			now := time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC)
			h := newHarness(t, lang)
			h.withClock(&now)
			typed := byLang(lang, "add women 5 2026-11-15 type:daily", "추가 여성 5 2026. 11. 15. 고용형태:일용")
			h.run("U1", typed, commands.OutcomeOK)
			h.run("U1", typed, commands.OutcomeRefused) // the repeat question
			h.run("U1", typed+byLang(lang, " confirm:yes", " 확인:예"), commands.OutcomeOK)
			h.run("U1", typed+byLang(lang, " confirm:again", " 확인:다시"), commands.OutcomeOK) // a separate batch
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE logged_by = 'U1' AND voided_at IS NULL`); n != 3 {
				t.Fatalf("%d live entries after the batch, want 3", n)
			}
			now = time.Date(2026, time.December, 14, 1, 0, 0, 0, time.UTC)
			r := h.svc.Handle(context.Background(), commands.Caller{UserID: "U1"}, byLang(lang, "add women 5여 2026-11-15 confirm:yes", "추가 여성 5여 2026. 11. 15. 확인:예"))
			mustNotContain(t, r.Text(), byLang(lang, "recorded already", "이미 기록했습니다"))
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE logged_by = 'U1' AND voided_at IS NULL AND approximate`); n != 1 {
				t.Fatalf("%d live approximate entries after the 5여 yes, want 1\n%s", n, r.Text())
			}
			if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`); sum != 20 {
				t.Errorf("realised SUM = %d, want 20", sum)
			}
		})
	}
}

// Review r51: an answer of the line's own figure (5여 확인:예, #2) is found
// past a newer 확인:다시 batch of another type (5 일용, #3): typed back after
// the week, the yes line is told #2 is recorded, not recorded again.
func TestHold3YesLineFoundPastANewerBatchOfAnotherFigure(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(fmt.Sprint(lang), func(t *testing.T) {
			t.Parallel()
			now := time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC)
			h := newHarness(t, lang)
			h.withClock(&now)
			h.run("U1", byLang(lang, "add youth 5 2026-12-01", "추가 청년 5 2026. 12. 1."), commands.OutcomeOK)
			h.run("U1", byLang(lang, "add youth 5여 2026-12-01", "추가 청년 5여 2026. 12. 1."), commands.OutcomeRefused)
			yes := byLang(lang, "add youth 5여 2026-12-01 confirm:yes", "추가 청년 5여 2026. 12. 1. 확인:예")
			h.run("U1", yes, commands.OutcomeOK)
			answered := h.sqlInt(`SELECT max(id) FROM entries`)
			h.run("U1", byLang(lang, "add youth 5 2026-12-01 type:daily confirm:again", "추가 청년 5 2026. 12. 1. 고용형태:일용 확인:다시"), commands.OutcomeOK)
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL`); n != 3 {
				t.Fatalf("%d live entries before the week passed, want 3", n)
			}
			now = time.Date(2026, time.December, 12, 1, 0, 0, 0, time.UTC)
			r := h.run("U1", yes, commands.OutcomeRefused)
			mustContain(t, r.Text(), fmt.Sprintf("#%d", answered))
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL`); n != 3 {
				t.Fatalf("%d live entries after the yes typed back, want 3", n)
			}
			if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`); sum != 15 {
				t.Errorf("realised SUM = %d, want 15", sum)
			}
		})
	}
}
