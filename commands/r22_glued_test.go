package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r22 F32: `추가 청년5 1/4`, the count glued to the program, was
// answered "no count found" naming nothing; the reply now gives the line
// spaced, and that line records. SQL SUM.
func TestCountGluedToTheProgramIsAnsweredSpaced(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang       commands.Lang
		line, want string
	}{
		{commands.Korean, "추가 청년5 11/25", "`추가 청년 5 11/25`"},
		{commands.Korean, "추가 청년5명 11/25", "`추가 청년 5명 11/25`"},
		{commands.English, "add youth5 date:2026-11-25", "`add youth 5 date:2026-11-25`"},
	} {
		t.Run(string(c.lang)+"/"+c.line, func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.refusedUntouched(manager, c.line, c.want)
			h.run(manager, c.want[1:len(c.want)-1], commands.OutcomeOK)
			if got := h.sum("true"); got != 5 {
				t.Errorf("SQL sum %d, want 5", got)
			}
		})
	}
}

// F5: a 정정 meant for the employment type (`정정 1 15 고용형태 임시로
// 정정`, `정정 1 15 고용형태:임시`) says how that is done: void and add
// again; nothing changes (SQL SUM and type).
func TestCorrectionOfAnotherFieldSaysHow(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang               commands.Lang
		add, words, option string
		wantWords, wantOpt string
	}{
		{commands.Korean, "추가 청년 15 11/25", "정정 1 15 고용형태 임시로 정정", "정정 1 15 고용형태:임시 사유:고용형태 오기",
			"수가 아니라 날짜·상태·고용형태를 바로잡으려면 `무효 1 <사유>`", "날짜·상태·고용형태는 정정으로 바꿀 수 없습니다"},
		{commands.English, "add 15 youth date:2026-11-25", "correct 1 15 type is temporary", "correct 1 15 type:temporary reason:typo",
			"void it (`void 1 <reason>`)", "the date, status and employment type of #1 stay"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.run(manager, c.add, commands.OutcomeOK)
			h.refusedUntouched(manager, c.words, c.wantWords)
			h.refusedUntouched(manager, c.option, c.wantOpt)
			if got := h.sum("true"); got != 15 {
				t.Errorf("SQL sum %d, want 15", got)
			}
		})
	}
}
