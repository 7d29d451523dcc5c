package commands_test

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"jobsbot/commands"
)

// correctionsLine is the line of `목록 무효` (`list voided`) that says what
// the 정정s moved.
func correctionsLine(t *testing.T, lang commands.Lang, text string) string {
	t.Helper()
	mark := "정정으로 바뀐"
	if lang == commands.English {
		mark = "together they changed"
	}
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, mark) {
			return l
		}
	}
	t.Fatalf("the voided list says nothing of the 정정s:\n%s", text)
	return ""
}

// Review r21 B3 / r19b F1/F2: `목록 무효` told which re-basings a 정정 made
// by its transaction id (xmin) and stamps. A copy restored from pg_dump has
// new transaction ids, and an import is one transaction, so the copies
// printed other figures while every SUM was the same. A row-order rule
// tried in 1.9.0 miscounted after a void or a 취소 of a 정정. Each 정정
// now keeps what it re-based on its row (entry_corrections.rebased,
// migration 00050), written in its transaction and gone with its 취소:
// the copies print what the ledger prints, after a void and a 취소 too.
func TestVoidedListSaysTheSameOfACopy(t *testing.T) {
	t.Parallel()
	type scenario struct {
		name   string
		ko, en []string
	}
	for _, sc := range []scenario{
		{"restored",
			[]string{"추가 12 노인 날짜:2026-10-18", "추가 3290 노인 누계 날짜:2026-10-31 확인:예", "추가 30 청년 날짜:2026-10-20",
				"정정 1 20 시니어인턴 재확인 누계포함:예", "정정 3 40 오기"},
			[]string{"add 12 senior date:2026-10-18", "add 3290 senior cumulative date:2026-10-31 confirm:yes", "add 30 youth date:2026-10-20",
				"correct 1 20 rechecked within:yes", "correct 3 40 typo"}},
		{"inside a later report",
			[]string{"추가 노인 누계 200 날짜:11/20", "추가 노인 50 날짜:11/1 누계포함:예", "정정 2 60 오타 누계포함:예"},
			[]string{"add senior cumulative 200 date:2026-11-20", "add senior 50 date:2026-11-01 within:yes", "correct 2 60 typo within:yes"}},
		{"a chain",
			[]string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20", "정정 1 80 오타 누계포함:예", "정정 3 20 오타 누계포함:아니오"},
			[]string{"add senior 50 date:2026-11-01", "add senior cumulative 200 date:2026-11-20", "correct 1 80 typo within:yes", "correct 3 20 typo within:no"}},
		{"a void of a replacement",
			[]string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20", "정정 1 80 오타 누계포함:예",
				"추가 청년 30 날짜:11/2", "추가 청년 누계 100 날짜:11/20", "정정 4 40 오타 누계포함:아니오", "무효 3 중복 확인"},
			[]string{"add senior 50 date:2026-11-01", "add senior cumulative 200 date:2026-11-20", "correct 1 80 typo within:yes",
				"add youth 30 date:2026-11-02", "add youth cumulative 100 date:2026-11-20", "correct 4 40 typo within:no", "void 3 duplicate"}},
		{"a 취소 of a chained 정정",
			[]string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20", "정정 1 80 오타 누계포함:예",
				"추가 청년 30 날짜:11/2 누계포함:예", "정정 3 90 오타 누계포함:아니오", "취소"},
			[]string{"add senior 50 date:2026-11-01", "add senior cumulative 200 date:2026-11-20", "correct 1 80 typo within:yes",
				"add youth 30 date:2026-11-02 within:yes", "correct 3 90 typo within:no", "undo"}},
		{"a 취소 of a 정정 inside a later report",
			[]string{"추가 노인 누계 200 날짜:11/20", "추가 노인 50 날짜:11/1 누계포함:예", "정정 2 60 오타 누계포함:예",
				"추가 청년 30 날짜:11/2", "추가 청년 누계 100 날짜:11/20", "정정 4 40 오타 누계포함:예", "취소"},
			[]string{"add senior cumulative 200 date:2026-11-20", "add senior 50 date:2026-11-01 within:yes", "correct 2 60 typo within:yes",
				"add youth 30 date:2026-11-02", "add youth cumulative 100 date:2026-11-20", "correct 4 40 typo within:yes", "undo"}},
	} {
		for _, lang := range []commands.Lang{commands.Korean, commands.English} {
			t.Run(sc.name+"/"+string(lang), func(t *testing.T) {
				lines, list := sc.ko, "목록 무효"
				if lang == commands.English {
					lines, list = sc.en, "list voided"
				}
				h := newHarness(t, lang)
				for _, l := range lines {
					h.run(manager, l, commands.OutcomeOK)
				}
				want := correctionsLine(t, lang, h.run(manager, list, commands.OutcomeOK).Text())
				r := restored(t, h)
				if r.liveSumAll() != h.liveSumAll() {
					t.Fatalf("the restored copy holds %d, the ledger %d", r.liveSumAll(), h.liveSumAll())
				}
				if got := correctionsLine(t, lang, r.run(manager, list, commands.OutcomeOK).Text()); got != want {
					t.Errorf("restored copy: %s\nthe ledger:    %s", got, want)
				}
				for _, format := range []string{"csv", "xlsx"} {
					name, data := h.exportEntries(lang, format)
					b := newHarness(t, lang)
					b.importFile(lang, name, data)
					if b.liveSumAll() != h.liveSumAll() {
						t.Fatalf("%s copy holds %d, the ledger %d", format, b.liveSumAll(), h.liveSumAll())
					}
					if got := correctionsLine(t, lang, b.run(manager, list, commands.OutcomeOK).Text()); got != want {
						t.Errorf("%s copy: %s\nthe ledger: %s", format, got, want)
					}
				}
			})
		}
	}
}

// Review r21 B4: after `정정 1 6 … 누계포함:아니오` (a separate change of
// +2), a second `정정 3 7 … 누계포함:예` was asked whether the later 누계
// #2 already counted its +1 and promised "32 유지", then moved #2 from 32
// to 33: the first 정정's 아니오 was read for the second's change. The
// second 정정's answer now applies to its own change: #2 keeps 32, its
// increment takes the +1 (26 → 25), and the reply says so. An entries
// export of the ledger imports to the same figures, and a 취소 of the
// second 정정 gives back what the first left.
func TestSecondCorrectionsAnswerAppliesToItsOwnChange(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			lines := []string{"추가 노인 4 날짜:11/1", "추가 노인 누계 30 날짜:11/20", "정정 1 6 재집계 누계포함:아니오"}
			second, undo, kept := "정정 3 7 재집계 누계포함:예", "취소", "32개"
			if lang == commands.English {
				lines = []string{"add senior 4 date:2026-11-01", "add senior cumulative 30 date:2026-11-20", "correct 1 6 recount within:no"}
				second, undo, kept = "correct 3 7 recount within:yes", "undo", "32"
			}
			h := newHarness(t, lang)
			for _, l := range lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			total := func(h *harness) int64 {
				return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`)
			}
			if got := total(h); got != 32 {
				t.Fatalf("after the 아니오 정정 the ledger holds %d; want 32", got)
			}
			reply := h.run(manager, second, commands.OutcomeOK).Text()
			if got := total(h); got != 32 {
				t.Errorf("after the 예 정정 the ledger holds %d; want 32 (the question promised #2 keeps 32)\n%s", got, reply)
			}
			if got := h.sqlInt(`SELECT count FROM entries WHERE id = 2`); got != 25 {
				t.Errorf("#2's increment is %d; want 25 (the +1 is inside it)", got)
			}
			if strings.Contains(reply, "33") || !strings.Contains(reply, kept) {
				t.Errorf("the reply does not say the ledger's 32:\n%s", reply)
			}
			for _, format := range []string{"csv", "xlsx"} {
				name, data := h.exportEntries(lang, format)
				b := newHarness(t, lang)
				b.importFile(lang, name, data)
				if got := total(b); got != 32 {
					t.Errorf("%s copy holds %d; want 32", format, got)
				}
			}
			h.run(manager, undo, commands.OutcomeOK)
			if got := total(h); got != 32 {
				t.Errorf("after 취소 of the 예 정정 the ledger holds %d; want 32", got)
			}
			if got := h.sqlInt(`SELECT count FROM entries WHERE id = 2`); got != 26 {
				t.Errorf("after 취소 #2's increment is %d; want 26", got)
			}
		})
	}
}

// Review r19 F18: the entries export wrote a 정정's 누계포함:아니오 only
// while the later 누계 it was asked about stood: once that 누계 was voided
// or corrected, the export left 누계포함 empty and the import replayed the
// 정정 as 예, re-basing the report (another total than the source's). The
// answer is the 정정's and is written whatever became of the report since;
// the copy holds the same totals and the same 아니오.
func TestSeparateCorrectionSurvivesALaterReportsVoidInTheExport(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for _, then := range []string{"void", "correct"} {
			t.Run(string(lang)+"/"+then, func(t *testing.T) {
				lines := []string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20", "정정 1 20 오타 누계포함:아니오",
					"추가 노인 누계 260 날짜:11/25"}
				last := map[string]string{"void": "무효 2 중복 보고", "correct": "정정 2 230 재집계"}[then]
				if lang == commands.English {
					lines = []string{"add senior 50 date:2026-11-01", "add senior cumulative 200 date:2026-11-20", "correct 1 20 typo within:no",
						"add senior cumulative 260 date:2026-11-25"}
					last = map[string]string{"void": "void 2 duplicate report", "correct": "correct 2 230 recount"}[then]
				}
				h := newHarness(t, lang)
				for _, l := range append(lines, last) {
					h.run(manager, l, commands.OutcomeOK)
				}
				want := h.liveSumAll()
				copies := map[string]*harness{}
				for _, format := range []string{"csv", "xlsx"} {
					name, data := h.exportEntries(lang, format)
					b := newHarness(t, lang)
					b.importFile(lang, name, data)
					if got := b.liveSumAll(); got != want {
						t.Errorf("%s copy holds %d, the ledger %d", format, got, want)
					}
					if got := b.sqlInt(`SELECT count(*) FROM entry_corrections WHERE separate`); got != 1 {
						t.Errorf("%s copy keeps %d 정정s answered 아니오; want 1", format, got)
					}
					copies[format] = b
				}
				// The answer decides what a void of the replacement does:
				// the ledger's own replacement is voided once both copies
				// are made (it used to be voided on a pg_restore'd copy of
				// the ledger for each format, two restores a case), and
				// each copy's void must leave what the ledger's left.
				h.run(manager, voidLine(lang, h.liveReplacement()), commands.OutcomeOK)
				src := h.liveSumAll()
				for format, b := range copies {
					b.run(manager, voidLine(lang, b.liveReplacement()), commands.OutcomeOK)
					if got := b.liveSumAll(); got != src {
						t.Errorf("after voiding the replacement the %s copy holds %d, the ledger %d", format, got, src)
					}
				}
			})
		}
	}
}

func voidLine(lang commands.Lang, id int64) string {
	if lang == commands.English {
		return "void " + strconv.FormatInt(id, 10) + " duplicate"
	}
	return "무효 " + strconv.FormatInt(id, 10) + " 중복 확인"
}

// withCell is a CSV export with the cell under header set to value on
// the first row pick chooses.
func withCell(t *testing.T, data []byte, header string, pick func(row map[string]string) bool, value string) []byte {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head, done := recs[0], false
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, c := range rec {
			if i < len(head) {
				row[head[i]] = c
			}
		}
		if !done && pick(row) {
			for i, h := range head {
				if h == header {
					rec[i], done = value, true
				}
			}
		}
	}
	if !done {
		t.Fatalf("no row to set %s on", header)
	}
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Review r19 F17: an entries file whose 약정 (agreement) 정정 says
// 누계포함 아니오 was imported, while the typed `정정 … 누계포함:아니오` of an
// agreement is refused (k47.within_not_for_agreement). The import now
// refuses the row with the same reason and records nothing.
func TestImportRefusesWithinOnAnAgreementCorrection(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			lines := []string{"추가 노인 5 날짜:11/1 상태:약정", "추가 노인 누계 30 날짜:11/20 상태:약정", "정정 1 6 오타"}
			typed, said := "정정 3 7 오타 누계포함:아니오", "약정의 정정은 이후 약정 누계의 증가분을 바꾸지 않습니다"
			if lang == commands.English {
				lines = []string{"add senior 5 date:2026-11-01 status:agreed", "add senior cumulative 30 date:2026-11-20 status:agreed", "correct 1 6 typo"}
				typed, said = "correct 3 7 typo within:no", "correcting an agreement never changes"
			}
			h := newHarness(t, lang)
			for _, l := range lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			if r := h.run(manager, typed, commands.OutcomeRefused).Text(); !strings.Contains(r, said) {
				t.Fatalf("the typed 정정 is refused for another reason:\n%s", r)
			}
			_, data := h.exportEntries(lang, "csv")
			data = withCell(t, data, "누계포함", func(row map[string]string) bool { return strings.HasSuffix(row["정정"], "정정분") }, "아니오")
			b := newHarness(t, lang)
			preview, applied := b.importFile(lang, "entries.csv", data)
			if applied != "" || !strings.Contains(preview, said) {
				t.Errorf("the import of a 약정 정정 with 누계포함 아니오 was not refused so:\n%s\n%s", preview, applied)
			}
			if got := b.sqlInt(`SELECT count(*) FROM entries`); got != 0 {
				t.Errorf("the refused import recorded %d entries", got)
			}
		})
	}
}

// Migration 00050 backfills entry_corrections.rebased from the reading
// `목록 무효` made until then (xmin and stamps): on a ledger as its 정정s
// left it, each 정정's figure is the one the 정정 now records itself; on a
// ledger restored from pg_dump before the upgrade (new xmin everywhere),
// from the stamps, as 00049 reads them. Either way `목록 무효` prints what
// it printed before the upgrade on the ledger as the 정정s left it.
func TestMigration50BackfillsWhatEachCorrectionRebased(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	for _, l := range []string{"추가 12 노인 날짜:2026-10-18", "추가 3290 노인 누계 날짜:2026-10-31 확인:예", "추가 30 청년 날짜:2026-10-20",
		"정정 1 20 시니어인턴 재확인 누계포함:예", "정정 3 40 오기",
		"추가 청년 누계 500 날짜:10/31", "정정 5 45 재집계 누계포함:아니오", "정정 7 50 재집계 누계포함:예"} {
		h.run(manager, l, commands.OutcomeOK)
	}
	want := h.run(manager, "목록 무효", commands.OutcomeOK).Text()
	recorded := h.sqlInt(`SELECT count(*) FROM entry_corrections WHERE rebased <> 0`)
	if recorded == 0 {
		t.Fatal("no 정정 of the ledger re-based anything: the test reads nothing")
	}
	for _, sc := range []struct {
		name string
		h    *harness
	}{{"as written", h}, {"restored", restored(t, h)}} {
		t.Run(sc.name, func(t *testing.T) {
			// Down to 49 and up again (rebackfill): an UPDATE emptying
			// the column would give every row a new transaction id, and
			// the ledger as written would be read as a restored one.
			rebackfill(t, sc.h)
			if got := sc.h.sqlInt(`SELECT count(*) FROM entry_corrections WHERE rebased <> 0`); got != recorded {
				t.Errorf("the backfill gave %d 정정s a re-basing; the 정정s recorded %d", got, recorded)
			}
			if got := sc.h.run(manager, "목록 무효", commands.OutcomeOK).Text(); correctionsLine(t, commands.Korean, got) != correctionsLine(t, commands.Korean, want) {
				t.Errorf("after the backfill: %s\nbefore: %s", correctionsLine(t, commands.Korean, got), correctionsLine(t, commands.Korean, want))
			}
		})
	}
}
