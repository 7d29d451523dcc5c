package commands_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// recordHold is a store whose next record of a last line (keepLastAction's)
// waits for release, as a slow connection would hold it.
type recordHold struct {
	commands.Store
	armed   atomic.Bool
	release chan struct{}
	landed  chan error
}

func (s *recordHold) RecordLastAction(ctx context.Context, userID string, a commands.LastAction) error {
	if !s.armed.CompareAndSwap(true, false) {
		return s.Store.RecordLastAction(ctx, userID, a)
	}
	<-s.release
	err := s.Store.RecordLastAction(ctx, userID, a)
	s.landed <- err
	return err
}

// liveOf is the plain SQL sum of user's live entries.
func (h *harness) liveOf(user string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE logged_by = $1 AND voided_at IS NULL`, user)
}

type k41Lines struct {
	first, second, undo string
	written, checkList  string
	unfinished, unsaved string
}

var k41Langs = []struct {
	lang commands.Lang
	l    k41Lines
}{
	{commands.Korean, k41Lines{"추가 청년 30 11/2", "추가 청년 7 11/20", "취소",
		"직전 입력(`추가`)은 저장되었으나 무엇을 기록했는지 아직 확인되지 않아", "`목록`에서 확인하시고, 그 입력으로 기록된 실적이 있으면 `무효 <번호> <사유>`",
		"직전 입력(`추가`)은 제시간에 끝나지 않아 저장 여부를 확인하지 못했으므로", "직전 입력(`추가`)은 실적 장부(데이터베이스)에 연결하지 못해 저장되지 않았으므로"}},
	{commands.English, k41Lines{"add 30 youth date:2026-11-02", "add 7 youth date:2026-11-20", "undo",
		"Your last line (`add`) was saved, but what it recorded is not yet known", "Check `list`: if that line recorded an entry, void it with `void <entry number> <reason>`",
		"Your last line (`add`) did not finish in time", "Your last line (`add`) could not reach the jobs ledger and was not saved"}},
}

// Review r13 BREAK 1a: 취소 sent after an add whose record of the last line
// has not landed yet (it is kept after the command, on its own) voided the
// entry before the add. The add's own transaction now marks its line, so
// 취소 then writes nothing and says the line's outcome is not known yet;
// once the record lands, 취소 takes back the add, and never the entry before.
func TestK41UndoRightAfterAnAddNeverReachesPastIt(t *testing.T) {
	t.Parallel()
	for _, tc := range k41Langs {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			l := tc.l
			hold := &recordHold{Store: h.store, release: make(chan struct{}), landed: make(chan error, 1)}
			h.svc = h.with(func(c *commands.Config) { c.Store = hold })
			h.run("U1", l.first, commands.OutcomeOK)
			first := h.newestID()
			hold.armed.Store(true)
			h.run("U1", l.second, commands.OutcomeOK) // its record waits; the reply does not
			second := h.newestID()
			r := h.svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceConsole}, l.undo)
			if h.voided(first) {
				t.Fatalf("취소 right after the add voided #%d, the entry before it:\n%s", first, r.Text())
			}
			if r.Outcome != commands.OutcomeRefused || h.voided(second) {
				t.Fatalf("취소 before the add's record landed: %q, #%d voided %v; want refused, nothing voided:\n%s", r.Outcome, second, h.voided(second), r.Text())
			}
			mustContain(t, r.Text(), l.written, l.checkList)
			if got := h.liveOf("U1"); got != 37 {
				t.Fatalf("live sum %d after the refused 취소, want 37", got)
			}
			close(hold.release)
			if err := <-hold.landed; err != nil {
				t.Fatal(err)
			}
			h.run("U1", l.undo, commands.OutcomeOK)
			if !h.voided(second) || h.voided(first) || h.liveOf("U1") != 30 {
				t.Fatalf("취소 after the record landed: #%d voided %v, #%d voided %v, live %d; want only #%d, 30",
					second, h.voided(second), first, h.voided(first), h.liveOf("U1"), second)
			}
		})
	}
}

// Review r13 BREAK 1b: the records of two lines land in either order; an
// older line's record that lands late must not replace the newer line's,
// or 취소 voids the older line's entry.
func TestK41LateRecordNeverReplacesANewerLine(t *testing.T) {
	t.Parallel()
	for _, tc := range k41Langs {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			now := fixedNow
			h.withClock(&now)
			l := tc.l
			h.run("U1", l.first, commands.OutcomeOK)
			first := h.newestID()
			now = now.Add(time.Minute)
			h.run("U1", l.second, commands.OutcomeOK)
			second := h.newestID()
			// The first line's record, landing only now.
			late := commands.LastAction{Command: "add", Kind: commands.LastEntry, EntryID: first, At: fixedNow}
			if err := h.store.RecordLastAction(context.Background(), "U1", late); err != nil {
				t.Fatal(err)
			}
			h.run("U1", l.undo, commands.OutcomeOK)
			if h.voided(first) || !h.voided(second) || h.liveOf("U1") != 30 {
				t.Fatalf("취소 after a late record: #%d voided %v, #%d voided %v, live %d; want only #%d, 30",
					first, h.voided(first), second, h.voided(second), h.liveOf("U1"), second)
			}
		})
	}
}

// addFails is a store whose adds fail as a stalled or unreachable ledger
// makes them fail: committed but unconfirmed (ErrMaybeSaved), or not reached.
type addFails struct {
	commands.Store
	err error
}

func (s addFails) AddEntry(ctx context.Context, e commands.NewEntry) (commands.AddResult, error) {
	if s.err == commands.ErrMaybeSaved {
		if _, err := s.Store.AddEntry(ctx, e); err != nil {
			return commands.AddResult{}, err
		}
	}
	return commands.AddResult{}, fmt.Errorf("add: %w", s.err)
}

// Item 3 (k41): 취소 after an add that did not finish called it "refused,
// nothing saved". It now says what is known: unconfirmed (check 목록, void
// by number) or not saved; and it writes nothing either way.
func TestK41UndoAfterAnUnfinishedAdd(t *testing.T) {
	t.Parallel()
	for _, tc := range k41Langs {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			l := tc.l
			h.run("U1", l.first, commands.OutcomeOK)
			plain := h.svc
			h.svc = h.with(func(c *commands.Config) { c.Store = addFails{h.store, commands.ErrMaybeSaved} })
			h.run("U1", l.second, commands.OutcomeFailed)
			h.svc = plain
			h.refusedUntouched("U1", l.undo, l.unfinished, l.checkList)
			if got := h.liveOf("U1"); got != 37 {
				t.Fatalf("live sum %d, want 37 (the unconfirmed add was saved; 취소 left both)", got)
			}
			h.svc = h.with(func(c *commands.Config) { c.Store = addFails{h.store, commands.ErrUnavailable} })
			h.run("U1", strings.Replace(l.second, "7", "5", 1), commands.OutcomeFailed)
			h.svc = plain
			h.refusedUntouched("U1", l.undo, l.unsaved)
			if got := h.liveOf("U1"); got != 37 {
				t.Fatalf("live sum %d, want 37", got)
			}
		})
	}
}

// Item 2 (k41): 취소 of a held 누계포함 question dropped it, but the
// question's buttons are whole lines that answer it (누계포함:예 /
// 아니오), and pressing one after 취소 recorded the entry. The line that
// answers a question 취소 cancelled now writes nothing and says so; sent
// again, it records.
func TestK41CancelledQuestionsButtonWritesNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                               commands.Lang
		report, add, undo, held, cancelled string
		repeat                             string
	}{
		{commands.Korean, "추가 400 invest 누계 날짜:2026-04-30", "추가 30 invest 날짜:2026-04-15", "취소",
			"확인을 기다리던 질문을 취소했습니다", "이 입력이 답하는 질문은 `취소`로 취소되어 아무것도 기록하지 않았습니다", "추가 청년 7 11/20"},
		{commands.English, "add 400 invest cumulative date:2026-04-30", "add 30 invest date:2026-04-15", "undo",
			"Cancelled the question", "The question this line answers was cancelled by `undo`, so nothing was recorded", "add 7 youth date:2026-11-20"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.report, commands.OutcomeOK)
			for _, press := range []int{0, 1} {
				q := h.run("U1", tc.add, commands.OutcomeRefused)
				if len(q.Actions) != 2 {
					t.Fatalf("the 누계포함 question has %d buttons:\n%s", len(q.Actions), q.Text())
				}
				mustContain(t, h.run("U1", tc.undo, commands.OutcomeOK).Text(), tc.held)
				r := h.run("U1", q.Actions[press].Command, commands.OutcomeRefused)
				mustContain(t, r.Text(), tc.cancelled)
				if n := h.entriesStored(); n != 1 {
					t.Fatalf("button %d of the cancelled question wrote: %d entries, want 1", press, n)
				}
				if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`); got != 400 {
					t.Fatalf("live sum %d, want 400", got)
				}
			}
			// Sent again, the answer records: 누계포함:예 keeps the 누계 at 400.
			q := h.run("U1", tc.add, commands.OutcomeRefused)
			h.run("U1", q.Actions[0].Command, commands.OutcomeOK)
			if n := h.entriesStored(); n != 2 {
				t.Fatalf("the answer sent after the question was asked again: %d entries, want 2", n)
			}
			// A repeat held for 확인: its Record it button after 취소 too.
			h.run("U1", tc.repeat, commands.OutcomeOK)
			held := h.run("U1", tc.repeat, commands.OutcomeRefused)
			h.run("U1", tc.undo, commands.OutcomeOK)
			mustContain(t, h.run("U1", button(t, held), commands.OutcomeRefused).Text(), tc.cancelled)
			if n := h.entriesStored(); n != 3 {
				t.Fatalf("the cancelled repeat's button wrote: %d entries, want 3", n)
			}
		})
	}
}

// One user's adds and 취소 at once: the adds mark their line last in their
// transactions and 취소 takes the program's lock before the row, so no
// transaction deadlocks; every 취소 that says it undid voided exactly one
// entry, and the totals match the entries.
func TestK41AddsAndUndosOfOneUserAtOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	ctx := context.Background()
	var undone atomic.Int64
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 6 {
				line := fmt.Sprintf("add %d youth confirm:yes", 1+w*6+i) // confirm:yes: a rising count may be as large as the year so far (k42)
				if i%2 == 1 {
					line = "undo"
				}
				r := h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceConsole}, line)
				switch {
				case line == "undo" && r.Outcome == commands.OutcomeOK:
					undone.Add(1)
				case line != "undo" && r.Outcome != commands.OutcomeOK:
					t.Errorf("%q: %s\n%s", line, r.Outcome, r.Text())
				}
			}
		})
	}
	wg.Wait()
	if n := h.store.ConflictRetries(); n != 0 {
		t.Errorf("%d transactions hit a deadlock or serialization failure", n)
	}
	if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NOT NULL`); got != undone.Load() {
		t.Errorf("%d entries voided, %d 취소 said they undid one", got, undone.Load())
	}
	if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL`); got != 24-undone.Load() {
		t.Errorf("%d live entries, want %d", got, 24-undone.Load())
	}
	dbtest.CheckTotals(t, h.store)
}
