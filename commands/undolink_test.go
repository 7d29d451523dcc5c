package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r29 B5: three exports of one source (after a 약정 and a 채용 from
// it; after a 정정 of the 약정; after that 정정's 취소) imported one after
// the other into one empty ledger: the second and third were refused (the
// hire kept the 약정 from being voided). Each applies, and the copy says
// what the source says after each.
func TestSequentialImportsAcrossAnAgreementCorrectionAndItsUndo(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(string(lang)+"/"+format, func(t *testing.T) {
				t.Parallel()
				steps := [][]string{
					{"추가 투자 100 날짜:2026-11-03 상태:약정", "채용 1 30 2026-11-10"},
					{"정정 1 80 오기"},
					{"취소"},
				}
				if lang == commands.English {
					steps = [][]string{
						{"add 100 invest date:2026-11-03 status:agreed", "hire 1 30 date:2026-11-10"},
						{"correct 1 80 typo"},
						{"undo"},
					}
				}
				h := newHarness(t, lang)
				b := newHarness(t, lang)
				for i, st := range steps {
					for _, l := range st {
						h.run(manager, l, commands.OutcomeOK)
					}
					name, data := h.exportEntries(lang, format)
					if preview, applied := b.importFile(lang, name, data); applied == "" {
						t.Fatalf("export %d was not applied:\n%s", i+1, preview)
					}
					sameAsSource(t, lang, h, b, format)
				}
			})
		}
	}
}
