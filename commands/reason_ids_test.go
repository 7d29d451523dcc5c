package commands

import (
	"testing"

	"jobsbot/commands/i18n"
	"jobsbot/commands/reasons"
)

// Every reason a count or period can be refused for has its own message in
// the one table, and that message exists in both languages.
func TestEveryReasonMapsToACatalogueMessage(t *testing.T) {
	t.Parallel()
	for r := reasons.CountEmpty; r <= reasons.DateAmbiguous; r++ {
		id, ok := reasonIDs[r]
		switch r {
		case reasons.DateEmpty, reasons.DateWeekday, reasons.DateAmbiguous: // worded by their callers
			continue
		}
		if !ok {
			t.Errorf("reason %q has no catalogue message", r)
			continue
		}
		for _, lang := range []i18n.Lang{i18n.English, i18n.Korean} {
			if i18n.Default().Source(id, lang) == "" {
				t.Errorf("%s: catalogue lacks %s", lang, id)
			}
		}
	}
}
