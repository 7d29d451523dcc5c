package commands_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"jobsbot/commands"
)

func TestZZProbe(t *testing.T) {
	t.Parallel()
	day := os.Getenv("PROBE_DAY")
	if day == "" {
		t.Skip()
	}
	lang := commands.Korean
	if os.Getenv("PROBE_LANG") == "en" {
		lang = commands.English
	}
	h := r32At(t, lang, day)
	for _, line := range strings.Split(os.Getenv("PROBE_LINES"), "|") {
		r := h.svc.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceConsole}, line)
		t.Logf("\n>>> %q\n[%s] %s\n", line, r.Outcome, r.Text())
		h.store.DB().ExecContext(context.Background(), `DELETE FROM entries`)
	}
}
