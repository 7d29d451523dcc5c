package commands_test

import (
	"context"
	"testing"
	"time"

	"jobsbot/commands"
)

// stamp reads one timestamp column straight from the table.
func (h *harness) stamp(q string, args ...any) time.Time {
	h.t.Helper()
	var at time.Time
	if err := h.store.DB().GetContext(context.Background(), &at, q, args...); err != nil {
		h.t.Fatal(err)
	}
	return at
}

// A replayed session (--today moves the service's clock) records and shows
// its own dates everywhere: 기록 일시, voids, target history, candidate
// history, and a past week's digest shows that week's target and stages.
func TestReplayedSessionRecordsItsOwnDates(t *testing.T) {
	t.Parallel()
	seoul := time.FixedZone("KST", 9*3600)
	noon := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 12, 0, 0, 0, seoul) }
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newClockHarness(t, lang, time.Date(2026, 1, 5, 3, 0, 0, 0, time.UTC))
		h.run(manager, "target 20500", commands.OutcomeOK)

		h.at(2026, time.April, 7) // Tuesday of 2026-W15
		h.run("U1", "candidate add 한빛베이커리협동조합 kind:cooperative", commands.OutcomeOK)
		h.run("U1", "add 100 youth date:2026-04-06", commands.OutcomeOK)
		h.run("U1", "add 40 senior date:2026-04-06", commands.OutcomeOK)
		h.at(2026, time.April, 8)
		h.run("U1", "candidate move 1 review", commands.OutcomeOK)
		h.run("U1", "void 2 typed twice", commands.OutcomeOK)

		h.at(2026, time.May, 20) // later: the candidate applies, the target is revised
		h.run("U1", "candidate move 1 briefing", commands.OutcomeOK)
		h.run("U1", "candidate move 1 applied", commands.OutcomeOK)
		h.run(manager, "target 21000 reason:추경", commands.OutcomeOK)

		for _, tt := range []struct {
			what string
			got  time.Time
			want time.Time
		}{
			{"entry #1 created_at", h.stamp(`SELECT created_at FROM entries WHERE id = 1`), noon(4, 7)},
			{"entry #2 voided_at", h.stamp(`SELECT voided_at FROM entries WHERE id = 2`), noon(4, 8)},
			{"first target revision", h.stamp(`SELECT min(changed_at) FROM target_revisions`), noon(1, 5)},
			{"second target revision", h.stamp(`SELECT max(changed_at) FROM target_revisions`), noon(5, 20)},
			{"candidate created", h.stamp(`SELECT created_at FROM candidates WHERE id = 1`), noon(4, 7)},
			{"candidate's first move", h.stamp(`SELECT min(moved_at) FROM candidate_moves WHERE from_stage IS NOT NULL`), noon(4, 8)},
			{"candidate's last move", h.stamp(`SELECT max(moved_at) FROM candidate_moves`), noon(5, 20)},
		} {
			if !tt.got.Equal(tt.want) {
				t.Errorf("%s: %s, want %s (the session's clock)", tt.what, tt.got, tt.want)
			}
		}

		// Shown as recorded: the void's time, the target history.
		voided := h.run("U1", map[commands.Lang]string{commands.English: "list voided 2026-04", commands.Korean: "목록 무효 2026년 4월"}[lang], commands.OutcomeOK).Text()
		mustContain(t, voided, map[commands.Lang]string{commands.English: "voided 2026-04-08 12:00", commands.Korean: "무효 처리 2026. 4. 8. 12:00"}[lang])
		history := h.run(manager, map[commands.Lang]string{commands.English: "target history", commands.Korean: "목표 이력"}[lang], commands.OutcomeOK).Text()
		mustContain(t, history, map[commands.Lang]string{commands.English: "2026-01-05 12:00", commands.Korean: "2026. 1. 5. 12:00"}[lang],
			map[commands.Lang]string{commands.English: "2026-05-20 12:00", commands.Korean: "2026. 5. 20. 12:00"}[lang])

		// The digest of 2026-W15, made on May 20: that week's target, the
		// pipeline as it stood on Sunday April 12, that week's moves and voids.
		d, err := h.svc.Digest(context.Background(), time.Date(2026, 4, 6, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if d.Target != 20500 || d.TargetNow != 21000 {
			t.Errorf("W15 digest target %d (now %d); want 20,500 then, 21,000 now", d.Target, d.TargetNow)
		}
		if d.Stages[commands.StageReview] != 1 || d.Stages[commands.StageApplied] != 0 {
			t.Errorf("W15 digest stages %v; want the candidate at review, as on April 12", d.Stages)
		}
		if len(d.NewCandidates) != 1 || len(d.Moves) != 1 || len(d.Voided) != 1 || d.Voided[0].ID != 2 {
			t.Errorf("W15 digest: new %v, moves %v, voided %v", d.NewCandidates, d.Moves, d.Voided)
		}
		if d.Week.Jobs != h.sumSQL("", time.Date(2026, 4, 6, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 12, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("W15 digest week %d", d.Week.Jobs)
		}
		// The week of May 18 sees the candidate applied, and the new target.
		d, err = h.svc.Digest(context.Background(), time.Date(2026, 5, 18, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if d.Target != 21000 || d.Stages[commands.StageApplied] != 1 || len(d.Moves) != 2 {
			t.Errorf("W21 digest: target %d, stages %v, moves %d", d.Target, d.Stages, len(d.Moves))
		}
	}
}
