package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"jobsbot/commands"
)

// r35invisMarks are code points that show nothing (the soft hyphen, the
// combining grapheme joiner, Arabic letter mark, Hangul fillers, Khmer
// inherent vowel, Mongolian vowel separator, invisible operators, a tag,
// a musical format control, a variation selector, LRM) but, inside a note
// word, hid it from every date and future check (review r35 B4).
var r35invisMarks = []rune{0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x180E, 0x2061, 0x2064, 0x206A,
	0x3164, 0xFFA0, 0xE0020, 0x1D173, 0xFE0F, 0x200E}

// withMark puts r after the first character of note.
func withMark(note string, r rune) string {
	_, size := []rune(note)[0], len(string([]rune(note)[0]))
	return note[:size] + string(r) + note[size:]
}

// Review r35 B4: `추가 청년 5 메모:내\u00ADì¼ 입사` (and the other invisible
// marks, and the note typed in decomposed Hangul) was recorded where the
// plain `내일 입사` is refused and `11월분`, `어제 입사` asked. Each is now
// read as the word it shows, typed or in the add form: the same answer as
// the plain note, nothing written (SQL); a harmless note is stored without
// the mark, in NFC.
func TestInvisibleMarkInNoteWordIsReadAsTheWord(t *testing.T) {
	t.Parallel()
	notes := []string{"내일 입사", "11월분", "어제 입사", "hired tomorrow"}
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, lang, futureToday)
			add := byLang(lang, "add youth 5 note:", "추가 청년 5 메모:")
			ctx := context.Background()
			handle := func(line string) commands.Reply {
				return h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceConsole}, line)
			}
			for _, note := range notes {
				plain := handle(add + note)
				if plain.Outcome == commands.OutcomeOK {
					t.Fatalf("plain %q recorded; the test needs a note the checks refuse or ask", note)
				}
				variants := []string{norm.NFD.String(note)}
				for _, r := range r35invisMarks {
					variants = append(variants, withMark(note, r))
				}
				for _, v := range variants {
					if v == note {
						continue
					}
					if r := handle(add + v); r.Outcome != plain.Outcome || r.Title != plain.Title {
						t.Errorf("%q: outcome %q %q; the plain note gives %q %q", v, r.Outcome, r.Title, plain.Outcome, plain.Title)
					}
				}
				form := commands.Caller{UserID: "U1", Source: commands.SourceModal, IdempotencyKey: "view-r35invis-" + note}
				plainForm, _ := h.svc.SubmitAddForm(ctx, form, commands.AddForm{Program: "youth", Count: "5", Note: note})
				for i, v := range []string{withMark(note, 0x00AD), withMark(note, 0x3164), norm.NFD.String(note)} {
					form.IdempotencyKey = fmt.Sprintf("view-r35invis-%s-%d", note, i)
					if r, _ := h.svc.SubmitAddForm(ctx, form, commands.AddForm{Program: "youth", Count: "5", Note: v}); r.Outcome != plainForm.Outcome {
						t.Errorf("form note %q: outcome %q; the plain note gives %q", v, r.Outcome, plainForm.Outcome)
					}
				}
			}
			if n, sum := h.entryCount(), h.liveSumAll(); n != 0 || sum != 0 {
				t.Fatalf("%d entries (sum %d) written; want none", n, sum)
			}
			h.run("U1", add+norm.NFD.String("경\u00AD로당 행\u3164사"), commands.OutcomeOK)
			var note string
			if err := h.store.DB().Get(&note, `SELECT note FROM entries`); err != nil {
				t.Fatal(err)
			}
			if note != "경로당 행사" {
				t.Fatalf("stored note %q (%U); want %q", note, []rune(note), "경로당 행사")
			}
			if got := h.liveSumAll(); got != 5 {
				t.Fatalf("SQL sum %d; want 5", got)
			}
		})
	}
}

// Review r35 B4: a note stored with invisible marks or in NFD before the
// fix is exported as the checks read it, so the ledger's own export
// imports into an empty ledger with the same entries and the same notes
// (each the source's cleaned).
func TestExportOfNoteWithInvisibleMarksImports(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			add := byLang(lang, "add youth %d date:2026-11-%02d note:경로당 행사", "추가 청년 %d 11/%d 메모:경로당 행사")
			for i := 1; i <= 3; i++ {
				h.run(manager, fmt.Sprintf(add, 40-10*i, 10+i), commands.OutcomeOK)
			}
			// As typed before the fix: the marks and NFD went in unread.
			for id, note := range map[int]string{1: "경\u00AD로당 행\u034F사", 2: norm.NFD.String("경로당 행사"), 3: "경로당\uFFA0 행\U000E0020사"} {
				if _, err := h.store.DB().Exec(`UPDATE entries SET note = $1 WHERE id = $2`, note, id); err != nil {
					t.Fatal(err)
				}
			}
			for _, format := range []string{"csv", "xlsx"} {
				name, data := h.exportEntries(lang, format)
				if strings.Contains(string(data), "\u00AD") {
					t.Errorf("%s: the export keeps the soft hyphen", format)
				}
				b := newHarness(t, lang)
				if preview, applied := b.importFile(lang, name, data); applied == "" {
					t.Fatalf("%s: the file was not applied:\n%s", format, preview)
				}
				ar, aj, aa := h.ledgerPrint()
				br, bj, ba := b.ledgerPrint()
				if ar != br || aj != bj || aa != ba {
					t.Errorf("%s: copy %s (%d, %d); source %s (%d, %d)", format, br, bj, ba, ar, aj, aa)
				}
				var notes []string
				if err := b.store.DB().Select(&notes, `SELECT note FROM entries ORDER BY id`); err != nil {
					t.Fatal(err)
				}
				if len(notes) != 3 {
					t.Fatalf("%s: the copy holds %d notes; want 3", format, len(notes))
				}
				for _, n := range notes {
					if n != "경로당 행사" {
						t.Errorf("%s: copy note %q (%U); want %q", format, n, []rune(n), "경로당 행사")
					}
				}
			}
		})
	}
}
