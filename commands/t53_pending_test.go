package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r19 F11: a late redelivery of a line already answered (Slack's
// retry of a 정정), arriving while the user's newer line waits on a lock,
// cleared every pending mark up to its own start, the newer line's too:
// 취소 then undid the 정정 while the newer line was still being recorded.
// A redelivery now takes back only its own mark, leaving the newer line's:
// 취소 refuses until that line is answered, then undoes it.
func TestLateRedeliveryLeavesTheNewerLinesPendingMark(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                               commands.Lang
		first, correct, second, undo, says string
	}{
		{commands.Korean, "추가 노인 10", "정정 1 12 오타", "추가 청년 20", "취소", "아직 기록하는 중"},
		{commands.English, "add 10 senior", "correct 1 12 typo", "add 20 youth", "undo", "still being recorded"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.first, commands.OutcomeOK) // #1
			ctx := context.Background()
			a := commands.Caller{UserID: "U1", Source: commands.SourceSlash, IdempotencyKey: "delivery-A"}
			if r := h.svc.Handle(ctx, a, tc.correct); r.Outcome != commands.OutcomeOK { // #2 replaces #1
				t.Fatalf("%s: %s\n%s", tc.correct, r.Outcome, r.Text())
			}
			youth := h.sqlInt(`SELECT id FROM programs WHERE code = 'youth'`)
			conn, err := h.store.DB().Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(4869954, ($1::bigint % 2147483647)::int)`, youth); err != nil {
				t.Fatal(err)
			}
			done := make(chan commands.Reply, 1)
			go func() {
				done <- h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash, IdempotencyKey: "delivery-B"}, tc.second)
			}()
			deadline := time.Now().Add(20 * time.Second)
			for h.sqlInt(`SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`) == 0 {
				if time.Now().After(deadline) {
					t.Fatal("the newer line never waited on the lock")
				}
				time.Sleep(10 * time.Millisecond)
			}
			if r := h.svc.Handle(ctx, a, tc.correct); r.Outcome != commands.OutcomeRepeated { // Slack's late retry of A
				t.Fatalf("the redelivery: %s\n%s", r.Outcome, r.Text())
			}
			r := h.run("U1", tc.undo, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.says)
			if h.voided(2) || !h.voided(1) {
				t.Fatalf("취소 while the newer line waits: #1 voided %v, #2 voided %v; want true, false", h.voided(1), h.voided(2))
			}
			if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_unlock(4869954, ($1::bigint % 2147483647)::int)`, youth); err != nil {
				t.Fatal(err)
			}
			if second := <-done; second.Outcome != commands.OutcomeOK {
				t.Fatalf("the newer line: %s\n%s", second.Outcome, second.Text())
			}
			h.run("U1", tc.undo, commands.OutcomeOK)
			if !h.voided(3) || h.voided(2) {
				t.Fatalf("취소 after the newer line: #2 voided %v, #3 voided %v; want false, true", h.voided(2), h.voided(3))
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`); got != 12 {
				t.Fatalf("SQL sum %d, want 12", got)
			}
		})
	}
}

// Review r19 F13: a replica that died in a user's very first line left
// only the row of its pending mark (no command, kind other). Once the mark
// has run out, 취소 says there is nothing to undo, not "your last action
// (“) recorded no entry".
func TestUndoAfterACrashedFirstLine(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		undo string
	}{
		{commands.Korean, "취소"},
		{commands.English, "undo"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			nothing := h.run("U9", tc.undo, commands.OutcomeRefused).Text() // what 취소 says with no line kept
			if _, err := h.store.DB().Exec(`INSERT INTO last_actions (user_id, command, kind, entry_id, at, undone_at, pending_at)
				VALUES ('U1', '', 'other', NULL, to_timestamp(0), NULL, $1)`, fixedNow.Add(-3*time.Minute)); err != nil {
				t.Fatal(err)
			}
			r := h.run("U1", tc.undo, commands.OutcomeRefused)
			if r.Text() != nothing || strings.Contains(r.Text(), "``") {
				t.Errorf("취소 after a crashed first line:\n%s\nwant:\n%s", r.Text(), nothing)
			}
		})
	}
}
