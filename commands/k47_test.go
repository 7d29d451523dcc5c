package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// k47 (issue 19, review r13 leftovers).

// 누계포함:예/아니오 on a 정정 it cannot apply to — of a 누계 report, of an
// agreement (약정), or of a delta no later 누계 counted — is refused naming
// the label and why, with the line without it; nothing is written.
func TestK47WithinOnACorrectionItDoesNotApplyTo(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                             commands.Lang
		report, agree, delta             string
		onReport, onAgree, onDelta       string
		wantReport, wantAgree, wantDelta []string
		plain                            string
	}{
		{commands.Korean, "추가 500 senior 누계 날짜:2026-10-31", "추가 120 invest 상태:약정 날짜:2026-08-10", "추가 12 senior 날짜:2026-11-18",
			"정정 1 520 재집계 누계포함:예", "정정 2 100 협약 축소 누계포함:아니오", "정정 3 20 인원 재확인 누계포함:예",
			[]string{"#1 실적은 누계 보고여서 `누계포함:`을 쓰지 않습니다", "`정정 1 520 재집계`"},
			[]string{"#2 실적은 약정이어서 `누계포함:`을 쓰지 않습니다", "`정정 2 100 협약 축소`"},
			[]string{"#3 실적을 센 이후 누계 보고가 없어 `누계포함:`을 쓰지 않습니다", "`정정 3 20 인원 재확인`"},
			"정정 3 20 인원 재확인"},
		{commands.English, "add 500 senior cumulative date:2026-10-31", "add 120 invest status:agreed date:2026-08-10", "add 12 senior date:2026-11-18",
			"correct 1 520 recount within:yes", "correct 2 100 MOU reduced within:no", "correct 3 20 recount within:yes",
			[]string{"#1 is a cumulative report, so within: does not apply to it", "`correct 1 520 recount`"},
			[]string{"#2 is an agreement (MOU), so within: does not apply to it", "`correct 2 100 MOU reduced`"},
			[]string{"No later cumulative report counted #3, so within: does not apply to it", "`correct 3 20 recount`"},
			"correct 3 20 recount"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", tc.report, commands.OutcomeOK) // #1
			h.run("U1", tc.agree, commands.OutcomeOK)  // #2
			h.run("U1", tc.delta, commands.OutcomeOK)  // #3
			h.refusedUntouched("U1", tc.onReport, tc.wantReport...)
			h.refusedUntouched("U1", tc.onAgree, tc.wantAgree...)
			h.refusedUntouched("U1", tc.onDelta, tc.wantDelta...)
			if h.voided(1) || h.voided(2) || h.voided(3) {
				t.Fatalf("a refused 정정 voided: #1 %v #2 %v #3 %v", h.voided(1), h.voided(2), h.voided(3))
			}
			// The line offered goes through.
			h.run("U1", tc.plain, commands.OutcomeOK)
			if got := h.liveSum("senior", "realised"); got != 520 {
				t.Errorf("SQL SUM of senior = %d, want 520 (500 through 10/31, then 20)", got)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Review r13 W10: `목록 무효`'s corrections line counts what the 정정s moved
// in the ledger, as a SUM over the live entries before and after shows: a
// 정정 a later 누계 report absorbed (누계포함:예, the report's total stands)
// moved nothing, and is told apart.
func TestK47ListVoidedCorrectionsCountWhatMoved(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                  commands.Lang
		delta, report, other  string
		absorbed, moved, list string
		want                  []string
		notWant               string
	}{
		{commands.Korean, "추가 12 senior 날짜:2026-10-18", "추가 3290 senior 누계 날짜:2026-10-31 확인:예", "추가 30 youth 날짜:2026-10-20",
			"정정 1 20 시니어인턴 재확인 누계포함:예", "정정 3 40 오기", "목록 무효",
			[]string{"정정으로 바뀐 채용 실적: +10개", "이후 누계 보고가 흡수한 정정 +8개"}, "정정으로 바뀐 채용 실적: +18개"},
		{commands.English, "add 12 senior date:2026-10-18", "add 3290 senior cumulative date:2026-10-31 confirm:yes", "add 30 youth date:2026-10-20",
			"correct 1 20 recount within:yes", "correct 3 40 typo", "list voided",
			[]string{"changed realised jobs by +10", "+8 of the corrections were absorbed by later cumulative reports"}, "changed realised jobs by +18"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.delta, commands.OutcomeOK)  // #1
			h.run(manager, tc.report, commands.OutcomeOK) // #2
			h.run(manager, tc.other, commands.OutcomeOK)  // #3
			before := h.yearTotal()
			h.run(manager, tc.absorbed, commands.OutcomeOK) // #4: #2 keeps 3,290
			h.run(manager, tc.moved, commands.OutcomeOK)    // #5: +10
			after := h.yearTotal()
			if after-before != 10 {
				t.Fatalf("SUM before %d, after %d: moved %d, want +10", before, after, after-before)
			}
			text := h.run(manager, tc.list, commands.OutcomeOK).Text()
			mustContain(t, text, tc.want...)
			if strings.Contains(text, tc.notWant) {
				t.Errorf("the corrections line counts the absorbed 정정:\n%s", text)
			}
		})
	}
}

// Review r13 W5: `현황 3분기말` shows, for a department whose target was
// first set later (11-27), no target: none was in force on 9/30. The
// department is named among those not yet set then.
func TestK47StatusPastDateDepartmentTargetNotYetSet(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                commands.Lang
		add, target, status string
		notYet              string
	}{
		{commands.Korean, "추가 40 senior 날짜:2026-09-10 부서:노인복지과", "목표 1만3천 부서:노인복지과 사유:배분", "현황 3분기말",
			"2026. 9. 30.에는 노인복지과의 부서 목표가 아직 정해지지 않았습니다"},
		{commands.English, "add 40 senior date:2026-09-10 dept:노인복지과", "target 13000 dept:노인복지과 reason:allocation", "status 3분기말",
			"On 2026-09-30 no department target was set yet for 노인복지과"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			now := time.Date(2026, time.November, 27, 1, 0, 0, 0, time.UTC)
			h.withClock(&now)
			h.run(manager, tc.add, commands.OutcomeOK)
			h.run(manager, tc.target, commands.OutcomeOK)
			text := h.run(manager, tc.status, commands.OutcomeOK).Text()
			line := lineWith(text, "노인복지과: ")
			if line == "" {
				t.Fatalf("no 노인복지과 line:\n%s", text)
			}
			if strings.Contains(line, "13,000") {
				t.Errorf("9/30 shows a target first set on 11/27: %q\n%s", line, text)
			}
			if got := h.deptJobs("노인복지과"); got != 40 {
				t.Errorf("SQL SUM of 노인복지과 = %d, want 40", got)
			}
			mustContain(t, text, tc.notYet)
		})
	}
}
