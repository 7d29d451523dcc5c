package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Issue 19 §4, review r39 F8 (= r33 M7): `목록 무효` counted the void of a
// 정정's replacement made by its 취소 as jobs taken out ("1,240개 제외"),
// though the 취소 restored the original and nothing was taken out. The 취소
// is now recorded (correction_undos); the list names it apart, "정정 취소
// (#N 되살림)", and its head counts only the voids that took jobs out, as
// the SQL SUM over voids that are neither a 정정's original nor a 취소's
// replacement says. An entries export marks the row so, and a copy
// imported from it says the same.
func TestListVoidedKeepsAnUndoneCorrectionOutOfItsHead(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			// 노인: a 정정 taken back, nothing else voided. 청년: a plain void
			// of 30, then a 정정 of the 1,240 taken back.
			lines := []string{
				"추가 노인 50 11/5", "정정 1 40 오기", "취소",
				"추가 청년 1,240 11/5", "추가 청년 30 11/6", "무효 4 중복", "정정 3 1,250 오기", "취소",
			}
			if lang == commands.English {
				lines = []string{
					"add senior 50 date:2026-11-05", "correct 1 40 typo", "undo",
					"add youth 1,240 date:2026-11-05", "add youth 30 date:2026-11-06", "void 4 duplicate", "correct 3 1,250 typo", "undo",
				}
			}
			h := newHarness(t, lang)
			for _, l := range lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			// #2 and #5 are the replacements the 취소s voided; #1 and #3
			// are live again.
			if got := h.sqlInt(`SELECT count(*) FROM correction_undos WHERE (replacement_entry_id, original_entry_id) IN ((2, 1), (5, 3))`); got != 2 {
				t.Fatalf("correction_undos holds %d of (2, 1), (5, 3); want both", got)
			}
			if got, want := h.liveSumAll(), h.sqlInt(`SELECT SUM(count) FROM entries WHERE id IN (1, 3)`); got != want || got != 1290 {
				t.Fatalf("live SUM %d; want #1 + #3 = %d (1,290)", got, want)
			}
			tookOut := func(program string) int64 {
				return h.sqlInt(`SELECT COALESCE(SUM(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
					WHERE e.voided_at IS NOT NULL AND p.code = '` + program + `'
					  AND e.id NOT IN (SELECT old_entry_id FROM entry_corrections)
					  AND e.id NOT IN (SELECT replacement_entry_id FROM correction_undos)`)
			}
			youth, senior := tookOut("youth"), tookOut("senior")
			if youth != 30 || senior != 0 {
				t.Fatalf("voids that took jobs out: youth %d, senior %d; want 30 and 0", youth, senior)
			}
			all := h.run(manager, byLang(lang, "list voided", "목록 무효"), commands.OutcomeOK).Text()
			head := strings.SplitN(all, "\n", 2)[0]
			mustContain(t, head, byLang(lang, fmt.Sprintf("1 entry, %d jobs taken out", youth+senior),
				fmt.Sprintf("1건, 일자리 %d개 제외", youth+senior)))
			mustContain(t, all, byLang(lang, "Corrections undone (취소): 2", "정정 취소 2건"),
				byLang(lang, "#2 · ", "#2 · "), byLang(lang, "correction undone, #1 restored", "정정 취소 (#1 되살림)"),
				byLang(lang, "#5 · ", "#5 · "), byLang(lang, "correction undone, #3 restored", "정정 취소 (#3 되살림)"))
			mustNotContain(t, all, "1,280", "1,270", "1,250개 제외", "1,250 jobs taken out")

			only := h.run(manager, byLang(lang, "list voided senior", "목록 무효 노인"), commands.OutcomeOK).Text()
			mustContain(t, strings.SplitN(only, "\n", 2)[0], byLang(lang, "none took jobs out; 1 correction was undone",
				"무효 처리 실적(기준일 기준)은 없고, 정정 취소가 1건 있습니다"))
			mustNotContain(t, only, byLang(lang, "jobs taken out", "개 제외"), "#5")

			// `목록` marks the replacement so.
			mustContain(t, h.run(manager, byLang(lang, "list youth", "목록 청년"), commands.OutcomeOK).Text(),
				byLang(lang, "correction undone, #3 restored", "정정 취소(#3 되살림)"))

			// The entries export marks the row; a copy imported from it
			// records the 취소 and lists it as the source does.
			format := map[commands.Lang]string{commands.Korean: "csv", commands.English: "xlsx"}[lang]
			name, data := h.exportEntries(lang, format)
			if format == "csv" && !strings.Contains(string(data), "정정 취소(#3 되살림)") {
				t.Errorf("the export does not mark #5 정정 취소(#3 되살림):\n%s", data)
			}
			b := newHarness(t, lang)
			if preview, applied := b.importFile(lang, name, data); applied == "" {
				t.Fatalf("%s: the file was not applied:\n%s", format, preview)
			}
			if got := b.sqlInt(`SELECT count(*) FROM correction_undos WHERE (replacement_entry_id, original_entry_id) IN ((2, 1), (5, 3))`); got != 2 {
				t.Errorf("the copy's correction_undos holds %d of (2, 1), (5, 3); want both", got)
			}
			sameAsSource(t, lang, h, b, format)
			// An export whose 정정 cell is empty (a ledger whose 취소 was
			// made before 00051 recorded none) is no changed link on a
			// copy that recorded the 취소: it is taken, and changes nothing.
			if _, err := h.store.DB().Exec(`DELETE FROM correction_undos`); err != nil {
				t.Fatal(err)
			}
			name, data = h.exportEntries(lang, format)
			preview, _ := b.importFile(lang, name, data)
			mustNotContain(t, preview, "정정 취소(#", "#2 · ")
			if got := b.sqlInt(`SELECT count(*) FROM correction_undos`); got != 2 {
				t.Errorf("the copy's correction_undos holds %d rows after the older file; want 2", got)
			}
		})
	}
}
