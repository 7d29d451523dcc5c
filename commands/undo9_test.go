package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/importer"
)

// undo9Ledger types two 청년 entries (or 청년 and 노인 when apart) and a
// plain void of the second, in lang.
func undo9Ledger(h *harness, lang commands.Lang, apart bool) {
	second := "추가 청년 3 11/6"
	if apart {
		second = "추가 노인 3 11/6"
	}
	lines := []string{"추가 청년 5 11/5", second, "무효 2 중복 입력"}
	if lang == commands.English {
		second = "add youth 3 date:2026-11-06"
		if apart {
			second = "add senior 3 date:2026-11-06"
		}
		lines = []string{"add youth 5 date:2026-11-05", second, "void 2 duplicate"}
	}
	for _, l := range lines {
		h.run(manager, l, commands.OutcomeOK)
	}
}

// undo9Forge sets row #2's cells of an entries CSV export: 정정 to cell,
// and 무효 사유 to reason when reason is not "".
func undo9Forge(t *testing.T, data []byte, cell, reason string) []byte {
	return editCSV(t, data, func(rows [][]string) [][]string {
		num, corr, why := column(t, rows[0], "번호"), column(t, rows[0], "정정"), column(t, rows[0], "무효 사유")
		found := false
		for _, r := range rows[1:] {
			if r[num] == "2" {
				r[corr], found = cell, true
				if reason != "" {
					r[why] = reason
				}
			}
		}
		if !found {
			t.Fatalf("no row 2 in %v", rows)
		}
		return rows
	})
}

// Review r44 B1: a plain 무효 whose 정정 cell was edited to 정정 취소(#1
// 되살림) was relabelled a 취소 on re-import: correction_undos got (2, 1),
// `목록 무효` listed no void, and the import said it added nothing. A row
// the ledger holds is never marked from the file: the changed cell is
// refused on its line, naming what the ledger records, and nothing changes.
func TestUndo9HeldVoidIsNotRelabelledAnUndo(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			undo9Ledger(h, lang, false)
			head := func() string {
				return strings.SplitN(h.run(manager, byLang(lang, "list voided", "목록 무효"), commands.OutcomeOK).Text(), "\n", 2)[0]
			}
			before := head()
			tookOut := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NOT NULL
				AND id NOT IN (SELECT old_entry_id FROM entry_corrections)
				AND id NOT IN (SELECT replacement_entry_id FROM correction_undos)`)
			if tookOut != 3 {
				t.Fatalf("voids that took jobs out: %d (SQL); want 3", tookOut)
			}
			mustContain(t, before, byLang(lang, "1 entry, 3 jobs taken out", "1건, 일자리 3개 제외"))
			name, data := h.exportEntries(lang, "csv")
			forged := undo9Forge(t, data, "정정 취소(#1 되살림)", "")
			preview, applied := h.importFile(lang, name, forged)
			if applied != "" {
				t.Fatalf("the forged file was applied:\n%s\n%s", preview, applied)
			}
			mustContain(t, preview, "정정 취소(#1 되살림)", "#2")
			// `jobsbot import` applies without a preview: the same refusal.
			svc := importer.Service{Store: h.store, Want: commands.ImportEntries, Today: func() time.Time { return fixedNow },
				Now: func() time.Time { return fixedNow }}
			ctx := context.Background()
			f, problems, err := svc.Read(ctx, name, forged, manager)
			if err != nil || len(problems) > 0 {
				t.Fatalf("read: %v %v", err, problems)
			}
			res, err := svc.Import(ctx, f, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Problems) != 1 || res.Problems[0].Line == 0 ||
				!strings.Contains(res.Problems[0].Text(lang), "정정 취소(#1 되살림)") {
				t.Fatalf("jobsbot import's problems: %+v; want one, on row #2's line, naming its cell", res.Problems)
			}
			if n := h.sqlInt(`SELECT count(*) FROM correction_undos`); n != 0 {
				t.Errorf("correction_undos holds %d rows; want none", n)
			}
			if got := head(); got != before {
				t.Errorf("목록 무효 after the refused file: %q; want %q", got, before)
			}
			if got := h.liveSumAll(); got != 5 {
				t.Errorf("live SUM %d; want 5", got)
			}
		})
	}
}

// The same cell on rows an import writes (a fresh ledger): marked only
// where the file's rows are a 정정 taken back by 취소; otherwise the cell
// is refused on its line, saying why, and nothing is imported.
func TestUndo9NewRowsMarkAnUndoOnlyWhereTheFileHoldsOne(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		undoReason := byLang(lang, "undone by its author", "작성자 취소")
		for _, tc := range []struct {
			name         string
			apart        bool
			cell, reason string
			want         []string
		}{
			{"plain void", false, "정정 취소(#1 되살림)", "", []string{byLang(lang, "void reason", "무효 사유"), "작성자 취소"}},
			{"other program", true, "정정 취소(#1 되살림)", undoReason, []string{byLang(lang, "differ in program", "사업·기준일")}},
			{"no such row", false, "정정 취소(#9 되살림)", undoReason, []string{byLang(lang, "no other row #9", "#9 행이 없습니다")}},
			{"itself", false, "정정 취소(#2 되살림)", undoReason, []string{byLang(lang, "no other row #2", "#2 행이 없습니다")}},
		} {
			t.Run(string(lang)+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				h := newHarness(t, lang)
				undo9Ledger(h, lang, tc.apart)
				name, data := h.exportEntries(lang, "csv")
				b := newHarness(t, lang)
				preview, applied := b.importFile(lang, name, undo9Forge(t, data, tc.cell, tc.reason))
				if applied != "" {
					t.Fatalf("the file was applied:\n%s\n%s", preview, applied)
				}
				mustContain(t, preview, append([]string{tc.cell}, tc.want...)...)
				if n := b.sqlInt(`SELECT count(*) FROM entries`) + b.sqlInt(`SELECT count(*) FROM correction_undos`); n != 0 {
					t.Errorf("the refused file wrote %d rows", n)
				}
				// The file as exported is taken: a plain void, as the source's.
				if preview, applied := b.importFile(lang, name, data); applied == "" {
					t.Fatalf("the exported file was not applied:\n%s", preview)
				}
				sameAsSource(t, lang, h, b, "csv")
				if n := b.sqlInt(`SELECT count(*) FROM correction_undos`); n != 0 {
					t.Errorf("correction_undos holds %d rows; want none", n)
				}
			})
		}
	}
}

// The genuine round trip still holds: 정정, 정정 of the replacement, 취소,
// export, import into a fresh ledger gives the same `목록 무효` and the
// same correction_undos (#3 replaced #2, which the 취소 restored).
func TestUndo9GenuineUndoRoundTrip(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(string(lang)+"/"+format, func(t *testing.T) {
				t.Parallel()
				lines := []string{"추가 청년 50 11/5", "추가 노인 7 11/5", "정정 1 40 오기", "정정 3 45 다시 오기", "취소"}
				if lang == commands.English {
					lines = []string{"add youth 50 date:2026-11-05", "add senior 7 date:2026-11-05", "correct 1 40 typo", "correct 3 45 typo again", "undo"}
				}
				h := newHarness(t, lang)
				for _, l := range lines {
					h.run(manager, l, commands.OutcomeOK)
				}
				pairs := `SELECT COALESCE(string_agg(replacement_entry_id || '>' || original_entry_id, ',' ORDER BY 1), '') FROM correction_undos`
				if got := h.sqlText(pairs); got != "4>3" {
					t.Fatalf("source correction_undos %q; want 4>3", got)
				}
				name, data := h.exportEntries(lang, format)
				b := newHarness(t, lang)
				if preview, applied := b.importFile(lang, name, data); applied == "" {
					t.Fatalf("the file was not applied:\n%s", preview)
				}
				if got := b.sqlText(pairs); got != "4>3" {
					t.Errorf("the copy's correction_undos %q; want 4>3", got)
				}
				if a, c := h.liveSumAll(), b.liveSumAll(); a != c || a != 47 {
					t.Errorf("live SUM: source %d, copy %d; want 47 (40 + 7)", a, c)
				}
				sameAsSource(t, lang, h, b, format)
				list := byLang(lang, "list voided", "목록 무효")
				if got, want := b.run(manager, list, commands.OutcomeOK).Text(), h.run(manager, list, commands.OutcomeOK).Text(); got != want {
					t.Errorf("목록 무효 on the copy:\n%s\non the source:\n%s", got, want)
				}
			})
		}
	}
}
