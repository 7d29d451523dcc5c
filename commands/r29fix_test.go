package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r29 B8: a 채용 (hire) corrected by a 정정 whose replacement was
// then voided (무효, or the 정정 taken back by 취소): the void re-based the
// later 누계 report, and the entries export took that re-basing for the
// hire's own 누계포함:예 (recorded inside the report), so the copy's import
// re-based the report twice and fell short of the source (80 → 55). The
// copy now says what the source says, and the source's total is the
// report's stated one.
func TestHireChainVoidCopiesAsTheSource(t *testing.T) {
	t.Parallel()
	// sqlOnly: the copy's rows and sums equal the source's, but its 목록
	// 무효 may differ (none now: the 취소's re-basing, once kept under the
	// replacement and read as its 누계포함:예, is the original's since
	// review r29 B4).
	type seq struct {
		ko, en  []string
		sqlOnly bool
	}
	agree := seq{[]string{"추가 투자 100 날짜:2026-11-03 상태:약정"}, []string{"add 100 invest date:2026-11-03 status:agreed"}, false}
	cases := map[string]seq{
		"아니오, 무효": {
			[]string{"채용 1 30 2026-11-10", "추가 투자 누계 80 11/20", "정정 2 25 오기 누계포함:아니오", "무효 4 중복"},
			[]string{"hire 1 30 2026-11-10", "add invest cumulative 80 date:2026-11-20", "correct 2 25 typo within:no", "void 4 duplicate"}, false},
		"예, 무효": {
			[]string{"채용 1 30 2026-11-10", "추가 투자 누계 80 11/20", "정정 2 25 오기 누계포함:예", "무효 4 중복"},
			[]string{"hire 1 30 2026-11-10", "add invest cumulative 80 date:2026-11-20", "correct 2 25 typo within:yes", "void 4 duplicate"}, false},
		"예, 취소": {
			[]string{"채용 1 30 2026-11-10", "추가 투자 누계 80 11/20", "정정 2 25 오기 누계포함:예", "취소"},
			[]string{"hire 1 30 2026-11-10", "add invest cumulative 80 date:2026-11-20", "correct 2 25 typo within:yes", "undo"}, false},
		"inside, 아니오, 무효": {
			[]string{"추가 투자 누계 80 11/20", "채용 1 30 2026-11-10 누계포함:예", "정정 3 25 오기 누계포함:아니오", "무효 4 중복"},
			[]string{"add invest cumulative 80 date:2026-11-20", "hire 1 30 2026-11-10 within:yes", "correct 3 25 typo within:no", "void 4 duplicate"}, false},
	}
	for name, c := range cases {
		for _, lang := range []commands.Lang{commands.Korean, commands.English} {
			t.Run(name+"/"+string(lang), func(t *testing.T) {
				lines := append(append([]string{}, agree.ko...), c.ko...)
				if lang == commands.English {
					lines = append(append([]string{}, agree.en...), c.en...)
				}
				h := newHarness(t, lang)
				for _, l := range lines {
					h.run(manager, l, commands.OutcomeOK)
				}
				stated := h.sqlInt(`SELECT reported_total FROM entries WHERE kind = 'cumulative' AND voided_at IS NULL`)
				if got := h.liveSumAll(); got != stated {
					t.Fatalf("the source's realised SUM is %d; its live 누계 report states %d", got, stated)
				}
				for _, format := range []string{"csv", "xlsx"} {
					name, data := h.exportEntries(lang, format)
					b := newHarness(t, lang)
					if preview, applied := b.importFile(lang, name, data); applied == "" {
						t.Fatalf("%s: the file was not applied:\n%s", format, preview)
					}
					if got := b.liveSumAll(); got != stated {
						t.Errorf("%s: the copy's realised SUM is %d; the source's is %d", format, got, stated)
					}
					if c.sqlOnly {
						ar, aj, aa := h.ledgerPrint()
						if br, bj, ba := b.ledgerPrint(); ar != br || aj != bj || aa != ba {
							t.Errorf("%s: the copy's entries differ from the source's (SQL):\nsource: %s\ncopy:   %s", format, ar, br)
						}
						continue
					}
					sameAsSource(t, lang, h, b, format)
				}
			})
		}
	}
}

// Review r29 B6: a 정정 answered 누계포함:아니오, a 정정 of its replacement
// answered 예 and taken back (취소), then a 무효 of the first replacement:
// the void's reply said a later 누계 counted 10 of its 15 and the ledger
// fell by 5, but `목록 무효` counted the re-basing of the 정정 the 취소 had
// undone as taken up too (15 taken up, 0 out). The list now says what the
// void did: what the SUM fell by, and the rest taken up.
func TestListVoidedAfterAnUndoneCorrectionSaysWhatTheVoidDid(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			lines := []string{"추가 청년 10 11/5", "추가 청년 누계 100 11/20", "정정 1 15 오기 누계포함:아니오", "정정 3 8 오기 누계포함:예", "취소"}
			void, list := "무효 3 중복", "목록 무효"
			if lang == commands.English {
				lines = []string{"add youth 10 date:2026-11-05", "add youth cumulative 100 date:2026-11-20", "correct 1 15 typo within:no",
					"correct 3 8 typo within:yes", "undo"}
				void, list = "void 3 duplicate", "list voided"
			}
			h := newHarness(t, lang)
			for _, l := range lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			before := h.liveSumAll()
			h.run(manager, void, commands.OutcomeOK)
			drop := before - h.liveSumAll()
			count := h.sqlInt(`SELECT count FROM entries WHERE id = 3`)
			if drop <= 0 || drop >= count {
				t.Fatalf("the void of #3 (%d) lowered the SUM by %d; the chain's rule hands part of it to the 누계", count, drop)
			}
			want := fmt.Sprintf("%d개를 흡수해 그 누계는 그대로, 실제 제외 %d개)", count-drop, drop)
			if lang == commands.English {
				want = fmt.Sprintf("took up %d, its total unchanged: %d taken out)", count-drop, drop)
			}
			got := h.run(manager, list, commands.OutcomeOK).Text()
			line := ""
			for _, l := range strings.Split(got, "\n") {
				if strings.HasPrefix(l, "#3 ") {
					line = l
				}
			}
			if !strings.Contains(line, want) {
				t.Errorf("%q: the line of #3 does not say %q:\n%s", list, want, got)
			}
		})
	}
}
