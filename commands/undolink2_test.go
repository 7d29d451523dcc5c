package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r33 B5 (second repro), B6, B7: a 정정 of a 누계 report (or of a
// delta inside a later 누계) taken back by 취소, exported and imported into
// an empty ledger: the file applies, and the copy says what the source says
// (SQL rows, 현황, 목록, 목록 무효).
func TestUndoneCorrectionOfAReportCopiesAsTheSource(t *testing.T) {
	t.Parallel()
	type seq struct{ ko, en []string }
	cases := map[string]seq{
		// r33 B6: 정정 lowers the 누계; its 취소 left a voided 누계 28 below 30.
		"B6 down": {
			[]string{"추가 청년 누계 30 11/24", "정정 1 28 오기", "취소"},
			[]string{"add youth cumulative 30 date:2026-11-24", "correct 1 28 typo", "undo"}},
		// r33 B7: 정정 raises the 누계; the copy stored 12 for the voided 36.
		"B7 up": {
			[]string{"추가 청년 누계 24 10/7", "정정 1 36 오기", "취소"},
			[]string{"add youth cumulative 24 date:2026-10-07", "correct 1 36 typo", "undo"}},
		// The same, with a later 누계 recorded after the 취소.
		"B6 down, report after": {
			[]string{"추가 청년 누계 30 11/24", "정정 1 28 오기", "취소", "추가 청년 누계 40 11/25"},
			[]string{"add youth cumulative 30 date:2026-11-24", "correct 1 28 typo", "undo", "add youth cumulative 40 date:2026-11-25"}},
		"B7 up, report after": {
			[]string{"추가 청년 누계 24 10/7", "정정 1 36 오기", "취소", "추가 청년 누계 50 10/20"},
			[]string{"add youth cumulative 24 date:2026-10-07", "correct 1 36 typo", "undo", "add youth cumulative 50 date:2026-10-20"}},
		// Another user's 누계 between the 정정 and its 취소: the 취소
		// re-bases it back.
		"B7 up, another's report between": {
			[]string{"추가 청년 누계 24 10/7", "정정 1 36 오기", "@UOTHER 추가 청년 누계 50 10/20", "취소"},
			[]string{"add youth cumulative 24 date:2026-10-07", "correct 1 36 typo", "@UOTHER add youth cumulative 50 date:2026-10-20", "undo"}},
		"B6 down, another's report between": {
			[]string{"추가 청년 누계 30 11/20", "정정 1 28 오기", "@UOTHER 추가 청년 누계 40 11/24", "취소"},
			[]string{"add youth cumulative 30 date:2026-11-20", "correct 1 28 typo", "@UOTHER add youth cumulative 40 date:2026-11-24", "undo"}},
		// The restored original voided afterwards.
		"B6 down, original voided after": {
			[]string{"추가 청년 누계 30 11/20", "정정 1 28 오기", "취소", "무효 1 중복"},
			[]string{"add youth cumulative 30 date:2026-11-20", "correct 1 28 typo", "undo", "void 1 duplicate"}},
		"B7 up, original voided after": {
			[]string{"추가 청년 누계 24 10/7", "정정 1 36 오기", "취소", "무효 1 중복"},
			[]string{"add youth cumulative 24 date:2026-10-07", "correct 1 36 typo", "undo", "void 1 duplicate"}},
		// The same of an agreed 누계 (약정).
		"B6 down, agreed": {
			[]string{"추가 투자 누계 30 11/20 상태:약정", "정정 1 28 오기", "취소"},
			[]string{"add invest cumulative 30 date:2026-11-20 status:agreed", "correct 1 28 typo", "undo"}},
		"B7 up, agreed": {
			[]string{"추가 투자 누계 24 10/7 상태:약정", "정정 1 36 오기", "취소"},
			[]string{"add invest cumulative 24 date:2026-10-07 status:agreed", "correct 1 36 typo", "undo"}},
		// Guards: a voided 누계 beside no restored original is replayed as
		// before (one re-based by a 누계포함:예 delta; a second report of
		// the same day, voided).
		"voided report re-based": {
			[]string{"추가 청년 누계 100 11/10", "추가 청년 5 11/5 누계포함:예", "무효 1 중복"},
			[]string{"add youth cumulative 100 date:2026-11-10", "add youth 5 date:2026-11-05 within:yes", "void 1 duplicate"}},
		"same-day report voided": {
			[]string{"추가 청년 누계 30 11/24", "추가 청년 누계 45 11/24", "무효 2 중복"},
			[]string{"add youth cumulative 30 date:2026-11-24", "add youth cumulative 45 date:2026-11-24", "void 2 duplicate"}},
		// r33 B5 second repro (the r23 B4 chain, 취소 in place of the void).
		"B5 chain": {
			[]string{"추가 노인 5 11/5", "추가 노인 누계 100 11/10", "정정 1 15 오기 누계포함:아니오", "정정 3 8 오기 누계포함:예", "취소"},
			[]string{"add senior 5 date:2026-11-05", "add senior cumulative 100 date:2026-11-10", "correct 1 15 typo within:no",
				"correct 3 8 typo within:yes", "undo"}},
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
					user := manager
					if rest, ok := strings.CutPrefix(l, "@"); ok { // another user's line
						user, l, _ = strings.Cut(rest, " ")
					}
					h.run(user, l, commands.OutcomeOK)
				}
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

// The B6 and B7 ledgers exported after the 정정, after its 취소 and after a
// later report, imported one after the other into one empty ledger: each
// applies, and the copy says what the source says after each; its SQL SUM
// is the last 누계's figure.
func TestSequentialImportsAcrossAnUndoneCorrectionOfACumulativeReport(t *testing.T) {
	t.Parallel()
	type seq struct {
		ko, en [][]string
		total  int64
	}
	cases := map[string]seq{
		"B6 down": {
			[][]string{{"추가 청년 누계 30 11/20", "정정 1 28 오기"}, {"취소"}, {"추가 청년 누계 45 11/24"}},
			[][]string{{"add youth cumulative 30 date:2026-11-20", "correct 1 28 typo"}, {"undo"}, {"add youth cumulative 45 date:2026-11-24"}},
			45},
		"B7 up": {
			[][]string{{"추가 청년 누계 24 10/7", "정정 1 36 오기"}, {"취소"}, {"추가 청년 누계 50 10/20"}},
			[][]string{{"add youth cumulative 24 date:2026-10-07", "correct 1 36 typo"}, {"undo"}, {"add youth cumulative 50 date:2026-10-20"}},
			50},
	}
	for name, c := range cases {
		for _, lang := range []commands.Lang{commands.Korean, commands.English} {
			for _, format := range []string{"csv", "xlsx"} {
				t.Run(name+"/"+string(lang)+"/"+format, func(t *testing.T) {
					t.Parallel()
					steps := c.ko
					if lang == commands.English {
						steps = c.en
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
						sameAsSource(t, lang, h, b, format+", export "+string(rune('1'+i)))
					}
					if got := b.liveSumAll(); got != c.total {
						t.Errorf("the copy's SQL SUM is %d; the 누계 states %d", got, c.total)
					}
				})
			}
		}
	}
}
