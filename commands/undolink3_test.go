package commands_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"jobsbot/commands"
)

// undolink3Cases are review r36's sequences: a 정정 of a 누계 taken back by
// 취소 with something recorded between the 정정 and the 취소 that re-bases
// the replacement (B1: a 누계포함:예 delta; B2: an earlier-dated 누계; the
// agreement variant; a void of an earlier delta), or refuses the export
// outright (B4 and its addendum), and guards that already copied.
var undolink3Cases = map[string]struct{ ko, en []string }{
	"B1 within delta between": {
		[]string{"추가 노인 100 누계 날짜:11/21", "정정 1 150 오타", "@UOTHER 추가 노인 20 날짜:11/21 누계포함:예 메모:포함분",
			"@UOTHER 추가 노인 200 누계 날짜:11/23", "취소"},
		[]string{"add senior 100 cumulative date:2026-11-21", "correct 1 150 typo",
			"@UOTHER add senior 20 date:2026-11-21 within:yes note:inside", "@UOTHER add senior 200 cumulative date:2026-11-23", "undo"}},
	"B2 earlier report between": {
		[]string{"추가 노인 100 누계 날짜:11/21", "정정 1 150 오타", "@UOTHER 추가 노인 90 누계 날짜:11/19", "취소"},
		[]string{"add senior 100 cumulative date:2026-11-21", "correct 1 150 typo", "@UOTHER add senior 90 cumulative date:2026-11-19", "undo"}},
	"B2 agreed": {
		[]string{"추가 노인 100 누계 상태:약정 날짜:11/21", "정정 1 150 오타", "@UOTHER 추가 노인 90 누계 상태:약정 날짜:11/19", "취소"},
		[]string{"add senior 100 cumulative status:agreed date:2026-11-21", "correct 1 150 typo",
			"@UOTHER add senior 90 cumulative status:agreed date:2026-11-19", "undo"}},
	"void of an earlier delta between": {
		[]string{"@UOTHER 추가 노인 30 날짜:11/10", "@UOTHER 추가 노인 100 누계 날짜:11/21", "@UOTHER 정정 2 150 오타", "무효 1 중복", "@UOTHER 취소"},
		[]string{"@UOTHER add senior 30 date:2026-11-10", "@UOTHER add senior 100 cumulative date:2026-11-21", "@UOTHER correct 2 150 typo",
			"void 1 duplicate", "@UOTHER undo"}},
	"B4 down, earlier report between": {
		[]string{"추가 노인 100 누계 날짜:11/21", "정정 1 80 오타", "@UOTHER 추가 노인 50 누계 날짜:11/19", "취소"},
		[]string{"add senior 100 cumulative date:2026-11-21", "correct 1 80 typo", "@UOTHER add senior 50 cumulative date:2026-11-19", "undo"}},
	"B4 down, within delta between": {
		[]string{"추가 노인 100 누계 날짜:11/21", "정정 1 80 오타", "@UOTHER 추가 노인 20 날짜:11/21 누계포함:예 메모:포함분", "취소"},
		[]string{"add senior 100 cumulative date:2026-11-21", "correct 1 80 typo", "@UOTHER add senior 20 date:2026-11-21 within:yes note:inside", "undo"}},
	// Guards (copied before this change).
	"later report between": {
		[]string{"추가 노인 100 누계 날짜:11/21", "추가 노인 200 누계 날짜:11/23", "정정 1 150 오타", "@UOTHER 추가 노인 170 누계 날짜:11/22", "취소"},
		[]string{"add senior 100 cumulative date:2026-11-21", "add senior 200 cumulative date:2026-11-23", "correct 1 150 typo",
			"@UOTHER add senior 170 cumulative date:2026-11-22", "undo"}},
	"earlier report after the undo": {
		[]string{"추가 노인 100 누계 날짜:11/21", "정정 1 80 오타", "취소", "@UOTHER 추가 노인 50 누계 날짜:11/19"},
		[]string{"add senior 100 cumulative date:2026-11-21", "correct 1 80 typo", "undo", "@UOTHER add senior 50 cumulative date:2026-11-19"}},
}

func runLines(h *harness, lines []string) {
	h.t.Helper()
	for _, l := range lines {
		user := manager
		if rest, ok := strings.CutPrefix(l, "@"); ok { // another user's line
			user, l, _ = strings.Cut(rest, " ")
		}
		h.run(user, l, commands.OutcomeOK)
	}
}

// Review r36 B1, B2, B4: such a ledger, exported and imported into an empty
// ledger, applies, and the copy says what the source says (SQL rows,
// 현황, 목록, 목록 무효).
func TestUndoneCorrectionWithAnEntryBetweenCopiesAsTheSource(t *testing.T) {
	t.Parallel()
	for name, c := range undolink3Cases {
		for _, lang := range []commands.Lang{commands.Korean, commands.English} {
			t.Run(name+"/"+string(lang), func(t *testing.T) {
				t.Parallel()
				lines := c.ko
				if lang == commands.English {
					lines = c.en
				}
				h := newHarness(t, lang)
				runLines(h, lines)
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

var cellFigure = regexp.MustCompile(`(채용 실적|jobs realised|약정\(채용 전까지 실적 아님\)|agreed \(MOU, not jobs until hired\)) ([+\-−]?[0-9,]+)`)

// cellSums adds up the import reply's per-month figures: realised, agreed.
func cellSums(t *testing.T, text string) (realised, agreed int64) {
	t.Helper()
	for _, m := range cellFigure.FindAllStringSubmatch(text, -1) {
		s := strings.NewReplacer(",", "", "−", "-", "+", "").Replace(m[2])
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("figure %q: %v", m[2], err)
		}
		if strings.HasPrefix(m[1], "약정") || strings.HasPrefix(m[1], "agreed") {
			agreed += n
		} else {
			realised += n
		}
	}
	return realised, agreed
}

// Review r36 B5: the import's preview and its reply say, by program and
// month, the jobs it adds; into an empty ledger their sum is the SQL SUM
// of the live entries it wrote (+220 was printed for 200 written).
func TestImportCellsAddWhatTheImportWrites(t *testing.T) {
	t.Parallel()
	for name, c := range undolink3Cases {
		for _, lang := range []commands.Lang{commands.Korean, commands.English} {
			t.Run(name+"/"+string(lang), func(t *testing.T) {
				t.Parallel()
				lines := c.ko
				if lang == commands.English {
					lines = c.en
				}
				h := newHarness(t, lang)
				runLines(h, lines)
				name, data := h.exportEntries(lang, "csv")
				b := newHarness(t, lang)
				preview, applied := b.importFile(lang, name, data)
				if applied == "" {
					t.Fatalf("the file was not applied:\n%s", preview)
				}
				_, realised, agreed := b.ledgerPrint()
				pr, pa := cellSums(t, preview)
				ar, aa := cellSums(t, applied)
				if pr != realised || ar != realised || pa != agreed || aa != agreed {
					t.Errorf("the copy holds %d realised, %d agreed (SQL SUM); the preview says %d, %d; the reply %d, %d:\n%s\n---\n%s",
						realised, agreed, pr, pa, ar, aa, preview, applied)
				}
			})
		}
	}
}
