package commands_test

import (
	"context"
	"testing"

	"jobsbot/commands"
	"jobsbot/db"
)

// movingStore runs move (a rename or merge) just before the 실적 없음 it
// is asked to record: the move commits between the command's lookup of
// the department and the store's write, as one on another replica, or one
// the 실적 없음 waited for, does.
type movingStore struct {
	*db.Store
	move func(context.Context) error
}

func (m *movingStore) AddNothing(ctx context.Context, n commands.NothingReport) (commands.NothingReport, error) {
	if mv := m.move; mv != nil {
		m.move = nil
		if err := mv(ctx); err != nil {
			return commands.NothingReport{}, err
		}
	}
	return m.Store.AddNothing(ctx, n)
}

// review r2 B0 through the command: a 실적 없음 for a department renamed or
// merged away after the command looked it up is checked against the
// surviving department's jobs and refused naming the move; without jobs
// it is filed under the surviving department. Never a live 실적 없음 beside
// that department's jobs for the month.
func TestNothingForDepartmentMovedAwayMeanwhile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, tc := range []struct {
		name, into string
		move       func(*harness) func(context.Context) error
	}{
		// 노인복지과 logs October jobs and is renamed after the command
		// found none.
		{"rename", "노인일자리과", func(h *harness) func(context.Context) error {
			return func(ctx context.Context) error {
				h.run(manager, "추가 5 senior 날짜:2026-10-07", commands.OutcomeOK)
				_, err := h.store.RenameDepartment(ctx, "노인복지과", "노인일자리과")
				return err
			}
		}},
		// 노인복지과 has no October jobs; 일자리정책과, which it is merged
		// into, has.
		{"merge", "일자리정책과", func(h *harness) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := h.store.MergeDepartments(ctx, "노인복지과", "일자리정책과")
				return err
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, commands.Korean)
			h.run(manager, "추가 3 youth 날짜:2026-10-08", commands.OutcomeOK) // 일자리정책과's October
			ms := &movingStore{Store: h.store, move: tc.move(h)}
			svc := h.with(func(c *commands.Config) { c.Store = ms })
			r := svc.Handle(ctx, commands.Caller{UserID: manager, Source: commands.SourceConsole}, "실적 없음 2026-10 부서:노인복지과")
			if r.Outcome != commands.OutcomeRefused {
				t.Fatalf("outcome %q, want refused:\n%s", r.Outcome, r.Text())
			}
			mustContain(t, r.Text(), "노인복지과", tc.into, "이름이 바뀌었거나 병합되었습니다", "아무것도 저장하지 않았습니다")
			var live int
			if err := h.store.DB().GetContext(ctx, &live, `SELECT count(*) FROM nothing_reports WHERE voided_at IS NULL`); err != nil {
				t.Fatal(err)
			}
			if live != 0 {
				t.Fatalf("%d live 실적 없음 beside %s's October jobs", live, tc.into)
			}

			// September has no jobs: the old name's 실적 없음 is filed under
			// the surviving department and the reply names it.
			r = h.run(manager, "실적 없음 2026-09 부서:노인복지과", commands.OutcomeOK)
			mustContain(t, r.Text(), tc.into)
			var dept string
			if err := h.store.DB().GetContext(ctx, &dept, `SELECT department FROM nothing_reports WHERE voided_at IS NULL`); err != nil {
				t.Fatal(err)
			}
			if dept != tc.into {
				t.Errorf("September's 실적 없음 is filed under %q, want %q", dept, tc.into)
			}
		})
	}
}
