package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r23 M5: a date hold offers two answers, the line for the other
// date (this year's; the month before's end) and the line as typed with
// 확인:<token>, each its own Slack button. App Home keeps the message, so
// both could be pressed, and both recorded: the jobs counted twice. Once
// one answer of a hold is used, the other is refused, naming the entry the
// first recorded, in the console and through the buttons.
func TestHoldsOneAnswerOfADateHold(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                      commands.Lang
		past, thisYear, confirmed string
		already                   string
		setup, monthTurn          string
	}{
		{commands.Korean, "추가 노인 6 25.11.19", "추가 노인 6 2026. 11. 19.", "추가 노인 6 25.11.19 확인:예",
			"이미 2026. 11. 19. 날짜로 기록했습니다 (#",
			"추가 청년 누계 950 11. 26.", "추가 청년 누계 975"},
		{commands.English, "add 6 senior 2025-11-19", "add 6 senior 2026-11-19", "add 6 senior 2025-11-19 confirm:yes",
			"recorded as of 2026-11-19 (#",
			"add youth cumulative 950 date:2026-11-26", "add youth cumulative 975"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.November, 20)
			h := newHarness(t, tc.lang)
			h.withClock(&now)

			// Console: this year's line typed, then the line as typed with
			// 확인:예: the second is refused.
			h.run("U1", tc.past, commands.OutcomeRefused)
			h.run("U1", tc.thisYear, commands.OutcomeOK)
			mustContain(t, h.run("U1", tc.confirmed, commands.OutcomeRefused).Text(), tc.already)
			if got := h.k55Sum("2025-01-01", "2025-12-31"); got != 0 {
				t.Errorf("console: 2025 SQL sum %d, want 0", got)
			}
			if got := h.k55Sum("2026-11-19", "2026-11-19"); got != 6 {
				t.Errorf("console: 2026-11-19 SQL sum %d, want 6", got)
			}

			// Slack: the as-typed button, then this year's: the second is refused.
			h2 := newHarness(t, tc.lang)
			h2.withClock(&now)
			ctx := context.Background()
			slack := func(key, line string, pressed bool) commands.Reply {
				return h2.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash, IdempotencyKey: key, Pressed: pressed}, line)
			}
			r := slack("m5-1", tc.past, false)
			if r.Outcome != commands.OutcomeRefused || len(r.Actions) != 2 {
				t.Fatalf("not held with two buttons: %s %+v", r.Text(), r.Actions)
			}
			if got := slack("m5-2", r.Actions[1].Command, true); got.Outcome != commands.OutcomeOK {
				t.Fatalf("the as-typed button: %s", got.Text())
			}
			again := slack("m5-3", r.Actions[0].Command, true)
			if again.Outcome != commands.OutcomeRefused {
				t.Fatalf("this year's button after the as-typed one: %s %s", again.Outcome, again.Text())
			}
			mustContain(t, again.Text(), byLang(tc.lang, "recorded as of 2025-11-19 (#", "이미 2025. 11. 19. 날짜로 기록했습니다 (#"))
			if got := h2.k55Sum("2025-01-01", "2026-12-31"); got != 6 {
				t.Errorf("slack: SQL sum %d, want 6", got)
			}

			// The month-turn hold: the month-end button, then the as-typed one.
			now = k55At(2026, time.November, 26)
			h2.run("U1", tc.setup, commands.OutcomeOK)
			now = k55At(2026, time.December, 2)
			r = slack("m5-4", tc.monthTurn, false)
			if r.Outcome != commands.OutcomeRefused || len(r.Actions) != 2 {
				t.Fatalf("month turn not held with two buttons: %s %+v", r.Text(), r.Actions)
			}
			if got := slack("m5-5", r.Actions[0].Command, true); got.Outcome != commands.OutcomeOK {
				t.Fatalf("the month-end button: %s", got.Text())
			}
			again = slack("m5-6", r.Actions[1].Command, true)
			if again.Outcome != commands.OutcomeRefused {
				t.Fatalf("the as-typed button after the month-end one: %s %s", again.Outcome, again.Text())
			}
			mustContain(t, again.Text(), byLang(tc.lang, "recorded as of 2026-11-30 (#", "이미 2026. 11. 30. 날짜로 기록했습니다 (#"))
			if got := h2.k55Sum("2026-12-01", "2026-12-31"); got != 0 {
				t.Errorf("December SQL sum %d, want 0", got)
			}
			if got := h2.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND program_id = (SELECT program_id FROM entries ORDER BY id DESC LIMIT 1)`); got != 975 {
				t.Errorf("youth SQL sum %d, want 975", got)
			}
		})
	}
}

// Review r22 F31: `채용 <약정번호> <수>` larger than the year's target was
// recorded straight away, while `추가` of the same figure is held. The hire
// is held the same way, and recorded once confirmed.
func TestHoldsHireOverTheTarget(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                                     commands.Lang
		agreement, target, add, hire, hireYes, q string
	}{
		{commands.Korean, "추가 300 노인 날짜:2026-08-03 상태:약정", "목표 100", "추가 150 노인 2026-08-10",
			"채용 1 150 2026-08-10", "채용 1 150 2026-08-10 확인:예", "수가 맞다면"},
		{commands.English, "add 300 senior date:2026-08-03 status:agreed", "target 100", "add 150 senior 2026-08-10",
			"hire 1 150 2026-08-10", "hire 1 150 2026-08-10 confirm:yes", "figure is right"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.November, 20)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run(manager, tc.agreement, commands.OutcomeOK)
			h.run(manager, tc.target, commands.OutcomeOK)
			mustContain(t, h.run("U1", tc.add, commands.OutcomeRefused).Text(), tc.q)
			mustContain(t, h.run("U1", tc.hire, commands.OutcomeRefused).Text(), tc.q)
			if got := h.k55Sum("2026-01-01", "2026-12-31"); got != 0 {
				t.Fatalf("realised SQL sum %d after the held hire, want 0", got)
			}
			h.run("U1", tc.hireYes, commands.OutcomeOK)
			if got := h.k55Sum("2026-01-01", "2026-12-31"); got != 150 {
				t.Errorf("realised SQL sum %d after the confirmed hire, want 150", got)
			}
		})
	}
}

// Review r23 M5, the size hold: a delta that may be a 누계 offers the 누계
// line beside 확인:. Once the 누계 line recorded, the held delta's button
// and its typed 확인: are refused (they would add the same jobs again);
// and the other way round, the 누계 line after the button agrees or is
// refused by the ledger itself.
func TestHoldsOneAnswerOfAFigureHold(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                            commands.Lang
		report, delta, total, confirmed string
	}{
		{commands.Korean, "추가 청년 누계 1,200 2026-11-10", "추가 청년 1,240 2026-11-20", "추가 청년 누계 1,240 2026. 11. 20.",
			"추가 청년 1,240 2026-11-20 확인:예"},
		{commands.English, "add youth cumulative 1,200 date:2026-11-10", "add 1,240 youth date:2026-11-20", "add youth cumulative 1,240 date:2026-11-20",
			"add 1,240 youth date:2026-11-20 confirm:yes"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.November, 24)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			ctx := context.Background()
			h.run("U1", tc.report, commands.OutcomeOK)
			r := h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash, IdempotencyKey: "f-1"}, tc.delta)
			if r.Outcome != commands.OutcomeRefused || len(r.Actions) != 1 {
				t.Fatalf("not held with one button: %s %+v", r.Text(), r.Actions)
			}
			mustContain(t, r.Text(), "`"+tc.total+"`")
			h.run("U1", tc.total, commands.OutcomeOK)
			pressed := h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash, IdempotencyKey: "f-2", Pressed: true}, r.Actions[0].Command)
			if pressed.Outcome != commands.OutcomeRefused {
				t.Fatalf("the held delta's button after the 누계 line: %s %s", pressed.Outcome, pressed.Text())
			}
			mustContain(t, pressed.Text(), byLang(tc.lang, "recorded as of 2026-11-20 (#2)", "이미 2026. 11. 20. 날짜로 기록했습니다 (#2)"))
			mustContain(t, h.run("U1", tc.confirmed, commands.OutcomeRefused).Text(), "(#2)")
			if got := h.k55Sum("2026-01-01", "2026-12-31"); got != 1240 {
				t.Errorf("SQL sum %d, want 1240", got)
			}
		})
	}
}

// Review r23 M5, the 채용 after an identical 추가: its question offers to
// void the 추가 and send the 채용 again, or to record it anyway. Once the
// 추가 is voided and the 채용 sent again, the question's button records
// nothing more.
func TestHoldsOneAnswerOfAHireAfterAdd(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                              commands.Lang
		agreement, add, hire, void, again string
	}{
		{commands.Korean, "추가 10 노인 날짜:2026-08-03 상태:약정", "추가 노인 5 2026-08-10", "채용 1 5 2026-08-10", "무효 2 채용으로 다시 입력", "이미 #3으로 기록"},
		{commands.English, "add 10 senior date:2026-08-03 status:agreed", "add 5 senior 2026-08-10", "hire 1 5 2026-08-10", "void 2 typed again as a hire", "already recorded"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.August, 11)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			ctx := context.Background()
			h.run("U1", tc.agreement, commands.OutcomeOK)
			h.run("U1", tc.add, commands.OutcomeOK)
			r := h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash, IdempotencyKey: "h-1"}, tc.hire)
			if r.Outcome != commands.OutcomeRefused || len(r.Actions) != 1 {
				t.Fatalf("not held with one button: %s %+v", r.Text(), r.Actions)
			}
			h.run("U1", tc.void, commands.OutcomeOK)
			h.run("U1", tc.hire, commands.OutcomeOK)
			pressed := h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash, IdempotencyKey: "h-2", Pressed: true}, r.Actions[0].Command)
			if pressed.Outcome == commands.OutcomeOK {
				t.Fatalf("the button after the hire was sent again recorded it twice: %s", pressed.Text())
			}
			mustContain(t, pressed.Text(), tc.again)
			if got := h.k55Sum("2026-01-01", "2026-12-31"); got != 5 {
				t.Errorf("realised SQL sum %d, want 5", got)
			}
		})
	}
}

// Review r25 F16: `사업 변경 철도 부문:공공` re-sorted closed months'
// 공공/민간 totals without a word. A sector change that moves jobs of a
// closed month is held, naming the months and the jobs that move, and
// made only with 확인:예; a change touching no closed month is made at once.
func TestHoldsSectorChangeNamesClosedMonths(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                          commands.Lang
		add, close, change, confirmed string
		held, done                    []string
		other, otherChange            string
	}{
		{commands.Korean, "추가 철도 600 2026-10-20", "마감 2026-10", "사업 변경 철도 부문:공공", "사업 변경 철도 부문:공공 확인:예",
			[]string{"2026년 10월 600개", "민간에서 공공으로", "`사업 변경 철도 부문:공공 확인:예`", "아무것도 바꾸지 않았습니다"},
			[]string{"2026년 10월 600개", "민간에서 공공으로"},
			"추가 투자 30 2026-11-20", "사업 변경 투자 부문:공공"},
		{commands.English, "add 600 rail date:2026-10-20", "close 2026-10", "program rename rail sector:public", "program rename rail sector:public confirm:yes",
			[]string{"600 in 2026-10", "from Private to Public", "`program rename rail sector:public confirm:yes`", "Nothing was changed"},
			[]string{"600 in 2026-10", "from Private to Public"},
			"add 30 invest date:2026-11-20", "program rename invest sector:public"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run(manager, tc.add, commands.OutcomeOK)
			h.run(manager, tc.close, commands.OutcomeOK)
			sector := func(code string) string {
				var s string
				if err := h.store.DB().GetContext(context.Background(), &s, `SELECT sector FROM programs WHERE code = $1`, code); err != nil {
					t.Fatal(err)
				}
				return s
			}
			mustContain(t, h.run(manager, tc.change, commands.OutcomeRefused).Text(), tc.held...)
			if got := sector("rail"); got != "private" {
				t.Fatalf("rail's sector %q after the held change, want private", got)
			}
			mustContain(t, h.run(manager, tc.confirmed, commands.OutcomeOK).Text(), tc.done...)
			if got := sector("rail"); got != "public" {
				t.Fatalf("rail's sector %q after the confirmed change, want public", got)
			}
			// Jobs only in an open month: changed at once.
			h.run(manager, tc.other, commands.OutcomeOK)
			h.run(manager, tc.otherChange, commands.OutcomeOK)
			if got := sector("invest"); got != "public" {
				t.Fatalf("invest's sector %q, want public", got)
			}
		})
	}
}

// Review r26 M5: the 채용-after-identical-추가 hold matches as the 추가
// repeat hold does, on program, date, count, status and department: a
// plain 추가 of another department is another report, and a plain 추가 of
// the same department is found even when a hire of another agreement, of
// the same figure, was recorded after it.
func TestHoldsHireAfterAddMatchesProgramAndDepartment(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                                   commands.Lang
		agreementA, agreementB, otherDept, add string
		hireB, hireBYes, hireA, asked          string
	}{
		{commands.Korean, "추가 10 노인 날짜:2026-08-03 상태:약정", "추가 10 노인 날짜:2026-08-04 상태:약정",
			"추가 노인 5 2026-08-10 부서:일자리정책과", "추가 노인 5 2026-08-10",
			"채용 2 5 2026-08-10", "채용 2 5 2026-08-10 확인:예", "채용 1 5 2026-08-10", "`추가`로 이미 기록되어"},
		{commands.English, "add 10 senior date:2026-08-03 status:agreed", "add 10 senior date:2026-08-04 status:agreed",
			"add 5 senior date:2026-08-10 dept:일자리정책과", "add 5 senior date:2026-08-10",
			"hire 2 5 2026-08-10", "hire 2 5 2026-08-10 confirm:yes", "hire 1 5 2026-08-10", "as an add, not as a hire"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.August, 11)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run("U1", tc.agreementA, commands.OutcomeOK) // #1
			h.run("U1", tc.agreementB, commands.OutcomeOK) // #2
			h.run("U1", tc.otherDept, commands.OutcomeOK)  // #3, another department
			// Another department's 추가 is not this hire typed as an add.
			h.run("U2", tc.hireA, commands.OutcomeOK) // #4
			h.run("U2", byLang(tc.lang, "void 4 test", "무효 4 시험"), commands.OutcomeOK)
			h.run("U1", tc.add, commands.OutcomeOK) // #5, the agreements' department
			mustContain(t, h.run("U1", tc.hireB, commands.OutcomeRefused).Text(), tc.asked, "#5")
			h.run("U1", tc.hireBYes, commands.OutcomeOK) // #6, other hires than #5
			// #5 is still identical to A's hire, though B's hire is newer.
			mustContain(t, h.run("U1", tc.hireA, commands.OutcomeRefused).Text(), tc.asked, "#5")
			if got := h.k55Sum("2026-01-01", "2026-12-31"); got != 15 {
				t.Errorf("realised SQL sum %d, want 15", got)
			}
		})
	}
}

// Review r22 F25: in January's first days a dateless 누계 was held as
// "usually last month's end", offering the line dated 2026. 12. 31., even
// for `추가 청년 누계 30` after a 2026 of 1,000: a December 누계 of 30 would
// be refused, and a new year's first 누계 is naturally small. The month-turn
// hold asks only of a figure that could be the month before's 누계 (at
// least the ledger's total through that month's end).
func TestHoldsMonthTurnTotalOnlyWhenItCouldBeLastMonths(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                 commands.Lang
		year, small, carried string
	}{
		{commands.Korean, "추가 청년 누계 1,000 2026-12-20", "추가 청년 누계 30", "추가 청년 누계 1,020"},
		{commands.English, "add youth cumulative 1,000 date:2026-12-20", "add youth cumulative 30", "add youth cumulative 1,020"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 20)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run("U1", tc.year, commands.OutcomeOK)
			now = k55At(2027, time.January, 4)
			h.run("U1", tc.small, commands.OutcomeOK)
			if got := h.k55Sum("2027-01-01", "2027-12-31"); got != 30 {
				t.Errorf("2027 SQL sum %d, want 30", got)
			}
			if got := h.k55Sum("2026-01-01", "2026-12-31"); got != 1000 {
				t.Errorf("2026 SQL sum %d, want 1000", got)
			}
			// A figure that could be December's year-end 누계 is still asked.
			mustContain(t, h.run("U1", tc.carried, commands.OutcomeRefused).Text(), byLang(tc.lang, "2026-12-31", "2026. 12. 31."))
		})
	}
}

// Review r22 F8 / r24 F19: a note naming another month (`메모:11월분` on a
// December date) is refused with the line dated that month; for staff,
// when that month is closed, the line cannot be recorded by them. They are
// told the month is closed and whom to ask, and still given the line kept
// without the word; a manager keeps the dated line.
func TestHoldsNoteMonthClosedForStaff(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                 commands.Lang
		close, line          string
		staff, notStaff, mgr string
	}{
		{commands.Korean, "마감 2026-11", "추가 청년 5 2026. 12. 3. 메모:11월분",
			"2026년 11월은 마감되어", "날짜를 그달로 적어", "날짜를 그달로 적어"},
		{commands.English, "close 2026-11", "add 5 youth date:2026-12-03 note:November figure",
			"2026-11 is closed", "date it then", "date it then"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run(manager, tc.close, commands.OutcomeOK)
			text := h.run("U1", tc.line, commands.OutcomeRefused).Text()
			mustContain(t, text, tc.staff, byLang(tc.lang, "ask a manager", "관리자("))
			if strings.Contains(text, tc.notStaff) {
				t.Errorf("staff are offered the closed month's line:\n%s", text)
			}
			mustContain(t, h.run(manager, tc.line, commands.OutcomeRefused).Text(), tc.mgr)
			if n := h.entriesStored(); n != 0 {
				t.Errorf("%d entries stored, want 0", n)
			}
		})
	}
}
