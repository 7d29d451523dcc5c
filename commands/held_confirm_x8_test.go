package commands_test

import (
	"fmt"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// withClock gives the harness a Service whose clock reads *now, so a test
// can let days pass between two presses of a button.
func (h *harness) withClock(now *time.Time) {
	h.svc = h.with(func(c *commands.Config) { c.Now = func() time.Time { return *now } })
}

// button returns the Record it button's command of a held add's reply.
func button(t *testing.T, r commands.Reply) string {
	t.Helper()
	if len(r.Actions) != 1 || r.Actions[0].ID != commands.ActionConfirm {
		t.Fatalf("the question has no Record it button:\n%s", r.Text())
	}
	return r.Actions[0].Command
}

// Review r6 X8: a Record it button confirms by itself only while its
// question is the newest kept for that entry and was asked within the
// window (commands.AnswerWindow, a week). Eight days after the questions, an old button (superseded, or
// the newest but stale) asks again, naming the entry recorded; a button
// whose question was answered says so; only a question asked again that
// day records, once.
func TestOldButtonAfterTheWindowAsksAgain(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang     commands.Lang
		line     string
		recorded string // "already recorded" in the reply's language
		asked    string // the repeat question's words
	}{
		{commands.Korean, "추가 청년 9 날짜:2026-11-20", "이미", "따로 한 번 더"},
		{commands.English, "add youth 9 date:2026-11-20", "already recorded", "separate report"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			now := time.Date(2026, 11, 20, 1, 0, 0, 0, time.UTC)
			h.withClock(&now)
			stored := func(want int, when string) {
				t.Helper()
				if n := h.entriesStored(); n != want {
					t.Fatalf("%s: %d entries, want %d", when, n, want)
				}
				if got := h.liveSum("youth", "realised"); got != int64(9*want) {
					t.Fatalf("%s: youth = %d by SQL, want %d", when, got, 9*want)
				}
			}
			h.runAs("U1", "a1", tc.line, commands.OutcomeOK)
			t1 := button(t, h.runAs("U1", "a2", tc.line, commands.OutcomeRefused))
			now = now.Add(time.Minute)
			t2 := button(t, h.runAs("U1", "a3", tc.line, commands.OutcomeRefused))
			h.runAs("U1", "a4", t2, commands.OutcomeOK)
			second := h.newestID()
			r := h.runAs("U1", "a5", t1, commands.OutcomeRefused) // superseded within the window
			mustContain(t, r.Text(), fmt.Sprintf("#%d", second), tc.asked)
			t3 := button(t, r)
			stored(2, "the day of the questions")

			now = now.Add(8 * 24 * time.Hour)
			// The newest question's button, its question eight days old.
			r = h.runAs("U1", "b1", t3, commands.OutcomeRefused)
			mustContain(t, r.Text(), fmt.Sprintf("#%d", second), tc.asked)
			t4 := button(t, r)
			stored(2, "the newest but stale button pressed")
			// A superseded button, eight days on.
			r = h.runAs("U1", "b2", t1, commands.OutcomeRefused)
			mustContain(t, r.Text(), fmt.Sprintf("#%d", second), tc.asked)
			stored(2, "a superseded button pressed eight days on")
			// The answered question's button says so.
			r = h.runAs("U1", "b3", t2, commands.OutcomeRepeated)
			mustContain(t, r.Text(), fmt.Sprintf("#%d", second), tc.recorded)
			// The button asked at b1 was superseded at b2.
			r = h.runAs("U1", "b4", t4, commands.OutcomeRefused)
			t5 := button(t, r)
			stored(2, "a button superseded the same day pressed")
			// The newest question, asked that day, records once.
			h.runAs("U1", "b5", t5, commands.OutcomeOK)
			third := h.newestID()
			r = h.runAs("U1", "b6", t5, commands.OutcomeRepeated)
			mustContain(t, r.Text(), fmt.Sprintf("#%d", third), tc.recorded)
			stored(3, "the newest question confirmed")
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Review r6 m-4, r29 B7: once a question was answered by its button, the
// line typed with 확인:예 / confirm:yes is the same answer: it names the
// entry the button recorded and writes nothing; 확인:다시 / confirm:again
// records a separate entry, and a redelivery of that request is answered
// once. A typed yes that answered the open question is
// also answered once when redelivered, though the question is answered by
// then, and the button then says the entry is recorded.
func TestTypedYesAfterTheButtonIsASeparateReport(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang     commands.Lang
		line     string
		yes      string
		recorded string
		again    string
	}{
		{commands.Korean, "추가 청년 5 날짜:2026-11-20", " 확인:예", "이미", " 확인:다시"},
		{commands.English, "add youth 5 date:2026-11-20", " confirm:yes", "already recorded", " confirm:again"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			stored := func(h *harness, want int, when string) {
				t.Helper()
				if n := h.entriesStored(); n != want {
					t.Fatalf("%s: %d entries, want %d", when, n, want)
				}
				if got := h.liveSum("youth", "realised"); got != int64(5*want) {
					t.Fatalf("%s: youth = %d by SQL, want %d", when, got, 5*want)
				}
			}
			// The button answers the question; the typed yes is another report.
			h := newHarness(t, tc.lang)
			h.runAs("U1", "a1", tc.line, commands.OutcomeOK)
			b := button(t, h.runAs("U1", "a2", tc.line, commands.OutcomeRefused))
			h.runAs("U1", "a3", b, commands.OutcomeOK)
			pressed := h.newestID()
			r := h.runAs("U1", "a4", tc.line+tc.yes, commands.OutcomeRefused)
			mustContain(t, r.Text(), fmt.Sprintf("#%d", pressed), tc.again)
			stored(h, 2, "button, then the typed yes")
			h.runAs("U1", "a4b", tc.line+tc.again, commands.OutcomeOK)
			typed := h.newestID()
			stored(h, 3, "button, then the typed again")
			r = h.runAs("U1", "a4b", tc.line+tc.again, commands.OutcomeRepeated) // redelivered
			mustContain(t, r.Text(), fmt.Sprintf("#%d", typed), tc.recorded)
			h.runAs("U1", "a5", b, commands.OutcomeRepeated)
			stored(h, 3, "the typed yes redelivered, the button pressed again")
			dbtest.CheckTotals(t, h.store)

			// The typed yes answers the open question; redelivered, and
			// the button pressed, it is still one entry.
			h = newHarness(t, tc.lang)
			h.runAs("U1", "c1", tc.line, commands.OutcomeOK)
			b = button(t, h.runAs("U1", "c2", tc.line, commands.OutcomeRefused))
			h.runAs("U1", "c3", tc.line+tc.yes, commands.OutcomeOK)
			typed = h.newestID()
			r = h.runAs("U1", "c3", tc.line+tc.yes, commands.OutcomeRepeated)
			mustContain(t, r.Text(), fmt.Sprintf("#%d", typed), tc.recorded)
			r = h.runAs("U1", "c4", b, commands.OutcomeRepeated)
			mustContain(t, r.Text(), fmt.Sprintf("#%d", typed), tc.recorded)
			r = h.runAs("U1", "c3", tc.line+tc.yes, commands.OutcomeRepeated) // once more, after the button
			mustContain(t, r.Text(), fmt.Sprintf("#%d", typed))
			stored(h, 2, "the typed yes answered the question")
			dbtest.CheckTotals(t, h.store)
		})
	}
}
