package commands_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/db/dbtest"
)

// Tests of the second hostile pass over the fixes of issue 20 (items C–J).

// orphanHires counts live hires (채용) linked to a voided agreement: what a
// void of the agreement must never leave, since 약정 이행 would then sum
// fewer hires than the live hire entries.
func (h *harness) orphanHires() int {
	h.t.Helper()
	var n int
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT count(*) FROM agreement_hires l
		JOIN entries hire ON hire.id = l.hire_entry_id AND hire.voided_at IS NULL
		JOIN entries a ON a.id = l.agreement_entry_id AND a.voided_at IS NOT NULL`)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// D: an agreement with live hires cannot be voided; the refusal names the
// hires and says what to do. Once they are voided, the agreement can be.
func TestVoidingAnAgreementWithLiveHiresIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		void, want string
	}{
		{commands.Korean, "무효 1 약정 취소됨", "#2(4개)"},
		{commands.English, "void 1 agreement withdrawn", "#2 (4)"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "add 10 senior date:2026-08-03 status:agreed", commands.OutcomeOK) // #1
			h.run(manager, "hire 1 4 2026-08-10", commands.OutcomeOK)                         // #2
			r := h.run(manager, tc.void, commands.OutcomeRefused)
			noBadVerbs(t, r)
			mustContain(t, r.Text(), tc.want)
			if tc.lang == commands.Korean {
				mustContain(t, r.Text(), "약정 #1", "무효로 할 수 없습니다", "/jobs 무효 <번호> <사유>", "/jobs 정정 1 <수> <사유>", "아무것도 바꾸지 않았습니다")
			}
			if h.voided(1) || h.orphanHires() != 0 {
				t.Fatalf("the refused void voided the agreement (%v) or left orphan hires (%d)", h.voided(1), h.orphanHires())
			}
			st := h.run(manager, "status", commands.OutcomeOK).Text()
			if tc.lang == commands.Korean {
				mustContain(t, st, "약정 10개 · 채용 4개")
			}
			if got := h.realisedBy(1); got != h.liveSum("senior", "realised") {
				t.Errorf("agreement #1 realised %d, realised senior jobs %d", got, h.liveSum("senior", "realised"))
			}
			h.run(manager, "void 2 hire withdrawn", commands.OutcomeOK)
			h.run(manager, "void 1 agreement withdrawn", commands.OutcomeOK)
			if h.orphanHires() != 0 {
				t.Errorf("%d orphan hires", h.orphanHires())
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// D: undoing (취소) a correction of an agreement whose hires moved to the
// correction brings the original agreement back with its hires: the hires
// are never left linked to a voided entry, and nothing is realised twice.
// (Until 취소 restored corrections, this was refused.)
func TestUndoingACorrectedAgreementWithHiresRestoresItsHires(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 10 senior 날짜:2026-08-03 상태:약정", commands.OutcomeOK) // #1
	h.run(manager, "채용 1 4 2026-08-10", commands.OutcomeOK)                // #2
	h.run(manager, "정정 1 12 규모 변경", commands.OutcomeOK)                    // #3, hires move to it
	r := h.run(manager, "취소", commands.OutcomeOK)
	noBadVerbs(t, r)
	mustContain(t, r.Text(), "#3 정정을 취소했습니다", "#1")
	if !h.voided(3) || h.voided(1) || h.orphanHires() != 0 {
		t.Fatalf("after 취소: #3 voided %v, #1 voided %v, %d orphan hires", h.voided(3), h.voided(1), h.orphanHires())
	}
	if got := h.realisedBy(1); got != 4 || h.liveSum("senior", "realised") != 4 {
		t.Errorf("agreement #1 realised %d, realised senior jobs %d; want 4 and 4", got, h.liveSum("senior", "realised"))
	}
	st := h.run(manager, "현황", commands.OutcomeOK).Text()
	mustContain(t, st, "약정 10개 · 채용 4개")
	dbtest.CheckTotals(t, h.store)
}

// runAs runs a line as a Slack caller with its own delivery key.
func (h *harness) runAs(user, key, line string, want commands.Outcome) commands.Reply {
	h.t.Helper()
	r := h.svc.Handle(context.Background(), commands.Caller{UserID: user, Source: commands.SourceSlash, IdempotencyKey: key}, line)
	if r.Outcome != want {
		h.t.Fatalf("%q as %s: outcome %q, want %q; reply:\n%s", line, user, r.Outcome, want, r.Text())
	}
	return r
}

// E: typing 확인:예 and pressing the Record it button for the same held add
// record it once, in either order; a later question about the same line is
// answered anew.
func TestTypedAndPressedConfirmationRecordOnce(t *testing.T) {
	t.Parallel()
	for _, buttonFirst := range []bool{true, false} {
		t.Run(map[bool]string{true: "button first", false: "typed first"}[buttonFirst], func(t *testing.T) {
			h := newHarness(t, commands.Korean)
			h.runAs("U1", "k1", "추가 5 youth 날짜:2026-11-20", commands.OutcomeOK)
			held := h.runAs("U1", "k2", "추가 5 youth 날짜:2026-11-20", commands.OutcomeRefused)
			if len(held.Actions) != 1 || held.Actions[0].ID != commands.ActionConfirm {
				t.Fatalf("the repeat was not held with a button:\n%s", held.Text())
			}
			button := func(want commands.Outcome) { h.runAs("U1", "k3", held.Actions[0].Command, want) }
			typed := func(want commands.Outcome) {
				h.runAs("U1", "k4", "추가 5 youth 날짜:2026-11-20 확인:예", want)
			}
			// The button first answers the question: the typed yes after it
			// is the same answer and records nothing (review r29 B7).
			want := 2
			if buttonFirst {
				button(commands.OutcomeOK)
				typed(commands.OutcomeRefused)
			} else {
				typed(commands.OutcomeOK)
				button(commands.OutcomeRepeated)
			}
			if n := h.entriesStored(); n != want {
				t.Fatalf("%d entries after one held add was confirmed both ways, want %d", n, want)
			}
			held = h.runAs("U1", "k5", "추가 5 youth 날짜:2026-11-20", commands.OutcomeRefused) // asked again
			h.runAs("U1", "k6", "추가 5 youth 날짜:2026-11-20 확인:예", commands.OutcomeOK)
			h.runAs("U1", "k7", held.Actions[0].Command, commands.OutcomeRepeated)
			if n := h.entriesStored(); n != want+1 {
				t.Fatalf("%d entries after a second question was confirmed, want %d", n, want+1)
			}
			if got := h.liveSum("youth", "realised"); got != int64(5*(want+1)) {
				t.Errorf("youth = %d, want %d", got, 5*(want+1))
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// F: a manager's void of a closed month's 실적 없음 is a change after close,
// marked and shown as an entry's is: in the reply, in status and the report
// of that month, and in the digest's 마감 후 정정.
func TestVoidOfNothingInAClosedMonthIsMarked(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("U1", "실적없음 2026-09 부서:노인복지과", commands.OutcomeOK)
	var id int64
	if err := h.store.DB().GetContext(context.Background(), &id, `SELECT id FROM nothing_reports`); err != nil {
		t.Fatal(err)
	}
	h.run(manager, "마감 2026-09", commands.OutcomeOK)
	r := h.run(manager, fmt.Sprintf("무효 %d 도 확인 결과 실적 있음", id), commands.OutcomeOK)
	mustContain(t, r.Text(), "'마감 후 정정'으로 표시했습니다")
	st := h.run("U1", "현황 9월", commands.OutcomeOK).Text()
	mustContain(t, st, fmt.Sprintf("마감 후 정정 1건: #%d", id))
	d, err := h.svc.Digest(context.Background(), dates.Today(fixedNow, dates.Seoul()))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, h.svc.DigestReply(d).Text(), "마감 후 정정", fmt.Sprintf("#%d", id), "노인복지과", "'실적 없음' 무효", "사유: 도 확인 결과 실적 있음")
	// A void in an open month is no change after close.
	h.run("U1", "실적없음 2026-10 부서:노인복지과", commands.OutcomeOK)
	var oct int64
	if err := h.store.DB().GetContext(context.Background(), &oct, `SELECT id FROM nothing_reports WHERE month = '2026-10-01'`); err != nil {
		t.Fatal(err)
	}
	r = h.run(manager, fmt.Sprintf("무효 %d 잘못 기록", oct), commands.OutcomeOK)
	if strings.Contains(r.Text(), "마감 후 정정") {
		t.Errorf("a void in an open month is marked:\n%s", r.Text())
	}
	st = h.run("U1", "현황 10월", commands.OutcomeOK).Text()
	if strings.Contains(st, "마감 후 정정") {
		t.Errorf("October shows a change after close:\n%s", st)
	}
}

// countingDigests and countingReminders count what they were asked to do.
type countingDigests struct{ n, deadlines atomic.Int32 }

func (p *countingDigests) PostDigest(ctx context.Context, week time.Time, _ string) (commands.PostResult, error) {
	p.n.Add(1)
	if _, ok := ctx.Deadline(); ok {
		p.deadlines.Add(1)
	}
	return commands.PostResult{Status: commands.PostedNow, WeekStart: week, Channel: "C1"}, nil
}

type countingReminders struct{ n, deadlines atomic.Int32 }

func (s *countingReminders) SendReminders(ctx context.Context, _ commands.ReminderPlan) (commands.ReminderResult, error) {
	s.n.Add(1)
	if _, ok := ctx.Deadline(); ok {
		s.deadlines.Add(1)
	}
	return commands.ReminderResult{Sent: 1}, nil
}

// G: 공휴일 추가/삭제, 알림 발송 and digest post are limited writes with the
// redelivery guard: a redelivered request is answered "already handled"
// without running again, and past the write burst the request is refused
// and nothing is done. A post to Slack does not run under the database
// deadline (DB_DEADLINE), which would cut it short.
func TestHolidayRemindAndDigestWritesAreLimitedAndGuarded(t *testing.T) {
	t.Parallel()
	for _, line := range []string{"공휴일 추가 2026-12-24 성탄 전야", "공휴일 삭제 2026-10-02", "알림 발송", "digest post"} {
		t.Run(line, func(t *testing.T) {
			ctx := context.Background()
			store := dbtest.New(t)
			poster, sender := &countingDigests{}, &countingReminders{}
			svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: store, Language: commands.Korean, Managers: []string{manager},
				Now: func() time.Time { return fixedNow }, DigestPoster: poster, ReminderSender: sender})
			if r := svc.Handle(ctx, commands.Caller{UserID: manager, Source: commands.SourceConsole}, "공휴일 추가 2026-10-02 임시공휴일"); r.Outcome != commands.OutcomeOK {
				t.Fatal(r.Text())
			}
			holidays := func() int {
				var n int
				if err := store.DB().GetContext(ctx, &n, `SELECT count(*) FROM holidays`); err != nil {
					t.Fatal(err)
				}
				return n
			}
			done := func() int { return int(poster.n.Load()+sender.n.Load()) + holidays() }
			before := done()
			slack := commands.Caller{UserID: manager, Source: commands.SourceSlash, IdempotencyKey: "delivery-1"}
			if r := svc.Handle(ctx, slack, line); r.Outcome != commands.OutcomeOK {
				t.Fatalf("first delivery: %q %s", r.Outcome, r.Text())
			}
			after := done()
			if after == before {
				t.Fatal("the first delivery did nothing")
			}
			r := svc.Handle(ctx, slack, line)
			if r.Outcome != commands.OutcomeRepeated {
				t.Fatalf("the redelivery: %q %s", r.Outcome, r.Text())
			}
			if done() != after {
				t.Fatalf("the redelivery ran again: %d → %d", after, done())
			}
			plain := commands.Caller{UserID: manager, Source: commands.SourceSlash}
			for i := 0; ; i++ {
				if svc.Handle(ctx, plain, "lang ko").Outcome == commands.OutcomeRefused {
					break
				}
				if i > 40 {
					t.Fatal("no write limit")
				}
			}
			r = svc.Handle(ctx, commands.Caller{UserID: manager, Source: commands.SourceSlash, IdempotencyKey: "delivery-2"}, line)
			if r.Outcome != commands.OutcomeRefused {
				t.Fatalf("past the burst: %q %s", r.Outcome, r.Text())
			}
			mustContain(t, r.Title, "변경 요청이 너무 잦아")
			if done() != after {
				t.Fatalf("a refused request ran: %d → %d", after, done())
			}
			// Posting to Slack is not cut short by the database deadline.
			if n := poster.deadlines.Load() + sender.deadlines.Load(); n != 0 {
				t.Errorf("%d posts ran under the database deadline", n)
			}
		})
	}
}

// H: a merge that would move live entries (or a 실적 없음) of a closed month
// to another department is refused, naming the month and saying to reopen
// it first; nothing moves. With the month reopened the merge goes through.
func TestMergeRefusesAClosedMonth(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "부서 추가 일자리경재과", commands.OutcomeOK)
	h.run("U1", "추가 10 youth 날짜:2026-09-10 부서:일자리경재과", commands.OutcomeOK)
	h.run("U1", "추가 4 youth 날짜:2026-10-10 부서:일자리경재과", commands.OutcomeOK)
	h.run("U1", "추가 20 youth 날짜:2026-09-11 확인:예", commands.OutcomeOK)
	h.run(manager, "마감 2026-09", commands.OutcomeOK)
	r := h.run(manager, "부서 병합 일자리경재과 일자리정책과", commands.OutcomeRefused)
	noBadVerbs(t, r)
	mustContain(t, r.Text(), "2026년 9월", "일자리경재과", "합칠 수 없습니다", "/jobs 마감 해제 <월> <사유>", "아무것도 바꾸지 않았습니다")
	if got := h.deptJobs("일자리경재과"); got != 14 {
		t.Fatalf("일자리경재과 has %d after the refused merge, want 14", got)
	}
	if got := h.deptJobs("일자리정책과"); got != 20 {
		t.Fatalf("일자리정책과 has %d after the refused merge, want 20", got)
	}
	h.run(manager, "마감 해제 2026-09 부서 통합 반영", commands.OutcomeOK)
	h.run(manager, "부서 병합 일자리경재과 일자리정책과", commands.OutcomeOK)
	if got := h.deptJobs("일자리정책과"); got != 34 {
		t.Errorf("일자리정책과 has %d after the merge, want 34", got)
	}
	dbtest.CheckTotals(t, h.store)
}

// I: a hold's "how to record it anyway" fits why it held the entry (a
// repeat is no question of the figure) and names the confirmation once.
func TestHoldWordingFitsTheQuestion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                  commands.Lang
		source                commands.Source
		yes, repeat, size     string
		notRepeat, mustButton string
	}{
		{commands.Korean, commands.SourceSlash, "확인:예", "따로 한 번 더 기록할 실적이면 버튼을 누르거나", "수가 맞다면 버튼을 누르거나", "수가 맞다면", "버튼"},
		{commands.Korean, commands.SourceConsole, "확인:예", "따로 한 번 더 기록할 실적이면 다음 줄을 그대로 다시 입력하세요", "수가 맞다면 다음 줄을 그대로 다시 입력하세요", "수가 맞다면", ""},
		{commands.English, commands.SourceSlash, "confirm:yes", "If this is a separate report, press the button", "If the figure is right, press the button", "figure is right", "button"},
		{commands.English, commands.SourceConsole, "confirm:yes", "If this is a separate report, type this line", "If the figure is right, type this line", "figure is right", ""},
	} {
		t.Run(string(tc.lang)+"/"+string(tc.source), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			run := func(key, line string) commands.Reply {
				return h.svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: tc.source, IdempotencyKey: key}, line)
			}
			run("k1", "add 5 youth date:2026-11-20")
			r := run("k2", "add 5 youth date:2026-11-20")
			if r.Outcome != commands.OutcomeRefused {
				t.Fatalf("the repeat was not held: %s", r.Text())
			}
			noBadVerbs(t, r)
			mustContain(t, r.Text(), tc.repeat)
			if strings.Contains(r.Text(), tc.notRepeat) {
				t.Errorf("the repeat's hold asks about the figure:\n%s", r.Text())
			}
			if n := strings.Count(r.Text(), tc.yes); n != 1 {
				t.Errorf("the hold names %s %d times:\n%s", tc.yes, n, r.Text())
			}
			h.run(manager, "target 100", commands.OutcomeOK)
			r = run("k3", "add 300 youth date:2026-11-21")
			if r.Outcome != commands.OutcomeRefused {
				t.Fatalf("the large add was not held: %s", r.Text())
			}
			mustContain(t, r.Text(), tc.size)
			if n := strings.Count(r.Text(), tc.yes); n != 1 {
				t.Errorf("the hold names %s %d times:\n%s", tc.yes, n, r.Text())
			}
			if tc.mustButton == "" && (strings.Contains(r.Text(), "button") || strings.Contains(r.Text(), "버튼")) {
				t.Errorf("the console's hold mentions a button:\n%s", r.Text())
			}
		})
	}
}

// J: a mistyped command is suggested only when it is one letter (one jamo
// of a Hangul syllable) away: 약정 is no typo of 정정, two of whose
// syllable's three letters differ, so `약정 이행` is not told to mean
// `정정 이행`.
func TestTypoSuggestionNeedsOneJamo(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	r := h.run("U1", "약정 이행", commands.OutcomeRefused)
	if strings.Contains(r.Text(), "정정") {
		t.Errorf("약정 이행 is taken for a typo of 정정:\n%s", r.Text())
	}
	for line, want := range map[string]string{"추기 10 청년": "`추가 10 청년`", "현항": "`현황`", "stauts": "`status`", "묵록": "`목록`"} {
		r := h.run("U1", line, commands.OutcomeRefused)
		mustContain(t, r.Text(), "뜻하셨다면 "+want)
	}
}
