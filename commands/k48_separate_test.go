package commands_test

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// k48Lines are, per language, the lines of review r16 BREAK 3: a 50 on
// 11/1, a 누계 200 on 11/20, a 정정 of the 50 to 80 answered 누계포함:예,
// its 취소, and a 정정 of the 50 to 20 answered 누계포함:아니오.
func k48Lines(lang commands.Lang) (ledger []string, voidReplacement func(id int64) string) {
	if lang == commands.English {
		return []string{"add senior 50 date:2026-11-01", "add senior cumulative 200 date:2026-11-20",
				"correct 1 80 typo within:yes", "undo", "correct 1 20 typo within:no"},
			func(id int64) string { return "void " + strconv.FormatInt(id, 10) + " test" }
	}
	return []string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20",
			"정정 1 80 오타 누계포함:예", "취소", "정정 1 20 오타 누계포함:아니오"},
		func(id int64) string { return "무효 " + strconv.FormatInt(id, 10) + " 테스트" }
}

// liveReplacement is the live delta of 20 the 아니오 정정 recorded.
func (h *harness) liveReplacement() int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT id FROM entries WHERE voided_at IS NULL AND kind = 'delta' AND count = 20`)
}

// A 정정 answered 누계포함:아니오 after an undone 정정 answered 예 comes
// back from an entries export separate, under the harness's standing
// clock as under a replay's --today (review r16 BREAK 3: the export told
// the answer from the stamps, which tied, wrote 누계포함 empty, and the
// importing ledger held 200 where the source held 170). Then voiding the
// replacement in both ledgers leaves both at the same SQL SUM: 200, the
// only figure left, the 누계's (it counted the original 50 and takes it
// up; the -30 answered 아니오 goes with the void: issue 20, review r23 B4).
func TestSeparateCorrectionRoundTripUnderAStandingClock(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			lines, void := k48Lines(lang)
			a := newHarness(t, lang)
			for _, line := range lines {
				a.run(manager, line, commands.OutcomeOK)
			}
			if got := a.liveSumAll(); got != 170 {
				t.Fatalf("ledger A holds %d; want 170 (150 + 20)", got)
			}
			for _, format := range []string{"csv", "xlsx"} {
				name, data := a.exportEntries(lang, format)
				b := newHarness(t, lang)
				_, applied := b.importFile(lang, name, data)
				if got := b.liveSumAll(); got != 170 {
					t.Fatalf("%s: the importing ledger holds %d; want 170 as the source\n%s", format, got, applied)
				}
				b.run(manager, void(b.liveReplacement()), commands.OutcomeOK)
				if got := b.liveSumAll(); got != 200 {
					t.Errorf("%s: after voiding the replacement the importing ledger holds %d; want 200 (the 누계 200 stands)", format, got)
				}
			}
			a.run(manager, void(a.liveReplacement()), commands.OutcomeOK)
			if got := a.liveSumAll(); got != 200 {
				t.Errorf("after voiding the replacement ledger A holds %d; want 200", got)
			}
		})
	}
}

// A ledger restored from a backup, as deploy/README says (pg_dump -Fc,
// pg_restore), loads each table in a transaction of its own: a 정정
// answered 누계포함:예 must still re-base the later 누계 when its
// replacement is voided (review r16 BREAK 1: the restored ledger read it
// as 아니오, and the 누계 200 fell to 120). Without pg_dump the rows are
// rewritten in a later transaction, which changes their xmin as a restore
// does.
func TestRestoredLedgerRebasesAnAnsweredCorrection(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			lines, void := k48Lines(lang)
			a := newHarness(t, lang)
			for _, line := range lines[:3] { // 50, 누계 200, 정정 to 80 누계포함:예 (#3)
				a.run(manager, line, commands.OutcomeOK)
			}
			if got := a.liveSumAll(); got != 200 {
				t.Fatalf("ledger holds %d; want 200 (the 누계 kept)", got)
			}
			b := restored(t, a)
			for _, h := range []*harness{a, b} {
				h.run(manager, void(3), commands.OutcomeOK)
				if got := h.liveSumAll(); got != 200 {
					t.Errorf("after voiding the replacement the ledger holds %d; want 200 (the department reported 200 through 11/20)", got)
				}
				if got := h.sqlInt(`SELECT count FROM entries WHERE id = 2`); got != 200 {
					t.Errorf("#2 counts %d; want 200", got)
				}
			}
		})
	}
}

// restored is a copy of a's ledger made by pg_dump and pg_restore, or,
// where pg_dump is not installed, a itself with every entry_corrections
// and entry_adjustments row rewritten in a transaction of its own.
func restored(t *testing.T, a *harness) *harness {
	t.Helper()
	ctx := context.Background()
	dump, err := exec.LookPath("pg_dump")
	if err != nil {
		if _, err := a.store.DB().ExecContext(ctx, `UPDATE entry_adjustments SET adjusted_at = adjusted_at`); err != nil {
			t.Fatal(err)
		}
		if _, err := a.store.DB().ExecContext(ctx, `UPDATE entry_corrections SET corrected_at = corrected_at`); err != nil {
			t.Fatal(err)
		}
		return a
	}
	var name string
	if err := a.store.DB().GetContext(ctx, &name, `SELECT current_database()`); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(dbtest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	file := filepath.Join(t.TempDir(), "ledger.dump")
	if out, err := exec.Command(dump, "-Fc", "-f", file, "-d", u.String()).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}
	into := dbtest.URL(t)
	if out, err := exec.Command(filepath.Join(filepath.Dir(dump), "pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
		"-d", into, file).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v\n%s", err, out)
	}
	store, err := db.OpenExisting(ctx, into)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	cfg := a.cfg
	cfg.Store = store
	return &harness{t: t, store: store, svc: commands.New(cfg), cfg: cfg}
}

// 취소 of a 정정's 누계포함 question drops it as it drops an add's: the
// question's buttons (누계포함:예 / 아니오) pressed or typed after it
// write nothing and say the question was cancelled (review r16 MINOR 8:
// the 예 line re-based #2 150 → 120 on its first press). Sent again as a
// typed line, the answer records.
func TestCancelledCorrectionQuestionWritesNothing(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			lines, _ := k48Lines(lang)
			correct, undo, held, cancelled := "정정 1 80 오타", "취소", "확인을 기다리던 질문을 취소했습니다",
				"이 입력이 답하는 질문은 `취소`로 취소되어 아무것도 기록하지 않았습니다"
			if lang == commands.English {
				correct, undo, held, cancelled = "correct 1 80 typo", "undo", "Cancelled the question",
					"The question this line answers was cancelled by `undo`, so nothing was recorded"
			}
			h := newHarness(t, lang)
			h.run(manager, lines[0], commands.OutcomeOK)
			h.run(manager, lines[1], commands.OutcomeOK)
			for press := range 2 {
				q := h.run(manager, correct, commands.OutcomeRefused)
				if len(q.Actions) != 2 {
					t.Fatalf("the 누계포함 question has %d buttons:\n%s", len(q.Actions), q.Text())
				}
				mustContain(t, h.run(manager, undo, commands.OutcomeOK).Text(), held)
				mustContain(t, h.run(manager, q.Actions[press].Command, commands.OutcomeRefused).Text(), cancelled)
				if n := h.entriesStored(); n != 2 {
					t.Fatalf("button %d of the cancelled question wrote: %d entries, want 2", press, n)
				}
				if got := h.liveSumAll(); got != 200 {
					t.Fatalf("live sum %d, want 200", got)
				}
				if got := h.sqlInt(`SELECT count FROM entries WHERE id = 2`); got != 150 {
					t.Fatalf("#2 counts %d, want 150", got)
				}
			}
			// Typed again, the 예 answer records: #2 keeps its 200.
			q := h.run(manager, correct, commands.OutcomeRefused)
			h.run(manager, q.Actions[0].Command, commands.OutcomeOK)
			if got := h.liveSumAll(); got != 200 {
				t.Errorf("after the 정정 recorded, live sum %d, want 200", got)
			}
			if got := h.sqlInt(`SELECT count FROM entries WHERE id = 2`); got != 120 {
				t.Errorf("after the 정정 recorded, #2 counts %d, want 120", got)
			}
		})
	}
}

// The button of a question 취소 cancelled is dead: pressed twice (a double
// click is two deliveries under two keys) it records nothing either time
// (review r16 MINOR 5: the second press recorded the entry). A line typed
// after the refusal records, as k41 says.
func TestCancelledQuestionsButtonStaysDead(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                         commands.Lang
		report, add, undo, cancelled string
	}{
		{commands.Korean, "추가 400 invest 누계 날짜:2026-04-30", "추가 30 invest 날짜:2026-04-15", "취소",
			"이 입력이 답하는 질문은 `취소`로 취소되어 아무것도 기록하지 않았습니다"},
		{commands.English, "add 400 invest cumulative date:2026-04-30", "add 30 invest date:2026-04-15", "undo",
			"The question this line answers was cancelled by `undo`, so nothing was recorded"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.report, commands.OutcomeOK)
			q := h.run("U1", tc.add, commands.OutcomeRefused)
			h.run("U1", tc.undo, commands.OutcomeOK)
			for i := range 3 {
				r := h.svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceSlash,
					IdempotencyKey: "press-" + strconv.Itoa(i), Pressed: true}, q.Actions[0].Command)
				if r.Outcome != commands.OutcomeRefused {
					t.Fatalf("press %d of the cancelled question's button: %s\n%s", i+1, r.Outcome, r.Text())
				}
				mustContain(t, r.Text(), tc.cancelled)
				if n := h.entriesStored(); n != 1 {
					t.Fatalf("press %d of the cancelled question's button wrote: %d entries, want 1", i+1, n)
				}
			}
			// The line typed: refused once (it may be the button sent as a
			// line), then it records; 누계포함:예 keeps the 누계 at 400.
			h.run("U1", q.Actions[0].Command, commands.OutcomeRefused)
			h.run("U1", q.Actions[0].Command, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`); got != 400 {
				t.Errorf("live sum %d, want 400", got)
			}
		})
	}
}

// Migration 00047 keeps the answers of the 정정s 1.8.0 asked (told then
// by transaction and stamps): a ledger's rows as 1.8.0 wrote them (the
// column dropped and added again, which rewrites no row, so each keeps
// its transaction), the migration's UPDATE marks the 아니오 정정 separate and
// leaves the 예 정정 alone.
func TestMigration47KeepsTheAnswersOf180(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	for _, line := range []string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20", "정정 1 80 오타 누계포함:예",
		"추가 청년 50 날짜:11/1", "추가 청년 누계 200 날짜:11/20", "정정 4 20 오타 누계포함:아니오"} {
		h.run(manager, line, commands.OutcomeOK)
	}
	up, err := os.ReadFile("../db/migrations/00047_correction_separate.sql")
	if err != nil {
		t.Fatal(err)
	}
	text := string(up)
	update := text[strings.Index(text, "UPDATE entry_corrections c"):strings.Index(text, "-- +goose Down")]
	if _, err := h.store.DB().Exec(`ALTER TABLE entry_corrections DROP COLUMN separate; ALTER TABLE entry_corrections ADD COLUMN separate boolean NOT NULL DEFAULT false`); err != nil {
		t.Fatal(err)
	}
	if _, err := h.store.DB().Exec(update); err != nil {
		t.Fatal(err)
	}
	if got := h.sqlInt(`SELECT count(*) FROM entry_corrections WHERE separate AND old_entry_id = 4`); got != 1 {
		t.Errorf("the 아니오 정정 is not kept separate")
	}
	if got := h.sqlInt(`SELECT count(*) FROM entry_corrections WHERE separate AND old_entry_id = 1`); got != 0 {
		t.Errorf("the 예 정정 is marked separate")
	}
}

// Review r19 F6: a 1.7.0 ledger restored from pg_dump before the upgrade
// (deploy/README's backup step) defeats 00047's backfill, which told a
// 1.7.0 정정 by its transaction: the 예 정정, which re-based the later 누계,
// was marked separate, and a 무효 of its replacement then took 80 out of
// the report it had kept (200 → 120). Migration 00049 gives it back its
// re-basing; the 아니오 정정 stays separate. Then the same 무효 leaves the
// report's 200 (a plain SQL SUM).
func TestMigration49RepairsARestoredLedgersBackfill(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	for _, line := range []string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20", "정정 1 80 오타 누계포함:예",
		"추가 청년 50 날짜:11/1", "추가 청년 누계 200 날짜:11/20", "정정 4 20 오타 누계포함:아니오"} {
		h.run(manager, line, commands.OutcomeOK)
	}
	r := restored(t, h)
	migration := func(file string) string {
		up, err := os.ReadFile("../db/migrations/" + file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(up)
		return text[strings.Index(text, "UPDATE entry_corrections c"):strings.Index(text, "-- +goose Down")]
	}
	// As 1.7.0 left it, restored, then upgraded: 00047's backfill, then 00049.
	if _, err := r.store.DB().Exec(`ALTER TABLE entry_corrections DROP COLUMN separate; ALTER TABLE entry_corrections ADD COLUMN separate boolean NOT NULL DEFAULT false`); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"00047_correction_separate.sql", "00049_correction_separate_repair.sql"} {
		if _, err := r.store.DB().Exec(migration(file)); err != nil {
			t.Fatal(err)
		}
	}
	if got := r.sqlInt(`SELECT count(*) FROM entry_corrections WHERE separate AND old_entry_id = 1`); got != 0 {
		t.Errorf("the 예 정정 is still marked separate")
	}
	if got := r.sqlInt(`SELECT count(*) FROM entry_corrections WHERE separate AND old_entry_id = 4`); got != 1 {
		t.Errorf("the 아니오 정정 is no longer separate")
	}
	r.run(manager, "무효 3 중복 확인", commands.OutcomeOK)
	senior := r.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND program_id = (SELECT id FROM programs WHERE code = 'senior')`)
	if senior != 200 {
		t.Errorf("노인 after 무효 of the 예 정정's replacement: %d, want 200 (the report's 누계)", senior)
	}
}
