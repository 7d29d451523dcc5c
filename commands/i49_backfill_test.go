package commands_test

import (
	"os"
	"strings"
	"testing"

	"jobsbot/commands"
)

// migration50 is migration 00050's Up and Down.
func migration50(t *testing.T) (up, down string) {
	t.Helper()
	file, err := os.ReadFile("../db/migrations/00050_correction_rebased.sql")
	if err != nil {
		t.Fatal(err)
	}
	text := string(file)
	at := strings.Index(text, "-- +goose Down")
	return text[:at], text[at:]
}

// rebackfill migrates the ledger down to 49 and up again: the column
// goes, as a ledger of 1.9.0 has it, and 00050 adds and backfills it. No
// row is rewritten (a column dropped, or added with a constant default,
// leaves each row's transaction id), so the backfill reads the ledger as
// the upgrade finds it.
func rebackfill(t *testing.T, h *harness) {
	t.Helper()
	up, down := migration50(t)
	for _, q := range []string{down, up} {
		if _, err := h.store.DB().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

// Review r23 B6: a ledger copied by an entries export imported under 1.9.0
// holds the copy's rows from one transaction: the 정정's original, its
// void and every re-basing share one xmin, and the backfill took the
// re-basing made when the original was recorded (누계포함:예, -10) as the
// 정정's (-5): rebased -15 on the copy, -5 on its source, and `목록 무효`
// said "-10개 / 흡수한 정정 +15개" on the copy, "±0개 / +5개" on the source,
// for good. A 정정 the import that recorded its original replayed is read
// from the ledger's order instead: the re-basing made when the original was
// recorded is the first of its re-basings of a report recorded before it.
// The harness's standing clock ties every stamp, as a `console --today`
// replay does.
func TestMigration50BackfillsAnImportedCopyAsItsSource(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		lines := []string{"추가 여성 누계 100 날짜:11/10", "추가 여성 10 날짜:11/5 누계포함:예", "정정 2 15 오기 누계포함:예"}
		if lang == commands.English {
			lines = []string{"add women cumulative 100 date:2026-11-10", "add women 10 date:2026-11-05 within:yes", "correct 2 15 typo within:yes"}
		}
		t.Run(string(lang), func(t *testing.T) {
			a := newHarness(t, lang)
			for _, l := range lines {
				a.run(manager, l, commands.OutcomeOK)
			}
			want := correctionsLine(t, lang, a.run(manager, voidedList(lang), commands.OutcomeOK).Text())
			recorded := a.sqlInt(`SELECT rebased FROM entry_corrections`)
			if recorded != -5 {
				t.Fatalf("the 정정 recorded it re-based the 누계 by %d; want -5 (100 → 90 → 85)", recorded)
			}
			_, data := a.exportEntries(lang, "csv")
			b := newHarness(t, lang)
			if _, applied := b.importFile(lang, "entries.csv", data); applied == "" {
				t.Fatal("the export was not imported")
			}
			for _, sc := range []struct {
				name string
				h    *harness
			}{{"source", a}, {"imported copy", b}, {"imported copy restored", restored(t, b)}} {
				t.Run(sc.name, func(t *testing.T) {
					rebackfill(t, sc.h)
					if got := sc.h.sqlInt(`SELECT rebased FROM entry_corrections`); got != recorded {
						t.Errorf("the backfill gave the 정정 %d; the 정정 recorded %d", got, recorded)
					}
					if got := correctionsLine(t, lang, sc.h.run(manager, voidedList(lang), commands.OutcomeOK).Text()); got != want {
						t.Errorf("after the backfill: %s\nthe source before: %s", got, want)
					}
					women := sc.h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND program_id = (SELECT id FROM programs WHERE code = 'women')`)
					if women != 100 {
						t.Errorf("여성 %d; want the 누계's 100", women)
					}
				})
			}
		})
	}
}

// Review r23 M1: a 정정, its 취소 and a second 정정 of the same figure,
// written under one standing clock and restored from pg_dump: the backfill
// read by stamps took the undone 정정's re-basing (-5) with the second's
// (-2), and `목록 무효` said "-5개 / 흡수 +7개" where the ledger moved ±0
// with +2 absorbed. A re-basing of a report that a later one of another
// cause (the 취소's) undid before the original re-based it again is not
// the 정정's.
func TestMigration50BackfillSkipsAnUndoneCorrection(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		lines := []string{"추가 장애인 10 날짜:11/10", "추가 장애인 누계 100 날짜:11/20", "정정 1 15 오기 누계포함:예", "취소",
			"정정 1 12 오기B 누계포함:예"}
		if lang == commands.English {
			lines = []string{"add disabled 10 date:2026-11-10", "add disabled cumulative 100 date:2026-11-20", "correct 1 15 typo within:yes", "undo",
				"correct 1 12 typoB within:yes"}
		}
		t.Run(string(lang), func(t *testing.T) {
			a := newHarness(t, lang)
			for _, l := range lines {
				a.run(manager, l, commands.OutcomeOK)
			}
			want := correctionsLine(t, lang, a.run(manager, voidedList(lang), commands.OutcomeOK).Text())
			recorded := a.sqlInt(`SELECT rebased FROM entry_corrections`)
			if recorded != -2 {
				t.Fatalf("the 정정 recorded it re-based the 누계 by %d; want -2 (90 → 88)", recorded)
			}
			for _, sc := range []struct {
				name string
				h    *harness
			}{{"as written", a}, {"restored", restored(t, a)}} {
				t.Run(sc.name, func(t *testing.T) {
					rebackfill(t, sc.h)
					if got := sc.h.sqlInt(`SELECT rebased FROM entry_corrections`); got != recorded {
						t.Errorf("the backfill gave the 정정 %d; the 정정 recorded %d", got, recorded)
					}
					if got := correctionsLine(t, lang, sc.h.run(manager, voidedList(lang), commands.OutcomeOK).Text()); got != want {
						t.Errorf("after the backfill: %s\nbefore: %s", got, want)
					}
				})
			}
		})
	}
}

func voidedList(lang commands.Lang) string {
	if lang == commands.English {
		return "list voided"
	}
	return "목록 무효"
}
