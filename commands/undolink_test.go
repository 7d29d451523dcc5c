package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r29 B4 / r30 B3, B7: a 정정 taken back by 취소, exported and
// imported into an empty ledger: the copy's `목록 무효` must say what the
// source's says (the figure the void of the replacement took out, and what
// the later 누계 reports took up or gave back).
func TestUndoneCorrectionCopiesListVoidedAsTheSource(t *testing.T) {
	t.Parallel()
	type seq struct{ ko, en []string }
	cases := map[string]seq{
		"청년 예 취소": {
			[]string{"추가 청년 10 11/5", "추가 청년 누계 100 11/20", "정정 1 8 오기 누계포함:예", "취소"},
			[]string{"add youth 10 date:2026-11-05", "add youth cumulative 100 date:2026-11-20", "correct 1 8 typo within:yes", "undo"}},
		"청년 아니오 취소": {
			[]string{"추가 청년 10 11/5", "추가 청년 누계 100 11/20", "정정 1 8 오기 누계포함:아니오", "취소"},
			[]string{"add youth 10 date:2026-11-05", "add youth cumulative 100 date:2026-11-20", "correct 1 8 typo within:no", "undo"}},
		"채용 예 취소": {
			[]string{"추가 투자 100 날짜:2026-11-03 상태:약정", "채용 1 30 2026-11-10", "추가 투자 누계 80 11/20", "정정 2 25 오기 누계포함:예", "취소"},
			[]string{"add 100 invest date:2026-11-03 status:agreed", "hire 1 30 2026-11-10", "add invest cumulative 80 date:2026-11-20", "correct 2 25 typo within:yes", "undo"}},
		"채용 아니오 취소": {
			[]string{"추가 투자 100 날짜:2026-11-03 상태:약정", "채용 1 30 2026-11-10", "추가 투자 누계 80 11/20", "정정 2 25 오기 누계포함:아니오", "취소"},
			[]string{"add 100 invest date:2026-11-03 status:agreed", "hire 1 30 2026-11-10", "add invest cumulative 80 date:2026-11-20", "correct 2 25 typo within:no", "undo"}},
	}
	for name, c := range cases {
		for _, lang := range []commands.Lang{commands.Korean, commands.English} {
			t.Run(name+"/"+string(lang), func(t *testing.T) {
				t.Parallel()
				lines := c.ko
				if lang == commands.English {
					lines = c.en
				}
				h := newHarness(t, lang)
				for _, l := range lines {
					h.run(manager, l, commands.OutcomeOK)
				}
				// The 취소 voided the replacement and restored the original:
				// nothing was taken out (issue 19 §4, review r39 F8). This
				// test said "1건, 일자리 N개 제외" with N the replacement's
				// count until undo8: the void is now listed apart as the
				// 취소 it was, and no void is left to count in the head, as
				// the SQL SUM over voids that are neither a 정정's original
				// nor a 취소's replacement says.
				out := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NOT NULL
					AND id NOT IN (SELECT old_entry_id FROM entry_corrections)
					AND id NOT IN (SELECT replacement_entry_id FROM correction_undos)`)
				if out != 0 || h.sqlInt(`SELECT count(*) FROM correction_undos`) != 1 {
					t.Fatalf("voids that took jobs out sum to %d, and %d 취소 recorded; want 0 and 1", out,
						h.sqlInt(`SELECT count(*) FROM correction_undos`))
				}
				repl, orig := h.sqlInt(`SELECT replacement_entry_id FROM correction_undos`), h.sqlInt(`SELECT original_entry_id FROM correction_undos`)
				list := h.run(manager, byLang(lang, "list voided", "목록 무효"), commands.OutcomeOK).Text()
				mustContain(t, list, byLang(lang, "none took jobs out; 1 correction was undone", "무효 처리 실적(기준일 기준)은 없고, 정정 취소가 1건 있습니다"))
				mustContain(t, list, byLang(lang, fmt.Sprintf("#%d · ", repl), fmt.Sprintf("#%d · ", repl)))
				mustContain(t, list, byLang(lang, fmt.Sprintf("correction undone, #%d restored", orig), fmt.Sprintf("정정 취소 (#%d 되살림)", orig)))
				mustNotContain(t, list, byLang(lang, "jobs taken out", "개 제외"))
				for _, format := range []string{"csv", "xlsx"} {
					name, data := h.exportEntries(lang, format)
					b := newHarness(t, lang)
					if preview, applied := b.importFile(lang, name, data); applied == "" {
						t.Fatalf("%s: the file was not applied:\n%s", format, preview)
					}
					sameAsSource(t, lang, h, b, format)
				}
			})
		}
	}
}

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

// Review r29 B4 (its second half): the 무효 of a 정정's replacement whose
// 정정 was answered 누계포함:아니오 raises the total (the later 누계 takes
// the whole chain up and the separate change goes with the 정정), and the
// head of `목록 무효` said "0개 제외" without the rise. It now names what
// came back, the SUM's rise.
func TestListVoidedHeadSaysWhatAVoidPutBack(t *testing.T) {
	t.Parallel()
	type seq struct{ ko, en []string }
	cases := map[string]seq{
		"청년": {
			[]string{"추가 청년 10 11/5", "추가 청년 누계 100 11/20", "정정 1 8 오기 누계포함:아니오", "무효 3 중복"},
			[]string{"add youth 10 date:2026-11-05", "add youth cumulative 100 date:2026-11-20", "correct 1 8 typo within:no", "void 3 duplicate"}},
		"채용": {
			[]string{"추가 투자 100 날짜:2026-11-03 상태:약정", "채용 1 30 2026-11-10", "추가 투자 누계 80 11/20", "정정 2 25 오기 누계포함:아니오", "무효 4 중복"},
			[]string{"add 100 invest date:2026-11-03 status:agreed", "hire 1 30 2026-11-10", "add invest cumulative 80 date:2026-11-20", "correct 2 25 typo within:no", "void 4 duplicate"}},
	}
	for name, c := range cases {
		for _, lang := range []commands.Lang{commands.Korean, commands.English} {
			t.Run(name+"/"+string(lang), func(t *testing.T) {
				t.Parallel()
				lines := c.ko
				if lang == commands.English {
					lines = c.en
				}
				h := newHarness(t, lang)
				for _, l := range lines[:len(lines)-1] {
					h.run(manager, l, commands.OutcomeOK)
				}
				before := h.liveSumAll()
				h.run(manager, lines[len(lines)-1], commands.OutcomeOK)
				rise := h.liveSumAll() - before
				if rise <= 0 {
					t.Fatalf("the void moved the SUM by %d; the scenario wants a rise", rise)
				}
				head := strings.SplitN(h.run(manager, byLang(lang, "list voided", "목록 무효"), commands.OutcomeOK).Text(), "\n", 2)[0]
				mustContain(t, head, byLang(lang,
					fmt.Sprintf("1 entry, 0 jobs taken out; the %d jobs a correction had taken off apart from a later cumulative report came back with the void, which raised the total by %d jobs", rise, rise),
					fmt.Sprintf("1건, 일자리 0개 제외 · 정정에서 누계와 따로 뺀 %d개가 무효로 되돌아가 누계 %d개 늘어남", rise, rise)))
				name, data := h.exportEntries(lang, "csv")
				b := newHarness(t, lang)
				if preview, applied := b.importFile(lang, name, data); applied == "" {
					t.Fatalf("the file was not applied:\n%s", preview)
				}
				sameAsSource(t, lang, h, b, "csv")
			})
		}
	}
}

// The same 정정 and 취소 as TestUndoneCorrectionCopiesListVoidedAsTheSource,
// imported one after the other (the export after the 정정, then the one
// after its 취소) into one empty ledger: the copy's 취소 re-bases as the
// source's did, and says what it says.
func TestSequentialImportsAcrossAnUndoneCorrectionOfAReport(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(string(lang)+"/"+format, func(t *testing.T) {
				t.Parallel()
				steps := [][]string{{"추가 청년 10 11/5", "추가 청년 누계 100 11/20", "정정 1 8 오기 누계포함:예"}, {"취소"}}
				if lang == commands.English {
					steps = [][]string{{"add youth 10 date:2026-11-05", "add youth cumulative 100 date:2026-11-20", "correct 1 8 typo within:yes"}, {"undo"}}
				}
				h, b := newHarness(t, lang), newHarness(t, lang)
				for i, st := range steps {
					for _, l := range st {
						h.run(manager, l, commands.OutcomeOK)
					}
					name, data := h.exportEntries(lang, format)
					if preview, applied := b.importFile(lang, name, data); applied == "" {
						t.Fatalf("export %d was not applied:\n%s", i+1, preview)
					}
					sameAsSource(t, lang, h, b, fmt.Sprintf("%s, export %d", format, i+1))
				}
				if got := b.liveSumAll(); got != 100 {
					t.Errorf("the copy's SQL SUM is %d; the 누계 states 100", got)
				}
			})
		}
	}
}

// The file's replacement of a corrected agreement must still hold what the
// hires carried over to it realised, as a typed 정정 below them is refused:
// an export edited so (80 → 20 beside a hire of 30) is refused on the
// original's line, and nothing of it is written.
func TestImportRefusesACorrectedAgreementBelowItsHires(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			first, fix := []string{"추가 투자 100 날짜:2026-11-03 상태:약정", "채용 1 30 2026-11-10"}, "정정 1 80 오기"
			if lang == commands.English {
				first, fix = []string{"add 100 invest date:2026-11-03 status:agreed", "hire 1 30 date:2026-11-10"}, "correct 1 80 typo"
			}
			h, b := newHarness(t, lang), newHarness(t, lang)
			for _, l := range first {
				h.run(manager, l, commands.OutcomeOK)
			}
			name, data := h.exportEntries(lang, "csv")
			if preview, applied := b.importFile(lang, name, data); applied == "" {
				t.Fatalf("the first export was not applied:\n%s", preview)
			}
			h.run(manager, fix, commands.OutcomeOK)
			name, data = h.exportEntries(lang, "csv")
			var rows []string
			for _, row := range strings.Split(string(data), "\n") {
				if strings.HasPrefix(row, "3,") {
					row = strings.Replace(row, ",80,", ",20,", 1)
				}
				rows = append(rows, row)
			}
			before, _, _ := b.ledgerPrint()
			preview, applied := b.importFile(lang, name, []byte(strings.Join(rows, "\n")))
			if applied != "" {
				t.Fatalf("the edited file was applied:\n%s", applied)
			}
			mustContain(t, preview, byLang(lang, "line 2", "2행"), byLang(lang,
				"Correcting this agreement (#1) to the file's #3 (20) would leave it agreeing fewer than the 30 already hired from it (#2)",
				"이 약정(#1)을 파일의 #3(20개)으로 정정하면 그 약정에서 이미 채용 전환한 30개(#2)보다 적어집니다"))
			if after, _, _ := b.ledgerPrint(); after != before {
				t.Errorf("a refused file wrote: %s, was %s", after, before)
			}
			if got := b.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'agreed'`); got != 100 {
				t.Errorf("the copy's agreed SQL SUM is %d; want 100", got)
			}
		})
	}
}
