package commands_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/db/dbtest"
)

// Tests of issue 23 (audit discipline) through the console path, Service.Handle.

// liveCount is the plain SUM of live entries of a program and status in 2026.
func (h *harness) liveSum(code, status string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE p.code = $1 AND e.voided_at IS NULL AND e.status = $2
		  AND e.as_of BETWEEN '2026-01-01' AND '2026-12-31'`, code, status)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

func (h *harness) voided(id int64) bool {
	h.t.Helper()
	var v bool
	if err := h.store.DB().GetContext(context.Background(), &v, `SELECT voided_at IS NOT NULL FROM entries WHERE id = $1`, id); err != nil {
		h.t.Fatal(err)
	}
	return v
}

func TestVoidNeedsAReason(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		void, asks string
	}{
		{commands.English, "void 1", "needs a reason"},
		{commands.Korean, "무효 1", "사유가 필요합니다"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", "add 5 youth", commands.OutcomeOK)
			r := h.run("U1", tc.void, commands.OutcomeRefused)
			noBadVerbs(t, r)
			mustContain(t, r.Text(), tc.asks)
			if h.voided(1) {
				t.Fatal("a void without a reason was written")
			}
			h.run("U1", tc.void+" 중복 기록", commands.OutcomeOK)
			if !h.voided(1) {
				t.Fatal("a void with a reason was not written")
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// 정정 replaces a figure in one step: the old entry stays voided and linked,
// the later cumulative report is recomputed, and every figure agrees with a
// plain SUM.
func TestCorrectionReplacesTheFigureAndKeepsHistory(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 100 youth 날짜:2026-04-10", commands.OutcomeOK)    // #1
	h.run("U1", "추가 500 youth 누계 날짜:2026-04-30", commands.OutcomeOK) // #2: +400
	h.run("U2", "정정 1 120 중복 집계", commands.OutcomeRefused)           // not U2's
	r := h.run("U1", "정정 1 120", commands.OutcomeRefused)            // no reason
	mustContain(t, r.Text(), "사유가 필요합니다")
	if h.voided(1) {
		t.Fatal("a correction without a reason wrote something")
	}

	r = h.run("U1", "정정 1 120 4월 보고 오기 누계포함:예", commands.OutcomeOK) // inside #2 (review r13 S6 asks)
	noBadVerbs(t, r)
	mustContain(t, r.Text(), "#1 정정: 청년일자리 100개 → 120개 (새 번호 #3)", "사유: 4월 보고 오기",
		"#2", "400개", "380개", "2026년 누계(정정 후): 500개")
	if !h.voided(1) || h.voided(3) {
		t.Fatal("the old entry must be voided and the new one live")
	}
	if got := h.sumThrough("youth", "2026-04-30"); got != 500 {
		t.Errorf("total through 4/30 = %d, want the 500 the cumulative report stated", got)
	}
	list := h.run("U1", "목록", commands.OutcomeOK).Text()
	mustContain(t, list, "#3으로 정정됨", "#1 정정분(사유: 4월 보고 오기)")

	// A manager may correct anyone's entry; the new figure counts.
	h.run(manager, "정정 3 90 재확인 누계포함:예", commands.OutcomeOK)
	if got := h.sumThrough("youth", "2026-04-30"); got != 500 {
		t.Errorf("total through 4/30 = %d after the second correction, want 500", got)
	}
	if got, want := h.liveSum("youth", "realised"), int64(500); got != want {
		t.Errorf("live youth = %d, want %d", got, want)
	}
	st := h.run(manager, "현황 사업:youth", commands.OutcomeOK).Text()
	mustContain(t, st, "500")
	dbtest.CheckTotals(t, h.store)
}

func TestHireTurnsAnAgreementIntoJobs(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 10 invest 상태:약정 날짜:2026-03-02", commands.OutcomeOK) // #1
	r := h.run("U1", "채용 1 4 2026-04-15", commands.OutcomeOK)
	noBadVerbs(t, r)
	mustContain(t, r.Text(), "약정 #1 중 4개 채용 전환", "전체 10개 · 채용 4개 · 남은 수 6개")
	r = h.run("U1", "채용 1 7", commands.OutcomeRefused)
	noBadVerbs(t, r)
	mustContain(t, r.Text(), "남은 수 6개", "기록하지 않았습니다")
	r = h.run("U2", "채용 1 6 2026-05-20", commands.OutcomeOK)
	mustContain(t, r.Text(), "남은 수 0개", "전량 이행")
	h.run("U2", "채용 1 1", commands.OutcomeRefused)
	h.run("U2", "채용 2 1", commands.OutcomeRefused) // #2 is a hire, not an agreement

	if got := h.liveSum("invest", "realised"); got != 10 {
		t.Errorf("realised invest = %d, want 10", got)
	}
	if got := h.liveSum("invest", "agreed"); got != 10 {
		t.Errorf("agreed invest = %d, want the agreement's 10 to stay", got)
	}
	st := h.run("U1", "현황", commands.OutcomeOK).Text()
	mustContain(t, st, "약정 이행", "약정 10개 · 채용 10개 · 이행률 100%")
	rep := h.run("U1", "보고서", commands.OutcomeOK).Text()
	mustContain(t, rep, "약정 10개 · 채용 10개 · 이행률 100%")
	dbtest.CheckTotals(t, h.store)
}

// Two hires of one agreement at once can never realise more than its size.
func TestHireNeverRealisesBeyondTheAgreement(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run("U1", "add 10 invest status:agreed date:2026-03-02", commands.OutcomeOK)
	var wg sync.WaitGroup
	outcomes := make(chan commands.Outcome, 8)
	for i := range 8 {
		wg.Go(func() {
			c := commands.Caller{UserID: fmt.Sprintf("U%d", i+1), Source: commands.SourceConsole, IdempotencyKey: "hire-" + string(rune('a'+i))}
			// confirm:yes: the same hire typed again is held as a repeat
			// (review r5 S7); confirmed, only the agreement's size limits it.
			// Eight people: one person's confirm:yes with no question
			// records once a day (links5).
			outcomes <- h.svc.Handle(context.Background(), c, "hire 1 3 confirm:yes").Outcome
		})
	}
	wg.Wait()
	close(outcomes)
	ok := 0
	for o := range outcomes {
		if o == commands.OutcomeOK {
			ok++
		}
	}
	if ok != 3 {
		t.Errorf("%d hires of 3 out of an agreement of 10 succeeded, want 3", ok)
	}
	if got := h.liveSum("invest", "realised"); got != 9 {
		t.Errorf("realised = %d, want 9", got)
	}
	dbtest.CheckTotals(t, h.store)
}

// closedOn is how replies write the day a close made now is stamped: the
// service's clock (the test's fixed one), like every other write, so a
// --today replay dates its closes in the replayed month.
func closedOn() string {
	d := dates.Today(fixedNow, dates.Seoul())
	return d.Format("2006. 1. 2.")
}

func TestMonthClose(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	stamp := "2026년 4월 마감 (" + closedOn() + ", UMANAGER)"
	h.run("U1", "추가 5 youth 날짜:2026-04-20", commands.OutcomeOK) // #1
	h.run("U1", "마감 4월", commands.OutcomeRefused)               // managers only
	r := h.svc.Handle(context.Background(), commands.Caller{UserID: manager, IdempotencyKey: "close-1"}, "마감 4월")
	if r.Outcome != commands.OutcomeOK {
		t.Fatalf("close: %s", r.Text())
	}
	mustContain(t, r.Text(), stamp)
	// Redelivered: recorded once.
	r = h.svc.Handle(context.Background(), commands.Caller{UserID: manager, IdempotencyKey: "close-1"}, "마감 4월")
	if r.Outcome != commands.OutcomeRepeated {
		t.Fatalf("redelivered close: %s %s", r.Outcome, r.Text())
	}
	h.run(manager, "마감 2026-04", commands.OutcomeRepeated)

	// Staff: refused, naming the month, who and when, and whom to ask.
	for _, line := range []string{"추가 3 youth 날짜:2026-04-21", "무효 1 중복", "정정 1 6 오기", "추가 3 youth 날짜:2026-04-30 사유:늦은 보고"} {
		r := h.run("U1", line, commands.OutcomeRefused)
		noBadVerbs(t, r)
		mustContain(t, r.Text(), "2026년 4월은 마감되었습니다("+closedOn()+", UMANAGER)", "관리자(UMANAGER)에게 요청하세요")
	}
	if h.voided(1) || h.entryCount() != 1 {
		t.Fatal("a staff change to a closed month was written")
	}
	// Other months are open.
	h.run("U1", "추가 2 youth 날짜:2026-05-02", commands.OutcomeOK) // #2

	// A manager needs a reason, and the change is marked.
	r = h.run(manager, "추가 3 youth 날짜:2026-04-21", commands.OutcomeRefused)
	mustContain(t, r.Text(), "마감 후 정정에는 사유가 필요합니다")
	r = h.run(manager, "추가 3 youth 날짜:2026-04-21 사유:도 요청으로 추가", commands.OutcomeOK) // #3
	mustContain(t, r.Text(), "'마감 후 정정'으로 표시했습니다")
	r = h.run(manager, "무효 1 중복 기록", commands.OutcomeOK)
	mustContain(t, r.Text(), "'마감 후 정정'으로 표시했습니다")
	list := h.run(manager, "목록", commands.OutcomeOK).Text()
	if n := strings.Count(list, "마감 후 정정"); n != 2 {
		t.Errorf("list marks %d entries 마감 후 정정, want 2 (#1 voided, #3 added):\n%s", n, list)
	}
	st := h.run("U1", "현황 4월", commands.OutcomeOK).Text()
	mustContain(t, st, stamp, "마감 후 정정 2건")
	rep := h.run("U1", "보고서", commands.OutcomeOK).Text()
	mustContain(t, rep, stamp, "마감 후 정정 2건")
	if got := h.sumThrough("youth", "2026-04-30"); got != 3 {
		t.Errorf("April = %d, want the manager's 3", got)
	}
	// The close and the after-close marks carry the service's clock (review
	// 19: a --today replay showed the real day seven months on).
	for _, q := range []string{
		`SELECT closed_at FROM month_closes WHERE month = '2026-04-01'`,
		`SELECT min(changed_at) FROM entry_after_close`, `SELECT max(changed_at) FROM entry_after_close`,
		`SELECT min(acted_at) FROM month_close_history`,
	} {
		if at := h.stamp(q); !at.Equal(fixedNow) {
			t.Errorf("%s = %s, want the service's clock %s", q, at, fixedNow)
		}
	}

	// Reminders are not sent for a closed month.
	plan, err := h.svc.PlanReminders(context.Background(), dates.On(2026, time.April, 1), commands.RoundFirst)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Closed == nil || len(plan.Silent) != 0 {
		t.Errorf("closed April plans reminders: %+v", plan)
	}

	// Digest of the week mentions the change after close.
	d, err := h.svc.Digest(context.Background(), dates.Today(fixedNow, dates.Seoul())) // changes are stamped by the service's clock
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, h.svc.DigestReply(d).Text(), "마감 후 정정", "사유: 도 요청으로 추가")

	// The add form marks the date field.
	if _, errs := h.svc.SubmitAddForm(context.Background(), commands.Caller{UserID: "U1"},
		commands.AddForm{Program: "youth", Count: "3", Date: "2026-04-22"}); !strings.Contains(errs[commands.FieldDate], "마감되었습니다") {
		t.Errorf("add form in a closed month: %v", errs)
	}

	// Reopening needs a reason; then staff may write again.
	r = h.run(manager, "마감 해제 4월", commands.OutcomeRefused)
	mustContain(t, r.Text(), "사유가 필요합니다")
	r = h.run(manager, "마감 해제 4월 도 정정 요청", commands.OutcomeOK)
	mustContain(t, r.Text(), "2026년 4월 마감을 해제했습니다", "사유: 도 정정 요청")
	if at := h.stamp(`SELECT acted_at FROM month_close_history WHERE action = 'reopen'`); !at.Equal(fixedNow) {
		t.Errorf("reopen stamped %s, want the service's clock %s", at, fixedNow)
	}
	h.run("U1", "추가 3 youth 날짜:2026-04-21 확인:예", commands.OutcomeOK) // the same line as before the close: confirmed
	dbtest.CheckTotals(t, h.store)
}

// The add batch checks closed months under its programs' locks: adds racing
// a close are either written before it or refused, never after it.
func TestCloseRacesAdds(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	var wg sync.WaitGroup
	type result struct {
		count int64
		reply commands.Reply
	}
	results := make(chan result, 40)
	for i := range 40 {
		// each add differs in date or count, so the repeat guard holds none
		count, line := int64(1+i/30), fmt.Sprintf("add %d youth date:2026-04-%02d", 1+i/30, 1+i%30)
		wg.Go(func() {
			results <- result{count, h.svc.Handle(context.Background(), commands.Caller{UserID: "U1"}, line)}
		})
		if i == 20 {
			wg.Go(func() { h.run(manager, "close 2026-04", commands.OutcomeOK) })
		}
	}
	wg.Wait()
	close(results)
	recorded := int64(0)
	for res := range results {
		switch r := res.reply; r.Outcome {
		case commands.OutcomeOK:
			recorded += res.count
		case commands.OutcomeRefused:
			mustContain(t, r.Text(), "2026-04 is closed")
		default:
			t.Errorf("add: %s %s", r.Outcome, r.Text())
		}
	}
	if got := h.sumThrough("youth", "2026-04-30"); got != recorded {
		t.Errorf("April holds %d, but adds of %d were confirmed", got, recorded)
	}
	// Every April entry was written before the close's row: the close
	// waited for them (it holds every program's lock). Both are stamped with
	// the service's one clock, so the order is the transactions' own: a
	// transaction ID is assigned at its first write, under the locks.
	var late int
	err := h.store.DB().GetContext(context.Background(), &late, `
		SELECT count(*) FROM entries e, month_closes c
		WHERE c.month = '2026-04-01' AND e.as_of BETWEEN '2026-04-01' AND '2026-04-30'
		  AND e.xmin::text::bigint > c.xmin::text::bigint`)
	if err != nil {
		t.Fatal(err)
	}
	if late != 0 {
		t.Errorf("%d April entries were started after the close", late)
	}
	h.run("U1", "add 1 youth date:2026-04-11", commands.OutcomeRefused)
	dbtest.CheckTotals(t, h.store)
}

func TestTargetChangeAndMoveBackNeedAReason(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "목표 2만500", commands.OutcomeOK)
	r := h.run(manager, "목표 2만1천", commands.OutcomeRefused)
	mustContain(t, r.Text(), "사유가 필요합니다")
	h.run(manager, "목표 2만1천 사유:추경 반영", commands.OutcomeOK)
	hist := h.run(manager, "목표 이력", commands.OutcomeOK).Text()
	mustContain(t, hist, "20,500개 → 21,000개", "사유: 추경 반영")

	h.run("U1", `후보 추가 "한빛협동조합"`, commands.OutcomeOK)
	h.run("U1", "후보 이동 1 설명회", commands.OutcomeOK)
	r = h.run("U1", "후보 이동 1 발굴", commands.OutcomeRefused)
	mustContain(t, r.Text(), "사유가 필요합니다")
	h.run("U1", "후보 이동 1 발굴 자격 요건 재확인", commands.OutcomeOK)
}

// names is a PeopleNames as the bot's would be.
type names map[string]string

func (n names) NameOf(_ context.Context, id string) string { return n[id] }

func TestRepliesShowPeopleByName(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.svc = h.svc.WithPeople(names{"U1": "김한빛", manager: "이과장"})
	r := h.run("U1", "추가 5 youth 날짜:2026-04-20", commands.OutcomeOK)
	mustContain(t, r.Text(), "기록자 김한빛")
	h.run(manager, "무효 1 중복", commands.OutcomeOK)
	h.run("U2", "추가 3 youth", commands.OutcomeOK) // U2 has no name: the ID
	list := h.run("U1", "목록", commands.OutcomeOK).Text()
	mustContain(t, list, "김한빛", "이과장 무효 처리", "U2")
	if strings.Contains(list, "U1") || strings.Contains(list, manager) {
		t.Errorf("list shows IDs of named people:\n%s", list)
	}
	r = h.run(manager, "마감 4월", commands.OutcomeOK)
	mustContain(t, r.Text(), "2026년 4월 마감 ("+closedOn()+", 이과장)")
}

// A void in an open month that would recompute a cumulative report in a
// closed month changes the closed month: staff are refused.
func TestVoidThatWouldChangeAClosedMonthIsRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 100 youth 날짜:2026-03-10", commands.OutcomeOK)    // #1, March stays open
	h.run("U1", "추가 500 youth 누계 날짜:2026-04-30", commands.OutcomeOK) // #2: +400, April
	h.run(manager, "마감 4월", commands.OutcomeOK)
	r := h.run("U1", "무효 1 중복", commands.OutcomeRefused)
	mustContain(t, r.Text(), "2026년 4월은 마감되었습니다")
	if h.voided(1) {
		t.Fatal("the void was written")
	}
	h.run(manager, "무효 1 중복", commands.OutcomeOK)
	if got := h.sumThrough("youth", "2026-04-30"); got != 500 {
		t.Errorf("through 4/30 = %d, want the report's 500", got)
	}
	dbtest.CheckTotals(t, h.store)
}
