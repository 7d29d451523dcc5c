package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// An 추가 dated on or before a later 누계 of its program is ambiguous: the
// 누계 may already hold those jobs, or they are separate. It is asked, as a
// 채용 is (one question): nothing is written until the line comes back with
// 누계포함:예 (the report is re-based and the year total stays) or
// 누계포함:아니오 (the report's total rises), the answer before 메모:.
func TestAddBeforeLaterReportAsksWithin(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                                    commands.Lang
		report, add, ask, yesLine, noLine, kept string
		buttons                                 [2]string
		add2, raised, beyond, after, cumWithin  string
		beyondSays, cumSays                     string
	}{
		{commands.Korean,
			"추가 400 invest 누계 날짜:2026-04-30", "추가 30 invest 날짜:2026-04-15 메모:4월 신규 채용분",
			"이 실적(2026. 4. 15., 30개)은 이후 누계 보고보다 앞선 날짜입니다: 2026. 4. 30. 누계 #1 400개.",
			"`추가 30 invest 날짜:2026-04-15 누계포함:예 메모:4월 신규 채용분`",
			"별도 실적이면 이후 누계 보고가 바뀝니다(2026. 4. 30. 누계 #1: 400개 → 430개): `추가 30 invest 날짜:2026-04-15 누계포함:아니오 메모:4월 신규 채용분`",
			"이후 누계에 이미 포함된 실적으로 기록했습니다: 2026. 4. 30. 누계 #1 400개 유지(증가분 400개 → 370개)",
			[2]string{"누계에 포함됨", "별도 실적"},
			"추가 20 invest 4월 20일", "이 실적으로 이후 누계 보고가 바뀝니다: 2026. 4. 30. 누계 #1: 400개 → 420개",
			"추가 500 invest 날짜:4/1 누계포함:예", "추가 5 invest 날짜:2026-05-02", "추가 450 invest 누계 날짜:2026-05-31 누계포함:예",
			"증가분이 370개뿐이어서 500개가 그 누계에 포함될 수 없습니다. 아무것도 기록하지 않았습니다. 별도 실적이면: `추가 500 invest 날짜:2026. 4. 1. 누계포함:아니오`", // the day written out (review r39 F17)
			"누계 보고에는 쓰지 않습니다"},
		{commands.English,
			"add 400 invest cumulative date:2026-04-30", "add 30 invest date:2026-04-15 note:new hires in April",
			"These jobs (30 as of 2026-04-15) are dated on or before the later cumulative report #1 (2026-04-30, 400 in total).",
			"`add 30 invest date:2026-04-15 within:yes note:new hires in April`",
			"cumulative #1 of 2026-04-30: 400 → 430. Send: `add 30 invest date:2026-04-15 within:no note:new hires in April`",
			"Recorded as already inside the later cumulative report: #1 (2026-04-30) keeps its total of 400 (increment 400 → 370).",
			[2]string{"Already in the total", "Separate jobs"},
			"add 20 invest date:2026-04-20", "2026-04-30",
			"add 500 invest date:2026-04-01 within:yes", "add 5 invest date:2026-05-02", "add 450 invest cumulative date:2026-05-31 within:yes",
			"added only 370, so 500 cannot be inside it. Nothing was recorded. If these are separate jobs: `add 500 invest date:2026-04-01 within:no`",
			"does not go with a cumulative report"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.report, commands.OutcomeOK) // #1
			r := h.run("U1", tc.add, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.ask, tc.yesLine, tc.noLine)
			if len(r.Actions) != 2 || r.Actions[0].Label != tc.buttons[0] || r.Actions[1].Label != tc.buttons[1] ||
				r.Actions[0].ID != commands.ActionConfirm || r.Actions[1].ID != commands.ActionConfirm {
				t.Fatalf("buttons %+v, want %v", r.Actions, tc.buttons)
			}
			if n := h.entriesStored(); n != 1 {
				t.Fatalf("the question wrote: %d entries", n)
			}
			// Already in the 누계: the button's line records it, the report is
			// re-based, and neither total moves.
			r = h.run("U1", r.Actions[0].Command, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.kept)
			if strings.Contains(r.Text(), "→ 430") {
				t.Errorf("a delta inside the report says the report rose:\n%s", r.Text())
			}
			if got, year := h.through("invest", "2026-04-30"), h.through("invest", "2026-12-31"); got != 400 || year != 400 {
				t.Errorf("SQL through 4/30 = %d, year = %d; want 400, 400", got, year)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE note = $1 AND voided_at IS NULL`, strings.SplitN(tc.add, ":", 3)[2]); n != 1 {
				t.Errorf("%d entries carry the note as typed, want 1", n)
			}
			// Separate jobs: the second button raises the report and says so.
			r = h.run("U1", tc.add2, commands.OutcomeRefused)
			if len(r.Actions) != 2 {
				t.Fatalf("second question's buttons %+v", r.Actions)
			}
			r = h.run("U1", r.Actions[1].Command, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.raised)
			if got := h.through("invest", "2026-04-30"); got != 420 {
				t.Errorf("SQL through 4/30 = %d, want 420", got)
			}
			// More than the report added cannot be inside it: refused, naming
			// the line for separate jobs; nothing written.
			before := h.entriesStored()
			r = h.run("U1", tc.beyond, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.beyondSays)
			if n := h.entriesStored(); n != before {
				t.Errorf("a refused delta wrote: %d entries, want %d", n, before)
			}
			// After the report's date nothing is asked.
			h.run("U1", tc.after, commands.OutcomeOK)
			// 누계포함 on a 누계 is refused.
			r = h.run("U1", tc.cumWithin, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.cumSays)
			if got := h.through("invest", "2026-12-31"); got != 425 {
				t.Errorf("SQL year total = %d, want 425", got)
			}
			r = h.run("U1", "status", commands.OutcomeOK)
			mustContain(t, r.Text(), "425")
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// The add form (and a reminder's Report now, which opens it) asks the same
// question: nothing written, the form's line with each answer, a button for
// each; the button records once.
func TestAddFormBeforeLaterReportAsksWithin(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang         commands.Lang
		report, kept string
	}{
		{commands.Korean, "추가 400 senior 누계 날짜:2026-04-30", "2026. 4. 30. 누계 #1 400개 유지(증가분 400개 → 390개)"},
		{commands.English, "add 400 senior cumulative date:2026-04-30", "#1 (2026-04-30) keeps its total of 400 (increment 400 → 390)"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.report, commands.OutcomeOK)
			r, errs := h.svc.SubmitAddForm(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceModal, IdempotencyKey: "view:1"},
				commands.AddForm{Program: "senior", Count: "10", Date: "2026-04-10", Note: "경로당 추가분"})
			if len(errs) != 0 || r.Outcome != commands.OutcomeRefused || len(r.Actions) != 2 {
				t.Fatalf("form: errs %v, outcome %q, actions %+v\n%s", errs, r.Outcome, r.Actions, r.Text())
			}
			if n := h.entriesStored(); n != 1 {
				t.Fatalf("the form's question wrote: %d entries", n)
			}
			yes := r.Actions[0].Command
			if !strings.HasSuffix(yes, "메모:경로당 추가분") && !strings.HasSuffix(yes, "note:경로당 추가분") {
				t.Errorf("the answer is not before the note: %q", yes)
			}
			r = h.run("U1", yes, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.kept)
			if got := h.through("senior", "2026-12-31"); got != 400 {
				t.Errorf("SQL year total = %d, want 400", got)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// An entry filed under the program's own department, not the department
// the person reports for, says so plainly; one filed under their own
// department (부서: typed) or by someone of no department does not.
func TestAddNamesTheProgramDepartmentItIsFiledUnder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                    commands.Lang
		deptAdd, add, own, says string
	}{
		{commands.Korean, "부서 추가 청년정책과 <@U0KIM>", "추가 10 senior", "추가 7 senior 부서:청년정책과",
			"이 실적은 사업 소관인 노인복지과 실적으로 기록했습니다 (입력한 분의 부서: 청년정책과)."},
		{commands.English, "dept add 청년정책과 <@U0KIM>", "add 10 senior", "add 7 senior dept:청년정책과",
			"This entry is filed under 노인복지과, the department that owns the program (your department: 청년정책과)."},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.deptAdd, commands.OutcomeOK)
			r := h.run("U0KIM", tc.add, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.says)
			r = h.run("U0KIM", tc.own, commands.OutcomeOK)
			if strings.Contains(r.Text(), "노인복지과") {
				t.Errorf("an entry filed under the typed department names the program's:\n%s", r.Text())
			}
			r = h.run("U2", strings.Replace(tc.add, "10", "3", 1), commands.OutcomeOK)
			if strings.Contains(r.Text(), "청년정책과") {
				t.Errorf("someone of no department is told of one:\n%s", r.Text())
			}
			if n := h.deptJobs("노인복지과"); n != 13 {
				t.Errorf("SQL 노인복지과 = %d, want 13", n)
			}
			if n := h.deptJobs("청년정책과"); n != 7 {
				t.Errorf("SQL 청년정책과 = %d, want 7", n)
			}
		})
	}
}

// A line held as a repeat and retyped with another 부서: or 상태: is no
// longer the same entry and records at once: the reply says it is a
// separate entry beside the earlier one, which still counts, and gives the
// line that voids the earlier one if it was meant as a fix.
func TestRetypedLineWithOtherDepartmentIsSeparate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                       commands.Lang
		add, dept, status, fresh   string
		deptSays, statusSays, void string
		voidStatus                 string
	}{
		{commands.Korean, "추가 10 senior 날짜:2026-11-20", "추가 10 senior 날짜:2026-11-20 부서:청년정책과 확인:예",
			"추가 10 senior 날짜:2026-11-20 상태:약정", "추가 10 senior 날짜:2026-11-20 부서:청년정책과 확인:예",
			"별도 실적으로 새로 기록했습니다: 부서만 다른 실적 #1(부서 노인복지과)도 그대로 남아 두 실적 모두 합계에 들어갑니다. #1의 부서를 고치려던 것이면 다음 줄로 그 실적을 무효로 하십시오: `무효 1 부서 변경`",
			"상태만 다른 실적 #1(상태 채용)", "무효 1 부서 변경", "`무효 1 상태 변경`"},
		{commands.English, "add 10 senior date:2026-11-20", "add 10 senior date:2026-11-20 dept:청년정책과 confirm:yes",
			"add 10 senior date:2026-11-20 status:agreed", "add 10 senior date:2026-11-20 dept:청년정책과 confirm:yes",
			"Recorded as a separate entry: #1, which differs only in its department (노인복지과), stays live, and both count in the totals. If you meant to fix #1's department, void it: `void 1 department changed`",
			"differs only in its status", "void 1 department changed", "`void 1 status changed`"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "dept add 청년정책과", commands.OutcomeOK)
			h.run("U1", tc.add, commands.OutcomeOK)      // #1
			h.run("U1", tc.add, commands.OutcomeRefused) // held as a repeat
			r := h.run("U1", tc.dept, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.deptSays)
			r = h.run("U1", tc.status, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.statusSays, tc.voidStatus)
			// Another department typed with no question asked before: an
			// entry of its own, and no such line.
			next := strings.Replace(tc.add, "11-20", "11-21", 1)
			h.run("U2", next, commands.OutcomeOK)
			r = h.run("U2", strings.Replace(tc.fresh, "11-20", "11-21", 1), commands.OutcomeOK)
			if strings.Contains(r.Text(), tc.deptSays[:20]) {
				t.Errorf("a line never held is called a separate entry:\n%s", r.Text())
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`); got != 40 {
				t.Errorf("SQL realised = %d, want 40 (every entry counts)", got)
			}
			h.run("U1", tc.void, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`); got != 30 {
				t.Errorf("SQL realised after the void = %d, want 30", got)
			}
			if got := h.deptJobs("청년정책과"); got != 20 {
				t.Errorf("SQL 청년정책과 = %d, want 20", got)
			}
			r = h.run("U1", "status", commands.OutcomeOK)
			mustContain(t, r.Text(), fmt.Sprint(30))
		})
	}
}
