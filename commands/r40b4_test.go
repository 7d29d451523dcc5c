package commands_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"jobsbot/commands"
)

// Review r40 B4: once the entry a typed 확인:예 recorded was voided (무효 or
// 취소), every retyped 확인:예 recorded again: three pastes, three entries;
// a 채용's likewise moved three more hires out of its agreement. The yes
// after the void answers the question again, once: a second paste, or
// three sent at once, is told it is recorded already; 확인:다시 records a
// separate batch. SQL SUMs say so.
func TestR40VoidedAnswerReopensOnce(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-04")
			add := byLang(lang, "add women 51 12/2", "추가 여성 51 12/2")
			yes := byLang(lang, "add women 51 12/2 confirm:yes", "추가 여성 51 12/2 확인:예")
			again := byLang(lang, "add women 51 12/2 confirm:again", "추가 여성 51 12/2 확인:다시")
			void := byLang(lang, "void %d mistake", "무효 %d 잘못")
			live := func() int64 {
				return h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`)
			}
			h.run("UK1", add, commands.OutcomeOK)
			h.run("UK1", add, commands.OutcomeRefused) // held: the same entry again
			h.run("UK1", yes, commands.OutcomeOK)
			h.run("UK1", yes, commands.OutcomeRefused) // answered already
			if got := live(); got != 102 {
				t.Fatalf("SUM %d, want 102", got)
			}
			last := h.sqlInt(`SELECT max(id) FROM entries`)
			h.run("UK1", fmt.Sprintf(void, last), commands.OutcomeOK)
			h.run("UK1", yes, commands.OutcomeOK) // the question answered again
			for range 2 {
				h.run("UK1", yes, commands.OutcomeRefused)
			}
			if got := live(); got != 102 {
				t.Fatalf("after the void and three pastes SUM %d, want 102", got)
			}
			// The new answer voided too: one paste records, the rest do not,
			// even sent at once.
			last = h.sqlInt(`SELECT max(id) FROM entries`)
			h.run("UK1", fmt.Sprintf(void, last), commands.OutcomeOK)
			var wg sync.WaitGroup
			outcomes := make([]commands.Outcome, 3)
			for i := range outcomes {
				wg.Go(func() {
					outcomes[i] = h.svc.Handle(context.Background(), commands.Caller{UserID: "UK1", Source: commands.SourceConsole}, yes).Outcome
				})
			}
			wg.Wait()
			if got := live(); got != 102 {
				t.Fatalf("three concurrent pastes after a second void: SUM %d, want 102 (outcomes %v)", got, outcomes)
			}
			h.run("UK1", again, commands.OutcomeOK) // a separate batch, said so
			if got := live(); got != 153 {
				t.Fatalf("after 확인:다시 SUM %d, want 153", got)
			}
		})
	}
}

// The same for a 채용 of an agreement: the hire's yes after a void of its
// answer records once; the agreement's realised hires stay what SQL says.
func TestR40VoidedHireAnswerReopensOnce(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-04")
			h.run("UK2", byLang(lang, "add youth 50 11/1 status:agreed", "추가 청년 50 11/1 상태:약정"), commands.OutcomeOK)
			hire := byLang(lang, "hire 1 3 12/2", "채용 1 3 12/2")
			yes := byLang(lang, "hire 1 3 12/2 confirm:yes", "채용 1 3 12/2 확인:예")
			realised := func() int64 {
				return h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`)
			}
			h.run("UK2", hire, commands.OutcomeOK)
			h.run("UK2", hire, commands.OutcomeRefused)
			h.run("UK2", yes, commands.OutcomeOK)
			last := h.sqlInt(`SELECT max(id) FROM entries`)
			h.run("UK2", fmt.Sprintf(byLang(lang, "void %d mistake", "무효 %d 잘못"), last), commands.OutcomeOK)
			h.run("UK2", yes, commands.OutcomeOK)
			h.run("UK2", yes, commands.OutcomeRefused)
			h.run("UK2", yes, commands.OutcomeRefused)
			if got := realised(); got != 6 {
				t.Fatalf("realised SUM %d, want 6 (two hires of 3)", got)
			}
		})
	}
}
