package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// copyViews are the commands a copy is compared with its source by, in
// lang: every total (현황), every entry (목록) and every void and 정정
// (목록 무효).
func copyViews(lang commands.Lang) []string {
	if lang == commands.English {
		return []string{"status", "list", "list voided"}
	}
	return []string{"현황", "목록", "목록 무효"}
}

// ledgerPrint is the ledger's entries as plain SQL reads them: number,
// kind, count, reported total, live or voided, in number order; and the
// live sums by status.
func (h *harness) ledgerPrint() (rows string, realised, agreed int64) {
	h.t.Helper()
	var s string
	if err := h.store.DB().Get(&s, `SELECT COALESCE(string_agg(id || ':' || kind || ':' || count || ':' || COALESCE(reported_total::text, '-')
		|| ':' || (voided_at IS NULL), ' ' ORDER BY id), '') FROM entries`); err != nil {
		h.t.Fatal(err)
	}
	return s, h.liveSumAll(), h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'agreed'`)
}

// sameAsSource fails the test unless the copy b says what the source a
// says, command by command, and holds the same entries by SQL.
func sameAsSource(t *testing.T, lang commands.Lang, a, b *harness, what string) {
	t.Helper()
	ar, aj, aa := a.ledgerPrint()
	br, bj, ba := b.ledgerPrint()
	if ar != br || aj != bj || aa != ba {
		t.Errorf("%s: the copy's entries differ from the source's (SQL):\nsource: %s (realised %d, agreed %d)\ncopy:   %s (realised %d, agreed %d)",
			what, ar, aj, aa, br, bj, ba)
	}
	for _, line := range copyViews(lang) {
		want := a.run(manager, line, commands.OutcomeOK).Text()
		if got := b.run(manager, line, commands.OutcomeOK).Text(); got != want {
			t.Errorf("%s: %q on the copy:\n%s\non the source:\n%s", what, line, got, want)
		}
	}
}

// Review r26 B1: an export taken after a 정정, then one taken after its 취소,
// imported one after the other into an empty ledger, left the copy at 0
// where the source holds 20: the second file's row of the restored
// original, live, was taken as present though the copy held it voided, and
// its 취소 replayed as a plain void of the replacement. The second file's
// void of the replacement is now replayed as the 취소 it was: the original
// is live again, and the copy says what the source says.
func TestImportsAcrossAnUndoneCorrectionMakeTheSameCopy(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			lines, undo := []string{"추가 청년 20 11/5", "정정 1 25 오기"}, "취소"
			if lang == commands.English {
				lines, undo = []string{"add youth 20 date:2026-11-05", "correct 1 25 typo"}, "undo"
			}
			h := newHarness(t, lang)
			for _, l := range lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			before := map[string][]byte{}
			names := map[string]string{}
			for _, format := range []string{"csv", "xlsx"} {
				names[format], before[format] = h.exportEntries(lang, format)
			}
			h.run(manager, undo, commands.OutcomeOK)
			if got := h.liveSumAll(); got != 20 {
				t.Fatalf("the source holds %d after the 취소; want 20", got)
			}
			for _, format := range []string{"csv", "xlsx"} {
				name, after := h.exportEntries(lang, format)
				b := newHarness(t, lang)
				if _, applied := b.importFile(lang, names[format], before[format]); applied == "" {
					t.Fatalf("%s: the first file was not applied", format)
				}
				preview, applied := b.importFile(lang, name, after)
				if applied == "" {
					t.Fatalf("%s: the second file was not applied:\n%s", format, preview)
				}
				sameAsSource(t, lang, h, b, format)
			}
		})
	}
}

// Review r26 B3: a 정정 of a 누계 answered 누계포함:예 beside a 누계포함:아니오
// delta, then its 취소, exported and imported into an empty ledger: the
// voided replacement (누계 105) equals the copy's total when replayed, so
// the copy recorded nothing for it ("nothing to record") and numbered every
// later entry one lower. A voided row is now recorded as the file says,
// voided, whatever its add would have found: the copy keeps every row
// with its number.
func TestImportKeepsAVoidedReportTheLedgerAgreesWith(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			lines := []string{"추가 노인 누계 100 11/10", "추가 노인 5 11/5 누계포함:아니오", "정정 1 105 오기 누계포함:예", "취소",
				"추가 노인 3 11/12"}
			if lang == commands.English {
				lines = []string{"add senior cumulative 100 date:2026-11-10", "add senior 5 date:2026-11-05 within:no",
					"correct 1 105 typo within:yes", "undo", "add senior 3 date:2026-11-12"}
			}
			h := newHarness(t, lang)
			for _, l := range lines {
				h.run(manager, l, commands.OutcomeOK)
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
