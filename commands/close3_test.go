package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r45 A1: the reason a manager gave for changing a closed month
// (an add, a void, a 정정) is shown in the list beside the 마감 후 정정
// mark, not only in the reply: an auditor reading `목록` sees why.
func TestClose3ListShowsReasonOfChangeAfterClose(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                              commands.Lang
		close, add, add2, void, fix, list string
		first, second, third              []string
	}{
		{commands.Korean, "마감 10월", "추가 노인 5 10/15 사유:누락분 <추가>", "추가 노인 3 10/16 사유:늦은 보고", "무효 %d 중복 보고", "정정 %d 7 현장 확인",
			"목록 10월", []string{"마감 후 정정(사유: 누락분 <추가>; 현장 확인)"}, []string{"마감 후 정정(사유: 늦은 보고; 중복 보고)"},
			[]string{"정정분(사유: 현장 확인) · 마감 후 정정"}},
		{commands.English, "close 2026-10", "add 5 senior 10/15 reason:missed <entry>", "add 3 senior 10/16 reason:late report", "void %d reported twice", "correct %d 7 site check",
			"list 2026-10", []string{"changed after close (reason: missed <entry>; site check)"},
			[]string{"changed after close (reason: late report; reported twice)"}, []string{"(reason: site check) · changed after close"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-11-30")
			h.run(manager, tc.close, commands.OutcomeOK)
			h.run(manager, tc.add, commands.OutcomeOK)
			first := h.sqlInt(`SELECT max(id) FROM entries`)
			h.run(manager, tc.add2, commands.OutcomeOK)
			second := h.sqlInt(`SELECT max(id) FROM entries`)
			h.run(manager, fmt.Sprintf(tc.void, second), commands.OutcomeOK)
			h.run(manager, fmt.Sprintf(tc.fix, first), commands.OutcomeOK)
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != 7 {
				t.Fatalf("live sum %d, want 7", got)
			}
			lines := strings.Split(h.run(manager, tc.list, commands.OutcomeOK).Text(), "\n")
			line := func(id int64) string {
				for _, l := range lines {
					if strings.Contains(l, fmt.Sprintf("#%d ·", id)) {
						return l
					}
				}
				t.Fatalf("no line for #%d:\n%s", id, strings.Join(lines, "\n"))
				return ""
			}
			third := h.sqlInt(`SELECT max(id) FROM entries`)
			mustContain(t, line(first), tc.first...)
			mustContain(t, line(second), tc.second...)
			mustContain(t, line(third), tc.third...)
			if l := line(third); strings.Count(l, byLang(tc.lang, "site check", "현장 확인")) != 1 {
				t.Errorf("the 정정's reason twice: %s", l)
			}
		})
	}
}
