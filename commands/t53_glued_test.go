package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r20 (round 2): `추가청년 5 12.2`, a command with the next word
// glued to it, was answered "put 추가 in front: `추가 추가청년 5 12.2`".
// The reply now names the command and gives the line with the space; an
// unknown word that is no glued command keeps the 추가 suggestion.
func TestGluedCommandIsAnsweredWithTheSpace(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		line  string
		wants []string
	}{
		{commands.Korean, "추가청년 5 12.2", []string{"`추가청년`은 명령 `추가` 뒤를", "`추가 청년 5 12.2`"}},
		{commands.Korean, "정정12 30 오타", []string{"`정정 12 30 오타`"}},
		{commands.English, "추가청년 5 12.2", []string{"the command `추가` with no space", "`추가 청년 5 12.2`"}},
		{commands.Korean, "고속철도변 1월말 누계 약 100명", []string{"앞에 `추가`를 붙이세요", "`추가 고속철도변 1월말 누계 약 100명`"}},
	} {
		t.Run(c.line, func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.refusedUntouched(manager, c.line, c.wants...)
			if n, _ := h.live(); n != 0 {
				t.Fatalf("%d entries written", n)
			}
		})
	}
}
