package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r22 F7: a department's name typed where the program goes
// (`추가 10 일자리정책과`) names that department's program to type, not "no
// such program, see 사업목록"; nothing is written. SQL SUMs.
func TestDepartmentTypedAsProgramNamesItsPrograms(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang       commands.Lang
		line, want string
	}{
		{commands.Korean, "추가 10 일자리정책과", "`일자리정책과`는 부서 이름입니다. 사업 이름으로 써 주십시오. 이 부서의 사업: 청년일자리"},
		{commands.English, "add 10 일자리정책과", "`일자리정책과` is a department, not a program. Write its program instead: "},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.refusedUntouched(manager, c.line, c.want)
			if got := h.sum("true"); got != 0 {
				t.Errorf("SQL sum %d, want 0", got)
			}
		})
	}
}
