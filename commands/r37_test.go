package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r37 F1, F2, F10: notes saying the hires are still to come with
// 채용 as the start word (`다음달 채용`, `내달 채용`, `내년 채용`, `12월 채용`
// typed in November, `2월 채용` in January) and notes saying nobody has
// joined (`합격자(미입사)`, `모집 중`, `채용 공고 중`) were recorded as
// realised jobs, or offered a line filing them in last year's month. They
// are refused, nothing written; notes about hires made stay notes.
func TestR37HiresToComeWithChaeyongAreRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-11-26")
			for _, line := range []string{
				"추가 17 청년 메모:다음달 채용",
				"추가 24 노인 메모:내달 채용",
				"추가 26 장애인 메모:내년 채용",
				"추가 28 청년 메모:12월 채용",
				"추가 6 여성 메모:합격자(미입사)",
				"추가 9 장애인 메모:모집 중",
				"추가 12 청년 메모:채용 공고 중(12월 채용)",
			} {
				h.run("U2", line, commands.OutcomeRefused)
				if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
					t.Fatalf("%q wrote %d entries", line, n)
				}
			}
			for _, line := range []string{
				"추가 3 청년 메모:11월 채용분",
				"추가 4 청년 메모:공개모집 후 채용",
				"추가 5 청년 메모:신규 채용",
				"추가 2 청년 메모:다음달 채용 공고 게시",
			} {
				h.run("U2", line, commands.OutcomeOK)
			}
			if n := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND as_of = '2026-11-26'`); n != 14 {
				t.Errorf("SQL SUM on 2026-11-26 = %d, want 14", n)
			}
			j := r32At(t, lang, "2027-01-12")
			j.run("U2", "추가 12 청년 1/11 메모:채용 공고 중(2월 채용)", commands.OutcomeRefused)
			j.run("U2", "추가 12 청년 1/11 메모:2월 채용", commands.OutcomeRefused)
			if n := j.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Errorf("January lines wrote %d entries", n)
			}
		})
	}
}
