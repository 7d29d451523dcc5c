package commands_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r16 BREAK 2: a line is marked in the transaction of its write, so
// while its write waited on a lock (another user's import holding the
// program) 취소 saw the line before it and voided that entry. Now a write
// line marks itself pending before it runs: 취소 sent meanwhile refuses,
// writing nothing, and after the line is answered 취소 takes back that
// line's entry. Review r19 F1: the add form (the modal) is such a line
// too, and was not marked.
func TestUndoWhileTheNewerLineWaitsOnALock(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                commands.Lang
		first, second, undo string
		says                string
		viaForm             bool // the second line is the add form's, as the modal sends it
	}{
		{commands.Korean, "추가 노인 10", "추가 청년 20", "취소", "아직 기록하는 중", false},
		{commands.English, "add 10 senior", "add 20 youth", "undo", "still being recorded", false},
		{commands.Korean, "추가 노인 10", "", "취소", "아직 기록하는 중", true},
		{commands.English, "add 10 senior", "", "undo", "still being recorded", true},
	} {
		t.Run(fmt.Sprintf("%s/form=%t", tc.lang, tc.viaForm), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.first, commands.OutcomeOK) // #1
			youth := h.sqlInt(`SELECT id FROM programs WHERE code = 'youth'`)

			// Another session holds youth's write lock, as an import does.
			ctx := context.Background()
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
				if tc.viaForm {
					r, errs := h.svc.SubmitAddForm(ctx, commands.Caller{UserID: "U1", Source: commands.SourceModal, IdempotencyKey: "view:V1"},
						commands.AddForm{Program: "youth", Count: "20"})
					if len(errs) > 0 {
						t.Errorf("the form: %v", errs)
					}
					done <- r
					return
				}
				done <- h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash}, tc.second)
			}()
			// The second line waits on the lock.
			deadline := time.Now().Add(20 * time.Second)
			for h.sqlInt(`SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`) == 0 {
				if time.Now().After(deadline) {
					t.Fatal("the second line never waited on the lock")
				}
				time.Sleep(10 * time.Millisecond)
			}

			r := h.run("U1", tc.undo, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.says)
			if h.voided(1) {
				t.Fatal("취소 voided #1, the line before the one still running")
			}

			if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_unlock(4869954, ($1::bigint % 2147483647)::int)`, youth); err != nil {
				t.Fatal(err)
			}
			if second := <-done; second.Outcome != commands.OutcomeOK {
				t.Fatalf("second line: %s\n%s", second.Outcome, second.Text())
			}
			h.run("U1", tc.undo, commands.OutcomeOK)
			if h.voided(1) || !h.voided(2) {
				t.Fatalf("after the second line: #1 voided %v, #2 voided %v; want false, true", h.voided(1), h.voided(2))
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`); got != 10 {
				t.Fatalf("SQL sum %d, want 10", got)
			}
		})
	}
}
