package commands_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
)

// live is the plain count and sum of live entries, straight from the table.
func (h *harness) live() (int64, int64) {
	h.t.Helper()
	return h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL`),
		h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`)
}

// refusedUntouched runs line, wants it refused with wants in the reply and
// the live entries exactly as they were.
func (h *harness) refusedUntouched(user, line string, wants ...string) commands.Reply {
	h.t.Helper()
	n, sum := h.live()
	r := h.run(user, line, commands.OutcomeRefused)
	mustContain(h.t, r.Text(), wants...)
	if n2, sum2 := h.live(); n2 != n || sum2 != sum {
		h.t.Fatalf("%q was refused but changed the live entries: %d/%d → %d/%d", line, n, sum, n2, sum2)
	}
	return r
}

// Review F37, F21/F22 and item 3 (k31): 취소 undoes only the user's own
// last line, once, when it wrote an entry within ten minutes, or cancels
// the question it held. After anything else (목표, a refusal, 실적없음, 무효,
// an old add, a 취소) it writes nothing and names the entry it leaves
// alone with the 무효 line to type; it never walks back to an older entry.
func TestK31UndoTakesBackOnlyTheLastLine(t *testing.T) {
	t.Parallel()
	type words struct {
		undo, notEntry, alone, void2, already, voidLine, tooOld, held, refused, nothing, afterVoid string
	}
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string // #1, #2 adds, a target, #3 add, #4 add, a held repeat of #4, a refused add, 실적없음, #6 add, void #6
		w     words
	}{
		{commands.Korean, []string{"추가 청년 30 11/2", "추가 노인 40 11/3", "목표 2만", "추가 청년 7 11/20", "추가 청년 9 11/21",
			"추가 청년 9 11/21", "추가 청년 8 11월 99일", "실적없음 10월 부서:일자리정책과", "추가 노인 12 11/24", "무효 %d 중복 기록"},
			words{"취소", "직전 작업(`목표`)은 실적 기록이 아니어서", "#2 실적(2026. 11. 3. 노인 일자리 40개)은 그대로 두었습니다", "`무효 2 <사유>`",
				"직전 작업은 이미 취소했습니다", "`무효 <번호> <사유>`", "10분이 넘었으므로 취소하지 않았습니다",
				"확인을 기다리던 질문을 취소했습니다", "직전 입력은 거절되어 저장되지 않았으므로", "실적 없음 기록입니다", "`취소`는 무효를 되돌리지 않으므로"}},
		{commands.English, []string{"add 30 youth date:2026-11-02", "add 40 senior date:2026-11-03", "target 20000", "add 7 youth date:2026-11-20", "add 9 youth date:2026-11-21",
			"add 9 youth date:2026-11-21", "add 8 youth date:2026-11-99", "none 2026-10 dept:일자리정책과", "add 12 senior date:2026-11-24", "void %d counted twice"},
			words{"undo", "Your last action (`target`) did not record an entry", "Left as it is: entry #2 (senior 40, 2026-11-03), your newest entry", "`void 2 <reason>`",
				"Your last action was already undone", "`void <entry number> <reason>`", "more than 10 minutes ago, so it was not undone",
				"Cancelled the question", "Your last line was refused and not saved", "recorded \"nothing this month\" as #", "`undo` does not take a void back"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			now := fixedNow
			h.withClock(&now)
			w, l := tc.w, tc.lines
			h.run(manager, l[0], commands.OutcomeOK)
			h.run(manager, l[1], commands.OutcomeOK)
			now = now.Add(time.Hour)
			// After a target change: nothing undone, #2 named (번호, 사업, 수, 날짜), twice.
			h.run(manager, l[2], commands.OutcomeOK)
			h.refusedUntouched(manager, w.undo, w.notEntry, w.alone, w.void2)
			h.refusedUntouched(manager, w.undo, w.notEntry, w.alone, w.void2)
			// An add within the window is undone, once; a second 취소 walks no further.
			h.run(manager, l[3], commands.OutcomeOK)
			third := h.newestID()
			now = now.Add(9 * time.Minute)
			h.run(manager, w.undo, commands.OutcomeOK)
			if !h.voided(third) || h.voided(2) || h.voided(1) {
				t.Fatalf("취소 after #%d: voided #%d %v, #2 %v, #1 %v; want only #%d", third, third, h.voided(third), h.voided(2), h.voided(1), third)
			}
			h.refusedUntouched(manager, w.undo, w.already, w.voidLine)
			// An add older than ten minutes is named and left alone.
			h.run(manager, l[4], commands.OutcomeOK)
			fourth := h.newestID()
			now = now.Add(11 * time.Minute)
			h.refusedUntouched(manager, w.undo, w.tooOld, fmt.Sprintf("#%d", fourth), fmt.Sprintf("%s %d ", strings.Fields(w.void2)[0], fourth))
			// A held question (the same add again): 취소 cancels it, and its
			// Record it button then writes nothing and says 취소 cancelled it (k41).
			held := h.run(manager, l[5], commands.OutcomeRefused)
			n, sum := h.live()
			r := h.run(manager, w.undo, commands.OutcomeOK)
			mustContain(t, r.Text(), w.held)
			if n2, sum2 := h.live(); n2 != n || sum2 != sum || h.voided(fourth) {
				t.Fatalf("cancelling the held question changed the ledger: %d/%d → %d/%d", n, sum, n2, sum2)
			}
			h.run(manager, button(t, held), commands.OutcomeRefused)
			if n2, _ := h.live(); n2 != n {
				t.Fatalf("the cancelled question's button recorded the entry")
			}
			// After a refused line there is nothing to undo.
			h.run(manager, l[6], commands.OutcomeRefused)
			h.refusedUntouched(manager, w.undo, w.refused)
			// After 실적없음: refused, naming its 무효 line; the 실적없음 stays.
			h.run(manager, l[7], commands.OutcomeOK)
			h.refusedUntouched(manager, w.undo, w.nothing)
			if n := h.sqlInt(`SELECT count(*) FROM nothing_reports WHERE voided_at IS NULL`); n != 1 {
				t.Fatalf("%d live 실적 없음 after 취소, want 1", n)
			}
			// After the user's own 무효: the void is not taken back, nothing else touched.
			h.run(manager, l[8], commands.OutcomeOK)
			sixth := h.newestID()
			h.run(manager, fmt.Sprintf(l[9], sixth), commands.OutcomeOK)
			h.refusedUntouched(manager, w.undo, w.afterVoid, fmt.Sprintf("#%d", sixth))
			if !h.voided(sixth) {
				t.Fatalf("#%d is live again after 취소 of its void", sixth)
			}
			// The ledger: #1, #2 and #4 live, nothing else.
			if n, sum := h.live(); n != 3 || sum != 30+40+9 {
				t.Fatalf("live entries %d, sum %d; want 3 and %d", n, sum, 30+40+9)
			}
		})
	}
}

// A user's 취소 never reaches another user's line: each keeps their own.
func TestK31UndoIsPerUser(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 청년 5 11/2 확인:예", commands.OutcomeOK)
	h.run("U2", "추가 청년 6 11/2 확인:예", commands.OutcomeOK)
	h.run("U2", "목표 2만", commands.OutcomeRefused) // managers only: a refusal of U2's
	h.run("U1", "취소", commands.OutcomeOK)
	if !h.voided(1) || h.voided(2) {
		t.Fatalf("U1's 취소 voided #1 %v, #2 %v; want only #1", h.voided(1), h.voided(2))
	}
	h.refusedUntouched("U2", "취소", "직전 입력은 거절되어", "#2 실적")
	if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`); got != 6 {
		t.Fatalf("live sum %d, want 6", got)
	}
}

// Review F36: `정정 14 5명 추가 누락분` set #14 to 5. Words after the count
// saying it is an addition (추가, 누락, 더, 빠진; more, missed) are refused,
// naming them, with the corrected-total line and the add line; nothing is
// written. The same words after 사유: are a reason, and the 정정 records.
func TestK31CorrectionWithAdditionWordsIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                 commands.Lang
		add, wrong, more, ok string
		wants                []string
	}{
		{commands.Korean, "추가 청년 40 11/2", "정정 1 5명 추가 누락분", "정정 1 3 더 있음", "정정 1 45 사유:누락분 반영",
			[]string{"`추가 누락분`", "5개를 더한다는 뜻으로", "#1 실적(2026. 11. 2. 청년일자리 40개)의 수 40개가 5개로 바뀝니다",
				"`정정 1 <고친 전체 수> <사유>`", "`정정 1 45 사유:누락분 반영`", "`추가 청년 5 11/2`"}},
		{commands.English, "add 40 youth date:2026-11-02", "correct 1 5 more missed", "correct 1 3 missing people", "correct 1 45 reason:missed people added",
			[]string{"`more missed`", "read as 5 more", "entry #1 (youth 40, 2026-11-02) from 40 into 5",
				"`correct 1 <corrected total> <reason>`", "`correct 1 45 reason:missed people added`", "`add 5 youth date:11/2`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.add, commands.OutcomeOK)
			h.refusedUntouched(manager, tc.wrong, tc.wants...)
			h.refusedUntouched(manager, tc.more)
			if h.voided(1) || h.countOf(1) != 40 {
				t.Fatalf("#1 changed by a refused 정정")
			}
			h.run(manager, tc.ok, commands.OutcomeOK)
			if n, sum := h.live(); n != 1 || sum != 45 {
				t.Fatalf("after the 정정 with 사유: live %d, sum %d; want 1 and 45", n, sum)
			}
		})
	}
}

// Review F38: `무효 69 2명 중복` voided all 40 of #69. A count in the
// reason smaller than the entry reads as a partial void: refused, naming
// it, with the 정정 to what remains (computed); a count equal to the whole
// entry is only the reason, and the void records.
func TestK31VoidWithAPartialCountIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                commands.Lang
		add, partial, whole string
		wants               []string
	}{
		{commands.Korean, "추가 노인 40 11/3", "무효 1 2명 중복", "무효 1 40명 모두 중복",
			[]string{"사유의 `2명`은 #1 실적(2026. 11. 3. 노인 일자리 40개) 가운데 일부만", "실적 전체(40개)", "`정정 1 38 <사유>`", "`무효 1 <사유>`"}},
		{commands.English, "add 40 senior date:2026-11-03", "void 1 counted 2 people twice", "void 1 all 40 jobs counted twice",
			[]string{"`2 people` reads as voiding only part of entry #1 (senior 40, 2026-11-03)", "whole entry (40)", "`correct 1 38 <reason>`", "`void 1 <reason>`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.add, commands.OutcomeOK)
			h.refusedUntouched(manager, tc.partial, tc.wants...)
			if h.voided(1) {
				t.Fatal("#1 voided by a refused 무효")
			}
			h.run(manager, tc.whole, commands.OutcomeOK)
			if n, sum := h.live(); n != 0 || sum != 0 || !h.voided(1) {
				t.Fatalf("after the whole void: live %d, sum %d", n, sum)
			}
		})
	}
}

// Review B7: a bare 확인 appended to a held line, sent twice about 10 ms
// apart (two Handle calls at once for one user), recorded an extra entry:
// the check that a question waits and its use raced. Consuming the held
// question is one statement in the database now, so exactly one of the
// two records and the other is told the entry is recorded already.
func TestK31ConcurrentBareConfirmRecordsOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, conf string
	}{
		{commands.Korean, "추가 청년 %d 11/21", "추가 청년 %d 11/21 확인"},
		{commands.English, "add %d youth date:2026-11-21", "add %d youth date:2026-11-21 confirm"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			for round := range 8 {
				n := 11 + round
				h.run("U1", fmt.Sprintf(tc.line, n), commands.OutcomeOK)
				h.run("U1", fmt.Sprintf(tc.line, n), commands.OutcomeRefused) // held: the same entry again
				var wg sync.WaitGroup
				start := make(chan struct{})
				for range 2 {
					wg.Go(func() {
						<-start
						h.svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceConsole}, fmt.Sprintf(tc.conf, n))
					})
				}
				close(start)
				wg.Wait()
				if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND count = $1`, n); got != 2 {
					t.Fatalf("round %d: %d live entries of %d after two 확인 at once, want 2 (the first and the one confirmed)", round, got, n)
				}
			}
		})
	}
}

// The add form's entry is a line 취소 takes back, as a typed add is; a
// form refused for its fields leaves nothing to undo.
func TestK31UndoAfterTheAddForm(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	ctx := context.Background()
	caller := commands.Caller{UserID: "U1", Source: commands.SourceModal}
	h.run("U1", "추가 청년 3 11/2", commands.OutcomeOK)
	// 2 jobs on 11/20 (7 would be held as at least the year so far)
	if r, errs := h.svc.SubmitAddForm(ctx, caller, commands.AddForm{Program: "youth", Count: "2", Date: "2026-11-20"}); errs != nil || r.Outcome != commands.OutcomeOK {
		t.Fatalf("form: %v %s", errs, r.Text())
	}
	h.run("U1", "취소", commands.OutcomeOK)
	if !h.voided(2) || h.voided(1) {
		t.Fatalf("취소 after the form: #2 voided %v, #1 voided %v; want only #2", h.voided(2), h.voided(1))
	}
	if _, errs := h.svc.SubmitAddForm(ctx, caller, commands.AddForm{Program: "youth", Count: "일자리", Date: "2026-11-20"}); errs == nil {
		t.Fatal("a form with no count was accepted")
	}
	h.refusedUntouched("U1", "취소", "직전 입력은 거절되어", "#1 실적")
}

// Reads between an add and 취소 (목록, 현황, even a 현황 refused for its
// period) leave the add the last line: 취소 still takes it back.
func TestK31ReadsLeaveTheLastLine(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                               commands.Lang
		add, add2, list, status, bad, undo string
	}{
		{commands.Korean, "추가 청년 3 11/2", "추가 청년 5 11/2 확인:예", "목록", "현황", "현황 13월", "취소"},
		{commands.English, "add 3 youth date:2026-11-02", "add 5 youth date:2026-11-02 confirm:yes", "list", "status", "status 2026-13", "undo"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.add, commands.OutcomeOK)
			h.run("U1", tc.add, commands.OutcomeRefused) // held, then dropped by the first 취소
			h.run("U1", tc.undo, commands.OutcomeOK)
			h.run("U1", tc.add2, commands.OutcomeOK)
			h.run("U1", tc.list, commands.OutcomeOK)
			h.run("U1", tc.status, commands.OutcomeOK)
			h.run("U1", tc.bad, commands.OutcomeRefused)
			h.run("U1", tc.undo, commands.OutcomeOK)
			if n, sum := h.live(); n != 1 || sum != 3 || !h.voided(2) {
				t.Fatalf("live %d, sum %d, #2 voided %v; want 1, 3, true", n, sum, h.voided(2))
			}
		})
	}
}

// A 누계 the ledger already agrees with records nothing: 취소 after it says
// so and leaves the report that line agreed with alone.
func TestK31UndoAfterALineThatRecordedNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang             commands.Lang
		report, undo, is string
	}{
		{commands.Korean, "추가 청년 50 누계 11/20", "취소", "실적을 기록하지 않았으므로 취소할 것이 없습니다"},
		{commands.English, "add 50 youth cumulative date:2026-11-20", "undo", "recorded no entry, so there is nothing to undo"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.report, commands.OutcomeOK)
			h.run("U1", tc.report, commands.OutcomeOK) // agrees: nothing recorded
			h.refusedUntouched("U1", tc.undo, tc.is, "#1")
			if n, sum := h.live(); n != 1 || sum != 50 {
				t.Fatalf("live %d, sum %d; want 1 and 50", n, sum)
			}
		})
	}
}
