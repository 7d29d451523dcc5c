package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Tests of the breaks review20 found in the audit code (issue 23).

// realisedBy is the plain SUM of the live hires linked to agreement id.
func (h *harness) realisedBy(id int64) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(e.count), 0) FROM agreement_hires a JOIN entries e ON e.id = a.hire_entry_id
		WHERE a.agreement_entry_id = $1 AND e.voided_at IS NULL`, id)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// Break 2: a corrected hire still realises its agreement, and a correction
// of a hire cannot take the agreement beyond its size.
func TestCorrectingAHireKeepsTheAgreementWhole(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 10 senior 날짜:2026-08-03 상태:약정 메모:MOU-A", commands.OutcomeOK) // #1
	h.run(manager, "채용 1 10 2026-08-10", commands.OutcomeOK)                        // #2
	h.run(manager, "정정 2 1 오타 수정", commands.OutcomeOK)                              // #3 realises #1
	if got := h.realisedBy(1); got != 1 {
		t.Fatalf("agreement #1 realised %d after the hire was corrected to 1, want 1", got)
	}
	r := h.run(manager, "채용 1 10 2026-08-11", commands.OutcomeRefused)
	mustContain(t, r.Text(), "남은 수 9개")
	h.run(manager, "채용 1 9 2026-08-11", commands.OutcomeOK) // #4
	r = h.run(manager, "정정 4 10 재확인", commands.OutcomeRefused)
	// The hire's own 9 counted as hired, and how far it can go (k44 F13).
	mustContain(t, r.Text(), "약정 #1", "10개 채용 전환(이 채용 기록 #4의 9개 포함)", "남은 수 0개", "9개까지", "바꾸지 않았습니다")
	if h.voided(4) {
		t.Fatal("a refused correction voided the hire")
	}
	if got, sum := h.realisedBy(1), h.liveSum("senior", "realised"); got != 10 || sum != 10 {
		t.Errorf("agreement #1 realised %d, realised senior jobs %d; want 10 and 10", got, sum)
	}
	st := h.run(manager, "현황", commands.OutcomeOK).Text()
	mustContain(t, st, "약정 10개 · 채용 10개 · 이행률 100%")
	dbtest.CheckTotals(t, h.store)
}

// Break 3 and 14: an agreement cannot be corrected below what it realised;
// a correction above it carries the hires over; the reply says 약정 누계.
func TestCorrectingAnAgreementKeepsItsHires(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang               commands.Lang
		below, agreedTotal string
	}{
		{commands.Korean, "이미 8개 채용 전환되어 3개로 줄일 수 없습니다", "2026년 약정 누계(정정 후): 9개"},
		{commands.English, "has 8 hired already, so it cannot become 3.", "agreed (MOU) total for 2026 now: 9"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "add 10 women date:2026-08-03 status:agreed", commands.OutcomeOK) // #1
			h.run(manager, "hire 1 8 2026-08-10", commands.OutcomeOK)                        // #2
			r := h.run(manager, "correct 1 3 smaller", commands.OutcomeRefused)
			noBadVerbs(t, r)
			mustContain(t, r.Text(), tc.below)
			if h.voided(1) {
				t.Fatal("a refused correction voided the agreement")
			}
			r = h.run(manager, "correct 1 9 one fewer", commands.OutcomeOK) // #3
			mustContain(t, r.Text(), tc.agreedTotal)
			if strings.Contains(r.Text(), "누계(정정 후): 9") && !strings.Contains(r.Text(), "약정 누계") {
				t.Errorf("the agreed total reads as the 누계:\n%s", r.Text())
			}
			if got := h.realisedBy(3); got != 8 {
				t.Errorf("the corrected agreement #3 realised %d, want the 8 hired from #1", got)
			}
			h.run(manager, "hire 3 2 2026-08-12", commands.OutcomeRefused) // 1 left
			h.run(manager, "hire 3 1 2026-08-12", commands.OutcomeOK)
			if got := h.liveSum("women", "realised"); got != 9 {
				t.Errorf("realised women jobs = %d, want 9", got)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Break 10: a hire or a correction into a month recorded as 실적 없음 is
// refused as an add is, naming the record, not "something went wrong".
func TestHireIntoAMonthThatSaidNothingIsRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 10 senior 날짜:2026-01-20 상태:약정", commands.OutcomeOK) // #1
	h.run(manager, "실적없음 2026-02 부서:노인복지과", commands.OutcomeOK)
	var id int64
	if err := h.store.DB().GetContext(context.Background(), &id, `SELECT id FROM nothing_reports WHERE voided_at IS NULL`); err != nil {
		t.Fatal(err)
	}
	r := h.run(manager, "채용 1 3 2026-02-10", commands.OutcomeRefused)
	mustContain(t, r.Text(), fmt.Sprintf("'실적 없음'(#%d)", id), fmt.Sprintf("무효 %d <사유>", id))
	if got := h.liveSum("senior", "realised"); got != 0 {
		t.Errorf("realised = %d, want 0", got)
	}
	dbtest.CheckTotals(t, h.store)
}

// Break 13: a manager's 취소 in a closed month is pointed to 무효 with a
// reason, not told to ask a manager; an add after close offers no 취소.
func TestManagerUndoInAClosedMonth(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "마감 2026-09", commands.OutcomeOK)
	r := h.run(manager, "추가 3 youth 날짜:2026-09-21 사유:도 요청으로 추가", commands.OutcomeOK) // #1
	if strings.Contains(r.Text(), "/jobs 취소`로 바로") || strings.Contains(r.Text(), "`/jobs 취소` 또는") {
		t.Errorf("the after-close add offers 취소:\n%s", r.Text())
	}
	mustContain(t, r.Text(), "/jobs 무효 1 <사유>")
	r = h.run(manager, "취소", commands.OutcomeRefused)
	if strings.Contains(r.Text(), "에게 요청하세요") {
		t.Errorf("a manager is told to ask a manager:\n%s", r.Text())
	}
	mustContain(t, r.Text(), "2026년 9월은 마감되었습니다", "/jobs 무효 <번호> <사유>")
	dbtest.CheckTotals(t, h.store)
}

// Break 7: a reason made only of invisible characters is no reason.
func TestInvisibleReasonIsNoReason(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 5 youth 날짜:2026-04-20", commands.OutcomeOK) // #1
	h.run(manager, "마감 2026-04", commands.OutcomeOK)
	h.run(manager, "목표 2만500", commands.OutcomeOK)
	// Zero-width and direction marks are refused as typed (k34), before
	// any reason is looked at: nothing is written either way.
	for _, line := range []string{
		"무효 1 \u200b",
		"무효 1 \u200b\u2060\ufeff",
		"정정 1 6 \u200b",
		"추가 3 youth 날짜:2026-04-21 사유:\u200b",
		"마감 해제 2026-04 \u200d\u202e",
		"목표 2만1천 사유:\u200b",
		"무효 1 \u200b중복\u200b 기록",
	} {
		r := h.run(manager, line, commands.OutcomeRefused)
		noBadVerbs(t, r)
		mustContain(t, r.Text(), "보이지 않는 문자", "아무것도 처리하지 않았습니다")
	}
	for _, line := range []string{
		"무효 1 \u3164",       // a Hangul filler prints as a blank
		"무효 1 \u115f\u034f", // so does this pair
		"무효 1 \"  \"",       // quotes around nothing
		"마감 해제 2026-04 ㅤ",
		"목표 2만1천 사유:\"\"",
	} {
		r := h.run(manager, line, commands.OutcomeRefused)
		noBadVerbs(t, r)
		mustContain(t, r.Text(), "사유가 필요합니다")
	}
	if h.voided(1) || h.entryCount() != 1 {
		t.Fatal("a change with an invisible reason was written")
	}
	var n int
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM month_closes`); err != nil || n != 1 {
		t.Fatalf("month_closes = %d (%v): reopened with an invisible reason", n, err)
	}
	// A visible reason around a soft hyphen is kept without it.
	h.run(manager, "무효 1 \u00ad중복\u00ad 기록", commands.OutcomeOK)
	var reason string
	if err := h.store.DB().GetContext(context.Background(), &reason, `SELECT void_reason FROM entries WHERE id = 1`); err != nil || reason != "중복 기록" {
		t.Errorf("stored reason %q (%v), want %q", reason, err, "중복 기록")
	}
	dbtest.CheckTotals(t, h.store)
}

// Break 12: `reason:` on an add to an open month is refused, not dropped.
func TestReasonOnAnAddToAnOpenMonthIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, says string
	}{
		{commands.Korean, "추가 7 youth 날짜:2026-06-12 사유:중요한사유", "`사유:`는 마감된 달을 고칠 때만 씁니다"},
		{commands.English, "add 7 youth date:2026-06-12 reason:important", "`reason:` is only for changing a closed month"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			for _, user := range []string{manager, "U1"} {
				r := h.run(user, tc.line, commands.OutcomeRefused)
				noBadVerbs(t, r)
				mustContain(t, r.Text(), tc.says)
			}
			if n := h.entryCount(); n != 0 {
				t.Fatalf("%d entries written, want none", n)
			}
			h.run(manager, "add 10 youth status:agreed date:2026-05-02", commands.OutcomeOK) // #1
			r := h.run(manager, "hire 1 2 2026-06-12 reason:late", commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.says)
			h.run(manager, "close 2026-06", commands.OutcomeOK)
			h.run(manager, tc.line, commands.OutcomeOK) // the reason now says why a closed month changed
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Break 4: a closed month's 실적 없음 is part of what was closed: staff can
// neither record nor void one; a manager voids one only with a reason (kept
// on the record) and records one only after reopening the month.
func TestNothingInAClosedMonth(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("U1", "실적없음 2026-09 부서:노인복지과", commands.OutcomeOK)
	var id int64
	if err := h.store.DB().GetContext(context.Background(), &id, `SELECT id FROM nothing_reports`); err != nil {
		t.Fatal(err)
	}
	h.run(manager, "마감 2026-10", commands.OutcomeOK)
	h.run(manager, "마감 2026-09", commands.OutcomeOK)
	r := h.run("U1", "실적없음 2026-10 부서:노인복지과", commands.OutcomeRefused)
	noBadVerbs(t, r)
	mustContain(t, r.Text(), "2026년 10월은 마감되었습니다", "에게 요청하세요")
	r = h.run("U1", fmt.Sprintf("무효 %d 잘못", id), commands.OutcomeRefused)
	mustContain(t, r.Text(), "2026년 9월은 마감되었습니다")
	r = h.run(manager, "실적없음 2026-10 부서:노인복지과", commands.OutcomeRefused)
	mustContain(t, r.Text(), "'실적 없음'을 기록할 수 없습니다", "마감 해제")
	live := func() int {
		var n int
		if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM nothing_reports WHERE voided_at IS NULL`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := live(); n != 1 {
		t.Fatalf("live 실적 없음 = %d, want September's alone", n)
	}
	h.run(manager, fmt.Sprintf("무효 %d 도 확인 결과 실적 있음", id), commands.OutcomeOK)
	if n := live(); n != 0 {
		t.Fatalf("live 실적 없음 = %d after the manager's void, want 0", n)
	}
	h.run(manager, "마감 해제 2026-10 부서 보고 정정", commands.OutcomeOK)
	h.run("U1", "실적없음 2026-10 부서:노인복지과", commands.OutcomeOK)
}

// Break 8: a department target change needs a reason, kept and shown in the
// target history.
func TestDepartmentTargetChangeNeedsAReason(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "부서 목표 노인복지과 100", commands.OutcomeOK) // the first target needs none
	for _, line := range []string{"부서 목표 노인복지과 200", "부서 목표 노인복지과 200 사유:\u3164", "목표 200 부서:노인복지과"} {
		r := h.run(manager, line, commands.OutcomeRefused)
		noBadVerbs(t, r)
		mustContain(t, r.Text(), "목표를 100개에서 200개로 바꾸려면 사유가 필요합니다")
	}
	targets, err := h.store.DepartmentTargets(context.Background(), 2026)
	if err != nil || targets["노인복지과"] != 100 {
		t.Fatalf("target %d (%v), want 100 kept", targets["노인복지과"], err)
	}
	h.run(manager, "부서 목표 노인복지과 200 사유:추경 반영", commands.OutcomeOK)
	h.run(manager, "목표 250 부서:노인복지과 사유:하반기 사업 추가", commands.OutcomeOK)
	hist := h.run(manager, "목표 이력", commands.OutcomeOK).Text()
	mustContain(t, hist, "추경 반영", "하반기 사업 추가")
	var reasons []string
	if err := h.store.DB().SelectContext(context.Background(), &reasons,
		`SELECT reason FROM department_target_revisions ORDER BY changed_at, new_jobs`); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(reasons, "|"); got != "|추경 반영|하반기 사업 추가" {
		t.Errorf("stored reasons %q", got)
	}
	// The export's targets sheet is built from TargetRevisions.
	changes, err := h.store.TargetRevisions(context.Background(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	var shown []string
	for _, c := range changes {
		if c.Dept == "노인복지과" {
			shown = append(shown, c.Reason)
		}
	}
	if got := strings.Join(shown, "|"); got != "|추경 반영|하반기 사업 추가" {
		t.Errorf("target revisions give the reasons %q", got)
	}
}

// Break 6: a manager's void in an open month that re-bases a cumulative
// report in a closed month marks that change 마감 후 정정 and says so.
func TestVoidThatRebasesAClosedMonthIsMarked(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "마감 2026-09", commands.OutcomeOK)
	h.run("U1", "추가 5 social 날짜:2026-08-05 메모:팔월분", commands.OutcomeOK)            // #1
	h.run(manager, "추가 20 social 누계 날짜:2026-09-20 사유:도 보고 반영", commands.OutcomeOK) // #2: +15, marked
	h.run("U1", "무효 1 중복 기록", commands.OutcomeRefused)                             // staff: September would change
	r := h.run(manager, "무효 1 중복 기록", commands.OutcomeOK)
	mustContain(t, r.Text(), "2026년 9월은 마감된 달입니다", "누계 보고 #2 조정", "'마감 후 정정'으로 표시했습니다")
	var marks []string
	if err := h.store.DB().SelectContext(context.Background(), &marks,
		`SELECT entry_id || ' ' || change || ' ' || to_char(month, 'YYYY-MM') || ' ' || reason FROM entry_after_close ORDER BY entry_id, change`); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(marks, "|"); got != "2 add 2026-09 도 보고 반영|2 adjust 2026-09 중복 기록" {
		t.Errorf("marks %q", got)
	}
	if got := h.sumThrough("social", "2026-09-30"); got != 20 {
		t.Errorf("through September = %d, want the report's 20", got)
	}
	dbtest.CheckTotals(t, h.store)
}
