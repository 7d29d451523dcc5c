package commands_test

import (
	"fmt"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// review r2 m6: one held question is answered once, whichever way. The
// same line sent three times holds two questions about one entry; a typed
// 확인:예 answers the newer. Pressing the older question's button then
// recorded the entry a second time; it must ask again instead (naming the
// identical entry recorded since), and the newer question's button says it
// is already recorded.
func TestStaleConfirmButtonAsksAgain(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	line := "추가 청년 5 날짜:2026-10-05 \"현장\""
	h.runAs("U1", "k1", line, commands.OutcomeOK)
	q1 := h.runAs("U1", "k2", line, commands.OutcomeRefused)
	q2 := h.runAs("U1", "k3", line, commands.OutcomeRefused)
	if len(q1.Actions) != 1 || len(q2.Actions) != 1 {
		t.Fatalf("questions without a button:\n%s\n%s", q1.Text(), q2.Text())
	}
	h.runAs("U1", "k4", line+" 확인:예", commands.OutcomeOK)
	typed := h.newestID()
	r := h.runAs("U1", "k5", q2.Actions[0].Command, commands.OutcomeRepeated)
	mustContain(t, r.Text(), fmt.Sprintf("#%d", typed))
	r = h.runAs("U1", "k6", q1.Actions[0].Command, commands.OutcomeRefused) // asked again
	mustContain(t, r.Text(), fmt.Sprintf("#%d", typed))
	if n := h.entriesStored(); n != 2 {
		t.Fatalf("%d entries after the line was confirmed once and both buttons pressed, want 2", n)
	}
	// The same button again is the same answer; the fresh question's button
	// records (the user was told of the identical entry and confirmed).
	again := h.runAs("U1", "k7", q1.Actions[0].Command, commands.OutcomeRefused)
	if len(again.Actions) != 1 {
		t.Fatalf("the question asked again has no button:\n%s", again.Text())
	}
	h.runAs("U1", "k8", again.Actions[0].Command, commands.OutcomeOK)
	h.runAs("U1", "k9", again.Actions[0].Command, commands.OutcomeRepeated)
	if n := h.entriesStored(); n != 3 {
		t.Fatalf("%d entries, want 3", n)
	}
	if got := h.liveSum("youth", "realised"); got != 15 {
		t.Errorf("youth = %d, want 15", got)
	}
	dbtest.CheckTotals(t, h.store)
}

// A button pressed once, then the line sent again (a new question), then
// the first button pressed again: still "already recorded", not a new
// question and not a new entry.
func TestAnsweredButtonAfterNewQuestionSaysRecorded(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	line := "add youth 5 date:2026-10-05 \"site\""
	h.runAs("U1", "k1", line, commands.OutcomeOK)
	q1 := h.runAs("U1", "k2", line, commands.OutcomeRefused)
	h.runAs("U1", "k3", q1.Actions[0].Command, commands.OutcomeOK)
	h.runAs("U1", "k4", line, commands.OutcomeRefused)
	h.runAs("U1", "k5", q1.Actions[0].Command, commands.OutcomeRepeated)
	if n := h.entriesStored(); n != 2 {
		t.Fatalf("%d entries, want 2", n)
	}
}

// review r2 m3: after the confirmed repeat is voided, a redelivery of the
// typed 확인:예 that answered the question, and the question's button, say
// the entry it recorded has since been voided, not only "already
// recorded". The line typed with 확인:예 once more is a new request, the
// person's confirmation of a separate report (review r6 m-4): it records.
func TestConfirmAfterVoidSaysVoided(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang            commands.Lang
		line, yes, void string
		want            []string
	}{
		{commands.Korean, "추가 청년 5 날짜:2026-10-05 \"현장\"", " 확인:예", "무효 %d 중복", []string{"무효 처리되었습니다", "확인:예 없이"}},
		{commands.English, "add youth 5 date:2026-10-05 \"site\"", " confirm:yes", "void %d duplicate", []string{"has since been voided", "without confirm:yes"}},
	} {
		h := newHarness(t, tc.lang)
		h.runAs("U1", "k1", tc.line, commands.OutcomeOK)
		q := h.runAs("U1", "k2", tc.line, commands.OutcomeRefused)
		h.runAs("U1", "k3", tc.line+tc.yes, commands.OutcomeOK)
		id := h.newestID()
		h.runAs("U1", "k4", fmt.Sprintf(tc.void, id), commands.OutcomeOK)
		r := h.runAs("U1", "k3", tc.line+tc.yes, commands.OutcomeRepeated) // redelivered
		mustContain(t, r.Text(), append([]string{fmt.Sprintf("#%d", id)}, tc.want...)...)
		r = h.runAs("U1", "k5", q.Actions[0].Command, commands.OutcomeRepeated)
		mustContain(t, r.Text(), append([]string{fmt.Sprintf("#%d", id)}, tc.want...)...)
		if n := h.entriesStored(); n != 2 {
			t.Fatalf("%d entries, want 2", n)
		}
		h.runAs("U1", "k6", tc.line+tc.yes, commands.OutcomeOK)
		if n := h.entriesStored(); n != 3 {
			t.Fatalf("%d entries, want 3", n)
		}
		if got := h.liveSum("youth", "realised"); got != 10 {
			t.Errorf("youth = %d by SQL, want 10 (#1 and the new report)", got)
		}
	}
}

// review m-d: a line retyped with a slightly different note is the same
// held repeat (program, date, count, status, department), so its question
// supersedes the first one. Pressing the older question's button, before
// or after the newer question is confirmed, asks again instead of
// recording: the line is confirmed once, never a third copy.
func TestRetypedNoteSupersedesTheHeldQuestion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		line, other string
		yes         string
		asked       string // the repeat question's words
	}{
		{commands.Korean, "추가 청년 5 날짜:2026-10-05 \"현장\"", "추가 청년 5 날짜:2026-10-05 \"현장 방문\"", " 확인:예", "같은"},
		{commands.English, "add youth 5 date:2026-10-05 \"site\"", "add youth 5 date:2026-10-05 \"site visit\"", " confirm:yes", "same"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			// The newer question confirmed by its button, then the older button.
			h := newHarness(t, tc.lang)
			h.runAs("U1", "a1", tc.line, commands.OutcomeOK)
			q1 := h.runAs("U1", "a2", tc.line, commands.OutcomeRefused)
			q2 := h.runAs("U1", "a3", tc.other, commands.OutcomeRefused)
			if len(q1.Actions) != 1 || len(q2.Actions) != 1 {
				t.Fatalf("questions without a button:\n%s\n%s", q1.Text(), q2.Text())
			}
			h.runAs("U1", "a4", q2.Actions[0].Command, commands.OutcomeOK)
			second := h.newestID()
			r := h.runAs("U1", "a5", q1.Actions[0].Command, commands.OutcomeRefused) // asked again
			mustContain(t, r.Text(), fmt.Sprintf("#%d", second))
			if n := h.entriesStored(); n != 2 {
				t.Fatalf("newer confirmed, older pressed: %d entries, want 2", n)
			}
			if got := h.liveSum("youth", "realised"); got != 10 {
				t.Errorf("youth = %d, want 10", got)
			}
			dbtest.CheckTotals(t, h.store)

			// The older button first: it asks again, and the newer one,
			// superseded by that question, asks again too; only the newest
			// question's button records.
			h = newHarness(t, tc.lang)
			h.runAs("U1", "b1", tc.line, commands.OutcomeOK)
			q1 = h.runAs("U1", "b2", tc.line, commands.OutcomeRefused)
			q2 = h.runAs("U1", "b3", tc.other, commands.OutcomeRefused)
			q3 := h.runAs("U1", "b4", q1.Actions[0].Command, commands.OutcomeRefused)
			mustContain(t, q3.Text(), tc.asked)
			q4 := h.runAs("U1", "b5", q2.Actions[0].Command, commands.OutcomeRefused)
			if n := h.entriesStored(); n != 1 {
				t.Fatalf("older pressed, then newer: %d entries, want 1", n)
			}
			if len(q4.Actions) != 1 {
				t.Fatalf("the question asked again has no button:\n%s", q4.Text())
			}
			h.runAs("U1", "b6", q4.Actions[0].Command, commands.OutcomeOK)
			h.runAs("U1", "b7", q3.Actions[0].Command, commands.OutcomeRefused)
			if n := h.entriesStored(); n != 2 {
				t.Fatalf("newest question confirmed, the others pressed: %d entries, want 2", n)
			}

			// A typed yes of the older line answers the newest question: the
			// newer button then says it is recorded, the older asks again.
			h = newHarness(t, tc.lang)
			h.runAs("U1", "c1", tc.line, commands.OutcomeOK)
			q1 = h.runAs("U1", "c2", tc.line, commands.OutcomeRefused)
			q2 = h.runAs("U1", "c3", tc.other, commands.OutcomeRefused)
			h.runAs("U1", "c4", tc.line+tc.yes, commands.OutcomeOK)
			typed := h.newestID()
			r = h.runAs("U1", "c5", q2.Actions[0].Command, commands.OutcomeRepeated)
			mustContain(t, r.Text(), fmt.Sprintf("#%d", typed))
			h.runAs("U1", "c6", q1.Actions[0].Command, commands.OutcomeRefused)
			if n := h.entriesStored(); n != 2 {
				t.Fatalf("typed yes, then both buttons: %d entries, want 2", n)
			}
			if got := h.liveSum("youth", "realised"); got != 10 {
				t.Errorf("youth = %d, want 10", got)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}
