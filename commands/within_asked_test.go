package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r49 F1: a 누계포함 answer the bot offered, typed back days later (within AnswerWindow),
// answers the question it came with, which named the reports recorded
// then. A colleague's 누계 report recorded since is one it never named (it
// very likely counts the same jobs): the answer would raise (아니오) or
// re-base (예) it, so the line is asked again, naming every report, and
// nothing is written; the fresh question's line then records.
func TestWithinAnswerAskedAgainAfterNewerReport(t *testing.T) {
	t.Parallel()
	type texts struct{ report, delta, colleague, no, yes string }
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		tx := texts{"추가 노인 누계 1250 날짜:11/30", "추가 노인 5 날짜:11/30", "추가 노인 누계 1300 날짜:12/5", "누계포함:아니오", "누계포함:예"}
		if lang == commands.English {
			tx = texts{"add senior cumulative 1250 date:2026-11-30", "add senior 5 date:2026-11-30", "add senior cumulative 1300 date:2026-12-05", "within:no", "within:yes"}
		}
		for _, answer := range []string{"no", "yes"} {
			t.Run(string(lang)+"/"+answer, func(t *testing.T) {
				h := newHarness(t, lang)
				now := time.Date(2026, time.November, 30, 9, 0, 0, 0, time.UTC)
				h.withClock(&now)
				h.run("U1", tx.report, commands.OutcomeOK)
				first := h.newestID()
				now = time.Date(2026, time.December, 7, 9, 0, 0, 0, time.UTC)
				r := h.run("U1", tx.delta, commands.OutcomeRefused)
				word := tx.no
				if answer == "yes" {
					word = tx.yes
				}
				offered := offeredWithin(t, r, word)
				if strings.Contains(r.Text(), "1,300") {
					t.Fatalf("the first question names a report not yet recorded:\n%s", r.Text())
				}
				now = time.Date(2026, time.December, 8, 9, 0, 0, 0, time.UTC)
				h.run("U2", tx.colleague, commands.OutcomeOK)
				newer := h.newestID()
				now = time.Date(2026, time.December, 13, 9, 0, 0, 0, time.UTC) // within AnswerWindow of the question
				stored, sum := h.entriesStored(), h.liveSumAll()
				if answer == "yes" {
					// 예 re-bases #1 only, which the question named: the
					// newer report keeps its total, so the answer stands.
					h.run("U1", offered, commands.OutcomeOK)
					if got := h.through("senior", "2026-12-05"); got != 1300 {
						t.Errorf("SQL SUM through 12/5 = %d, want 1300", got)
					}
					if got := h.through("senior", "2026-11-30"); got != 1250 {
						t.Errorf("SQL SUM through 11/30 = %d, want 1250", got)
					}
					return
				}
				r = h.run("U1", offered, commands.OutcomeRefused)
				mustContain(t, r.Text(), "#"+itoa(first), "#"+itoa(newer))
				if h.entriesStored() != stored || h.liveSumAll() != sum {
					t.Fatalf("the old answer wrote something:\n%s", r.Text())
				}
				fresh := offeredWithin(t, r, word)
				h.run("U1", fresh, commands.OutcomeOK)
				if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND kind = 'delta' AND count = 5`); got != 1 {
					t.Fatalf("%d deltas of 5 recorded, want 1", got)
				}
				if got := h.through("senior", "2026-12-05"); got != 1305 {
					t.Errorf("SQL SUM through 12/5 = %d, want 1305 (separate jobs)", got)
				}
			})
		}
	}
}

// offeredWithin is the line a 누계포함 question offers with the answer word.
func offeredWithin(t *testing.T, r commands.Reply, word string) string {
	t.Helper()
	for _, a := range r.Actions {
		if strings.Contains(a.Command, word) {
			return a.Command
		}
	}
	t.Fatalf("no line with %q offered:\n%s", word, r.Text())
	return ""
}
