package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// `목록 11월 1일 ~ 11월 30일`: a range of two days in any form add reads,
// with or without spaces around ~, - or 부터 … 까지, lists that span's
// entries; a range written end first is refused naming both ends.
func TestListReadsARangeOfDays(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang     commands.Lang
		list     string
		lines    []string
		reversed string
		want     []string
	}{
		{commands.Korean, "목록", []string{
			"11월 1일 ~ 11월 30일", "11월1일~11월30일", "11/1 ~ 11/30", "11/1 - 11/30", "11/1-11/30",
			"11월 1일부터 11월 30일까지", "11/1 부터 11/30 까지", "2026년 11월 1일 ~ 2026년 11월 30일",
			"2026. 11. 1. ~ 2026. 11. 30.", "11. 1. ~ 11. 30.", "11월 1일 ~ 30일", "11/1 ~ 오늘",
		}, "11월 30일 ~ 11월 1일", []string{"끝나는 날(2026. 11. 1.)이 시작하는 날(2026. 11. 30.)보다 앞섭니다", "`2026. 11. 1. ~ 2026. 11. 30.`"}},
		{commands.English, "list", []string{
			"11/1 ~ 11/30", "2026-11-01 ~ 2026-11-30", "2026-11-01-2026-11-30", "11/1 - 11/30", "11/1 ~ today",
		}, "2026-11-30 ~ 2026-11-01", []string{"ends (11/1/2026) before it starts (11/30/2026)"}},
	} {
		h := newHarness(t, tc.lang)
		h.run(manager, "add 5 youth 11/2", commands.OutcomeOK)
		h.run(manager, "add 6 youth 10/20", commands.OutcomeOK)
		h.run(manager, "add 7 senior 11/25", commands.OutcomeOK)
		for _, span := range tc.lines {
			r := h.run(manager, tc.list+" "+span, commands.OutcomeOK)
			mustContain(t, r.Text(), "#1 ", "#3 ")
			if strings.Contains(r.Text(), "#2 ") {
				t.Errorf("%s %s lists #2 of 10/20:\n%s", tc.list, span, r.Text())
			}
		}
		r := h.run(manager, tc.list+" 11/1 ~ 11/30 youth", commands.OutcomeOK)
		mustContain(t, r.Text(), "#1 ")
		if strings.Contains(r.Text(), "#3 ") {
			t.Errorf("the program filter is lost beside a range:\n%s", r.Text())
		}
		r = h.run(manager, tc.list+" "+tc.reversed, commands.OutcomeRefused)
		mustContain(t, r.Text(), tc.want...)
		// status reads the same ranges with the same reader.
		r = h.run(manager, "status 11/1 ~ 11/30", commands.OutcomeOK)
		mustContain(t, r.Text(), "12")
	}
}
