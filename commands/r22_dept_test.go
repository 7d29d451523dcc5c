package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r22 F26: the program's own department written bare in an add
// line (`추가 청년 3 일자리정책과`) is read as the department and echoed, not
// refused as an unread word; another department's bare name is still
// asked about. SQL SUMs.
func TestOwnDepartmentWordIsReadAsTheDepartment(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang             commands.Lang
		own, other, echo string
		otherWant        string
	}{
		{commands.Korean, "추가 청년 3 11/25 일자리정책과", "추가 청년 3 11/25 노인복지과", "`일자리정책과`를 부서 ‘일자리정책과’로 읽었습니다", "부서 이름이어서"},
		{commands.English, "add 3 youth date:2026-11-25 일자리정책과", "add 3 youth date:2026-11-25 노인복지과", "`일자리정책과` as the department", "is the name of a department"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			mustContain(t, h.run(manager, c.own, commands.OutcomeOK).Text(), c.echo)
			h.refusedUntouched(manager, c.other, c.otherWant)
			if got := h.deptJobs("일자리정책과"); got != 3 {
				t.Errorf("일자리정책과 SQL sum %d, want 3", got)
			}
			if got := h.sum("true"); got != 3 {
				t.Errorf("SQL sum %d, want 3", got)
			}
		})
	}
}
