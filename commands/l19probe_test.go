package commands_test

import (
	"testing"

	"jobsbot/commands"
)

func TestLabels19Probe(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := r32At(t, lang, "2026-12-14")
		r := h.run(manager, byLang(lang, "add invest 4 month-end", "추가 투자 4 월말"), commands.OutcomeRefused)
		t.Log(r.Text())
	}
}
