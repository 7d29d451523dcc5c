package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Review r21 B1: a note comparing with last year (`전년 대비 증가`,
// `2025년 대비 확대`) let a 2025 date through the past-year hold, the very
// 26→25 slip it exists for. Only the date typed, or a note naming the
// entry's own month of that year (`2025년 11월분`), says the year.
// Review r21 B2: `11월분 예정 인원 모두 채용` on a December date was read as
// a plan (예정 after the month) and filed in December; 11월분, 11월 실적,
// 11월말 say whose figure it is, whatever follows.
func TestR21YearAndMonthSaidInTheNote(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		line  string
		wants []string
	}{
		{commands.Korean, "추가 청년 6 25.11.19 메모:전년 대비 증가", []string{"2025년 날짜입니다"}},
		{commands.Korean, "추가 여성 4 25.11.18 메모:2025년 대비 확대", []string{"2025년 날짜입니다"}},
		{commands.English, "add 6 youth 2025-11-19 note:up on last year", []string{"2025"}},
		{commands.Korean, "추가 노인 7 상태:채용 메모:10월분 예정 인원 모두 채용", []string{"`10월분`"}},
		{commands.Korean, "추가 노인 7 상태:채용 메모:10월 실적 예정대로 채용 완료", []string{"`10월 실적`"}},
	} {
		t.Run(c.line, func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.refusedUntouched(manager, c.line, c.wants...)
			if n, _ := h.live(); n != 0 {
				t.Fatalf("%d entries written", n)
			}
		})
	}
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 여성 4 25.11.18 메모:2025년 11월분", commands.OutcomeOK) // the note says the year
	h.run(manager, "추가 노인 7 상태:채용 메모:12월 채용예정 5명은 제외", commands.OutcomeOK)
	if n, sum := h.live(); n != 2 || sum != 11 {
		t.Fatalf("live %d, SQL sum %d; want 2, 11", n, sum)
	}
}
