package commands_test

import (
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r22 F24: on 5 January `추가 청년 9 1/5 메모:합격자(2월 입사)` was
// read as last year's February and offered a line filing 9 jobs there. A
// note saying the people start work after the entry's date is refused as
// not hired yet, for an add and for a 채용; a start already past, or an
// agreement, is recorded. SQL SUMs.
func TestNoteStartingWorkLaterIsNotHiredYet(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang                commands.Lang
		agree, hire         string
		refused             []string
		want                string
		recorded, agreedTwo string
	}{
		{commands.Korean, "추가 투자 약정 50 2026. 12. 10.", "채용 1 9 1/5 메모:2월 입사",
			[]string{"추가 청년 9 1/5 메모:합격자(2월 입사)", "추가 청년 9 1/5 메모:최종합격 2월 1일 입사", "추가 청년 9 1/5 메모:1월 20일 입사", "추가 청년 9 1/5 메모:3/2 출근"},
			"이후에 입사한다는 뜻으로 보입니다",
			"추가 청년 9 1/2 메모:1월 2일 입사", "추가 청년 9 1/5 상태:약정 메모:2월 입사"},
		{commands.English, "add 50 invest status:agreed date:2026-12-10", "hire 1 9 2027-01-05 note:2월 입사",
			[]string{"add 9 youth date:2027-01-05 note:합격자(2월 입사)", "add 9 youth date:2027-01-05 note:3/2 출근"},
			"start work after 2027-01-05",
			"add 9 youth date:2027-01-02 note:1월 2일 입사", "add 9 youth date:2027-01-05 status:agreed note:2월 입사"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			now := time.Date(2027, time.January, 5, 1, 0, 0, 0, time.UTC)
			h := newHarness(t, c.lang)
			h.withClock(&now)
			h.run(manager, c.agree, commands.OutcomeOK)
			for _, line := range append(c.refused, c.hire) {
				h.refusedUntouched(manager, line, c.want)
			}
			if got := h.sum("true"); got != 0 {
				t.Fatalf("realised SQL sum %d after refused lines, want 0", got)
			}
			// a start already past and an agreement are recorded
			h.run(manager, c.recorded, commands.OutcomeOK)
			h.run(manager, c.agreedTwo, commands.OutcomeOK)
			if got := h.sum("true"); got != 9 {
				t.Errorf("realised SQL sum %d, want 9", got)
			}
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE status = 'agreed' AND voided_at IS NULL`); got != 59 {
				t.Errorf("agreed SQL sum %d, want 59", got)
			}
		})
	}
}
