package commands_test

import (
	"testing"
	"time"

	"jobsbot/commands"
)

func TestZZExplore(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		now := k55At(2026, time.December, 2)
		h := newHarness(t, lang)
		h.withClock(&now)
		ko := lang == commands.Korean
		pick := func(k, e string) string { if ko { return k }; return e }
		h.run(manager, pick("추가 청년 1 11/5", "add 1 youth 2026-11-05"), commands.OutcomeOK)
		r := h.run(manager, pick("추가 청년 40", "add 40 youth"), commands.OutcomeRefused)
		t.Log(r.Text())
		for _, a := range r.Actions { t.Logf("action %s %q", a.ID, a.Command) }
	}
}
